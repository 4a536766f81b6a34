"""The store of compiled patterns (patterns.py): the same patterns as re's, and safe when its file is not."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import extract, patterns, rules

# Compiles every pattern of the package through the store, then prints how many entries it holds.
PROBE = """
from claimcheck import extract, patterns, rules
for rule in extract.RULES:
    rule.scan, rule.hint_scan, rule.lean_scan
store = patterns._the_store()
print(len(store.known), store.added)
"""


def _run(folder: Path) -> tuple[int, bool]:
    """Entries in the store and whether this run added any, for a fresh process using `folder`."""
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True,
                          env={"PATH": "", patterns.ENV: str(folder)})
    count, added = done.stdout.split()
    return int(count), added == "True"


def test_stored_patterns_are_res_own(tmp_path: Path) -> None:
    _run(tmp_path)  # writes the store
    store = patterns._Store(tmp_path / f"patterns-{patterns._build_tag()}.bin")
    assert len(store.known) > 100
    for key, found in store.known.items():
        if key[0] == "scanner" or found is None:
            continue
        pattern, flags = key
        assert patterns.compile(pattern, flags) == re.compile(pattern, flags)  # == compares the code too


def test_a_second_run_reads_the_store_and_adds_nothing(tmp_path: Path) -> None:
    first = _run(tmp_path)
    second = _run(tmp_path)
    assert first[1] and not second[1]
    assert second[0] == first[0]


@pytest.mark.parametrize("damage", [b"", b"garbage", None])
def test_a_damaged_store_is_ignored_and_rewritten(tmp_path: Path, damage: bytes | None) -> None:
    _run(tmp_path)
    (file,) = tmp_path.glob("patterns-*.bin")
    data = file.read_bytes()
    file.write_bytes(data[:-100] if damage is None else damage)  # truncated, empty, or not a store at all
    count, added = _run(tmp_path)
    assert added and count > 100
    assert patterns._Store(file).known  # rewritten whole


def test_scanners_match_as_their_patterns_do() -> None:
    for rule in extract.RULES:
        assert rules.scanner(rule.pattern).groupindex == rule.pattern.groupindex
    text = "On 4 May 2004 the bridge opened; by June 2011, 40,000 cars (12%) crossed it each day."
    for rule in extract.RULES:
        assert [m.span() for m in rule.scan.finditer(text)] == [m.span() for m in rule.pattern.finditer(text)]


def test_the_store_can_be_turned_off(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True,
                          env={"PATH": "", patterns.ENV: "0", "HOME": str(tmp_path)})
    assert done.stdout.split()[1] == "True"
    assert not list(tmp_path.rglob("patterns-*"))


def test_a_store_past_its_limit_keeps_only_what_the_run_used(tmp_path: Path) -> None:
    store = patterns._Store(tmp_path / "patterns-test.bin")
    store.known = {("old", n): None for n in range(patterns._LIMIT + 1)}
    store.known[("new", 0)] = patterns.args(patterns._parser.parse("a+"), 0, "a+")
    store.used, store.added = {("new", 0)}, True
    store.write()
    assert set(patterns._Store(tmp_path / "patterns-test.bin").known) == {("new", 0)}


def test_an_invalid_pattern_raises_as_re_does() -> None:
    with pytest.raises(re.error):
        patterns.compile(r"(unclosed")
