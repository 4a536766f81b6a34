"""Golden corpora under tests/data/<case>/: sources plus the verdicts a careful reader expects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import pipeline

DATA = Path(__file__).parent / "data"
CASES = sorted(p.name for p in DATA.iterdir() if (p / "expected.json").is_file())


def _key(item: dict) -> tuple:
    return (item["file"], item["quote"], item["verdict"])


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
