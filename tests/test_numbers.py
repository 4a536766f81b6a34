"""Numbers as the web writes them: the value model of scores and durations, and unit conversion."""

from __future__ import annotations

import pytest

from claimcheck.models import Quantity
from claimcheck.quantities import base_value, to_base, unit_dimension
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


def test_a_compound_duration_is_one_claim_in_seconds() -> None:
    (claim,) = claims_in("Vostok 5 stayed up for 4 days, 23 h and 7 min.")
    assert claim.quote == "4 days, 23 h and 7 min"
    assert (claim.quantity.value, claim.quantity.unit) == (4 * 86400 + 23 * 3600 + 7 * 60, "s")


def test_table_cells_are_not_joined_but_prose_thousands_are() -> None:
    row = claims_in("Party Seats Votes\nConservative 368 365\n")
    assert [c.quantity.value for c in row] == [368, 365]
    prose = claims_in("The stadium holds 15 000 spectators.")
    assert [c.quantity.value for c in prose] == [15_000]
