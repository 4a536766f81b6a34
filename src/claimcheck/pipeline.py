"""The orchestrator: the pipeline's steps in order, as the CLI and the API call them.

Steps:
1. sources   — find the files, validate them, parse front matter, pick the record (sources.py)
2. segment   — the page's units (headings, bylines, datelines, list items, table rows, label lines,
               timeline entries, code, chrome) and the sentences of its prose, with exact offsets
               (structure.py, sentences.py, segment.py)
3. extract   — date and quantity rules over each sentence (extract.py, dates.py, quantities.py)
4. resolve   — relative dates against the source's `published` date (resolve.py)
5. frame     — what each value is a value of: its clause, event, noun, label, qualifiers (frame.py)
6. match     — candidate record statements through an index, each pair as features (match.py,
               values compared in compare.py)
7. verdict   — agree / conflict / unsupported from fitted weights, with evidence and a reason
               (verdict.py; the weights come from fit.py)
8. gate      — fingerprints, baseline and suppressions for `check` (gate.py)
9. render    — JSON, CSV, Markdown, HTML, CI formats or a terminal table (render.py and friends)

Documents stream through steps 2-7 one at a time, or with jobs > 1 through a process pool whose
workers extract and judge a few documents ahead; a document unchanged since an earlier run comes
from the cache instead (cache.py). Only the record's text and the results so far are held in memory.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .sources import DEFAULT_EXCLUDE, SourceInfo, scan_sources, text_digest

if TYPE_CHECKING:
    from .cache import Cache, Entry
    from .match import RecordIndex
    from .models import Claim, Finding, Source, Summary

# The later stages (extraction, matching, judging) and the process pool are imported where they are
# used: `extract` never loads the matcher (rapidfuzz), one job never loads multiprocessing.


@dataclass(frozen=True)
class Corpus:
    """The validated sources, in path order, and the record (the only text kept in memory)."""

    sources: list[SourceInfo]
    record: Source | None  # None only when loaded for extraction, which needs no record
    skipped: tuple[str, ...] = ()  # files and folders inside the folders given that could not be read


def load(paths: Iterable[str | Path], record: str | Path | None = None, root: Path | None = None,
         need_record: bool = True, exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
         names: dict[Path, str] | None = None, gitignore: bool = True) -> Corpus:
    """Step 1: validate every source and pick the record (paths shown relative to `root`, or as `names` says)."""
    skipped: list[str] = []
    infos, chosen = scan_sources(paths, record, root, need_record, exclude, names, gitignore, skipped)
    return Corpus(infos, chosen, tuple(skipped))


def warnings(corpus: Corpus) -> list[str]:
    """Things worth telling the user that are not errors: empty sources, a record with nothing to check."""
    out = [f"warning: {what}" for what in corpus.skipped]
    out += [f"warning: {s.path}: empty source (no text after the front matter)" for s in corpus.sources if s.empty]
    if corpus.record is not None and all(s.role == "record" for s in corpus.sources):
        out.append(f"warning: {corpus.record.path}: the record is the only source; no secondary source to check against it")
    return out


def _finite(claim: Claim) -> bool:
    """Whether a claim's numbers are real numbers: "hundred " x 160 is infinity, which is no amount (and no JSON)."""
    q = claim.quantity
    return q is None or all(v is None or math.isfinite(v) for v in (q.value, q.low, q.high, q.step))


def claims_of(source: Source, notes: list[str] | None = None) -> list[Claim]:
    """Steps 2-4 for one source: its claims, without values too large for a number to hold (warnings to `notes`)."""
    from .extract import extract_claims

    return [claim for claim in extract_claims(source, notes) if _finite(claim)]


def workers(jobs: int) -> int:
    """The number of processes: `jobs`, or every core for 0."""
    return (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)


Tick = Callable[[], None] | None  # called once per document processed (a progress bar's advance)
Warn = Callable[[str], None] | None  # called with each warning about a document as it is read


class Judge:
    """Steps 5-6 against one record: its claims, and their index built on first use (once per process)."""

    def __init__(self, record: Source, claims: list[Claim], key: str) -> None:
        self.record, self.claims, self.key = record, claims, key
        self._index: RecordIndex | None = None

    def findings(self, claims: list[Claim], written: dt.date | None = None) -> list[Finding]:
        """The findings of a document's secondary claims (`written`: the last day it can have been written on)."""
        from .gate import number_repeats
        from .verdict import judge_all

        return number_repeats(judge_all(claims, self.index(), written))

    def index(self) -> RecordIndex:
        """The record's index, built on first use."""
        if self._index is None:
            self._index = index_record(self.record, self.claims)
        return self._index


