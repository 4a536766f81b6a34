"""Stage 3a: one pass over a whole document to find the spans where an extraction rule could match.

Every rule needs a sentence feature (rules.features): a digit or a listed word. One scan of the
document finds them all, so that a sentence or cell without any costs one look-up instead of the
feature tests, the masks and the rules. The scan is exact, never a guess: a span it passes over has
no feature, so the rules would have found nothing there (tests/test_prefilter.py holds it to that).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import ahocorasick  # a C automaton: all listed words in one pass, ~4x a combined `re` alternation

from . import patterns
from .rules import LEAN_FEATURES, WORD_FEATURES

_DIGIT = patterns.compile(r"\d")  # rules.features tests `\d`
_JOINED = patterns.compile(r"[a-z]{2}|\d{2}")  # a span boundary inside a word or a number


def _joinable(char: str) -> bool:
    """The one-character test of _JOINED: whether a word or a number can go on through `char`."""
    return "a" <= char <= "z" or char.isdecimal()  # \d is a decimal digit




def automaton(words: Iterable[str]) -> ahocorasick.Automaton:
    """An automaton that finds all of `words` in a text in one pass (each found as its length)."""
    found = ahocorasick.Automaton()
    for word in words:
        found.add_word(word, len(word))
    found.make_automaton()
    return found


def holds_any(words: ahocorasick.Automaton, text: str) -> bool:
    """Whether `text` holds any of the automaton's words."""
    return next(words.iter(text), None) is not None


# Words that only lean patterns read let no rule run.
_WORDS = automaton(word for word, features in WORD_FEATURES.items() if not features <= LEAN_FEATURES)


class Hits:
    """Where a document's feature words start; `may_match` answers for any span of it (digits included)."""

    __slots__ = ("exact", "lowered", "starts")

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        # rules.features reads words in the lower-cased sentence; "İ" lower-cases to two characters,
        # which would shift every later offset, so such a document is not prefiltered at all.
        self.exact = len(lowered) == len(text)
        self.lowered = lowered
        # Digits are looked for span by span (`may_match`): a search costs less than listing every number.
        starts: list[int] = []
        if self.exact:
            size = len(lowered)
            for last, length in _WORDS.iter(lowered):
                first = last - length + 1
                # A whole run of letters, as rules.features splits words (not "ten" in "often").
                if (first == 0 or not "a" <= lowered[first - 1] <= "z") and (
                        last + 1 == size or not "a" <= lowered[last + 1] <= "z"):
                    starts.append(first)
            starts.sort()
        self.starts = starts

    def may_match(self, start: int, end: int) -> bool:
        """Whether text[start:end] has a feature (True also where the scan cannot tell: read it)."""
        if not self.exact:
            return True
        i = bisect.bisect_left(self.starts, start)
        if i < len(self.starts) and self.starts[i] < end:
            return True
        lowered = self.lowered
        if _DIGIT.search(lowered, start, end):  # lower-casing keeps every digit where it was
            return True
        # A span that cuts a word or a number sees a piece of it that the scan did not look at (the
        # character outside it tested first: white space, as it mostly is, cuts nothing).
        if start > 0 and _joinable(lowered[start - 1]) and _JOINED.match(lowered, start - 1, start + 1):
            return True
        return end < len(lowered) and _joinable(lowered[end]) and _JOINED.match(lowered, end - 1, end + 1) is not None
