"""The fit script's corpora: what trains the verdict model and what is kept out of it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import fit


def test_held_out_corpora_never_train_the_model(tmp_path: Path) -> None:
    (tmp_path / "corpora").mkdir()
    training = {c.name for c in fit.corpora(tmp_path)}
    kept_out = {c.name for c in fit.held_out()}
    assert kept_out, "tests/heldout holds labelled corpora"
    assert all(name.startswith("heldout/") for name in kept_out)
    assert not training & kept_out
    assert any(name.startswith("tests/") for name in training)
    assert any(name.startswith("train/") for name in training)
    # The two halves of the blind corpora share no topic: a corpus is in one folder or the other.
    assert not {n.removeprefix("train/") for n in training} & {n.removeprefix("heldout/") for n in kept_out}


def test_only_the_shared_corpora_count_as_development() -> None:
    assert fit.is_development("titanic")
    assert not fit.is_development("seeds")
    assert not fit.is_development("tests/reservoir")
    assert not fit.is_development("heldout/rate-decision")
    assert not fit.is_development("train/air-accident")


def _thresholds_by_hand(best_probs: list[tuple[float, float, float, str]]) -> tuple[float, tuple[float, float, float]]:
    """fit._thresholds written the slow way: decide at every grid point, then each point's neighbours summed."""
    from claimcheck.verdict import decide

    grid, reach = fit.GRID, round(fit.SMOOTH / fit.GRID_STEP)
    raw = {}
    for i, t_a in enumerate(grid):
        for j, t_c in enumerate(grid):
            for m in fit.MARGINS:
                said = [(decide(a, c, t_a, t_c, m, against), v) for a, c, against, v in best_probs]
                right = sum(d == v for d, v in said)
                false_alarms = sum(d == "conflict" != v for d, v in said)
                raw[i, j, m] = right - (fit.FALSE_CONFLICT_COST - 1.0) * false_alarms
    last = len(grid) - 1
    scored = []
    for (i, j, m) in raw:
        near = sum(raw[min(last, max(0, i + di)), min(last, max(0, j + dj)), m]
                   for di in range(-reach, reach + 1) for dj in range(-reach, reach + 1))
        scored.append((near, grid[j], -grid[i], m))
    top, t_c, neg_t_a, m = max(scored)
    return top, (-neg_t_a, (grid[0] if t_c <= m else t_c), m)


probability = st.floats(0.0, 1.0).map(lambda p: round(p, 2))  # on the grid, where ties and edges are


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(probability, probability, probability, st.sampled_from(["agree", "conflict", "unsupported"])),
                min_size=1, max_size=25))
def test_the_threshold_search_is_the_plain_one(best_probs) -> None:
    # A coarse grid keeps the plain search quick; the vectorised one must choose exactly what it does.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fit, "GRID_STEP", 0.05)
        patch.setattr(fit, "GRID", tuple(round(0.05 * k, 2) for k in range(1, 20)))
        columns = tuple(np.asarray(column) for column in zip(*best_probs, strict=True))
        assert fit._thresholds(columns) == _thresholds_by_hand(best_probs)


def _items(corpora: int = 4) -> list:
    """Labelled items whose pairs a weight on `sim` separates: agreements and conflicts near 1, the rest near 0."""
    from claimcheck.match import FEATURES
    from claimcheck.verdict import Pair

    def pair(agrees: bool, sim: float) -> Pair:
        return Pair(0, agrees, tuple(sim if name in ("sim", "context") else 0.0 for name in FEATURES))

    items = []
    for k in range(corpora):
        for j in range(6):
            wobble = 0.02 * j
            items += [fit.Item(f"c{k}", "agree", ((pair(True, 0.9 - wobble), True),)),
                      fit.Item(f"c{k}", "conflict", ((pair(False, 0.95 - wobble), True),)),
                      fit.Item(f"c{k}", "unsupported", ((pair(True, 0.05 + wobble), False), (pair(False, 0.1 + wobble), False)))]
    return items


