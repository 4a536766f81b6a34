"""Verdict rules on small records from several fields: rounding, units, attribution, statement dates."""

from __future__ import annotations

import calendar
import datetime as dt
import math

import pytest

from claimcheck import api
from claimcheck.match import PART_OF_PERIOD, PART_OF_PERIOD_EXAMPLES, PART_OF_PERIOD_REJECTS
from claimcheck.verdict import DENIED_EXAMPLES, denied


@pytest.mark.parametrize(("claim", "verdict"), [
    ("The Tamar bridge is 1.3 km long.", "agree"),  # 1,280 m rounded to a tenth of a km
    ("The Tamar bridge is 1.5 km long.", "conflict"),
    ("The Tamar bridge is about 4,200 feet long.", "agree"),  # 1,280 m is 4,199 ft
    ("The company raised EUR 1.8 million.", "agree"),  # 1.84 rounded
    ("The company raised EUR 2.1 million.", "conflict"),
])
def test_rounding_and_units(claim: str, verdict: str) -> None:
    record = "---\nrole: record\n---\nThe Tamar bridge is 1,280 m long.\nThe company raised EUR 1.84 million.\n"
    findings = api.reconcile(api.extract_claims(claim, {"path": "a.md"}), record)
    assert [f.verdict for f in findings] == [verdict]


SPORT_RECORD = ("---\nrole: record\n---\nHead coach Ann Lee joined Riverside United in 2001.\n"
                "Riverside United won the national cup in 1998.\n")


def _verdicts(text: str, record: str, published: str = "2023-05-02") -> list[tuple[str, str]]:
    findings = api.reconcile(api.extract_claims(text, {"path": "a.md", "published": published}), record)
    return [(f.claim.quote, f.verdict) for f in findings]


@pytest.mark.parametrize(("sentence", "quote", "want"), DENIED_EXAMPLES)
def test_a_value_the_writer_denies_is_read_as_denied(sentence: str, quote: str, want: bool) -> None:
    claims = api.extract_claims(sentence, {"path": "a.md"})
    assert denied(next(c for c in claims if c.quote == quote)) is want


def test_a_corrected_figure_contradicts_the_record_figure_it_denies() -> None:
    # "not 93" is what the writer corrects, not a value stated beside 97 (stated_beside): 97 is compared
    # with the record's 93, and is wrong.
    record = "---\nrole: record\n---\nFarms culled (infected and dangerous contacts): 93\n"
    assert ("97", "conflict") in _verdicts("I heard it was 97 farms culled, not 93?", record)
    # A figure the sentence states beside it without denying it is still another one: no conflict.
    assert ("97", "conflict") not in _verdicts("I heard it was 97 farms culled, and 93 were infected.", record)


def test_the_date_of_a_statement_never_conflicts() -> None:
    got = _verdicts("The club won the national cup in 1998, head coach Ann Lee said on Monday.", SPORT_RECORD)
    assert got == [("1998", "agree"), ("on Monday", "unsupported")]


def test_the_speaker_is_not_the_fact() -> None:
    # Names next to "said" are who spoke: without that rule the claim about the cup was judged
    # against the coach's own 2001 award (same names, same "won") and called a conflict with it.
    record = ("---\nrole: record\n---\nHead coach Ann Lee won the coach of the year award in 2001.\n"
              "Riverside United won the national cup in 1998.\n")
    claims = api.extract_claims("Head coach Ann Lee said the club won the national cup in 1999.", {"path": "a.md"})
    findings = api.reconcile(claims, record)
    assert [f.claim.quote for f in findings] == ["1999"]
    assert not (findings[0].evidence and findings[0].evidence.quote == "2001"), findings[0]



def test_speaker_words_are_found_by_position_when_the_quote_has_words() -> None:
    # The quote's own words are left out of the context; the speaker's words around "said" must still
    # be the ones down-weighted (an index shift by the quote's length once missed "Secretary General").
    from claimcheck.frame import NAME_BOOST, SPEAKER_WEIGHT, context_of, term

    text = "In mid-February, NATO Secretary General Jens Stoltenberg said that troops would grow."
    claim = api.extract_claims(text, {"published": "2021-02-26"})[0]
    assert claim.quote == "mid-February"
    weights = context_of(claim).weights
    for name in ("Secretary", "General", "Jens", "Stoltenberg"):
        assert weights[term(name)] == pytest.approx(NAME_BOOST * SPEAKER_WEIGHT), name


def test_a_table_value_reads_its_column_header() -> None:
    record = ("---\nrole: record\n---\n| Season | Champion | Goals |\n|---|---|---|\n"
              "| 2021 | Harbour City | 31 |\n")
    claim = [c for c in api.extract_claims(record, {"path": "r.md"}) if c.quote == "31"][0]
    assert (claim.block, claim.label, claim.row) == ("table_row", "Goals", "2021")
    findings = api.reconcile(api.extract_claims("Harbour City scored 29 goals in 2021.", {"path": "a.md"}), record)
    assert [(f.claim.quote, f.verdict) for f in findings] == [("29", "conflict"), ("2021", "agree")]


def test_a_value_given_in_prose_and_in_the_fact_sheet_cites_the_fact_sheet() -> None:
    # The labelled corpora cite the structured line when the record gives the value twice.
    record = ("---\nrole: record\n---\nThe Orwell viaduct, a railway bridge of 1,402 metres over the estuary, "
              "opened to trains in 1968 after four years of building.\n\nLength: 1,402 metres\nOpened: 1968\n")
    findings = api.reconcile(api.extract_claims("The Orwell railway viaduct is 1,402 metres long.", {"path": "a.md"}),
                             record)
    assert [(f.verdict, f.evidence.sentence) for f in findings] == [("agree", "Length: 1,402 metres")]


