"""Numbers as the web writes them: the value model of scores and durations, and unit conversion."""

from __future__ import annotations

import pytest

from claimcheck import api, context
from claimcheck.models import Quantity
from claimcheck.quantities import (
    CAPTION_UNIT_EXAMPLES,
    HEADER_UNIT_EXAMPLES,
    HEADER_UNIT_REJECTS,
    base_value,
    caption_unit,
    column_unit,
    to_base,
    unit_dimension,
)
from claimcheck.render import claim_dict

from .conftest import claims_in


@pytest.mark.parametrize(
    ("value", "unit", "dimension", "base"),
    [
        (212, "°F", "temperature", 100.0),
        (-40, "°F", "temperature", -40.0),
        (373.15, "K", "temperature", 100.0),
        (100, "°C", "temperature", 100.0),
        (2, "km", "length", 2000.0),
        (1, "mi", "length", 1609.344),
        (40, "m3", "volume", 40_000.0),
        (902, "hPa", "pressure", 90_200.0),
        (41.8, "GBp", "GBP", 0.418),  # pence are hundredths of a pound: 41.8p is £0.418
        (35, "USc", "USD", 0.35),
        (3, "score", "score", 3.0),  # units outside the table are compared only with themselves
        (5, None, None, 5.0),
    ],
)
def test_base_value_converts_with_factor_and_offset(value, unit, dimension, base) -> None:
    assert base_value(Quantity(value=value, unit=unit)) == (dimension, pytest.approx(base))
    assert unit_dimension(unit) == dimension


def test_a_temperature_difference_converts_without_the_offset() -> None:
    assert to_base(3.6, "°F", difference=True) == pytest.approx(2.0)


def test_a_score_is_one_claim_with_its_line_as_text() -> None:
    claims = claims_in("Argentina won 4-2 on penalties after a 3-3 draw.")
    assert [(c.quote, c.quantity.value, c.quantity.unit, c.quantity.text) for c in claims] == [
        ("4-2 on penalties", 4, "score", "4-2 pens"), ("3-3", 3, "score", "3-3")]
    assert claim_dict(claims[1])["quantity"]["text"] == "3-3"


def test_other_amounts_carry_no_text_in_json() -> None:
    (claim,) = claims_in("The tunnel is 50 km long.")
    assert "text" not in claim_dict(claim)["quantity"]


def test_a_compound_duration_is_one_claim_in_its_finest_unit() -> None:
    (claim,) = claims_in("Vostok 5 stayed up for 4 days, 23 h and 7 min.")
    assert claim.quote == "4 days, 23 h and 7 min"
    assert (claim.quantity.value, claim.quantity.unit) == (4 * 1440 + 23 * 60 + 7, "min")
    (claim,) = claims_in("The final lasted four hours and twelve minutes.")
    assert (claim.quantity.value, claim.quantity.unit) == (252, "min")
    (claim,) = claims_in("The marathon was won in 2 hours 18 minutes 9 seconds.")
    assert (claim.quantity.value, claim.quantity.unit) == (8289, "s")


def test_a_bare_bn_takes_the_page_s_one_currency() -> None:
    text = "The agency collected €61.84 billion, up from €58.2 billion. They took in 61.8bn last year. Trading volume hit 3.9bn shares on the day, the most since the exchange opened."
    units = {c.quote: c.quantity.unit for c in claims_in(text) if c.quantity}
    assert units["61.8bn"] == "EUR" and units["3.9bn"] is None  # shares are counted, not paid
    # Two currencies on the page: no guess.
    assert {c.quote: c.quantity.unit for c in claims_in("It cost $2bn and €1bn; then 3bn more.") if c.quantity}["3bn"] is None


def test_decades_are_years_to_the_nearest_ten() -> None:
    (claim,) = claims_in("Recovery could take three decades.")
    assert (claim.quantity.value, claim.quantity.unit, claim.quantity.step) == (30, "year", 10)
    (claim,) = claims_in("It took at least four decades to rebuild.")
    assert (claim.quantity.value, claim.quantity.low, claim.quantity.unit) == (40, 40, "year")


