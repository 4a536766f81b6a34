#!/usr/bin/env python3
"""A/B: this checkout against another revision, interleaved, on the measures issue 16 sets.

    python benchmarks/ab.py [--base main] [--rounds 7] [--docs 60] [--seed 7]

`--base` is a git revision (exported with `git archive` into a temporary folder) or a folder that
holds a `src/` tree. Both sides run with this interpreter and its packages, each in fresh processes
with its own `src` first on PYTHONPATH, one after the other in every round, so that a busy moment of
a shared machine falls on both. Reported per measure: each side's median over the rounds and the
median of the rounds' ratios (B / A for times: below 1 is faster). Measures:

- start-up: `claimcheck --no-cache report` on sources/ and `claimcheck --version`, wall clock;
- `report` and `extract` on bench.py's generated corpus, CPU seconds in the process (garbage
  collector off, after a warm-up run), as bench.py times them.

Another process busy on the same cores still slows wall-clock rows (CPU-time rows less so); the
load average is printed. Exit code 0 either way: a benchmark informs, it does not gate.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bench  # benchmarks/bench.py: the generated corpus

ROOT = Path(__file__).resolve().parent.parent

# Run in a child: time `report` or `extract` on a corpus, with the `src` given first on sys.path.
TIMER = """
import gc, sys, time
from pathlib import Path
src, corpus, mode, reps = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
sys.path.insert(0, src)
from claimcheck import pipeline
assert pipeline.__file__.startswith(src), pipeline.__file__
if mode == "report":
    run = lambda: pipeline.report_claims(pipeline.load([corpus]))
else:
    run = lambda: pipeline.extract(pipeline.load([corpus], need_record=False))
run()
best = None
for _ in range(reps):
    gc.collect()
    gc.disable()
    started = time.process_time()
    run()
    spent = time.process_time() - started
    gc.enable()
    best = spent if best is None else min(best, spent)
print(best)
"""


def say(message: str) -> None:
    print(f"ab: {message}", file=sys.stderr, flush=True)


def side(base: str, folder: Path) -> Path:
    """The `src` folder of the base: a folder given, or a git revision exported into `folder`."""
    given = Path(base)
    if (given / "src" / "claimcheck").is_dir():
        return (given / "src").resolve()
    folder.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", base, "src"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder / "src"


def _env(**extra: str) -> dict[str, str]:
    """The children's environment: byte code written and read (as for an installed package) on both sides."""
    env = {**os.environ, "CLAIMCHECK_NO_CACHE": "1", **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cpu_seconds(src: Path, corpus: Path, mode: str, reps: int) -> float:
    env = _env()
    done = subprocess.run([sys.executable, "-c", TIMER, str(src), str(corpus), mode, str(reps)], capture_output=True,
                          text=True, check=True, env=env, cwd=tempfile.gettempdir())
    return float(done.stdout.split()[-1])


def wall_seconds(src: Path, args: list[str]) -> float:
    env = _env(PYTHONPATH=str(src))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, check=True, env=env, cwd=ROOT)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="git revision, or a folder with src/ (default main)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--docs", type=int, default=60, help="documents of the generated corpus (bench.py's default)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="claimcheck-ab-"))
    load = os.getloadavg()[0]
    try:
        sides = {"A (base)": side(args.base, root / "base"), "B (this)": ROOT / "src"}
        corpus = bench.make_corpus(root / "corpus", args.docs, args.seed, 1)
        megabytes = bench.corpus_bytes(corpus) / 1e6
        measures = {
            "report on sources/, wall s": lambda src: wall_seconds(src, ["--no-cache", "report", "-f", "json"]),
            "--version, wall s": lambda src: wall_seconds(src, ["--version"]),
            "report, bench corpus, CPU s": lambda src: cpu_seconds(src, corpus, "report", 2),
            "extract, bench corpus, CPU s": lambda src: cpu_seconds(src, corpus, "extract", 3),
        }
        for src in sides.values():  # warm: byte code written, compiled patterns stored, files in the page cache
            for measure in measures.values():
                measure(src)
        times: dict[tuple[str, str], list[float]] = {(m, s): [] for m in measures for s in sides}
        for r in range(args.rounds):
            say(f"round {r + 1}/{args.rounds}")
            for name, measure in measures.items():
                for label, src in sides.items():
                    times[name, label].append(measure(src))
        a, b = sides
        print(f"| {args.rounds} rounds, interleaved, load {load:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
              f"| {a}: {args.base} | {b} | B / A (median of rounds) |")
        print("|---|---|---|---|")
        for name in measures:
            ratio = statistics.median(y / x for x, y in zip(times[name, a], times[name, b], strict=True))
            cells = [f"{statistics.median(times[name, s]):.3f}" for s in sides]
            if "bench corpus" in name:
                cells = [f"{c} ({megabytes / float(c):.2f} MB/s)" for c in cells]
            print(f"| {name} | {cells[0]} | {cells[1]} | {ratio:.3f} |")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
