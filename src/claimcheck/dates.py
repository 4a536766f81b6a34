"""Stage 3a: the grammar of date expressions, as rules with must-match and must-not-match examples."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import patterns
from .context import (
    DATE_PREFIXES,
    DESIGNATION_AFTER,
    at_sentence_start,
    is_identifier_context,
    is_name_word,
    word_after,
    word_before,
)
from .lexicon import (
    BARE_HOLIDAYS,
    COUNT_NOUNS,
    DATE_LEADS,
    DAY_ORDINALS,
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    MONTH_RE,
    MONTHS,
    NUMBER_WORDS,
    PARTS,
    STOPWORDS,
    STRONG_DATE_LEADS,
    UNITS,
    WEEKDAYS,
)
from .resolve import DateSpec
from .rules import Match, Rule

M = rf"(?P<month>{MONTH_RE})"
# The month names a forum writes in lower case before a day ("jan 9"): all but those that are words first.
_LOWER_MONTHS = "|".join(sorted((m for m in MONTHS if m not in ("may", "march", "mar")), key=len, reverse=True))
GLUED = r"(?:\b|(?<=[a-z]))"  # a month glued to an infobox label: "InitiatedJanuary 18, 2022"
COMMA_YEAR = r"(?:,[ \t]*|\s+)"  # "October 07,2016": pages drop the space after the comma
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[1-9]\d\d|20\d\d|21\d\d)(?![\d])"
PART = (
    r"(?P<part>(?i:(?:the\s+)?(?:very\s+)?(?:early|mid|late|end|beginning|start|middle|first\s+half|second\s+half)))"
    r"(?i:\s+of\s+(?:the\s+)?|-|\s+)"
)
COUNT_RE = (  # a count written in digits or words, up to ninety-nine
    r"\d{1,3}|an?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen"
)
REL = r"(?P<rel>(?i:last|this\s+past|this|next|(?:the\s+)?previous|(?:the\s+)?following|(?:the\s+)?coming))"
# PART and REL in a lean pattern (rules.Rule.lean): their groups, never matching. In an ASCII sentence
# without a "part" (or "relative") word they cannot match: each reads its word whole.
_NO_PART = r"(?P<part>(?!)\x00)"
_NO_REL = r"(?P<rel>(?!)\x00)"
# Hints (rules.Rule.hint): a part that every match of a rule contains, without the leading
# boundaries and optional words that make the rule itself try every position of a sentence.
_H_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_H_YEAR = r"(?:1[1-9]\d\d|20\d\d|21\d\d)(?!\d)"
_H_PART = r"(?i:early|mid|late|end|beginning|start|middle|half)(?i:\s+of\s+(?:the\s+)?|-|\s+)"  # PART's last word on
_H_REL = r"(?i:last|this|next|previous|following|coming)\s+"  # REL's last word on
_YEAR_NOT_AFTER = patterns.compile(r"[\w%]|[.,:/-]\d")
# Four digits before a time zone or a clock word are a time of day ("1110 UTC 29 August"), never a year.
_CLOCK_AFTER = patterns.compile(
    r"[ \t]*(?:UTC|GMT|BST|CET|CEST|EET|EEST|WET|IST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|AEST|AEDT|JST|MSK|Z|Zulu"
    r"|hours|hrs|h|(?i:local\s+time))\b"
)
# Words after which a bare month name is a month ("in July"), not a verb or a name ("The March on Rome").
MONTH_LEADS = frozenset(
    "in on since by until till from during of before after through throughout between early mid late "
    "last next this and or to".split()
)
_SHIFT = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "following": 1, "coming": 1}  # "this past March"


def _folded(text: str) -> str:
    """Lower case as a (?i:) pattern matched it, for looking words up: "ſtart" is "start", "firſt" "first"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _part(match: re.Match[str]) -> tuple[float, float] | None:
    raw = match.groupdict().get("part")
    if not raw:
        return None
    # Spaces first: "the\nmid-February" wraps across a line.
    words = re.sub(r"\s+", " ", _folded(raw)).replace("the ", "").replace("very ", "").strip()
    return PARTS[words]


def _month(match: re.Match[str]) -> int:
    return MONTHS[_folded(match.group("month")).rstrip(".")]


def _shift(raw: str) -> int:
    return _SHIFT[_folded(raw).split()[-1]]


def _narrative(raw: str) -> bool:
    """"the following year", "the previous March": counted from the story's last date, not from the writing."""
    return _folded(raw).split()[-1] in ("following", "previous")


def _counted(sentence: str, end: int) -> bool:
    """Whether a unit or a plural noun follows: then the number counts things."""
    nxt = word_after(sentence, end).lower()
    return bool(nxt) and (nxt in UNITS or nxt in COUNT_NOUNS
                          or (nxt.endswith("s") and nxt not in STOPWORDS and len(nxt) > 3))


_LISTED = patterns.compile(r"(\d+)[ \t]*(?:,[ \t]*)?(?:and|or|&)[ \t]+$", re.IGNORECASE)


def _listed_after_name(sentence: str, start: int) -> bool:
    """Whether the number at `start` follows "N and", where N is part of a name ("Resolutions 1970 and 1973")."""
    listed = _LISTED.search(sentence, max(0, start - 24), start)
    if not listed:
        return False
    first = listed.start(1)
    prev = word_before(sentence, first)
    return is_identifier_context(sentence, first) or (
        prev.lower() not in DATE_LEADS and is_name_word(sentence, first, prev, initial=True))


def _year_ok(sentence: str, start: int, end: int) -> bool:
    """Context test for a bare four-digit year: not an identifier, a count, or part of a number."""
    if _YEAR_NOT_AFTER.match(sentence, end) or is_identifier_context(sentence, start) or DESIGNATION_AFTER.match(sentence, end):
        return False
    if _CLOCK_AFTER.match(sentence, end):
        return False  # "at 1730 BST"
    if start and sentence[start - 1] in "$€£¥#.,/":
        return False
    prev = word_before(sentence, start)
    if prev.endswith("-") and prev[:-1].lower() in DATE_PREFIXES:
        return True  # "pre-2008 levels", "post-1945 order"
    if prev.lower() in ("and", "or", "&") and _listed_after_name(sentence, start):
        return False  # "Resolutions 1970 and 1973"
    if prev.lower() in ("and", "or", "&", "to") and _YEAR_BEFORE_JOINER.search(sentence, max(0, start - 24), start):
        return True  # "the 2020 and 2021 festivals": the second of two years, as the first is
    # A possessive names whose it is, not what the number designates: "Reddaway's 2017 ride", "Britain's 2019 election".
    # So does an article, capital or not: "A 1911 painting of a Paris street" is no name like "Windows 2000".
    lead = prev.lower() in DATE_LEADS or prev.lower() in ("a", "an") or prev.lower().rstrip(".") in MONTHS \
        or prev.endswith(("'s", "’s"))
    if not lead and is_name_word(sentence, start, prev, initial=True):
        return False  # "Resolution 1546", "Windows 2000"
    if prev.lower() not in STRONG_DATE_LEADS and _counted(sentence, end):
        return False  # "trained 1500 soldiers", "about 1500 people": a count, left to the quantity rules
    if prev.lower() == "the" and (sentence[end:end + 1] in ("", ",", ".") or word_after(sentence, end).lower() in _NOT_NAMED):
        return False  # "She won the 1500 two days after the 400": a race; a year after "the" names a thing ("the 2019 season")
    return True


_YEAR_BEFORE_JOINER = patterns.compile(r"\b(?:the|in|for|from|between)[ ]+(?:19|20)\d\d[ ]+(?:and|or|&|to)[ ]+\Z", re.IGNORECASE)
# Words that cannot follow a year that "the" leads ("the 2019 season", "the 1990 World Cup"): the number
# is then a thing of its own ("won the 1500 two days later", "in the 1500 she was fourth").
_NOT_NAMED = (STOPWORDS | frozenset(NUMBER_WORDS)) - {"and", "or", "to", "one"} | frozenset("she he they it we i you".split())


def _build_iso(m: re.Match[str], sentence: str) -> DateSpec | None:
    return DateSpec("day", year=int(m["year"]), month=int(m["month"]), day=int(m["day"]))


def _build_full(m: re.Match[str], sentence: str) -> DateSpec | None:
    day = int(m["day"])
    return DateSpec("day", year=int(m["year"]), month=_month(m), day=day) if 1 <= day <= 31 else None


def _build_month_day_range(m: re.Match[str], sentence: str) -> DateSpec | None:
    first, last, month, year = int(m["day"]), int(m["day2"]), _month(m), int(m["year"])
    if not 1 <= first < last <= 31:
        return None
    return DateSpec("day", year=year, month=month, day=first, end_spec=DateSpec("day", year=year, month=month, day=last))


def _build_month_day_to_day(m: re.Match[str], sentence: str) -> DateSpec | None:
    """"November 1 to 15, 2023", or without its year "Nov. 1 through 14" (placed as a yearless day is)."""
    if m["year"]:
        return _build_month_day_range(m, sentence)
    first, last, month = int(m["day"]), int(m["day2"]), _month(m)
    if not 1 <= first < last <= 31:
        return None
    return DateSpec("day", month=month, day=first, needs_year=True,
                    end_spec=DateSpec("day", month=month, day=last, needs_year=True))


def _build_month_year(m: re.Match[str], sentence: str) -> DateSpec | None:
    return DateSpec("month", year=int(m["year"]), month=_month(m), part=_part(m))


