"""Dates across a document: tense, the year a yearless date takes, and the anchors that give it."""

from __future__ import annotations

from .conftest import claims_in


def _dates(text: str, published: str | None = None) -> dict[str, tuple[str, str]]:
    """Quote -> (start, end) of every date claim (the last one wins for a repeated quote)."""
    return {c.quote: (str(c.date.start), str(c.date.end)) for c in claims_in(text, published) if c.kind == "date"}


def test_future_tense_month_after_the_first_sentence() -> None:
    text = "The council met on Tuesday. The new rules will take effect in January."
    assert _dates(text, "2021-12-10")["January"] == ("2022-01-01", "2022-01-31")