def test_table_cells_are_not_joined_but_prose_thousands_are() -> None:
    row = claims_in("Party Seats Votes\nConservative 368 365\n")
    assert [c.quantity.value for c in row] == [368, 365]
    prose = claims_in("The stadium holds 15 000 spectators.")
    assert [c.quantity.value for c in prose] == [15_000]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a hurricane advisory
            "At 0900 UTC the Category 3 storm had winds of 110 kt and a pressure of 945 mb, 120 nm off the coast.",
            [("Category 3", 3, "category"), ("110 kt", 110, "kn"), ("945 mb", 945, "hPa"), ("120 nm", 120, "nmi")],
        ),
        (  # a chip maker
            "TSMC said its 3 nm chips cost $20,000 per wafer, twice the price of 5 nm ones.",
            [("3 nm", 3, "nm"), ("$20,000", 20_000, "USD"), ("twice", 2, "times"), ("5 nm", 5, "nm")],
        ),
        (  # a space mission
            "The Falcon 9 put the 1,200 kg probe on a seven-month cruise; Voyager 1 and 2 launched 16 days apart.",
            [("1,200 kg", 1200, "kg"), ("seven-month", 7, "month"), ("16 days", 16, "day")],
        ),
        (  # a weather report
            "Overnight lows of -12 °C (10 °F) are expected.",
            [("-12 °C", -12, "°C"), ("10 °F", 10, "°F")],
        ),
        (  # a property listing
            "The flat covers 1,100 sq ft and sold for 450,000 pounds.",
            [("1,100 sq ft", 1100, "ft2"), ("450,000 pounds", 450_000, "GBP")],
        ),
    ],
)
def test_numbers_from_several_fields(text: str, expected: list) -> None:
    claims = [c for c in claims_in(text) if c.kind == "quantity"]
    assert [(c.quote, c.quantity.value, c.quantity.unit) for c in claims] == expected


@pytest.mark.parametrize(("caption", "unit", "scale"), CAPTION_UNIT_EXAMPLES)
def test_a_tables_caption_may_give_its_figures_a_unit(caption: str, unit: str | None, scale: float | None) -> None:
    assert caption_unit(caption) == ((unit, scale) if scale else None)


def test_a_caption_unit_reaches_only_bare_cells_under_headers_that_name_none() -> None:
    from claimcheck import api

    text = ("Table 1. Balance sheet at quarter end (dollar amounts in millions)\n\n"
            "| Quarter end | Total assets | Uninsured (%) | Branches (number) |\n|---|---|---|---|\n"
            "| 31 Dec 2023 | 5,312 | 47.2 | 38 |\n")
    got = {c.quote: (c.quantity.value, c.quantity.unit) for c in api.extract_claims(text, {"path": "r.md"}) if c.quantity}
    assert got["5,312"] == (5_312_000_000, "USD")
    assert got["47.2"] == (47.2, "percent")
    assert got["38"] == (38, None)  # a count column: the caption's money is not its unit


@pytest.mark.parametrize(("header", "unit", "scale"), HEADER_UNIT_EXAMPLES)
def test_a_column_header_gives_its_figures_a_unit(header: str, unit: str | None, scale: float) -> None:
    assert column_unit(header) == (unit, scale)


@pytest.mark.parametrize("header", HEADER_UNIT_REJECTS)
def test_a_column_header_without_a_unit_gives_none(header: str) -> None:
    assert column_unit(header) is None


def test_only_bare_figures_take_the_column_unit() -> None:
    table = "| Region | Population (thousands) | Note |\n|---|---|---|\n| North | 1,204.5 | about 1,200 |\n| South | 12% | 88 |"
    cells = {c.quote: (c.quantity.value, c.quantity.unit) for c in claims_in(table) if c.kind == "quantity"}
    assert cells == {"1,204.5": (1_204_500, None), "about 1,200": (1200, None), "12%": (12, "percent"), "88": (88, None)}


def test_a_row_header_gives_its_figures_a_unit_when_the_columns_are_years() -> None:
    table = ("| | 2023 (outcome) | 2024 |\n|---|---|---|\n| CPI inflation (%) | 6.2 | 2.7 |\n"
             "| Exports ($bn) | 41.5 | 43 |\n| Households | 9,120 | 9,300 |")
    cells = {c.quote: (c.quantity.value, c.quantity.unit) for c in claims_in(table) if c.kind == "quantity"}
    assert cells == {"6.2": (6.2, "percent"), "2.7": (2.7, "percent"), "41.5": (41.5e9, "USD"), "43": (43e9, "USD"),
                     "9,120": (9120, None), "9,300": (9300, None)}