def test_ahead_marks_a_pair_that_no_statement_on_the_other_side_outmatches() -> None:
    # The claim's value is the record's date for the second ascent; the first ascent, which the claim
    # is about, has another date: the identical value is not ahead, the differing one is.
    from claimcheck.match import FEATURES, build_index
    from claimcheck.verdict import pairs

    record = ("---\nrole: record\n---\nThe first ascent of the peak was made on 19 May 1961 by a British party.\n\n"
              "A Swiss team made the second climb by a new ridge on 21 May 1961.\n")
    rclaims = api.extract_claims(record, {"path": "r.md", "role": "record"})
    index = build_index(rclaims, record)
    claim = api.extract_claims("The first ascent of the peak was made on 21 May 1961.", {"path": "a.md"})[0]
    ahead = FEATURES.index("ahead")
    got = {(index.claims[p.index].quote, p.agrees): p.features[ahead] for p in pairs(claim, index)}
    assert got == {("19 May 1961", False): 1.0, ("21 May 1961", True): 0.0}


@pytest.mark.parametrize(("text", "quote", "expected"), [
    # The sentence's other value, £31 million, is the record sentence's too: the date is told beside it there
    # (finance, medicine, transport); a record sentence without it, or a table row, shares nothing so.
    ("It raised 31 million pounds from investors in June 2023.", "June 2023",
     {"July 2023": True}),
    ("The trial enrolled 120 patients from March 2023.", "March 2023", {"March 2024": True}),
    ("The round raised £45 million in June 2023.", "June 2023", {"July 2023": False}),
    ("| Round | Raised | Month |\n|---|---|---|\n| Series A | £31 million | June 2023 |", "June 2023",
     {"July 2023": False}),
])
def test_companion_marks_a_record_sentence_that_states_another_value_of_the_claims(
        text: str, quote: str, expected: dict[str, bool]) -> None:
    from claimcheck.match import FEATURES, build_index
    from claimcheck.verdict import pairs, sentence_facts

    record = ("---\nrole: record\n---\nIn July 2023 the spin-out raised £31 million in a Series A round.\n\n"
              "The first trial began in March 2024 with 120 patients.\n")
    index = build_index(api.extract_claims(record, {"path": "r.md", "role": "record"}), record)
    claims = api.extract_claims(text, {"path": "a.md", "published": "2024-06-01"})
    claim = next(c for c in claims if c.quote == quote)
    dates, stated = sentence_facts(claims)(claim)
    companion = FEATURES.index("companion")
    got = {index.claims[p.index].quote: p.features[companion] > 0
           for p in pairs(claim, index, dates=dates, stated=stated)}
    assert {q: got.get(q) for q in expected} == expected


def test_a_row_for_a_subject_the_record_never_names_cannot_conflict() -> None:
    from claimcheck.match import build_index
    from claimcheck.verdict import pairs

    record = ("---\nrole: record\n---\nLumetra priced its initial public offering at $29.00 per share on "
              "18 September 2024.\n")
    index = build_index(api.extract_claims(record, {"path": "r.md", "role": "record"}), record)
    text = "Recent listings compared.\n\n| Company | IPO price |\n|---|---|\n| Lumetra | $31 |\n| Skyloft | $34 |\n"
    cells = {c.quote: c for c in api.extract_claims(text, {"path": "a.md"})}
    assert [p.agrees for p in pairs(cells["$31"], index)] == [False]  # Lumetra's own row may conflict
    assert pairs(cells["$34"], index) == []  # another company's may not


def _pair_quotes(record: str, text: str, quote: str) -> set[tuple[str, bool]]:
    """The record quotes a claim is compared with, and whether each agrees."""
    from claimcheck.match import build_index
    from claimcheck.verdict import pairs

    index = build_index(api.extract_claims(record, {"path": "r.md", "role": "record"}), record)
    claim = next(c for c in api.extract_claims(text, {"path": "a.md"}) if c.quote == quote)
    return {(index.claims[p.index].quote, p.agrees) for p in pairs(claim, index)}


TOUR_RECORD = ("---\nrole: record\n---\n| Leg | Region | Shows | Gross (US$ million) |\n|---|---|---|---|\n"
               "| 1 | Europe | 24 | 142.6 |\n| 2 | North America | 30 | 161.9 |\n| 3 | Asia | 16 | 98.4 |\n")


@pytest.mark.parametrize(("text", "quote", "compared"), [
    # The claim names the Europe row: North America's identical figure is another row's.
    ("The European leg alone grossed $161.9 million.", "$161.9 million", {("142.6", False)}),
    # Named as written, the row's own figure stays; the others' too when no row is named.
    ("The North American leg grossed $161.9 million.", "$161.9 million", {("161.9", True)}),
    # A sentence that lists the rows is an overview: nothing is ruled out by a name.
    ("Europe, North America and Asia together grossed $161.9 million.", "$161.9 million",
     {("161.9", True), ("142.6", False)}),
])
def test_a_claim_naming_another_row_of_a_table_is_not_about_this_row(text, quote, compared) -> None:
    assert compared <= _pair_quotes(TOUR_RECORD, text, quote)
    if "European" in text:
        assert ("161.9", True) not in _pair_quotes(TOUR_RECORD, text, quote)


def test_a_row_is_named_by_all_its_words_and_a_bracketed_figure_by_the_words_before_the_bracket() -> None:
    # Box office by territory (film): "South Korea" is one row, however many words; the figure in
    # brackets belongs to the name before them; a list item is read clause by clause like prose.
    record = ("---\nrole: record\n---\n| Territory | Total gross |\n|---|---|\n| South Korea | $19.8 million |\n"
              "| Japan | $17.4 million |\n| Germany | $14.7 million |\n| France | $12.9 million |\n")
    bracket = "Its best markets abroad were Germany ($14.7 million) and South Korea ($17.4 million)."
    assert ("$17.4 million", True) not in _pair_quotes(record, bracket, "$17.4 million")
    listed = "- Germany gave it $12.9 million, and South Korea nearly $20 million."
    assert ("$12.9 million", True) not in _pair_quotes(record, listed, "$12.9 million")


