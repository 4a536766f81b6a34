"""Stage 4: turn a parsed date expression into an interval, resolving relative ones against an anchor."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

from .lexicon import SEASONS
from .models import DateValue


@dataclass(frozen=True)
class DateSpec:
    """What a date expression says, before it is placed on the calendar."""

    granularity: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: tuple[float, float] | None = None  # thirds of the period: (0, 1) is "early"
    season: str | None = None
    decade: bool = False
    century: bool = False
    rel_unit: str | None = None  # year | month | week | day | weekday: shift from the anchor
    shift: int = 0
    weekday: int | None = None
    needs_year: bool = False  # month/day/season with no year: placed nearest the anchor
    end_spec: DateSpec | None = None  # the far end of a range

    @property
    def relative(self) -> bool:
        """Whether placing it needs an anchor date."""
        return self.rel_unit is not None or self.needs_year or self.year is None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _part_of(start: dt.date, end: dt.date, part: tuple[float, float]) -> tuple[dt.date, dt.date]:
    """The sub-interval of [start, end] that "early", "mid" or "late" names; whole months for a year."""
    if (end - start).days > 400:  # a decade: split on whole years
        years = end.year - start.year + 1
        first = int(round(years * part[0] / 3))
        last = max(first + 1, int(round(years * part[1] / 3)))
        return dt.date(start.year + first, 1, 1), dt.date(start.year + last - 1, 12, 31)
    if (end - start).days > 40:  # a year: split on whole months
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        first = int(round(months * part[0] / 3))
        last = max(first + 1, int(round(months * part[1] / 3)))
        y0, m0 = _shift_month(start.year, start.month, first)
        y1, m1 = _shift_month(start.year, start.month, last - 1)
        return dt.date(y0, m0, 1), _month_end(y1, m1)
    days = (end - start).days + 1
    first = int(round(days * part[0] / 3))
    last = max(first + 1, int(round(days * part[1] / 3)))
    return start + dt.timedelta(days=first), start + dt.timedelta(days=last - 1)


def _absolute(spec: DateSpec, year: int, month: int | None) -> tuple[dt.date, dt.date, str]:
    """Interval of a spec once its year (and month, if any) are known."""
    if spec.century:
        start, end, gran = dt.date(year, 1, 1), dt.date(year + 99, 12, 31), "century"
    elif spec.decade:
        start, end, gran = dt.date(year, 1, 1), dt.date(year + 9, 12, 31), "decade"
    elif spec.season:
        first, last = SEASONS[spec.season]
        end_year = year + 1 if last < first else year
        return dt.date(year, first, 1), _month_end(end_year, last), "season"
    elif month and spec.day:
        day = dt.date(year, month, spec.day)
        return day, day, "day"
    elif month:
        start, end, gran = dt.date(year, month, 1), _month_end(year, month), "month"
    else:
        start, end, gran = dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if spec.part:
        start, end = _part_of(start, end, spec.part)
        gran = "month" if gran in ("year", "month") else gran
    return start, end, gran


def _nearest_year(spec: DateSpec, anchor: dt.date, future: bool) -> int:
    """Year that puts a yearless month/day/season on the anchor's side the sentence implies."""
    month = spec.month or (SEASONS[spec.season][0] if spec.season else anchor.month)
    day = spec.day or 1
    key, here = (month, day), (anchor.month, anchor.day if spec.day else 1)
    if future:
        return anchor.year + 1 if key < here else anchor.year
    if spec.season:  # "last spring": the latest season that has begun by the anchor
        return anchor.year if key <= (anchor.month, 31) else anchor.year - 1
    return anchor.year - 1 if key > here else anchor.year


def _weekday(spec: DateSpec, anchor: dt.date, future: bool) -> dt.date:
    """The weekday nearest the anchor in the direction the words imply."""
    delta = (anchor.weekday() - spec.weekday) % 7
    if spec.shift > 0 or future:
        ahead = (spec.weekday - anchor.weekday()) % 7
        return anchor + dt.timedelta(days=ahead or (7 if spec.shift > 0 else 0))
    if spec.shift < 0 and delta == 0:
        delta = 7
    return anchor - dt.timedelta(days=delta)


def place(spec: DateSpec, anchor: dt.date | None, future: bool = False) -> tuple[dt.date, dt.date, str] | None:
    """Start, end and granularity of a spec; None when it is relative and there is no anchor."""
    if spec.year is not None and not spec.rel_unit:
        return _absolute(spec, spec.year, spec.month)
    if anchor is None:
        return None
    if spec.rel_unit == "year":
        return _absolute(spec, anchor.year + spec.shift, spec.month)
    if spec.rel_unit == "decade":
        return _absolute(spec, anchor.year // 10 * 10 + 10 * spec.shift, None)
    if spec.rel_unit == "month":
        year, month = _shift_month(anchor.year, anchor.month, spec.shift)
        return _absolute(spec, year, month)
    if spec.rel_unit == "day":
        day = anchor + dt.timedelta(days=spec.shift)
        return day, day, "day"
    if spec.rel_unit == "week":
        day = anchor + dt.timedelta(weeks=spec.shift)
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6), "day"
    if spec.rel_unit == "weekday":
        day = _weekday(spec, anchor, future)
        return day, day, "day"
    return _absolute(spec, _nearest_year(spec, anchor, future), spec.month)


def resolve(
    spec: DateSpec,
    text: str,
    anchor: dt.date | None,
    future: bool = False,
    context: dt.date | None = None,
) -> DateValue:
    """A DateValue for a spec: absolute, resolved against an anchor, or reported unresolved."""
    if spec.needs_year and not spec.rel_unit and context is not None:
        # A yearless "7 August" after "30 July 2004" in the same paragraph belongs to that year.
        in_context = replace(spec, year=context.year, needs_year=False)
        return resolve(in_context, text, None).model_copy(update={"relative": True, "resolved_from": context})
    try:
        first = place(spec, anchor, future)
        last = place(spec.end_spec, anchor, future) if spec.end_spec else first
    except ValueError:  # "30 February": not a real day
        first = last = None
    relative = spec.relative or bool(spec.end_spec and spec.end_spec.relative)
    if first is None or last is None:
        return DateValue(start=None, end=None, granularity=spec.granularity, text=text,
                         relative=relative, unresolved=True)
    start, end = min(first[0], last[0]), max(first[1], last[1])
    granularity = _coarser(first[2], last[2])
    return DateValue(start=start, end=end, granularity=granularity, text=text, relative=relative,
                     resolved_from=anchor if relative else None)


GRANULARITY_ORDER = ("day", "month", "season", "year", "decade", "century")


def _coarser(a: str, b: str) -> str:
    return max(a, b, key=GRANULARITY_ORDER.index)
