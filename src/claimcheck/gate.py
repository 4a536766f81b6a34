"""The CI gate: which findings fail a build, given the baseline, inline suppressions and --strict."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError
from .models import Claim, Finding
from .output import write_atomic
from .render import claim_dict
from .segment import line_starts, position
from .sources import SourceInfo, display_path

BASELINE_VERSION = 1
SUPPRESSION = re.compile(r"<!--\s*claimcheck:\s*ignore\s*-->")
# Positions are left out of snapshots: moving a paragraph should not show as changed claims.
SNAPSHOT_EXCLUDE = ("line", "column", "offset")


@dataclass(frozen=True)
class Suppression:
    """An inline `<!-- claimcheck: ignore -->` and the line of the sentence it accepts."""

    path: str
    line: int
    target_line: int


@dataclass(frozen=True)
class Gate:
    """The outcome of a check: each finding's status, and what the baseline and suppressions did."""

    status: dict[str, str]  # fingerprint -> new | baseline | suppressed | ok
    failing: list[Finding]
    stale: list[dict]
    unused_suppressions: list[Suppression]


def fails(finding: Finding, strict: bool) -> bool:
    """Whether a finding would fail the build if nothing accepted it."""
    return finding.verdict == "conflict" or (strict and finding.verdict == "unsupported")


def load_baseline(path: Path) -> dict[str, dict]:
    """Fingerprint -> entry from a baseline file; a missing file is an empty baseline."""
    if not path.exists():
        return {}
    shown = display_path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(shown, f"cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(shown, f"baseline is not valid JSON (line {exc.lineno}): {exc.msg}") from None
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries):
        raise ConfigError(shown, "baseline must be an object with an 'entries' list, each with a 'fingerprint'")
    return {e["fingerprint"]: e for e in entries}


def baseline_entry(finding: Finding) -> dict:
    """What a reviewer sees for one accepted finding."""
    c = finding.claim
    return {"fingerprint": finding.fingerprint, "path": c.path, "verdict": finding.verdict, "kind": c.kind,
            "quote": c.quote, "sentence": re.sub(r"\s+", " ", c.sentence).strip(), "reason": finding.reason}


def write_baseline(path: Path, findings: list[Finding], old: dict[str, dict]) -> tuple[int, int, int]:
    """Accept every non-agreeing finding; returns (added, removed, kept)."""
    entries = {f.fingerprint: baseline_entry(f) for f in findings if f.verdict != "agree"}
    ordered = sorted(entries.values(), key=lambda e: (e["path"], e["sentence"], e["quote"], e["fingerprint"]))
    if not path.parent.exists():
        path.parent.mkdir(parents=True)
    write_atomic(path, json.dumps({"version": BASELINE_VERSION, "entries": ordered}, ensure_ascii=False, indent=1) + "\n")
    added = len(entries.keys() - old.keys())
    removed = len(old.keys() - entries.keys())
    return added, removed, len(entries) - added


def suppressions(path: str, text: str) -> list[Suppression]:
    """Every inline suppression in a source's text, with the first non-blank line after it."""
    lines = text.split("\n")
    found = []
    for index, line in enumerate(lines):
        if SUPPRESSION.search(line):
            target = next((j for j in range(index + 1, len(lines)) if lines[j].strip()), index)
            found.append(Suppression(path, index + 1, target + 1))
    return found


def scan_marks(findings: list[Finding], sources: list[SourceInfo]) -> tuple[list[Suppression], dict[str, int]]:
    """Suppressions in every source, and the line each finding's sentence starts on (one file at a time)."""
    marks: list[Suppression] = []
    lines: dict[str, int] = {}
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        by_path.setdefault(f.claim.path, []).append(f)
    for info in sources:
        text = info.load().text
        marks.extend(suppressions(info.path, text))
        starts = line_starts(text)
        for f in by_path.get(info.path, ()):
            lines[f.fingerprint] = position(starts, f.claim.sentence_start)[0]
    return marks, lines


def evaluate(findings: list[Finding], sources: list[SourceInfo], baseline: dict[str, dict], strict: bool) -> Gate:
    """Sort findings into new, baselined, suppressed and ok; list stale entries and idle suppressions."""
    marks, starts = scan_marks(findings, sources)
    by_target = {(s.path, s.target_line): s for s in marks}
    used: set[Suppression] = set()
    status: dict[str, str] = {}
    failing: list[Finding] = []
    for f in findings:
        mark = by_target.get((f.claim.path, starts[f.fingerprint]))
        if not fails(f, strict):
            status[f.fingerprint] = "ok"
        elif mark:
            status[f.fingerprint] = "suppressed"
            used.add(mark)
        elif f.fingerprint in baseline:
            status[f.fingerprint] = "baseline"
        else:
            status[f.fingerprint] = "new"
            failing.append(f)
    seen = {f.fingerprint for f in findings}
    checked = {f.claim.path for f in findings} | {s.path for s in sources}
    stale = [e for fp, e in sorted(baseline.items()) if fp not in seen and e.get("path") in checked]
    unused = [s for s in marks if s not in used]
    failing.sort(key=lambda f: (f.verdict != "conflict", f.claim.path, f.claim.line, f.claim.column))
    return Gate(status, failing, stale, unused)


def snapshot_text(claims: list[Claim]) -> str:
    """One source's claims as sorted JSON lines, without positions."""
    rows = []
    for claim in claims:
        data = claim_dict(claim)
        for key in SNAPSHOT_EXCLUDE:
            data.pop(key, None)
        rows.append(json.dumps(data, ensure_ascii=False, sort_keys=True))
    return "".join(row + "\n" for row in sorted(rows))


def snapshot_path(folder: Path, source: SourceInfo) -> Path:
    return folder / f"{source.name}.jsonl"


def write_snapshots(folder: Path, sources: list[SourceInfo], claims: list[Claim]) -> list[Path]:
    """Write claims/<source>.jsonl for every source; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sources:
        path = snapshot_path(folder, source)
        write_atomic(path, snapshot_text([c for c in claims if c.path == source.path]))
        written.append(path)
    return written


def stale_snapshots(folder: Path, sources: list[SourceInfo], claims: list[Claim]) -> list[Path]:
    """Snapshots that exist but no longer match what extract would write."""
    out = []
    for source in sources:
        path = snapshot_path(folder, source)
        if path.is_file():
            current = snapshot_text([c for c in claims if c.path == source.path])
            if path.read_text(encoding="utf-8") != current:
                out.append(path)
    return out
