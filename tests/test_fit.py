"""The fit script's corpora: what trains the verdict model and what is kept out of it."""

from __future__ import annotations

from pathlib import Path

from claimcheck import fit


def test_held_out_corpora_never_train_the_model(tmp_path: Path) -> None:
    (tmp_path / "corpora").mkdir()
    training = {c.name for c in fit.corpora(tmp_path)}
    kept_out = {c.name for c in fit.held_out()}
    assert kept_out, "tests/heldout holds labelled corpora"
    assert all(name.startswith("heldout/") for name in kept_out)
    assert not training & kept_out
    assert any(name.startswith("tests/") for name in training)


def test_only_the_shared_corpora_count_as_development() -> None:
    assert fit.is_development("titanic")
    assert not fit.is_development("seeds")
    assert not fit.is_development("tests/reservoir")
    assert not fit.is_development("heldout/rate-decision")
