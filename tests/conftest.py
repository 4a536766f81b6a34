"""Shared fixtures: paths to the bundled sources and a helper to extract from a string."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcheck.extract import extract_claims
from claimcheck.models import Source

ROOT = Path(__file__).resolve().parent.parent


def claims_in(text: str, published: str | None = None, role: str = "secondary"):
    """Every claim extracted from `text` as one source."""
    when = dt.date.fromisoformat(published) if published else None
    return extract_claims(Source(path="example.md", name="example", text=text, published=when, role=role))


@pytest.fixture
def root() -> Path:
    return ROOT