def _dated_pair_quotes(record: str, text: str, quote: str) -> set[tuple[str, bool]]:
    """_pair_quotes, with the days and months of the claim's sentence in view (as judge_all gives them)."""
    from claimcheck.match import build_index
    from claimcheck.verdict import pairs, sentence_dates

    meta = {"path": "a.md", "published": "2024-08-20"}
    index = build_index(api.extract_claims(record, {"path": "r.md", "role": "record", "published": "2024-09-01"}), record)
    claims = api.extract_claims(text, meta)
    claim = next(c for c in claims if c.quote == quote)
    dates = sentence_dates(claims).get((claim.path, claim.sentence_index), ())
    return {(index.claims[p.index].quote, p.agrees) for p in pairs(claim, index, dates=dates)}


FIRE_RECORD = ("---\nrole: record\n---\n| Date | Acres burned | Containment |\n|---|---|---|\n"
               "| July 25, 2024 | 22,940 | 5% |\n| July 26, 2024 | 29,580 | 12% |\n")
BANK_RECORD = ("---\nrole: record\n---\n| Quarter end | Uninsured deposits (%) |\n|---|---|\n"
               "| 31 Dec 2023 | 47.2 |\n| 30 Jun 2024 | 44.8 |\n")


@pytest.mark.parametrize(("record", "text", "quote", "kept", "dropped"), [
    # A wildfire's daily table: the figure dated to the 26th is not the 25th row's, however equal.
    (FIRE_RECORD, "On July 26, 2024, the fire had burned 22,940 acres.", "22,940 acres",
     ("29,580", False), ("22,940", True)),
    # A bank's quarterly table: "by June 30" is the June row's figure.
    (BANK_RECORD, "By June 30, 2024, uninsured deposits made up 47.2% of deposits.", "47.2%",
     ("44.8", False), ("47.2", True)),
    # A date in another clause dates another fact: the row that states the figure stays.
    (FIRE_RECORD, "The fire had burned 22,940 acres by the first morning, and crews stayed until July 26, 2024.",
     "22,940 acres", ("22,940", True), None),
])
def test_an_amount_dated_to_another_row_of_a_dated_table_is_not_about_this_row(record, text, quote, kept, dropped) -> None:
    compared = _dated_pair_quotes(record, text, quote)
    assert kept in compared
    assert dropped is None or dropped not in compared


@pytest.mark.parametrize(("record", "text", "quote", "kept", "dropped"), [
    # A race (sport): each time is its winner's; Ståhl's claim is compared with Ståhl's time only.
    ("The wheelchair races were won by Tomás Ferreira of Brazil in 1:26:41 and Annika Ståhl of Sweden in 1:39:12.",
     "Ferreira and Ståhl won the wheelchair races, Ståhl clocking 1:26:41.", "1:26:41", ("1:39:12", False), ("1:26:41", True)),
    # An election (politics): the seats the claim gives the Conservatives are Labour's.
    ("Labour won 412 seats and the Conservatives won 121 seats.", "The Conservatives won 412 seats.", "412",
     ("121", False), ("412", True)),
    # The words right after a figure are still its own (a company): Whitcombe founded it in 2006, and the
    # listing in 2013 is not hers.
    ("Corvane was founded in Austin in 2006 by Dana Whitcombe and Ravi Anand and listed its shares in 2013.",
     "Whitcombe, who co-founded the company in 2007, stayed on.", "2007", ("2006", False), None),
    # A name all the sentence's values share is no other value's subject (a deal).
    ("Microsoft will pay $95.00 per share for Activision Blizzard; the transaction is valued at $68.7 billion.",
     "Microsoft agreed to buy Activision Blizzard for $68.7 billion.", "$68.7 billion", ("$68.7 billion", True), None),
])
def test_a_value_named_for_another_subject_of_the_record_sentence_is_not_about_this_value(
        record, text, quote, kept, dropped) -> None:
    compared = _pair_quotes("---\nrole: record\n---\n" + record + "\n", text, quote)
    assert kept in compared
    assert dropped is None or dropped not in compared


def test_a_value_owns_the_words_before_it_not_those_of_the_next_figure() -> None:
    # Vehicles recalled by model and market (a recall): "the Marlow" belongs to the next figure, so the
    # Total row's Canada cell is still the first figure's.
    record = ("---\nrole: record\n---\n| Model | US | Canada |\n|---|---|---|\n| Arden | 231,480 | 27,035 |\n"
              "| Marlow | 55,905 | 4,110 |\n| Total | 287,385 | 31,145 |\n")
    text = "Canada has roughly 31,000 of them and the Marlow is the smallest chunk at about 59,000 in the US."
    assert ("31,145", True) in _pair_quotes(record, text, "roughly 31,000")


def test_a_table_row_naming_its_subject_is_compared_with_that_row_only() -> None:
    # Case counts by country (health): the claim's row names Liberia; Guinea's cells are not its figures.
    record = ("---\nrole: record\n---\n| Country | Cases | Deaths |\n|---|---|---|\n"
              "| Guinea | 3 814 | 2 544 |\n| Liberia | 10 678 | 4 810 |\n| Total | 28 652 | 11 325 |\n")
    text = "| Country | Cases | Deaths |\n|---|---|---|\n| Liberia | 10,675 | 4,809 |\n| Total | 28,646 | 11,323 |\n"
    assert {q for q, _ in _pair_quotes(record, text, "10,675")} <= {"10 678", "4 810"}
    assert {q for q, _ in _pair_quotes(record, text, "28,646")} <= {"28 652", "11 325"}


