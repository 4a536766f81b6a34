"""Pathological lines finish in seconds (no regex blow-ups, nothing quadratic per sentence)."""

from __future__ import annotations

import time

import pytest

from claimcheck.extract import extract_claims
from claimcheck.models import Source

# Generous on purpose: these guard against blow-ups (minutes), not a speed target (see benchmarks/).
BOUND_SECONDS = 20

PATHOLOGICAL = {
    "100k comma-separated digits": ",".join(["1"] * 100_000),
    "50k repeated words": "word " * 50_000,
    "50k-digit number": "9" * 50_000,
    "30k bare month names": "May " * 30_000,
    "30k months after a preposition": "in May " * 30_000,
    "50k numbers in one sentence": "5 " * 50_000,
    "30k years in one sentence": "in 2004 " * 30_000,
    "20k hyphenated number words": "-".join(["twenty"] * 20_000),
    "100k spaces": " " * 100_000 + "5 km",
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_line_is_processed_in_seconds(name: str) -> None:
    text = PATHOLOGICAL[name]
    started = time.perf_counter()
    claims = extract_claims(Source(path="x.md", name="x", text=text))
    assert time.perf_counter() - started < BOUND_SECONDS
    assert all(text[c.offset : c.end_offset] == c.quote for c in claims)


def test_huge_number_is_not_an_amount() -> None:
    assert extract_claims(Source(path="x.md", name="x", text="Account " + "9" * 40 + " closed.")) == []


def test_a_large_table_record_is_indexed_in_seconds() -> None:
    from claimcheck import api

    rows = "\n".join(f"| {2000 + i % 20} | Club {i} | {i % 90} | Player {i} | {i % 40} |" for i in range(3000))
    record = "---\nrole: record\n---\n| Season | Champion | Points | Scorer | Goals |\n|---|---|---|---|---|\n" + rows + "\n"
    started = time.perf_counter()
    findings = api.reconcile(api.extract_claims("The champions scored 12 goals in 2007.", {"path": "a.md"}), record)
    assert time.perf_counter() - started < BOUND_SECONDS
    assert [f.claim.quote for f in findings] == ["12", "2007"]
