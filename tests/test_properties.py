"""Hypothesis invariants: no crash on any text, exact spans, ordered intervals, self-consistency."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck.extract import extract_claims
from claimcheck.match import build_index, totals
from claimcheck.models import Source
from claimcheck.segment import segment
from claimcheck.verdict import judge

FRAGMENTS = st.sampled_from([
    "In 2004", "from 2004 to 2011", "22 June 2004:", "mid-February", "last year", "over 5,000", "15,000",
    "Euro 115 million", "10, 60 percent", "eight times", "three weeks ago", "this Thursday", "May 2017",
    "the 1990s", "twelve thousand", "42 km", "Resolution 1546", "Covid19", "World War II", "38 views",
    "the committee", "trained officers", "opened the plant", "in July", "2,000 courses", "$4.2bn",
    "End 2004", "between April and December 2016", "Boeing 747", "\n", "\n\n", ".", ",", "- ", "# ",
    # Page structure: table rows, label lines, glued labels, bylines, fences, citation markers.
    "| Guinea | 3 814 |", "|---|---|", "Launch:", "Opened14 March 2004", "By A. Writer,", "```", "    x = 1;",
    ".[9][10]", "a.m.", "U.S.", "2 / 8", "Home »", "Check Also", "Conservative 368 365", "12 July 2022:",
    # numbers as the web writes them
    "3-3", "4-2 on penalties", "23rd minute", "Messi 80'", "3h 05 min", "Labour 368 365", "-40°C", "7½",
    "twice", "a single", "26th", "Category 4", "magnitude-6.4", "0945 GMT", "7/7", "52\nhours", "minus 3",
])
DOCUMENTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=40).map(" ".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _source(text: str, role: str = "secondary", published: dt.date | None = dt.date(2021, 2, 26)) -> Source:
    return Source(path="doc.md", name="doc", text=text, role=role, published=published)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


@SETTINGS
@given(st.one_of(DOCUMENTS, st.text()))
def test_any_text_gives_exact_in_bounds_claims(text: str) -> None:
    for claim in extract_claims(_source(text)):
        assert 0 <= claim.offset < claim.end_offset <= len(text)
        assert text[claim.offset : claim.end_offset] == claim.quote
        assert (claim.line, claim.column) == _line_col(text, claim.offset)
        assert claim.quote in claim.sentence
        if claim.date and claim.date.start:
            assert claim.date.start <= claim.date.end


@SETTINGS
@given(st.one_of(DOCUMENTS, st.text()))
def test_units_are_exact_ordered_and_in_bounds(text: str) -> None:
    previous_end = 0
    for sentence in segment(text, 0, dt.date(2021, 2, 26), "In 2004"):
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text == sentence.text.strip()
        previous_end = sentence.end


@SETTINGS
@given(DOCUMENTS)
def test_extraction_is_deterministic(text: str) -> None:
    assert extract_claims(_source(text)) == extract_claims(_source(text))


@SETTINGS
@given(DOCUMENTS)
def test_undated_sources_never_guess_relative_dates(text: str) -> None:
    for claim in extract_claims(_source(text, published=None)):
        if claim.date and claim.date.relative and claim.date.resolved_from is None:
            assert claim.date.unresolved and claim.date.start is None


@SETTINGS
@given(DOCUMENTS)
# Found by Hypothesis: a figure alone on its line took the line below as its caption in a secondary
# document only, so its twin in the record shared no word with it and could not stand against a conflict.
@example(text="Covid19 this Thursday \n three weeks ago \n Covid19")
def test_a_document_reconciled_against_itself_has_no_conflicts(text: str) -> None:
    record = extract_claims(_source(text, role="record"))
    index = build_index(record + totals(record), text)
    for claim in extract_claims(_source(text)):
        assert judge(claim, index).verdict != "conflict", claim


PHRASE_TEXT = st.lists(st.one_of(st.sampled_from([
    "death toll", "DEATH TOLL", "Lives Lost", "price tag", "lifted off", "touched down", "on board", "ſhut down",
    "made landfall", "broke through", "room for", "closed the deal", "İs", "ß", "K", "—", "’",
]), st.text(max_size=8)), max_size=12).map(" ".join)


@SETTINGS
@given(PHRASE_TEXT)
def test_phrase_prefilter_never_misses_a_phrase(text: str) -> None:
    from claimcheck.frame import ANY_PHRASE, ANY_PHRASE_ASCII, PHRASE_EVENTS

    found = any(pattern.search(text) for pattern, _ in PHRASE_EVENTS)
    assert bool(ANY_PHRASE.search(text)) == found
    if text.isascii():
        assert bool(ANY_PHRASE_ASCII.search(text.lower())) == found


# (?i:) reads "ſ" (a long s) as "s" and "İ" as "i", but str.lower() keeps them: every word a pattern
# matched is looked up in the tables folded as the pattern read it, or the lookup fails (a KeyError, once).
@pytest.mark.parametrize("text", [
    "laſt Tueſday it rained.", "On Wedneſday, 5 May 2021.", "thİs mornİng at 9.", "a magnİtude-6.4 quake",
    "ſummer 2020", "in the ſpring", "12 minuteſ and 3 hourſ", "one-ſixth of voters", "5 thouſand people",
    "ſeven-eighths of it", "three quarterſ of them", "1,200 ſquare feet", "40 lİtres", "a Category 4 ſtorm",
    "four dayſ later", "yeſterday", "laſt nİght", "next ſaturday", "12 ſ",
])
def test_letters_that_case_folding_reads_as_ascii_break_no_lookup(text: str) -> None:
    extract_claims(_source(text))


@SETTINGS
@given(DOCUMENTS.map(lambda text: text.replace("s", "ſ").replace("i", "İ").replace("k", "\u212a")))
def test_any_text_with_such_letters_gives_claims(text: str) -> None:
    for claim in extract_claims(_source(text)):
        assert text[claim.offset : claim.offset + len(claim.quote)] == claim.quote
