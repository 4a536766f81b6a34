"""Stage 3: run the date and quantity rules over each sentence and build claims with exact positions."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from . import dates, patterns, quantities, structure
from .context import TENSE_WINDOW, future_tense, is_compared, is_past, looks_ahead, names_a_record
from .lexicon import CURRENCY_UNITS, NOT_AMOUNT_HEADER_WORDS, TEMPERATURE_CUES
from .models import Claim, DateValue, Quantity, Sentence, Source, changed
from .prefilter import Hits, automaton, holds_any
from .quantities import QuantitySpec
from .resolve import DateSpec, YearAnchors, bare_year, resolve, states_year, uses_tense
from .rules import LEAN_FEATURES, Needs, Rule, features, needed_texts, satisfied
from .segment import line_starts, position, segment

RULES: tuple[Rule, ...] = dates.DATE_RULES + quantities.QUANTITY_RULES
# The prefilter skips spans without any feature: sound only while no rule runs on a featureless sentence.
assert all(rule.requires for rule in RULES), "a rule without requirements would defeat prefilter.Hits"
assert not any(LEAN_FEATURES & r for rule in RULES for r in rule.requirements), "prefilter.Hits ignores LEAN_FEATURES"
assert [r.kind for r in RULES] == sorted((r.kind for r in RULES), key=lambda k: k != "date"), "_hits reads dates first"
_ARTICLE = patterns.compile(r"the\s+", re.IGNORECASE)
_LEAD = patterns.compile(r"on\s+", re.IGNORECASE)  # the preposition a weekday's quote may start with
# A domestic telephone number in its usual groups, a leading zero first ("0800 555 0142", "(02) 8911-1406",
# "(0161) 496 0123"): no amount starts so.
_DOMESTIC_PHONE = (r"\b0\d{2,4}[ ]\d{3,4}[ ]\d{3,4}\b|(?<![\d(])\(0\d{1,4}\)[ ]?\d{3,4}[ -]\d{3,4}\b"
                   r"|\b0\d{3,4}[ ]\d{6}\b")  # "01632 960441": an area code and six digits
# A North American one: "(310) 555-0147", "+1 (323) 555-0182", "310-555-0147" (no figure is grouped so).
_NANP_PHONE = r"(?:\+1[ .-]?)?(?<![\d(])\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}\b|(?<![\d-])\b\d{3}-\d{3}-\d{4}\b(?!-)"
# Spans in which no number is a claim: code, URLs, e-mail addresses, HTML tags, citation markers
# ("[12]"), international phone numbers (seven digits at least: "+20.1" in a table is a change) and
# hyphenated identifiers (ISBNs; an ISO date has 3 groups).
# A run of word characters is tried only from its first character (the lookbehinds): tried from each
# one, a 100 KB run of letters or digits without its "@" or ".png" costs quadratic time.
MASKS = patterns.compile(
    r"`[^`\n]{0,200}`|https?://\S+|\bwww\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|<[^<>\n]{1,200}>"
    r"|\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|\+(?=(?:[ .()-]?\d){7})\d{1,3}(?:[ .-]?\(?\d{1,5}\)?){2,5}|\b\d+(?:-\d+){3,}\b"
    # Page chrome inside a line: reading times ("45 sec read"), figure labels ("Pie chart 2", "Figure
    # 3") and the credit of a chart ("adapted from WHO Aug 2014").
    r"|\b\d{1,3}\s*(?:sec|secs|seconds?|min|mins|minutes?)\s+read\b"
    # A telephone number after its label: "Tel. 01632 960 441", "Phone: (555) 010-4477", "its hotline, 924 00 55 10"
    r"|\b(?i:tel|phone|telephone|fax|hotline|helpline)\b\.?[:,]?[ \t]*(?:\+?\(?\d[\d ().-]{5,18}\d)"
    rf"|{_DOMESTIC_PHONE}|{_NANP_PHONE}"
    # Geographic coordinates: "36°21′18″N", "41° 46' N.", "36.355°N, 75.2°E" (a position, not degrees of
    # anything). A latitude alone is a claim: "auroras were seen as far south as 23.6° N".
    r"|(?<![\d.])\d{1,3}(?:\.\d+)?°\s?\d{1,2}(?:\.\d+)?[′']\s?(?:\d{1,2}(?:\.\d+)?[″\"]\s?)?[NSEW]\b"
    r"|(?<![\d.])\d{1,3}(?:\.\d+)?°\s?[NS],?\s+\d{1,3}(?:\.\d+)?°\s?[EW]\b"
    r"|\b(?:Fig(?:ure)?\.?|(?:Pie |Bar |Line )?[Cc]hart|Graph|Diagram|Plate|Exhibit)\s\d{1,3}[a-z]?\b(?![,.]\d)"
    r"|(?<![\w-])(?:[Aa]dapted from|[Cc]ourtesy of|[Ss]ource:|[Cc]redit:)\s[^|\n.;]{0,80}"  # not "air-source: £12,950"
    # When a reference was read or archived, in a citation ("Retrieved 3 May 2024.", "Archived from the
    # original on 5 June 2023"): no fact of the story. Capitalised: "the bodies were retrieved on 4 March" is one.
    r"|\b(?:Retrieved|Accessed|Archived[ \t]+from[ \t]+the[ \t]+original)(?:[ \t]+on)?[ \t]+(?!from\b)[^.\n|;\x22]{1,24}"
    # an image's file name, also one with spaces filling its line ("2014 ebola epidemic map simplified.svg")
    r"|(?im:^[^\n.]{0,160}\.(?:svg|png|jpe?g|gif|webp|tiff?)[ \t]*$)|(?<![\w-])[\w-]+\.(?i:svg|png|jpe?g|gif|webp|tiff?)\b"
)
# Cheap test for the chrome masks above, so that most sentences skip MASKS altogether.
# (Each alternative spelled out, "Tel\b|tel\b" rather than "[Tt]el\b", so that the words below come out whole.)
_CHROME_HINT = patterns.compile(r"read|hart|Fig|Retrieved|Accessed|Archived|Tel\b|tel\b|TEL|Phone|phone|PHONE|Fax\b"
                                r"|fax\b|Hotline|hotline|Helpline|helpline|Graph|Diagram|Plate|Exhibit|dapted|ourtesy"
                                r"|ource:|redit:|\.(?:svg|png|jp|gif|webp)")
# The texts one of which every match of _CHROME_HINT holds (rules.needed_texts): one pass for them all, and the
# pattern only where one stands.
_CHROME_NEEDS = needed_texts(_CHROME_HINT, few=None)
_CHROME_WORDS = automaton(_CHROME_NEEDS[0]) if _CHROME_NEEDS and not _CHROME_NEEDS[1] else None
_MASK_CHARS = patterns.compile(r"[`@<\[+/°]")
_ISBN_HINT = patterns.compile(r"\d-\d+-\d+-")
_FILE_HINT = patterns.compile(r"\.(?i:svg|png|jpe?g|gif|webp|tiff?)\b")
_PHONE_HINT = patterns.compile(f"{_DOMESTIC_PHONE}|{_NANP_PHONE}")
# A text that each alternative of MASKS needs (a costly pattern: ~45 µs a sentence). Only where the tests
# above pass too: they, not this, decide which sentences are masked at all.
_MASK_NEEDS = patterns.compile(
    r"[`@<\[+°]|://|www\.|\d-\d+-\d+-|\sread\b|Fig|hart|Graph|Diagram|Plate|Exhibit|dapted from|ourtesy of"
    r"|ource:|redit:|Retrieved|Accessed|Archived|\.(?i:svg|png|jpe?g|gif|webp|tiff?)\b|(?i:\btel\b|phone|\bfax\b|hotline|helpline)|"
    + _DOMESTIC_PHONE + "|" + _NANP_PHONE
)
MASK_EXAMPLES: tuple[str, ...] = (
    "The treaty was signed.[12] It ended the war.[13, 14]",
    "Set `max_workers = 16` in the config.",
    "See https://example.org/2023/05/report-2021.pdf for details.",
    "Call +44 20 7946 0958 for tickets.",
    "Finders should report stones on its hotline, 924 00 55 10.",
    "The ISBN 978-3-16-148410-0 edition is out of print.",
    '<img width="300" src="a.png"> A picture.',
    "Write to info2023@example.com.",
    "5 min read",
    "See ebola-map-2014.png for the spread.",
    "Pie chart 1 Pie chart 2 | Deaths | adapted from WHO Aug 2014",
    "Figure 3 shows the trend.",
    "2014 ebola virus epidemic in West Africa simplified.svg",
    "See Katrina_2005_track.png for the path.",
    "Coordinates 36°21′18″N 75°02′44″E",
    "Visit us on Customs Quay · Tel. 01632 960 441",
    "Media enquiries: Phone: (555) 010-4477", "Call the recall line on 0800 555 0142.",
    "Relatives can call the hotline at (02) 8911-1406.", "Ring (0161) 496 0123 for tickets.",
    "Got a tip? Call the newsroom on (310) 555-0147.", "Media enquiries: press@x.com | +1 (323) 555-0182",
    "Call 310-555-0147 after 6pm.", "Reminder: ticket office is 01632 960441, opens 9am weekdays.",
    "she founders at 41° 46' N., 50° 14' W.", "Coordinates53°24′N 0°55′E", "The station sits at 36.355°N, 75.2°E.",
    '"Annual report". Harbour Authority. Retrieved 3 May 2024.', "Accessed on March 3, 2024",
    "Archived from the original on 5 June 2023",
    'Retrieved from "https://en.wikipedia.org/w/index.php?title=Ostara&oldid=1228471093"',
)
# Units whose numbers are not claims: code, bylines, datelines and page chrome (structure.py).
SKIP_BLOCKS = frozenset({"code", "byline", "dateline", "chrome"})
# Units whose opening count is a listicle's ("10 Key Facts ...", "Titanic: 16 facts about ...").
_LISTICLE_BLOCKS = frozenset({"title", "heading", "label"})


@lru_cache(maxsize=2048)
def _rules_for(present: frozenset[str]) -> tuple[Rule, ...]:
    """The rules whose required features a sentence has (few distinct feature sets occur)."""
    return tuple(rule for rule in RULES if satisfied(rule.requirements, present))


@lru_cache(maxsize=4096)
def _plan(present: frozenset[str], ascii_only: bool) -> tuple[tuple[Rule, re.Pattern[str], re.Pattern[str] | None, bool,
                                                                  Needs | None], ...]:
    """What _hits runs on a sentence with these features: each rule with the pattern it scans with (its lean
    one where that may stand in, on ASCII text), its hint's pattern, whether it reads dates, and the texts one
    of which the sentence needs for it to match (Rule.needs)."""
    plan = []
    for rule in _rules_for(present):
        scan = rule.scan
        if rule.lean is not None and rule.lean_unless.isdisjoint(present) and ascii_only:
            if rule.lean_scan is None:
                continue  # it cannot match here
            scan = rule.lean_scan
        plan.append((rule, scan, rule.hint_scan if rule.hint is not None else None, rule.kind == "date", rule.needs))
    return tuple(plan)


class Candidate(NamedTuple):
    """A rule's hit inside a sentence, before overlaps are settled (a named tuple: cheap to make, immutable)."""

    start: int
    end: int
    kind: str
    rule: str
    priority: int
    spec: DateSpec | QuantitySpec


