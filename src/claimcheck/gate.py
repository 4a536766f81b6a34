"""The CI gate: which findings fail a build, given the baseline, inline suppressions and --strict."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError, OutputError
from .models import Claim, Finding, changed
from .output import write_atomic
from .render import claim_dict, value_text
from .segment import line_starts, position
from .sources import SourceInfo, display_path, read_text

BASELINE_VERSION = 1
# <!-- claimcheck: ignore -->, ignore[conflict] with an optional reason, and off / on ranges.
DIRECTIVE = re.compile(r"<!--\s*claimcheck:\s*(?P<word>[A-Za-z-]+)(?:\[(?P<verdicts>[^\]]*)\])?(?P<reason>.*?)-->")
VERDICTS = ("agree", "conflict", "unsupported")
# Positions are left out of snapshots: moving a paragraph should not show as changed claims.
SNAPSHOT_EXCLUDE = ("line", "column", "offset")


@dataclass(frozen=True)
class Suppression:
    """An inline `ignore` (the sentence on the next non-blank line) or an `off`..`on` range of lines.

    `verdicts` narrows it (`ignore[conflict]`); empty means every verdict. An `off` with no `on`
    after it runs to the end of the file, so at the top it covers the whole file.
    """

    path: str
    line: int
    first_line: int
    last_line: int
    verdicts: frozenset[str] = frozenset()
    kind: str = "ignore"

    def covers(self, finding: Finding, start_line: int) -> bool:
        return self.first_line <= start_line <= self.last_line and (not self.verdicts or finding.verdict in self.verdicts)


@dataclass(frozen=True)
class Gate:
    """The outcome of a check: each finding's status, and what the baseline and suppressions did."""

    status: dict[str, str]  # fingerprint -> new | baseline | suppressed | ok
    failing: list[Finding]
    stale: list[dict]
    unused_suppressions: list[Suppression]
    bad_directives: list[tuple[str, int, str]]  # (path, line, problem) of claimcheck comments not understood


def fingerprint(claim: Claim, occurrence: int = 0) -> str:
    """Stable across line moves: rule, path, normalised sentence and value, never the line.

    `occurrence` tells apart the same claim in identical sentences of one file (0 for the first,
    which keeps the fingerprint it had before repeats were numbered, so old baselines still match).
    """
    sentence = " ".join(claim.sentence.split()).lower()  # re.sub(r"\s+", " ", ...).strip(), at a quarter of the cost
    parts = [claim.rule, claim.path, sentence, claim.quote.lower(), value_text(claim)]
    if occurrence:
        parts.append(f"#{occurrence}")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def number_repeats(findings: list[Finding]) -> list[Finding]:
    """Fingerprint findings in document order, numbering repeats so that every fingerprint is unique."""
    seen: Counter[str] = Counter()
    out = []
    for f in findings:
        first = fingerprint(f.claim)
        occurrence = seen[first]
        seen[first] += 1
        fp = first if not occurrence else fingerprint(f.claim, occurrence)
        out.append(f if fp == f.fingerprint else changed(f, fingerprint=fp))
    return out


def fails(finding: Finding, strict: bool) -> bool:
    """Whether a finding would fail the build if nothing accepted it."""
    return finding.verdict == "conflict" or (strict and finding.verdict == "unsupported")


def load_baseline(path: Path) -> dict[str, dict]:
    """Fingerprint -> entry from a baseline file; a missing file is an empty baseline."""
    shown = display_path(path)
    try:
        if not path.exists():
            return {}
        if not path.is_file():  # a FIFO would block the run until someone writes to it
            raise ConfigError(shown, "baseline is not a regular file")
    except OSError as exc:  # a name too long for the file system
        raise ConfigError(shown, f"cannot read baseline: {exc.strerror or exc}") from None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(shown, f"cannot read baseline: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(shown, f"baseline is not valid JSON (line {exc.lineno}): {exc.msg}") from None
    except RecursionError:
        raise ConfigError(shown, "baseline is not valid: nested too deeply") from None
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries):
        raise ConfigError(shown, "baseline must be an object with an 'entries' list, each with a 'fingerprint'")
    for number, entry in enumerate(entries, 1):
        wrong = next((key for key in _TEXT_FIELDS if not isinstance(entry.get(key, ""), str)), None)
        if wrong:
            raise ConfigError(shown, f"baseline entry {number}: {wrong!r} must be a string")
    return {e["fingerprint"]: e for e in entries}


