#!/usr/bin/env python3
"""Throughput benchmark: claimcheck against datefinder and dateparser on the same text, and how cost scales.

    pip install -e '.[bench]'
    python benchmarks/bench.py [--docs 60] [--seed 7] [--rounds 5] [--dateparser-kb 15]

Two texts: the bundled sources/ replicated to at least 3 MB (prose), and a generated corpus of
news-like documents (the benchmark corpus). Each round times every subject once, in turn, on one
core (CPU time), so the peers share the machine's state of the moment with claimcheck; a ratio is
the median of the rounds' ratios, a speed the median of the rounds. Then `report`, the record at
100x its size, start-up and `report` on the bundled sources (wall clock, in a new process).
Progress goes to stderr; stdout gets one Markdown table whose last column flags each missed
target (issue 16). Exit code 0 either way: a benchmark informs, it does not gate.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from claimcheck import pipeline

MONTHS = "January February March April May June July August September October November December".split()
SUBJECTS = [
    ("the harbour bridge", "opened", "carries", "vehicles a day"),
    ("the city museum", "reopened", "welcomed", "visitors"),
    ("the national league", "was founded", "had", "member clubs"),
    ("the vaccine programme", "began", "delivered", "doses"),
    ("the rail company", "was privatised", "carried", "passengers"),
    ("the research station", "was established", "employed", "scientists"),
    ("the reservoir", "was completed", "held", "litres"),
    ("the peace mission", "was launched", "trained", "officers"),
]
FILLER = [
    "Critics said the decision had been rushed and that the public had not been properly consulted.",
    "Local officials welcomed the announcement at a press conference held outside the town hall.",
    "The project has faced delays and rising costs, and its managers have changed several times.",
    "Several community groups argued that more consultation was needed before any final decision.",
    "Supporters point to its long-term benefits for the region, from jobs to cleaner air.",
    "Engineers say the design has held up well, although maintenance has become more expensive.",
    "Residents interviewed for this article were divided on whether the changes had helped them.",
    "The board declined to comment on the report, citing an ongoing review of its governance.",
    "Historians note that the idea was first discussed long before any money was committed.",
    "Opposition politicians have called for an independent inquiry into how contracts were awarded.",
    "A spokesperson said the organisation remained committed to transparency and accountability.",
    "Much of the early work was done by volunteers who were never formally recognised.",
]


def _date(rng: random.Random) -> str:
    year = rng.randint(1950, 2023)
    form = rng.randrange(5)
    if form == 0:
        return f"in {year}"
    if form == 1:
        return f"in {rng.choice(MONTHS)} {year}"
    if form == 2:
        return f"on {rng.randint(1, 28)} {rng.choice(MONTHS)} {year}"
    if form == 3:
        return f"from {year} to {year + rng.randint(1, 9)}"
    return f"in late {year}"


def _amount(rng: random.Random) -> str:
    form = rng.randrange(5)
    if form == 0:
        return f"{rng.randint(2, 900):,}"
    if form == 1:
        return f"over {rng.randint(1, 90) * 1000:,}"
    if form == 2:
        return f"{rng.randint(1, 99) / 10} million"
    if form == 3:
        return f"about {rng.randint(11, 99)} percent of"
    return rng.choice(["twelve", "forty-two", "three hundred", "two and a half million"])


def sentence(rng: random.Random) -> str:
    """One factual sentence with a date or an amount, or filler."""
    subject, event, verb, noun = rng.choice(SUBJECTS)
    kind = rng.randrange(12)  # about one sentence in four states a fact, as in news prose
    if kind == 0:
        return f"{subject.capitalize()} {event} {_date(rng)}."
    if kind == 1:
        return f"In {rng.randint(1990, 2023)}, {subject} {verb} {_amount(rng)} {noun}."
    if kind == 2:
        return f"By {rng.choice(MONTHS)} {rng.randint(1990, 2023)} {subject} {verb} {_amount(rng)} {noun}, officials said."
    return rng.choice(FILLER)  # kinds 3-11


def document(rng: random.Random, size: int, role: str) -> str:
    """A document of about `size` characters with front matter."""
    head = f"---\ntitle: Generated {role} {rng.randrange(10**6)}\npublished: 2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n"
    head += "role: record\n---\n" if role == "record" else "---\n"
    parts, length = [head], len(head)
    while length < size:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 6))) + "\n\n"
        parts.append(paragraph)
        length += len(paragraph)
    return "".join(parts)


def make_corpus(folder: Path, docs: int, seed: int, record_scale: int, doc_size: int = 6000) -> Path:
    """Write `docs` secondary documents and a record of `record_scale` x the usual size (17 kB)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(docs):
        (folder / f"doc-{i:05d}.md").write_text(document(rng, doc_size, "secondary"), encoding="utf-8")
    (folder / "record.md").write_text(document(random.Random(seed + 1), 17_000 * record_scale, "record"), encoding="utf-8")
    return folder


ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"  # the bundled documents: real prose, replicated for the prose measure
PROSE_BYTES = 3_000_000