class _Cover:
    """Whether a span lies inside one of a set of spans, in O(log n): sorted starts, running max of ends."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def __bool__(self) -> bool:
        return bool(self.starts)

    def contains(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        return i > 0 and self.reach[i - 1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before `end`
        return i > 0 and self.reach[i - 1] > start


def _masked(sentence: str) -> _Cover | None:
    """The sentence's MASKS spans, if it has any."""
    # Substring tests first: most sentences have none of these characters.
    if (not _MASK_CHARS.search(sentence) and not ("-" in sentence and _ISBN_HINT.search(sentence))
            and not ((_CHROME_WORDS is None or holds_any(_CHROME_WORDS, sentence)) and _CHROME_HINT.search(sentence))
            and not ("." in sentence and _FILE_HINT.search(sentence))
            and not ((" 0" in sentence or "-" in sentence) and _PHONE_HINT.search(sentence))):
        return None
    if not _MASK_NEEDS.search(sentence):
        return None  # "km/h", "already": a character above, but none of the masks' own texts
    cover = _Cover(m.span() for m in MASKS.finditer(sentence))
    return cover or None


_UNREAD = object()  # a date hit whose builder has not run yet


class _Hit:
    """A rule's match in a sentence and its span; a date's value is read (built) only when asked for."""

    __slots__ = ("end", "match", "rule", "spec", "start")

    def __init__(self, start: int, end: int, rule: Rule, match: re.Match[str], spec=_UNREAD) -> None:
        self.start, self.end, self.rule, self.match, self.spec = start, end, rule, match, spec

    def read(self, sentence: str) -> DateSpec | QuantitySpec | None:
        """The rule's value for the match (None: the context shows it is none)."""
        if self.spec is _UNREAD:
            self.spec = self.rule.build(self.match, sentence)
        return self.spec

    def candidate(self) -> Candidate:
        return Candidate(self.start, self.end, self.rule.kind, self.rule.name, self.rule.priority, self.spec)


