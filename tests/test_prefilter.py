"""The prefilter and the rules' hints only skip work: extraction with them equals extraction without."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import extract
from claimcheck.models import Source
from claimcheck.prefilter import Hits
from claimcheck.rules import first_chars

_RULES_FOR = extract._rules_for


class _Everywhere:
    """A prefilter that passes every span: the reference."""

    def __init__(self, text: str) -> None:
        pass

    def may_match(self, start: int, end: int) -> bool:
        return True


def _plain(rule):
    """The rule as written: no hint, no lean pattern, its own pattern instead of the scanner."""
    plain = replace(rule, hint=None, lean=None)
    object.__setattr__(plain, "scan", plain.pattern)
    return plain


_PLAIN = {rule.name: _plain(rule) for rule in extract.RULES}


def _unfiltered(source):
    """Claims with every span read and every gated rule run as written, as before the prefilter."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(extract, "Hits", _Everywhere)
        patch.setattr(extract, "_rules_for", lambda present: tuple(_PLAIN[r.name] for r in _RULES_FOR(present)))
        return extract.extract_claims(source)


# Pieces of text that rules read, that they almost read, and characters whose lower case is odd.
TOKENS = (
    "2004", "12", "1,500", "3.5", "40,462", "1990s", "'90s", "2019-03-14", "12/03/2004", "2004-05", "3-1", "26th",
    "80'", "Q3", "FY2023", "January", "May", "may", "Sept.", "MARCH", "mid-February", "the", "early", "late", "end of",
    "last", "this", "next", "year", "week", "ago", "today", "ten", "often", "twenty-one", "million", "percent", "%",
    "$", "km", "half", "quarter", "second", "century", "Christmas", "later", "İ", "\u212a", "ſtart", "Initiated",
    "of", "in", "since", "|", "-", "–", "/", "#", "**", "`", "@", ":", "(", ")", "[1]",
)
SEPARATORS = (" ", " ", " ", "\n", "\n\n", ", ", ". ", " | ", "", "-")
texts = st.lists(st.tuples(st.sampled_from(TOKENS) | st.text(max_size=4), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(token + sep for token, sep in parts))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, dated=st.booleans())
def test_prefilter_changes_no_claim(text: str, dated: bool) -> None:
    source = Source(path="t.md", name="t", text=text, published=dt.date(2018, 12, 10) if dated else None)
    assert extract.extract_claims(source) == _unfiltered(source)


@pytest.mark.parametrize("rule", [r for r in extract.RULES if r.hint is not None], ids=lambda r: r.name)
def test_hint_is_in_every_example(rule) -> None:
    for example in rule.matches:
        assert rule.hint.search(example.text), (rule.name, example.text)


def test_hits_find_whole_words_and_digits() -> None:
    hits = Hits("Critics said it was often late. It cost 12 million. Ten days.")
    assert not hits.may_match(0, 31)  # "often" holds "ten"; "late" is no feature word
    assert hits.may_match(32, 51)
    assert hits.may_match(52, 61)


def test_span_cutting_a_word_is_read() -> None:
    hits = Hits("Openedtoday")
    assert hits.may_match(6, 11)  # "today" glued to a label: the scan saw one word, the span sees another


def test_text_whose_lower_case_is_longer_is_not_filtered() -> None:
    assert Hits("İstanbul hosted it.").may_match(9, 19)


@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_scanner_finds_what_the_pattern_finds(text: str) -> None:
    for rule in extract.RULES:
        assert [m.span() for m in rule.scan.finditer(text)] == [m.span() for m in rule.pattern.finditer(text)], rule.name


def test_first_chars() -> None:
    assert first_chars(re.compile(r"\b(?i:last|next)\s+\d")) == "(?=(?i:[ln]))"
    assert first_chars(re.compile(r"(?<!\d)(?:the\s+)?\d")) == "(?=[\\dt])"
    assert first_chars(re.compile(r"a?")) is None  # matches the empty string anywhere
    assert first_chars(re.compile(r"[^a]b")) is None
