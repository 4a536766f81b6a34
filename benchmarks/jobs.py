#!/usr/bin/env python3
"""--jobs: `claimcheck report` with one process and with N, and peak memory against the number of documents.

    python benchmarks/jobs.py [--docs 80] [--jobs 2] [--repeats 3]

The corpus is the bundled sources (real prose) copied to --docs secondary documents beside their
record; runs use no cache, interleaved, best of --repeats. Prints the speed-up (README.md: ≥ 1.7x
with 2 jobs on 2 idle cores), the peak resident memory of the parent and of its largest worker for
--docs and 4x --docs documents (flat: bounded, not growing with the corpus), and fails if the output
of N jobs differs from one. The load average is printed too: other work on the machine shows there.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cache import make_project  # benchmarks/cache.py: the bundled sources copied into a project

COMMAND = [sys.executable, "-m", "claimcheck.cli", "report", "-f", "jsonl", "-q"]
ENV = {**os.environ, "CLAIMCHECK_NO_CACHE": "1"}  # the env var, not --no-cache: older versions run this script too
SPEED_UP = 1.7


def report(project: Path, jobs: int) -> tuple[float, bytes]:
    """Wall seconds and output of one `claimcheck report --jobs N`."""
    started = time.perf_counter()
    done = subprocess.run([*COMMAND, "--jobs", str(jobs)], cwd=project, capture_output=True, check=True, env=ENV)
    return time.perf_counter() - started, done.stdout


def _peak_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def peak_memory(project: Path, jobs: int) -> tuple[float, float]:
    """Peak resident MiB of the parent and of its largest worker during one run (sampled from /proc)."""
    proc = subprocess.Popen([*COMMAND, "--jobs", str(jobs)], cwd=project, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=ENV)
    parent = worker = 0
    while proc.poll() is None:
        parent = max(parent, _peak_kb(proc.pid))
        for child in _children(proc.pid):
            worker = max(worker, _peak_kb(child))
        time.sleep(0.01)
    return parent / 1024, worker / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=80)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="claimcheck-jobs-bench-"))
    try:
        small, large = make_project(root / "small", args.docs), make_project(root / "large", args.docs * 4)
        load = os.getloadavg()[0]
        one, many, same = [], [], True
        for i in range(args.repeats):  # interleaved, so that a busy moment of the machine hits both
            print(f"run {i + 1}/{args.repeats}", file=sys.stderr)
            seconds, serial = report(small, 1)
            one.append(seconds)
            seconds, parallel = report(small, args.jobs)
            many.append(seconds)
            same = same and parallel == serial
        ratio = min(one) / min(many)
        memory = {(docs, jobs): peak_memory(project, jobs) for docs, project in ((args.docs, small), (args.docs * 4, large))
                  for jobs in (1, args.jobs)}
        print(f"| claimcheck report, {args.docs} documents, {os.cpu_count()} cores, load {load:.1f} | result | target |")
        print("|---|---|---|")
        print(f"| --jobs 1 | {min(one):.2f} s | |")
        flag = "" if ratio >= SPEED_UP else " **missed**"
        print(f"| --jobs {args.jobs} | {min(many):.2f} s: {ratio:.2f}x{flag} | ≥ {SPEED_UP}x |")
        print(f"| output of --jobs {args.jobs} identical to --jobs 1 | {'yes' if same else '**no**'} | yes |")
        for (docs, jobs), (parent, worker) in memory.items():
            workers = f", largest worker {worker:.0f} MiB" if jobs > 1 else ""
            print(f"| peak memory, {docs} documents, --jobs {jobs} | parent {parent:.0f} MiB{workers} | flat in documents |")
        return 0 if same and ratio >= SPEED_UP else 1
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