@pytest.mark.parametrize(("text", "quote", "noun"), [
    # An infobox copied flat (archaeology, shipping, wind power): the next entry's label is no counted noun.
    ("MaterialSilverSize1,126 coinsWeight3.62 kgCreated", "1,126", "coin"),
    ("LinesLength399.9 mBeam59.0 mTonnage228,740 GTCapacity23,992 TEU", "399.9 m", None),
    ("Nameplate capacity1,140 MWTurbines76Capacity factor57.0%", "76", None),
    # Words as written keep their capitals: a plural of capitals, a brand.
    ("In all, 495 MPs were re-elected.", "495", "mps"),
    ("Its big purchases included the $26.2 billion LinkedIn deal.", "$26.2 billion", "linkedin"),
    # A measure's dimension or an adverb after it is not what it counts (aviation, shipping, archaeology).
    ("The runway is 1,720 m long and 45 m wide.", "1,720 m", None),
    ("The ship was moving at 13.8 knots shortly before it grounded.", "13.8 knots", None),
    ("The jar stood 26 cm tall.", "26 cm", None),
    ("About 400 million monthly players log in.", "About 400 million", "player"),  # a plural further on still counts
    # Joined by a hyphen, the counted noun still counts (theatre, publishing); a unit or an idiom does not.
    ("The Aldine has a 1,140-seat main house and a 220-seat studio.", "220", "seat"),
    ("The 60-page report was late.", "60", "page"),
    ("She stayed in the 12-year-old stadium.", "12-year", None),
])
def test_a_counted_noun_is_what_the_figure_counts(text: str, quote: str, noun: str | None) -> None:
    found = {c.quote: c for c in api.extract_claims(text, {"path": "a.md"})}
    assert found[quote].quantity.noun == noun


@pytest.mark.parametrize(("text", "quote", "unit"), [
    # A fact sheet line's bare figure takes the unit its label names (industrial relations, geography, shipping).
    ("Facts\n\nWorking days lost: 451,600\n", "451,600", "day"),
    ("Facts\n\nArea (km²): 1,912\n", "1,912", "km2"),
    ("Facts\n\nDays blocked: 6\n", "6", "day"),
    ("Facts\n\nStructures destroyed: 412\n", "412", None),  # a label that names no unit
    # A bare figure set beside an amount by a conjunction, a place or purpose after it, counts in its unit
    # (a wildfire's acres, a ticket price, a tunnel's miles).
    ("Roughly 24,900 acres of that was in Mariposa County and 13,700 in Tuolumne.", "13,700", "acre"),
    ("Tickets cost $5 for adults and 3 for children.", "3", "USD"),
    ("It lies 14 miles out from England's coast and ten from France's.", "ten", "mi"),
    # Not across a new clause, nor without a place or purpose after it.
    ("The bridge is 1,991 m long, and 12 in the river were hurt.", "12", None),
    ("The wall is 5 m high and 2 wide.", "2", None),
])
def test_a_bare_figure_takes_the_unit_its_label_or_its_neighbour_gives(text: str, quote: str, unit: str | None) -> None:
    found = {c.quote: c for c in api.extract_claims(text, {"path": "a.md"})}
    assert found[quote].quantity.unit == unit


def test_a_scaled_figure_keeps_its_written_digits() -> None:
    from claimcheck.compare import near_miss

    wrong, right = claims_in("The rescue cost €16.4 million, or €14.6 million by the state's count.")
    assert wrong.quantity.value == 16_400_000  # exactly: the float product is 16,399,999.999999998
    assert near_miss(wrong, right)  # two neighbouring digits swapped


@pytest.mark.parametrize("text", ["Vaccine drive tops 4 million doses", "Sales passes 4 million units at last",
                                  "The fund exceeds 4 million euros"])
def test_a_headline_verb_of_passing_is_an_open_bound(text: str) -> None:
    (claim,) = claims_in(text)
    assert (claim.quantity.value, claim.quantity.approx) == (4_000_000, "over")