def _build_month_short_year(m: re.Match[str], sentence: str) -> DateSpec | None:
    return DateSpec("month", year=short_year(m["yy"]), month=_month(m))


def _build_part_year(m: re.Match[str], sentence: str) -> DateSpec | None:
    if _counted(sentence, m.end()) or is_identifier_context(sentence, m.start("year")):
        return None  # "the early 2000 metres of the climb"
    return DateSpec("month", year=int(m["year"]), part=_part(m))


# Heat in the decades of a thermometer, not of a century: "highs in the 80s", "temperatures in the low 90s".
_TEMPERATURE_WORDS = patterns.compile(r"\b(?:temperatures?|highs?|lows?|degrees|fahrenheit|heat|thermometer|°)", re.IGNORECASE)
_THE_BEFORE = patterns.compile(r"\bthe\s+\Z", re.IGNORECASE)


def _build_decade(m: re.Match[str], sentence: str) -> DateSpec | None:
    if m["bare"]:
        # "back in the 80s": a decade only after "the" ("80s" alone is eighty seconds), and not the heat's
        before = sentence[max(0, m.start() - 8) : m.start()]
        the = (m["part"] or "").lower().startswith("the") or _THE_BEFORE.search(before)
        if not the or _TEMPERATURE_WORDS.search(sentence):
            return None
        return DateSpec("decade", year=1900 + int(m["bare"]), decade=True, part=_part(m))
    if m["yy"]:
        yy = int(m["yy"])
        return DateSpec("decade", year=(1900 if yy >= 30 else 2000) + yy, decade=True, part=_part(m))
    year = int(m["year"])
    if year % 100 == 0 and year != 2000:
        return DateSpec("century", year=year, century=True, part=_part(m))  # "the 1800s": the century
    return DateSpec("decade", year=year, decade=True, part=_part(m))


_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}
ORDINAL_RE = "|".join(sorted(_ORDINALS, key=len, reverse=True))


def _ordinal(raw: str) -> int:
    raw = _folded(raw)
    return int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else _ORDINALS[raw]


def _build_century(m: re.Match[str], sentence: str) -> DateSpec | None:
    number = _ordinal(m["n"])
    if not 1 <= number <= 22:
        return None
    return DateSpec("century", year=(number - 1) * 100, century=True, part=_part(m))


def _build_quarter(m: re.Match[str], sentence: str) -> DateSpec | None:
    year = int(m["year"])
    if m["h"]:  # a half year: "H1 2026"
        first = 6 * int(m["h"]) - 5
        return DateSpec("month", year=year, month=first, end_spec=DateSpec("month", year=year, month=first + 5))
    quarter = int(m["q"]) if m["q"] else _ordinal(m["qw"])
    if not 1 <= quarter <= 4:
        return None
    first = 3 * quarter - 2
    return DateSpec("month", year=year, month=first, end_spec=DateSpec("month", year=year, month=first + 2))


def _build_fiscal(m: re.Match[str], sentence: str) -> DateSpec | None:
    year = int(m["year"]) if m["year"] else 2000 + int(m["yy"])
    return DateSpec("year", year=year)


# Two digits stand for this century up to this pivot, for the last one above it ("'97" is 1997, "'08" 2008).
SHORT_YEAR_PIVOT = 30


def short_year(yy: str) -> int:
    """The year two digits stand for: this century up to SHORT_YEAR_PIVOT, the last one above it."""
    return (2000 if int(yy) <= SHORT_YEAR_PIVOT else 1900) + int(yy)


def _build_short_year(m: re.Match[str], sentence: str) -> DateSpec | None:
    return DateSpec("year", year=short_year(m["yy"]))


def _build_season_year(m: re.Match[str], sentence: str) -> DateSpec | None:
    return DateSpec("season", year=int(m["year"]), season=_folded(m["season"]).replace("fall", "autumn"))


# The weekday a yearless date is written with ("Sunday, August 1", "Saturday 3 June"): it tells the year.
_WEEKDAY_BEFORE = patterns.compile(r"\b(?P<weekday>(?i:mon|tues|wednes|thurs|fri|satur|sun)day),?[ \t]+(?:the[ \t]+)?\Z")


def _weekday_before(sentence: str, start: int) -> int | None:
    """The weekday written right before a date, if any ("Sunday, August 1"), as 0 (Monday) to 6."""
    m = _WEEKDAY_BEFORE.search(sentence, max(0, start - 14), start)
    return WEEKDAYS[_folded(m["weekday"])] if m else None


def _build_day_month(m: re.Match[str], sentence: str) -> DateSpec | None:
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    return DateSpec("day", month=_month(m), day=day, needs_year=True, weekday=_weekday_before(sentence, m.start()))


def _build_month_day(m: re.Match[str], sentence: str) -> DateSpec | None:
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    if (_counted(sentence, m.end()) and word_before(sentence, m.start()).lower() not in ("on", "since", "until")
            and word_after(sentence, m.end()).lower() != "in"):  # "set for December 5 in Las Vegas": no inch
        return None  # "May 5 soldiers": a count after a name; but "On August 19 managers raised" is a date
    return DateSpec("day", month=_month(m), day=day, needs_year=True, weekday=_weekday_before(sentence, m.start()))


def _build_month_alone(m: re.Match[str], sentence: str) -> DateSpec | None:
    rel = m["rel"]
    if rel:
        shift = _shift(rel)
        if shift == 0:
            return DateSpec("month", month=_month(m), rel_unit="year", shift=0, part=_part(m))
        story = _narrative(rel)
        return DateSpec("month", month=_month(m), needs_year=True, part=_part(m), shift=shift, from_context=story,
                        narrative=story)
    prev = word_before(sentence, m.start())
    if not m["part"] and prev.lower() not in MONTH_LEADS and not _month_in_clause(m, sentence, prev) \
            and not _that_month(sentence, m.start(), prev):
        return None  # "May" alone could be a verb or a name; a preposition makes it a month
    listed = _LISTED_YEAR.match(sentence, m.end())
    if listed:  # "in February and April 2022": the list's year is the first month's too
        return DateSpec("month", year=int(listed["year"]), month=_month(m), part=_part(m))
    return DateSpec("month", month=_month(m), needs_year=True, part=_part(m))


def _that_month(sentence: str, start: int, prev: str) -> bool:
    """"That February 3,000 people marched", "in that July": the month of the story's year. Not "said
    that May would resign": "that" starts the sentence or follows a preposition."""
    if prev.lower() != "that":
        return False
    at = sentence.rfind(prev, 0, start)
    return prev == "That" and not sentence[:at].strip() or word_before(sentence, at).lower() in MONTH_LEADS


# A month listed before another that has its year: "February and April 2022", "March, May or June 2021".
_LIST_SEP = r"(?:[ ]*,[ ]*(?:(?:and|or|&)[ ]+)?|[ ]+(?:and|or|&)[ ]+)"
_LISTED_YEAR = patterns.compile(rf"(?:{_LIST_SEP}(?:{MONTH_RE})\.?){{0,3}}?{_LIST_SEP}(?:{MONTH_RE})\.?[ ]+{YEAR}")


# Determiners before a month used as an adjective: "her March offer", "the June meeting".
_ATTRIBUTIVE_LEADS = frozenset("the a an her his their its our my your whose".split())
# Words of a plan that may stand between such a determiner and the month: "its original March target", "a
# planned January launch", "the agency's initial September deadline".
_PLAN_ADJECTIVES = frozenset("original planned initial scheduled revised earlier previous expected provisional "
                             "targeted promised intended proposed".split())
_CLAUSE_END = patterns.compile(r"[ \t]*(?:[.,;:!?)]|$)")


def _month_in_clause(m: re.Match[str], sentence: str, prev: str) -> bool:
    """A bare month that is a month without a preposition: attributive, or ending a clause after a common word."""
    after = word_after(sentence, m.end())
    if not prev or (not prev[0].islower() and prev.lower() not in _ATTRIBUTIVE_LEADS):
        return False  # "Theresa May", "Prime Minister May": after a capital it names something
    if prev in _PLAN_ADJECTIVES:
        at = sentence.rfind(prev, 0, m.start())
        lead = word_before(sentence, at).lower()
        if lead in _ATTRIBUTIVE_LEADS or lead.endswith(("'s", "\u2019s")):
            prev = "the"  # "its original March target": the determiner's, read as below
    if prev.lower() in _ATTRIBUTIVE_LEADS:
        # "her March offer", not "the March on Rome" (a preposition: the march itself), "the May Day rally"
        # or "the May government" (a surname as often as a month)
        return bool(after) and after[0].islower() and after.lower() not in STOPWORDS and m["month"] != "May"
    # "due to the fact March.": a month closing a clause; not "May", also a surname ("voters backed May.")
    return m["month"].lower() != "may" and bool(_CLAUSE_END.match(sentence, m.end()))


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _build_month_rel_year(m: re.Match[str], sentence: str) -> DateSpec | None:
    month = _month(m)
    day = m["day"] or m["day2"]
    if day is None:
        return DateSpec("month", month=month, rel_unit="year", shift=_shift(m["rel"]), part=_part(m))
    if not 1 <= int(day) <= _MONTH_DAYS[month - 1]:
        return None
    return DateSpec("day", month=month, day=int(day), rel_unit="year", shift=_shift(m["rel"]))


def _build_part_rel_year(m: re.Match[str], sentence: str) -> DateSpec | None:
    return DateSpec("month", rel_unit="year", shift=_shift(m["rel"]), part=_part(m))


