"""The orchestrator: the pipeline's steps in order, as the CLI and the API call them.

Steps:
1. sources   — find the files, read them, parse front matter, pick the record (sources.py)
2. segment   — paragraphs and sentences with exact offsets (segment.py)
3. extract   — date and quantity rules over each sentence (extract.py, dates.py, quantities.py)
4. resolve   — relative dates against the source's `published` date (resolve.py)
5. match     — each secondary claim's context against the indexed record (match.py)
6. verdict   — agree / conflict / unsupported with evidence and a reason (verdict.py)
7. render    — JSON, CSV, Markdown or a terminal table (render.py)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .extract import extract_claims
from .match import build_index
from .models import Claim, Finding, Source, Summary
from .sources import load_sources
from .verdict import judge, totals


@dataclass(frozen=True)
class Corpus:
    """The loaded sources and which one is the record."""

    sources: list[Source]
    record: Source


def load(paths: Iterable[str | Path], record: str | Path | None = None) -> Corpus:
    """Step 1: load every source and pick the record."""
    sources, chosen = load_sources(paths, record)
    return Corpus(sources, chosen)


def extract(corpus: Corpus) -> list[Claim]:
    """Steps 2-4: every claim of every source (the record's included), in path and document order."""
    return [claim for source in corpus.sources for claim in extract_claims(source)]


def warnings(corpus: Corpus) -> list[str]:
    """Things worth telling the user that are not errors: empty sources, for now."""
    return [f"warning: {s.path}: empty source (no text after the front matter)"
            for s in corpus.sources if not s.text[s.body_offset :].strip()]


def reconcile(claims: list[Claim], record: Source) -> tuple[list[Finding], Summary]:
    """Steps 5-6: a finding for every secondary claim, judged against the record's claims."""
    record_claims = [c for c in claims if c.role == "record"]
    index = build_index(record_claims + totals(record_claims), record.text)
    findings = [judge(c, index) for c in claims if c.role == "secondary"]
    counts = Counter(f.verdict for f in findings)
    summary = Summary(
        record=record.label,
        sources=len({c.path for c in claims if c.role == "secondary"}),
        findings=len(findings),
        agree=counts["agree"],
        conflict=counts["conflict"],
        unsupported=counts["unsupported"],
    )
    return findings, summary


def report(paths: Iterable[str | Path], record: str | Path | None = None) -> tuple[list[Finding], Summary]:
    """Steps 1-6 for a set of paths."""
    corpus = load(paths, record)
    return reconcile(extract(corpus), corpus.record)
