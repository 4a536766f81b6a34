"""Narrow exceptions the core raises; the CLI maps each to exit code 2 and one line."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """An error the user can fix; its message names the file and the problem."""

    def __init__(self, path: str | None, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}" if path else problem)

    def __reduce__(self):
        # Rebuilt from both fields: Exception's default pickles only the message, so a process pool
        # could not return a worker's error to the parent (it became BrokenProcessPool).
        return type(self), (self.path, self.problem)


class SourceError(ClaimcheckError):
    """A source file is missing, unreadable, binary or not UTF-8."""


class FrontMatterError(SourceError):
    """A source's YAML front matter is broken or has a bad value."""


class RecordError(ClaimcheckError):
    """There is no record, or more than one."""


class RecordNotFound(RecordError):
    """No source is the record (so a caller may look for it elsewhere)."""


class ConfigError(ClaimcheckError):
    """A configuration or baseline file is unreadable or malformed."""


class OutputError(ClaimcheckError):
    """An output file cannot be written."""