def _build_rel_period(m: re.Match[str], sentence: str) -> DateSpec | None:
    unit = _folded(m["unit"])
    shift = _shift(m["rel"])
    if unit == "weekend":
        return DateSpec("day", rel_unit="weekend", shift=shift)
    if unit in ("spring", "summer", "autumn", "fall", "winter"):
        season = "autumn" if unit == "fall" else unit
        if shift == 0:
            return DateSpec("season", season=season, rel_unit="year", shift=0)
        return DateSpec("season", season=season, needs_year=True, shift=shift)
    granularity = {"year": "year", "month": "month", "week": "day", "decade": "decade"}[unit]
    story = _narrative(m["rel"]) and unit in ("year", "month")
    return DateSpec(granularity, rel_unit=unit, shift=shift, decade=unit == "decade", from_context=story, narrative=story)


def _count(raw: str) -> int | None:
    """The number in "3", "a", "thirty", "twenty-five" or "twenty five"."""
    raw = _folded(raw)
    if raw.isdigit():
        return int(raw)
    if raw in ("a", "an"):
        return 1
    words = re.split(r"[\s-]+", raw)
    if not all(w in NUMBER_WORDS for w in words):
        return None
    return sum(NUMBER_WORDS[w] for w in words)


def _build_ago(m: re.Match[str], sentence: str) -> DateSpec | None:
    count = _count(m["n"])
    if count is None:
        return None
    unit = _folded(m["unit"])
    today = _folded(m["today"] or "")
    if today.endswith("week") and unit in ("year", "decade", "month"):  # "four years ago this week": that week
        return DateSpec("day", rel_unit="year-week" if unit != "month" else "month-week",
                        shift=-count * (10 if unit == "decade" else 1))
    if today.endswith("month") and unit in ("year", "decade"):  # "a year ago this month"
        return DateSpec("month", rel_unit="month", shift=-12 * count * (10 if unit == "decade" else 1))
    days = {"yesterday": -1, "tomorrow": 1}.get(today, 0)  # "a year ago yesterday": the day before
    if today and unit in ("year", "decade"):  # "twenty years ago today", "five years ago this morning": that very day
        return DateSpec("day", rel_unit="year-day", shift=-count * (10 if unit == "decade" else 1), days=days)
    if today and unit == "month" and not today.endswith("month"):  # "six months ago today": that very day
        return DateSpec("day", rel_unit="month-day", shift=-count, days=days)  # ("six months ago this month": that month)
    if today and unit == "week":  # "a week ago today": that very day, not some day of that week
        return DateSpec("day", rel_unit="day", shift=-7 * count)
    granularity = {"day": "day", "week": "day", "month": "month", "year": "year", "decade": "decade"}[unit]
    if unit == "decade":
        return DateSpec("year", rel_unit="year", shift=-10 * count)
    return DateSpec(granularity, rel_unit=unit, shift=-count)


def _build_deictic(m: re.Match[str], sentence: str) -> DateSpec | None:
    word = re.sub(r"\s+", " ", _folded(m["word"]))
    after = sentence[m.end() : m.end() + 1]
    if word == "today" and at_sentence_start(sentence, m.start()):
        return None  # "Today, the relationship continues", "Today the group employs": "nowadays", not a date
    if after in ("'", "’") and word in ("today", "tomorrow"):
        return None  # "today's world", "tomorrow's leaders"; "yesterday's vote" and "last night's game" are days
    shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1, "this morning": 0,
             "this afternoon": 0, "this evening": 0}[word]
    return DateSpec("day", rel_unit="day", shift=shift)


# Prepositions that make a weekday opening a sentence a date: "Since Tuesday, members have ...".
_DAY_PREPOSITIONS = frozenset("since until till by from before after".split())
# Words before a bare weekday that make it a kind of day, not a date ("every Monday", "Black Friday").
_NOT_A_DAY = frozenset(
    "every each a an one any that which same following previous black good super cyber ash easter shrove holy "
    "palm maundy bloody man girl".split()
)
# After a weekday: a date that says the same day ("Friday, October 28, 2011", "Sunday April 14th", "Wednesday (Oct 5)").
_PARTS_OF_DAY = frozenset("morning afternoon evening night".split())
# A number after it is that date's day only if a month or an ordinal goes with it, or it is written
# numerically: "on Monday, 11 months after work stopped" is a weekday and a duration.
_DATE_AFTER = patterns.compile(rf"[ \t]*,?[ \t]*\(?[ \t]*(?:the[ \t]+)?(?:{MONTH_RE}|\d{{1,2}}(?:st|nd|rd|th)\b"
                         rf"|\d{{1,2}}[ \t]+(?:of[ \t]+)?{MONTH_RE}|\d{{1,4}}[./-]\d)")


# Opening hours and schedules: "Open Tuesday to Sunday", "Monday–Friday" name no day.
_WEEKDAY_RANGE = patterns.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?[ \t]*(?:to|through|till|until|[-–])[ \t]*"
                            r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b", re.IGNORECASE)


def _build_weekday(m: re.Match[str], sentence: str) -> DateSpec | None:
    if _DATE_AFTER.match(sentence, m.end()):
        return None  # the date beside it is the claim
    if m["week"]:  # "Tuesday of last week": that day of the week before the writing's (Monday first)
        shift = {"last": -1, "this": 0, "next": 1}[_folded(m["week"])]
        return DateSpec("day", rel_unit="week-day", shift=shift, weekday=WEEKDAYS[_folded(m["weekday"])])
    if any(r.start() <= m.start() < r.end() for r in _WEEKDAY_RANGE.finditer(sentence, max(0, m.start() - 20), m.end() + 20)):
        return None  # one end of a weekly schedule
    if not m["rel"]:
        prev = word_before(sentence, m.start())
        possessive = sentence[m.end() : m.end() + 1] in ("'", "’")  # "Monday's vote", "Thursday's launch"
        # "Tuesday morning, the team...", "Wednesday night's sale"
        part_of_day = word_after(sentence, m.end()).lower().removesuffix("'s").removesuffix("’s") in _PARTS_OF_DAY
        if not (possessive or part_of_day or prev.lower() in _DAY_PREPOSITIONS) and (
                not prev or not prev[0].islower() or at_sentence_start(sentence, m.start())):
            return None  # "Monday is a holiday", "Super Tuesday": only a weekday inside a clause is a date
        if prev.lower() in _NOT_A_DAY:
            return None
        return DateSpec("day", rel_unit="weekday", shift=0, weekday=WEEKDAYS[_folded(m["weekday"])])
    rel = _folded(m["rel"]).split()[-1]
    if rel == "this":  # the day of the writing's own week, before or after it: "voting starts this Thursday"
        return DateSpec("day", rel_unit="week-day", weekday=WEEKDAYS[_folded(m["weekday"])])
    shift = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    return DateSpec("day", rel_unit="weekday", shift=shift, weekday=WEEKDAYS[_folded(m["weekday"])])


HOLIDAY_NAMES = {**{name: name for name in FIXED_HOLIDAYS}, **{name: name for name in EASTER_HOLIDAYS},
                 "thanksgiving": "thanksgiving", "thanksgiving day": "thanksgiving"}


def _holiday_pattern(name: str) -> str:
    """A holiday's name as pages write it: capitalised words, any apostrophe or none ("New Years Eve")."""
    words = []
    for word in name.split():
        head = re.escape(word[0].upper())
        tail = re.escape(word[1:]).replace("'", "['’]?")
        words.append(head + tail)
    return r"\s+".join(words)


HOLIDAY_RE = "|".join(_holiday_pattern(n) for n in sorted(HOLIDAY_NAMES, key=len, reverse=True)) + r"(?![\w'’])"
DAY_ORDINAL_RE = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(DAY_ORDINALS, key=len, reverse=True)) \
    + r"(?![\w-])"


def _build_holiday(m: re.Match[str], sentence: str) -> DateSpec | None:
    name = re.sub(r"\s+", " ", _folded(m["holiday"]).replace("’", "'"))
    name = name if name in HOLIDAY_NAMES else name.replace("years", "year's").replace("valentines", "valentine's")
    name = HOLIDAY_NAMES.get(name.replace("patricks", "patrick's"), "")
    if not name:
        return None
    if m["year"]:
        return DateSpec("day", year=int(m["year"]), holiday=name)
    after = word_after(sentence, m.end())
    if after[:1].isupper():
        return None  # "the Good Friday Agreement", "Easter Island": part of a name
    if name in BARE_HOLIDAYS:
        prev = word_before(sentence, m.start()).lower()
        if prev not in MONTH_LEADS and prev not in ("at", "over"):
            return None  # "Christmas is a busy season": the season, not the day
        if after and after[0].islower() and after.lower() not in STOPWORDS:
            return None  # "Christmas trees", "Easter eggs"
    return DateSpec("day", holiday=name, needs_year=True)


def _build_ordinal_day(m: re.Match[str], sentence: str) -> DateSpec | None:
    if sentence[m.end() : m.end() + 1] in ("'", "’"):
        return None  # "the third of May's races"
    day = DAY_ORDINALS[re.sub(r"\s+", " ", _folded(m["dayw"]))]
    if m["year"]:
        return DateSpec("day", year=int(m["year"]), month=_month(m), day=day)
    return DateSpec("day", month=_month(m), day=day, needs_year=True)