def _key(cache: Cache, source: Source) -> str:
    return cache.key(source.path, source.name, source.role, text_digest(source.text))


def _process(info: SourceInfo, judge: Judge | None, cache: Cache | None) -> Entry:
    """Steps 2-6 for one document, its entry stored in the cache (under the text it read, which is what it holds)."""
    from .cache import Entry

    source = info.load()
    notes: list[str] = []
    claims = claims_of(source, notes)
    if judge is None:
        entry = Entry(claims=claims, notes=notes)
    else:
        from .verdict import written_by

        findings = judge.findings(claims, written_by(source))
        same = len(findings) == len(claims) and all(f.claim is c for f, c in zip(findings, claims, strict=True))
        entry = Entry(claims=None if same else claims, record=judge.key, findings=findings, notes=notes)
    if cache is not None:
        cache.put(_key(cache, source), entry)
    return entry


_WORKER: dict = {}  # in each worker process: the judge (with its record's index, once built) and the cache


def _start_worker(judge: Judge | None, cache: Cache | None) -> None:
    _WORKER.update(judge=judge, cache=cache)


def _process_in_worker(info: SourceInfo) -> bytes:
    """_process in a worker, its entry sent back as JSON, which the parent reads for 4 µs a claim (7 unpickled)."""
    from .cache import entry_json

    return entry_json(_process(info, _WORKER["judge"], _WORKER["cache"]))


IN_FLIGHT = 4  # documents queued per worker: enough to keep it busy through a long one, few enough for flat memory


def _entries(corpus: Corpus, jobs: int, judging: bool, cache: Cache | None, tick: Tick, warn: Warn) -> Iterator[Entry]:
    """Steps 2-6 per document in path order: from the cache where it has the document, else worked out.

    With jobs > 1 a process pool (started at the first document not cached) extracts and judges;
    at most IN_FLIGHT documents per worker wait to be handed on, so memory does not grow with the corpus.
    """
    from .cache import Entry

    judge = _judge(corpus, cache, warn) if judging else None
    pending: deque = deque()  # per document in path order: its Entry, or a Future of its entry's JSON
    pool = None
    others = sum(1 for info in corpus.sources if judge is None or info.role != "record")
    count = min(workers(jobs), others)
    try:
        for info in corpus.sources:
            if judge is not None and info.role == "record":
                pending.append(Entry(claims=judge.claims))  # its warnings were given when its claims were read
            elif (entry := _cached(info, judge, cache)) is not None:
                pending.append(entry)
            elif count <= 1:
                pending.append(_process(info, judge, cache))
            else:
                if pool is None:
                    pool = _pool(count, judge, cache)
                pending.append(pool.submit(_process_in_worker, info))
            while pending and (isinstance(pending[0], Entry) or pending[0].done() or len(pending) >= count * IN_FLIGHT):
                yield _ready(pending.popleft(), tick, warn)
        while pending:
            yield _ready(pending.popleft(), tick, warn)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _judge(corpus: Corpus, cache: Cache | None, warn: Warn) -> Judge:
    """The record's judge, its claims from the cache when they are there (its warnings passed to `warn`)."""
    record = corpus.record
    key = _key(cache, record) if cache is not None else text_digest(record.text)
    entry = cache.get(key) if cache is not None else None
    if entry is None or entry.claims is None:
        from .cache import Entry

        notes: list[str] = []
        entry = Entry(claims=claims_of(record, notes), notes=notes)
        if cache is not None:
            cache.put(key, entry)
    for note in entry.notes if warn else ():
        warn(note)
    return Judge(record, entry.claims, key)


def _cached(info: SourceInfo, judge: Judge | None, cache: Cache | None) -> Entry | None:
    """A document's entry if the cache has what this run needs of it (its findings against this record)."""
    if cache is None or not info.digest:
        return None
    entry = cache.get(cache.key(info.path, info.name, info.role, info.digest))
    if entry is None or (judge is not None and (entry.findings is None or entry.record != judge.key)):
        return None
    return entry


def _pool(count: int, judge: Judge | None, cache: Cache | None):
    """A process pool whose workers are started at once; forked ones share what the parent has built.

    Where workers are forked (Linux), the parent first builds the record's index and imports the
    judging modules, which every worker then inherits instead of repeating (~50 ms of CPU each), and
    freezes its objects while forking: a worker's garbage collector then never walks (nor, by
    touching their reference counts, copies) the inherited ones, as Python's gc.freeze documents.
    """
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    forked = multiprocessing.get_start_method() == "fork"
    if forked and judge is not None:
        from . import gate, verdict  # noqa: F401 - imported for the workers to inherit

        judge.index()
    pool = ProcessPoolExecutor(max_workers=count, initializer=_start_worker, initargs=(judge, cache))
    if forked:
        gc.freeze()
        try:
            pool.submit(int)  # a fork start method starts every worker at the first task
        finally:
            gc.unfreeze()
    return pool