def test_bare_degrees_near_heat_take_the_pages_one_scale() -> None:
    def units(text: str) -> list[tuple[str, str | None]]:
        return [(c.quote, c.quantity.unit) for c in api.extract_claims(text, {"path": "a.md"}) if c.quantity]

    assert units("The water was 1.2 °C. The water at the bottom was 1.3 degrees. It made a 45 degrees turn.") == [
        ("1.2 °C", "°C"), ("1.3", "°C"), ("45", None)]  # an angle keeps no scale
    assert units("The water at the bottom was 1.3 degrees.") == [("1.3", None)]  # no scale on the page
    assert units("It hit 40°C, or 104°F. The water was 30 degrees.") == [("40°C", "°C"), ("104°F", "°F"), ("30", None)]


@pytest.mark.parametrize(("text", "quote", "unit"), [
    ("The sunshield, 18.5 by 11.2 metres, was tensioned.", "18.5", "m"),
    ("Dimensions (radar): 260 × 185 m", "260", "m"),
    ("Two moons, estimated at 9 and 14 km across.", "9", "km"),
    ("It sold 3 cars and drove 14 km.", "3", None),  # another amount between them
])
def test_a_bare_number_joined_to_a_measure_shares_its_unit(text: str, quote: str, unit: str | None) -> None:
    got = {c.quote: c.quantity.unit for c in api.extract_claims(text, {"path": "a.md"}) if c.quantity}
    assert got[quote] == unit, got


@pytest.mark.parametrize(("text", "quote", "unit"), [
    ("Weather: Sunny; air 27 °C, track 44 °C", "44 °C", "°C"),  # a reading after a name word
    ("The set extended the stage 4.5 metres forward.", "4.5 metres", "m"),
    ("Nameplate capacity: 820 MWac (1,040 MWdc)", "1,040 MWdc", "MW"),
    ("Median installed cost, air-source: £12,950", "£12,950", "GBP"),  # no chart's "Source:" credit
])
def test_readings_after_name_words_ratings_and_labels_are_read(text: str, quote: str, unit: str) -> None:
    got = {c.quote: c.quantity.unit for c in api.extract_claims(text, {"path": "r.md", "role": "record"}) if c.quantity}
    assert got.get(quote) == unit, got


def test_a_figure_alone_in_its_sentence_is_told_by_the_rest_of_its_line() -> None:
    claims = api.extract_claims("10. $37.8bn. What it cost to build the sub.", {"path": "a.md"})
    assert [(c.quote, c.sentence) for c in claims] == [("$37.8bn", "$37.8bn. What it cost to build the sub.")]


@pytest.mark.parametrize(("sentence", "number", "phone"), context.PHONE_EXAMPLES)
def test_a_telephone_number_is_an_identifier(sentence: str, number: str, phone: bool) -> None:
    assert context.is_identifier_context(sentence, sentence.index(number)) is phone


def test_a_telephone_number_is_no_claim() -> None:
    text = "Page\n\nThe helpline is 1800 555 014, or call 555-0142. The hotline took 1,200 calls in 2023.\n"
    assert [c.quote for c in claims_in(text)] == ["1,200", "2023"]


@pytest.mark.parametrize(("text", "quotes"), [
    # A plain number word follows another only as a unit after a ten: "nine two years" is two numbers.
    ("The team numbers 31 people, up from nine two years ago.", [("31", 31.0), ("nine", 9.0)]),
    ("Three nine-dart finishes were recorded.", [("Three", 3.0)]),
    ("Twenty-two people died.", [("Twenty-two", 22.0)]),
    ("One hundred and five boats took part.", [("One hundred and five", 105.0)]),
    ("It took two and a half years.", [("two and a half years", 2.5)]),
])
def test_a_run_of_number_words_is_one_number_only_where_it_reads_as_one(text: str, quotes: list) -> None:
    assert [(c.quote, c.quantity.value) for c in claims_in(text, "2024-01-01") if c.quantity] == quotes


@pytest.mark.parametrize(("text", "quote", "approx"), [
    ("**More than 80** — workers on the repair crew.", "More than 80", "over"),  # a listicle's bold figure
    ("_Nearly 4,000_ homes lost power.", "Nearly 4,000", "under"),
    ("The crowd (about 9,000) filled the square.", "about 9,000", "about"),
])
def test_an_approximator_inside_markup_still_qualifies_the_figure(text: str, quote: str, approx: str) -> None:
    found = {c.quote: c for c in api.extract_claims(text, {"path": "a.md"})}
    assert found[quote].quantity.approx == approx
