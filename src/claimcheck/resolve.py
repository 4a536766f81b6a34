"""Stage 4: turn a parsed date expression into an interval, resolving relative ones against an anchor."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from .lexicon import EASTER_HOLIDAYS, FIXED_HOLIDAYS, SEASONS
from .models import DateValue, changed


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
    rel_unit: str | None = None  # year | month | week | day | weekday | week-day | year-day | month-day | year-week | month-week: shift from the anchor
    shift: int = 0
    days: int = 0  # year-day: days on from the day so many years back ("a year ago yesterday": -1)
    weekday: int | None = None
    needs_year: bool = False  # month/day/season with no year: placed nearest the anchor
    end_spec: DateSpec | None = None  # the far end of a range
    holiday: str | None = None  # a named day whose date depends on the year ("Easter Monday")
    from_context: bool = False  # counted from the date the document stated last ("four days earlier")
    narrative: bool = False  # "the following year": from the story's last date, else from the writing
    month_from_context: bool = False  # "it was the 8th": a day of the month the story is in (YearAnchors.month_for)

    @property
    def relative(self) -> bool:
        """Whether placing it needs an anchor date."""
        return self.rel_unit is not None or self.needs_year or self.year is None


def easter(year: int) -> dt.date:
    """Easter Sunday of a year (Gregorian computus, after Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(name: str, year: int) -> dt.date:
    """The day a holiday falls on in a year."""
    if name in FIXED_HOLIDAYS:
        return dt.date(year, *FIXED_HOLIDAYS[name])
    if name == "thanksgiving":  # the fourth Thursday of November (United States)
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    return easter(year) + dt.timedelta(days=EASTER_HOLIDAYS[name])


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
    if (part[0] % 1 == part[1] % 1 == 0 and start.day == 1 and start.month == end.month
            and end.day == calendar.monthrange(end.year, end.month)[1]):
        # A month: its dekads, days 1-10, 11-20 and 21 to the end, as weather services and our labels split it
        # ("late May" is 21-31 May, not a third of 31 days rounded to the 22nd).
        bounds = (1, 11, 21, end.day + 1)
        return start.replace(day=bounds[int(part[0])]), end.replace(day=bounds[int(part[1])] - 1)
    days = (end - start).days + 1
    first = int(round(days * part[0] / 3))
    last = max(first + 1, int(round(days * part[1] / 3)))
    return start + dt.timedelta(days=first), start + dt.timedelta(days=last - 1)


def _absolute(spec: DateSpec, year: int, month: int | None) -> tuple[dt.date, dt.date, str]:
    """Interval of a spec once its year (and month, if any) are known."""
    if spec.holiday:
        day = holiday_date(spec.holiday, year)
        return day, day, "day"
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


# How far back from the date a story stated last a yearless date may look and still be of its year:
# on the held-out corpora and batches 37-41, of the yearless dates that the context's year would put
# before the context (and the writing's year not after the writing), those within a month are of the
# context's year 8 times in 12, those further back of the writing's 71 times in 75.
FLASHBACK_DAYS = 31
# A yearless day or month that begins this soon after the anchor is the coming one, not last year's:
# "NATO mission ends October 31" in a page of 28 October; "the January meeting" in a page of 20 December.
UPCOMING_DAYS = 31


def _nearest_year(spec: DateSpec, anchor: dt.date, future: bool, past: bool = False) -> int:
    """Year that puts a yearless month/day/season on the anchor's side the sentence implies."""
    month = spec.month or (SEASONS[spec.season][0] if spec.season else anchor.month)
    day = spec.day or 1
    if spec.holiday:  # where the holiday falls in the anchor's year decides
        feast = holiday_date(spec.holiday, anchor.year)
        month, day = feast.month, feast.day
    key, here = (month, day), (anchor.month, anchor.day if spec.day or spec.holiday else 1)
    if spec.shift > 0:  # "next spring", "next March": the first one after the writing, whatever the tense
        return anchor.year + 1 if key <= here else anchor.year
    if future and spec.shift == 0:  # "last November" stays behind the writing whatever the tense
        return anchor.year + 1 if key < here else anchor.year
    if spec.season:  # "last spring": the latest season that has begun by the anchor
        return anchor.year if key <= (anchor.month, 31) else anchor.year - 1
    if spec.shift < 0:  # "last March" written in March is a year back; in April, a month back
        return anchor.year - 1 if key >= here else anchor.year
    if spec.shift == 0 and not past:
        for year in (anchor.year, anchor.year + 1):
            try:
                ahead = (dt.date(year, month, day) - anchor).days
            except ValueError:  # "29 February" in another year
                continue
            if 0 < ahead <= UPCOMING_DAYS:
                return year
    return anchor.year - 1 if key > here else anchor.year


def _weekday(spec: DateSpec, anchor: dt.date, future: bool) -> dt.date:
    """The weekday nearest the anchor in the direction the words imply."""
    delta = (anchor.weekday() - spec.weekday) % 7
    # The words beside the day outrank the sentence's tense: "pulled $1.9 billion over the next 72 hours,
    # and halted withdrawals last Friday" is the Friday before.
    if spec.shift > 0 or future and spec.shift == 0:
        ahead = (spec.weekday - anchor.weekday()) % 7
        return anchor + dt.timedelta(days=ahead or (7 if spec.shift > 0 else 0))
    if spec.shift < 0 and delta == 0:
        delta = 7
    return anchor - dt.timedelta(days=delta)


def _same_day_back(anchor: dt.date, rel_unit: str, shift: int) -> dt.date:
    """The anchor's day `shift` years ("year-day", "year-week") or months back or on; the month's last day
    where it has no such day (29 February, 31 April)."""
    if rel_unit.startswith("year"):
        return anchor.replace(year=anchor.year + shift, day=min(anchor.day, 28 if anchor.month == 2 else 31))
    year, month = _shift_month(anchor.year, anchor.month, shift)
    return dt.date(year, month, min(anchor.day, calendar.monthrange(year, month)[1]))


def place(spec: DateSpec, anchor: dt.date | None, future: bool = False,
          past: bool = False) -> tuple[dt.date, dt.date, str] | None:
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
    if spec.rel_unit in ("year-day", "month-day"):  # "twenty years ago today", "six months ago today"
        day = _same_day_back(anchor, spec.rel_unit, spec.shift) + dt.timedelta(days=spec.days)
        return day, day, "day"
    if spec.rel_unit in ("year-week", "month-week"):  # "four years ago this week": that day's week, Monday first
        day = _same_day_back(anchor, spec.rel_unit, spec.shift)
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6), "day"
    if spec.rel_unit == "day":
        day = anchor + dt.timedelta(days=spec.shift)
        return day, day, "day"
    if spec.rel_unit == "week":
        day = anchor + dt.timedelta(weeks=spec.shift)
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6), "day"
    if spec.rel_unit == "weekend":  # the Saturday and Sunday of the anchor's week, or of a week before or after
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=spec.shift)
        return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "day"
    if spec.rel_unit == "weekday":
        day = _weekday(spec, anchor, future)
        return day, day, "day"
    if spec.rel_unit == "week-day":  # "this Thursday": that day of the anchor's week (Monday first), or of
        # the week before or after it ("Tuesday of last week")
        day = anchor + dt.timedelta(days=spec.weekday - anchor.weekday() + 7 * spec.shift)
        return day, day, "day"
    return _absolute(spec, with_weekday(spec, _nearest_year(spec, anchor, future, past)), spec.month)