def _build_numeric(m: re.Match[str], sentence: str) -> DateSpec | None:
    """"10.28.2011", "28/10/2011", "20/3/25": the order shows when one number exceeds 12; else only the year is certain."""
    if is_identifier_context(sentence, m.start()):
        return None  # "Version 1.2.2011"
    a, b = int(m["a"]), int(m["b"])
    year = int(m["year"]) if m["year"] else (1900 if int(m["yy"]) >= 50 else 2000) + int(m["yy"])
    if not (1 <= a <= 31 and 1 <= b <= 31) or (a > 12 and b > 12):
        return None
    if a > 12:
        return DateSpec("day", year=year, month=b, day=a)
    if b > 12:
        return DateSpec("day", year=year, month=a, day=b)
    return DateSpec("year", year=year)


_DATE_BEFORE = patterns.compile(rf"{MONTH_RE}|\b(?:1[1-9]|20)\d\d\b")


@lru_cache(maxsize=64)
def _first_date_word(sentence: str) -> int:
    """Where the first month name or year-like number of a sentence starts (its length if none): one scan a sentence."""
    found = _DATE_BEFORE.search(sentence)
    return found.start() if found else len(sentence)


def _build_offset(m: re.Match[str], sentence: str) -> DateSpec | None:
    """"Four days earlier", "two years later", "the following day": counted from the date the document stated
    last. ("Two days after the launch" is left a span: the labelled corpora read it so, 7 to 3. "The day
    after" is left unread: "after" in the prefilter would send most sentences to the rules, 7% of extract.)"""
    if m["unit3"] or m["unit4"]:
        count, unit, direction = 1, _folded(m["unit3"] or m["unit4"]), "later" if m["unit3"] else "earlier"
        unit = "day" if unit in ("morning", "evening", "night") else unit
    else:
        count, unit, direction = _count(m["n"]), _folded(m["unit"]), _folded(m["dir"])
    if count is None or not count:
        return None
    if not m["unit4"] and _first_date_word(sentence) < m.start():
        return None  # "fell ill on 2 December, and four days later he was dead": the gap is the claim, a duration
    shift = -count if direction == "earlier" else count
    granularity = {"day": "day", "week": "day", "month": "month", "year": "year"}[unit]
    if unit == "week":
        unit, shift = "day", shift * 7
    return DateSpec(granularity, rel_unit=unit, shift=shift, from_context=True)


def _build_year(m: re.Match[str], sentence: str) -> DateSpec | None:
    if not _year_ok(sentence, m.start(), m.end()):
        return None
    return DateSpec("year", year=int(m["year"]))


def _build_year_span(m: re.Match[str], sentence: str) -> DateSpec | None:
    first = int(m["year"])
    if m["fy"]:  # "2024/25", "2019/2020": a split (fiscal, school, season) year, always one year on
        last = first // 100 * 100 + int(m["fy"]) if len(m["fy"]) == 2 else int(m["fy"])
        if last != first + 1:
            return None
    elif m["y4"]:  # "2021-2023 Solace sedans": the years from one to the other
        last = int(m["y4"])
    else:
        last = first // 100 * 100 + int(m["y2"])
    if last <= first or is_identifier_context(sentence, m.start()):
        return None
    return DateSpec("year", year=first, end_spec=DateSpec("year", year=last))


# A day of the month named alone, as people write when the month is plain from the story: "it was the 8th",
# "finally flew on the 14th.", "Thursday the 9th". After a weekday, or a word that dates ("on", "by",
# "since", "was" ...), and before no noun: "the 80th over", "the 19th century", "fell at the 22nd" (a fence)
# and "the 22nd of April" (another rule) are not this.
_DAY_OF_MONTH_BEFORE = frozenset("on by until till from since through before after was is to for".split())


def _build_day_of_month(m: re.Match[str], sentence: str) -> DateSpec | None:
    if not m["weekday"] and word_before(sentence, m.start()).lower() not in _DAY_OF_MONTH_BEFORE:
        return None
    weekday = WEEKDAYS[_folded(m["weekday"])] if m["weekday"] else None
    return DateSpec("day", day=int(m["day"]), weekday=weekday, month_from_context=True)


