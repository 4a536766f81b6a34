"""Every extraction rule's must-match and must-not-match examples, run through the real extractor."""

from __future__ import annotations

import pytest

from claimcheck import dates, quantities
from claimcheck.extract import RULES
from claimcheck.rules import Match

from .conftest import claims_in

RANGE_RULES = (
    ("date-range", dates.RANGE_EXAMPLES, dates.RANGE_REJECTS),
    ("quantity-range", quantities.RANGE_EXAMPLES, quantities.RANGE_REJECTS),
)
MATCHES = [(rule.name, ex) for rule in RULES for ex in rule.matches] + [
    (name, ex) for name, examples, _ in RANGE_RULES for ex in examples
]
REJECTS = [(rule.name, text) for rule in RULES for text in rule.rejects] + [
    (name, text) for name, _, rejects in RANGE_RULES for text in rejects
]


def _check_value(claim, ex: Match) -> None:
    if claim.kind == "date":
        assert claim.date.start is not None, f"{ex.quote!r} left unresolved"
        assert str(claim.date.start).startswith(ex.start), (claim.date, ex)
        assert str(claim.date.end).startswith(ex.end), (claim.date, ex)
    else:
        assert claim.quantity.value == pytest.approx(ex.value, rel=1e-9), (claim.quantity, ex)
        assert claim.quantity.unit == ex.unit, (claim.quantity, ex)


@pytest.mark.parametrize(("rule", "ex"), MATCHES, ids=[f"{r}:{e.quote}" for r, e in MATCHES])
def test_must_match(rule: str, ex: Match) -> None:
    claims = claims_in(ex.text, ex.published)
    hits = [c for c in claims if c.quote == ex.quote]
    assert hits, f"{rule}: no claim quoting {ex.quote!r} in {ex.text!r}; got {[c.quote for c in claims]}"
    assert hits[0].rule == rule, f"{ex.quote!r} was taken by {hits[0].rule}, not {rule}"
    _check_value(hits[0], ex)


@pytest.mark.parametrize(("rule", "text"), REJECTS, ids=[f"{r}:{t[:30]}" for r, t in REJECTS])
def test_must_not_match(rule: str, text: str) -> None:
    claims = claims_in(text, "2021-02-26")
    assert not [c.quote for c in claims if c.rule == rule], f"{rule} matched in {text!r}"


@pytest.mark.parametrize("rule", [r.name for r in RULES] + [name for name, *_ in RANGE_RULES])
def test_every_rule_has_examples(rule: str) -> None:
    matches = [ex for name, ex in MATCHES if name == rule]
    assert matches, f"rule {rule} has no must-match examples"
    if rule != "quantity-range":  # a range of amounts has no lookalike that is not one
        assert [t for name, t in REJECTS if name == rule], f"rule {rule} has no must-not-match examples"


def test_undated_relative_dates_are_unresolved_not_guessed() -> None:
    claims = claims_in("The bridge reopened last year, in July.")
    assert [c.quote for c in claims] == ["last year", "July"]
    assert all(c.date.unresolved and c.date.start is None for c in claims)


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_requirements_name_known_features(rule) -> None:
    from claimcheck.rules import FEATURE_NAMES

    for alternatives in rule.requirements:
        assert alternatives <= FEATURE_NAMES, (rule.name, alternatives)


@pytest.mark.parametrize("text", __import__("claimcheck.extract", fromlist=["MASK_EXAMPLES"]).MASK_EXAMPLES)
def test_masked_spans_hold_no_claims(text: str) -> None:
    assert claims_in(text) == [], [c.quote for c in claims_in(text)]


def test_features_are_plain_names() -> None:
    from claimcheck.rules import FEATURE_NAMES, features

    found = features("In Q3 2023 and FY2024, a third of last year's two sales came on Monday 5 May, this century.")
    assert found <= FEATURE_NAMES and all(isinstance(f, str) for f in found)
    assert {"digit", "month", "weekday", "quarter", "fiscal", "fraction", "relative", "numword", "century"} <= found
