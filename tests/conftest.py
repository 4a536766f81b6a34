"""Shared fixtures: paths to the bundled sources, a project to run `check` in, and a helper to extract from a string."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from claimcheck.extract import extract_claims
from claimcheck.models import Source

ROOT = Path(__file__).resolve().parent.parent
RESERVOIR = ROOT / "tests" / "data" / "reservoir" / "sources"


def claims_in(text: str, published: str | None = None, role: str = "secondary"):
    """Every claim extracted from `text` as one source."""
    when = dt.date.fromisoformat(published) if published else None
    return extract_claims(Source(path="example.md", name="example", text=text, published=when, role=role))


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with an empty cache of its own: no test reads entries another test wrote,
    and runs in the repository leave no .claimcheck_cache there (tests/test_cache.py undoes this)."""
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the reservoir corpus as a project with its own claimcheck.toml."""
    shutil.copytree(RESERVOIR, tmp_path / "sources")
    # These tests are about the gate, not the reconciler: the golden corpus's one contested claim
    # ("last year" meets the record's 2022 in another context; tests/data/reservoir/expected.json)
    # becomes one the record plainly does not state, so the counts below follow from the gate alone.
    news = tmp_path / "sources" / "news.md"
    news.write_text(news.read_text(encoding="utf-8").replace("below average last year", "below average last winter"),
                    encoding="utf-8")
    (tmp_path / "claimcheck.toml").write_text('sources = "sources"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path
