#!/usr/bin/env python3
"""Cost of pathological lines (issue 13): `report` on one hostile line at 1x, 2x and 4x its size.

    python benchmarks/hostile.py [--size 50000] [--repeat 1]

Prints one Markdown table: seconds for `report` (loading, extraction, reconciliation) on a document
whose one line is the shape named, at 1x, 2x and 4x `--size` characters, and the ratio of the 4x
time to the 1x time (linear is about 4; quadratic would be about 16). Rows marked "record" put the
line into the record instead, where the index reads it. tests/test_hostile.py only checks a safety
bound; this is where the growth is measured.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from claimcheck import pipeline

SHAPES: dict[str, tuple[str, str, str]] = {  # name: (unit repeated, tail, side)
    '"In July of last year " x N': ("In July of last year ", "", "secondary"),
    '"5 km " x N': ("5 km ", "", "secondary"),
    '"1 " x N': ("1 ", "", "secondary"),
    '"." x N': (".", "", "secondary"),
    '"!" x N': ("!", "", "secondary"),
    '"?" x N': ("?", "", "secondary"),
    '". " x N': (". ", "", "secondary"),
    '" " x N': (" ", "", "secondary"),
    '"a" x N + "@"': ("a", "@", "secondary"),
    '"a" x N + "/"': ("a", "/", "secondary"),
    '"1" x N + "<"': ("1", "<", "secondary"),
    '"1" x N + "["': ("1", "[", "secondary"),
    '"1" x N + "+"': ("1", "+", "secondary"),
    '"a" x N + ".png"': ("a", ".png", "secondary"),
    '"A" x N + " (AB)", record': ("A", " (AB)", "record"),
    '"A-" x N + " (AB)", record': ("A-", " (AB)", "record"),
    '" " x N + "| 1990 |", record': (" ", "| 1990 |", "record"),
    '"1 " x N, record': ("1 ", "", "record"),
    # Not pathological, only dense: one claim a line, every line its own sentence. Linear, at the
    # reconciler's cost per claim (about 0.1 ms on the record's side, where each claim is indexed).
    '"1\\n" x N': ("1\n", "", "secondary"),
    '"1\\n" x N, record': ("1\n", "", "record"),
}
RECORD = "---\nrole: record\npublished: 2018-12-10\n---\nThe bridge opened in 1990.\n"
SECONDARY = "---\npublished: 2018-12-10\n---\nThe bridge opened in 1991.\n"


def seconds(folder: Path, unit: str, tail: str, side: str, size: int, repeat: int) -> float:
    """Best wall time of `report` on the two documents with the line of `size` characters on `side`."""
    line = unit * (size // len(unit)) + tail + "\n"
    (folder / "record.md").write_text(RECORD + (line if side == "record" else ""), encoding="utf-8")
    (folder / "a.md").write_text(SECONDARY + (line if side == "secondary" else ""), encoding="utf-8")
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        pipeline.report_claims(pipeline.load([folder / "record.md", folder / "a.md"]))
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=50_000, help="characters of the line at 1x")
    parser.add_argument("--repeat", type=int, default=1, help="runs per cell (the best is shown)")
    args = parser.parse_args()
    sizes = [args.size, 2 * args.size, 4 * args.size]
    print("| line | " + " | ".join(f"{s // 1000} KB (s)" for s in sizes) + " | 4x / 1x |")
    print("|---|" + "---:|" * (len(sizes) + 1))
    with tempfile.TemporaryDirectory() as tmp:
        for name, (unit, tail, side) in SHAPES.items():
            times = [seconds(Path(tmp), unit, tail, side, size, args.repeat) for size in sizes]
            cells = " | ".join(f"{t:.2f}" for t in times)
            print(f"| {name} | {cells} | {times[-1] / max(times[0], 1e-3):.1f} |", flush=True)


if __name__ == "__main__":
    main()