def _fits(spec: DateSpec, year: int) -> bool:
    """Whether a yearless day falls on its written weekday in `year`."""
    try:
        return dt.date(year, spec.month, spec.day).weekday() == spec.weekday
    except ValueError:  # "29 February" in another year
        return False


def _weekday_fits_writing(spec: DateSpec, context: dt.date, anchor: dt.date | None, future: bool, past: bool) -> bool:
    """A yearless day whose weekday fits the year the writing places it in and not the stated date's:
    "He flew in on Tuesday, August 6", written in August 2024 after "Born on March 4, 2001", is 2024."""
    if spec.weekday is None or anchor is None or not (spec.month and spec.day) or spec.rel_unit:
        return False
    return _fits(spec, _nearest_year(spec, anchor, future, past)) and not _fits(spec, _context_year(spec, context, future))


def with_weekday(spec: DateSpec, year: int) -> int:
    """The year nearest `year` in which a yearless day falls on the weekday written with it ("Sunday,
    August 1" is 2027, not 2020), or `year` when none is written or none of the six nearest fits."""
    if spec.weekday is None or spec.rel_unit or not (spec.month and spec.day):
        return year
    for offset in (0, -1, 1, -2, 2, -3, 3):
        try:
            if dt.date(year + offset, spec.month, spec.day).weekday() == spec.weekday:
                return year + offset
        except ValueError:  # "29 February" in another year
            continue
    return year