@pytest.mark.parametrize(("text", "published", "compared"), [
    # A date after the writing is still to come, a plan however it is worded (a referendum's new rules).
    ("The new rules kick in on 1 January 2024.", "2023-06-02", False),
    # Written after it: a report of what happened.
    ("The new rules came in on 1 January 2024.", "2024-02-01", True),
    # A deadline set at the time of writing is a term, not an event to come (a court ruling).
    ("Ostara has until 1 January 2024 to appeal.", "2023-06-02", True),
])
def test_a_date_after_its_documents_writing_is_a_plan(text: str, published: str, compared: bool) -> None:
    from claimcheck.match import build_index
    from claimcheck.models import Source
    from claimcheck.verdict import judge_all, written_by

    record = "---\nrole: record\n---\nThe Twenty-Sixth Amendment came into force on 1 January 2024.\n"
    index = build_index(api.extract_claims(record, {"path": "r.md", "role": "record"}), record)
    claims = api.extract_claims(text, {"path": "a.md", "published": published})
    written = written_by(Source(path="a.md", name="a.md", text=text, published=dt.date.fromisoformat(published),
                                published_granularity="day"))
    finding = next(f for f in judge_all(claims, index, written) if f.claim.quote.endswith("2024"))
    assert (finding.verdict == "agree") is compared


@pytest.mark.parametrize(("text", "published", "verdict"), [
    # A plan against the date a record written before the day gave for it (a company's results page).
    ("Velora will pay its final dividend on 13 June.", "2025-03-02", "agree"),
    ("Velora will pay its final dividend on 12 June.", "2025-03-02", "conflict"),
    # A report that it happened, against the date given ahead: still the record's date for it.
    ("Velora paid its final dividend on 13 June.", "2025-07-01", "agree"),
    ("Velora paid its final dividend on 12 June.", "2025-07-01", "conflict"),
])
def test_a_record_date_after_the_record_was_written_is_a_plan_to_a_plan(text: str, published: str,
                                                                         verdict: str) -> None:
    record = ("---\nrole: record\npublished: 2025-02-27\n---\nVelora Air reported a record profit for 2024.\n\n"
              "Final dividend payment: 13 June 2025\n")
    findings = api.reconcile(api.extract_claims(text, {"path": "a.md", "published": published}), record,
                             written=dt.date.fromisoformat(published))
    assert [(f.claim.quote, f.verdict) for f in findings if "June" in f.claim.quote][0][1] == verdict


def test_a_document_published_in_a_month_or_a_year_may_have_been_written_to_its_end() -> None:
    from claimcheck.models import Source
    from claimcheck.verdict import written_by

    def source(day: str, granularity: str) -> Source:
        return Source(path="a.md", name="a.md", text="", published=dt.date.fromisoformat(day), published_granularity=granularity)

    assert written_by(source("2024-02-01", "month")) == dt.date(2024, 2, 29)
    assert written_by(source("2023-01-01", "year")) == dt.date(2023, 12, 31)
    assert written_by(source("2023-05-17", "day")) == dt.date(2023, 5, 17)


def test_a_near_value_that_shares_no_word_with_the_claim_cannot_contradict_it() -> None:
    record = "---\nrole: record\n---\nThe main span of the bridge is 1,991 metres long.\nThe ferry carried 1,200 cars a day.\n"
    # The span shares words with the claim: it may be the same fact written wrong.
    assert ("1,991 metres", False) in _pair_quotes(record, "Its main span measures 1,919 metres.", "1,919 metres")
    # The ferry's count shares none: a near value alone is no sign of the same fact.
    assert not {q for q, agrees in _pair_quotes(record, "Our club now has 1,210 members.", "1,210") if not agrees}
    # A compatible value stays a candidate without a shared word ("3,117 killed" for "a toll of 3,117").
    assert ("1,200", True) in _pair_quotes(record, "Our club now has 1,200 members.", "1,200")
    # Two digits swapped in a figure of four or more is the same figure written wrong, whatever the words.
    record = "---\nrole: record\n---\nStolen: £3,186,450 in cash and foreign currency.\n"
    assert ("£3,186,450", False) in _pair_quotes(record, "The gang took £3,168,450.", "£3,168,450")
    assert not _pair_quotes(record, "The gang took £3,618,450.", "£3,618,450")  # not a swap of two
    record = "---\nrole: record\n---\nThe ferry carried 1,200 cars a day.\n"
    assert not _pair_quotes(record, "Our club now has 2,100 members.", "2,100")  # 1,200 and 2,100: "12" and "21"
    # Three digits swapped suffice when both carry one unit: money, a measure, a duration.
    record = "---\nrole: record\n---\nThe contract was valued at €412 million at signing.\n"
    assert ("€412 million", False) in _pair_quotes(record, "The whole thing is 421 million euros.", "421 million euros")
    record = "---\nrole: record\n---\nOn average a tag kept transmitting for 187 days.\n"
    assert ("187 days", False) in _pair_quotes(record, "Our grant covered 178 days of fieldwork.", "178 days")
    record = "---\nrole: record\n---\nThe regiment numbered 412 officers.\n"
    assert not _pair_quotes(record, "Our club now has 421 members.", "421")  # three digits, no unit: by chance