def _best_probs_by_hand(sides: dict, items: list) -> list[tuple[float, float, float, str]]:
    """fit._best_probs written the slow way, with the Logistic the verdict stage uses."""
    from claimcheck.verdict import Logistic, stands_against

    models = {True: Logistic(sides["agree"]["bias"], tuple(sides["agree"]["weights"])),
              False: Logistic(sides["conflict"]["bias"], tuple(sides["conflict"]["weights"]))}
    out = []
    for it in items:
        best, against = {True: 0.0, False: 0.0}, 0.0
        for p, _ in it.pairs:
            prob = models[p.agrees].probability(p.features)
            best[p.agrees] = max(best[p.agrees], prob)
            if stands_against(p):
                against = max(against, prob)
        out.append((best[True], best[False], against, it.verdict))
    return out


@settings(max_examples=25, deadline=None)
@given(st.lists(st.booleans(), min_size=1, max_size=24))
def test_the_array_probabilities_are_the_verdict_stages(chosen) -> None:
    # Fitting and scoring run on arrays; the verdict stage scores one pair at a time. They must agree.
    items = _items(corpora=2)[: len(chosen)]
    mask = np.asarray(chosen, dtype=bool)
    table = fit._Table.of(items)
    sides = fit._sides(table, np.ones(len(items), dtype=bool), l2=0.5)
    p_agree, p_conflict, against, gold = fit._best_probs(sides, table, mask)
    wanted = _best_probs_by_hand(sides, [it for it, keep in zip(items, chosen, strict=True) if keep])
    assert list(gold) == [v for *_, v in wanted]
    for got, want in zip(zip(p_agree, p_conflict, against, strict=True), wanted, strict=True):
        assert got == pytest.approx(want[:3], abs=1e-12)


def test_the_ridge_penalty_is_the_one_whose_out_of_fold_verdicts_score_best(monkeypatch: pytest.MonkeyPatch) -> None:
    # A penalty so strong that every weight is nil cannot tell the items apart: the fit must not choose it.
    monkeypatch.setattr(fit, "L2_GRID", (1e6, 0.5))
    model = fit.fit(_items())
    assert model["l2"] == 0.5
    monkeypatch.setattr(fit, "L2_GRID", (1e6,))
    assert fit.fit(_items())["l2"] == 1e6  # the grid is all it chooses from
    # Penalties whose out-of-fold verdicts score within an item of each other tie, and the weaker is chosen.
    monkeypatch.setattr(fit, "L2_GRID", (0.5, 0.2, 1.0))
    assert fit.fit(_items())["l2"] == 0.2


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.sampled_from([0.0, 0.1, 0.3, 0.6, 1.0]),
                          st.one_of(st.just(0.0), st.floats(0.0, 1.0))), min_size=1, max_size=20),
       st.sampled_from(fit.BARE_GRID))
def test_the_table_s_bare_column_is_what_the_pairs_give(rows, scale) -> None:
    # The fit tries each scale on the table's columns; the verdict stage computes the feature pair by pair.
    from claimcheck.match import FEATURES, bareness
    from claimcheck.verdict import Pair

    def pair(agrees: bool, precision: float, context: float) -> Pair:
        return Pair(0, agrees, tuple({"precision": precision, "context": context, "bare": 0.5}.get(n, 0.0) for n in FEATURES))

    items = [fit.Item("c", "agree", ((pair(*row), True),)) for row in rows]
    column = fit._Table.of(items).with_bare(scale).x[:, FEATURES.index("bare")]
    assert list(column) == pytest.approx([bareness(p, c, scale) if a else 0.0 for a, p, c in rows], abs=1e-12)


def test_the_bare_scale_is_chosen_by_the_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.match import FEATURES

    monkeypatch.setattr(fit, "L2_GRID", (0.5,))
    monkeypatch.setattr(fit, "BARE_GRID", (0.04,))
    assert fit.fit(_items())["bare_context"] == 0.04  # the grid is all it chooses from
    # Every pair of the items shares a context of 0.05 or more: no scale below it makes a pair bare, so
    # both scales score alike, and the tie goes to the smaller.
    monkeypatch.setattr(fit, "BARE_GRID", (0.04, 0.0))
    model = fit.fit(_items())
    assert model["bare_context"] == 0.0
    assert len(model["agree"]["weights"]) == len(FEATURES)