class _Dates:
    """The date hits of a sentence by start, to ask in O(log n) plus the hits read whether one holds a span."""

    def __init__(self, hits: list[_Hit]) -> None:
        self.hits = sorted(hits, key=lambda h: h.start)
        self.starts = [h.start for h in self.hits]
        self.reach: list[int] = []  # the furthest end of the hits up to each one
        for hit in self.hits:
            self.reach.append(max(hit.end, self.reach[-1]) if self.reach else hit.end)

    def hold(self, start: int, end: int, sentence: str) -> bool:
        """Whether a date hit with a value holds [start, end).

        The hits that hold it are read longest first: that one is read anyway if chosen() takes it
        ("June 2004" around "2004"), and the shorter ones inside it then never are.
        """
        holding = []
        i = bisect.bisect_right(self.starts, start) - 1
        while i >= 0 and self.reach[i] >= end:  # none before i reaches `end` once reach falls short
            if self.hits[i].end >= end:
                holding.append(self.hits[i])
            i -= 1
        holding.sort(key=lambda h: h.start - h.end)
        return any(hit.read(sentence) is not None for hit in holding)


def _hits(sentence: str) -> list[_Hit]:
    """Every rule's matches in one sentence, in rule order: dates (unread: a date's span is its match's,
    less a leading article), then amounts (read: an amount's span is its value's) outside any date or
    amount before them that has a value."""
    masked = _masked(sentence)
    found: list[_Hit] = []
    dates: _Dates | None = None  # made at the first amount rule: every date rule runs before it
    amounts: _Cover | None = None
    amounts_size = 0  # the amounts `amounts` was made from: remade only when a rule has added some
    # The rules and their patterns for the sentence's features, worked out once per feature set (_plan).
    ascii_only = sentence.isascii()
    has, lower_has = sentence.__contains__, sentence.lower().__contains__
    for rule, scan, hint, date, needs in _plan(features(sentence), ascii_only):
        # Substring tests, not the hint's search: no match of the rule lacks all of its texts (Rule.needs). Its
        # lower-cased texts are looked for in the lower-cased sentence, which folds case as re does only in ASCII.
        if needs is not None and not any(map(has, needs[0])) and not (
                needs[1] and (not ascii_only or any(map(lower_has, needs[1])))):
            continue
        if hint is not None and not hint.search(sentence):
            continue
        if not date:
            if dates is None:
                dates = _Dates(found)
            if amounts is None or amounts_size != len(found) - len(dates.hits):
                amounts = _Cover((h.start, h.end) for h in found[len(dates.hits) :])
                amounts_size = len(found) - len(dates.hits)
        for match in scan.finditer(sentence):
            start, end = match.span()
            if not date and ((amounts and amounts.contains(start, end)) or dates.hold(start, end, sentence)):
                continue  # digits a date rule has read ("22 June 2004"); it also refuses counts
            if masked and masked.overlaps(start, end):
                continue
            if date:
                # "the end of 2004", "the previous month": the article is not part of the quote.
                lead = _ARTICLE.match(sentence, start, end)
                found.append(_Hit(lead.end() if lead else start, end, rule, match))
            elif (spec := rule.build(match, sentence)) is not None:
                found.append(_Hit(spec.start, spec.end, rule, match, spec))
    return found


def candidates(sentence: str) -> list[Candidate]:
    """Every hit of every rule in one sentence (dates first, then amounts outside them)."""
    return [hit.candidate() for hit in _hits(sentence) if hit.read(sentence) is not None]


def chosen(sentence: str) -> list[Candidate]:
    """`select(candidates(sentence))`, reading each date only if no hit chosen before it overlaps it.

    The same choice: the order is select's (a stable sort, so hits without a value change nothing by
    being in it), and a hit that overlaps one taken is passed over whether or not it has a value.
    Most dates a shorter rule finds inside a longer one ("2004" in "June 2004") are never read.
    """
    order = sorted(_hits(sentence), key=lambda h: (-(h.end - h.start), h.rule.kind != "date", -h.rule.priority, h.start))
    starts: list[int] = []  # taken spans never overlap, so sorted starts find both neighbours
    taken: list[_Hit] = []
    for hit in order:
        i = bisect.bisect_left(starts, hit.start)
        if i > 0 and taken[i - 1].end > hit.start:
            continue
        if i < len(taken) and taken[i].start < hit.end:
            continue
        if hit.read(sentence) is None:
            continue
        starts.insert(i, hit.start)
        taken.insert(i, hit)
    return [hit.candidate() for hit in taken]