def _ready(item, tick: Tick, warn: Warn):
    """A document's entry, waiting for its worker if need be; its warnings go to `warn` as it is handed on."""
    from .cache import Entry, read_entry

    entry = item if isinstance(item, Entry) else read_entry(item.result())
    for note in entry.notes if warn else ():
        warn(note)
    if tick:
        tick()
    return entry


def extract_each(corpus: Corpus, jobs: int = 1, tick: Tick = None, warn: Warn = None,
                 cache: Cache | None = None) -> Iterator[list[Claim]]:
    """Steps 2-4: each source's claims, in path order, whatever the number of processes."""
    for entry in _entries(corpus, jobs, False, cache, tick, warn):
        yield entry.all_claims()


def extract(corpus: Corpus, jobs: int = 1, tick: Tick = None, warn: Warn = None,
            cache: Cache | None = None) -> list[Claim]:
    """Steps 2-4: every claim of every source (the record's included), in path and document order."""
    return [claim for claims in extract_each(corpus, jobs, tick, warn, cache) for claim in claims]


def index_record(record: Source, record_claims: list[Claim] | None = None) -> RecordIndex:
    """Step 5's index of the record's claims (and the totals their parts add up to)."""
    from .match import build_index, totals
    from .verdict import written_by

    claims = record_claims if record_claims is not None else claims_of(record)
    return build_index(claims + totals(claims), record.text, record.body_offset, written_by(record))


def _judged(corpus: Corpus, jobs: int, tick: Tick, warn: Warn,
            cache: Cache | None) -> Iterator[tuple[list[Claim], list[Finding]]]:
    """Steps 2-6 per document: its claims and the findings of its secondary claims."""
    for entry in _entries(corpus, jobs, True, cache, tick, warn):
        yield entry.all_claims(), entry.findings or []


def report_claims(corpus: Corpus, jobs: int = 1, tick: Tick = None, warn: Warn = None,
                  cache: Cache | None = None) -> tuple[list[Claim], list[Finding], Summary]:
    """Steps 2-6, streaming: each document's claims are judged as soon as they are extracted."""
    claims: list[Claim] = []
    tally = Tally(corpus.record)
    findings: list[Finding] = []
    for batch, judged in _judged(corpus, jobs, tick, warn, cache):
        claims.extend(batch)
        findings.extend(tally.add(f) for f in judged)
    return claims, findings, tally.summary()


def stream_claims(corpus: Corpus, jobs: int = 1, tick: Tick = None, warn: Warn = None,
                  cache: Cache | None = None) -> Iterator[Claim]:
    """Steps 2-4 as a stream: claims of one document at a time, in path and document order."""
    for batch in extract_each(corpus, jobs, tick, warn, cache):
        yield from batch


def stream_findings(corpus: Corpus, jobs: int = 1, tick: Tick = None, warn: Warn = None,
                    cache: Cache | None = None) -> Iterator[Finding]:
    """Steps 2-6 as a stream: each document's findings as soon as it is judged."""
    for _, judged in _judged(corpus, jobs, tick, warn, cache):
        yield from judged


class Tally:
    """Counts findings as they stream past, for the summary written after the last one."""

    def __init__(self, record: Source) -> None:
        self.record = record
        self.counts: Counter[str] = Counter()
        self.paths: set[str] = set()

    def add(self, finding: Finding) -> Finding:
        self.counts[finding.verdict] += 1
        self.paths.add(finding.claim.path)
        return finding

    def summary(self) -> Summary:
        from .models import Summary

        return Summary(record=self.record.label, sources=len(self.paths), findings=self.counts.total(),
                       agree=self.counts["agree"], conflict=self.counts["conflict"],
                       unsupported=self.counts["unsupported"])


def summarise(findings: Iterable[Finding], record: Source) -> Summary:
    """Counts of a run."""
    tally = Tally(record)
    for finding in findings:
        tally.add(finding)
    return tally.summary()


def report(paths: Iterable[str | Path], record: str | Path | None = None, jobs: int = 1) -> tuple[list[Finding], Summary]:
    """Steps 1-6 for a set of paths."""
    _, findings, summary = report_claims(load(paths, record), jobs)
    return findings, summary