DATE_RULES: tuple[Rule, ...] = (
    Rule(
        "iso-date", "date",
        patterns.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?![\d-])"),
        _build_iso,
        requires=("digit",),
        hint=patterns.compile(r"\d-(?:0[1-9]|1[0-2])-[0-3]\d"),
        matches=(Match("The filing is dated 2019-03-14 in the registry.", "2019-03-14", "2019-03-14", "2019-03-14"),),
        rejects=("Call 555-12-3456 for tickets.",),
    ),
    Rule(
        "day-month-year", "date",
        patterns.compile(rf"{GLUED}(?<!\d){DAY}(?:\s+of)?\s+{M}{COMMA_YEAR}{YEAR}"),
        _build_full,
        requires=("digit", "month"),
        matches=(
            Match("22 June 2004: the prime minister sends a letter.", "22 June 2004", "2004-06-22", "2004-06-22"),
            Match("Court Halsberg District Court Decided23 April 2024 Citation", "23 April 2024", "2024-04-23", "2024-04-23"),
            Match("The vaccine was approved on 2nd December, 2020 in the UK.", "2nd December, 2020", "2020-12-02", "2020-12-02"),
            Match("Kick-off was on the 14th of July 1995.", "14th of July 1995", "1995-07-14", "1995-07-14"),
        ),
        rejects=("He scored 22 goals in June.",),
        priority=3,
    ),
    Rule(
        "month-day-year", "date",
        patterns.compile(rf"{GLUED}{M}\s+{DAY}{COMMA_YEAR}{YEAR}"),
        _build_full,
        requires=("digit", "month"),
        hint=patterns.compile(rf"\d(?:st|nd|rd|th)?{COMMA_YEAR}{_H_YEAR}"),
        matches=(
            Match("Shares fell on March 9, 2020 after the announcement.", "March 9, 2020", "2020-03-09", "2020-03-09"),
            Match("The probe launched Sept. 5, 1977 from Cape Canaveral.", "Sept. 5, 1977", "1977-09-05", "1977-09-05"),
            Match("The club moved to its new ground on Mar 03,2019 after a long wait.", "Mar 03,2019",
                  "2019-03-03", "2019-03-03"),
            Match("The vote was held on October 07,2016 in Bogotá.", "October 07,2016", "2016-10-07", "2016-10-07"),
            Match("InitiatedJanuary 18, 2022 (2022-01-18)", "January 18, 2022", "2022-01-18", "2022-01-18"),
        ),
        rejects=("The team won May matches easily.",),
        priority=3,
    ),
    Rule(
        "month-day-range", "date",
        patterns.compile(rf"\b{M}\s+{DAY}\s*[–—-]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{YEAR}"),
        _build_month_day_range,
        requires=("digit", "month"),
        hint=patterns.compile(rf"\d(?:st|nd|rd|th)?\s*[–—-]\s*{_H_DAY},?\s+{_H_YEAR}"),
        matches=(Match("The festival ran June 5–10, 2004 in Austin.", "June 5–10, 2004", "2004-06-05", "2004-06-10"),),
        rejects=("Scores were June 9-3, 2004 style.",),
        priority=3,
    ),
    Rule(
        # The same in words, with or without its year: "from November 1 to 15, 2023", "ran Nov. 1 through 14,".
        # The second day ends a clause or takes the year: "from May 3 to 5 people" is no range.
        "month-day-to-day", "date",
        patterns.compile(rf"\b{M}\s+{DAY}\s+(?:to|through|thru|until|till)\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
                         rf"(?:,?\s+{YEAR}|(?=\s*(?:[,;.)]|$)))"),
        _build_month_day_to_day,
        requires=("digit", "month"),
        hint=patterns.compile(rf"\d(?:st|nd|rd|th)?\s+(?:to|through|thru|until|till)\s+{_H_DAY}"),
        matches=(
            Match("An online vote from November 1 to 15, 2023, drew 86,000 votes.", "November 1 to 15, 2023", "2023-11-01",
                  "2023-11-15"),
            Match("The vote, which ran Nov. 1 through 14, picked the name.", "Nov. 1 through 14", "2023-11-01", "2023-11-14",
                  published="2023-11-30"),
        ),
        rejects=("Deaths rose from May 3 to 5 people a day.", "Scores went from June 9 to 3."),
        priority=3,
    ),
    Rule(
        # The day-first range, whatever stands before its first day: a label glued on in an infobox
        # ("Date9–15 November 2023") or beside it ("Date 9–24 October 2021"), where that first day is
        # read as no amount of its own.
        "day-range", "date",
        patterns.compile(rf"{GLUED}(?<![\d.,])(?P<day>[0-3]?\d)\s*[–—-]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+{M}{COMMA_YEAR}{YEAR}"),
        _build_month_day_range,
        requires=("digit", "month"),
        matches=(
            Match("Date 9–24 October 2021 Location Sorvak Cave", "9–24 October 2021", "2021-10-09", "2021-10-24"),
            Match("The Kestrel Harmony Date9–15 November 2023Duration6 days", "9–15 November 2023", "2023-11-09", "2023-11-15"),
            Match("The festival ran 5-10 June 2004 in Austin.", "5-10 June 2004", "2004-06-05", "2004-06-10"),
        ),
        rejects=("The score was 12-10 June 2004 style.",),
        priority=3,
    ),
    Rule(
        "month-year", "date",
        patterns.compile(rf"(?:\b(?:{PART})?|(?<=[a-z])){M}(?:\s+of)?{COMMA_YEAR}{YEAR}"),
        _build_month_year,
        requires=("digit", "month"),
        lean=("part", patterns.compile(rf"(?:\b(?:{_NO_PART})?|(?<=[a-z])){M}(?:\s+of)?{COMMA_YEAR}{YEAR}")),
        matches=(
            Match("NATO joined the coalition in May 2017.", "May 2017", "2017-05", "2017-05"),
            Match("Inflation peaked in October of 2022.", "October of 2022", "2022-10", "2022-10"),
            Match("Trials resumed in mid-February 2021.", "mid-February 2021", "2021-02-11", "2021-02-20"),
            Match("The merger closed in late November 2017.", "late November 2017", "2017-11-2", "2017-11-30"),
        ),
        rejects=("May 2 fans attend?",),
        priority=2,
    ),
    Rule(
        "part-of-year", "date",
        patterns.compile(rf"\b{PART}{YEAR}"),
        _build_part_year,
        requires=("digit",),
        lean=("part", None),
        hint=patterns.compile(rf"{_H_PART}{_H_YEAR}"),
        matches=(
            Match("End 2004: the mission is now established.", "End 2004", "2004", "2004-12"),
            Match("Control was restored in late 2017.", "late 2017", "2017-09", "2017-12"),
            Match("The drug entered trials in early 1998.", "early 1998", "1998-01", "1998-04"),
            Match("Prices rose until the middle of 2008.", "middle of 2008", "2008-05", "2008-08"),
            Match("The club was relegated in mid-2016.", "mid-2016", "2016-05", "2016-08"),
        ),
        rejects=("The early 2000 metres of the climb were steep.",),
        priority=2,
    ),
    Rule(
        "decade", "date",
        patterns.compile(rf"(?:\b{PART})?(?:\b(?P<year>1[1-9]\d0|20\d0)|['’](?P<yy>\d0)|\b(?P<bare>[2-9]0)(?=s\b))['’]?s\b"),
        _build_decade,
        requires=("digit",),
        hint=patterns.compile(r"0['’]?s\b"),
        matches=(
            Match("Grunge ruled the charts in the 1990s.", "1990s", "1990", "1999"),
            Match("Rates were higher in the late 1970s.", "late 1970s", "1977", "1979"),
            Match("It was a hit in the '80s.", "'80s", "1980", "1989"),
            Match("Printing spread across Europe in the 1400s.", "1400s", "1400", "1499"),
            Match("Home computers spread in the 1980's.", "1980's", "1980", "1989"),
            Match("The reactor was designed in the early 1980s.", "early 1980s", "1980", "1982"),
            Match("Student tickets were $12 back in the 80s.", "80s", "1980", "1989"),
            Match("It was built in the late 60s.", "late 60s", "1967", "1969"),
        ),
        rejects=("She owned 1990 shares.", "The sprint took 80s flat.", "Highs were in the 80s all week."),
        priority=2,
    ),
    Rule(
        "season-year", "date",
        patterns.compile(rf"\b(?P<season>(?i:spring|summer|autumn|fall|winter))(?:\s+of)?,?\s+{YEAR}"),
        _build_season_year,
        requires=("digit", "season"),
        matches=(
            Match("The telescope opened in spring 2020.", "spring 2020", "2020-03", "2020-05"),
            Match("Tickets sold out for the Winter of 2014 tour.", "Winter of 2014", "2014-12", "2015-02"),
        ),
        rejects=("A cold spring hurt the harvest.",),
        priority=2,
    ),
    Rule(
        "month-of-relative-year", "date",
        # With its day, if written: "2 June last year", "November 17 last year"; or a part of it: "the end of
        # June last year", "mid-January this year".
        patterns.compile(rf"\b(?:(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?|{PART})?{M}"
                         rf"(?:\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?,?)?\s+(?:of\s+)?{REL}\s+(?i:year)\b"),
        _build_month_rel_year,
        requires=("month", "relative"),
        matches=(
            Match("He was killed in January of last year.", "January of last year", "2020-01", "2020-01", published="2021-02-26"),
            Match("The plant reopens in March next year.", "March next year", "2022-03", "2022-03", published="2021-02-26"),
            Match("The tour began in Dublin on 2 June last year.", "2 June last year", "2020-06-02", "2020-06-02",
                  published="2021-02-26"),
            Match("A teacher died on November 17 last year.", "November 17 last year", "2020-11-17", "2020-11-17",
                  published="2021-02-26"),
            Match("It had 18,600 downloads by the end of June last year.", "end of June last year", "2020-06-21",
                  "2020-06-30", published="2021-02-26"),
            Match("Prices fell to mid-January this year.", "mid-January this year", "2021-01-11", "2021-01-20",
                  published="2021-02-26"),
        ),
        rejects=("The last year was hard.",),
        priority=2,
    ),
    Rule(
        "part-of-relative-year", "date",
        patterns.compile(rf"\b{PART}{REL}\s+(?i:year)\b"),
        _build_part_rel_year,
        requires=("relative",),
        lean=("part", None),
        hint=patterns.compile(rf"{_H_REL}(?i:year)\b"),
        matches=(
            Match("At the end of last year, four were pardoned.", "end of last year", "2020", "2020-12", published="2021-02-26"),
            Match("Sales slowed in early this year.", "early this year", "2021-01", "2021-04", published="2021-02-26"),
        ),
        rejects=("The end of the year party was fun.",),
        priority=2,
    ),
    Rule(
        "relative-period", "date",
        patterns.compile(rf"\b{REL}\s+(?P<unit>(?i:year|month|weekend|week|decade|spring|summer|autumn|fall|winter))\b"),
        _build_rel_period,
        requires=("relative",),
        lean=("period", None),  # its period is a whole word
        hint=patterns.compile(rf"{_H_REL}(?i:year|month|weekend|week|decade|spring|summer|autumn|fall|winter)\b"),
        matches=(
            Match("Profits doubled last year.", "last year", "2020-01-01", "2020-12-31", published="2021-02-26"),
            Match("The final report is expected next spring.", "next spring", "2025-03-01", "2025-05-31",
                  published="2024-11-19"),
            Match("The clinic opened the previous month.", "previous month", "2021-01", "2021-01", published="2021-02-26"),
            Match("Floods hit the valley last spring.", "last spring", "2020-03", "2020-05", published="2021-02-26"),
            Match("Turnout rose this year.", "this year", "2021-01-01", "2021-12-31", published="2021-02-26"),
            Match("Crowds are expected this weekend.", "this weekend", "2021-02-27", "2021-02-28", published="2021-02-26"),
            Match("Storms hit the coast last weekend.", "last weekend", "2021-02-20", "2021-02-21", published="2021-02-26"),
        ),
        rejects=("The last years of his life were quiet.",),
        priority=1,
    ),
    Rule(
        "ago", "date",
        patterns.compile(rf"(?i:\b(?P<n>{COUNT_RE})\s+(?P<unit>day|week|month|year|decade)s?\s+ago(?:\s+(?P<today>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening|month|week)|to\s+the\s+day))?)\b"),
        _build_ago,
        requires=("ago",),
        matches=(
            Match("The bridge collapsed three weeks ago.", "three weeks ago", "2021-02-01", "2021-02-07", published="2021-02-26"),
            Match("She set the record 2 years ago.", "2 years ago", "2019", "2019", published="2021-02-26"),
            Match("Thirty years ago the wall fell.", "Thirty years ago", "1991", "1991", published="2021-02-26"),
            Match("The mill closed twenty-five years ago.", "twenty-five years ago", "1996", "1996", published="2021-02-26"),
            Match("Twenty years ago today, the tunnel opened.", "Twenty years ago today", "2001-02-26", "2001-02-26",
                  published="2021-02-26"),
            Match("Five years ago this morning, the count came up two short.", "Five years ago this morning", "2016-02-26",
                  "2016-02-26", published="2021-02-26"),
            Match("Three years ago tonight they went out through the tunnel.", "Three years ago tonight", "2018-02-26",
                  "2018-02-26", published="2021-02-26"),
            Match("A year ago this month, the festival opened.", "A year ago this month", "2020-02-01", "2020-02-29",
                  published="2021-02-26"),
            Match("It was a year ago yesterday that the ground opened up.", "a year ago yesterday", "2020-02-25",
                  "2020-02-25", published="2021-02-26"),
            Match("The campaign began a week ago today.", "a week ago today", "2021-02-19", "2021-02-19",
                  published="2021-02-26"),
            Match("Six months ago today the paper printed its last edition.", "Six months ago today", "2020-08-26",
                  "2020-08-26", published="2021-02-26"),
            Match("A month ago today the dam broke.", "A month ago today", "2021-02-28", "2021-02-28",
                  published="2021-03-31"),  # February has no 31st: its last day
            Match("Six months ago this month the paper closed.", "Six months ago this month", "2020-08-01",
                  "2020-08-31", published="2021-02-26"),
            Match("The record was set four years ago this week.", "four years ago this week", "2017-02-20",
                  "2017-02-26", published="2021-02-26"),  # the week (Monday first) of 26 February 2017
        ),
        rejects=("Years ago, few cared.",),
        priority=2,
    ),
    Rule(
        "deictic-day", "date",
        patterns.compile(r"(?i:\b(?P<word>yesterday|today|tomorrow|tonight|last\s+night(?=['’]?s\b|\b)"
                         r"|this\s+(?:morning|afternoon|evening)\b))"),
        _build_deictic,
        requires=("deictic|relative",),
        matches=(
            Match("The index closed lower yesterday.", "yesterday", "2021-02-25", "2021-02-25", published="2021-02-26"),
            Match("The minister resigned today.", "today", "2021-02-26", "2021-02-26", published="2021-02-26"),
            Match("Last night they won 48 seats.", "Last night", "2021-02-25", "2021-02-25", published="2021-02-26"),
            Match("Last nights general election was the third since 2015.", "Last night", "2021-02-25", "2021-02-25",
                  published="2021-02-26"),
            Match("Yesterday's vote was close.", "Yesterday", "2021-02-25", "2021-02-25", published="2021-02-26"),
            Match("This morning about 300 of us stood in the rain.", "This morning", "2021-02-26", "2021-02-26",
                  published="2021-02-26"),
        ),
        rejects=("Today, the alliance continues to evolve.", "Today the group employs 1,500 people.",
                 "In today's market, few buy.", "The last nightly bus leaves at ten."),
    ),
    Rule(
        "weekday", "date",
        patterns.compile(r"\b(?:(?P<rel>(?i:last|this\s+past|this\s+coming|this|next|on))\s+)?"
                   r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                   r"(?:\s+of\s+(?P<week>(?i:last|this|next))\s+(?i:week)\b)?"),
        _build_weekday,
        requires=("weekday",),
        matches=(
            Match("Strikes hit the border this Thursday.", "this Thursday", "2021-02-25", "2021-02-25", published="2021-02-26"),
            Match("Voting starts this Thursday.", "this Thursday", "2018-10-25", "2018-10-25", published="2018-10-22"),
            Match("The walkout peaked on Tuesday of last week.", "on Tuesday of last week", "2024-03-05", "2024-03-05",
                  published="2024-03-15"),
            Match("Since Tuesday, members have refused to mark exams.", "Tuesday", "2024-05-07", "2024-05-07",
                  published="2024-05-10"),
            Match("The court ruled on Monday.", "on Monday", "2021-02-22", "2021-02-22", published="2021-02-26"),
            Match("Polls open next Tuesday.", "next Tuesday", "2021-03-02", "2021-03-02", published="2021-02-26"),
            Match("Monday's vote split the party.", "Monday", "2021-02-22", "2021-02-22", published="2021-02-26"),
            Match("After Thursday's launch the probe went quiet.", "Thursday", "2021-02-25", "2021-02-25", published="2021-02-26"),
            Match("Shares jumped 27% in early trading Tuesday, erasing losses.", "Tuesday", "2021-02-23", "2021-02-23",
                  published="2021-02-26"),
            Match("Wednesday evening, the storm reached the coast.", "Wednesday", "2021-02-24", "2021-02-24",
                  published="2021-02-26"),
            Match("Builders returned on Monday, 11 months after work stopped.", "on Monday", "2021-02-22", "2021-02-22",
                  published="2021-02-26"),
        ),
        rejects=("Monday is a holiday.", "Stores opened early on Black Friday.", "The clinic is closed every Sunday.",
                 "The post went up Friday, October 28, 2011 at noon.", "Super Tuesday decided the race.",
                 "It fell on Sunday, 14th April.", "Voting closed on Thursday, 12 December.",
                 "Open Tuesday to Sunday, 10:00-18:00.", "The office opens Monday–Friday."),
    ),
    Rule(
        "day-of-month", "date",
        patterns.compile(r"(?:\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?\bthe\s+"
                         r"(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?=\s*(?:[,;:.!?)\"”]|$)|\s+(?:and|but|or|so|when|at|in|I"
                         r"|we|they|he|she|it|after|before|until|till|to|then|which|that|because|with|for|anyway|too"
                         r"|though|tho|as|if|while|was|is|had|has|lol)\b)"),
        _build_day_of_month,
        requires=("ordinal",),
        matches=(
            Match("The hail came on 7 April. Still remember it was the 8th, the day before my kid's birthday.", "8th",
                  "2024-04-08", "2024-04-08", published="2024-04-20"),
            Match("The ship got stuck in the canal on Thursday the 9th.", "Thursday the 9th", "2024-05-09", "2024-05-09",
                  published="2024-05-20"),
            Match("The rocket finally flew on the 14th.", "14th", "2024-05-14", "2024-05-14", published="2024-05-20"),
            Match("Smoke has been here since the 23rd.", "23rd", "2024-04-23", "2024-04-23", published="2024-05-20"),
        ),
        rejects=("They were bowled out in the 80th over.", "The church dates from the 19th century.",
                 "The favourite fell at the 22nd, and from there it was a procession.",
                 "Kick-off was on the 14th of July 1995 in Paris.", "The biggest opening, the 4th (August 5-9), sold out."),
    ),
    Rule(
        "century", "date",
        patterns.compile(rf"\b(?:{PART})?(?:the\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|(?i:{ORDINAL_RE}))[\s-]+(?i:century)\b"),
        _build_century,
        requires=("century",),
        matches=(
            Match("Temperatures have risen since the late 19th century.", "late 19th century", "1867", "1899"),
            Match("The Enlightenment shaped the eighteenth century.", "eighteenth century", "1700", "1799"),
        ),
        rejects=("She finished 19th in the race of the century.",),
        priority=2,
    ),
    Rule(
        "quarter", "date",
        patterns.compile(rf"\b(?:Q(?P<q>[1-4])|H(?P<h>[12])|(?P<qw>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?i:quarter)(?:\s+of)?)"
                   rf"\s*,?\s*(?:FY\s?)?{YEAR}"),
        _build_quarter,
        requires=("digit", "quarter"),
        matches=(
            Match("Revenue rose to $4.5 billion in Q3 2023.", "Q3 2023", "2023-07-01", "2023-09-30"),
            Match("Sales in the third quarter of 2023 reached 1.2 million units.", "third quarter of 2023", "2023-07", "2023-09"),
            Match("Still on track to ramp up by H1 2026.", "H1 2026", "2026-01", "2026-06"),
            Match("Deliveries resume in H2 2025.", "H2 2025", "2025-07", "2025-12"),
        ),
        rejects=("The Q3 results were strong.", "The H1 results were strong.", "The H5 2026 route is closed."),
        priority=2,
    ),
    Rule(
        "fiscal-year", "date",
        patterns.compile(r"\b(?:FY\s?|(?i:fiscal)(?:\s+(?i:year))?\s+)(?:(?P<year>(?:19|20)\d\d)|(?P<yy>\d\d))(?![\d])"),
        _build_fiscal,
        requires=("digit", "fiscal"),
        matches=(
            Match("FY2023 guidance is 7 per cent growth.", "FY2023", "2023", "2023"),
            Match("Net income for fiscal 2022 was €2.3bn.", "fiscal 2022", "2022", "2022"),
        ),
        rejects=("The FY results are due.",),
        priority=1,
    ),
    Rule(
        # A year cut to its last two digits after a preposition: "the IPO in '97", "the class of '85".
        "short-year", "date",
        patterns.compile(r"(?:(?<=\bin )|(?<=\bsince )|(?<=\bfrom )|(?<=\bof )|(?<=\buntil )|(?<=\bby )|(?<=\bbefore )"
                         r"|(?<=\bafter )|(?<=\bthe ))['’](?P<yy>\d\d)(?![\w'’%])"),
        _build_short_year,
        requires=("digit",),
        hint=patterns.compile(r"['’]\d\d"),
        matches=(
            Match("I held it from the IPO in '97 and rode it down.", "'97", "1997", "1997"),
            Match("Nothing has changed since ’08.", "’08", "2008", "2008"),
            Match("I fished the '98 run, we all thought it was the biggest.", "'98", "1998", "1998"),
        ),
        rejects=("He said '97 of them' were lost.", "It was the '80s.", "She wrote 'in '97' on the box's 12 sides."),
        priority=2,
    ),
    Rule(
        "year-span", "date",
        patterns.compile(rf"\b(?<![\w$€£#.,/]){YEAR}(?:\s*[–—-]\s*(?:(?P<y4>(?:1[6-9]|20)\d\d)|(?P<y2>\d{{2}}))|/(?P<fy>\d{{2}}|\d{{4}}))(?![\w%/]|[.,]\d)"),
        _build_year_span,
        requires=("digit",),
        hint=patterns.compile(rf"{_H_YEAR}(?:\s*[–—-]\s*\d{{2}}|/\d{{2}})"),
        matches=(
            Match("The 2004–11 mission trained officers.", "2004–11", "2004", "2011"),
            Match("The budget for 2024/25 rises by 3 per cent.", "2024/25", "2024", "2025"),
            Match("Enrolment in the 2019/2020 school year fell.", "2019/2020", "2019", "2020"),
            Match("The recall covers 2021-2023 Solace sedans.", "2021-2023", "2021", "2023"),
            Match("The 1914–1918 war reshaped Europe.", "1914–1918", "1914", "1918"),
            Match("It covers 2021–2023 models.", "2021–2023", "2021", "2023"),  # not 2,023 models
        ),
        rejects=("Dial 2004-03 now.", "Shelve it under 2004/13 in the archive.", "The ratio was 2010/40."),
        priority=1,
    ),
    Rule(
        "day-month", "date",
        patterns.compile(rf"(?<![\d.,])\b{DAY}(?:\s+of)?\s+{M}"),
        _build_day_month,
        requires=("digit", "month"),
        hint=patterns.compile(rf"\d(?:st|nd|rd|th)?(?:\s+of)?\s+{MONTH_RE}"),
        matches=(
            Match("The first elements deployed to Baghdad on 7 August.", "7 August", "2020-08-07", "2020-08-07", published="2021-02-26"),
            Match("30 July 2004: a team deploys; the first arrive on 7 August.", "7 August", "2004-08-07", "2004-08-07"),
            # A weekday written with it picks the year: 23 October was a Saturday in 2021, not 2022.
            Match("On the second day, Saturday 23 October, two more came out.", "23 October", "2021-10-23", "2021-10-23",
                  published="2022-10-09"),
        ),
        rejects=("He ran 7 marathons.",),
        priority=1,
    ),
    Rule(
        "month-day", "date",
        patterns.compile(rf"\b{M}\s+{DAY}(?![\d.,]\d|\w)"),
        _build_month_day,
        requires=("digit", "month"),
        matches=(
            Match("On February 19, the president spoke.", "February 19", "2021-02-19", "2021-02-19", published="2021-02-26"),
            Match("The rover landed on July 4 after a long cruise.", "July 4", "2020-07-04", "2020-07-04", published="2021-02-26"),
            Match("On August 19 managers raised the catch.", "August 19", "2022-08-19", "2022-08-19", published="2022-10-05"),
            Match("The closing ceremony is on Sunday, August 1.", "August 1", "2021-08-01", "2021-08-01", published="2020-10-12"),
            Match("The rematch is set for December 5 in Las Vegas.", "December 5", "2020-12-05", "2020-12-05",
                  published="2020-10-01"),  # "in" is no inch here
        ),
        rejects=("May 5 soldiers return home?",),
        priority=1,
    ),
    Rule(
        # Forums write months in lower case: "announced it jan 9", "on april 14th". Only with a day after it,
        # and never "may" or "march", which are words first.
        "lower-month-day", "date",
        patterns.compile(rf"\b(?P<month>{_LOWER_MONTHS})\.?\s+{DAY}(?![\d.,]\d|\w)"),
        _build_month_day,
        requires=("digit", "month"),
        matches=(
            Match("she announced it jan 9 and the single dropped", "jan 9", "2024-01-09", "2024-01-09", published="2024-03-01"),
            Match("he was a point down after game 8 on april 14th", "april 14th", "2029-04-14", "2029-04-14",
                  published="2029-04-30"),
        ),
        rejects=("you may 5 times ask", "they march 20 miles a day"),
        priority=1,
    ),
    Rule(
        # A month with its year cut short, as forums write it: "the Millbrook kill in July '21".
        "month-short-year", "date",
        patterns.compile(rf"\b{M}\.?[ ]+['’](?P<yy>\d\d)\b(?!['’]?s\b)"),
        _build_month_short_year,
        requires=("digit", "month"),
        matches=(
            Match("Anyone remember the kill in July '21?", "July '21", "2021-07", "2021-07"),
            Match("Prices peaked in Sept ’98 and fell.", "Sept ’98", "1998-09", "1998-09"),
        ),
        rejects=("He quoted May '90s hits.",),
        priority=2,
    ),
    Rule(
        # And with a year: "the volume record was 2.14bn in sept 2008".
        "lower-month-year", "date",
        patterns.compile(rf"\b(?P<month>{_LOWER_MONTHS})\.?(?:\s+of)?\s+{YEAR}"),
        _build_month_year,
        requires=("digit", "month"),
        matches=(
            Match("the volume record was 2.14bn in sept 2008 iirc", "sept 2008", "2008-09", "2008-09"),
            Match("we bought in feb 2021 and sold in june of 2022", "june of 2022", "2022-06", "2022-06"),
        ),
        rejects=("you may 2008 times ask", "they march 2015 miles a year"),
        priority=2,
    ),
    Rule(
        "month", "date",
        patterns.compile(rf"\b(?:{REL}\s+|{PART})?{M}"),
        _build_month_alone,
        requires=("month",),
        lean=("part|relative", patterns.compile(rf"\b(?:{_NO_REL}\s+|{_NO_PART})?{M}")),
        matches=(
            Match("The mission was announced at the summit in July.", "July", "2018-07", "2018-07", published="2018-12-10"),
            Match("It was last March that the park got the Test.", "last March", "2025-03", "2025-03", published="2026-03-14"),
            Match("In mid-February, the minister said troops would grow.", "mid-February", "2021-02", "2021-02", published="2021-02-26"),
            Match("The harvest begins in early September.", "early September", "2020-09-01", "2020-09-10", published="2021-02-26"),
            Match("The factory will reopen in July.", "July", "2021-07", "2021-07", published="2021-02-26"),
            Match("Talks collapsed last March.", "last March", "2020-03", "2020-03", published="2021-02-26"),
            Match("The mine was approved in 2022. That February 3,000 people marched.", "February", "2022-02", "2022-02",
                  published="2024-08-01"),
            Match("The board rejected her March offer.", "March", "2021-03", "2021-03", published="2021-06-10"),
            Match("Minutes of the June meeting were released.", "June", "2020-06", "2020-06", published="2021-02-26"),
            Match("Our April issue sold out.", "April", "2020-04", "2020-04", published="2021-02-26"),
            Match("It went live two months behind its original March target.", "March", "2021-03", "2021-03",
                  published="2021-06-10"),
            Match("The FDA had pushed back the agency's original September target.", "September", "2020-09", "2020-09",
                  published="2021-02-26"),
            Match("Aid was requested for a mission under way due to the fact March.", "March", "2020-03", "2020-03",
                  published="2021-02-26"),
        ),
        rejects=("May the best team win.", "The March on Rome failed.", "Her name is April Jones.",
                 "Thousands joined the March for Life.", "Voters in the north backed May.",
                 "The May Day rally drew crowds.", "Critics of the May government left.",
                 "Some said that May would resign.", "He beat the original May record.",
                 "Fans of the original March Hare play wept."),
    ),
    Rule(
        "holiday", "date",
        patterns.compile(rf"\b(?P<holiday>{HOLIDAY_RE})(?:(?:\s+of)?,?\s+{YEAR})?"),
        _build_holiday,
        requires=("holiday|weekday",),
        matches=(
            Match("Bombs hit three churches on Easter Monday 2019.", "Easter Monday 2019", "2019-04-22", "2019-04-22"),
            Match("Crowds gathered on New Year's Eve 1999 for the millennium.", "New Year's Eve 1999", "1999-12-31",
                  "1999-12-31"),
            Match("The tsunami struck the day after Christmas Day 2004.", "Christmas Day 2004", "2004-12-25", "2004-12-25"),
            Match("The bridge will reopen before Christmas.", "Christmas", "2021-12-25", "2021-12-25", published="2021-02-26"),
            Match("The accord was signed on Good Friday 1998.", "Good Friday 1998", "1998-04-10", "1998-04-10"),
            Match("Fans queued on Boxing Day.", "Boxing Day", "2020-12-26", "2020-12-26", published="2021-02-26"),
        ),
        rejects=("They sold Christmas trees.", "Children hunted for Easter eggs.", "The Easter Rising failed.",
                 "The Good Friday Agreement ended the Troubles.",
                 "Christmas is a busy season for shops."),
        priority=2,
    ),
    Rule(
        "ordinal-day-month", "date",
        patterns.compile(rf"\b(?i:the)\s+(?P<dayw>(?i:{DAY_ORDINAL_RE}))\s+of\s+{M}(?:{COMMA_YEAR}{YEAR})?"),
        _build_ordinal_day,
        requires=("month",),
        hint=patterns.compile(rf"of\s+{MONTH_RE}"),
        matches=(
            Match("The polls close on the third of May.", "third of May", "2020-05-03", "2020-05-03", published="2021-02-26"),
            Match("He was born on the twenty-first of June, 1990.", "twenty-first of June, 1990", "1990-06-21",
                  "1990-06-21"),
        ),
        rejects=("She finished the third of May's races.", "The first of many marches began."),
        priority=2,
    ),
    Rule(
        "numeric-date", "date",
        # A year of two digits only with slashes ("by-election 20/3/25"): "1.2.25" is a version, "6-4-25" a score.
        patterns.compile(r"(?<![\w.,/-])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)"
                         r"(?:(?P<year>(?:19|20)\d\d)|(?<=/)(?P<yy>\d\d))(?![\w/-]|[.,]\d)"),
        _build_numeric,
        requires=("digit",),
        hint=patterns.compile(r"\d[./-]\d{1,2}[./-](?:(?:19|20)\d\d|\d\d(?![\d]))"),
        matches=(
            Match("On Friday (10.28.2011) AFP quoted a diplomat.", "10.28.2011", "2011-10-28", "2011-10-28"),
            Match("The order is dated 28/10/2011 in the file.", "28/10/2011", "2011-10-28", "2011-10-28"),
            Match("The form was filed on 03/04/2011.", "03/04/2011", "2011", "2011"),
            Match("Aldermoor & Rushby by-election 20/3/25 - results thread", "20/3/25", "2025-03-20", "2025-03-20"),
        ),
        rejects=("Version 1.2.2011 of the app crashed.", "Scores were 31.40.2011 in the log.", "Version 1.2.25 shipped.",
                 "They won 6-4-25 on aggregate."),
        priority=3,
    ),
    Rule(
        "days-later", "date",
        patterns.compile(rf"(?i:\b(?P<n>{COUNT_RE})\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|earlier)\b(?!\s+than)"
                         # "the following day", "the next morning": one on from it
                         r"|\bthe\s+(?:following|next)\s+(?P<unit3>day|morning|evening|night|week|month|year)\b"
                         # "the day before", "the night before that": one back from it, when no event follows
                         # ("the day before the storm hit" counts from the storm, which the record may date)
                         r"|\bthe\s+(?P<unit4>day|night|evening)\s+before(?:\s+that)?\b"
                         r"(?!\s+(?:the|a|an|his|her|its|their|our|my|this|last|it|he|she|they|we|I)\b|\s+(?-i:[A-Z])))"),
        _build_offset,
        requires=("later|unitword",),
        matches=(
            Match("The storm made landfall on August 29, 2005. Four days earlier it had hit Florida.", "Four days earlier",
                  "2005-08-25", "2005-08-25"),
            Match("Work started in May 1988. Two years later the tunnel was holed through.", "Two years later",
                  "1990", "1990"),
            Match("The rocket failed on 14 March 2023. The regulator grounded it the following day.", "following day",
                  "2023-03-15", "2023-03-15"),
            Match("She won the final on 12 July 2024, having set a record in the heats the night before that.",
                  "night before that", "2024-07-11", "2024-07-11"),
            Match("Regular traffic started on 17 May 2022, after the ribbon was cut the day before with speeches.",
                  "day before", "2022-05-16", "2022-05-16"),
        ),
        rejects=("It opened four months later than planned.", "Two years on, the scheme was dropped.",
                 "He fell ill on 2 December 2013, and four days later he was dead.",
                 "The storm hit on 9 May 2021; the utility had launched the app the day before the storm hit.",
                 "The final was on 12 July 2024; the heats ran the day before Wimbledon closed."),
    ),
    Rule(
        "year", "date",
        patterns.compile(rf"\b(?<![\w$€£#.,/]){YEAR}"),
        _build_year,
        requires=("digit",),
        matches=(
            Match("The regime fell in 2003.", "2003", "2003", "2003"),
            Match("At the 2014 summit leaders met.", "2014", "2014", "2014"),
            Match("In 2016, 350 officers were trained.", "2016", "2016", "2016"),
            Match("2006:At the summit in Riga leaders agreed.", "2006", "2006", "2006"),
            Match("Prices returned to pre-2008 levels.", "2008", "2008", "2008"),
            Match("Sales fell in 2024 Q1.", "2024", "2024", "2024"),  # one capital: a quarter, still a year
            Match("Took 6h46m off Reddaway's 2017 ride.", "2017", "2017", "2017"),
        ),
        rejects=(
            "The council passed Resolution 1546 unanimously.",
            "The lab counted 1500 samples.",
            "He ran 1,500 metres.",
            "The price was $2015 per unit.",
            "Windows 2000 shipped with bugs.",
            "Astronomers tracked asteroid 2028 RB14 for months.",  # a provisional designation
            "The storm displaced about 1500 people.",
            "She won the 1500 two days after the 400.",  # a race
            "Carbon-2014 is not an isotope.",
            "The centre reached the coast at 1110 UTC 29 August.",
            "Rescue teams landed at 1730 BST.",
            "The coalition enforced Resolutions 1970 and 1973 of the council.",
        ),
    ),
)