def select(found: list[Candidate]) -> list[Candidate]:
    """Longest hits first, dates before quantities, then rule priority; no two hits overlap."""
    order = sorted(found, key=lambda c: (-(c.end - c.start), c.kind != "date", -c.priority, c.start))
    starts: list[int] = []  # taken spans never overlap, so sorted starts find both neighbours
    taken: list[Candidate] = []
    for cand in order:
        i = bisect.bisect_left(starts, cand.start)
        if i > 0 and taken[i - 1].end > cand.start:
            continue
        if i < len(taken) and taken[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        taken.insert(i, cand)
    return taken


def _ranged(first: Candidate, second: Candidate, sentence: str, grammar) -> bool:
    """Whether a range word of `grammar` joins two hits ("and" only after "from"/"between")."""
    between = sentence[first.end : second.start]
    if not grammar.RANGE_JOINERS.fullmatch(between):
        return False
    return between.strip().lower() != "and" or bool(
        grammar.RANGE_OPENERS.search(sentence, max(0, first.start - 16), first.start))


_TO_THE_DAY = patterns.compile(r"[ ]*(?:to|until|till|through|–|-)[ ]+(?:the[ ]+)?", re.IGNORECASE)


def _join_dates(first: Candidate, second: Candidate, sentence: str) -> Candidate | None:
    """One range from two dates: "from 2004 to 2011", "between April and December 2016"."""
    a, b = first.spec, second.spec
    if (b.month_from_context and not a.month_from_context and b.weekday is None and a.weekday is None and a.day
            and a.month and not a.rel_unit and not a.end_spec and b.day and b.day > a.day
            and _TO_THE_DAY.fullmatch(sentence, first.end, second.start)):
        # "July 9 to the 21st": the end is a day of the start's month.
        end = replace(b, month=a.month, year=a.year, needs_year=a.needs_year, month_from_context=False)
        return Candidate(first.start, second.end, "date", "date-range", 0, replace(a, end_spec=end))
    if first.spec.end_spec or second.spec.end_spec or not _ranged(first, second, sentence, dates):
        return None
    if a.month_from_context or b.month_from_context:
        return None  # "from Monday the 22nd until Friday": each placed on its own (YearAnchors.month_for)
    if a.rel_unit and not b.rel_unit and b.year is not None:
        return None  # "A year ago today - 14 May 2025": the same day said twice, not a range
    if a.needs_year and b.year is not None and not b.rel_unit:
        year = b.year - 1 if (a.month or 0) > (b.month or 0) else b.year
        a = replace(a, year=year, needs_year=False)
    elif a.needs_year and b.rel_unit == "year" and not a.rel_unit and a.month and b.month:
        # "from May to September next year": the year the end counts from the writing is the start's too.
        a = replace(a, rel_unit="year", shift=b.shift - (a.month > b.month), needs_year=False)
    return Candidate(first.start, second.end, "date", "date-range", 0, replace(a, end_spec=b))


_SPACED_DASH = patterns.compile(r"\s+[–—-]\s+")


def _join_quantities(first: Candidate, second: Candidate, sentence: str) -> Candidate | None:
    """One range from two amounts: "5,000 to 10,000", "between 20 and 30 percent"."""
    if not _ranged(first, second, sentence, quantities):
        return None
    if _SPACED_DASH.fullmatch(sentence, first.end, second.start) and (
            sentence[first.start].isdigit() != sentence[second.start].isdigit()):
        return None  # "5-2-1 — Five wins": a figure, then its words after a dash, not a range
    if quantities.CHANGE_OPENERS.search(sentence, max(0, first.start - 90), first.start):
        return None  # "rose from 317 to 365": two values, before and after
    a, b = first.spec, second.spec
    if a.approx != "exact" and b.approx != "exact":
        return None
    value = quantities.scaled(a.value, b.scale if a.scale == 1.0 else 1.0)
    unit = a.unit or b.unit
    if a.unit and b.unit and a.unit != b.unit:
        return None
    if value >= b.value:
        return None  # "3-1" is a score, not a range
    if b.value > quantities.CHANGE_RANGE_SPAN * value and (
            (a.unit and not b.unit and b.scale == 1.0)  # "35% to 40,000": a percentage does not run to a count
            or quantities.CHANGE_BY.search(sentence, max(0, first.start - 40), first.start)):
        return None  # "fell by 4,572 to 176,455", "rose by 10.6% to 1,284,517": the change, then the new value
    spec = QuantitySpec(a.start, b.end, value, unit, "exact", value, b.high or b.value, b.noun, False, b.scale)
    return Candidate(first.start, second.end, "quantity", "quantity-range", 0, spec)


_DAYS_LISTED = 2  # "18 and 19 August" is a span of days; "5 and 25 June" two dates


def _join_days(first: Candidate, second: Candidate, sentence: str) -> Candidate | None:
    """A day range: "8-9 July 2018", "between 5 and 10 June" (the first day came out as a bare number)."""
    a, b = first.spec, second.spec
    if not (isinstance(a, QuantitySpec) and a.bare and 1 <= a.value <= 31 and a.value == int(a.value)):
        return None
    if b.day is None or b.month is None or b.end_spec or a.value >= b.day:
        return None
    if not _ranged(first, second, sentence, dates) and not (
            b.day - a.value <= _DAYS_LISTED and sentence[first.end : second.start].strip().lower() == "and"):
        return None  # "the gales of 18 and 19 August": two days in a row, read as their span
    return Candidate(first.start, second.end, "date", "date-range", 0, replace(b, day=int(a.value), end_spec=b))


def _join_day_after(first: Candidate, second: Candidate, sentence: str) -> Candidate | None:
    """A day range written month first without its year: "Nov 11-12", "June 5–7" (the last day came out
    as a bare number). Only a dash right between them: "on March 3 - 5 people died" is a count."""
    a, b = first.spec, second.spec
    if not (isinstance(b, QuantitySpec) and b.bare and 1 <= b.value <= 31 and b.value == int(b.value)):
        return None
    if a.day is None or a.month is None or a.end_spec or not a.needs_year or a.day >= b.value:
        return None
    if sentence[first.end : second.start] not in ("-", "–") or sentence[second.end : second.end + 1].isalnum():
        return None
    return Candidate(first.start, second.end, "date", "date-range", 0, replace(a, end_spec=replace(a, day=int(b.value))))


_MONTH_THEN_DAY = patterns.compile(r",?[ ]+(?:on[ ]+)?(?:the[ ]+)?\Z")


def _month_then_day(first: Candidate, second: Candidate, sentence: str) -> Candidate | None:
    """A month, then its day alone: "back in July, on the 18th" is 18 July, one date."""
    a, b = first.spec, second.spec
    if (first.kind != "date" or not b.month_from_context or b.weekday is not None or a.granularity != "month"
            or a.month is None or a.part or a.end_spec or a.rel_unit
            or not _MONTH_THEN_DAY.fullmatch(sentence, first.end, second.start)):
        return None
    return Candidate(first.start, second.end, "date", "day-of-month", 0, replace(a, granularity="day", day=b.day))


def join_ranges(chosen: list[Candidate], sentence: str) -> list[Candidate]:
    """Merge adjacent hits of the same kind that a range word joins (and day numbers into a date)."""
    result: list[Candidate] = []
    for cand in chosen:
        if result and result[-1].kind == "quantity" and cand.kind == "date":
            merged = _join_days(result[-1], cand, sentence)
            if merged:
                result[-1] = merged
                continue
        if result and result[-1].kind == "date" and cand.kind == "quantity":
            merged = _join_day_after(result[-1], cand, sentence)
            if merged:
                result[-1] = merged
                continue
        if result and cand.kind == "date" and (merged := _month_then_day(result[-1], cand, sentence)):
            result[-1] = merged
            continue
        if result and result[-1].kind == cand.kind:
            joiner = _join_dates if cand.kind == "date" else _join_quantities
            merged = joiner(result[-1], cand, sentence)
            if merged:
                result[-1] = merged
                continue
        result.append(cand)
    return _share_units(result, sentence)


# A bare figure that a conjunction sets beside an amount with a unit, and that a place or a purpose
# follows, counts in that unit: "24,900 acres of that was in Mariposa County and 13,700 in
# Tuolumne", "$5 for adults and 3 for children".
_UNIT_SHARED_BETWEEN = patterns.compile(r"[^\d;:,]{0,60}?(?:\band|\bor|\bwhile|\bagainst|\bversus|,)[ ]+$")
_UNIT_SHARED_AFTER = patterns.compile(r"[ ]+(?:in|for|at|on|across|among|from|inside|outside)[ ]+(?:the[ ]+)?[A-Za-z]")


def _share_units(found: list[Candidate], sentence: str) -> list[Candidate]:
    """Give a bare figure the unit of the amount a conjunction sets it beside (see _UNIT_SHARED_BETWEEN)."""
    for k in range(1, len(found)):
        a, b = found[k - 1], found[k]
        if (a.kind == b.kind == "quantity" and b.spec.bare and b.spec.unit is None and a.spec.unit
                and a.spec.unit not in ("percent", "times") and _UNIT_SHARED_BETWEEN.fullmatch(sentence, a.end, b.start)
                and _UNIT_SHARED_AFTER.match(sentence, b.end)):
            found[k] = b._replace(spec=replace(b.spec, unit=a.spec.unit, bare=False))
    return found


def _date_value(cand: Candidate, text: str, published: dt.date | None, years: YearAnchors,
                paragraph: int | None = None, alone: bool = False, heading: bool = False) -> DateValue:
    """Step 4 for one date of `text` (the sentence or cell it was found in), read into the document's years.

    Every date goes through here in reading order, also those of lines that yield no claims (see
    `read_years`): a yearless "July 20" takes its year from the dates read before it, a bare year
    only within its `paragraph` (or, without one, its sentence), unless it stands `alone` on its line as
    a heading ("## 2024", a timeline's "2024"), or is the year of a `heading` line ("The 2023 festival, step
    by step" over its timeline): then it dates what follows.
    """
    where = text if paragraph is None else paragraph
    future = past = reported = False  # the tense around it, only where it places the date (context searches)
    if uses_tense(cand.spec):
        # Past the preposition a weekday's quote starts with ("on Sunday"): "is expected on", "comes into force
        # at 00:01 on" are read whole. (The candidate's offsets are relative to `text`.)
        at = lead.end() if (lead := _LEAD.match(text, cand.start, cand.end)) else cand.start
        window = TENSE_WINDOW + at - cand.start  # as far back as from the quote's start
        future, reported = future_tense(text, at, window)
        past = not future and is_past(text, at, window) and not (
            cand.spec.rel_unit is None and _DEADLINE_BEFORE.search(text, max(0, at - 16), at)
            and not _NEGATED.search(text, max(0, at - window), at))
        if not future and not past and cand.spec.rel_unit == "weekday" and cand.spec.shift == 0 \
                and looks_ahead(text, at, cand.end, window):
            future = True  # "until at least Friday", "could fall through Tuesday": the coming one
    if cand.spec.month_from_context:  # "it was the 8th": a day of the month the story is in
        day = years.month_for(cand.spec, future)
        value = DateValue(start=None, end=None, granularity="day", text=text[cand.start : cand.end], relative=True,
                          unresolved=True) if day is None else changed(
            resolve(day, text[cand.start : cand.end], None), relative=True, resolved_from=published)
    else:
        context, near = years.context_for(cand.spec, where)
        value = resolve(cand.spec, text[cand.start : cand.end], published, future=future, context=context, past=past,
                        written=years.written, reported=reported, near=near)
    bound = dates.bound_of(text, cand.start)
    if bound:
        value = changed(value, bound=bound)
    # "the worst since July 1927" gives no year, nor an aside's ", which opened in 2011,", nor "the 1998 record", nor a date of birth,
    # nor a year still to come that the words do not look ahead to: a deadline ("to replace 30 miles of main by 2032.
    # As of December, ..."), a maturity ("its 2031 dollar bond on April 12"): a target, not the story's year; nor,
    # so worded, any date more than a year past the writing ("**May 1, 2054** — when the last of the bonds come
    # due", then "up a notch since March 28")
    if not is_compared(text, cand.start) \
            and not (published is not None and value.start is not None and value.start.year > published.year
                     and (bare_year(cand.spec) or value.start.year > published.year + 1
                          and not _SERIES_AFTER.search(text, cand.end))
                     and (bound == "on_or_before" or not future_tense(text, len(text), len(text))[0])) \
            and not (bare_year(cand.spec) and (dates.is_aside(text, cand.start, cand.end) or names_a_record(text, cand.end))) \
            and not dates.is_birth(text, cand.start) \
            and not (years.anniversary is not None and _FLASHBACK.search(text)):
        years.note(cand.spec, value, where, now=dates.is_year_of_writing(text, cand.start),
                   heading=heading or alone and _HEADING_MARKS.fullmatch(text, 0, cand.start) is not None
                   and _HEADING_MARKS.fullmatch(text, cand.end) is not None)
    return value


# A yearless date or "that year" later in the sentence of a far date: a series the far date gives the year of
# ("the Olympics run from 25 July to 10 August 2036, and the Paralympics from 22 August to 2 September").
_SERIES_AFTER = patterns.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
                                 r"|December|that[ ]year)\b(?![ ,]*\d{4})")


