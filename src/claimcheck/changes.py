"""Lines changed since a git ref, for `check --diff REF`: which findings a pull request introduced."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .errors import ConfigError
from .models import Finding

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def _git(root: Path, ref: str, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=root, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", check=False)
    except OSError as exc:
        raise ConfigError(f"--diff {ref}", f"cannot run git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        message = (done.stderr.strip().splitlines() or ["git failed"])[-1]
        raise ConfigError(f"--diff {ref}", message.removeprefix("fatal: "))
    return done.stdout


def parse_diff(text: str) -> dict[str, set[int]]:
    """Changed lines of each file in a unified diff with no context, by its path after the change.

    A hunk that only deletes lines marks the lines either side of the cut: the sentence there changed.
    """
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            name = line[4:].rstrip("\t")
            current = None if name == "/dev/null" else changed.setdefault(name.removeprefix("b/"), set())
        elif current is not None and (match := HUNK.match(line)):
            start, count = int(match[1]), int(match[2] if match[2] is not None else 1)
            current.update(range(start, start + count) if count else (start, start + 1))
    return changed


def changed_lines(root: Path, ref: str) -> dict[str, set[int] | None]:
    """Files under `root` changed since `ref` (paths relative to root) -> changed lines; None = all (new, untracked)."""
    if ref.startswith("-"):  # git would read it as an option ("--output=FILE" writes a file)
        raise ConfigError(f"--diff {ref}", "not a git ref (it starts with '-')")
    diff = _git(root, ref, "diff", "--relative", "--unified=0", "--no-color", "--no-ext-diff", ref, "--", ".")
    found: dict[str, set[int] | None] = dict(parse_diff(diff))
    for name in _git(root, ref, "ls-files", "--others", "--exclude-standard").splitlines():
        found[name] = None
    return found


def sentence_lines(finding: Finding) -> range:
    """The lines the finding's sentence spans."""
    claim = finding.claim
    first = claim.line - claim.sentence[: max(0, claim.offset - claim.sentence_start)].count("\n")
    return range(first, first + claim.sentence.count("\n") + 1)


def touches(finding: Finding, changed: dict[str, set[int] | None]) -> bool:
    """Whether the finding's sentence has a changed line."""
    if finding.claim.path not in changed:
        return False
    lines = changed[finding.claim.path]
    return lines is None or any(n in lines for n in sentence_lines(finding))
