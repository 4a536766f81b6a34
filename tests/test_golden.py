"""Golden corpora under tests/data/<case>/: sources plus the verdicts a careful reader expects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import pipeline

DATA = Path(__file__).parent / "data"
CASES = sorted(p.name for p in DATA.iterdir() if (p / "expected.json").is_file())


def _key(item: dict) -> tuple:
    """What a finding must be: an expected item's true verdict, or, for a documented known miss
    ("current" with a "why"), what the tool gives today, so that a fix shows up as a failure too."""
    return (item["file"], item["quote"], item.get("current", item["verdict"]))


@pytest.mark.parametrize("case", CASES)
def test_golden_verdicts(case: str) -> None:
    expected = json.loads((DATA / case / "expected.json").read_text(encoding="utf-8"))["findings"]
    findings, summary = pipeline.report([DATA / case / "sources"])
    got = [
        {"file": Path(f.claim.path).name, "quote": f.claim.quote, "verdict": f.verdict, "line": f.claim.line}
        for f in findings
    ]
    assert sorted(map(_key, got)) == sorted(map(_key, expected))
    for item in expected:
        if "line" in item:
            assert any(_key(g) == _key(item) and g["line"] == item["line"] for g in got), item
    for f in findings:
        assert (f.evidence is not None) == (f.verdict != "unsupported"), f
        assert f.reason


def test_golden_cases_exist() -> None:
    assert len(CASES) >= 3


def test_known_misses_are_explained_and_few() -> None:
    items = [i for case in CASES for i in json.loads((DATA / case / "expected.json").read_text(encoding="utf-8"))["findings"]]
    misses = [i for i in items if "current" in i]
    assert all(i.get("why") and i["current"] != i["verdict"] for i in misses)
    assert len(misses) <= len(items) // 10
