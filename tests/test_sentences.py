"""The sentence splitter against a table of cases from several fields, with the split a careful reader makes."""

from __future__ import annotations

import pytest

from claimcheck.sentences import CASES, split


@pytest.mark.parametrize("case", CASES, ids=[c.text[:40] for c in CASES])
def test_split_as_a_reader_does(case) -> None:
    assert tuple(case.text[a:b] for a, b in split(case.text)) == case.sentences


def test_the_table_covers_many_fields() -> None:
    assert len(CASES) >= 30
    assert {"sport", "finance", "science", "history", "health", "politics"} <= {c.field for c in CASES}


def test_spans_are_exact_and_inside_the_range() -> None:
    text = "Intro. The storm came ashore at 6:10 a.m. The surge followed.[3] Outro."
    spans = split(text, 7, len(text) - 7)
    assert [text[a:b] for a, b in spans] == ["The storm came ashore at 6:10 a.m.", "The surge followed.[3]"]