def test_a_common_word_that_opens_the_sentence_names_no_subject() -> None:
    record = ("---\nrole: record\n---\nIn 2022 Vardenia spent 12.8% of its GDP on state pensions, and the State "
              "Pension Fund closed the year with a deficit of 2.1% of its assets.\n")
    # "Pension" opens the claim's sentence; the record writes "pensions" in lower case: no name of a fund.
    assert ("12.8%", True) in _pair_quotes(record, "Pension spending reached 12.8% of economic output.", "12.8%")
    # A name the record never writes in lower case still names its subject.
    from claimcheck.match import value_names

    claim = next(c for c in api.extract_claims("Vardenia spent 12.8% of it.", {"path": "a.md"}) if c.quote == "12.8%")
    assert value_names(claim, frozenset({"spent", "pensions"})) == {"vardenia"}
    assert value_names(claim, frozenset({"vardenia"})) == frozenset()


def _beside_quotes(record: str, text: str, quote: str) -> set[tuple[str, bool]]:
    """_pair_quotes with the values the claim's sentence states beside it, as judge_all reads them."""
    from claimcheck.match import build_index
    from claimcheck.verdict import pairs, stated_beside

    index = build_index(api.extract_claims(record, {"path": "r.md", "role": "record"}), record)
    claims = api.extract_claims(text, {"path": "a.md"})
    claim = next(c for c in claims if c.quote == quote)
    beside = stated_beside(claims)[(claim.path, claim.sentence_index, claim.offset)]
    return {(index.claims[p.index].quote, p.agrees) for p in pairs(claim, index, stated=beside)}


@pytest.mark.parametrize(("record", "text", "quote", "compared"), [
    # The sentence states the record's 46% beside the claim's 38%: the 38% is another figure.
    ("| Statistic | Ravensmoor |\n|---|---|\n| Possession | 46% |\n",
     "Ravensmoor had only 46% of possession, and just 38% after the break.", "38%", set()),
    ("| Statistic | Ravensmoor |\n|---|---|\n| Possession | 46% |\n",
     "Ravensmoor had only 38% of possession.", "38%", {("46%", False)}),
    ("Homes destroyed: 6\n", "6 homes were destroyed and 5 more were condemned.", "5", set()),
    # A conversion restates the value beside it: it may convert the record's figure wrongly.
    ("Plume top: 11.2 km\n", "The plume rose to 11.2 km at its peak, that is about 42,000 feet.", "about 42,000 feet",
     {("11.2 km", False)}),
    # Dates beside are left to the model: two parallel events the record dates alike, one misdated.
    ("Tunnelling began in 1988 at both ends.\n", "Tunnelling began in 1987 at the English end and 1988 at the French end.",
     "1987", {("1988", False)}),
])
def test_a_record_amount_stated_beside_the_claim_is_not_the_one_it_misstates(record, text, quote, compared) -> None:
    assert _beside_quotes("---\nrole: record\n---\n" + record, text, quote) == compared


def test_a_measures_dimension_is_a_word_it_shares() -> None:
    record = "---\nrole: record\n---\nRelative velocity: 11.83 km/s\nCrew: 12\nMass: about 12 million tonnes\n"
    # "moving at" shares no word with "Relative velocity", but both are speeds: the digits slipped.
    assert ("11.83 km/s", False) in _pair_quotes(record, "It was moving at 11.38 km/s.", "11.38 km/s")
    assert ("about 12 million tonnes", False) in _pair_quotes(record, "A rock of 1.2 million tonnes.", "1.2 million tonnes")
    # A count has no dimension: the crew's 12 is no candidate to be a figure of 21 visitors written wrong.
    assert not {q for q, agrees in _pair_quotes(record, "It drew 21 visitors.", "21") if not agrees}


def test_a_figure_with_two_digits_swapped_is_a_candidate() -> None:
    from claimcheck.match import build_index, swapped

    # Ten revenue sentences share the claim's words; the one whose digits it swapped need not be among
    # the best-scored, nor among the values nearest the claim's.
    lines = [f"In {2000 + k} the group's revenue was ${100 + 7 * k}.5 million." for k in range(10)]
    record = "---\nrole: record\n---\n" + "\n".join(lines) + "\nIts net profit was $131.2 million.\n"
    index = build_index(api.extract_claims(record, {"path": "r.md", "role": "record"}), record)
    claim = next(c for c in api.extract_claims("Revenue was $113.2m.", {"path": "a.md"}) if c.quote == "$113.2m")
    assert [index.claims[i].quote for i in swapped(claim, index)] == ["$131.2 million"]
    # The very digits are no swap; nor are two-digit figures, which too many values share.
    same = next(c for c in api.extract_claims("Profit was $131.2m.", {"path": "a.md"}) if c.quote == "$131.2m")
    assert swapped(same, index) == []
    year = next(c for c in api.extract_claims("It opened in 1917.", {"path": "a.md"}) if c.quote == "1917")
    dated = "---\nrole: record\n---\nIt opened on 14 September 1971.\nIt closed in 2001.\n"
    index = build_index(api.extract_claims(dated, {"path": "r.md", "role": "record"}), dated)
    assert [index.claims[i].quote for i in swapped(year, index)] == ["14 September 1971"]


