"""Values compared at the precision they are written with: rounding, bounds, units, dates, near misses."""

from __future__ import annotations

import pytest

from claimcheck import api
from claimcheck.compare import compatible, near_miss
from claimcheck.concepts import EXAMPLES
from claimcheck.frame import term, tokenize
from claimcheck.match import totals


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
    ("For $70 billion, it buys the firm.", "$70 billion", "It pays $68.7 billion.", "$68.7 billion", True),
    ("It pays $68.7 billion.", "$68.7 billion", "For $70 billion, it buys the firm.", "$70 billion", False),
    ("A crowd of 80 came.", "80", "The crowd was 76.", "76", False),  # small round figures stay exact
    ("The span is 2 km.", "2 km", "The span is 1.24 miles.", "1.24 miles", True),
    ("The bridge is 1.5 km long.", "1.5 km", "The bridge is 1,280 m long.", "1,280 m", False),
    ("The bridge is 1.3 km long.", "1.3 km", "The bridge is 1,280 m long.", "1,280 m", True),
    ("It weighs 2,260 pounds.", "2,260 pounds", "It weighs 1,025 kilograms.", "1,025 kilograms", True),
    ("The plant opened in 2021.", "2021", "The plant opened on 12 March 2021.", "12 March 2021", True),
    ("The plant opened in March 2020.", "March 2020", "The plant opened on 12 March 2021.", "12 March 2021", False),
    ("The war lasted from 2004 to 2011.", "2004 to 2011", "It ran from 2004 to 2013.", "2004 to 2013", False),
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
])
def test_near_misses_are_one_digit_or_one_date_field(text: str, quote: str, record: str, rquote: str,
                                                      expected: bool) -> None:
    assert near_miss(_claim(text, quote), _claim(record, rquote)) is expected


def test_totals_only_add_parts_that_count_the_same_thing() -> None:
    troops = api.extract_claims("It has over 5,000 troops in the north and over 10,000 troops in the south.",
                                {"path": "r.md", "role": "record"})
    assert [c.quantity.value for c in totals(troops)] == [15000.0]
    mixed = api.extract_claims("It sent 60,000 troops from 40 nations.", {"path": "r.md", "role": "record"})
    assert totals(mixed) == []


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
