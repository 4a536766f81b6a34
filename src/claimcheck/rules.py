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
    requires: tuple[str, ...] = ()  # FEATURES a sentence must have before the pattern is tried


# Cheap tests run once per sentence so that a rule's costlier pattern only runs where it could match.
FEATURES: dict[str, re.Pattern[str]] = {
    "digit": re.compile(r"\d"),
    "month": re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"),
    "relative": re.compile(r"\b(?i:last|this|next|previous|following|coming)\b"),
    "ago": re.compile(r"\b(?i:ago)\b"),
    "deictic": re.compile(r"\b(?i:yesterday|today|tomorrow|tonight)\b"),
    "weekday": re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"),
    "season": re.compile(r"\b(?i:spring|summer|autumn|fall|winter)\b"),
    "number": re.compile(
        r"\d|\b(?i:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
        r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
        r"hundred|thousand|million|billion|trillion|dozen|half)\b"
    ),
}