# (record, text, the restated value's verdict): a conversion takes its twin's record statement.
RESTATED = [
    # a meteor's speed, given twice; the conversion has no word of the record's
    ("Entry speed: 17.3 km/s\n", "Cameras clocked the rock at 17.3 km/s, or nearly 11 miles per second.",
     ("nearly 11 miles per second", "agree")),
    # a wreck's depth with its digits slipped in the conversion (3,870 m is 12,697 ft)
    ("Wreck depth: 3,870 m\n", "The ship lies at roughly 3,870 metres, or 12,967 feet, on the sea floor.",
     ("12,967 feet", "conflict")),
    # a heat record converted wrong (42.4 °C is 108.3 °F)
    ("Previous national record: 42.4 °C\n", "It beat the old national record of 42.4°C (106.3°F).",
     ("106.3°F", "conflict")),
    # a fair conversion of a figure the record gives more precisely agrees ("28 m" for 92.6 feet), and so
    # does the figure itself: whole feet are the feet of 92 ft 7 in (compare.base_interval), while a length
    # in metres is compared at its written precision (92 m is not 92.6 m)
    ("Breadth: 92.6 feet\n", "She was 92 feet (28 m) across.", ("28 m", "agree")),
    ("Breadth: 92.6 feet\n", "She was 92 feet (28 m) across.", ("92 feet", "agree")),
    ("Breadth: 92.6 m\n", "She was 92 m (302 feet) across.", ("92 m", "conflict")),
    # the fair conversion of a wrong figure is as wrong as it
    ("Pre-atmospheric mass: 420 kg\n", "The meteoroid had a pre-atmospheric mass of 240 kg (529 lb).", ("529 lb", "conflict")),
]


@pytest.mark.parametrize(("record", "text", "expected"), RESTATED, ids=["speed", "depth", "temperature", "breadth-converted", "breadth", "breadth-metres", "mass"])
def test_a_value_restated_in_other_units_takes_its_twins_record_statement(record, text, expected) -> None:
    got = dict(_verdicts(text, "---\nrole: record\n---\n" + record))
    assert (expected[0], got.get(expected[0])) == expected, got


def test_restatements_pair_only_measures_of_one_dimension_joined_as_a_conversion() -> None:
    from claimcheck.verdict import restatements

    def pairs(text: str) -> list[tuple[str, str]]:
        claims = api.extract_claims(text, {"path": "a.md"})
        return [(claims[i].quote, claims[j].quote) for i, j in restatements(claims)]

    assert pairs("At 3,200m (roughly two miles) the runway is the longest.") == [("3,200m", "roughly two miles")]
    assert pairs("Caddell is 1,212 m, so nearly 4,000 ft, and the island is tiny.") == [("1,212 m", "nearly 4,000 ft")]
    assert pairs("The route is 42 km, which is 26 miles.") == [("42 km", "26 miles")]
    assert pairs("The fee was £117 million (€138m).") == []  # an exchange rate is no conversion
    assert pairs("She ran 5 km, then 3 miles.") == []  # two distances, not one restated
    assert pairs("It weighed 240 kg and was 3 m long.") == []  # two dimensions


EVIDENCE_RECORD = ("---\nrole: record\n---\n{sheet}The Harlow Bridge opened to traffic on 12 May 2021 after four years of work.\n\n"
                   "## Timeline\n\n- 3 March 2017: Construction begins\n- 12 May 2021: Bridge opens to traffic\n")


@pytest.mark.parametrize(("sheet", "cited"), [
    ("", "The Harlow Bridge opened to traffic on 12 May 2021"),  # prose over a timeline entry
    ("Opened: 12 May 2021\n\n", "Opened: 12 May 2021"),  # a fact sheet line over both
])
def test_evidence_is_the_statement_made_to_be_looked_up(sheet: str, cited: str) -> None:
    record = EVIDENCE_RECORD.format(sheet=sheet)
    findings = api.reconcile(api.extract_claims("The bridge opened on 12 May 2021.", {"path": "a.md"}), record)
    assert [(f.verdict, f.evidence.sentence.startswith(cited)) for f in findings] == [("agree", True)], findings


def test_an_agreement_cites_the_statement_that_also_states_the_value_beside_the_claim() -> None:
    # Two sentences give January 2026; the claim's price stands beside its date in the second only.
    record = ("---\nrole: record\n---\nOlive oil prices climbed through the winter and peaked in January 2026, "
              "officials said.\n\nIn January 2026 Spanish mills were paid €9.41/kg.\n")
    text = "Olive oil prices peaked at a record 9.41 euros a kilogram in January 2026."
    findings = api.reconcile(api.extract_claims(text, {"path": "a.md"}), record)
    assert [(f.claim.quote, f.verdict, f.evidence.sentence) for f in findings] == [
        ("9.41 euros", "agree", "In January 2026 Spanish mills were paid €9.41/kg."),
        ("January 2026", "agree", "In January 2026 Spanish mills were paid €9.41/kg."),
    ]


def test_only_a_compatible_statement_that_shares_context_stands_against_a_conflict() -> None:
    from claimcheck.verdict import decide

    # The best compatible statement at 0.5 blocks a conflict at 0.75 (margin 0.3) when it shares words
    # with the claim; when the only such statements share none, they do not, and the conflict stands.
    assert decide(0.5, 0.75, 0.2, 0.05, 0.3) == "agree"
    assert decide(0.5, 0.75, 0.2, 0.05, 0.3, p_against=0.5) == "agree"
    assert decide(0.5, 0.75, 0.2, 0.05, 0.3, p_against=0.0) == "conflict"
    assert decide(0.5, 0.2, 0.2, 0.05, 0.3, p_against=0.0) == "agree"  # no conflict to stand against


@pytest.mark.parametrize(("agrees", "context", "event", "stands"), [
    (True, 0.4, 1.0, True),     # the same event, shared words
    (True, 0.4, 0.0, True),     # no event named on one side: it may be the claim's fact
    (True, 0.4, -1.0, False),   # "approves the Operations Plan" against "announced at the Summit"
    (True, 0.0, 1.0, False),    # no shared words
    (False, 0.4, 1.0, False),   # an incompatible value never stands against a conflict
])
def test_a_compatible_statement_of_another_event_does_not_stand_against_a_conflict(agrees, context, event, stands) -> None:
    from claimcheck.match import CONTEXT, EVENT, FEATURES
    from claimcheck.verdict import Pair, stands_against

    features = [0.0] * (len(FEATURES))
    features[CONTEXT], features[EVENT] = context, event
    assert stands_against(Pair(0, agrees, tuple(features))) is stands