# A deadline may lie ahead of a past verb: "the regulator gave them until 17 March", written on 9 March, is
# this March's 17th (resolve.UPCOMING_DAYS); a date further from the writing stays behind it.
# (Not a weekday, which looks_ahead reads, nor after a negation: "did not open until February 1" opened then.)
_DEADLINE_BEFORE = patterns.compile(r"\b(?:until|till|by|before)[ ]+(?:the[ ]+)?\Z", re.IGNORECASE)
_NEGATED = patterns.compile(r"\b(?:not|never)\b|n['’]t\b", re.IGNORECASE)
# A past before the story's past ("At the general election of 4 June 2024 Fenwick had taken 45.1%"), in an
# anniversary piece: a flashback, whose date does not move the story's year for the dates after it.
_FLASHBACK = patterns.compile(r"\bhad[ ]+(?:been[ ]+)?(?:[a-z]+ed|taken|won|given|seen|done|gone|come|become|held|lost|built|run)\b")
_HEADING_MARKS = patterns.compile(r"[#*\s:]*")  # what may stand around a year that heads a line: "## 2024", "**2024**:"


def read_years(text: str, published: dt.date | None, years: YearAnchors, stamp: bool = False) -> None:
    """Read the dates of a line that yields no claims (a headline in front matter, a dateline, a byline).

    `stamp`: the line is page chrome, as a forum post's header is ("Reply #78 on: March 17, 2027"): a day
    it gives after the publication date is a later day the page was written on (YearAnchors.written).
    """
    for cand in join_ranges(chosen(text), text):
        if cand.kind == "date":
            value = _date_value(cand, text, published, years)
            if stamp and value.granularity == "day" and not value.relative and value.end is not None \
                    and published is not None and value.end > published:
                years.written = max(years.written or value.end, value.end)


