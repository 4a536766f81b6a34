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
    requires: tuple[str, ...] = ()  # features a sentence must have first; "a|b" means either

    @property
    def requirements(self) -> tuple[frozenset[str], ...]:
        return tuple(frozenset(r.split("|")) for r in self.requires)


# Cheap tests run once per sentence so that a rule's costlier pattern only runs where it could match.
# Case matters for these: digits, capitalised month and weekday names.
CASED_FEATURES: dict[str, re.Pattern[str]] = {
    "digit": re.compile(r"\d"),
    "month": re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"),
    "weekday": re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"),
}
# Word features, found in one pass over the lower-cased sentence (faster than several
# case-insensitive searches); each match names its feature through its group.
WORD_FEATURES = re.compile(
    r"\b(?:(?P<relative>last|this|next|previous|following|coming)|(?P<ago>ago)"
    r"|(?P<deictic>yesterday|today|tomorrow|tonight)|(?P<season>spring|summer|autumn|fall|winter)"
    r"|(?P<fraction>an? (?:half|third|quarter|fifth|sixth|eighth|tenth))"
    r"|(?P<numword>zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand|million|billion|trillion|dozen|half))\b"
)
FEATURE_NAMES = frozenset(CASED_FEATURES) | frozenset(WORD_FEATURES.groupindex)


def features(sentence: str) -> frozenset[str]:
    """The features a sentence has."""
    found = {name for name, pattern in CASED_FEATURES.items() if pattern.search(sentence)}
    found.update(m.lastgroup for m in WORD_FEATURES.finditer(sentence.lower()))
    return frozenset(found)


def satisfied(requires: tuple[frozenset[str], ...], present: frozenset[str]) -> bool:
    """Every requirement holds: each is a set of alternatives, one of which must be present."""
    return all(not alternatives.isdisjoint(present) for alternatives in requires)