def test_a_day_the_record_gives_for_something_else_does_not_hide_a_misdated_event() -> None:
    record = ("---\nrole: record\n---\nThe county declared a local state of emergency on 14 March 2019, "
              "the day of the collapse.\n\n| Date | Event |\n|---|---|\n| 15 March 2019 | Sinkhole widens to 31 m |\n")
    text = "The hole opened on 14 March 2019. The county declared a state of emergency the following day."
    assert ("following day", "conflict") in _verdicts(text, record, "2024-03-14")



def test_the_same_digits_in_another_unit_are_a_candidate() -> None:
    # "13.3 million miles" for the record's "13.3 million km": a unit slip, whatever values lie between.
    from claimcheck.match import swapped
    from claimcheck.pipeline import index_record

    record = ("---\nrole: record\n---\nThe asteroid passed at 13.3 million km.\nIts orbit takes it 21 million km out.\n"
              "The probe flew 13.3 million km in all.\n")
    index = index_record(api.make_source(record, {"path": "r.md"}))
    miles = api.extract_claims("It will pass at 13.3 million miles.", {"path": "a.md"})[0]
    km = api.extract_claims("It will pass at 13.3 million km.", {"path": "a.md"})[0]
    assert [index.claims[i].quote for i in swapped(miles, index)] == ["13.3 million km", "13.3 million km"]
    assert swapped(km, index) == []  # the very value: found by value, not as a slip


def test_a_range_or_a_sum_does_not_state_the_value_it_starts_or_adds_up_to() -> None:
    from claimcheck.match import totals, value_key

    def key(text: str, quote: str):
        return value_key(next(c for c in api.extract_claims(text, {"path": "a.md"}) if c.quote == quote))

    assert key("The victims were aged between 12 and 71.", "12 and 71") != key("12 needed intensive care.", "12")
    assert key("About 40,000 came.", "About 40,000") == key("Attendance was about 40,000.", "about 40,000")
    parts = api.extract_claims("It has 5,000 troops in the north and 10,000 troops in the south.", {"path": "r.md", "role": "record"})
    (total,) = totals(parts)
    assert total.quantity.value == 15000 and value_key(total) != key("It has 15,000 troops.", "15,000")


@pytest.mark.parametrize(("record", "text", "expected"), [
    ("Previous record: 254.0 m, Henrik Aasland, 20 March 2022.", "the old WR was 254.0 from 2022", ("254.0", "agree")),
    ("Turnout: 38.6% (down 24.9 pp).", "Turnout 38.6 in the pouring rain, though.", ("38.6", "agree")),
    ("The surge was about 15-19 ft in eastern New Orleans.", "There were 15 further deaths among evacuees.", ("15", "unsupported")),
])
def test_a_bare_number_is_read_in_the_one_unit_the_record_writes_it_with(record: str, text: str, expected) -> None:
    got = dict(_verdicts(text, "---\nrole: record\n---\n" + record))
    assert (expected[0], got.get(expected[0])) == expected, got


@pytest.mark.parametrize(("record", "text", "expected"), [
    ("The company entered administration with debts of €18.4 million owed to 143 creditors.",
     "Read somewhere the debt is over 18 million, mad.", ("over 18 million", "agree")),
    ("On Spotify it drew 214.3 million streams on its first day; the label was paid $2.1 million.",
     "Its first day reached 214.3 billion, a record.", ("214.3 billion", "conflict")),  # the streams slipped a thousandfold, no money
])
def test_a_bare_amount_in_millions_is_in_the_records_one_currency(record: str, text: str, expected) -> None:
    got = dict(_verdicts(text, "---\nrole: record\n---\n" + record))
    assert (expected[0], got.get(expected[0])) == expected, got


def test_a_reading_in_bare_degrees_takes_the_scale_the_record_gives_that_reading() -> None:
    record = "---\nrole: record\n---\nBottom water temperature: 1.2 °C (34.2 °F)\n"
    got = dict(_verdicts("He says the water at the bottom was 1.2 degrees.", record))
    assert got.get("1.2") == "agree", got


def test_a_bare_dollar_sign_is_the_dollar_of_a_record_that_gives_one_other_dollar() -> None:
    from claimcheck.match import build_index
    from claimcheck.verdict import as_judged

    def unit(record: str) -> str:
        record = "---\nrole: record\n---\n" + record
        index = build_index(api.extract_claims(record, {"path": "r.md", "role": "record"}), record)
        claim = api.extract_claims("The gallery cost $14.6M.", {"path": "a.md"})[0]
        return as_judged(claim, index).quantity.unit

    assert unit("The new gallery cost CA$14.6 million and opened in 2025.\n") == "CAD"
    # A record that also gives US dollars leaves a bare "$" as written: US dollars.
    assert unit("The gallery cost CA$14.6 million (US$10.7 million) and opened in 2025.\n") == "USD"
    assert unit("The gallery cost US$14.6 million.\n") == "USD"
    from claimcheck.match import _BARE_DOLLAR

    assert [bool(_BARE_DOLLAR.search(q)) for q in ("$16 million", "$16 million U.S.", "US$16 million", "$16m, used")] == [
        True, False, False, True]


@pytest.mark.parametrize(("text", "part"), [*((t, True) for t in PART_OF_PERIOD_EXAMPLES),
                                            *((t, False) for t in PART_OF_PERIOD_REJECTS)])
def test_part_of_period_examples(text: str, part: bool) -> None:
    assert (PART_OF_PERIOD.match(text) is not None) is part


