"""The generic rule types and example records every extraction rule is built from."""

from __future__ import annotations

import _sre
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from re import _compiler, _parser  # the parsed form of a pattern, for first_chars and scanner
from re import _constants as C

from . import patterns
from .lexicon import LETTER_CURRENCY_PREFIXES, RANK_ORDINALS


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


_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s", C.CATEGORY_WORD: r"\w"}
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


class _Unknown(Exception):
    """A part of a pattern whose first character could be anything (".", "[^a]", a back-reference)."""


def _class_item(op, av) -> str:
    if op is C.LITERAL:
        return re.escape(chr(av))
    if op is C.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is C.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _Unknown


def _first(items, icase: bool, out: set[tuple[str, bool]]) -> bool:
    """Add to `out` the characters a match of the parsed `items` can start with; whether it can be empty."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # \b, look-arounds: they test a position and read no character
        if op is C.LITERAL:
            out.add((re.escape(chr(av)), icase))
            return False
        if op is C.IN:
            out.update((_class_item(o, a), icase) for o, a in av)
            return False
        if op is C.SUBPATTERN:
            _, add, remove, sub = av
            if not _first(sub, (icase or bool(add & C.SRE_FLAG_IGNORECASE)) and not remove & C.SRE_FLAG_IGNORECASE, out):
                return False
        elif op is C.BRANCH:
            if not any([_first(branch, icase, out) for branch in av[1]]):
                return False
        elif op in _REPEATS:
            if not _first(av[2], icase, out) and av[0] > 0:
                return False
        elif op is C.ATOMIC_GROUP:
            if not _first(av, icase, out):
                return False
        else:
            raise _Unknown
    return True


def first_chars(pattern: re.Pattern[str], parsed=None) -> str | None:
    """A look-ahead for the characters every match of `pattern` starts with; None when any could start one."""
    chars: set[tuple[str, bool]] = set()
    parsed = parsed if parsed is not None else _parser.parse(pattern.pattern, pattern.flags)
    try:
        if _first(parsed, bool(pattern.flags & re.IGNORECASE), chars):
            return None  # it can match the empty string, anywhere
    except _Unknown:
        return None
    plain = "".join(sorted(c for c, icase in chars if not icase))
    folded = "".join(sorted(c for c, icase in chars if icase))
    # Under (?i:) the class folds case as the pattern's own letters do ("ſ" is an "s", "K" a "k").
    parts = ([f"[{plain}]"] if plain else []) + ([f"(?i:[{folded}])"] if folded else [])
    return "(?=" + "|".join(parts) + ")"


# Code points that re's case-insensitive matching folds onto an ASCII letter, besides its two cases.
_ODD_CASES = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def start_set(pattern: re.Pattern[str], parsed=None) -> list | None:
    """The characters of `first_chars` as re's class items, case variants spelt out (None where there is no
    such set, or a case-insensitive one holds a character other than ASCII)."""
    chars: set[tuple[str, bool]] = set()
    parsed = parsed if parsed is not None else _parser.parse(pattern.pattern, pattern.flags)
    try:
        if _first(parsed, bool(pattern.flags & re.IGNORECASE), chars):
            return None
    except _Unknown:
        return None
    items: list = []
    for item, icase in chars:
        (op, av), = _parser.parse(f"[{item}]").data  # one class item: a literal, a range or a category
        if op is C.IN:
            (op, av), = av
        if not icase or op is C.CATEGORY:  # \d, \s and \w are the same sets in either case
            items.append((op, av))
            continue
        low, high = (av, av) if op is C.LITERAL else av
        if op not in (C.LITERAL, C.RANGE) or high > 127:
            return None
        for code in range(low, high + 1):
            char = chr(code)
            for variant in {char, char.lower(), char.upper(), *_ODD_CASES.get(char.lower(), "")}:
                items.append((C.LITERAL, ord(variant)))
    return items


# Characters too common to tell sentences apart: a test for one of them alone is no test worth making (needed_texts).
_COMMON = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t\n\r\x0b\x0c.,")
_FEW = 8  # texts in a set worth testing one by one

Needs = tuple[tuple[str, ...], tuple[str, ...]]  # texts to find as written, and lower-cased ones (needed_texts)


def needed_texts(pattern: re.Pattern[str], few: int | None = _FEW) -> Needs | None:
    """Texts one of which every match of `pattern` holds, none a common character alone, or None if it has none
    (at most `few` of them; None: as many as its alternatives give).

    Each is a run of the pattern's literal characters that no repetition may leave out, or one per branch of an
    alternation; those read ignoring case come lower-cased, for the lower-cased text (only where that is ASCII
    does lower() fold case as re does). A text without any of them cannot match: a substring test tells so
    faster than the pattern's search.
    """
    found = _needed(_parser.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.IGNORECASE), few)
    if not found:
        return None
    return tuple(sorted(t for t, folded in found if not folded)), tuple(sorted(t for t, folded in found if folded))


def _needed(items, icase: bool, few: int | None = _FEW) -> frozenset[tuple[str, bool]] | None:
    """needed_texts of the parsed `items`: the best set one of their parts gives (the fewest texts, then the longest)."""
    candidates: list[frozenset[tuple[str, bool]]] = []
    run: list[str] = []  # consecutive literal characters

    def flush() -> None:
        if run:
            candidates.append(frozenset({("".join(run), icase)}))
            run.clear()

    for op, av in items:
        if op is C.LITERAL:
            char = chr(av)
            if icase and not char.isascii():
                flush()  # folded by re in ways lower() does not match
            else:
                run.append(char.lower() if icase else char)
            continue
        flush()
        found = None
        if op is C.IN:
            found = _class_texts(av, icase)
        elif op is C.SUBPATTERN:
            _, add, remove, sub = av
            found = _needed(sub, (icase or bool(add & C.SRE_FLAG_IGNORECASE)) and not remove & C.SRE_FLAG_IGNORECASE, few)
        elif op is C.BRANCH:  # every branch must hold one of its own
            branches = [_needed(branch, icase, few) for branch in av[1]]
            found = None if None in branches else frozenset().union(*branches)
        elif op in _REPEATS:
            found = _needed(av[2], icase, few) if av[0] >= 1 else None
        elif op is C.ATOMIC_GROUP:
            found = _needed(av, icase, few)
        if found is not None:
            candidates.append(found)
    flush()
    good = [c for c in candidates if (few is None or len(c) <= few) and not any(map(_weak, c))]
    return min(good, key=lambda c: (len(c), -min(len(t) for t, _ in c)), default=None)


# Words most sentences hold (or most with a figure: "1st", "2nd").
_SHORT_WORDS = frozenset("a an and at by in is it of on or the to st nd rd th".split())


def _weak(text: tuple[str, bool]) -> bool:
    """A text most sentences hold: one common character, or a short common word ("in", "the", "st")."""
    return len(text[0]) == 1 and text[0] in _COMMON or text[0].strip().lower() in _SHORT_WORDS


def _class_texts(av, icase: bool) -> frozenset[tuple[str, bool]] | None:
    """A class of literals and short ranges as one-character texts (None for a negated class, a category or a wide
    range, and under IGNORECASE for a letter or a character that is not ASCII)."""
    codes: list[int] = []
    for op, item in av:
        if op is C.LITERAL:
            codes.append(item)
        elif op is C.RANGE and item[1] - item[0] < _FEW:
            codes.extend(range(item[0], item[1] + 1))
        else:
            return None
    chars = [chr(code) for code in codes]
    if icase and not all(c.isascii() and not c.isalpha() for c in chars):
        return None
    return frozenset((c, False) for c in chars)


def scanner(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` told where its matches can start: the same matches, but re skips the positions where
    none can start (a C loop over a character set) instead of trying the pattern's leading boundaries,
    look-behinds and optional words at each.

    re finds such a set by itself only when the pattern starts with a plain character or class; for
    the others it is worked out here (`first_chars`) and written into the compiled pattern's info
    block, where re looks for it. Where that cannot be done, a look-ahead on the set does the same
    work, more slowly. The code is kept between runs (patterns.py): working it out costs ~20 ms.
    """
    found = patterns.cached(("scanner", pattern.pattern, pattern.flags), lambda: _scanner_args(pattern))
    return pattern if found is None else _sre.compile(*found)


