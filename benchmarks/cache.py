#!/usr/bin/env python3
"""Incremental runs: `claimcheck check` on 1,000 documents cold, again unchanged, and after editing one.

    python benchmarks/cache.py [--docs 1000] [--repeats 5]

The corpus is the bundled sources (real prose) copied to --docs secondary documents beside their
record. Prints wall seconds (best of --repeats; the cold run once) and flags a missed target
(README.md: unchanged ≤ 1 s, one document edited ≤ 1.5 s), and fails if a warm run's output
differs from a run without the cache.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "sources"
TARGETS = {"unchanged": 1.0, "one edited": 1.5}


def make_project(folder: Path, docs: int) -> Path:
    """A project whose sources are the bundled record and `docs` copies of the other bundled documents."""
    texts = sorted(SOURCES.glob("*.txt"))
    records = [p for p in texts if "role: record" in p.read_text(encoding="utf-8").replace('"', "")]
    others = [p for p in texts if p not in records]
    (folder / "sources").mkdir(parents=True)
    shutil.copy(records[0], folder / "sources" / records[0].name)
    for i in range(docs):
        original = others[i % len(others)]
        shutil.copy(original, folder / "sources" / f"{i:04d}-{original.name}")
    (folder / "claimcheck.toml").write_text('sources = "sources"\n', encoding="utf-8")
    return folder


def check(project: Path, *extra: str) -> tuple[float, float, bytes]:
    """Wall and CPU seconds, and the output (the failing findings' table, as in CI), of one `claimcheck check`."""
    exe = shutil.which("claimcheck") or str(Path(sys.executable).with_name("claimcheck"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([exe, "check", "--exit-zero", "-q", *extra], cwd=project, capture_output=True, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, done.stdout


def best(runs: list[tuple[float, float, bytes]]) -> tuple[float, float]:
    """The best wall and the best CPU seconds of some runs."""
    return min(r[0] for r in runs), min(r[1] for r in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="claimcheck-cache-bench-"))
    try:
        project = make_project(root, args.docs)
        size = sum(p.stat().st_size for p in (project / "sources").iterdir())
        print(f"corpus: {args.docs} documents and a record, {size / 1e6:.1f} MB", file=sys.stderr)
        cold, cold_cpu, cold_out = check(project)
        print(f"cold run: {cold:.2f} s", file=sys.stderr)
        rows = [("cold (fills the cache)", (cold, cold_cpu), None)]
        rows.append(("unchanged", best([check(project) for _ in range(args.repeats)]), TARGETS["unchanged"]))
        warm_out = check(project)[2]
        edited_file = next((project / "sources").glob("0000-*"))
        runs = []
        for i in range(args.repeats):  # a new edit each time, so each run reads one changed document
            text = edited_file.read_text(encoding="utf-8")
            edited_file.write_text(text + f"\nThe edit number {i + 1} was made in March 2021.\n", encoding="utf-8")
            runs.append(check(project))
        rows.append(("one edited", best(runs), TARGETS["one edited"]))
        edited_out, fresh_out = check(project)[2], check(project, "--no-cache")[2]
        identical = warm_out == cold_out and edited_out == fresh_out
        # CPU seconds too: on a shared machine the wall clock also counts time other processes took.
        print("| claimcheck check, 1 job | wall seconds | CPU seconds | target (wall) |\n|---|---|---|---|")
        missed = []
        for name, (wall, cpu), target in rows:
            flag = "" if target is None or wall <= target else " **missed**"
            if flag:
                missed.append(name)
            print(f"| {name} | {wall:.2f}{flag} | {cpu:.2f} | {f'≤ {target} s' if target else ''} |")
        print(f"| output identical to a run without the cache | {'yes' if identical else '**no**'} | | yes |")
        return 1 if missed or not identical else 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