def _context_year(spec: DateSpec, context: dt.date, future: bool) -> int:
    """The year of a stated date, or the next one for a plan that falls earlier in the year than it."""
    if future and spec.month and (spec.month, spec.day or 31) < (context.month, context.day):
        return context.year + 1
    return context.year


def in_year_of(spec: DateSpec, context: dt.date, future: bool = False) -> DateSpec:
    """A yearless spec placed in the year of a date the document stated before it.

    "30 July 2004 ... on 7 August" is 2004; "will take effect on January 1" after 12 December 2015 is 2016.
    """
    year = _context_year(spec, context, future)
    end = spec.end_spec
    if end is not None and end.needs_year:
        end_year = year + 1 if (end.month or 0) < (spec.month or 0) else year
        end = replace(end, year=end_year, needs_year=False)
    return replace(spec, year=with_weekday(spec, year), needs_year=False, end_spec=end)


def resolve(
    spec: DateSpec,
    text: str,
    anchor: dt.date | None,
    future: bool = False,
    context: dt.date | None = None,
    past: bool = False,
    written: dt.date | None = None,
    reported: bool = False,
    near: bool = True,
) -> DateValue:
    """A DateValue for a spec: absolute, resolved against an anchor, or reported unresolved.

    `anchor` is the publication date, for expressions relative to the time of writing; `context` is
    the date the document stated that a yearless date takes its year from (see `YearAnchors`);
    `written`, a later day the page was still written on (a forum post's header), before which a past
    event placed by `context` may fall. `reported`: the future is one told in the past ("announced that
    the road would close on 21 March"), which counts from the story's date, not from the writing. `near`:
    `context` was stated in the same paragraph, whose story a yearless date goes on telling.
    """
    if spec.from_context or anchor is None and spec.rel_unit == "year" and context is not None:  # "four days earlier": counted from the date the document stated last
        anchor, context = context, None
    elif (context is not None and takes_document_year(spec) and context != anchor
          and not (future and not reported and anchor is not None and anchor > context)  # the future counts from the writing
          and not _weekday_fits_writing(spec, context, anchor, future, past)):
        value = resolve(in_year_of(spec, context, future), text, None)
        # Not where the story has moved on: a yearless date that the context's year would put more than a
        # month before a context stated in an earlier paragraph ("in November 2023 ..." then "regrooved the
        # runway in June", written in 2024) is of the year of the writing, where it has passed by then. Within
        # a month it looks back inside the same episode ("AUGUST 29, 2005 ... On August 28th, Katrina hit
        # Category 5"); in the context's own paragraph it goes on with its story ("sold in October 2019, and
        # on 25 July the board stood down").
        if (not near and anchor is not None and value.end is not None and context < anchor and not future
                and (context - value.end).days > FLASHBACK_DAYS):
            ahead = resolve(in_year_of(spec, anchor), text, None)
            if ahead.start is not None and ahead.start <= max(anchor, written or anchor):
                return changed(ahead, relative=True, resolved_from=anchor)
        # Nor where that puts a past event after the writing: "went in at No. 1 in April", written in
        # December after a mention of next January, is the April before, placed from the writing.
        if not (past and anchor is not None and value.start is not None and value.start > max(anchor, written or anchor)):
            return changed(value, relative=True, resolved_from=context)
    try:
        first = place(spec, anchor, future, past)
        last = place(spec.end_spec, anchor, future, past) if spec.end_spec else first
    except ValueError:  # "30 February": not a real day
        first = last = None
    except OverflowError:  # "tomorrow" on 9999-12-31: past the last date Python can hold
        first = last = None
    relative = spec.relative or bool(spec.end_spec and spec.end_spec.relative)
    if first is None or last is None:
        return DateValue(start=None, end=None, granularity=spec.granularity, text=text,
                         relative=relative, unresolved=True)
    start, end = min(first[0], last[0]), max(first[1], last[1])
    granularity = _coarser(first[2], last[2])
    return DateValue(start=start, end=end, granularity=granularity, text=text, relative=relative,
                     resolved_from=anchor if relative else None)


