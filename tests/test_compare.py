"""Values compared at the precision they are written with: rounding, bounds, units, dates, near misses."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import api
from claimcheck.compare import (
    DatePoint,
    comparable,
    compatible,
    date_closeness,
    date_pair,
    dates_compatible,
    near_miss,
    scale_slip,
    value_text,
    year_slip,
)
from claimcheck.concepts import EXAMPLES
from claimcheck.frame import (
    AS_OF_EXAMPLES,
    PERIOD_EXAMPLES,
    PLAN_EXAMPLES,
    YEAR_EXAMPLES,
    as_of,
    is_planned,
    period_of,
    term,
    tokenize,
    years_of,
)
from claimcheck.match import totals
from claimcheck.models import Claim, DateValue


def _claim(text: str, quote: str, published: str = "2020-01-01"):
    found = [c for c in api.extract_claims(text, {"path": "a.md", "published": published}) if c.quote == quote]
    assert found, (text, quote, [c.quote for c in api.extract_claims(text, {"path": "a.md"})])
    return found[0]


# (claim text, its quote, record text, its quote, compatible?) from several fields.
PAIRS = [
    ("The death toll reached 3,171.", "3,171", "In all 3,117 people were killed.", "3,117", False),  # digit swap
    ("Turnout was 4.6%.", "4.6%", "Turnout was 4.5%.", "4.5%", False),
    ("A magnitude of 6.3 was measured.", "6.3", "A magnitude of 6.4 was measured.", "6.4", False),
    ("About 40,000 fans came.", "About 40,000", "The attendance was 40,462.", "40,462", True),
    ("It cost about $10 billion.", "about $10 billion", "It cost $9.7 billion.", "$9.7 billion", True),
    ("It cost $2.46 billion.", "$2.46 billion", "It cost approximately $2.4 billion.", "approximately $2.4 billion", False),
    ("More than 1,300 people died.", "More than 1,300", "It caused about 1833 deaths.", "about 1833", True),
    ("Over 1,500 died.", "Over 1,500", "Lives lost: 1,490", "1,490", False),
    ("Liberia 10,675 4,809", "4,809", "| Liberia | 10 678 | 3 163 | 4 810 |", "4 810", False),  # one trailing zero
    ("The span is 1,991 metres.", "1,991 metres", "Main span: 1,990 metres", "1,990 metres", False),
    ("Some 1,990 metres of track.", "Some 1,990 metres", "Main span: 1,991 metres", "1,991 metres", True),
    ("Room for 1,180 people.", "1,180", "Boat accommodation: 1,178 persons", "1,178", True),  # a writer may round
    ("For $70 billion, it buys the firm.", "$70 billion", "It pays $68.7 billion.", "$68.7 billion", False),
    ("A crowd of 80 came.", "80", "The crowd was 76.", "76", False),
    ("A crowd of 1,000 came.", "1,000", "The crowd was 1,490.", "1,490", False),  # no rounding to one digit
    ("The span is 2 km.", "2 km", "The span is 1.24 miles.", "1.24 miles", True),
    ("The bridge is 1.5 km long.", "1.5 km", "The bridge is 1,280 m long.", "1,280 m", False),
    ("The bridge is 1.3 km long.", "1.3 km", "The bridge is 1,280 m long.", "1,280 m", True),
    ("It weighs 2,260 pounds.", "2,260 pounds", "It weighs 1,025 kilograms.", "1,025 kilograms", True),
    ("The plant opened in 2021.", "2021", "The plant opened on 12 March 2021.", "12 March 2021", True),
    ("The plant opened in March 2020.", "March 2020", "The plant opened on 12 March 2021.", "12 March 2021", False),
    ("The war lasted from 2004 to 2011.", "2004 to 2011", "It ran from 2004 to 2013.", "2004 to 2013", False),
    # Two bounds of one direction: a stronger one is the figure written wrong, a weaker one agrees...
    ("At least 321 fires were linked to it.", "At least 321", "At least 312 fires were linked to it.", "At least 312", False),
    ("The piles weigh up to 1,560 tonnes.", "up to 1,560 tonnes", "Piles: up to 1,650 tonnes each", "up to 1,650 tonnes", False),
    ("It sold more than 2.1 million units.", "more than 2.1 million", "It sold more than 1.2 million units.",
     "more than 1.2 million", False),
    ("More than 60,000 troops took part.", "More than 60,000", "More than 65,000 troops took part.", "More than 65,000", True),
    ("More than 1.3 million voted.", "More than 1.3 million", "More than 1.25 million voted.", "More than 1.25 million", True),
    # ...but a maximum is the figure reached (weather, insurance, engineering): another one, either way, is written wrong.
    ("Gusts reached up to 90 km/h.", "up to 90 km/h", "Gusts of up to 70 km/h were recorded.", "up to 70 km/h", False),
    ("It offers up to $50 billion of cover.", "up to $50 billion", "It provides up to $50 million of cover.",
     "up to $50 million", False),
    ("Hail fell as much as 12 inches deep.", "as much as 12 inches", "Hail: up to 310 mm deep", "up to 310 mm", True),
    ("Errors of as much as 14 metres.", "as much as 14 metres", "Errors of up to 14 metres.", "up to 14 metres", True),
    ("Severance of up to half a year's pay.", "up to half a year", "Severance of up to 26 weeks' pay.", "up to 26 weeks", True),
    # "Tons" may be short (907 kg) or long (1,016 kg): 46,328 tons is 42,028 to 47,071 tonnes.
    ("She weighed more than 46,000 tonnes.", "more than 46,000 tonnes", "Gross tonnage: 46,328 tons", "46,328 tons", True),
    ("She weighed 42,500 tonnes.", "42,500 tonnes", "Gross tonnage: 46,328 tons", "46,328 tons", True),
    ("She weighed 40,000 tonnes.", "40,000 tonnes", "Gross tonnage: 46,328 tons", "46,328 tons", False),
    ("She weighed 48,000 tonnes.", "48,000 tonnes", "Gross tonnage: 46,328 tons", "46,328 tons", False),
    ("They weigh around 4,300 tons.", "around 4,300 tons", "They weigh about 4,300 tonnes.", "about 4,300 tonnes", True),
    ("The bridge is closer to two and a half miles.", "two and a half miles", "Total length: 2.43 mi", "2.43 mi", True),
    ("It hit 41 °F.", "41 °F", "The high was 41 °C.", "41 °C", False),  # a scale written wrong
    # Whole feet may be the feet of feet and inches: "882 feet" for 882 ft 7 in, and no further.
    ("She was 882 feet long.", "882 feet", "Length: 882.6 feet", "882.6 feet", True),
    ("She was 883 feet long.", "883 feet", "Length: 882.6 feet", "882.6 feet", True),
    ("She was 881 feet long.", "881 feet", "Length: 882.6 feet", "882.6 feet", False),
    ("She was 882.0 feet long.", "882.0 feet", "Length: 882.6 feet", "882.6 feet", False),
    ("She was 269 m long.", "269 m", "Length: 269.6 m", "269.6 m", False),
    ("The dam stood 58 metres tall.", "58 metres", "Height: 57 m (188 ft)", "188 ft", False),  # the record's rounds
    # One step apart, the intervals touch (14.85), and a float's last bit must not make them overlap.
    ("The share fell to 14.9 per cent.", "14.9 per cent", "Grade A share: 14.8%", "14.8%", False),
    ("The share fell to 14.8 per cent.", "14.8 per cent", "Grade A share: 14.9%", "14.9%", False),
    ("Growth was 0.3%.", "0.3%", "Growth: 0.2%", "0.2%", False),
    # The very number in another unit is a unit written wrong, however wide the record's bound or rounding.
    ("The debris was 8.5 feet deep.", "8.5 feet", "Debris depth: up to 8.5 m (28 ft)", "up to 8.5 m", False),
    ("She walked something like 1,000 miles.", "something like 1,000 miles", "She walked about 1,000 km.", "about 1,000 km", False),
    ("The canvas is under 197 inches wide.", "under 197 inches", "The canvas is 197 cm wide.", "197 cm", False),
    ("The debris was 2.5 m deep.", "2.5 m", "Debris depth: up to 8.5 m (28 ft)", "up to 8.5 m", True),
    ("The debris was 8.5 metres deep.", "8.5 metres", "Debris depth: up to 8.5 m (28 ft)", "up to 8.5 m", True),
]


@pytest.mark.parametrize(("text", "quote", "record", "rquote", "expected"), PAIRS)
def test_values_compare_at_written_precision(text: str, quote: str, record: str, rquote: str, expected: bool) -> None:
    assert compatible(_claim(text, quote), _claim(record, rquote)) is expected


@pytest.mark.parametrize(("text", "quote", "record", "rquote", "expected"), [
    ("The attendance was 40,642.", "40,642", "The attendance was 40,462.", "40,462", True),  # two digits swapped
    ("The toll was 3,118.", "3,118", "The toll was 3,117.", "3,117", True),
    ("The toll was 5,000.", "5,000", "The toll was 3,117.", "3,117", False),
    ("It opened on 1 December 1999.", "1 December 1999", "It opened on 1 December 1990.", "1 December 1990", True),
    ("It opened on 3 May 1990.", "3 May 1990", "It opened on 1 December 1990.", "1 December 1990", False),
    ("It paid $68.7 million.", "$68.7 million", "It paid $68.7 billion.", "$68.7 billion", True),  # the scale slipped
    ("It paid $68.7 billion.", "$68.7 billion", "It paid $68.7 billion.", "$68.7 billion", False),  # no miss at all
    ("It paid $687,000.", "$687,000", "It paid $68.7 million.", "$68.7 million", True),  # two places slipped
    ("It paid $3.", "$3", "It paid $2.5 million.", "$2.5 million", False),  # other digits
    # A figure rounded across its bound: the record's falls short of it, and rounds to it.
    ("More than 22,000 homes lost power.", "More than 22,000", "Homes cut off: 21,640", "21,640", True),
    ("Over 120 people left.", "Over 120", "118 residents left.", "118", True),
    ("Over 1,500 died.", "Over 1,500", "Lives lost: 1,490", "1,490", True),
    ("Over 1,500 died.", "Over 1,500", "Lives lost: 1,390", "1,390", False),  # rounds to 1,400, not 1,500
    ("More than 100,000 came.", "More than 100,000", "The crowd was 75,000.", "75,000", False),
    ("Under 50 were hurt.", "Under 50", "Injured: 47", "47", False),  # inside the bound: no miss
])
def test_near_misses_are_one_digit_or_one_date_field(text: str, quote: str, record: str, rquote: str,
                                                      expected: bool) -> None:
    assert near_miss(_claim(text, quote), _claim(record, rquote)) is expected


@pytest.mark.parametrize(("text", "quote", "record", "rquote", "expected"), [
    ("It paid $68.7 million.", "$68.7 million", "It paid $68.7 billion.", "$68.7 billion", True),
    ("It paid $687,000.", "$687,000", "It paid $68.7 million.", "$68.7 million", True),
    ("It paid €68.7 million.", "€68.7 million", "It paid $68.7 billion.", "$68.7 billion", False),  # another unit
    ("It paid $68.7 billion.", "$68.7 billion", "It paid $68.7 billion.", "$68.7 billion", False),
    ("It paid $68.6 million.", "$68.6 million", "It paid $68.7 billion.", "$68.7 billion", False),  # a digit too
    ("Each turbine is a 15GW machine.", "15GW", "Turbine rating: 15 MW", "15 MW", True),  # another prefix
    ("The span is 236 km.", "236 km", "The rotor spans 236 metres.", "236 metres", True),
    ("It climbs about 1,200 m.", "about 1,200 m", "The ash fell 12 km away.", "12 km", False),  # another number
    ("The span is 236 km.", "236 km", "The rotor weighs 236 tonnes.", "236 tonnes", False),  # another dimension
    ("The mast is 150 m tall.", "150 m", "The mast is 150 ft tall.", "150 ft", True),  # the unit written wrong
    ("It will pass at 13.3 million miles.", "13.3 million miles", "It will pass at 13.3 million km.", "13.3 million km", True),
    ("The zone was 8 miles wide.", "8 miles", "Evacuation zone: 8 km", "8 km", True),
    ("The zone was 6 miles wide.", "6 miles", "Evacuation zone: 8 km", "8 km", False),  # another number
    ("It paid £15 million.", "£15 million", "It paid $15 million.", "$15 million", False),  # a currency is no slip
    ("A basic amount of €1.07 million.", "€1.07 million", "Basic amount: €1,072,650,000", "€1,072,650,000", True),
    ("A basic amount of €1.2 million.", "€1.2 million", "Basic amount: €1,072,650,000", "€1,072,650,000", False),
    ("The firm runs 3 plants.", "3", "The firm runs 3,100 plants.", "3,100", False),  # one digit: another number
    ("Its vote share rose 1.2%.", "1.2%", "Its vote share rose 11.5%.", "11.5%", False),  # a digit, not a scale word
    ("It had traded at $41.20 a share.", "$41.20", "It lost $41.2 billion in value.", "$41.2 billion", False),  # a price
])
def test_a_scale_slip_is_the_same_digits_at_another_power_of_ten_or_unit(text: str, quote: str, record: str, rquote: str,
                                                                 expected: bool) -> None:
    assert scale_slip(_claim(text, quote).quantity, _claim(record, rquote).quantity) is expected


@pytest.mark.parametrize(("text", "quote", "record", "rquote", "expected"), [
    ("The report came out on 15 December 2024.", "15 December 2024", "Report released: 15 December 2023", "15 December 2023", True),
    ("The hull was laid down in May 2008.", "May 2008", "Keel laid: 14 May 2009", "14 May 2009", True),  # at the month
    ("The clinic opened on 15 December 2021.", "15 December 2021", "Opened: 15 December 2023", "15 December 2023", False),
    ("The clinic opened on 16 December 2024.", "16 December 2024", "Opened: 15 December 2023", "15 December 2023", False),
    ("The clinic opened in 2024.", "2024", "Opened: 15 December 2023", "15 December 2023", False),  # a year is no slip
    ("The bridge opened in 1917.", "1917", "Opened: 14 September 1971", "14 September 1971", True),  # two digits swapped
    ("The bridge opened in 1961.", "1961", "Opened: 14 September 1971", "14 September 1971", False),
])
def test_a_year_slip_is_one_year_out_or_two_digits_swapped(text: str, quote: str, record: str, rquote: str,
                                                                 expected: bool) -> None:
    assert year_slip(_claim(text, quote).date, _claim(record, rquote).date) is expected


def test_totals_only_add_parts_that_count_the_same_thing() -> None:
    troops = api.extract_claims("It has over 5,000 troops in the north and over 10,000 troops in the south.",
                                {"path": "r.md", "role": "record"})
    assert [c.quantity.value for c in totals(troops)] == [15000.0]
    mixed = api.extract_claims("It sent 60,000 troops from 40 nations.", {"path": "r.md", "role": "record"})
    assert totals(mixed) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    # The whole a share is taken of is no part: nothing to add.
    ("A peak of 46,300 customers lost power, about 29% of the 159,000 customers it serves.", []),
    ("Of the 2,224 passengers aboard, 1,503 passengers died.", []),
    ("It won 365 seats out of 650 seats.", []),
    # Parts of a whole the sentence names still add up, without it.
    ("Of the 159,000 customers, 46,300 customers in the north and 12,000 customers in the south lost power.",
     [58300.0]),
    # "a crowd of" names what is counted; it is no whole.
    ("A crowd of 20,000 people watched, and 5,000 people more outside.", [25000.0]),
])
def test_totals_leave_out_the_whole_a_share_is_of(sentence: str, expected: list[float]) -> None:
    parts = api.extract_claims(sentence, {"path": "r.md", "role": "record"})
    assert [c.quantity.value for c in totals(parts)] == expected


@pytest.mark.parametrize(("a", "b"), EXAMPLES)
def test_lexicon_examples_share_a_concept(a: str, b: str) -> None:
    from claimcheck.frame import _sentence_terms

    def concepts(text: str) -> set[str]:
        words = {t for _, w in tokenize(text) for t in [term(w)] if t and t[:3] in ("ev:", "at:")}
        return words | {tok.term for tok in _sentence_terms(text)[1] if tok.term and tok.term[:3] in ("ev:", "at:")}

    assert concepts(a) & concepts(b), (a, concepts(a), b, concepts(b))


@pytest.mark.parametrize(("word", "event"), [
    ("founded", "ev:start"), ("found", None), ("finalised", "ev:complete"), ("final", None),
    ("terminated", "ev:end"), ("terminal", None), ("formed", "ev:start"), ("form", None),
    ("landed", "ev:land"), ("land", None), ("closed", "ev:end"), ("close", None),
])
def test_ambiguous_words_name_no_event(word: str, event: str | None) -> None:
    # "researchers found", "the World Cup final", "the container terminal" share an event's stem only.
    got = term(word)
    assert (got if got and got.startswith("ev:") else None) == event


def test_initialisms_link_names_the_record_never_abbreviates() -> None:
    from claimcheck.frame import acronyms, context_of

    record = "The Liberal Democrats ended up with 11 seats. The Scottish National Party won 48 seats."
    links = acronyms(record)
    assert links["ld"].initialism and {"liber", "democrat"} <= links["ld"].terms
    assert "snp" in links
    row = api.extract_claims("LD 13 11", {"path": "s.md"})[-1]
    assert {"liber", "democrat"} <= set(context_of(row, links).weights)
    # Only an all-caps word is an initialism, and one is read forwards only: "the car" is no
    # Central African Republic, nor does that name put "car" into a sentence that spells it out.
    car = acronyms("The Central African Republic sent 11 observers.")
    assert car["car"].initialism
    cars = api.extract_claims("The car cost 11 dollars more.", {"path": "s.md"})[0]
    assert not {"african", "republ"} & set(context_of(cars, car).weights)
    spelt = api.extract_claims("The Central African Republic sent 11 observers.", {"path": "s.md"})[0]
    assert "car" not in context_of(spelt, car).weights
    caps = api.extract_claims("CAR sent 11 observers.", {"path": "s.md"})[0]
    assert {"african", "republ"} <= set(context_of(caps, car).weights)


def test_title_case_labels_keep_their_events() -> None:
    from claimcheck.frame import context_of

    record = "---\nrole: record\n---\n| Station | Year Opened |\n|---|---|\n| Harbour Road | 1998 |\n"
    cell = [c for c in api.extract_claims(record, {"path": "r.md"}) if c.quote == "1998"][0]
    assert cell.label == "Year Opened" and "ev:start" in context_of(cell).labelled


def test_a_named_summit_is_the_event_its_date_dates() -> None:
    # A capitalised verb is part of a name, but a capitalised summit is still the event: the date dates
    # the summit, not the announcement before it (the record: "launched at the Brussels Summit in July 2018").
    from claimcheck.frame import Links, context_of

    summit = _claim("Trudeau announced the mission at the NATO Summit in Brussels in July.", "July")
    assert context_of(summit, Links()).principal == "ev:visit"
    coalition = _claim("NATO joined the Global Coalition to Defeat ISIS in May 2017.", "May 2017")
    assert context_of(coalition, Links()).principal == "ev:join"


def test_a_total_of_exact_round_parts_is_exact() -> None:
    parts = api.extract_claims("It sent 40,000 troops in March and 20,000 troops in May.", {"path": "r.md", "role": "record"})
    (total,) = totals(parts)
    assert (total.quantity.low, total.quantity.high) == (59000.0, 61000.0)


@pytest.mark.parametrize(("sentence", "quote", "minutes"), [
    ("12:10am 15th April 1912 Distress rockets go up.", "15th April 1912", 10),  # a timeline page
    ("15 April 1912, 2.20 a.m.: the ship founders.", "15 April 1912", 140),  # an inquiry record
    ("Its centre reached the coast at 1110 UTC 29 August.", "29 August", 670),  # a storm report
    ("14 August 2023, 16:45: supply is restored.", "14 August 2023", 1005),  # an incident log
    ("Midnight 3 March 2021 The river peaks.", "3 March 2021", 0),
    ("The plant opened on 12 March 2021 after a 9.5 km pipeline was laid.", "12 March 2021", None),  # a decimal
    ("On 3 May 2019 a 12.45 metre span was lifted.", "3 May 2019", None),  # a decimal, two places
    ("3 May 2019, 12.45: the span is lifted.", "3 May 2019", 765),  # a time with a point
    ("On 3 May 2019 the fare rose to $3.50, a record.", "3 May 2019", None),  # a price
    ("On 3 May 2019 the ratio was 1:15:2 in the test.", "3 May 2019", None),  # a ratio
    ("3 May 2019: the crew logged 2000 hours of flight.", "3 May 2019", None),  # a duration
    ("3 May 2019, 0600 hours: the crew wakes.", "3 May 2019", 360),
    ("Landfall came at 1800 EST 29 August 2005.", "29 August 2005", 1080),
    ("On 15 April 1912 the ship sank.", "15 April 1912", None),
])
def test_a_dates_time_of_day_is_read_next_to_it(sentence: str, quote: str, minutes: int | None) -> None:
    from claimcheck.frame import clock_near

    start = sentence.index(quote)
    assert clock_near(sentence, start, start + len(quote)) == minutes


def test_a_plan_never_contradicts_an_outcome() -> None:
    record = "---\nrole: record\n---\nThe mission cost $2.4 billion to build and launch.\n"
    planned = api.reconcile(api.extract_claims("The mission is expected to cost $2.7 billion.", {"path": "a.md"}), record)
    assert [f.verdict for f in planned] == ["unsupported"]
    actual = api.reconcile(api.extract_claims("The mission cost $2.7 billion to build and launch.", {"path": "a.md"}), record)
    assert [f.verdict for f in actual] == ["conflict"]


def test_a_plan_never_agrees_with_an_outcome() -> None:
    record = "---\nrole: record\n---\nThe Agreement entered into force for the United States on 19 February 2021.\n"
    plan = "The Agreement will enter into force for the United States on 19 February 2021."
    assert [f.verdict for f in api.reconcile(api.extract_claims(plan, {"path": "a.md"}), record)] == ["unsupported"]
    done = "The Agreement entered into force for the United States on 19 February 2021."
    assert [f.verdict for f in api.reconcile(api.extract_claims(done, {"path": "a.md"}), record)] == ["agree"]


def test_an_amount_agreed_ahead_may_agree_with_the_record_but_never_contradict_it() -> None:
    # A deal's price (business) and a project's cost (engineering): "will pay", "expected to cost".
    record = ("---\nrole: record\n---\nMicrosoft completed the acquisition of Activision Blizzard; the transaction "
              "was valued at $68.7 billion.\n\nThe new lock cost £412 million to build.\n")
    for text, verdict in (("Microsoft will buy Activision Blizzard for $68.7 billion.", "agree"),
                          ("The new lock is expected to cost £412 million to build.", "agree"),
                          ("The new lock is expected to cost £480 million to build.", "unsupported")):
        assert [f.verdict for f in api.reconcile(api.extract_claims(text, {"path": "a.md"}), record)] == [verdict], text


@pytest.mark.parametrize(("sentence", "quote", "planned"), PLAN_EXAMPLES)
def test_plans_are_read_around_a_value(sentence: str, quote: str, planned: bool) -> None:
    start = sentence.index(quote)
    assert is_planned(sentence, start, start + len(quote)) is planned


@pytest.mark.parametrize(("sentence", "quote", "statement"), [
    ("Lee said on Monday that the bridge would reopen.", "Monday", True),
    ("On Friday (10.28.2011) AFP quoted a Western diplomat.", "10.28.2011", True),  # subject, then the verb
    ("On 3 May NATO said the mission was over.", "3 May", True),
    ("The bridge opened on 3 May, officials said.", "3 May", False),  # the event's date, then who told it
    ("The bridge opened on 3 May, Reuters reported.", "3 May", False),
    ("On 3 May the bridge opened to traffic.", "3 May", False),
])
def test_a_date_next_to_a_speech_verb_dates_the_statement(sentence: str, quote: str, statement: bool) -> None:
    from claimcheck.frame import dates_a_statement

    claim = [c for c in api.extract_claims(sentence, {"path": "a.md", "published": "2011-11-01"}) if quote in c.quote][0]
    assert dates_a_statement(claim) is statement


@pytest.mark.parametrize(("text", "quote", "years"), YEAR_EXAMPLES)
def test_an_amounts_years_come_from_its_own_clause(text: str, quote: str, years: frozenset[int]) -> None:
    claim = [c for c in api.extract_claims(text, {"path": "a.md"}) if c.quote == quote][0]
    assert years_of(claim) == years


@pytest.mark.parametrize(("text", "quote", "period"), PERIOD_EXAMPLES)
def test_a_rate_of_change_is_over_the_period_its_own_words_give(text: str, quote: str, period: str | None) -> None:
    claim = [c for c in api.extract_claims(text, {"path": "a.md"}) if c.quote == quote][0]
    assert period_of(claim) == period


def test_a_change_over_another_period_is_not_compared() -> None:
    # A house price index (statistics): the annual figure the claim gives is the record's monthly one.
    from claimcheck.match import build_index
    from claimcheck.verdict import pairs

    record = ("---\nrole: record\n---\nPrices rose by 0.6% between February and March 2024. Prices rose by 3.8% "
              "in the 12 months to March 2024.\n")
    index = build_index(api.extract_claims(record, {"path": "r.md", "role": "record"}), record)
    claim = _claim("Annual growth of 0.6% is hardly a boom.", "0.6%")
    assert {(index.claims[p.index].quote, p.agrees) for p in pairs(claim, index)} <= {("3.8%", False)}


@pytest.mark.parametrize(("text", "quote", "running"), AS_OF_EXAMPLES)
def test_an_as_of_date_marks_a_running_figure(text: str, quote: str, running: bool) -> None:
    claim = [c for c in api.extract_claims(text, {"path": "a.md"}) if c.quote == quote][0]
    assert as_of(claim) is running


def test_a_timeline_entrys_date_gives_its_figures_their_year() -> None:
    text = ("Timeline\n\n23 March 2014: WHO reports 49 cases and 29 deaths.\n\n1 May 2015: the toll passes 11,000,"
            " against 2,000 in 2014.\n")
    claims = {c.quote: c for c in api.extract_claims(text, {"path": "a.md"}) if c.kind == "quantity"}
    assert claims["49"].event and years_of(claims["49"]) == {2014}
    assert years_of(claims["passes 11,000"]) == {2015}  # the entry's other clause dates the other figure
    assert years_of(claims["2,000"]) == {2014, 2015}


def test_a_column_header_gives_a_table_cell_its_year() -> None:
    table = "| Party | Seats 2019 | Seats 2017 |\n|---|---|---|\n| Labour | 202 | 262 |\n"
    cells = {c.quote: c for c in api.extract_claims(table, {"path": "a.md"})}
    assert (years_of(cells["262"]), years_of(cells["202"])) == ({2017}, {2019})


@pytest.mark.parametrize(("text", "line"), [
    ("Argentina won 4-2 on penalties.", "4-2 pens"),
    ("They won the shoot-out 4-2.", "4-2 pens"),
    ("Italy won 5-3 in a penalty shoot-out.", "5-3 pens"),
    ("It finished 3-3 after extra time.", "3-3 aet"),
    ("Argentina won 4-2 on penalties after a 3-3 draw.", "4-2 pens"),
])
def test_a_shootout_score_is_marked_on_either_side(text: str, line: str) -> None:
    assert api.extract_claims(text, {"path": "a.md"})[0].quantity.text == line


def test_a_shootout_is_not_the_match_score() -> None:
    record = "---\nrole: record\n---\nScore after extra time: 3–3\n\nPenalty shoot-out: Argentina won 4–2\n"
    findings = api.reconcile(api.extract_claims("Argentina won 4-2 on penalties.", {"path": "a.md"}), record)
    assert [(f.verdict, f.evidence.quote) for f in findings] == [("agree", "4–2")]
    record = "---\nrole: record\n---\nThe final ended 3–3 after extra time; Argentina won the shoot-out 4–2.\n"
    findings = api.reconcile(api.extract_claims("Argentina won 4-2 on penalties after a 3-3 draw.", {"path": "a.md"}), record)
    assert [(f.claim.quote, f.verdict) for f in findings] == [("4-2 on penalties", "agree"), ("3-3", "agree")]
    for level, shootout in (("The final ended 3–3 after extra time.", "The final ended 4-2 on penalties."),
                            ("Final score: Argentina 3–3 France (a.e.t.)", "Argentina won the final 4-2 on penalties.")):
        findings = api.reconcile(api.extract_claims(shootout, {"path": "a.md"}), f"---\nrole: record\n---\n{level}\n")
        assert [f.verdict for f in findings] == ["unsupported"], level


@pytest.mark.parametrize(("text", "quote", "record", "rquote", "expected"), [
    ("Brask's population fell by 2.5 per cent.", "2.5 per cent", "| Brask | -2.5% |", "-2.5%", True),  # a sign in words
    ("The region lost 4,572 residents.", "4,572", "Change: -4,572", "-4,572", True),
    ("The region lost 4,752 residents.", "4,752", "Change: -4,572", "-4,572", False),
    ("Overnight it fell to 8 °C.", "8 °C", "Lowest: -8 °C", "-8 °C", False),  # a temperature keeps its sign
])
def test_a_sign_written_as_a_word_is_no_difference(text: str, quote: str, record: str, rquote: str, expected: bool) -> None:
    claim = [c for c in api.extract_claims(text, {"path": "a.md"}) if c.quote == quote][0]
    other = [c for c in api.extract_claims(record, {"path": "r.md"}) if c.quote == rquote][0]
    assert compatible(claim, other) is expected


_SIMILARITIES = """
from pathlib import Path
from claimcheck.pipeline import load
from claimcheck.extract import extract_claims
from claimcheck.match import build_index, similarity, totals
loaded = load([Path("sources")])
rc = extract_claims(loaded.record)
index = build_index(rc + totals(rc), loaded.record.text, loaded.record.body_offset)
p = index.profiles
print([repr(similarity(a, b)) for a in p[:40] for b in p[:40]])
"""


def test_similarity_does_not_depend_on_the_hash_seed() -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    runs = [subprocess.run([sys.executable, "-c", _SIMILARITIES], cwd=root, capture_output=True, text=True, check=True,
                           env=dict(os.environ, PYTHONHASHSEED=seed)).stdout for seed in ("1", "2", "3")]
    assert runs[0] and runs[0] == runs[1] == runs[2]


@pytest.mark.parametrize(("text", "words"), [
    # An infobox copied without its line breaks (a ship, a film): its labels and names come apart.
    ("NameKestrel HarmonyOperatorHalvorsen", ["Name", "Kestrel", "Harmony", "Operator", "Halvorsen"]),
    ("GTCapacity", ["GT", "Capacity"]),
    ("Box officeUS$289.8 million", ["Box", "office", "US", "million"]),
    # Words as written stay whole: all capitals, hyphenated initialisms, a hyphenated compound.
    ("NATO and NTM-I", ["NATO", "and", "NTM-I"]),
    ("capacity-building", ["capacity", "building"]),
])
def test_glued_words_are_split_where_a_capital_follows_a_lower_case_letter(text: str, words: list[str]) -> None:
    assert [w for _, w in tokenize(text)] == words


def test_a_glued_infobox_value_is_a_value_of_the_label_glued_to_it() -> None:
    # A ship's infobox copied flat (shipping): 228,740 is the tonnage, not the beam or the capacity.
    from claimcheck.frame import Links, context_of

    claim = _claim("NameKestrel HarmonyOperatorHalvorsen LinesLength399.9 mBeam59.0 mTonnage228,740 GTCapacity23,992 TEU",
                   "228,740")
    assert context_of(claim, Links()).local == {term("Tonnage")}


def test_a_bare_dollar_is_the_local_dollar_the_record_names() -> None:
    claim = _claim("Farmers were paid $186 million.", "$186 million")
    assert compatible(claim, _claim("Crop indemnities totalled C$186 million.", "C$186 million"))
    assert not compatible(claim, _claim("Crop indemnities totalled C$168 million.", "C$168 million"))
    assert not comparable(claim, _claim("Crop indemnities totalled €186 million.", "€186 million"))  # not a dollar


def test_bare_francs_are_the_local_franc_and_an_adjective_names_a_currency() -> None:
    claim = _claim("It was sold to a Gothenburg industrialist for 85,000 francs.", "85,000 francs")
    assert compatible(claim, _claim("In 1924 it was acquired for 85,000 French francs.", "85,000 French francs"))
    assert not comparable(claim, _claim("In 1924 it was acquired for 85,000 Swedish kronor.", "85,000 Swedish kronor"))
    canadian = _claim("The bridge cost 45 million Canadian dollars.", "45 million Canadian dollars")
    assert not comparable(canadian, _claim("The bridge cost 45 million Mexican pesos.", "45 million Mexican pesos"))
    assert compatible(canadian, _claim("The bridge cost $45 million.", "$45 million"))  # the local dollar


_GRANULARITIES = ("day", "month", "season", "year", "decade", "century")


@st.composite
def _date_values(draw) -> DateValue:
    start = draw(st.dates(dt.date(1, 1, 1), dt.date(2100, 12, 31)))
    end = start + dt.timedelta(days=draw(st.sampled_from([0, 0, 1, 6, 30, 364, 365, 3000])))
    text = draw(st.sampled_from(["2004", "2004 to 2011", "March-May 2020", "mid-February", "23-30 August"]))
    return DateValue(start=start, end=end, granularity=draw(st.sampled_from(_GRANULARITIES)), text=text)


@given(_date_values(), _date_values(), st.booleans())
def test_date_points_compare_as_the_dates_do(a: DateValue, b: DateValue, agrees: bool) -> None:
    try:
        expected = dates_compatible(a, b)
    except ValueError:  # a decade or century before the year 1 is no date, either way
        with pytest.raises(ValueError):
            DatePoint(a).compatible(DatePoint(b))
        return
    assert DatePoint(a).compatible(DatePoint(b)) == expected
    closeness = 1.0 if not agrees and year_slip(a, b) else date_closeness(a, b)
    near = not agrees and near_miss(_dated(a), _dated(b))
    assert date_pair(DatePoint(a), DatePoint(b), agrees) == (closeness, near)


def _dated(value: DateValue) -> Claim:
    return Claim(source="s", path="s.md", line=1, column=1, offset=0, sentence=value.text, sentence_index=0,
                 sentence_start=0, quote=value.text, kind="date", role="secondary", rule="date", date=value)


@pytest.mark.parametrize(("ordinal", "quote", "count", "count_quote", "same"), [
    ("The 2025 race was the 22nd edition of the traverse.", "22nd", "Athletes from 22 nations took part.", "22", False),
    ("It is the 26th outbreak since 1976.", "26th", "There have been 26 outbreaks since 1976.", "26", True),
    ("This was the station's 27th winter-over.", "27th", "Only 27 people stayed for the winter.", "27", False),
    ("She scored her 12th goal of the season.", "12th", "She has 12 goals this season.", "12", True),
])
def test_an_ordinal_count_compares_only_with_a_count_of_its_noun(ordinal: str, quote: str, count: str,
                                                                 count_quote: str, same: bool) -> None:
    a, b = _claim(ordinal, quote), _claim(count, count_quote)
    assert a.rule == "ordinal"
    assert comparable(a, b) is same and comparable(b, a) is same


@pytest.mark.parametrize(("rank", "quote", "shown", "other", "other_quote", "same"), [
    # A rank meets only ranks, whatever word it comes with (commerce, sport, climate, transport).
    ("It is the country's third-largest pharmacy chain.", "third-largest", "3rd", "It runs 3 warehouses.", "3", False),
    ("The champion finished fourth in 2019.", "fourth", "4th", "Fourth place went to Marvania.", "Fourth place", True),
    ("The 2025 minimum is the sixth lowest on record.", "sixth lowest", "6th", "It was the fifth-lowest minimum.",
     "fifth-lowest", True),
    ("KMR is the 22nd busiest airport.", "22nd busiest", "22nd", "KMR handled 22 flights an hour.", "22", False),
])
def test_a_rank_compares_only_with_a_rank(rank: str, quote: str, shown: str, other: str, other_quote: str,
                                          same: bool) -> None:
    a, b = _claim(rank, quote), _claim(other, other_quote)
    assert a.quantity.unit == "rank" and value_text(a) == shown
    assert comparable(a, b) is same and comparable(b, a) is same
    assert not same or compatible(a, b) is (a.quantity.value == b.quantity.value)


@pytest.mark.parametrize(("text", "quote", "same"), [
    ("Argentina ended a 36-year wait for the trophy.", "36-year", False),
    ("The storm lasted 36 hours.", "36 hours", False),
    ("He scored after 36 minutes.", "36 minutes", True),
    ("He scored in the 36th minute.", "36th minute", True),
])
def test_a_match_minute_compares_only_with_minutes(text: str, quote: str, same: bool) -> None:
    mark = _claim("Goals for Argentina: Messi 23' (pen.), Di María 36'", "36'")
    assert mark.rule == "match-minute"
    other = _claim(text, quote)
    assert comparable(other, mark) is same and comparable(mark, other) is same


@pytest.mark.parametrize(("claim", "quote", "record", "record_quote", "agrees"), [
    ("Its shares lost nearly a quarter of their value in a day.", "nearly a quarter", "Shares fell 23.4% that day.", "23.4%", True),
    ("Emissions fell by a fifth in the decade.", "a fifth", "Emissions fell 29.5% over the decade.", "29.5%", False),
    ("Two-thirds of members voted in favour.", "Two-thirds", "The motion carried with 66.4% of the vote.", "66.4%", True),
    # So many in so many is a share too (lending, retail, farming).
    ("About 1 in 5 loans were flagged.", "About 1 in 5", "Of the loans, 21.3% were flagged.", "21.3%", True),
    ("Six in ten shops had none.", "Six in ten", "Only 48% of shops had none.", "48%", False),
    ("More than nine in ten farms reported losses.", "More than nine in ten", "Losses hit 93% of farms.", "93%", True),
])
def test_a_share_in_words_meets_a_percentage(claim: str, quote: str, record: str, record_quote: str, agrees: bool) -> None:
    # A word fraction of a whole is a share (a fraction of one): a hundred percent (finance, climate, elections).
    a, b = _claim(claim, quote), _claim(record, record_quote)
    assert a.quantity.unit == "share" and comparable(a, b)
    assert compatible(a, b) is agrees