def _first_stated(units: list[Sentence], spots: Hits | None = None) -> dt.date | None:
    """The first date a document states with its year: the year of an undated page's opening lines."""
    for unit in units:
        if spots is not None and not spots.may_match(unit.start, unit.end):
            continue
        for cand in join_ranges(chosen(unit.text), unit.text):
            if cand.kind == "date" and states_year(cand.spec):
                value = resolve(cand.spec, "", None)
                if value.start is not None:
                    return value.start
    return None


def year_anchors(source: Source, units: list[Sentence], spots: Hits | None = None) -> YearAnchors:
    """The year context of a document before its first line: the headline in front matter read, and for an
    undated page the first date it states, looked up only if a yearless date comes before any."""
    years = YearAnchors(source.published, ahead=None if source.published else lambda: _first_stated(units, spots))
    if source.title:
        read_years(source.title, source.published, years)
    return years


def _quantity_value(spec: QuantitySpec) -> Quantity:
    """The model of a parsed amount."""
    q = Quantity(value=spec.value, low=spec.low, high=spec.high, unit=spec.unit, approx=spec.approx, noun=spec.noun,
                 step=spec.step, text=spec.text)
    if spec.unit == "decade":  # "three decades" is 30 years, to the nearest ten: how a reader (and a label) counts it
        return changed(q, value=q.value * 10, low=None if q.low is None else q.low * 10,
                       high=None if q.high is None else q.high * 10, unit="year", step=(q.step or 1.0) * 10)
    return q


def _pieces(sentence: Sentence) -> list[tuple[int, int]]:
    """Spans of a unit that rules read separately: a table row's cells (never joined: "368 365"), else all of it."""
    if sentence.block == "table_row":
        return structure.row_cells(sentence.text)
    return [(0, len(sentence.text))]


def _structure_fields(sentence: Sentence, cells: list[tuple[int, int]], column: int) -> dict:
    """The structure a claim in cell `column` of a unit stands in: block, label, table row, event."""
    fields: dict = {"block": sentence.block, "label": sentence.label, "event": sentence.event}
    if sentence.block == "table_row" and len(cells) > 1:
        fields["row"] = sentence.text[cells[0][0] : cells[0][1]]
        header = sentence.headers[column] if column < len(sentence.headers) else ""
        # A two-column table without a header over its values is a fact sheet: the first cell labels the value.
        fields["label"] = header or (fields["row"] if len(cells) == 2 and column == 1 else None)
    return fields


def _in_column(spec: QuantitySpec, sentence: Sentence, column: int, row: str | None) -> QuantitySpec:
    """A bare figure of a table cell in the unit and scale its column's header gives ("Revenue (£m)": "734.9"),
    else its row's ("| CPI inflation (%) | 6.2 | 2.7 |": the columns are years), else its table's caption's;
    of a fact sheet line, in its label's ("Working days lost: 451,600")."""
    if spec.bare and sentence.block == "label" and sentence.label:
        given = _column_unit(sentence.label)  # a fact sheet line: "Working days lost: 451,600", "Area (km²): 1,912"
        return _given(spec, given) if given else spec
    if not spec.bare or sentence.block != "table_row":
        return spec
    given = _column_unit(sentence.headers[column]) if column < len(sentence.headers) else None
    if given is None and row and column > 0:
        given = _column_unit(row)
    if given is None and column > 0 and sentence.caption and not _counts_other(sentence.headers, column):
        given = _caption_unit(sentence.caption)  # "Table 1 ... (dollar amounts in millions)"
    return _given(spec, given) if given else spec


