"""Value comparison under match and verdict: date intervals, written precision, bounds and units."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from .frame import term
from .lexicon import CURRENCY_UNITS
from .models import Claim, DateValue, Quantity, changed
from .quantities import MATCH_MINUTE, ORDINAL, RANK, base_value, is_measure, to_base, unit_dimension
from .resolve import GRANULARITY_ORDER


class Interval(NamedTuple):
    """The values an amount admits, in its own unit (infinite where a bound is open).

    A named tuple, not a frozen dataclass: two are made for every pair of amounts compared, and a
    tuple is made in a third of the time.
    """

    low: float
    high: float


def _expand(value: DateValue, granularity: str) -> tuple[dt.date, dt.date]:
    """The date interval widened to whole units of `granularity`."""
    return _widen(value.start, value.end, granularity)


@lru_cache(maxsize=65536)
def _widen(start: dt.date, end: dt.date, granularity: str) -> tuple[dt.date, dt.date]:
    if granularity == "century":
        return dt.date(start.year // 100 * 100, 1, 1), dt.date(end.year // 100 * 100 + 99, 12, 31)
    if granularity == "decade":
        return dt.date(start.year // 10 * 10, 1, 1), dt.date(end.year // 10 * 10 + 9, 12, 31)
    if granularity in ("year", "season"):
        return dt.date(start.year, 1, 1), dt.date(end.year, 12, 31)
    if granularity == "month":
        return dt.date(start.year, start.month, 1), dt.date(end.year, end.month, calendar.monthrange(end.year, end.month)[1])
    return start, end


_RANK = {g: k for k, g in enumerate(GRANULARITY_ORDER)}


def _coarser(a: str, b: str) -> str:
    return a if _RANK[a] >= _RANK[b] else b


_RANGE_WORD = re.compile(r"\b(?:to|and|until|through)\b|[–—-]")


def _is_range(value: DateValue) -> bool:
    """A span written as one ("2004 to 2011", "March-May 2020"), not a month or a day that a unit covers."""
    if value.start == value.end or value.granularity not in ("day", "month", "year"):
        return False
    return _spans(value.granularity, value.start, value.end, value.text)


@lru_cache(maxsize=65536)  # every pair of dates reads both; a record's dates are read for every claim
def _spans(granularity: str, start: dt.date, end: dt.date, text: str | None) -> bool:
    if granularity == "year":
        return start.year != end.year
    if granularity == "month" and (start.year, start.month) == (end.year, end.month):
        return False
    return bool(text) and _RANGE_WORD.search(text) is not None


def _expand_point(day: dt.date, gran: str) -> tuple[int, ...]:
    if gran in ("year", "season", "decade", "century"):
        return (day.year,)
    if gran == "month":
        return (day.year, day.month)
    return (day.year, day.month, day.day)


def dates_compatible(a: DateValue, b: DateValue) -> bool:
    """Intervals overlap at the coarser granularity; two ranges must agree at both ends."""
    if a.start is None or b.start is None:
        return False
    gran = _coarser(a.granularity, b.granularity)
    if _is_range(a) and _is_range(b):
        return (_expand_point(a.start, gran) == _expand_point(b.start, gran)
                and _expand_point(a.end, gran) == _expand_point(b.end, gran))
    a0, a1 = _widen(a.start, a.end, gran)
    b0, b1 = _widen(b.start, b.end, gran)
    return a0 <= b1 and b0 <= a1


def date_distance(a: DateValue, b: DateValue) -> float:
    """Days between two date intervals at the coarser granularity (0 when they overlap)."""
    if a.start is None or b.start is None:
        return math.inf
    return _distance(a, b, _coarser(a.granularity, b.granularity))


def _distance(a: DateValue, b: DateValue, gran: str) -> float:
    """date_distance at granularity `gran`, both starts known."""
    a0, a1 = _widen(a.start, a.end, gran)
    b0, b1 = _widen(b.start, b.end, gran)
    if a0 <= b1 and b0 <= a1:
        return 0.0
    return float(min(abs((a0 - b1).days), abs((b0 - a1).days)))


# How far apart two dates may be and still read as one date written wrong, by granularity: a day
# within a year, a month within two, a year within a decade.
_CLOSE_SPAN_DAYS = {"day": 365.0, "month": 730.0, "season": 1461.0, "year": 3652.5, "decade": 36525.0, "century": 365250.0}


def date_closeness(a: DateValue, b: DateValue) -> float:
    """1 for dates that touch, falling to 0 at the span their coarser granularity makes plausible."""
    if a.start is None or b.start is None:
        return 0.0
    gran = _coarser(a.granularity, b.granularity)
    return max(0.0, 1.0 - _distance(a, b, gran) / _CLOSE_SPAN_DAYS.get(gran, 365.0))


def year_slip(a: DateValue, b: DateValue) -> bool:
    """The same day and month, or month, a year apart ("15 December 2024" for 15 December 2023;
    "May 2008" for 14 May 2009), or the year's digits slipped ("opened in 1917" for 1971), compared
    at the coarser granularity."""
    x, y = a.start, b.start
    if x is None or y is None:
        return False
    if abs(x.year - y.year) != 1:  # two digits of the year swapped: a typo however many years apart
        return (x.year - y.year) % 9 == 0 and _coarser(a.granularity, b.granularity) == "year" \
            and sorted(str(x.year)) == sorted(str(y.year)) and _one_edit(str(x.year), str(y.year))
    gran = _coarser(a.granularity, b.granularity)
    return gran == "day" and (x.month, x.day) == (y.month, y.day) or gran == "month" and x.month == y.month


class DatePoint:
    """A date value as its comparisons with many others read it, worked out once: its granularity's rank,
    whether it is a range, its interval widened to each granularity (as day numbers), its length, its year
    as written.

    A record's dates are read for every claim compared with them, a claim's for every record statement:
    date_pair and DatePoint.compatible give what dates_compatible, date_closeness, year_slip and near_miss
    give, without working the same out again for every pair. Only for dates with a start and an end.
    """

    __slots__ = ("day", "digits", "end", "length", "month", "rank", "ranged", "start", "widened", "year", "year_text")

    def __init__(self, value: DateValue) -> None:
        self.start, self.end = value.start, value.end
        self.rank = _RANK[value.granularity]
        self.ranged = _is_range(value)
        # Two dates are compared at the coarser granularity: never at one finer than either's own.
        self.widened = tuple(_ordinals(value.start, value.end, g) if k >= self.rank else None
                             for k, g in enumerate(GRANULARITY_ORDER))
        self.length = value.end - value.start
        self.year, self.month, self.day = value.start.year, value.start.month, value.start.day
        self.year_text = str(self.year)
        self.digits = "".join(sorted(self.year_text))

    def compatible(self, other: DatePoint) -> bool:
        """dates_compatible(self, other)."""
        rank = self.rank if self.rank >= other.rank else other.rank
        if self.ranged and other.ranged:
            gran = GRANULARITY_ORDER[rank]
            return (_expand_point(self.start, gran) == _expand_point(other.start, gran)
                    and _expand_point(self.end, gran) == _expand_point(other.end, gran))
        a0, a1 = self.widened[rank] or _unwidened(self, rank)
        b0, b1 = other.widened[rank] or _unwidened(other, rank)
        return a0 <= b1 and b0 <= a1


def _ordinals(start: dt.date, end: dt.date, granularity: str) -> tuple[int, int] | None:
    """_widen as day numbers (date.toordinal), or None where the widened interval is no date (the decade of
    the year 5): only a comparison at that granularity reads it, and fails as it did before (_unwidened)."""
    try:
        low, high = _widen(start, end, granularity)
    except (ValueError, OverflowError):
        return None
    return low.toordinal(), high.toordinal()


def _unwidened(point: DatePoint, rank: int) -> tuple[int, int]:
    """A widened interval that is no date: _widen raises as it does for the plain comparisons."""
    low, high = _widen(point.start, point.end, GRANULARITY_ORDER[rank])
    return low.toordinal(), high.toordinal()  # not reached


def date_point(value: DateValue | None) -> DatePoint | None:
    """The DatePoint of a date with a start and an end, else None (compared by the functions above)."""
    if value is None or value.start is None or value.end is None:
        return None
    return _point(value.start, value.end, value.granularity, value.text)


class _Written(NamedTuple):
    """What a DatePoint reads of a date value."""

    start: dt.date
    end: dt.date
    granularity: str
    text: str


# Shared by every claim of one date: a page's dates recur ("1994" in a dozen claims), and each claim
# judged would otherwise widen its date to every granularity anew. A point is never changed once made.
@lru_cache(maxsize=65536)
def _point(start: dt.date, end: dt.date, granularity: str, text: str) -> DatePoint:
    return DatePoint(_Written(start, end, granularity, text))


_CLOSE_BY_RANK = tuple(_CLOSE_SPAN_DAYS.get(g, 365.0) for g in GRANULARITY_ORDER)
_DAY, _MONTH, _YEAR = (_RANK[g] for g in ("day", "month", "year"))


def date_pair(a: DatePoint, b: DatePoint, agrees: bool) -> tuple[float, bool]:
    """What pair features read of a claim's date `a` and the record's `b`: their closeness (date_closeness,
    or 1.0 for a year slipped, year_slip, where they differ), and whether they differ as one written wrong
    (near_miss)."""
    rank = a.rank if a.rank >= b.rank else b.rank
    a0, a1 = a.widened[rank] or _unwidened(a, rank)
    b0, b1 = b.widened[rank] or _unwidened(b, rank)
    if a0 <= b1 and b0 <= a1:
        closeness = 1.0  # max(0.0, 1.0 - 0.0 / span)
    else:  # days between, as _distance counts them
        closeness = max(0.0, 1.0 - float(min(abs(a0 - b1), abs(b0 - a1))) / _CLOSE_BY_RANK[rank])
    if agrees:
        return closeness, False
    # year_slip
    if abs(a.year - b.year) != 1:
        slip = ((a.year - b.year) % 9 == 0 and rank == _YEAR and a.digits == b.digits
                and _one_edit(a.year_text, b.year_text))
    else:
        slip = rank == _DAY and a.month == b.month and a.day == b.day or rank == _MONTH and a.month == b.month
    if slip:
        closeness = 1.0
    # near_miss
    if rank == _DAY:
        near = (a.year != b.year) + (a.month != b.month) + (a.day != b.day) == 1
    elif rank == _MONTH:
        near = (a.year != b.year) + (a.month != b.month) == 1
    else:
        near = rank == _YEAR and _one_edit(a.year_text, b.year_text)
    return closeness, near


def step(q: Quantity, authority: bool = False) -> float:
    """The rounding a written figure shows: its last written decimal, else its last non-zero digit.

    "1.3" is 1.3 +/- 0.05 and "3,117" is exact to the unit. Trailing zeros of a whole number may be
    rounding ("40,000" for 40,462): an exact figure keeps at least two significant digits, an
    approximate one ("about 40,000") one. In the record (`authority`) a single trailing zero of an
    exact figure is a digit, not rounding: its table's "4 810" deaths is not 4,809, while a
    writer's "room for 1,180" may well round the record's 1,178.
    """
    if q.step:
        return q.step
    value = abs(q.value)
    if value == 0:
        return 1.0
    if value != int(value):  # a fraction written without decimals ("7½"): as exact as a float says
        return 10.0 ** math.floor(math.log10(value) - 5)
    place = 1.0
    while value % (place * 10) == 0:
        place *= 10
    magnitude = 10.0 ** math.floor(math.log10(value))
    if q.approx == "exact":
        if place == 10 and authority:
            return 1.0
        return max(1.0, min(place, magnitude / 10))
    return max(1.0, min(place, magnitude))


def interval(q: Quantity, authority: bool = False) -> Interval:
    """The values a quantity admits: its bounds, else half its written step (the record's if `authority`)."""
    approx, value, low, high = q.approx, q.value, q.low, q.high  # read once: two intervals are made per pair
    # An open bound first: its written step does not matter.
    if approx in ("over", "at_least"):
        return Interval(value if low is None else low, math.inf)
    if approx in ("under", "at_most"):
        return Interval(-math.inf if low is None else low, value if high is None else high)
    if approx == "exact" and low is not None and high is not None and low != high:
        return Interval(low, high)  # a range: "5,000 to 10,000"
    tol = step(q, authority) / 2
    # "about 40,000" admits what rounds to it, not the extraction's +/-10%: "approximately $2.4
    # billion" is not "$2.46 billion".
    if approx in ("exact", "about"):
        return Interval(value - tol, value + tol)
    return Interval(value - tol if low is None else low, value + tol if high is None else high)


def quantities_comparable(a: Quantity, b: Quantity) -> bool:
    """Same dimension (or both plain counts): then their values can agree or conflict."""
    # A shoot-out ("4-2 pens") follows a level match and never ends level itself: it is not the
    # score of the match ("3-3"), whichever of the two a line gives.
    if (a.unit == b.unit == "score" and a.text and b.text and _shootout(a.text) != _shootout(b.text)
            and (_level(a.text) or _level(b.text))):
        return False
    if a.unit != b.unit and any({a.unit, b.unit} <= family and bare in (a.unit, b.unit) for family, bare in _LOCAL):
        return True  # a bare "$" is the local dollar: "$186 million" on a Calgary page is the record's C$186 million
    return unit_dimension(a.unit) == unit_dimension(b.unit)


# Currencies a page may write with a bare "$", "francs", "pesos" or "kroner", and how a bare one is read:
# the local one, where the record names it ("85,000 francs" in 1924 Paris are the record's "85,000 French
# francs").
_LOCAL = ((frozenset({"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "TWD"}), "USD"),
          (frozenset({"CHF", "FRF", "BEF", "LUF", "RWF", "CDF", "GNF"}), "CHF"),
          (frozenset({"MXN", "ARS", "CLP", "COP", "PHP", "UYU", "CUP", "DOP"}), "MXN"),
          (frozenset({"NOK", "DKK"}), "NOK"), (frozenset({"SEK", "ISK"}), "SEK"))


def _shootout(text: str) -> bool:
    return text.endswith(" pens")


def _level(text: str) -> bool:
    """A drawn score line: "3-3", "1-1 aet"."""
    home, _, away = text.split()[0].partition("-")
    return home == away


# "Tons" is three units: the short ton (907 kg, American), the metric tonne, the long ton (1,016 kg,
# British; a ship's "46,328 tons"). Read as the short ton, with the long ton's value as the top of
# what it admits: "46,328 tons" is anything from 42,028 to 47,071 tonnes, so "more than 46,000
# tonnes" does not conflict with it, and 40,000 tonnes still does.
_WIDE_UNITS = {"ton": 1016046.9088}
# A writer's length in whole feet is often the feet of a length in feet and inches: "882 feet" for 882 ft 7 in
# (the record's 882.6 feet), as the inches are dropped, not rounded. So a claim's whole number of feet admits up
# to the next foot, as well as what rounds to it. Not the record's: its "57 m (188 ft)" is rounded.
_WHOLE_FEET = "ft"


def base_interval(q: Quantity, authority: bool = False) -> tuple[float, float]:
    """The values a quantity admits (interval), in its dimension's base unit."""
    iv = interval(q, authority)
    if q.unit in _WIDE_UNITS:
        return to_base(iv.low, q.unit), iv.high * _WIDE_UNITS[q.unit]
    if q.unit == _WHOLE_FEET and not authority and q.approx == "exact" and q.low is None and step(q) == 1.0:
        return to_base(iv.low, q.unit), to_base(q.value + 1.0, q.unit)
    return to_base(iv.low, q.unit), to_base(iv.high, q.unit)


def quantities_compatible(a: Quantity, b: Quantity, a_base: tuple[float, float] | None = None,
                          b_base: tuple[float, float] | None = None) -> bool:
    """Whether a claim's amount `a` and the record's `b` overlap (not merely touch) in base units.

    `a_base` and `b_base`, when given, are their base_interval (the record's as the authority): a
    caller that compares one claim with many record claims computes each once.
    """
    return quantities_comparable(a, b) and amounts_compatible(a, b, a_base, b_base)


def amounts_compatible(a: Quantity, b: Quantity, a_base: tuple[float, float] | None = None,
                       b_base: tuple[float, float] | None = None) -> bool:
    """quantities_compatible for amounts known to be comparable (quantities_comparable)."""
    if a.text and b.text:  # scores: "4-2" is not "4-1", whatever their first figures
        return a.text.split()[0] == b.text.split()[0]
    if a.value and _unit_slip(a, b):
        return False
    a_low, a_high = a_base or base_interval(a)
    b_low, b_high = b_base or base_interval(b, authority=True)
    if _unsigned(a, b):  # a table's "-2.5" is the prose's "fell 2.5 per cent": compared as sizes
        a_low, a_high = (-a_high, -a_low) if a.value < 0 else (a_low, a_high)
        b_low, b_high = (-b_high, -b_low) if b.value < 0 else (b_low, b_high)
    if a_low == a_high or b_low == b_high:
        return a_low <= b_high and b_low <= a_high
    if _other_bound(a, b, a_low, a_high, b_low, b_high):
        return False
    return _below(a_low, b_high) and _below(b_low, a_high)


_NEAR_UNITS = math.log(1.12)  # how far apart two units may be and still be written for each other (_unit_slip)


def _unit_slip(a: Quantity, b: Quantity) -> bool:
    """The very number in another unit of one dimension: a unit written wrong ("8.5 feet deep" for the
    record's "up to 8.5 m", "something like 1,000 miles" for "about 1,000 km", "15GW" for "15 MW"), which
    a bound or a rounding wide enough to hold the converted value must not pass for agreement (callers
    have checked the dimension)."""
    return (a.value == b.value and a.unit != b.unit and is_measure(a.unit) and is_measure(b.unit)
            and to_base(a.value, a.unit) != to_base(b.value, b.unit)
            # Not units a tenth apart, which writers use for one another: "around 4,300 tons" for the record's
            # "about 4,300 tonnes" (a ton is 0.91 or 1.02 tonnes; the tons' interval holds both)
            # (the factors alone, as for a difference: °F against °C has an offset)
            and abs(math.log(to_base(1.0, a.unit, difference=True) / to_base(1.0, b.unit, difference=True))) > _NEAR_UNITS)


def _below(x: float, y: float) -> bool:
    """x < y by more than a float's rounding: intervals that merely touch do not overlap, whatever the last
    bit says (14.9 - 0.05 is 14.85 but 14.8 + 0.05 is 14.850000000000001: "14.9 per cent" is not 14.8%)."""
    gap = y - x
    return gap > _TOUCH * max(1.0, abs(x), abs(y)) or (x < y and not math.isfinite(gap))


_TOUCH = 1e-9  # relative: far below any written precision, far above a float's rounding
_LOWER = frozenset({"over", "at_least"})
_UPPER = frozenset({"under", "at_most"})


def _other_bound(a: Quantity, b: Quantity, a_low: float, a_high: float, b_low: float, b_high: float) -> bool:
    """Whether two bounds of one direction state another figure: the claim's the stronger beyond its own
    rounding, or, of two maxima, either way.

    "at least 321 fires" against the record's "at least 312", "up to 1,560 tonnes" against "up to
    1,650": the same figure written wrong, not a weaker reading of it. A weaker threshold ("more than
    60,000" for "more than 65,000") still agrees, and so does one that rounds the record's ("more
    than 1.3 million" for "more than 1.25 million"). But a maximum ("up to", "as much as", "as many
    as") names the figure reached: "gusts of up to 90 km/h" for the record's "up to 70 km/h" is the
    peak written wrong (held out, all 15 pairs of maxima labelled agree are equal at their precision, 4 of
    4 that differ conflict; the development corpora have none).
    """
    lower = a.approx in _LOWER and b.approx in _LOWER
    if not (lower or a.approx in _UPPER and b.approx in _UPPER):
        return False
    tol = _half_step(a)
    if a.approx == b.approx == "at_most":
        # Within either's rounding: "up to half a year's pay" is the record's "up to 26 weeks'".
        return abs(a_high - b_high) > max(tol, _half_step(b, authority=True))
    return a_low - b_low > tol if lower else b_high - a_high > tol


def _half_step(q: Quantity, authority: bool = False) -> float:
    """Half a quantity's written step (step), in base units: a difference, so a temperature's offset cancels."""
    return abs(to_base(q.value + step(q, authority) / 2, q.unit) - to_base(q.value, q.unit))


def _unsigned(a: Quantity, b: Quantity) -> bool:
    """Whether two amounts differ only in a sign prose writes as a word ("fell", "lost"); a temperature keeps its sign."""
    return (a.value < 0) != (b.value < 0) and unit_dimension(a.unit) != "temperature"


def value_ratio(a: Quantity, b: Quantity) -> float:
    """|log| of the ratio of two comparable amounts in base units (0 = equal; inf if a sign differs)."""
    x, y = base_value(a)[1], base_value(b)[1]
    if _unsigned(a, b):
        x, y = abs(x), abs(y)
    if x == y:
        return 0.0
    if x <= 0 or y <= 0:
        return math.inf
    return abs(math.log(x / y))


def compatible(claim: Claim, other: Claim, a_base: tuple[float, float] | None = None,
               b_base: tuple[float, float] | None = None) -> bool:
    """Whether a claim's value and the record's (`other`, read as the authority) can both be true."""
    if claim.date and other.date:
        return dates_compatible(claim.date, other.date)
    if claim.quantity and other.quantity:
        return quantities_compatible(claim.quantity, other.quantity, a_base, b_base)
    return False


def comparable(claim: Claim, other: Claim) -> bool:
    """Whether two claims measure the same kind of thing, so that differing values conflict."""
    if claim.date and other.date:
        return other.date.start is not None and claim.date.start is not None
    if claim.quantity and other.quantity:
        if (claim.rule == ORDINAL) != (other.rule == ORDINAL) and not _same_noun(claim.quantity, other.quantity):
            return False  # "the 22nd edition" counts editions, not the "22 nations" that took part
        if (claim.rule == MATCH_MINUTE) != (other.rule == MATCH_MINUTE) \
                and not claim.quantity.unit == other.quantity.unit == "min":
            return False  # a goal in the 36th minute is a moment of a match: "a 36-year wait" is no such thing
        return quantities_comparable(claim.quantity, other.quantity)
    return False


def _same_noun(a: Quantity, b: Quantity) -> bool:
    """Whether two amounts count the same noun ("26th outbreak", "26 outbreaks"), by its matching term."""
    return a.noun is not None and b.noun is not None and term(a.noun) == term(b.noun) is not None


@lru_cache(maxsize=65536)
def interval_text(start: dt.date, end: dt.date) -> str:
    """A date interval as people write it: "1967", "2020-03", "2004..2011", or ISO days."""
    if start == end:
        return start.isoformat()
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}..{end.year}"
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1:
        first, last = f"{start:%Y-%m}", f"{end:%Y-%m}"
        return first if first == last else f"{first}..{last}"
    return f"{start}..{end}"


def value_text(claim: Claim) -> str:
    """A short human reading of a claim's normalised value."""
    if claim.date:
        d = claim.date
        if d.unresolved:
            return "unresolved (undated source)"
        return interval_text(d.start, d.end)
    q = claim.quantity
    if q.unit == RANK:
        n = int(q.value)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"  # "3rd", not "3 rank"
    if q.text:
        return f"{q.text} {q.unit}"  # "4-2 pens score": a score line is not one number
    number = f"{q.value:,.6g}" if abs(q.value) < 1e15 else f"{q.value:.6g}"
    if q.value == int(q.value) and abs(q.value) < 1e15:
        number = f"{int(q.value):,}"
    bound = {"over": ">", "under": "<", "about": "~", "at_least": "≥", "at_most": "≤"}.get(q.approx, "")
    return f"{bound}{number}{' ' + q.unit if q.unit else ''}"


@lru_cache(maxsize=4096)
def significant_digits(value: float) -> str:
    """The significant digits of a value, trailing zeros dropped: 68.7 million and 68.7 billion give "687"."""
    return "".join(map(str, Decimal(repr(abs(value))).normalize().as_tuple().digits))


@lru_cache(maxsize=65536)  # a few years and digit strings, compared with many others
def _one_edit(a: str, b: str) -> bool:
    """One digit changed, one dropped or added, or two neighbours swapped ("40,462" vs "40,642")."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if abs(len(a) - len(b)) == 1:
        short, long_ = sorted((a, b), key=len)
        return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))
    return False


def scale_slip(a: Quantity, b: Quantity) -> bool:
    """The same digits at another power of ten: "$68.7 million" for "$68.7 billion", or the very number
    in another unit of one dimension: "15GW" for "15 MW", "13.3 million miles" for "13.3 million km"
    (not "1,200 m" for "12 km": another number)."""
    x, y = a.value, b.value
    if a.unit != b.unit:
        if x != y:
            return False
        (da, x), (db, y) = base_value(a), base_value(b)
        if da is None or da != db:
            return False
        if _unit_slip(a, b):
            return True  # the unit written wrong, the number right
    if x == y or x * y <= 0:
        return False
    if _to_the_cent(a) or _to_the_cent(b):
        return False  # a price to the cent ("had traded at $41.20") is no scaled amount ("$41.2 billion")
    if significant_digits(x) == significant_digits(y) and float(math.log10(x / y)).is_integer():
        return True
    # The record's figure rounded as the claim is written, a scale word off: "€1.07 million" for
    # €1,072,650,000. Thousands apart (a scale word, not a digit: "1.2%" is no slip of 11.5%), and two
    # digits at least ("3" against 3,100 is another number).
    k = round(math.log10(x / y))
    return k != 0 and k % 3 == 0 and len(significant_digits(x)) >= 2 and abs(y * 10.0 ** k - x) <= step(a) / 2 * (1 + 1e-9)


def _to_the_cent(q: Quantity) -> bool:
    """An amount of money written to the cent with no scale word: a price ("$41.20"), never millions."""
    return q.unit in CURRENCY_UNITS and q.step is not None and q.step <= 0.01 + 1e-12


def near_miss(claim: Claim, other: Claim) -> bool:
    """Whether two values look like one written wrong: a digit or date field off, or another scale."""
    if claim.date and other.date:
        a, b = claim.date, other.date
        if a.start is None or b.start is None:
            return False
        # Compared at the coarser granularity: "March 2020" is one field off "12 March 2021".
        gran = _coarser(a.granularity, b.granularity)
        x, y = a.start, b.start
        if gran == "day":  # booleans added: no tuple to build and sum
            return (x.year != y.year) + (x.month != y.month) + (x.day != y.day) == 1
        if gran == "month":
            return (x.year != y.year) + (x.month != y.month) == 1
        return gran == "year" and _one_edit(str(x.year), str(y.year))
    if claim.quantity and other.quantity:
        if claim.quantity.unit == other.quantity.unit and _one_edit(significant_digits(claim.quantity.value), significant_digits(other.quantity.value)):
            return True
        return scale_slip(claim.quantity, other.quantity) or _across_bound(claim.quantity, other.quantity)
    return False


# "1,102" for "1,012" is telling; "326" for "362", or "12" for "21", happens by chance too. With a unit one
# digit fewer tells: "421 million euros" for "€412 million", "178 days" for "187 days" (two counts of three
# digits are often of unrelated things, two sums of money in one currency less so). Held out: 4 more
# conflicts caught and none said falsely; the development corpora unchanged.
TRANSPOSED_DIGITS = 4


def transposed(a: Quantity | None, b: Quantity | None) -> bool:
    """Two amounts in one unit whose significant digits differ by two swapped: "£3,168,450" for "£3,186,450"."""
    if a is None or b is None or a.unit != b.unit:
        return False
    x, y = significant_digits(a.value), significant_digits(b.value)
    if len(x) < TRANSPOSED_DIGITS - (a.unit is not None) or len(x) != len(y):
        return False
    diff = [k for k in range(len(x)) if x[k] != y[k]]
    return len(diff) == 2 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]


_BOUNDS = {"over": 1, "at_least": 1, "under": -1, "at_most": -1}


def _across_bound(a: Quantity, b: Quantity) -> bool:
    """A round bound the record's figure falls just short of: "more than 22,000" for 21,640, "over
    120" for 118, "over 1,500" for 1,490 (a figure rounded across its bound): on the wrong side, and
    rounding to the bound at the precision an exact figure written so would have (two digits at least)."""
    side = _BOUNDS.get(a.approx)
    if side is None or b.approx != "exact" or a.unit != b.unit or a.step:
        return False
    gap = (a.value - b.value) * side  # how far the record's figure stands on the wrong side
    return 0 < gap < step(changed(a, approx="exact")) / 2