def say(message: str) -> None:
    """Progress on stderr, so that stdout stays one table."""
    print(f"bench: {message}", file=sys.stderr, flush=True)


def files_of(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".md", ".txt"))


def corpus_bytes(folder: Path) -> int:
    """Bytes of every document in the folder, the record's included (extraction reads them all)."""
    return sum(p.stat().st_size for p in files_of(folder))


def replicate_sources(folder: Path, size: int = PROSE_BYTES) -> Path:
    """The bundled sources copied until they hold at least `size` bytes (one record among them)."""
    folder.mkdir(parents=True)
    originals = [(p.name, p.read_text(encoding="utf-8")) for p in files_of(SOURCES)]
    total, copy = 0, 0
    while total < size:
        for name, text in originals:
            if copy:
                text = text.replace("role: record", "role: secondary")
            (folder / f"{copy:03d}-{name}").write_text(text, encoding="utf-8")
            total += len(text.encode("utf-8"))
        copy += 1
    return folder


def timed(func) -> float:
    """CPU seconds of one call, garbage collector off as in timeit.

    CPU time, not wall time: on a shared virtual machine the wall clock also counts time the host
    gave to others, which made repeated runs differ by half; the work here is single-threaded.
    """
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        func()
        return time.process_time() - started
    finally:
        gc.enable()


