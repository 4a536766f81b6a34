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

Documents stream through steps 2-8 one at a time (or in a process pool with jobs > 1): only the
record's text and the claims found so far are held in memory.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .extract import extract_claims
from .gate import number_repeats
from .match import RecordIndex, build_index, totals
from .models import Claim, Finding, Source, Summary
from .sources import DEFAULT_EXCLUDE, SourceInfo, scan_sources
from .verdict import judge


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
    return [claim for claim in extract_claims(source, notes) if _finite(claim)]


def _extract_one(info: SourceInfo) -> tuple[list[Claim], list[str]]:
    """Steps 2-4 for one source, and its warnings (module level, so a process pool can pickle it)."""
    notes: list[str] = []
    return claims_of(info.load(), notes), notes


def workers(jobs: int) -> int:
    """The number of processes: `jobs`, or every core for 0."""
    return (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)


Tick = Callable[[], None] | None  # called once per document processed (a progress bar's advance)
Warn = Callable[[str], None] | None  # called with each warning about a document as it is read


def _record_claims(record: Source, warn: Warn) -> list[Claim]:
    """The record's claims, its warnings passed to `warn`."""
    notes: list[str] = []
    claims = claims_of(record, notes)
    for note in notes if warn else ():
        warn(note)
    return claims


def extract_each(corpus: Corpus, jobs: int = 1, record_claims: list[Claim] | None = None,
                 tick: Tick = None, warn: Warn = None) -> Iterator[list[Claim]]:
    """Steps 2-4: each source's claims, in path order, whatever the number of processes."""
    if record_claims is None:
        record_claims = _record_claims(corpus.record, warn) if corpus.record is not None else []
    # Without a chosen record (extraction only), every source is read like the others.
    others = [info for info in corpus.sources if corpus.record is None or info.role != "record"]
    count = min(workers(jobs), len(others))
    if count <= 1:
        batches: Iterator[tuple[list[Claim], list[str]]] = map(_extract_one, others)
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=count)
        # map() keeps input order, so the output is identical to a single process.
        batches = pool.map(_extract_one, others, chunksize=1)
    try:
        for info in corpus.sources:
            if corpus.record is not None and info.role == "record":
                batch = record_claims
            else:
                batch, notes = next(batches)
                for note in notes if warn else ():
                    warn(note)
            if tick:
                tick()
            yield batch
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def extract(corpus: Corpus, jobs: int = 1, tick: Tick = None, warn: Warn = None) -> list[Claim]:
    """Steps 2-4: every claim of every source (the record's included), in path and document order."""
    return [claim for claims in extract_each(corpus, jobs, tick=tick, warn=warn) for claim in claims]


def index_record(record: Source, record_claims: list[Claim] | None = None) -> RecordIndex:
    """Step 5's index of the record's claims (and the totals their parts add up to)."""
    claims = record_claims if record_claims is not None else claims_of(record)
    return build_index(claims + totals(claims), record.text, record.body_offset)


def _judged(corpus: Corpus, jobs: int, tick: Tick, warn: Warn) -> Iterator[tuple[list[Claim], list[Finding]]]:
    """Steps 2-6 per document: its claims and the findings of its secondary claims."""
    record_claims = _record_claims(corpus.record, warn)
    index = index_record(corpus.record, record_claims)
    for batch in extract_each(corpus, jobs, record_claims, tick, warn):
        yield batch, number_repeats([judge(c, index) for c in batch if c.role == "secondary"])


def report_claims(corpus: Corpus, jobs: int = 1, tick: Tick = None,
                  warn: Warn = None) -> tuple[list[Claim], list[Finding], Summary]:
    """Steps 2-6, streaming: each document's claims are judged as soon as they are extracted."""
    claims: list[Claim] = []
    tally = Tally(corpus.record)
    findings: list[Finding] = []
    for batch, judged in _judged(corpus, jobs, tick, warn):
        claims.extend(batch)
        findings.extend(tally.add(f) for f in judged)
    return claims, findings, tally.summary()


def stream_claims(corpus: Corpus, jobs: int = 1, tick: Tick = None, warn: Warn = None) -> Iterator[Claim]:
    """Steps 2-4 as a stream: claims of one document at a time, in path and document order."""
    for batch in extract_each(corpus, jobs, tick=tick, warn=warn):
        yield from batch


def stream_findings(corpus: Corpus, jobs: int = 1, tick: Tick = None, warn: Warn = None) -> Iterator[Finding]:
    """Steps 2-6 as a stream: each document's findings as soon as it is judged."""
    for _, judged in _judged(corpus, jobs, tick, warn):
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