def uses_tense(spec: DateSpec) -> bool:
    """Whether `resolve` reads its `future` and `past` for a spec: only to place a relative or yearless date
    (or range end); a date written with its year is where it is whatever the tense."""
    return spec.relative or (spec.end_spec is not None and spec.end_spec.relative)


def takes_document_year(spec: DateSpec) -> bool:
    """A yearless day, month or season ("July 20", "in June"), not one counted from now ("last March")."""
    return spec.needs_year and not spec.rel_unit and spec.shift == 0


def states_year(spec: DateSpec) -> bool:
    """A date written with its year and at least its month: what a later yearless date may take its year from.

    A bare year is not enough: in "Resolution 1973" or "the worst since 1927" it names another thing or event.
    """
    if spec.rel_unit or spec.needs_year or spec.year is None or spec.decade or spec.century:
        return False
    return spec.month is not None or spec.season is not None


class YearAnchors:
    """The dates a document has stated with their year, in reading order: where "July 20" takes its year.

    Read every line in order, also lines that hold no claims (a dateline, a byline, a headline), with
    `note`; ask `context_for` before placing a yearless date. Headline, dateline and earlier
    paragraphs count, nearest first; days stated before that contain the date ("23-30 August 2005" for
    "29 August", "1 December 1990" for "1 December") win over a nearer date in another month (a
    month alone does not: "in August 2023" says nothing of a timeline's "7 August"). With nothing stated yet, a document with no
    publication date takes the first date it states later (`ahead()`, asked at most once).
    """

    def __init__(self, published: dt.date | None = None,
                 ahead: Callable[[], dt.date | None] | None = None) -> None:
        self.published = published
        self._ahead = ahead  # called once, if ever: most yearless dates have a stated date before them
        # start, end, whether stated to the day, where (paragraph, else sentence), and whether its year came
        # from a bare year of that paragraph (then it dates nothing outside it)
        self.stated: list[tuple[dt.date, dt.date, bool, object, bool]] = []
        self.last: tuple[dt.date, dt.date] | None = None  # the latest date of any kind: "two years later" counts on
        # The latest date stated to the day: "the next day" counts on from it, not from a year or a month
        # mentioned since ("back in about 1995. The Assembly declared an emergency the next day").
        self.last_day: tuple[dt.date, dt.date] | None = None
        # A bare year, where it stands (paragraph, else sentence) and how many dates were stated before it.
        self.local: tuple[object, dt.date, int] | None = None
        self.now: dt.date | None = None  # the year an undated page says it is written in ("earlier in 2022")
        # The day "Five years ago today" names, and how many dates were stated before it.
        self.anniversary: tuple[dt.date, int] | None = None
        self.written: dt.date | None = None  # the latest day a post's header gives after the publication date
        self.month: tuple[int, int] | None = None  # the month of the latest date within one month: "the 8th" is in it

    def note(self, spec: DateSpec, value: DateValue, where: object = None, now: bool = False,
             heading: bool = False) -> None:
        """Remember a placed date if it states its year (or took one from the document).

        A bare year counts only where it stands (`where`: its paragraph or sentence), until a date with
        a month follows: "In the drought of 2018, the level fell in September". `now`: the words before
        it make it the year of writing ("earlier in 2022"), for the relative years of an undated page.
        `heading`: the year stands alone on its line ("## 2024", a timeline's "2024"): the year of what
        follows, as a stated date is.
        """
        if value.start is None or value.end is None:
            return
        self.last = (value.start, value.end)
        if value.granularity == "day":
            self.last_day = self.last
        if value.granularity in ("day", "month") and (value.start.year, value.start.month) == (value.end.year, value.end.month):
            self.month = (value.start.year, value.start.month)
        if where is not None and bare_year(spec):
            self.local = (where, value.start, len(self.stated))
        if now and bare_year(spec):
            self.now = value.start
        # (Not a year still to come at the writing: "The 2025 northern quota deal, by the numbers", written in
        # December 2024, names the deal's season; its items' "December 7" is the talks' last night, just past.)
        if heading and bare_year(spec) and not (self.published and value.start.year > self.published.year):
            self.stated.append((value.start, value.end, True, where, False))  # carried on to later paragraphs, as a day is
        elif spec.rel_unit in ("year-day", "month-day", "year-week", "month-week"):  # "Five years ago this morning": the day an anniversary piece looks back to
            self.anniversary = (value.start, len(self.stated))
        elif states_year(spec) or (takes_document_year(spec) and value.resolved_from != self.published
                                   and not self._retold()):  # a date the anniversary placed: it still decides
            retold = self._retold() and _near_wake(self.anniversary[0], value.start, value.end)
            self.stated.append((value.start, value.end, value.granularity == "day", where,
                                not states_year(spec) and self._placed_locally(value, where)))
            if retold:  # "I followed her tracker in October 2023": the story retold goes on
                self.anniversary = (self.anniversary[0], len(self.stated))

    def month_for(self, spec: DateSpec, future: bool = False) -> DateSpec | None:
        """A day of the month with no month ("it was the 8th", "Thursday the 9th") placed in the month of the
        latest date stated, else of the writing (the month before for a past day later than the writing's,
        the month after for a day to come earlier than it);
        a weekday written with it moves it to the nearest month where that day is that weekday, or to that
        month a year either side (a one-year-on thread's "Monday the 15th"). None if there is no such month
        (or no date to go by)."""
        now = self.published
        if self._retold():  # an anniversary piece retelling its story: "it was the 16th they shut the airspace"
            year, month = self.anniversary[0].year, self.anniversary[0].month
        elif self.month is not None:
            year, month = self.month
        elif now is not None:
            year, month = now.year, now.month
            # The writing's month: a day still to come is in it only if the words look ahead, and a past day
            # later than the writing is the month before ("it was the 28th", written on the 3rd).
            if spec.weekday is None and spec.day > now.day and not future:
                year, month = _shift_month(year, month, -1)
            elif spec.weekday is None and spec.day < now.day and future:
                year, month = _shift_month(year, month, 1)
        else:
            return None
        for delta in (0, -1, 1, -12, 12) if spec.weekday is not None else (0,):
            y, m = _shift_month(year, month, delta)
            if spec.day <= calendar.monthrange(y, m)[1] and (
                    spec.weekday is None or dt.date(y, m, spec.day).weekday() == spec.weekday):
                return DateSpec("day", year=y, month=m, day=spec.day)
        return None

    def _placed_locally(self, value: DateValue, where: object) -> bool:
        """Whether a yearless date looks back from the story: it took its year from a bare year of its paragraph
        (or from a date that did) and falls before a day the document has already stated, other than the day
        it was published. "In 2023 the road carried 7,106 loads (30 January - 3 April)", in a page on 2024's
        season, dates no later paragraph's "13 March"; "The 2023 swim ... landed on 24 August", the story
        itself, dates the next one's "In September"."""
        anchor = value.resolved_from
        # Only a paragraph that states a bare year has such dates: most yearless dates stop here, before
        # any pass over the dates stated so far.
        if anchor is None or where is None or value.end is None or self.local is None or self.local[0] != where:
            return False
        if anchor != self.local[1] and not any(
                local and there == where and anchor in (start, end) for start, end, _, there, local in self.stated):
            return False
        # A later day of the story, not the page's own date (a byline's "27 February 2025" is no story).
        return any(day and not local and value.end < start != self.published for start, _, day, _, local in self.stated)

    def _retold(self) -> bool:
        """Whether an anniversary's day is the last date stated: the yearless dates near it retell its story."""
        return self.anniversary is not None and self.anniversary[1] == len(self.stated)

    def context_for(self, spec: DateSpec, where: object = None) -> tuple[dt.date | None, bool]:
        """The stated date a yearless `spec` takes its year from, or None (then `published` decides); and resolve's
        `near`, False only for a date carried on from a paragraph other than `where`, the asking one."""
        if spec.from_context:  # "four days earlier" counts back from the start, "a year later" on from the end
            if self.last is None:  # "the following year" with no date before it: the year after the writing
                return (self.published if spec.narrative else None), True
            start, end = self.last_day if spec.rel_unit == "day" and self.last_day is not None else self.last
            return (start if spec.shift < 0 else end), True
        if spec.rel_unit == "year" and self.published is None:
            return self.now, True  # an undated page that said "earlier in 2022": "early next year" is 2023
        if not takes_document_year(spec):
            return None, True
        if self.local is not None and where is not None and self.local[0] == where \
                and self.local[2] == len(self.stated):
            return self.local[1], True
        month, day = spec.month, spec.day
        if month is not None and self._retold():
            then = _in_wake(self.anniversary[0], month, day)
            if then is not None:
                return then, True
        if month is not None:
            for start, end, to_the_day, there, local in reversed(self.stated):
                if to_the_day and (not local or there == where) and start.year == end.year and _covers(start, end, month, day):
                    return start, True
        # A day carries its year on to later paragraphs (a dateline, a timeline's "30 July 2004"); a month or
        # season only within its own: "bought in September 2022" is no anchor for a later paragraph's "25 July".
        for _, end, to_the_day, there, local in reversed(self.stated):
            if to_the_day and not local or where is None or there == where:
                return end, where is not None and there == where
        if self.stated and self.published is None:
            return self.stated[-1][1], True
        if self.published is not None or self._ahead is None:
            return None, True
        ahead = self._ahead()
        self._ahead = lambda: ahead
        return ahead, True