_TEXT_FIELDS = ("path", "verdict", "kind", "quote", "sentence", "reason")  # what a run reads of an entry


def baseline_entry(finding: Finding) -> dict:
    """What a reviewer sees for one accepted finding."""
    c = finding.claim
    return {"fingerprint": finding.fingerprint, "path": c.path, "verdict": finding.verdict, "kind": c.kind,
            "quote": c.quote, "sentence": re.sub(r"\s+", " ", c.sentence).strip(), "reason": finding.reason}


def save_baseline(path: Path, entries: dict[str, dict]) -> None:
    """Write a baseline file (sorted, so that a review shows only what changed)."""
    ordered = sorted(entries.values(),
                     key=lambda e: (e.get("path", ""), e.get("sentence", ""), e.get("quote", ""), e["fingerprint"]))
    prepare_baseline(path)
    write_atomic(path, json.dumps({"version": BASELINE_VERSION, "entries": ordered}, ensure_ascii=False, indent=1) + "\n")


def prepare_baseline(path: Path) -> None:
    """Make the baseline's folder, so that a run that cannot write there fails before any output."""
    try:
        if not path.parent.exists():
            path.parent.mkdir(parents=True)
    except OSError as exc:
        raise OutputError(display_path(path), f"cannot make its folder: {exc.strerror or exc}") from None


def updated_baseline(findings: list[Finding], old: dict[str, dict],
                     checked: set[str] | None = None) -> tuple[dict[str, dict], int, int, int]:
    """Every non-agreeing finding accepted: the new entries and (added, removed, kept); nothing is written.

    Entries of files that were not `checked` this run (pre-commit passes only the changed files) stay.
    """
    entries = {f.fingerprint: baseline_entry(f) for f in findings if f.verdict != "agree"}
    if checked is not None:
        entries.update({fp: e for fp, e in old.items() if e.get("path") not in checked and fp not in entries})
    added = len(entries.keys() - old.keys())
    removed = len(old.keys() - entries.keys())
    return entries, added, removed, len(entries) - added


def write_baseline(path: Path, findings: list[Finding], old: dict[str, dict],
                   checked: set[str] | None = None) -> tuple[int, int, int]:
    """Accept every non-agreeing finding and write the baseline; returns (added, removed, kept)."""
    entries, added, removed, kept = updated_baseline(findings, old, checked)
    save_baseline(path, entries)
    return added, removed, kept


def pruned_baseline(old: dict[str, dict], stale: list[dict]) -> dict[str, dict]:
    """The entries without the stale ones (nothing is added); nothing is written."""
    gone = {e["fingerprint"] for e in stale}
    return {fp: e for fp, e in old.items() if fp not in gone}


def prune_baseline(path: Path, old: dict[str, dict], stale: list[dict]) -> int:
    """Remove only the stale entries (nothing is added) from the file; returns how many went."""
    kept = pruned_baseline(old, stale)
    if len(kept) < len(old):
        save_baseline(path, kept)
    return len(old) - len(kept)


def suppressions(path: str, text: str) -> tuple[list[Suppression], list[tuple[str, int, str]]]:
    """Every inline suppression in a source's text, and the claimcheck comments that are not understood."""
    lines = text.split("\n")
    found: list[Suppression] = []
    problems: list[tuple[str, int, str]] = []
    opened: tuple[int, frozenset[str]] | None = None
    for index, line in enumerate(lines):
        for match in DIRECTIVE.finditer(line):
            word = match["word"].lower()
            verdicts = frozenset(v.strip().lower() for v in (match["verdicts"] or "").split(",") if v.strip())
            unknown = sorted(verdicts - set(VERDICTS))
            if word not in ("ignore", "off", "on"):
                problems.append((path, index + 1, f"unknown claimcheck comment {word!r} (use ignore, off or on)"))
            elif unknown:
                problems.append((path, index + 1, f"unknown verdict {unknown[0]!r} in claimcheck comment "
                                                  f"(choose from {', '.join(VERDICTS)})"))
            elif word == "ignore":
                target = next((j for j in range(index + 1, len(lines)) if lines[j].strip()), index)
                # From the comment's own line: a sentence may start there when the comment is glued to it.
                found.append(Suppression(path, index + 1, index + 1, target + 1, verdicts))
            elif word == "off" and opened is None:
                opened = (index + 1, verdicts)
            elif word == "on" and opened is not None:
                found.append(Suppression(path, opened[0], opened[0], index + 1, opened[1], "off"))
                opened = None
            else:
                problems.append((path, index + 1, f"claimcheck: {word} without a matching "
                                                  f"{'off' if word == 'on' else 'on'} before it"))
    if opened is not None:
        found.append(Suppression(path, opened[0], opened[0], len(lines), opened[1], "off"))
    return found, problems