def _scanner_args(pattern: re.Pattern[str]) -> patterns.Args | None:
    """_sre.compile's arguments for `scanner(pattern)`, or None when it is `pattern` itself."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    if parsed and parsed[0][0] in (C.LITERAL, C.IN):
        return None  # re skips to such a first character by itself
    ahead = first_chars(pattern, parsed)
    if not ahead:
        return None
    items = start_set(pattern, parsed)
    if items is not None:
        try:
            return _start_set_args(pattern, parsed, items)
        except Exception:  # noqa: BLE001 - another Python's re internals: the look-ahead works everywhere
            pass
    # The look-ahead goes in front of the parsed pattern, which is compiled as it is: parsing the
    # long patterns again would be half the cost of a scanner.
    parsed.data[:0] = _parser.parse(ahead, pattern.flags).data
    return patterns.args(parsed, pattern.flags, None)


def _with_start_set(pattern: re.Pattern[str], parsed, items: list) -> re.Pattern[str]:
    """`pattern` compiled with `items` as the set of characters its matches start with (re's info block)."""
    found = _start_set_args(pattern, parsed, items)
    return pattern if found is None else _sre.compile(*found)


def _start_set_args(pattern: re.Pattern[str], parsed, items: list) -> patterns.Args | None:
    """_sre.compile's arguments for `_with_start_set`, or None when re found a start set itself."""
    flags = parsed.state.flags | pattern.flags
    code = _compiler._code(parsed, flags)
    if code[0] != C.INFO or code[3] == 0:
        raise ValueError("no info block, or the pattern can match the empty string")
    if code[2] & (C.SRE_INFO_PREFIX | C.SRE_INFO_CHARSET):
        return None  # re found a prefix or a set of first characters itself (a branch of words)
    info = [C.INFO, 0, C.SRE_INFO_CHARSET, code[3], code[4]]
    charset, _ = _compiler._optimize_charset(items)
    _compiler._compile_charset(charset, flags, info)
    info[1] = len(info) - 1
    code = info + code[code[1] + 1 :]
    indexgroup = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        indexgroup[index] = name
    args = patterns.plain((pattern.pattern, flags, code, parsed.state.groups - 1, parsed.state.groupdict, tuple(indexgroup)))
    _sre.compile(*args)  # code that does not validate raises here, and the look-ahead is used instead
    return args


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
    # A part of every match, without the rule's leading boundaries and optional words: a sentence
    # where it is not found is not read by the rule, whose own search would try every position.
    hint: re.Pattern[str] | None = None
    # (features, pattern): on an ASCII sentence without any of the features ("a|b"), a pattern that finds
    # the same matches faster (`pattern` without the branches that need them), or None: no match at all.
    lean: tuple[str, re.Pattern[str] | None] | None = None

    # Compiled on first use, not at import: 35 patterns and their hints cost ~20 ms to analyse and compile.
    @cached_property
    def scan(self) -> re.Pattern[str]:
        """`pattern` as extraction runs it (see `scanner`)."""
        return scanner(self.pattern)

    @cached_property
    def hint_scan(self) -> re.Pattern[str] | None:
        """`hint` as extraction runs it."""
        return scanner(self.hint) if self.hint is not None else None

    @cached_property
    def lean_scan(self) -> re.Pattern[str] | None:
        """`lean`'s pattern as extraction runs it."""
        return scanner(self.lean[1]) if self.lean is not None and self.lean[1] is not None else None

    @cached_property
    def needs(self) -> Needs | None:
        """Texts one of which every match holds (needed_texts of the hint, else of the pattern), or None."""
        return needed_texts(self.hint if self.hint is not None else self.pattern)

    @cached_property
    def lean_unless(self) -> frozenset[str]:
        """The features whose absence lets `lean` stand in for the pattern."""
        return frozenset(self.lean[0].split("|")) if self.lean is not None else frozenset()

    @property
    def requirements(self) -> tuple[frozenset[str], ...]:
        return tuple(frozenset(r.split("|")) for r in self.requires)


# Cheap tests run once per sentence so that a rule's costlier pattern only runs where it could match.
_DIGIT = patterns.compile(r"\d")
# Word features: the sentence's lower-cased words looked up in a table (faster than a regex alternation).
_WORD_FEATURE_TABLE = {
    # Month and weekday names in any case: a superset of what the case-sensitive rules accept
    # ("may" the verb passes this gate; the month rules themselves want "May").
    "month": "jan january feb february mar march apr april may jun june jul july aug august sep sept "
             "september oct october nov november dec december",
    "weekday": "monday tuesday wednesday thursday friday saturday sunday",
    "relative": "last this next previous following coming",
    "ago": "ago",
    "deictic": "yesterday today tomorrow tonight",
    "season": "spring summer autumn fall winter",
    "century": "century",
    "quarter": "quarter q1 q2 q3 q4 h1 h2",
    "fiscal": "fiscal fy",
    "countword": "twice thrice single",
    "rankword": " ".join(RANK_ORDINALS),  # ordinal words a rank is written with ("third-largest", "finished fourth")
    "unitword": "year month week day hour minute second decade century mile kilometre kilometer metre meter foot ton "
                "tonne",
    "fraction": "halves third thirds quarter quarters fifth fifths sixth sixths eighth eighths tenth tenths",
    "numword": "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
               "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
               "hundred thousand million billion trillion dozen half "
               # a multiple in one word ("a thirteenfold jump"): the quantity rule reads the number before "fold"
               "twofold threefold fourfold fivefold sixfold sevenfold eightfold ninefold tenfold elevenfold "
               "twelvefold thirteenfold fourteenfold fifteenfold twentyfold thirtyfold fiftyfold hundredfold "
               "thousandfold",
    "holiday": "christmas easter halloween valentine valentines boxing thanksgiving pentecost whitsunday whit bastille "
               "armistice remembrance fawkes bonfire ascension maundy eve year years",
    # "two days later", "the following day", "the night before" ("after" and "before" would send most
    # sentences to the rules: "the day after" is left unread; "the day before" has its day, a unit word)
    "later": "later earlier following next night",
    # The words a part of a period starts with ("early 2004", "the end of last year", "the first half of
    # March"): a whole word wherever a rule reads one. Only lean patterns read this feature (LEAN_FEATURES).
    "part": "early mid late end beginning start middle half",
    # The periods a relative one names ("last year", "next weekend", "this summer"): lean patterns only.
    "period": "year month weekend week decade spring summer autumn fall winter",
}
# Features that no rule requires, only lean patterns read: the prefilter does not look for their words.
LEAN_FEATURES = frozenset({"part", "period"})
WORD_FEATURES: dict[str, frozenset[str]] = {}
for _feature, _words in _WORD_FEATURE_TABLE.items():
    for _word in _words.split():
        WORD_FEATURES[_word] = WORD_FEATURES.get(_word, frozenset()) | {_feature}
_FEATURE_WORDS = frozenset(WORD_FEATURES)
_WORDS = patterns.compile(r"[a-z]+")  # "FY2023" and "Q3" lower-case to "fy" + digits, "q" + digit
_FY_OR_Q = patterns.compile(r"\b(?:fy|q[1-4]|h[12])(?=\d|\b)")  # "fy2023", "q3", "h1": letters then digits
# Shapes of digits that only some number rules read: a pair joined by a dash ("3-1"), a minute mark
# ("80'"), an ordinal ("26th"), a spaced group ("368 365"), a number, a word and another number ("3h 05 min"),
# digits glued to a word.
_DIGIT_SHAPES = patterns.compile(
    r"\d(?:(?P<pair>[ ]?[-–—][ ]?\d)|(?P<mark>['’′])|(?P<ordinal>st|nd|rd|th)\b|(?P<spaced>[ \u00a0]\d{3})"
    r"|(?P<series>[ \u00a0]?[A-Za-z]{1,7}[ ]*,?[ ]+(?:and[ ]+)?\d)"
    r"|(?P<glued>(?<=[a-z]{3}\d)|(?<=\b[A-Z][a-z]\d))"  # digits right after a word: a flattened infobox ("Deaths1,862", "No1,040,345")
    r"|(?P<clock>h[0-5]\d(?:m|min)?\b)"  # hours and minutes run together: "4h12", "2h05m"
    # a currency written in letters glued on: "RM5.9 billion" (the prefixes the letter-currency rule reads)
    r"|(?P<lettercur>" + "|".join(rf"(?<={re.escape(p)}\d)" for p in LETTER_CURRENCY_PREFIXES if not p.endswith("."))
    + "))"
)
SHAPE_NAMES = frozenset(_DIGIT_SHAPES.groupindex)
FEATURE_NAMES = frozenset({"digit"}) | frozenset(_WORD_FEATURE_TABLE) | SHAPE_NAMES
# A month's name right after a lower-case letter (looked behind at, so that a search skips to capitals).
_GLUED_MONTH = patterns.compile(r"(?<=[a-z])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


def features(sentence: str) -> frozenset[str]:
    """The features a sentence has."""
    found: set[str] = {"digit"} if _DIGIT.search(sentence) else set()
    lower = sentence.lower()
    for word in _FEATURE_WORDS.intersection(_WORDS.findall(lower)):
        found |= WORD_FEATURES[word]
    if "digit" in found:
        for m in _FY_OR_Q_SCAN.finditer(lower):
            found |= WORD_FEATURES[m.group()]
        found.update(m.lastgroup for m in _DIGIT_SHAPES.finditer(sentence))
        if "month" not in found and _GLUED_MONTH_SCAN.search(sentence):
            found.add("month")  # "InitiatedJanuary 18, 2022": a month glued to an infobox label
    return frozenset(found)


_FY_OR_Q_SCAN = scanner(_FY_OR_Q)
_GLUED_MONTH_SCAN = scanner(_GLUED_MONTH)


def satisfied(requires: tuple[frozenset[str], ...], present: frozenset[str]) -> bool:
    """Every requirement holds: each is a set of alternatives, one of which must be present."""
    return all(not alternatives.isdisjoint(present) for alternatives in requires)