# An anniversary piece's yearless dates from a week before the day it looks back to until four months
# after are the story it retells ("Five years ago this morning ... Sept. 19 - schools close"); later
# or earlier months are the year of writing ("In June the inquiry reported", a year on).
WAKE_BEFORE, WAKE_AFTER = dt.timedelta(days=7), dt.timedelta(days=120)


def _near_wake(day_then: dt.date, start: dt.date, end: dt.date) -> bool:
    """Whether a stated period overlaps the weeks an anniversary piece retells."""
    return end >= day_then - WAKE_BEFORE and start <= day_then + WAKE_AFTER


def _in_wake(day_then: dt.date, month: int, day: int | None) -> dt.date | None:
    """A date in the year of `day_then` (or the next) for a yearless month and day near after it, else None."""
    for year in (day_then.year, day_then.year + 1):
        last = calendar.monthrange(year, month)[1]
        first, final = dt.date(year, month, day or 1), dt.date(year, month, min(day or last, last))
        if _near_wake(day_then, first, final):
            return first
    return None


def bare_year(spec: DateSpec) -> bool:
    """A year and nothing finer or coarser: "2018", not "May 2018", "the 1990s" or "2004-11"."""
    return (spec.year is not None and spec.month is None and spec.season is None and not spec.rel_unit
            and not spec.decade and not spec.century and not spec.holiday and spec.end_spec is None
            and not spec.part)


def _covers(start: dt.date, end: dt.date, month: int, day: int | None) -> bool:
    """Whether a period within one year contains the month (and day) of a yearless date."""
    if day is None:
        return start.month <= month <= end.month
    return (start.month, start.day) <= (month, day) <= (end.month, end.day)


GRANULARITY_ORDER = ("day", "month", "season", "year", "decade", "century")


def _coarser(a: str, b: str) -> str:
    return max(a, b, key=GRANULARITY_ORDER.index)