def _given(spec: QuantitySpec, given: tuple[str | None, float]) -> QuantitySpec:
    """A bare figure in the unit and scale a header or label gives it."""
    unit, scale = given
    return replace(spec, value=quantities.scaled(spec.value, scale), unit=unit, scale=spec.scale * scale, bare=False,
                   step=spec.step * scale if spec.step is not None else None)


_column_unit = lru_cache(maxsize=256)(quantities.column_unit)  # the same few headers, once per cell


def _counts_other(headers: tuple[str, ...], column: int) -> bool:
    """A column whose header names no amount ("Branches", "Capital ratio"): a caption's money is not its unit."""
    header = headers[column] if column < len(headers) else ""
    return any(w in NOT_AMOUNT_HEADER_WORDS for w in re.findall(r"[a-z]+", header.lower()))


_caption_unit = lru_cache(maxsize=64)(quantities.caption_unit)


def _rule(cand: Candidate, piece: str, quote: str, cells: int) -> str:
    """The rule a claim is credited to: a row read cell by cell gives its bare figures to the table-cell rule."""
    if cand.rule == "quantity" and cells > 1 and not piece.strip(" \t*+").replace(quote.lstrip("+"), "", 1):
        return "table-cell"
    return cand.rule


# A claim carries its whole sentence up to this many characters; of a longer one (a page with no full
# stops, a generated line), the stretch around its quote. Every later stage reads a claim's sentence,
# so this keeps their work per claim bounded and the output of a 100 KB line from repeating it per claim.
SENTENCE_LIMIT = 1000
# Claims read from one sentence at most; past this a sentence is a list of numbers, not prose.
MAX_CLAIMS_PER_SENTENCE = 100


