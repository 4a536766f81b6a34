#!/usr/bin/env python3
"""--jobs: `claimcheck report` with one process and with N, and peak memory against the number of documents.

    python benchmarks/jobs.py [--docs 300] [--jobs 2] [--repeats 3]

The corpus is the bundled sources (real prose) copied to --docs secondary documents beside their
record (300: about 3.5 MB, a few seconds, so that start-up, the same for any number of jobs, does
not hide the rest); runs use no cache, interleaved, best of --repeats. Prints the speed-up
(README.md: ≥ 1.7x with 2 jobs on 2 idle cores), the peak resident memory of the parent and of its
largest worker for a quarter of --docs and for --docs (flat: bounded, not growing with the corpus),
and fails if the output of N jobs differs from one. The load average is printed too: other work on
a shared machine makes the wall-clock speed-up smaller than on idle cores, so the CPU critical path
(see `profile`) is shown beside it.
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


def _proc(pid: int, name: str) -> str:
    try:
        return Path(f"/proc/{pid}/{name}").read_text()
    except OSError:
        return ""


def _peak_kb(pid: int) -> int:
    return next((int(line.split()[1]) for line in _proc(pid, "status").splitlines() if line.startswith("VmHWM:")), 0)


def _cpu(pid: int) -> float:
    """CPU seconds a process has used so far (utime + stime from /proc/PID/stat)."""
    fields = _proc(pid, "stat").rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") if len(fields) > 12 else 0.0


def _workers(pid: int) -> list[int]:
    """The worker processes of a run (its other child, `git check-ignore`, is not a worker once it runs)."""
    return [int(c) for c in _proc(pid, f"task/{pid}/children").split() if _proc(int(c), "comm").strip() != "git"]


def profile(project: Path, jobs: int) -> tuple[float, float, float]:
    """Peak resident MiB of the parent and of its largest worker, and the run's CPU critical path in seconds.

    Sampled from /proc every 10 ms. The critical path is the longest of: the parent's CPU time until
    its workers start plus the busiest worker's; the parent's whole CPU time (with one job, or when
    the parent does the judging); all CPU time shared over the cores. That is about what the run
    would take on idle cores, which a shared machine does not have.
    """
    proc = subprocess.Popen([*COMMAND, "--jobs", str(jobs)], cwd=project, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=ENV)
    parent = worker = 0
    parent_cpu, before_workers, worker_cpu = 0.0, None, {}
    while proc.poll() is None:
        parent = max(parent, _peak_kb(proc.pid))
        parent_cpu = max(parent_cpu, _cpu(proc.pid))
        children = _workers(proc.pid) if jobs > 1 else []
        if len(children) >= 2 and before_workers is None:  # two at once: the pool (git's child is one, briefly)
            before_workers = parent_cpu
        for child in children:
            worker = max(worker, _peak_kb(child))
            worker_cpu[child] = max(worker_cpu.get(child, 0.0), _cpu(child))
        time.sleep(0.01)
    if before_workers is None:
        return parent / 1024, worker / 1024, parent_cpu
    cores = min(jobs, os.cpu_count() or 1)
    path = max(parent_cpu, before_workers + max(worker_cpu.values()), (parent_cpu + sum(worker_cpu.values())) / cores)
    return parent / 1024, worker / 1024, path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="claimcheck-jobs-bench-"))
    try:
        large, small = make_project(root / "large", args.docs), make_project(root / "small", args.docs // 4)
        load = os.getloadavg()[0]
        one, many, same = [], [], True
        for i in range(args.repeats):  # interleaved, so that a busy moment of the machine hits both
            print(f"run {i + 1}/{args.repeats}", file=sys.stderr)
            seconds, serial = report(large, 1)
            one.append(seconds)
            seconds, parallel = report(large, args.jobs)
            many.append(seconds)
            same = same and parallel == serial
        ratio = min(one) / min(many)
        runs = {(docs, jobs): profile(project, jobs) for docs, project in ((args.docs // 4, small), (args.docs, large))
                for jobs in (1, args.jobs)}
        path_ratio = runs[args.docs, 1][2] / runs[args.docs, args.jobs][2]
        print(f"| claimcheck report, {args.docs} documents, {os.cpu_count()} cores, load {load:.1f} | result | target |")
        print("|---|---|---|")
        print(f"| --jobs 1 | {min(one):.2f} s | |")
        flag = "" if ratio >= SPEED_UP else " **missed**"
        print(f"| --jobs {args.jobs} | {min(many):.2f} s: {ratio:.2f}x{flag} | ≥ {SPEED_UP}x on idle cores |")
        print(f"| CPU critical path, --jobs 1 / --jobs {args.jobs} | {runs[args.docs, 1][2]:.2f} s / "
              f"{runs[args.docs, args.jobs][2]:.2f} s: {path_ratio:.2f}x | |")
        print(f"| output of --jobs {args.jobs} identical to --jobs 1 | {'yes' if same else '**no**'} | yes |")
        for (docs, jobs), (parent, worker, _) in runs.items():
            workers = f", largest worker {worker:.0f} MiB" if jobs > 1 else ""
            print(f"| peak memory, {docs} documents, --jobs {jobs} | parent {parent:.0f} MiB{workers} | flat in documents |")
        return 0 if same and ratio >= SPEED_UP else 1
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