# Words before a date that bound the event instead of placing it inside the date: "by June" is on or before
# the end of June (the interval stays June; `DateValue.bound` says "on_or_before"), "no earlier than 2026" on
# or after its start. "until"/"through" end a state that lasts, so they place its end date and bound nothing.
_BOUND_BEFORE = patterns.compile(
    r"\b(?P<word>by|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|no\s+earlier\s+than|not\s+earlier\s+than"
    r"|not\s+before|on\s+or\s+after)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
BOUND_EXAMPLES: tuple[tuple[str, str, str | None], ...] = (  # sentence, date quote, bound
    ("The plant must close by June.", "June", "on_or_before"),
    ("Troops will leave by the end of 2026.", "end of 2026", "on_or_before"),
    ("Bids are due no later than 3 March 2025.", "3 March 2025", "on_or_before"),
    ("Work starts no earlier than spring 2027.", "spring 2027", "on_or_after"),
    ("The mandate runs until the end of 2026.", "end of 2026", None),
    ("The plant closed in June 2019.", "June 2019", None),
)


def bound_of(sentence: str, start: int) -> str | None:
    """"on_or_before" for "by June", "on_or_after" for "no earlier than 2026", else None."""
    near = sentence[max(0, start - 32) : start].lower()
    if "by" not in near and "than" not in near and "before" not in near and "after" not in near:
        return None  # most dates: no regex search at all
    found = _BOUND_BEFORE.search(sentence, max(0, start - 32), start)
    if not found:
        return None
    word = found["word"].lower()
    return "on_or_after" if "earlier" in word or "after" in word or word.startswith("not before") else "on_or_before"


# Words that make a year the year of writing: "earlier in 2022", "so far in 2023", "later this year, 2021".
_NOW_BEFORE = patterns.compile(r"\b(?:earlier|later|so\s+far|since\s+the\s+start\s+of)\s+(?:in\s+|this\s+year,?\s+)?$",
                         re.IGNORECASE)


def is_year_of_writing(sentence: str, start: int) -> bool:
    """Whether the year at `start` is said to be the current one ("Microsoft grabbed headlines earlier in 2022")."""
    return bool(_NOW_BEFORE.search(sentence, max(0, start - 32), start))


# A year in an aside about something's past: ", which opened in 2011,", ", built in 1868,", "since 1889":
# the story is elsewhere, so it gives later yearless dates ("Tickets went on sale on August 1") no year.
_ASIDE_BEFORE = patterns.compile(
    r"(?:[,(][ ]*(?:which|who|whose|built|opened|founded|established|completed|launched|erected|dating|first)\b[^,;:()]{0,50}"
    r"|\bsince[ ]+)\Z", re.IGNORECASE)
# The aside ends at the year, or goes on to its closing comma: ", which bought the paper in 2016 as part of a deal,".
_ASIDE_AFTER = patterns.compile(r"[ ]*(?:[,)]|$)|[^,;:()]{1,60}[,)]")


def is_aside(sentence: str, start: int, end: int) -> bool:
    """Whether the year at [start, end) sits in an aside on another thing's past (", which opened in 2011,")."""
    return bool(_ASIDE_BEFORE.search(sentence, max(0, start - 72), start) and _ASIDE_AFTER.match(sentence, end))


# A date of birth dates a person, not the story: "Born on March 4, 2001 in Osijek, the striker ... He flew in
# on August 2" is no 2001 arrival, so a birth date gives later yearless dates no year.
_BORN_BEFORE = patterns.compile(r"\b(?:born|b\.|date[ ]+of[ ]+birth)(?:[ ]*:|[ ]+(?:on|in))?[ ]+(?:the[ ]+)?\Z",
                                re.IGNORECASE)
BORN_EXAMPLES = ("Born on March 4, 2001 in Osijek", "(born 12 May 1990)", "Date of birth: 4 March 2001", "b. 1948")
BORN_REJECTS = ("The idea was born in a pub on 12 May 1990.", "Borne on 4 March by the tide")


def is_birth(sentence: str, start: int) -> bool:
    """Whether the date at `start` is someone's date of birth ("born on March 4, 2001", "Date of birth: ...")."""
    return bool(_BORN_BEFORE.search(sentence, max(0, start - 20), start))


# Ranges join two dates already found: "From 2004 to 2011", "between April and December 2016" (a
# bare "2004–2011" is one year-span).
RANGE_JOINERS = patterns.compile(r"\s*(?:–|—|-|to|until|till|through|thru|and)\s*", re.IGNORECASE)  # fullmatch
RANGE_OPENERS = patterns.compile(r"(?:from|between)\s+$", re.IGNORECASE)
RANGE_EXAMPLES: tuple[Match, ...] = (
    Match("From 2004 to 2011, the mission trained officers.", "2004 to 2011", "2004", "2011"),
    Match("Officers were trained between April and December 2016.", "April and December 2016", "2016-04", "2016-12"),
    Match("Rates rose from March 2019 to June 2020.", "March 2019 to June 2020", "2019-03", "2020-06"),
    Match("The summit runs 8 to 9 July 2018 in Brussels.", "8 to 9 July 2018", "2018-07-08", "2018-07-09"),  # "8–9": day-range
    Match("It rained between 5 and 10 June 2004.", "5 and 10 June 2004", "2004-06-05", "2004-06-10"),
    Match("The operation ran from 19 March to 31 October 2011.", "19 March to 31 October 2011", "2011-03-19",
          "2011-10-31"),
    Match("Talks ran from 30 December to 5 January 2005.", "30 December to 5 January 2005", "2004-12-30",
          "2005-01-05"),
    Match("The 2023 storm grew fast on Nov 11-12.", "Nov 11-12", "2023-11-11", "2023-11-12"),  # month first, no year
    Match("The gales of 18 and 19 August 2023 cancelled sailings.", "18 and 19 August 2023", "2023-08-18", "2023-08-19"),
    Match("In 2024 the heat dome ran July 9 to the 21st.", "July 9 to the 21st", "2024-07-09", "2024-07-21"),
)
RANGE_REJECTS: tuple[str, ...] = ("In 2004 and 2011 the team won titles.", "He scored 40 and 2 June was his best month.",
                                   "Votes fell on 5 and 25 June 2019.",
                                   "On March 3 - 5 people died in 2019.")