def sentence_window(text: str, start: int, end: int, limit: int = SENTENCE_LIMIT) -> tuple[int, int]:
    """The span of `text` a claim at [start, end) keeps: all of it if short, else `limit` characters around it."""
    if len(text) <= limit:
        return 0, len(text)
    side = max(0, limit - (end - start)) // 2
    # Centred on the quote; near an end of the sentence, the window's other side takes what is left.
    lo = max(0, min(start - side, len(text) - limit))
    hi = min(len(text), max(end + side, lo + limit))
    # Cut between words when a space is near the cut (within a tenth of the window).
    space = text.find(" ", lo, min(start, lo + limit // 10))
    lo = space + 1 if lo > 0 and space >= 0 else lo
    space = text.rfind(" ", max(end, hi - limit // 10), hi)
    hi = space if hi < len(text) and space >= 0 else hi
    return lo, hi


_READ_FIRST = 4 * SENTENCE_LIMIT  # characters of a long sentence read at first, doubled until the cap is reached
_READ_MARGIN = 200  # hits this close to a cut are left for the next, longer read: the cut may split them


def hits(piece: str) -> list[Candidate]:
    """The claims of a piece of text in order: all of them, or of a very long piece at least the first cap's worth.

    Reading a 100 KB line of numbers whole costs seconds per claim cap for nothing; reading a prefix
    that doubles keeps the work in proportion to what is kept.
    """
    size = _READ_FIRST
    while len(piece) > size:
        cut = piece.rfind(" ", size // 2, size) + 1 or size
        prefix = piece[:cut]
        found = [c for c in join_ranges(chosen(prefix), prefix) if c.end <= cut - _READ_MARGIN]
        if len(found) > MAX_CLAIMS_PER_SENTENCE + 1:  # + 1: a listicle's count may be skipped
            return found
        size *= 2
    return join_ranges(chosen(piece), piece)


# A "by the numbers" item: a figure alone on its line (list number and heading marks aside), what it
# is told on the line below ("## 2,918 kilometres" over "That is the total she skied", "5. 31.5%" over
# "The share of smartphones ...").
_FIGURE_ALONE = patterns.compile(r"[\s#*>]*(?:\d{1,2}[.)][ \t]*)?[*_]*\Z")
_FIGURE_TAIL = patterns.compile(r"[*_.:\s]*\Z")
# The line below a figure that stands alone, or the rest of its own line: "10. $37.8bn. What it cost to build the sub".
_CAPTION = patterns.compile(r"[ \t]*(?:\n(?:[ \t]*\n)?[ \t]*)?(?=[A-Za-z\"'‘“(])[^\n]{1,300}")


def _caption_below(text: str, sentence: Sentence, start: int, end: int) -> int | None:
    """Where the line that tells a figure standing alone on its line ends (None if it does not stand alone)."""
    if not (_FIGURE_ALONE.fullmatch(sentence.text, 0, start) and _FIGURE_TAIL.fullmatch(sentence.text, end)):
        return None
    caption = _CAPTION.match(text, sentence.end)
    return caption.end() if caption else None


def extract_claims(source: Source, notes: list[str] | None = None) -> list[Claim]:
    """Every date and quantity claim in a source, in document order (warnings about it added to `notes`)."""
    text = source.text
    starts = line_starts(text)
    claims: list[Claim] = []
    spots = Hits(text)  # where a rule could match: one pass over the whole document
    # Only the units with a digit or a listed word: no rule can match in the others (most sentences of prose).
    units = segment(text, source.body_offset, source.published, source.title, keep=spots.may_match)
    years = year_anchors(source, units)
    for sentence in units:
        if sentence.block in SKIP_BLOCKS:
            # a dateline still gives later dates their year, a post's header the day it was written
            read_years(sentence.text, source.published, years, stamp=sentence.block == "chrome")
            continue
        listicle = (structure.LISTICLE.search(sentence.text) if sentence.block in _LISTICLE_BLOCKS
                    else structure.LISTICLE_IN_PROSE.search(sentence.text))
        cells = _pieces(sentence)
        read = 0
        for cell, (piece_start, piece_end) in enumerate(cells):
            if len(cells) > 1 and not spots.may_match(sentence.start + piece_start, sentence.start + piece_end):
                continue
            piece = sentence.text[piece_start:piece_end]
            for cand in hits(piece):
                at = piece_start + cand.start
                if listicle and cand.kind == "quantity" and at == listicle.start("count"):
                    continue  # "10 Key Facts": the count of a list, not a claim
                read += 1
                if read > MAX_CLAIMS_PER_SENTENCE:
                    break
                offset = sentence.start + at
                quote = text[offset : sentence.start + piece_start + cand.end]
                line, column = position(starts, offset)
                lo, hi = sentence_window(sentence.text, at, at + len(quote))
                said = sentence.text[lo:hi]
                # The record's too: a document reconciled against itself must read its lines alike (a
                # figure whose caption only the secondary side read shared no word with its own twin).
                if len(cells) == 1 and (below := _caption_below(text, sentence, at, at + len(quote))):
                    said = text[sentence.start + lo : below]  # "104°F" over "The peak temperature on the Nullarbor"
                fields = dict(
                    source=source.label, path=source.path, line=line, column=column, offset=offset,
                    sentence=said, sentence_index=sentence.index, sentence_start=sentence.start + lo,
                    quote=quote, kind=cand.kind, role=source.role, rule=_rule(cand, piece, quote, len(cells)),
                    **_structure_fields(sentence, cells, cell),
                )
                if cand.kind == "date":
                    value = _date_value(cand, piece, source.published, years, sentence.paragraph,
                                        alone=sentence.block != "table_row", heading=sentence.block == "heading")
                    claims.append(Claim(**fields, date=value))
                else:
                    claims.append(Claim(**fields, quantity=_quantity_value(_in_column(cand.spec, sentence, cell, fields.get("row")))))
            if read > MAX_CLAIMS_PER_SENTENCE:
                if notes is not None:
                    notes.append(f"warning: {source.path}:{position(starts, sentence.start)[0]}: more than "
                                 f"{MAX_CLAIMS_PER_SENTENCE} values in one sentence; only the first "
                                 f"{MAX_CLAIMS_PER_SENTENCE} are read")
                break
    return _in_page_scale(_in_page_currency(_shared_units(claims)))


_NO_NOUN = frozenset({None, "last", "next", "this", "that", "later", "earlier", "ago", "total", "overall"})  # "61.8bn last year"
# "bn" (and a decimal's "b"): finance's shorthand; "m" and "million" count people as often
_SCALED_QUOTE = patterns.compile(r"\d(?:[ ]?bn|(?<=\.\d)b|(?<=\.\d\d)b)\b", re.IGNORECASE)


# Between two numbers that share the second's unit: "18.5 by 11.2 metres", "260 × 185 m", "9 and 14 km".
_SHARING = patterns.compile(r"[ ]*(?:by|×|x|and|or)[ ]*", re.IGNORECASE)


def _shared_units(claims: list[Claim]) -> list[Claim]:
    """A bare number joined to the next, a measure, by "by", "×", "and" or "or" is in its unit: a size's two sides
    ("18.5 by 11.2 metres"), two moons "estimated at 9 and 14 km"."""
    out = list(claims)
    for k in range(len(out) - 2, -1, -1):  # backwards: "3, 4 and 5 m" would pass the unit along (not joined here)
        a, b = out[k], out[k + 1]
        if not (a.quantity and b.quantity and a.quantity.unit is None and a.quantity.noun is None
                and quantities.is_measure(b.quantity.unit) and a.sentence_start == b.sentence_start and a.path == b.path):
            continue
        gap = a.sentence[a.offset - a.sentence_start + len(a.quote) : b.offset - b.sentence_start]
        if _SHARING.fullmatch(gap) and a.quantity.low is None and b.quantity.low is None:
            out[k] = changed(a, quantity=changed(a.quantity, unit=b.quantity.unit))
    return out


# "1.2 degrees" with nothing after the word to say which scale; the words that make it a temperature (not
# an angle: "a 45 degrees slope").
_BARE_DEGREES = patterns.compile(r"[ ]?degrees?\b(?![ ]*(?:celsius|fahrenheit|centigrade|[CF]\b))", re.IGNORECASE)
_HEAT_CUES = TEMPERATURE_CUES - {"degrees", "high", "low", "night", "overnight"}
_SCALES = frozenset({"°C", "°F"})


def _in_page_scale(claims: list[Claim]) -> list[Claim]:
    """A reading in bare degrees ("the water at the bottom was 1.2 degrees", "topped 100 degrees") near a word of
    heat or cold, on a page whose other temperatures are all on one scale, is on that scale."""
    found = {c.quantity.unit for c in claims if c.quantity and c.quantity.unit in _SCALES}
    if len(found) != 1:
        return claims
    (scale,) = found
    out = []
    for c in claims:
        if c.quantity and c.quantity.unit is None and c.date is None:
            end = c.offset - c.sentence_start + len(c.quote)
            if _BARE_DEGREES.match(c.sentence, end) and quantities.nearest_cue(
                    c.sentence, end - len(c.quote), end, _HEAT_CUES) is not None:
                c = changed(c, quantity=changed(c.quantity, unit=scale))
        out.append(c)
    return out


def _in_page_currency(claims: list[Claim]) -> list[Claim]:
    """A bare "61.8bn" or "about 1.7bn" (a scaled amount counting nothing) on a page whose money is all in one
    currency, at least twice, is in that currency: a forum's "they took in 61.8bn last year" under euros."""
    found = Counter(c.quantity.unit for c in claims if c.quantity and c.quantity.unit in CURRENCY_UNITS)
    if len(found) != 1 or found.total() < 2:
        return claims
    (currency,) = found
    return [changed(c, quantity=changed(c.quantity, unit=currency))
            if c.quantity and c.quantity.unit is None and c.quantity.noun in _NO_NOUN and _SCALED_QUOTE.search(c.quote)
            else c for c in claims]