@pytest.mark.parametrize(("claim", "record_date", "wider", "narrower"), [
    ("On 12 February 2021 the ministers decided to enlarge the mission.", "February 2021", 1.0, 0.0),
    ("In mid-February 2021 the ministers decided to enlarge the mission.", "February 2021", 0.0, 0.0),
    ("In early February 2021 the ministers decided to enlarge the mission.", "2 February 2021", 0.0, 1.0),
    ("In February 2021 the ministers decided to enlarge the mission.", "2 February 2021", 0.0, 1.0),
])
def test_a_part_of_a_period_is_never_spanned_by_the_whole_period(claim: str, record_date: str, wider: float,
                                                                  narrower: float) -> None:
    # "mid-February" says only roughly when: the record's "February 2021" is what it means, not a wider span
    # than it states (as "23-30 August" is against "29 August"); it may still be coarser than a record day.
    from claimcheck.match import FEATURES, build_index
    from claimcheck.verdict import pairs

    record = f"---\nrole: record\n---\nIn {record_date} the ministers decided to enlarge the mission.\n"
    index = build_index(api.extract_claims(record, {"path": "r.md", "role": "record"}), record)
    (found,) = pairs(api.extract_claims(claim, {"path": "a.md"})[0], index)
    assert found.agrees
    assert (found.features[FEATURES.index("wider")], found.features[FEATURES.index("narrower")]) == (wider, narrower)


@pytest.mark.parametrize(("precision", "context", "scale", "bare"), [
    (0.3, 0.0, 0.0, 0.7),  # a year, no word shared
    (0.3, 0.02, 0.0, 0.0),  # scale 0: any word shared switches it off
    (0.3, 0.02, 0.1, 0.7 * 0.8),  # a common word or two: nearly as bare as none
    (0.3, 0.1, 0.1, 0.0),  # at the scale, context weighs it instead
    (0.3, 0.4, 0.1, 0.0),
    (1.0, 0.0, 0.1, 0.0),  # a day is never vague
])
def test_bareness_fades_with_the_context_shared(precision: float, context: float, scale: float, bare: float) -> None:
    from claimcheck.match import bareness

    assert bareness(precision, context, scale) == pytest.approx(bare)


@pytest.mark.parametrize(("claim", "quote", "bare"), [
    ("She and her husband have two daughters.", "two", 1.0 - 0.25 * math.log10(2)),  # the value alone, and vague
    ("Two routes opened in May.", "Two", 0.0),  # a word shared: the context weighs it, not bare
    ("The family moved to the coast in 2016.", "2016", 0.7),  # a year says little by itself
    ("He was born on 14 May 2023.", "14 May 2023", 0.0),  # a day tells as much as a value can
])
def test_bare_weighs_a_value_shared_with_no_word_by_how_vague_it_is(claim: str, quote: str, bare: float) -> None:
    # "two daughters" and a route table's "| 2 | University Spine |" share a value and nothing else: the
    # fit weighs such a pair down the more, the less its value tells by itself (match.specificity).
    from claimcheck.match import FEATURES, build_index
    from claimcheck.verdict import pairs

    record = ("---\nrole: record\n---\n| Route | Name | Opened |\n|---|---|---|\n| 1 | Harbour Line | 3 October 2022 |\n"
              "| 2 | University Spine | 14 May 2023 |\n\nThe routes were planned in 2016.\n")
    index = build_index(api.extract_claims(record, {"path": "r.md", "role": "record"}), record)
    mine = next(c for c in api.extract_claims(claim, {"path": "a.md"}) if c.quote == quote)
    found = [p for p in pairs(mine, index) if p.agrees]
    assert found
    assert max(p.features[FEATURES.index("bare")] for p in found) == pytest.approx(bare)


# A yearless date read in the year the record dates it a year off (match.record_year): a treaty's dates.
TREATY_RECORD = ("---\nrole: record\n---\nThe agreement was adopted on 12 December 2015 by 196 Parties.\n"
                 "It entered into force on 4 November 2016.\n")


@pytest.mark.parametrize(("text", "read_as", "placed"), [
    # Read as the coming December (a page's earlier dates can carry it there): the record's December is 2015's.
    ("Inked in December by 195 nations, the deal sets a limit.", "2016-12-01", "2015-12-01"),
    ("The deal was adopted on 12 December by 196 Parties.", "2016-12-12", "2015-12-12"),
    # A year the sentence gives, written or relative, is the writer's own and is never moved.
    ("The deal was adopted this December by 196 Parties.", "2016-12-01", "2016-12-01"),
    ("The 2016 talks closed in December.", "2016-12-01", "2016-12-01"),
    # ...but only in the date's own clause: "last year" dates the talks here, not the adoption.
    ("Talks began last year, and the deal was adopted on 12 December.", "2016-12-12", "2015-12-12"),
    # The record dates something in that month in the year read: nothing moves.
    ("It entered into force in November.", "2016-11-01", "2016-11-01"),
    # Nothing in the record a year either side: nothing moves.
    ("The talks resumed in March.", "2017-03-01", "2017-03-01"),
])
def test_a_yearless_date_takes_the_year_the_record_dates_it(text: str, read_as: str, placed: str) -> None:
    from claimcheck.match import build_index, record_year
    from claimcheck.models import changed

    index = build_index(api.extract_claims(TREATY_RECORD, {"path": "r.md", "role": "record"}), TREATY_RECORD)
    claim = next(c for c in api.extract_claims(text, {"path": "a.md", "published": "2016-10-06"})
                 if c.date and c.quote.endswith(("December", "November", "March")))
    start = dt.date.fromisoformat(read_as)  # the year a page's earlier dates may have carried it to
    end = start.replace(day=calendar.monthrange(start.year, start.month)[1]) if claim.date.granularity == "month" else start
    misread = changed(claim, date=changed(claim.date, start=start, end=end, relative=True))
    assert str(record_year(misread, index).date.start) == placed
