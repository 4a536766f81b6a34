"""The generic rule types and example records every extraction rule is built from."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Match:
    """A must-match example: the text, the quote the rule must find, and the value expected."""

    text: str
    quote: str
    start: str | None = None  # dates: ISO prefix of the interval's start
    end: str | None = None  # dates: ISO prefix of the interval's end
    value: float | None = None  # quantities
    unit: str | None = None  # quantities: expected unit (None = no unit)
    published: str | None = None  # anchor for relative dates; None = undated document


@dataclass(frozen=True)
class Rule:
    """One extraction rule: a compiled pattern, a builder that reads a match, and its examples.

    `build(match, sentence)` returns the rule's parsed value, or None when the context shows
    the text is not a claim of this kind.
    """

    name: str
    kind: str
    pattern: re.Pattern[str]
    build: Callable[..., object]
    matches: tuple[Match, ...] = field(default=())
    rejects: tuple[str, ...] = field(default=())
    priority: int = 0