def wall_timed(func) -> float:
    """Wall-clock seconds of one call (for start-up, which happens in another process)."""
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def interleaved(subjects: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """CPU seconds of each subject in each round; every round runs every subject once, in turn."""
    for func in subjects.values():
        func()  # warm up: imports, compiled patterns, caches
    times: dict[str, list[float]] = {name: [] for name in subjects}
    for r in range(rounds):
        for name, func in subjects.items():
            say(f"round {r + 1}/{rounds}: {name}")
            times[name].append(timed(func))
    return times


def extract_of(folder: Path) -> Callable[[], object]:
    """`claimcheck extract` as the CLI runs it, without rendering: find, read, validate, extract."""
    return lambda: pipeline.extract(pipeline.load([folder], need_record=False))


def report_of(folder: Path) -> Callable[[], object]:
    """`claimcheck report` without rendering: load, extract, index the record, judge every claim."""
    return lambda: pipeline.report_claims(pipeline.load([folder]))


def datefinder_of(texts: list[str]) -> Callable[[], object] | None:
    """datefinder.find_dates over each document's text (its defaults)."""
    try:
        import datefinder
    except ImportError:
        return None
    return lambda: [list(datefinder.find_dates(text)) for text in texts]


def dateparser_of(texts: list[str], sample_kb: int) -> tuple[Callable[[], object], int] | None:
    """dateparser.search_dates (English only) paragraph by paragraph over the first `sample_kb` kB of the same text."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    sample = "".join(texts)[: sample_kb * 1000]
    paragraphs = [p for p in sample.split("\n\n") if p.strip()]
    return (lambda: [search_dates(p, languages=["en"]) for p in paragraphs]), len(sample.encode("utf-8"))


def peak_memory_mb(folder: Path) -> float:
    """Peak resident memory of a `claimcheck report` process on the corpus.

    Read from the child's own /proc VmHWM: rusage of children would count the pages a forked child
    shares with this (large) benchmark process before it execs.
    """
    command = [sys.executable, "-m", "claimcheck.cli", "report", str(folder), "-f", "csv", "-o", str(folder.parent / "r.csv"),
               "--no-cache"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    status = Path(f"/proc/{proc.pid}/status")
    while proc.poll() is None:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except (OSError, ValueError):
            pass
        time.sleep(0.005)
    if proc.returncode:
        raise SystemExit(f"claimcheck report failed with exit code {proc.returncode}")
    return peak / 1024


def _exe() -> str:
    return shutil.which("claimcheck") or str(Path(sys.executable).with_name("claimcheck"))


def startup_seconds() -> float:
    """Best of five `claimcheck --version` runs (wall clock)."""
    return min(wall_timed(lambda: subprocess.run([_exe(), "--version"], check=True, capture_output=True)) for _ in range(5))


def report_sources_seconds(out: Path, cached: bool = False) -> float:
    """Best of five `claimcheck report sources/` runs (wall clock, files warm in the page cache).

    Without the cache of earlier runs unless `cached` (then in a folder of its own, filled by a first run).
    """
    command = [_exe(), "report", str(SOURCES), "--format", "json", "-o", str(out)]
    env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(out.parent / "cache")} if cached else {**os.environ, "CLAIMCHECK_NO_CACHE": "1"}
    run = lambda: subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)  # noqa: E731
    if cached:
        run()
    return min(wall_timed(run) for _ in range(5))


def median(values: list[float]) -> float:
    return statistics.median(values)


def ratio(times: dict[str, list[float]], slower: str, faster: str) -> float:
    """The median over rounds of how many times faster `faster` ran than `slower` in the same round."""
    return median([a / b for a, b in zip(times[slower], times[faster], strict=True)])


class Table:
    """Rows of measure, result and target; a row whose check fails is flagged MISSED."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, name: str, result: str, target: str = "", ok: bool | None = None) -> None:
        self.rows.append((name, result, target, "" if ok is None else ("ok" if ok else "**MISSED**")))

    def markdown(self) -> str:
        lines = ["| measure | result | target | |", "|---|---|---|---|"]
        lines += [f"| {name} | {result} | {target} | {flag} |" for name, result, target, flag in self.rows]
        return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=60, help="secondary documents (default 60, about 0.37 MB)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (medians are reported)")
    parser.add_argument("--record-scale", type=int, default=100, help="record size as a multiple of the usual 17 kB")
    parser.add_argument("--dateparser-kb", type=int, default=15, help="kB of text given to dateparser (it is slow)")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    table = Table()
    load = os.getloadavg()[0]
    try:
        say("writing corpora")
        prose = replicate_sources(root / "prose")
        base = make_corpus(root / "base", args.docs, args.seed, 1)
        big_record = make_corpus(root / "big-record", args.docs, args.seed, args.record_scale)
        texts = {name: [p.read_text(encoding="utf-8") for p in files_of(folder)]
                 for name, folder in (("prose", prose), ("bench", base))}
        sizes = {"prose": corpus_bytes(prose), "bench": corpus_bytes(base)}
        subjects: dict[str, Callable[[], object]] = {}
        sample_bytes: dict[str, int] = {}
        for name, folder in (("prose", prose), ("bench", base)):
            subjects[f"claimcheck extract ({name})"] = extract_of(folder)
            finder = datefinder_of(texts[name])
            if finder:
                subjects[f"datefinder ({name})"] = finder
            dateparser = dateparser_of(texts[name], args.dateparser_kb)
            if dateparser:
                subjects[f"dateparser ({name})"], sample_bytes[name] = dateparser
        times = interleaved(subjects, args.rounds)

        for name, what in (("prose", "sources/ replicated"), ("bench", f"{args.docs} generated documents, seed {args.seed}")):
            mb = sizes[name] / 1e6
            own = f"claimcheck extract ({name})"
            speed = mb / median(times[own])
            table.add(f"{name} text", f"{what}, {mb:.2f} MB")
            table.add(f"extract ({name})", f"{speed:.2f} MB/s", "≥ 5 MB/s", speed >= 5)
            if f"datefinder ({name})" in times:
                peer = mb / median(times[f"datefinder ({name})"])
                faster = ratio(times, f"datefinder ({name})", own)
                table.add(f"datefinder.find_dates ({name})", f"{peer:.2f} MB/s")
                table.add(f"extract / datefinder ({name})", f"{faster:.2f}x", "≥ 2x", faster >= 2)
            else:
                table.add(f"datefinder.find_dates ({name})", "not installed (pip install -e '.[bench]')")
            if f"dateparser ({name})" in times:
                peer = sample_bytes[name] / 1e6 / median(times[f"dateparser ({name})"])
                table.add(f"dateparser.search_dates, English ({name}, first {args.dateparser_kb} kB)", f"{peer:.3f} MB/s")
                table.add(f"extract / dateparser ({name})", f"{speed / peer:.0f}x")

        report_times = interleaved({"report": report_of(base), f"report, {args.record_scale}x record": report_of(big_record)},
                                   max(3, args.rounds // 2))  # three at least: a median of two is their mean
        report_speed = sizes["bench"] / 1e6 / median(report_times["report"])
        table.add("report (bench)", f"{report_speed:.2f} MB/s", "≥ 2 MB/s", report_speed >= 2)
        table.add("documents/s (report)", f"{args.docs / median(report_times['report']):.0f}")
        scale = ratio(report_times, f"report, {args.record_scale}x record", "report")
        table.add(f"{args.record_scale}x record: time", f"{scale:.1f}x", "≤ 3x", scale <= 3)
        say("peak memory")
        memory = peak_memory_mb(big_record)
        table.add(f"{args.record_scale}x record: peak memory (report, CLI)", f"{memory:.0f} MiB", "≤ 100 MiB", memory <= 100)
        table.add("peak memory (report, CLI, bench)", f"{peak_memory_mb(base):.0f} MiB")
        say("start-up and report on sources/")
        wall = report_sources_seconds(root / "report.json")
        table.add("`claimcheck report` on sources/ (wall, --no-cache)", f"{wall:.3f} s", "≤ 0.25 s", wall <= 0.25)
        table.add("`claimcheck report` on sources/ (wall, cached)", f"{report_sources_seconds(root / 'report.json', cached=True):.3f} s")
        startup = startup_seconds()
        table.add("`claimcheck --version` (wall)", f"{startup:.3f} s", "≤ 0.1 s", startup <= 0.1)
        # Wall-clock rows and CPU time alike suffer when other processes share the cores: say how busy they were.
        table.add("load average (1 min) at start / end", f"{load:.1f} / {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(table.markdown())
        missed = [name for name, _, _, flag in table.rows if flag == "**MISSED**"]
        say(f"{len(missed)} target(s) missed" + (": " + "; ".join(missed) if missed else ""))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
