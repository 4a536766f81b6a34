#!/usr/bin/env python3
"""Sentence splitters compared: claimcheck's own against pysbd, syntok and blingfire.

    pip install -e '.[bench]'
    python benchmarks/sentences.py [--kb 400]

Accuracy: the share of the cases in claimcheck.sentences.CASES (several fields, each with the split a
careful reader makes) that a splitter splits exactly so (white space folded). Speed: MB/s on one
core (CPU time, best of three) over generated prose of --kb kilobytes. Prints a Markdown table and
the cases each library gets wrong. A library missing from the environment is reported as such.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from claimcheck.sentences import CASES, sentences

sys.path.insert(0, str(Path(__file__).parent))
import bench  # noqa: E402  (the throughput benchmark's prose generator)


def _pysbd() -> Callable[[str], list[str]] | None:
    try:
        import pysbd
    except ImportError:
        return None
    segmenter = pysbd.Segmenter(language="en", clean=False)
    return segmenter.segment


def _syntok() -> Callable[[str], list[str]] | None:
    try:
        from syntok import segmenter
    except ImportError:
        return None

    def split(text: str) -> list[str]:
        return ["".join(t.spacing + t.value for t in sentence) for paragraph in segmenter.process(text)
                for sentence in paragraph]

    return split


def _blingfire() -> Callable[[str], list[str]] | None:
    try:
        import blingfire
    except ImportError:
        return None
    return lambda text: blingfire.text_to_sentences(text).split("\n")


def _fold(parts: list[str]) -> tuple[str, ...]:
    return tuple(" ".join(p.split()) for p in parts if p.strip())


def accuracy(split: Callable[[str], list[str]]) -> tuple[float, list[str]]:
    """Share of cases split exactly as expected, and the texts of the others."""
    wrong = [c.text for c in CASES if _fold(split(c.text)) != _fold(list(c.sentences))]
    return 1 - len(wrong) / len(CASES), wrong


def speed(split: Callable[[str], list[str]], paragraphs: list[str]) -> float:
    """MB/s on one core, best of three runs."""
    size = sum(len(p.encode()) for p in paragraphs) / 1e6
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for paragraph in paragraphs:
            split(paragraph)
        best = min(best, time.process_time() - start)
    return size / best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=400, help="kB of generated prose for the speed test")
    args = parser.parse_args()
    rng = random.Random(7)
    paragraphs: list[str] = []
    while sum(map(len, paragraphs)) < args.kb * 1000:
        paragraphs.extend(" ".join(bench.sentence(rng) for _ in range(rng.randint(2, 6))) for _ in range(50))
    paragraphs.extend(c.text for c in CASES)
    splitters = {"claimcheck.sentences": sentences, "pysbd 0.3": _pysbd(), "syntok 1.4": _syntok(),
                 "blingfire 0.1": _blingfire()}
    print("| splitter | cases right | MB/s (one core) |")
    print("|---|---|---|")
    misses: dict[str, list[str]] = {}
    for name, split in splitters.items():
        if split is None:
            print(f"| {name} | not installed (pip install -e '.[bench]') | |")
            continue
        score, wrong = accuracy(split)
        misses[name] = wrong
        print(f"| {name} | {score:.3f} ({len(CASES) - len(wrong)}/{len(CASES)}) | {speed(split, paragraphs):.2f} |")
    for name, wrong in misses.items():
        if wrong:
            print(f"\n{name} splits these differently:")
            for text in wrong:
                print(f"  {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