def scan_marks(findings: list[Finding], sources: list[SourceInfo]
               ) -> tuple[list[Suppression], list[int], list[tuple[str, int, str]]]:
    """Suppressions in every source, the line each finding's sentence starts on, and comments not understood."""
    marks: list[Suppression] = []
    problems: list[tuple[str, int, str]] = []
    lines = [0] * len(findings)  # by position: two findings may share a fingerprint in a hand-made list
    by_path: dict[str, list[int]] = {}
    for i, f in enumerate(findings):
        by_path.setdefault(f.claim.path, []).append(i)
    for info in sources:
        text = read_text(info.file, info.path)  # the text only: its front matter was checked when the run began
        if "<!--" in text:  # most documents have no comment at all
            found, bad = suppressions(info.path, text)
            marks.extend(found)
            problems.extend(bad)
        if info.path in by_path:
            starts = line_starts(text)
            for i in by_path[info.path]:
                lines[i] = position(starts, findings[i].claim.sentence_start)[0]
    return marks, lines, problems


def evaluate(findings: list[Finding], sources: list[SourceInfo], baseline: dict[str, dict], strict: bool) -> Gate:
    """Sort findings into new, baselined, suppressed and ok; list stale entries and idle suppressions."""
    marks, starts, problems = scan_marks(findings, sources)
    by_path: dict[str, list[Suppression]] = {}
    for mark in marks:
        by_path.setdefault(mark.path, []).append(mark)
    used: set[Suppression] = set()
    status: dict[str, str] = {}
    failing: list[Finding] = []
    for f, start in zip(findings, starts, strict=True):
        mark = next((m for m in by_path.get(f.claim.path, ()) if m.covers(f, start)), None)
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
    failing.sort(key=lambda f: (f.claim.path, f.claim.line, f.claim.column))  # by file and line, as ruff lists
    return Gate(status, failing, stale, unused, problems)


def snapshot_text(claims: list[Claim]) -> str:
    """One source's claims as sorted JSON lines, without positions."""
    rows = []
    for claim in claims:
        data = claim_dict(claim)
        for key in SNAPSHOT_EXCLUDE:
            data.pop(key, None)
        rows.append(json.dumps(data, ensure_ascii=False, sort_keys=True))
    return "".join(row + "\n" for row in sorted(rows))


def snapshot_paths(folder: Path, sources: list[SourceInfo]) -> dict[str, Path]:
    """Each source's snapshot, claims/<stem>.jsonl; sources that share a stem ("a.md", "b/a.md", "a.txt")
    are named by their whole path instead ("b__a.md.jsonl"), so that no two share one file."""
    stems = Counter(source.name for source in sources)
    return {source.path: folder / (f"{source.name}.jsonl" if stems[source.name] == 1 else
                                   source.path.replace("/", "__").lstrip(".") + ".jsonl")
            for source in sources}


def write_snapshots(folder: Path, sources: list[SourceInfo], claims: list[Claim]) -> list[Path]:
    """Write claims/<source>.jsonl for every source; returns the paths written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file in the folder's place, a read-only disk
        raise OutputError(display_path(folder), f"cannot make the snapshots folder: {exc.strerror or exc}") from None
    written = []
    paths = snapshot_paths(folder, sources)
    for source in sources:
        path = paths[source.path]
        write_atomic(path, snapshot_text([c for c in claims if c.path == source.path]))
        written.append(path)
    return written


def stale_snapshots(folder: Path, sources: list[SourceInfo], claims: list[Claim]) -> list[Path]:
    """Snapshots that exist but no longer match what extract would write."""
    out = []
    paths = snapshot_paths(folder, sources)
    for source in sources:
        path = paths[source.path]
        if path.is_file():
            current = snapshot_text([c for c in claims if c.path == source.path])
            try:
                written = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                problem = "not UTF-8" if isinstance(exc, UnicodeDecodeError) else exc.strerror or str(exc)
                raise ConfigError(display_path(path), f"cannot read snapshot: {problem}; "
                                                      "write it again with 'claimcheck extract --write'") from None
            if written != current:
                out.append(path)
    return out
