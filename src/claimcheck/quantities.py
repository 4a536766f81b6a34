"""Stage 3b: the grammar of quantities (digits, number words, scales, units, bounds), as rules with examples."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache

from . import patterns
from .context import (
    DESIGNATION_AFTER,
    at_sentence_start,
    is_clock_time,
    is_identifier_context,
    is_name_word,
    word_after,
    word_before,
)
from .lexicon import (
    AMBIGUOUS_UNITS,
    APPROXIMATORS,
    CAPITAL_UNITS,
    CHROME_NOUNS,
    COMPOUND_IDIOMS,
    COUNT_NOUNS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DATE_LEADS,
    EURO_CUES,
    KILOTONNE_CUES,
    KNOT_CUES,
    LETTER_CURRENCY_PREFIXES,
    LETTER_UNIT_CUES,
    MINOR_CURRENCIES,
    MONTHS,
    NATIONAL_CURRENCIES,
    NM_NANO_CUES,
    NUMBER_WORDS,
    OPENERS,
    PEOPLE_COUNT_WORDS,
    POUND_MASS_CUES,
    POUND_MONEY_CUES,
    RANK_ORDINALS,
    SCALE_ABBREVIATIONS,
    SCALE_NAMES,
    SCALES,
    SCORE_WORDS,
    STOPWORDS,
    TEMPERATURE_CUES,
    UNIT_OFFSETS,
    UNITS,
    WEEKDAYS,
)
from .rules import Match, Rule


def _key(text: str) -> str:
    """A matched word as the tables spell it: lower case as (?i:) matched it ("ſ" is "s", "İ" is "i")."""
    return text.lower().replace("ſ", "s").replace("i\u0307", "i")


@dataclass(frozen=True)
class QuantitySpec:
    """A parsed quantity and the span its words cover within the sentence."""

    start: int
    end: int
    value: float
    unit: str | None
    approx: str
    low: float | None
    high: float | None
    noun: str | None
    bare: bool  # a plain number with no unit, scale, currency or bound
    scale: float = 1.0
    step: float | None = None  # place value of the last written decimal, times the scale
    text: str | None = None  # values one number cannot hold: a score line "4-2"


@cache
def _folds(a: str, b: str) -> bool:
    """Whether character `b` matches `a` under (?i:) (asked for the same few letters at many trie nodes)."""
    return re.fullmatch(f"(?i:{re.escape(a)})", b) is not None


def word_trie(words: list[str]) -> str:
    """An alternation of words as a trie: the same matches as the words longest first, in one pass.

    re tries an alternation's branches one after the other; with hundreds of unit names that is
    most of the cost of reading a number. Grouped by their next character, the branches that can
    match are tried longest first as before (a child before the word that ends at its node). The
    characters at one node must not fold into one another under (?i:) (then they would be two
    branches that both match): checked here.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def alternation(node: dict) -> str:
        chars = [c for c in node if c]
        for i, a in enumerate(chars):
            if any(_folds(a, b) for b in chars[i + 1 :]):
                raise ValueError(f"{a!r} folds into another character at one node")
        if not chars:
            return ""
        if len(chars) == 1 and "" not in node:
            return re.escape(chars[0]) + alternation(node[chars[0]])  # a chain: no group needed
        branches = "|".join(re.escape(c) + alternation(node[c]) for c in chars)
        return f"(?:{branches})?" if "" in node else f"(?:{branches})"

    return alternation(trie)


_NUMBER_WORD_LIST = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                     "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
                     "million billion trillion dozen half").split()
# One number word wherever it starts; only a whole word can be followed by what NUMBER_PATTERN wants
# after it (a joiner or a word boundary), so the order the trie tries them in changes no match.
_NUMBER_WORD = word_trie(_NUMBER_WORD_LIST)
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
_DIGITS = (
    r"(?:\d{1,2},[ ]\d{1,2}(?=[ ]?(?:%|per[ ]?cent|percent))"  # "10, 60 percent": a decimal comma
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 15,000 and 1,234.5
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d.])"  # 1.234.567 (two groups at least: 1.234 is a decimal)
    # 15 000, with a space or a (narrow) no-break space; a full stop or comma after it ends the sentence or clause
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|[,.]\d)"
    r"|\d{1,3},\d{1,2}(?![\d])"  # 10,6: a decimal comma
    r"|\d+[½¼¾⅓⅔⅛⅜⅝⅞]"  # 7½
    r"|\d+(?:\.\d+)?)"
)
_MULTIPLIER_WORD = r"(?i:hundred|thousand|million|billion|trillion|dozen|half)\b"
# Every unit name, longest first, as one trie: three patterns below read it, and it is built once.
_UNIT_FORMS = sorted(UNITS, key=len, reverse=True)
_UNIT_TRIE = word_trie(_UNIT_FORMS)
# Digits glued to the label before them, as a flattened infobox runs them ("Deaths1,862", "Area
# burned38,400 ha", "Max. temperature43.1 °C"): a grouped number, or a decimal before a degree or
# percent sign, after three lower-case letters. "Covid19" and "A400" stay names.
_GLUED_AMOUNT = (r"(?:(?<=\b[A-Z][a-z])(?=\d{1,3}(?:,\d{3})+(?![\d,]))|"  # a short label: "No1,040,345"
                 r"(?<=[a-z]{3})(?=\d{1,3}(?:,\d{3})+(?![\d,])|\d+\.\d+[ ]?[°%]"
                 # a whole number before the next label, in a line of several ("Crew4 Fatalities3 Injuries37",
                 # "Turbines76Capacity factor"), or before its unit ("Distance from shore52 km")
                 r"|\d{1,4}(?![\d,.])(?=[ \t]+[A-Z]|[ \t]*$|[ \t]*[\[(]|[A-Z][a-z])"
                 r"|\d{1,4}(?:\.\d+)?(?![\d,.])(?=[ \u00a0]?(?:" + _UNIT_TRIE + r")(?![a-z]))))")
_NOT_AFTER_WORD = r"(?<![\w.,/:])"
_SIGNED_BODY = (
    # A sign only right before digits and never after a digit or letter: "-40°C", "−3 percent", "minus 310".
    # An en dash is a minus only before a temperature ("–40°C"); elsewhere it joins a range.
    # A plus sign is part of what is written ("+17.2%" in a table of changes), not of the value.
    rf"(?:(?P<sign>[-−](?=\d)|–(?=\d[\d.,]*[ ]?(?:°|º|degrees))|(?i:minus)[ ]+)|\+(?=\d))?"
    rf"(?:(?P<digits>{_DIGITS})(?:(?:[ ]|-(?=[a-z])|\n(?=[a-z]))?(?P<scale>(?i:hundred|thousand|million|billion|trillion|lakhs?|crores?))(?P<nth>th)?\b"
    # Wire copy spaces the long forms: "51 mln euros", "3.4 mil". A small "b" only after a decimal ("capex
    # of 1.46b"): "Flat 12b" and "Article 5b" are labels.
    rf"|(?P<abbr>[ ]?(?:bn|bln|mn|mln|mil)|tn|m|k|(?<=\.\d)b|(?<=\.\d\d)b|M|K|BN|B)\b)?"
)
_SIGNED = _NOT_AFTER_WORD + _SIGNED_BODY
NUMBER_PATTERN = patterns.compile(
    rf"{_SIGNED}"
    # "a" belongs to the number only before a multiplier ("a hundred", "a dozen"): "a nine-month voyage" is 9.
    rf"|(?P<words>\b(?i:(?:an?[ ](?={_MULTIPLIER_WORD}))?{_NUMBER_WORD}"
    rf"(?:(?:[ ]+and[ ]+(?:a[ ]+)?|-and-(?:a-)?|[ ]+an?[ ]+|[ ]+|-){_NUMBER_WORD})*)(?:\b|(?=(?i:fold)\b))))"
)
# NUMBER_PATTERN without its number words, which can only start at letters: in an ASCII sentence
# without the "numword" feature the words cannot match (each is a whole word, which rules.features
# would have listed), so this finds the same matches while re skips every letter but "m".
DIGITS_PATTERN = patterns.compile(rf"{_SIGNED}|(?P<words>(?!)\x00))")  # the group kept, never matching
# The same amounts glued to a label (_GLUED_AMOUNT): a rule of their own, run only where rules.features
# saw a digit right after a letter, so that the common pattern keeps its fast start.
GLUED_PATTERN = patterns.compile(rf"{_GLUED_AMOUNT}{_SIGNED_BODY}|(?P<words>(?!)\x00))")
# An amount right after a currency written in letters ("RM5.9 billion", "Rp15,000"): a rule of its own, run
# only where rules.features saw such a prefix glued to a digit, for the same reason.
LETTER_CURRENCY_PATTERN = patterns.compile(
    "(?:" + "|".join(rf"(?<=\b{re.escape(p)})" for p in LETTER_CURRENCY_PREFIXES if not p.endswith(".")) + ")"
    rf"{_SIGNED_BODY}|(?P<words>(?!)\x00))")
_PERCENT = patterns.compile(r"(?:[ \u00a0\u202f]|\n(?=p))?(?:%|per[ ]?cent\b|percent\b|percentage[ ]+points?\b|pct\b|pp\b|ppts?\b)",
                      re.IGNORECASE)
# Basis points, a hundredth of a percentage point: "a 25 basis point cut" is "0.25 percentage point".
_BASIS_POINTS = patterns.compile(r"[ \u00a0-]?(?:basis[ -]points?\b|bps?\b)", re.IGNORECASE)
# A fraction of a point is a rate's step ("a quarter point", "half a percentage point", "three-quarters
# of a point"): percentage points. Only after a fraction: "3 points" is a score.
_POINT_AFTER_FRACTION = patterns.compile(r"(?:[ ]+of)?(?:[ ]+a)?[ -]+(?:percentage[ ]+)?points?\b", re.IGNORECASE)
# "40-odd", "2,000-odd", "4,000 odd people": the figure and some more ("odd" after a space only after a
# round figure: "3 odd socks" are odd ones).
_ODD_AFTER = patterns.compile(r"-odd\b")
_SPACED_ODD_AFTER = patterns.compile(r"[ ]odd\b")
_DECADES = frozenset(range(20, 100, 10))  # "the 80s" (_accept): a decade or a band of heat, never eighty seconds
# Counts in millions are reported, not counted on the page: "2.6 million video views", "over a million views".
_IN_MILLIONS = patterns.compile(r"\b(?:million|billion|trillion)\b", re.IGNORECASE)
# A "by the numbers" line names its figure's unit after a dash or a colon: "2,812 - nautical miles on her GPS
# track", "**42** — days the county had to wait".
_LIST_DASH = patterns.compile(r"(?:\*\*)?[ ]+[-–—:][ ]+")
# "6,300+", "18+": that figure or more (not "2+2", not "+38.6%": a sign before its figure).
_PLUS_AFTER = patterns.compile(r"\+(?![\w+])")
_ISH_AFTER = patterns.compile(r"-?ish\b")  # "700-ish kg", "40ish"
# Points written against the digits, as rate notes do: "0.25pp", "40bp", "25bps", "1.5ppt".
_GLUED_POINTS = patterns.compile(r"(?:pp|ppts?|bps?)\b", re.IGNORECASE)
# A share of a scale word: "a quarter of a million", "two thirds of a billion".
_OF_A_SCALE = patterns.compile(r"[ ]+of[ ]+an?[ ]+(?P<scale>thousand|million|billion|trillion)\b", re.IGNORECASE)
# A fraction of a unit of time or distance, the unit after "a": "half an hour", "a quarter of a mile".
_A_UNIT_AFTER_FRACTION = patterns.compile(
    r"(?:[ ]+of)?[ ]+an?[ ]+(?P<unit>second|minute|hour|day|week|month|year|decade|mile|kilometre|kilometer|metre|meter)\b"
    r"|[ ]+(?P<bare>mile|hour)\b",  # "a half hour", "half mile"
    re.IGNORECASE)


def _fraction_unit(sentence: str, pos: int) -> tuple[str, int] | None:
    """The unit the words after a fraction give it, and where they end: a point ("a quarter point") or
    a unit after "a" ("half an hour"); None for a plain share ("a third of the budget")."""
    if point := _POINT_AFTER_FRACTION.match(sentence, pos, pos + 40):
        return "percent", point.end()
    if unit := _A_UNIT_AFTER_FRACTION.match(sentence, pos, pos + 40):
        return UNITS[_key(unit["unit"] or unit["bare"])][0], unit.end()
    return None


_MULTIPLIER = patterns.compile(r"(?:[ ]+times\b|-?fold\b|x(?![\w.]))", re.IGNORECASE)  # "5x optical zoom"
_MINOR_WORD_AFTER = patterns.compile(r"(?:[ ]+|-(?=[a-z]))(?P<minor>cents?|pence)\b", re.IGNORECASE)  # also "a 4.2-cent cut"
_GRAND_AFTER = patterns.compile(r"[ ]+grand\b(?![ ]+(?:prix|slam|jury|tour|canyon|final|national|master|piano|opening)\b)")


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first, any run of blanks where a word has a space."""
    return "|".join(re.escape(w).replace(r"\ ", "[ ]+") for w in sorted(words, key=len, reverse=True))


# NATIONAL_CURRENCIES' adjective and word pairs ("Canadian dollars", "Swedish kronor").
_NATIONAL = "|".join(rf"(?:{_alternatives(table)})[ ]+(?:{_alternatives(forms)})"
                     for forms, table in NATIONAL_CURRENCIES.items())
_NATIONAL_CODES = {(adjective, form): code for forms, table in NATIONAL_CURRENCIES.items()
                   for adjective, code in table.items() for form in forms}
_CURRENCY_WORD_AFTER = patterns.compile(
    rf"(?:[ ]+|-(?=[a-z]))(?P<cur>(?P<national>{_NATIONAL})"
    r"|(?:dollars?|euros?|pounds(?: sterling)?|yen|yuan|renminbi|rupees?|francs?|pesos?|kron(?:er|or|e|a))"
    r"|" + "|".join(sorted({c for c in CURRENCY_WORDS.values() if len(c) == 3})) + r")\b",
    re.IGNORECASE,
)


def _currency_word(match: re.Match[str]) -> tuple[str, str]:
    """The word of a _CURRENCY_WORD_AFTER match that names the currency ("dollars"; all of "Canadian dollars",
    where the adjective settles it) and the currency it names."""
    if national := match["national"]:
        *adjective, form = national.lower().split()
        return national.lower(), _NATIONAL_CODES[(" ".join(adjective), form)]
    word = match["cur"].split()[-1].lower()
    return word, CURRENCY_WORDS.get(word, match["cur"].upper())


_CURRENCY_BEFORE = patterns.compile(
    r"(?P<cur>" + "|".join(re.escape(k) if not k[0].isalpha() else rf"\b{re.escape(k)}"
                           for k in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
    + r"|(?i:\b(?:usd|eur|gbp|jpy|chf|cny|inr|cad|aud|euros?))[ ]?"
    r"|\b(?:" + "|".join(c for c in CURRENCY_WORDS.values() if len(c) == 3) + r")[ ]?)[ ]?\Z"
)
_UNIT_AFTER = patterns.compile(
    # A unit may stand on the next line when the page wraps there ("52\nhours").
    r"(?P<sep>[ \u00a0\u202f]?-?|\n(?=[a-z°%])|)(?P<unit>" + _UNIT_TRIE + r")(?![\w²³/])",
    re.IGNORECASE,
)
# In a flattened infobox the next label follows the unit at once: "1,140 MWTurbines76".
_UNIT_AFTER_GLUED = patterns.compile(
    r"(?P<sep>[ \u00a0\u202f]?-?|)(?P<unit>" + _UNIT_TRIE + r")(?-i:(?![a-z\d_²³/])(?![A-Z](?![a-z])))",
    re.IGNORECASE,
)
_NEXT_LABEL = patterns.compile(r"[A-Z][a-z]")  # "76Capacity factor": the next label of a flattened infobox
_KELVIN_AFTER = patterns.compile(r"[ \u00a0]K(?![\w'’-])")  # "300 K": a capital K apart from the number
# Pence and cents joined to the digits: "41.8p", "35c", "99¢" (not "3p.m.", "5pm", "1080p": a video's lines).
_MINOR_AFTER = patterns.compile(r"(?P<minor>p|c|[ ]?¢)(?![\w'’/-]|\.[A-Za-z])|(?P<rate>c)(?=/[A-Za-z])")  # "58c/kWh": a price per unit
_VIDEO_LINES = frozenset({480.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0})
# A temperature without its degree sign: "minus 8C", "highs of 35C" (only where the sentence speaks of one).
_DEGREES_AFTER = patterns.compile(r"[ ]?(?P<scale>[CF])(?![\w'’/-])")  # "8C", and "minus 28 C" as wires write it
# A verb of a reading right before the figure: "Her cabin hit 38C", "they measured 401C on the hull plating".
_READING_BEFORE = patterns.compile(r"\b(?:hit|hits|hitting|reached|reaches|reaching|topped|tops|measured|recorded|touched"
                                   r"|(?:peaked|peaking|soared|climbed|rose|fell|dropped|plunged|sank)[ ]+(?:at|to))"
                                   r"[ ]+(?:(?:about|around|nearly|almost|over|some|roughly)[ ]+)?\Z", re.IGNORECASE)
# "31.8C", "88 °F", "(101F)": a temperature written out, or its conversion in brackets; "11C (": a reading
# whose conversion follows in brackets (so "54F" in "11C (54F)" is one too)
_OTHER_READING = patterns.compile(r"\d[ ]?°|\d\.\d+[CF](?![\w'’/-])|\(\d{1,3}(?:\.\d+)?[ ]?[CF]\)|\b\d{1,3}[CF][ ]?\(")
_APPROX_BEFORE = patterns.compile(
    r"(?:^|(?<=[\s(*_\[\"“‘']))(?P<approx>" + word_trie(sorted(APPROXIMATORS, key=len, reverse=True)) + r")[ ]*\Z",
    re.IGNORECASE,
)
# Ordinals, times of day, versions, codes such as "400M", and "7/7" or "2 / 8" (a date or a slide counter).
_NOT_AFTER = patterns.compile(r"(?:st|nd|rd|th)\b|[:.]\d|[ ]?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock)|[A-Za-z]|[ ]?/[ ]?\d",
                        re.IGNORECASE)
_SLASH_BEFORE = patterns.compile(r"\d[ ]?/[ ]?\Z")  # "2 / 8": the second number of a counter
_DIGIT_BEFORE = patterns.compile(r"\d[ ]?\Z")
_AMBIGUOUS_CODES = frozenset({"COP", "ALL", "CUP", "TOP", "MOP", "PEN", "GEL", "BAM", "MAD"})  # "COP 21" is a summit
_LETTERS = patterns.compile(r"[a-z]+")
MONTHS_LOWER = frozenset(MONTHS)
_RATING_BEFORE = patterns.compile(r"\b(?P<name>(?i:category|cat\.?|magnitude)|Force|VEI)[ -]?\Z")
_RATING_AFTER = patterns.compile(r"[ -](?i:magnitude)\b")
# A person's age, counted in years as "the 23-year-old" is: "aged 17", "at the age of 25", "age 41", and
# a name's apposition in news style, "Sorensen, 23, took over" (a whole number after a name, between commas).
_AGE_BEFORE = patterns.compile(r"\b(?i:aged|age[ ]of|age)[ ]\Z")
_APPOSITION_BEFORE = patterns.compile(r"(?-i:[A-Z][a-zà-ÿ'’-]+),[ ](?:then[ ])?\Z")
_APPOSITION_AFTER = patterns.compile(r",[ ]")
# At a sentence's end the apposition has no closing comma ("38 points from guard Kofi Aldane, 33."): then a
# whole name, two or three capitalised words (a surname may be hyphenated), must stand before it.
# One word of a person's name, capitalised, a surname perhaps hyphenated ("Marovna-Keel", "Lindqvist-Oduya").
_NAME_WORD = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*"
_APPOSITION_NAME_BEFORE = patterns.compile(rf"(?-i:(?:{_NAME_WORD}[ ]){{1,2}}{_NAME_WORD}),[ ](?:then[ ])?\Z")
_APPOSITION_END = patterns.compile(r"(?:\.|\[\d{1,3}\])(?:[ \n\[]|\Z)|\Z")
# And after a person and a copula, when no noun follows: "who was 53 at his conviction", "he's only 19.",
# "she turned 40 on Monday" (not "he was 25 minutes late", "it was 53", "they were 12"; nor a writer's own
# "I'm 41 and", which forum pages labelled from several fields never count as a claim).
_AGE_COPULA_BEFORE = patterns.compile(r"\b(?i:he|she|who)(?:['’]s|[ ](?:is|was|turned|turns|turning))[ ]"
                                      r"(?:(?:only|just|now|still|then|already|barely|nearly|almost|about|around)[ ])?\Z")
# A name and a copula, with "when" after: "Albrecht was 86 when he died", "Kellow was 40 when" (not "Turnout
# was 68.", which a name's capital cannot tell from a noun's at the start of a sentence).
_AGE_NAME_BEFORE = patterns.compile(r"\b[A-Z][a-z'’-]+[ ](?:was|is|turned)[ ]\Z")
_AGE_WHEN_AFTER = patterns.compile(r"[ ]+when\b")
# A name inside a sentence and a copula, and no noun after: "At the time Marrow was 63, Vey was 47 and Lindqvist-Oduya
# was 40." The name may not open the sentence ("Turnout was 68."), nor follow a preposition or an article, where a
# place or a body stands ("cases in England was 41", "the share for Labour was 32"); nor be a month or a day.
_AGE_NAME_INSIDE = patterns.compile(
    rf"(?P<prev>\b[a-z]+(?:[,;])?|[A-Za-z0-9]+[,;])[ ](?P<name>{_NAME_WORD})[ ](?:was|is|turned)[ ]\Z")
_NOT_BEFORE_A_NAME = frozenset("in at for of from by on to the a an with into over under than".split())
_NOT_A_NAME = MONTHS_LOWER | frozenset(WEEKDAYS)
_AGE_COPULA_AFTER = patterns.compile(r"[ ]*(?:[,.;:!?)\"”]|\Z)|[ ]+(?:at|when|and|as|in|on|so|but|or|with|by|I|then|now|too|tho"
                                     r"|though|anyway|either|already|yet|if|because|until|while|last|before|after)\b")
# "aged 6–11 months": the range's own unit, not years ("aged 60-74" are years).
_RANGE_NEXT = patterns.compile(r"[ ]*(?:[-–—]|to)[ ]*\d+[ ]*(?i:months?|weeks?|days?)\b")
# A warning scale's step: "alert level 3", "the threat level 4" (a bare "level 3" may be a floor or a grade).
_ALERT_LEVEL_BEFORE = patterns.compile(
    r"\b(?i:alert|warning|threat|danger|response|risk|heat|drought|flood|fire|terror|pandemic|volcanic|bulletin)\b"
    r"(?:[ ](?i:was|is|stood|stands|to|at|raised|lowered|went|goes|reached|reaches|rose|fell|up|down|of|the)){0,3}[ ]"
    r"(?P<level>(?i:level))[ ]\Z")
# A length of time right after the number undoes a name word before it ("on the top floor 37 minutes after").
_TIME_AFTER_NAME = patterns.compile(r"[ ](?i:minutes?|mins?|hours?|hrs?|seconds?|secs?|days?|weeks?|months?|years?)\b")


def _age_name_inside(sentence: str, start: int) -> bool:
    """Whether a name inside the sentence and a copula stand right before `start` (_AGE_NAME_INSIDE)."""
    m = _AGE_NAME_INSIDE.search(sentence, max(0, start - 50), start)
    if not m or m["name"].lower() in _NOT_A_NAME:
        return False
    prev = m["prev"]
    return prev[-1] in ",;" or prev.lower() not in _NOT_BEFORE_A_NAME


def _measure_after(sentence: str, end: int) -> bool:
    """Whether a unit of measure of more than one letter follows: "the stage 4.5 metres forward", "track 44 °C"
    (not "Section 4 in the report", "Level 3 m" or "Room 12 B")."""
    unit = _UNIT_AFTER.match(sentence, end, end + 24)
    if not unit or unit["sep"] not in (" ", "\u00a0", "\u202f", ""):
        return False
    form = unit["unit"].lower()
    return (len(form) > 2 or form.startswith("°")) and form in UNITS and is_measure(UNITS[form][0])


_PRICED_COMPOUND = patterns.compile(r"-(?i:dollar|euro|pound|yen|rupee|pesos?)\b")
_WORD = patterns.compile(r"[A-Za-z][\w'’-]*")
_W = f"({_WORD.pattern})"
# A counted noun joined to digits by a hyphen: "a 1,140-seat main house", "a 60-page report".
_HYPHEN_NOUN = patterns.compile(r"-(?P<noun>[a-z]{3,})\b(?!-)")
_PHRASE = patterns.compile(rf"\s*{_W}(?:\s+{_W}(?:\s+{_W}(?:\s+{_W}(?:\s+{_W})?)?)?)?")  # _noun_after's words, in one match
_AGE_GROUP = patterns.compile(r"-(?:year|month|week|day)s?-olds\b", re.IGNORECASE)
_CLOCK_AFTER = patterns.compile(r"[ ]+(?:in[ ]+the[ ]+(?:morning|afternoon|evening)|at[ ]+night|o['’]clock)\b", re.IGNORECASE)
# "the over-65s", "under-18s", "in their 30s", "in her mid-40s": an age band, not 65 seconds.
_AGE_BAND_BEFORE = patterns.compile(r"(?:\b(?:over|under)-|\b(?:their|his|her|my|your|our)[ ]+(?:(?:early|mid|late)[ -]?)?"
                              r"|\b(?:early|mid|late)[ -])\Z", re.IGNORECASE)


MAX_DIGITS = 18
# Compiled once: these run for every number read (re's own cache of patterns costs a look-up a call).
_GROUP_SPACE = patterns.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3})")
_COMMA_GROUPED = patterns.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DOT_GROUPED = patterns.compile(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?")
_DECIMALS = patterns.compile(r"[.,](\d{1,2})$")
_COMMA_INTEGER = patterns.compile(r"\d{1,3}(?:,\d{3})+")
_SPACES = patterns.compile(r"[ \u00a0\u202f]")


def parse_number_words(text: str) -> float | None:
    """Value of an English number phrase: "four hundred and twenty", "two and a half million"."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t]
    total, current, seen = 0.0, 0.0, False
    pending_half = False
    for index, token in enumerate(tokens):
        if token in ("a", "an"):
            if index == 0:
                current, seen = 1.0, True
            continue
        if token == "and":
            pending_half = tokens[index + 1 : index + 2] == ["half"] or tokens[index + 1 : index + 3] == ["a", "half"]
            continue
        if token == "half":
            if pending_half:
                current += 0.5
            else:
                current = (current or 1.0) * 0.5
            seen = True
            continue
        if token in NUMBER_WORDS:
            current += NUMBER_WORDS[token]
            seen = True
        elif token == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif token == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif token in SCALES:
            total += (current or 1.0) * SCALES[token]
            current, seen = 0.0, True
        else:
            return None
    return total + current if seen else None


_LOWER_WORD = patterns.compile(r"\b[a-z]")
_UPPER_WORD = patterns.compile(r"\b[A-Z]")


def _named_by_number(sentence: str, start: int) -> bool:
    """Whether a capitalised number word at `start` is part of a name: inside a sentence written in
    lower case, not at its start nor after a label's colon, a bracket ("Crew: Four") or a full stop
    the sentence splitter took for an abbreviation's ("at around 2.20pm. Forty-two of them")."""
    before = sentence[:start].rstrip()
    if not before or before[-1] in ":([—–-\"'“‘.!?" or at_sentence_start(sentence, start):
        return False
    return len(_LOWER_WORD.findall(sentence)) > len(_UPPER_WORD.findall(sentence))  # not a headline in Title Case


def scaled(value: float, factor: float) -> float:
    """`value` times a scale, as written: 16.4 x 1e6 is 16,400,000, not the float product 16,399,999.999999998
    (whose digits would hide a slip: "16.4" against "14.6")."""
    return value * factor if factor in (1.0, -1.0) else float(f"{value * factor:.15g}")


def _digits_value(raw: str) -> float:
    """Value of a digit string with thousands separators, a decimal comma or a vulgar fraction ("7½")."""
    if raw[-1] in _VULGAR:
        return float(raw[:-1]) + _VULGAR[raw[-1]]
    raw = _GROUP_SPACE.sub("", raw)  # "15 000"
    if _COMMA_GROUPED.fullmatch(raw):
        return float(raw.replace(",", ""))
    if _DOT_GROUPED.fullmatch(raw):
        return float(raw.replace(".", "").replace(",", "."))
    if "," in raw:
        return float(raw.replace(" ", "").replace(",", "."))
    return float(raw)


# "earns 5m a year": millions by the year, not metres a year (which a space writes: "1,170 m a year").
_MILLIONS_A_YEAR = patterns.compile(r"m[ ]+(?:a|per)[ ]+year\b", re.IGNORECASE)


def _unit_follows(sentence: str, end: int) -> bool:
    """Whether a unit that is no common word follows ("39k acre-feet", "1.2m tonnes"): then "m" and "k" are scales."""
    unit = _UNIT_AFTER.match(sentence, end)
    return unit is not None and unit["unit"].lower() not in AMBIGUOUS_UNITS  # not "the 100m in 9.58 seconds"


def _counts_follow(sentence: str, end: int) -> bool:
    """Whether a counted noun follows ("1.2m patients"): then "m" and "k" are scales, not units."""
    word = word_after(sentence, end).lower()
    if word == "hurdles":
        return False  # "the 110m hurdles": a race over 110 metres
    return word in COUNT_NOUNS or (word.endswith("s") and len(word) > 3 and word not in STOPWORDS and word not in UNITS)


# What follows a race's "5k" or "10k" ("a 10k run", "her 5k time"); another noun after "40k" counts
# thousands of it ("40k wafer starts a month").
_RACE_WORDS = frozenset("race races run runs runner course route loop walk fun event time times personal pb record pace split "
                        "splits best".split())
_RACE_KM = frozenset({1, 3, 5, 8, 10, 15, 20, 21, 25, 30, 42, 50, 80})  # distances run as races ("the 10k")


def _thousands_of(value: float, sentence: str, start: int, end: int) -> bool:
    """Whether "40k" at [start, end) counts thousands: "over 900k" (no race is run so far), "under 20k" (nor
    bounded), "75k if they build" (no race is run over it), or a noun other than a race's follows ("40k
    wafer starts")."""
    if value >= 100 or _APPROX_BEFORE.search(sentence, max(0, start - 25), start):
        return True
    if value == int(value) and value not in _RACE_KM:
        return True  # (a decimal needs its noun: "⬆ 1.2k" beside a post is a vote count, page chrome)
    word = word_after(sentence, end)
    return (word.isalpha() and word.islower() and len(word) > 2 and word not in STOPWORDS and word not in UNITS
            and word not in _RACE_WORDS)


def _step(digits: str, scale: float) -> float | None:
    """The rounding a writer shows with decimals: "1.3" is 1.3 +/- 0.05; integers get none here."""
    decimals = _DECIMALS.search(digits.replace(" ", "")) if not _COMMA_INTEGER.fullmatch(digits) else None
    return 10.0 ** -len(decimals.group(1)) * scale if decimals else None


_TIME_NOUNS = frozenset("minute hour day week month year decade".split())  # counted nouns that are units of time


_GLUE = patterns.compile(r"[a-z][A-Z]|[A-Z][A-Z][a-z]{2}")


# Words after a measure that say which dimension it is or where, not what it counts.
_MEASURE_WORDS = frozenset("long wide high tall deep thick broad across away apart ahead behind below above beyond "
                           "underground offshore inland old".split())


def _noun_after(sentence: str, pos: int) -> str | None:
    """The counted noun after a number: the first plural within a few words, else the first word."""
    # Up to five words with only white space before and between them: punctuation ends the noun phrase.
    phrase = _PHRASE.match(sentence, pos, min(len(sentence), pos + 60))
    words = []
    for k, w in enumerate(phrase.groups() if phrase else (), 1):
        if not w:
            continue
        # An infobox copied flat glues the next entry's label on: "1,126 coinsWeight3.62 kg",
        # "daysLocationSarnak", "76Capacity" ("LinkedIn", "SUVs" are words as written).
        glue = _GLUE.search(w)
        if glue and (len(_GLUE.findall(w)) > 1 or w[-1].isdigit() or sentence[phrase.end(k) : phrase.end(k) + 1].isdigit()):
            if glue.start() >= 2:
                words.append(w[: glue.start() + 1])
            break
        if not words and w[:1].isupper() and sentence[pos : pos + 1].isalpha():
            break
        words.append(w)
    lowered = [w.lower() for w in words]
    if lowered and lowered[0].endswith("ed") and len(lowered[0]) > 4:
        return None  # "37 required treatment", "12 died": the number is the subject of a verb
    if lowered and lowered[0] in COUNT_NOUNS:
        return lowered[0]  # "70,000 people singing Lantern Years": the people, not the song's years
    for word in lowered:
        if word in STOPWORDS and word not in ("and",) or word in NUMBER_WORDS:
            break  # "10,500 two years ago": another number starts another amount
        if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            return word[:-1]
    first = lowered[0] if lowered else None
    if first and (first in _MEASURE_WORDS or first.endswith("ly") and len(first) > 4):
        return None  # "1,720 m long", "13.8 knots shortly before": a dimension or an adverb, not what is counted
    return first if first and first not in STOPWORDS and first not in NUMBER_WORDS else None


# Words near "13.1m" that make it metres: a decimal with "m" is otherwise millions ("we did 13.1m",
# "9.6m bpd", "15.2m pax"), as a whole number with "m" is otherwise metres ("40m under the sea bed").
_LENGTH_CUES = frozenset(
    "tall high wide long deep depth height length width above below beneath under across span metres meters metre "
    "meter elevation altitude jump jumped throw threw thrown vault distance diameter radius thick thickness "
    # a conversion beside it ("6.84m, about 22 feet"), or what is measured so: a river's or the sea's height
    "feet foot ft inches river tide tides gauge wave waves surge crest crested".split())


def _decimal_millions(digits: str, abbr: str, sentence: str, start: int, end: int) -> bool:
    """Whether "13.1m" is 13.1 million: a decimal before a small "m" with no word of length near it."""
    return abbr == "m" and "." in digits and nearest_cue(sentence, start, end, _LENGTH_CUES, reach=40) is None


def nearest_cue(sentence: str, start: int, end: int, *cues: frozenset[str], reach: int = 80) -> int | None:
    """Which of several cue-word sets has a word nearest the span (within `reach` characters), or None."""
    best: tuple[int, int] | None = None
    for match in _LETTERS.finditer(sentence.lower(), max(0, start - reach), min(len(sentence), end + reach)):
        for which, words in enumerate(cues):
            if match.group() in words:
                distance = start - match.end() if match.end() <= start else match.start() - end
                if best is None or distance < best[0]:
                    best = (distance, which)
    return best[1] if best else None


def _pounds_unit(sentence: str, start: int, end: int, scale: float) -> str:
    """"pounds" after a number: a weight ("2,260 pounds (1,025 kilograms)") or money ("5 million pounds")."""
    cue = nearest_cue(sentence, start, end, POUND_MONEY_CUES, POUND_MASS_CUES)
    if cue is None:
        return "GBP" if scale > 1 else "lb"
    return "GBP" if cue == 0 else "lb"


def _unit_of(form: str, written: str, sentence: str, start: int, end: int) -> str:
    """The canonical unit for a matched unit form, where the same letters name two units."""
    if written == "MB":
        return "MB"  # megabytes in capitals; "902 mb" is a pressure in millibars
    if form == "kn" and written != "kN":
        return "kn"  # "30 kn": knots at sea; "129 kN" is a force
    if form == "kt":  # knots, unless the sentence speaks of tonnage ("210kt a year under the offtake")
        return "kt" if nearest_cue(sentence, start, end, KILOTONNE_CUES, KNOT_CUES) == 0 else "kn"
    if form == "mt" and written != "Mt":
        return "t"  # "500 MT of wheat": metric tons; "21.3Mt" of ore is megatonnes
    if form == "ml" and written == "ML":
        return "ML"  # "86 ML": megalitres; "500 ml" is a bottle
    if written == "Mw":
        return "magnitude"  # "7.1 Mw": the moment magnitude of an earthquake; "600 MW" is megawatts
    if form == "nm" and written != "NM":
        return "nm" if nearest_cue(sentence, start, end, NM_NANO_CUES, reach=60) is not None else "nmi"
    if form == "nm":
        return "nmi"
    return UNITS[form][0]


def _cents(sentence: str, start: int, end: int) -> str:
    """Euro cents where the sentence speaks of euros, else US cents."""
    return "EURc" if "€" in sentence or nearest_cue(sentence, start, end, EURO_CUES) is not None else "USc"


def _letter_unit(sentence: str, start: int, end: int, value: float, sign: float) -> tuple[str, int] | None:
    """A unit of one letter joined to the digits at [start, end), and its length: pence ("41.8p"), cents ("35c",
    euro cents where the sentence speaks of euros) or degrees without their sign ("minus 8C", where the sentence
    speaks of temperature); None for anything else ("1080p" is a video's lines, "Class 4C" a name)."""
    if match := _MINOR_AFTER.match(sentence, end, end + 4):
        if match["minor"] == "p":
            return None if value in _VIDEO_LINES else ("GBp", match.end() - end)
        return _cents(sentence, start, end), match.end() - end
    # A decimal before the capital ("a fall of 8.1C") is a reading, not a name or a grade ("Class 4C").
    # So is one beside another reading of the sentence: "the peak was 31.8C, so roughly 91F".
    if (match := _DEGREES_AFTER.match(sentence, end, end + 3)) and (
            sign < 0 or "." in sentence[start:end] or nearest_cue(sentence, start, end, TEMPERATURE_CUES, reach=60) is not None
            or _READING_BEFORE.search(sentence, max(0, start - 30), start)
            or _OTHER_READING.search(sentence, 0, start) or _OTHER_READING.search(sentence, end + 1)):
        return "°" + match["scale"], match.end() - end
    return None


def _compound_word(tail: str, value: float) -> str | None | bool:
    """For a number word joined by a hyphen to a word ("three-stage", "one-sided"): the counted noun, or False."""
    word = _WORD.match(tail, 1)
    head = word.group().lower().split("-")[0] if word else ""
    if value < 2 or not float(value).is_integer() or not head or head in COMPOUND_IDIOMS or head in _DENOMINATORS:
        return False  # "one-sided", "two-way", "two-thirds", "a half-life": a compound word, not an amount
    return head


# A latitude: "23.6° N", "21°N" (a position with its longitude or minutes is masked as coordinates).
_LATITUDE_AFTER = patterns.compile(r"[ ]?°[ ]?(?P<hemisphere>[NS])\b")
# A price right before a unit of sale: "£3.70 a dozen", "$4 per dozen".
_PRICE_BEFORE = patterns.compile(r"(?:[$£€¥]|\b[A-Z]{3}[ ]?)\d[\d,.]*(?:[ ]?(?:p|c))?[ ]+(?:per[ ]+)?\Z")
# A month before "20, 94%": the day of a date and the next figure ("By Tuesday, May 20, 94% were back"), not
# a decimal comma written with a space ("France with 10, 60 percent").
_MONTH_BEFORE = patterns.compile(rf"\b(?i:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?[ ]\Z")


def _build(m: re.Match[str], sentence: str, glued: bool = False) -> QuantitySpec | None:
    """Read a number with its scale, unit, currency and bound from the sentence around it (`glued`: in a
    flattened infobox, where the next label may follow the unit at once)."""
    g = m.groupdict()
    start, end = m.start(), m.end()
    if g["abbr"] == "B" and "." not in g["digits"] and not _CURRENCY_BEFORE.search(sentence, max(0, start - 6), start):
        return None  # "$41.6B", "2.35B" are billions; "Room 12B", "a 4B pencil" no amount
    if g["digits"] and ", " in g["digits"] and _MONTH_BEFORE.search(sentence, max(0, start - 11), start):
        second = NUMBER_PATTERN.match(sentence, m.start("digits") + g["digits"].index(", ") + 2)
        return _build(second, sentence, glued) if second else None
    scale = 1.0
    if g["digits"]:
        if sum(ch.isdigit() for ch in g["digits"]) > MAX_DIGITS:
            return None  # an account number or a data dump, not an amount in prose
        value = _digits_value(g["digits"])
        if g["scale"]:
            scale = SCALES[_key(g["scale"])]
    else:
        if joined := _UNITS_AND_UNITS.search(g["words"]):
            # "three and three-quarter lengths": "and" joins a number to a fraction only after a scale
            # word ("a hundred and three"); the number ends before it, the fraction is read below.
            g["words"] = g["words"][: joined.start()]
            end = m.start("words") + joined.start()
        if (cut := _second_number(g["words"])) is not None:
            g["words"] = g["words"][:cut]  # "up from nine two years ago": nine, then two years
            end = m.start("words") + cut
        parsed = parse_number_words(g["words"])
        if parsed is None or g["words"].lower() in SCALES and _DIGIT_BEFORE.search(sentence, max(0, start - 2), start):
            return None  # "R2.5 billion", "T4 million": the scale of a figure read as a name, no figure of its own
        value = parsed
    sign = -1.0 if g.get("sign") else 1.0
    number_start = m.start("digits") if g["digits"] else m.start("words")
    if g["words"] and g["words"][0].isupper() and _named_by_number(sentence, number_start):
        return None  # "their album Seventeen", "the Big Four": a capital number word inside a sentence names something
    if g["words"] and g["words"].lower().endswith("dozen") and _PRICE_BEFORE.search(sentence, max(0, start - 24), start):
        return None  # "£3.70 a dozen": what a price is for, not a count
    glued = g["digits"] and sign > 0 and number_start > 0 and sentence[number_start - 1].islower()
    # (looked for only where "level" stands right before: this runs for every figure)
    alert = (_ALERT_LEVEL_BEFORE.search(sentence, max(0, start - 48), start)
             if g["digits"] and sentence[max(0, start - 6) : start].lower() == "level " else None)
    if not glued and not alert and is_identifier_context(sentence, number_start if sign > 0 else start) \
            and not (g["digits"] and (_TIME_AFTER_NAME.match(sentence, end) or _measure_after(sentence, end))):
        return None  # "floor 37", "Flight 370"; but "the top floor 37 minutes after the call" is a time, "track 44 °C" a reading
    if g["digits"] and _SLASH_BEFORE.search(sentence, max(0, start - 4), start):
        return None  # "2 / 8": a slide counter
    if g["digits"] and is_clock_time(sentence, m.start("digits"), m.end("digits")):
        return None
    tail = sentence[end : end + 80]  # bounded: a slice to the sentence end is quadratic on long lines
    noun: str | None = None
    if g["words"] and tail[:1] == "-" and tail[1:2].isalpha() and not _UNIT_AFTER.match(tail) and not _ODD_AFTER.match(tail):
        compound = _compound_word(tail, value)
        if compound is False:
            return None
        noun = compound  # "a three-stage rocket", "the eight-man orchestra": a count of stages, of men
    if _AGE_GROUP.match(tail):
        return None  # "five-year-olds", "18-year-olds": an age group, not an amount
    if g["digits"] and tail[:1] == "s" and not tail[1:2].isalnum() and _AGE_BAND_BEFORE.search(sentence, max(0, start - 16), start):
        return None  # "the over-65s", "in their 30s": an age band
    if value <= 12 and _CLOCK_AFTER.match(tail):
        return None  # "at two in the morning", "ten o'clock": a time of day
    if g["words"] and _PRICED_COMPOUND.match(tail) and g["words"].split()[-1].lower() in SCALES:
        head = g["words"].rsplit(None, 1)[0] if " " in g["words"] else ""
        counted = parse_number_words(head) if head else None
        if counted is None or counted == 1:
            return None  # "a billion-dollar company": an adjective, not an amount
        value, end = counted, m.start("words") + len(head)  # "three billion-dollar franchises": three of them
        tail = sentence[end : end + 80]
    # "41.8p", "35c", "minus 8C": a unit of one letter joined to the digits, where it is one
    lettered = _letter_unit(sentence, start, end, value, sign) if g["digits"] and not g["scale"] and not g["abbr"] else None
    if g["digits"] and not g["scale"] and not g["abbr"] and _NOT_AFTER.match(tail) and not _UNIT_AFTER.match(tail) \
            and lettered is None and not _GLUED_POINTS.match(tail) and not _MULTIPLIER.match(tail) \
            and not (glued and _NEXT_LABEL.match(tail)):
        return None  # ordinal, time of day, version number, or a code such as "400M"

    unit: str | None = None
    currency = _CURRENCY_BEFORE.search(sentence, max(0, start - 6), start)
    if currency and currency["cur"].strip() in _AMBIGUOUS_CODES and scale == 1.0 and not g["abbr"] and value < 1000:
        currency = None  # "COP 21", "PEN 3": an acronym before a small number, not Colombian pesos
    if currency:
        unit = CURRENCY_SYMBOLS.get(currency["cur"].strip()) or CURRENCY_WORDS.get(currency["cur"].strip().lower())
        start = currency.start()
    if g["abbr"]:
        abbr = _key(g["abbr"].strip())
        # A capital M after digits is millions ("31M MAU"), never metres; so is a small one after a decimal
        # with no word of length near ("we did 13.1m").
        if abbr in ("m", "k") and not unit and not _counts_follow(sentence, m.end()) \
                and not (abbr == "k" and _thousands_of(value, sentence, start, m.end())) \
                and not _unit_follows(sentence, m.end()) and not _MILLIONS_A_YEAR.match(sentence, m.start("abbr")) \
                and g["abbr"] != "M" and not _decimal_millions(g["digits"], abbr, sentence, start, m.end()):
            # "a 5 m wall", "5k": a metre or a race, not a scale; re-read as a unit. But "over 900k" is
            # thousands: no race or code is run so.
            end = m.start("abbr")
        else:
            scale = SCALE_ABBREVIATIONS[abbr]  # "$4m", "1.2m patients", "20k runners", "39k acre-feet"
    value = scaled(value, scale * sign)
    rounding = None  # the step a fraction in words shows: "52 and a half days" is 52.25 to 52.75
    if g["words"] and (part := _WORDS_END_IN_FRACTION.search(g["words"])):
        rounding = _fraction(part["fraction"])[1]
    tail = sentence[end : end + 80]  # bounded: a slice to the sentence end is quadratic on long lines
    if (g["digits"] or g["words"] and value.is_integer()) and scale == 1.0 and value < 1000 \
            and (part := _AND_A_FRACTION.match(tail)):
        # "13 and a half hours", "12 and three quarters" (years, in a list of sentences), as the words are
        # read; "two and a quarter hours" (the number words read "two and a half" themselves)
        # "three quarters", "three-quarter lengths", "two thirds": one entry each, by the singular
        share, rounding = _fraction(part["fraction"])
        value, end = value + share, end + part.end()
        tail = sentence[end : end + 80]
    ish = _ISH_AFTER.match(tail)
    if ish:  # "700-ish kg", "40ish": about the figure, and the unit after it still the figure's
        end += ish.end()
        tail = sentence[end : end + 80]
    if match := _LATITUDE_AFTER.match(tail):
        unit, end = "°" + match["hemisphere"], end + match.end()  # "23.6° N": a latitude, north or south
    elif (match := _PERCENT.match(tail)) and not (unit and match.group().strip().lower() == "pp"):
        unit, end = "percent", end + match.end()  # but "£8.50pp" is per person
    elif match := _BASIS_POINTS.match(tail):
        unit, end = "bp", end + match.end()
    elif g["words"] and 0 < value < 1 and (after := _fraction_unit(sentence, end)):
        unit, end = after  # "half a percentage point", "half an hour"
    elif match := _MULTIPLIER.match(tail):
        unit, end = "times", end + match.end()
    elif not unit and (match := _MINOR_WORD_AFTER.match(tail)):
        # "44 cents", "12 pence": the written value in the minor unit, as "44c" and "12p" are read
        unit = "GBp" if match["minor"].lower().startswith("p") else _cents(sentence, start, end)
        end = end + match.end()
    elif not unit and g["digits"] and scale == 1.0 and (match := _GRAND_AFTER.match(tail)):
        value, end = scaled(value, 1000.0), end + match.end()  # "60 grand": thousands, in speech and forums
    elif match := _CURRENCY_WORD_AFTER.match(tail):
        word, unit = _currency_word(match)
        if word in ("pound", "pounds") and currency is None:
            unit = _pounds_unit(sentence, start, end, scale)
        end = end + match.end()
    elif not unit and (match := (_UNIT_AFTER_GLUED if glued else _UNIT_AFTER).match(tail)) \
            and (form := _key(match["unit"])) in UNITS:
        attached = match["sep"] == "" or "-" in match["sep"]  # "5m", "ten-ton": joined to the number
        # Not the first letter of a compound unit ("528.5 g·mol−1", "5 g/l").
        cued = (form in LETTER_UNIT_CUES and tail[match.end():match.end() + 1] not in ("·", "/")
                and nearest_cue(sentence, start, end, LETTER_UNIT_CUES[form], reach=60) is not None)
        capitals = form not in CAPITAL_UNITS or match["unit"].isupper()  # "0.56 LD", not "3 au pairs"
        if capitals and (form not in AMBIGUOUS_UNITS or attached or cued
                         or (g["digits"] and form not in ("in", "s", "h", "t", "g", "l", "w"))):
            unit, end = _unit_of(form, match["unit"], sentence, start, end), end + match.end()
            if part := _fraction_after(sentence, end):  # "two years and a half", "three hours and a quarter"
                value, rounding, end = value + part[0], part[1], part[2]
    elif not unit and scale == 1.0 and (match := _KELVIN_AFTER.match(tail)):
        unit, end = "K", end + match.end()
    elif not unit and lettered is not None:
        unit, end = lettered[0], end + lettered[1]
    elif g["abbr"] and g["abbr"].lower() in ("m", "k") and not unit and scale == 1.0:
        return None  # "5k" with neither a count nor a unit after it: a code, not an amount

    if unit is None and scale == 1.0:
        if alert:
            unit, start = "level", alert.start("level")  # "alert level 3": a rating, not a floor of a building
        elif rating := _RATING_BEFORE.search(sentence, max(0, start - 12), start):
            unit, start = SCALE_NAMES[_key(rating["name"]).rstrip(".")], rating.start()  # "Category 4", "magnitude-6.4"
        elif rating := _RATING_AFTER.match(sentence, end, end + 12):
            unit, end = "magnitude", rating.end()  # "a 7.8-magnitude earthquake"
        elif g["digits"] and value == int(value) and 0 < value < 120 and not _RANGE_NEXT.match(sentence, end) and (
                _AGE_BEFORE.search(sentence, max(0, start - 8), start)
                or _APPOSITION_BEFORE.search(sentence, max(0, start - 40), start) and _APPOSITION_AFTER.match(sentence, end)
                or _APPOSITION_NAME_BEFORE.search(sentence, max(0, start - 60), start) and _APPOSITION_END.match(sentence, end)
                or _AGE_COPULA_BEFORE.search(sentence, max(0, start - 24), start) and _AGE_COPULA_AFTER.match(sentence, end)
                or _AGE_WHEN_AFTER.match(sentence, end) and _AGE_NAME_BEFORE.search(sentence, max(0, start - 30), start)
                or _AGE_COPULA_AFTER.match(sentence, end) and _age_name_inside(sentence, start)):
            unit = "year"  # "he died aged 84", "Holt, 41, said", "who was 53 at": an age, as "the 84-year-old" is

    if not unit and not currency and (dash := _LIST_DASH.match(tail)) and at_sentence_start(sentence, start) \
            and (match := _UNIT_AFTER.match(tail, dash.end())) and match["sep"] == "" \
            and len(form := _key(match["unit"])) > 2 and form in UNITS and form not in AMBIGUOUS_UNITS:
        unit = _unit_of(form, match["unit"], sentence, start, end)  # "2,812 - nautical miles on her GPS track"
    odd = (_ODD_AFTER.match(sentence, end) or value >= 10 and value % 10 == 0 and _SPACED_ODD_AFTER.match(sentence, end)
           or _PLUS_AFTER.match(sentence, end)) if unit is None else None
    if odd:
        end = odd.end()  # "2,000-odd buildings": some more than 2,000
    if not noun and unit is None and (compound := _HYPHEN_NOUN.match(sentence, end)) \
            and compound["noun"] not in COMPOUND_IDIOMS and compound["noun"] not in STOPWORDS:
        noun = compound["noun"]  # "a 1,140-seat main house": it counts seats, as "1,140 seats" does
    noun = noun or _noun_after(sentence, end)
    if unit is None and scale == 1.0 and noun in _TIME_NOUNS:
        # "4.1 monthly migraine days", "ten straight days": a count of days is a span of them, so it
        # meets a table's "Reduction (days)" or "lasted 10 days" on one scale.
        unit = UNITS[noun][0]
    start, approx, low, high, bound = _bounds(sentence, start, value)
    if bound and (compass := _COMPASS.match(sentence, start)) and not _is_money(unit):
        start, approx, low, high, bound = compass.end(), "exact", None, None, False  # "north of 10 Downing Street": a place
    if (approx == "over" and unit_dimension(unit) == "length" and (passed := _PASSED_BY.match(sentence, start))
            and _WHERE_AFTER.match(sentence, end)):
        start, approx, low, high = passed.end(), "exact", None, None
    if odd and approx == "exact":
        approx, bound = "at_least" if odd.group() == "+" else "over", True
    elif ish and approx == "exact":
        approx = "about"
    bare = unit is None and scale == 1.0 and not bound
    step = rounding or (_step(g["digits"], scale) if g["digits"] and g["digits"][-1] not in _VULGAR else None)
    return QuantitySpec(start, end, value, unit, approx, low, high, noun, bare, scale, step)


# A bound negated just before it turns round: "didn't drop below 85°F" is at least 85°F, "never rose
# above 2%" at most 2%. ("no more than", "not more than" are approximators of their own.)
_NEGATED = patterns.compile(r"(?:\bnot|n['’]t|\bnever)(?:[ ]+[a-z]+){0,2}[ ]+$", re.IGNORECASE)
_FLIPPED = {"under": "at_least", "at_most": "at_least", "over": "at_most", "at_least": "at_most"}
# A verb that moves a figure up, just before "up to": the particle of "pushed ... up", not a bound.
_MOVED_UP = patterns.compile(r"\b(?:push|pushed|pushes|went|goes|go|gone|moved|moves|shot|shoots|jumped|jumps|ramped|ramps|"
                             r"bumped|bumps|revised|revises|driven|drove|drives|brought|brings|sent|sends|edged|edges|crept|"
                             r"creeps|ticked|ticks|climbed)\b(?:[ ]+[^ .,;:]+){0,4}[ ]+$", re.IGNORECASE)


# "north of £900m" is money talk for "over"; before anything else "north of" is a direction.
_COMPASS = patterns.compile(r"(?i:north|south)[ ]+of[ ]+")


def _is_money(unit: str | None) -> bool:
    """A currency's code ("GBP") or a minor unit ("GBp"), not a measure."""
    return unit is not None and (unit in MINOR_CURRENCIES or len(unit) == 3 and unit.isalpha() and unit.isupper())


# "passed 215,300 kilometres from Earth": a body that went by at that distance, not a figure that
# topped it ("membership passed 165,000").
_PASSED_BY = patterns.compile(r"pass(?:ed|es)[ ]+", re.IGNORECASE)
_WHERE_AFTER = patterns.compile(r"[ ]+(?:from|away|off|above|below|beneath|over|under|of|north|south|east|west)\b", re.IGNORECASE)


def _bounds(sentence: str, start: int, value: float) -> tuple[int, str, float | None, float | None, bool]:
    """An approximator right before the amount ("over", "nearly", "up to"): new start, kind and bounds."""
    bound = _APPROX_BEFORE.search(sentence, max(0, start - 25), start)
    if not bound:
        return start, "exact", None, None, False
    word = _key(bound["approx"])
    if word == "up to" and _MOVED_UP.search(sentence, max(0, bound.start() - 40), bound.start()):
        return start, "exact", None, None, False  # "pushed the fuel bill up to €2.6 billion": it rose to it
    approx = APPROXIMATORS[word]
    if approx in _FLIPPED and _NEGATED.search(sentence, max(0, bound.start() - 30), bound.start()):
        approx = _FLIPPED[approx]  # "the temperature didn't drop below 85°F": at least 85°F
    low = high = None
    if approx in ("over", "at_least"):
        low = value
    elif approx in ("under", "at_most"):
        high = value
        if word in ("nearly", "almost", "just under", "close to"):
            low = value - abs(value) * 0.1  # "nearly 2,000" is a little under 2,000, not any smaller number
    elif approx == "about":
        low, high = value - abs(value) * 0.1, value + abs(value) * 0.1
    return bound.start(), approx, low, high, True


_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                 "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}
FRACTION_PATTERN = patterns.compile(
    r"\b(?P<num>(?i:an?|one|two|three|four|five|six|seven|eight|nine))[ -]"
    # Not a word made with it: "a quarter-final", "a third-party vendor", "a quarter-century".
    r"(?P<den>(?i:halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?))\b(?!-[a-z])(?![ ]+of[ ]+(?:19|20)\d\d)"
)


# What may follow a share ("a third of", "fell by a fifth in the decade", "a quarter went to wages",
# "a quarter point"); another word after "a third" makes it an ordinal ("a third major title").
_SHARE_FOLLOWERS = frozenset(
    "of in on at to from by for and or but than since over under with between among across during after before "
    "was were is are has had have went came fell rose will would could more less fewer higher lower larger smaller "
    "bigger last this next earlier later each every the a an its their his her point points percentage".split())


# A share in words is a rounding: "a quarter of a metre" for 24 cm, "a third" for 32%, "six in ten" for 58%,
# within a tenth of it either way (its step, this share of its value).
WORD_SHARE_STEP = 0.2


def build_fraction(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """"a third", "two-thirds", "nearly a fifth": a share, as a fraction of one."""
    num = _key(m["num"])
    numerator = 1 if num in ("a", "an") else NUMBER_WORDS[num]
    value = numerator / _DENOMINATORS[_key(m["den"])]
    if value >= 1:
        return None
    if numerator == 1 and not m["den"].lower().endswith("s") and (after := word_after(sentence, m.end())) \
            and after.islower() and after not in _SHARE_FOLLOWERS:
        return None  # "chasing a third major title", "a fifth term": an ordinal before its noun
    start, approx, low, high, _ = _bounds(sentence, m.start(), value)
    step = value * WORD_SHARE_STEP
    if share := _OF_A_SCALE.match(sentence, m.end(), m.end() + 20):
        # "a quarter of a million people", "three quarters of a billion dollars": that share of the scale
        scale = SCALES[_key(share["scale"])]
        unit, end = None, share.end()
        if cur := _CURRENCY_WORD_AFTER.match(sentence, end, end + 30):
            unit, end = _currency_word(cur)[1], cur.end()
        return QuantitySpec(start, end, value * scale, unit, approx, low * scale if low is not None else None,
                            high * scale if high is not None else None, _noun_after(sentence, end), False,
                            step=step * scale)
    if after := _fraction_unit(sentence, m.end()):
        return QuantitySpec(start, after[1], value, after[0], approx, low, high, None, False, step=step)
    # A share of a whole, in the unit "share" (a fraction of one): a hundred percent, so that "lost nearly a
    # quarter of their value" meets the record's "fell 23.4%".
    return QuantitySpec(start, m.end(), value, SHARE, approx, low, high, _noun_after(sentence, m.end()), False, step=step)


# A share written as so many in so many ("six in ten pharmacies", "about 1 in 5 patients", "two in five"):
# one claim, the share, as a fraction of one (unit "share", as "two-fifths" is), never "six" and "ten" apart.
# Only up to "in 100": "1 in 2,700" states odds, read as the 2,700 (the number rules). Not "out of", a mark
# on a scale ("88 out of 100"), nor a count in a span of time ("3 in 10 days").
IN_RATIO_PATTERN = patterns.compile(
    r"(?<![\w.,$£€-])(?P<n>\d{1,2}|(?i:one|two|three|four|five|six|seven|eight|nine))[ ]+in[ ]+"
    r"(?P<m>\d{1,3}|(?i:two|three|four|five|six|seven|eight|nine|ten|twenty|a[ ]hundred|hundred))\b(?![.,]\d|-)"
)
_RATIO_NOT_BEFORE = frozenset("days day weeks week months month years year hours hour minutes minute seconds games "
                              "matches attempts tries starts races innings overs moves laps rounds sets shots".split())


def build_in_ratio(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """"six in ten", "1 in 5": a share, as a fraction of one."""
    n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"].lower()]
    den = m["m"].lower().replace("a ", "")
    whole = int(den) if den.isdigit() else (100 if den == "hundred" else NUMBER_WORDS[den])
    if not 0 < n < whole <= 100 or word_after(sentence, m.end()).lower() in _RATIO_NOT_BEFORE:
        return None
    if is_identifier_context(sentence, m.start()):
        return None  # "won Game 2 in 47 moves": a game's number, then a count
    value = n / whole
    start, approx, low, high, _ = _bounds(sentence, m.start(), value)
    return QuantitySpec(start, m.end(), value, SHARE, approx, low, high, _noun_after(sentence, m.end()), False,
                        step=value * WORD_SHARE_STEP)


# A race or finishing time, hours:minutes:seconds ("won in 2:04:47", "a chip time of 3:41:27.4"): a
# duration in seconds. A time of day with seconds comes after "at" or with a zone or am/pm.
RACE_TIME_PATTERN = patterns.compile(
    r"(?<![\d:.,])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?:\.(?P<frac>\d{1,3}))?(?![\d:])")
_CLOCK_BEFORE = patterns.compile(r"\b(?i:at|from|until|till|since)[ ]+\Z")
_CLOCK_AFTER_TIME = patterns.compile(r"[ ]?(?i:a\.?m\b\.?|p\.?m\b\.?|utc|gmt|bst|cet|cest|est|edt|pst|pdt|local|hours?|hrs?)\b")


def _measured(m: re.Match[str], sentence: str, value: float, unit: str, frac: str | None = None) -> QuantitySpec:
    """A value the match wrote in several parts (a time, a weight), in `unit`, with the bound words before it:
    as exact as its finest part, or its last decimal (`frac`: the digits after the point)."""
    start, approx, low, high, _ = _bounds(sentence, m.start(), value)
    return QuantitySpec(start, m.end(), value, unit, approx, low, high, None, False,
                        step=10.0 ** -len(frac) if frac else 1.0)


def _seconds_fraction(frac: str | None) -> float:
    """The fraction of a second written after the point ("2:05:31.48": 0.48), or 0."""
    return float("0." + frac) if frac else 0.0


# A solar flare's class: "an X4.7 solar flare", "M-class flares ... the biggest an M6.1" (the letter is the
# power of ten of its peak flux, the figure a multiple of it): the figure, in the class's own unit.
FLARE_PATTERN = patterns.compile(r"(?<![\w.-])(?P<cls>[XMC])(?P<n>\d{1,2}(?:\.\d{1,2})?)(?![\w]|\.\d)")
_FLARE_NEAR = patterns.compile(r"(?i:\bflares?\b)(?!-)")  # not "flare-up"
_FLARE_AFTER = patterns.compile(r"[ -](?i:class|flare)\b")


# Seismologists write a magnitude "M3.2" too: where the sentence speaks of a quake, it is one.
# A seismic agency's event title: "M6.8 - 14 km SSW of Kesric".
_EPICENTRE_AFTER = patterns.compile(r"[ ]+[-–—][ ]+\d+(?:\.\d+)?[ ]?km[ ]+[NSEW]{1,3}[ ]+of\b")
_SEISMIC_NEAR = patterns.compile(r"(?i:\b(?:seismic|seismolog\w*|earthquakes?|quakes?|tremors?|aftershocks?|tsunamis?|epicent(?:re|er))\b)")


def build_flare(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """"X4.7": a flare's class where the sentence speaks of a flare (else a motorway, a model, a grade), written
    with its decimal or named so ("an X9 flare"); "M3.2" beside a quake is its magnitude."""
    n = m["n"]
    near = (max(0, m.start() - 80), m.end() + 40)
    if m["cls"] == "M" and "." in n and (_SEISMIC_NEAR.search(sentence, *near) and not _FLARE_NEAR.search(sentence, *near)
                                         or _EPICENTRE_AFTER.match(sentence, m.end())):
        unit = "magnitude"
    elif ("." in n or _FLARE_AFTER.match(sentence, m.end())) and _FLARE_NEAR.search(sentence, *near):
        unit = f"{m['cls']}-class flare"
    else:
        return None
    decimals = len(n.partition(".")[2])
    spec = _measured(m, sentence, float(n), unit)
    return replace(spec, step=10.0 ** -decimals if decimals else None)


# "stopped the clock at 2:00:19", "crossed the line at 2:04:47": a finishing time, though "at" leads it.
_FINISH_AT = patterns.compile(r"\b(?i:clock|watch|line|tape|finish)[ ]+at[ ]+\Z")


def build_race_time(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """"2:04:47": two hours, four minutes and 47 seconds, in seconds, as exact as its last digit."""
    if (_CLOCK_BEFORE.search(sentence, max(0, m.start() - 8), m.start())
            and not _FINISH_AT.search(sentence, max(0, m.start() - 16), m.start())) \
            or _CLOCK_AFTER_TIME.match(sentence, m.end()):
        return None  # "at 12:34:56", "21:40:05 UTC": a moment, not a length of time
    value = int(m["h"]) * 3600 + int(m["m"]) * 60 + int(m["s"]) + _seconds_fraction(m["frac"])
    return _measured(m, sentence, value, "s", m["frac"])


# A running time in minutes:seconds ("the single runs 3:41", "clocking in at 6:14", "48:37 of music"): a
# duration in seconds where a word says so or a fraction of a second is written (a lap, "1:18.406");
# otherwise "3:41" is a time of day or a score.
TRACK_TIME_PATTERN = patterns.compile(
    r"(?<![\d:.,])(?P<m>\d{1,3}):(?P<s>[0-5]\d)(?:\.(?P<frac>\d{1,3}))?(?![\d:]|[ ]?(?i:a\.?m\b|p\.?m\b))")
_TRACK_TIME_BEFORE = patterns.compile(
    r"\b(?i:runs?|running[ ]+time[ ]+of|runtime[ ]+of|clocks?[ ]+in[ ]+at|clocking[ ]+in[ ]+at|clocked[ ]+in[ ]+at"
    r"|lasts?|lasting|length[ ]+of|duration[ ]+of|took|takes|taking"
    # a fact sheet's or a track list's label: "Length: 48:37", "Running time: 3:41"
    r"|(?:length|duration|running[ ]+time)[ ]*:"
    # a dive's or a swim's parts and totals: "Dive time: 3:51", "a descent of 1:58", "the descent at 1:53", "total 3:52"
    r"|(?:dive|swim|descent|ascent|split|lap|total|elapsed)(?:[ ]+time)?(?:[ ]*:|[ ]+(?:of|was|at|in|is))?"
    # a race's parts: "went through halfway in 60:02", "reached 5km in 14:12", "a second half of 60:17"
    r"|(?:halfway|half|miles?|metres|meters|kilometres|kilometers)[ ]+(?:in|of)|\d+(?:\.\d+)?[ ]?(?:km|k|mi|m)[ ]+in"
    r"|(?:won|finished|finishing|ran|clocked|covered|completed|swam|swum)\b[^.;:,\n]{0,40}?[ ]in"
    # a record or a finishing time named before it: "the old record was 18:22", "lowered the record to 18:05"
    r"|(?:record|best|winning[ ]+time|finishing[ ]+time)[ ]+(?:was|of|to|is|at|in)"
    # a distance's split in brackets: "at 10 km (28:25)"
    r"|\d+(?:\.\d+)?[ ]?(?:km|k|mi|miles?|m)[ ]*\()"
    r"(?:[ ]+(?i:just|only|about|nearly|almost|over|under))?[ ]*\Z")
_TRACK_TIME_AFTER = patterns.compile(r"[ ]+(?i:of[ ]+(?:music|audio|footage|no[ ]+skips)|long\b|running[ ]+time\b"
                                     # a fact list's entry: "16:27 – the winning time, the quickest for ..."
                                     r"|[–—-][ ]+[^.;:\n]{0,30}?\b(?:winning|finishing|race|record|course)[ ]+time\b"
                                     r"|(?:dive|swim|total|elapsed|split|lap)[ ]+time\b"
                                     r"|for[ ]+the[ ]+(?:first|second|last|final|opening|closing)[ ]+(?:half|lap|mile|km)\b"
                                     r"|half[- ]marathon\b|marathon\b)")


def build_track_time(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """"3:41": three minutes and 41 seconds, in seconds, where a word makes it a running time; "1:18.406"
    (a lap, to the thousandth) always: no time of day is written with a fraction of a second."""
    frac = m["frac"]
    if not frac and not (_TRACK_TIME_BEFORE.search(sentence, max(0, m.start() - 56), m.start())
                         or _TRACK_TIME_AFTER.match(sentence, m.end())):
        return None
    return _measured(m, sentence, int(m["m"]) * 60.0 + int(m["s"]) + _seconds_fraction(frac), "s", frac)


_ONE_LEADS = frozenset("just only exactly precisely".split())  # "just one of the children died": a count
_ONE_NOT_AFTER = frozenset("the every any no not each this that which a an some at into under as in on".split())
_MODALS = frozenset("might may could would will should can must shall".split())
_ARTICLES = frozenset("a an the another other".split())  # "a slimmer central one used by ...": a pronoun
_ONE_IDIOMS = frozenset(  # "one last chance", "one reason is"
    "another last more day time way thing things side hand reason example instance problem issue aspect idea "
    "option theory explanation possibility factor key such".split()
)
_ROUND_NOUNS = frozenset("stage round tie ties match matches clash game games draw".split())  # "the last 16 stage"
_NAME_SERIES = patterns.compile(  # "Viking 1 & 2", "Apollo 11, 12 and 14"
    r"[A-Z][\w'’-]*[ ]\d{1,2}(?:[ ]?(?:&|and|,)[ ]?\d{1,2})*[ ]?(?:&|and|,)[ ]?\Z")
_DAY_LIST_WORDS = frozenset("and or to through till until".split())  # "July 23, 24 and 25": more days
_ROUND_OF = patterns.compile(r"\b(?i:round)[ ]+of[ ]+\Z")  # "the round of 16"
_ADDRESS = patterns.compile(r"(?:[ ][A-Z][\w'’-]*){1,2}[ ](?:Street|St|Road|Rd|Avenue|Ave|Lane|Boulevard|Blvd|Drive|Dr"
                      r"|Place|Square|Sq|Terrace|Court|Crescent|Parkway|Highway)\b")
# "1577 in Louisiana, 238 in Mississippi": a count in a list of counts, not a year
_PARALLEL_COUNTS = patterns.compile(r"[ ]in[ ][A-Z][\w'’ ]{0,30}?,[ ]*(?:and[ ]+)?\d[\d,]*[ ]in[ ][A-Z]")
_MORE_NUMBERS = patterns.compile(r"[ \t]+\d[\d,.]*[ \t]+\d")  # "United States 4 1 21": a row of figures, not a name
_NUMBERING_AFTER = patterns.compile(r"(?:[.)][ \t]+(?:[A-Z£$€]|\d)|[ \t]+(?P<word>[A-Z][a-z]*)\b)")  # "2. The", "## 1. 78%"
_ROW = patterns.compile(r"[^\d\n]*\d+(?:[ \t\u00a0]+\d+)+[ \t]*")  # "Labour 191 203": a label, then figures
_UNGROUPED = patterns.compile(r"\d[ \t\u00a0]+(?:\d{1,2}|\d{4,})[ \t]*\Z")  # "LD 13 11": columns, not thousands


def _line(sentence: str, pos: int) -> tuple[int, int]:
    """Start and end of the line of the sentence that holds `pos`."""
    end = sentence.find("\n", pos)
    return sentence.rfind("\n", 0, pos) + 1, len(sentence) if end < 0 else end


_ROW_LINE = patterns.compile(r"[ \t]*[A-Za-z][A-Za-z'’&.-]*(?:[ ][A-Za-z][A-Za-z'’&.-]*){0,2}(?:[ \t\u00a0]+\d{1,3}){2,}[ \t]*")


def in_figure_table(sentence: str, pos: int) -> bool:
    """Whether `pos` stands in a plain-text table row: a short label, then figures and nothing else.

    "Conservative 368 365" on a line of its own is a row of two cells; "15 000" in a sentence is one number.
    A group written with a leading zero ("Population 12 050") is a thousands group, so no row.
    """
    if "\n" not in sentence:
        return bool(_ROW_LINE.fullmatch(sentence)) and not re.search(r"\s0", sentence)
    first, last = _line(sentence, pos)
    if last - first > 200 or not _ROW.fullmatch(sentence, first, last):
        return False
    # The neighbouring lines only (bounded: a scan of every line for every number is quadratic).
    low, high = max(0, first - 400), min(len(sentence), last + 400)
    low = sentence.find("\n", low - 1) + 1 if low else 0  # whole lines only
    high = max(last, sentence.rfind("\n", 0, high)) if high < len(sentence) else high
    lines = [line for line in sentence[low:high].split("\n") if len(line) <= 200 and _ROW.fullmatch(line)]
    return len(lines) >= 2 and any(_UNGROUPED.search(line) for line in lines)


# "Valdera recorded 178 deaths and Montecruz 96, while ...": a name, then a count whose noun is the one before.
_GAP_LEAD = patterns.compile(r"(?:\b(?:and|while|whereas|but)|,)[ ]+(?:the[ ]+)?[A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*)?[ ]\Z")
_GAP_END = patterns.compile(r"[ ]*(?:[,;.)]|$|(?:and|while|whereas|but)\b)")
# A count and its noun: "178 deaths", "thirty seats".
_COUNTED = patterns.compile(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty))"
                            r"[ ]+(?P<noun>[a-z]{3,})\b")


def _count_after_name(sentence: str, start: int, end: int) -> bool:
    """Whether the number at [start, end) after a capitalised word counts people or repeats an earlier count's noun.

    "in Brezal 284 people died", "Casualties 735 dead": a word only counts take follows. "Valdera recorded 178
    deaths and Montecruz 96, while ...", "thirty seats, the SDP 27": the second's count, its noun left out.
    "Apollo 11" is neither.
    """
    after = word_after(sentence, end)
    if after.lower() in PEOPLE_COUNT_WORDS:
        return True
    # A plural name counts what follows ("the Moderates 31 seats", "the Greens 12 councillors"); "Apollo 11" and
    # "Boeing 747 jets" do not.
    prev = word_before(sentence, start)
    if prev.endswith("s") and len(prev) > 3 and prev[:1].isupper() and not prev.isupper() \
            and after.islower() and after.endswith("s") and len(after) > 3 and after not in STOPWORDS:
        return True
    lead = _GAP_LEAD.search(sentence, max(0, start - 40), start)
    if not lead or not _GAP_END.match(sentence, end):
        return False
    for counted in _COUNTED.finditer(sentence, max(0, lead.start() - 80), lead.start()):
        noun = counted["noun"]
        if noun in COUNT_NOUNS or noun in PEOPLE_COUNT_WORDS or (noun.endswith("s") and len(noun) > 3 and noun not in STOPWORDS):
            return True
    return False


_RANGE_ON = patterns.compile(r"[ ]+(?:to|or)[ ]+(?:two|three|four|five|six|seven|eight|nine|ten|\d)", re.IGNORECASE)


def _one_is_count(m: re.Match[str], sentence: str) -> bool:
    """Whether "one" counts ("had one case", "only one was") rather than stands for a noun ("a crushing one")."""
    prev = word_before(sentence, m.start()).lower()
    nxt = word_after(sentence, m.end()).lower()
    if prev in _ONE_LEADS or (prev not in _ARTICLES and _RANGE_ON.match(sentence, m.end())):
        return True  # "just one of them"; "one to three days", "one or two" (not "a one or two-year-old")
    if prev in _ONE_NOT_AFTER or not nxt or nxt in STOPWORDS or nxt in _ONE_IDIOMS or nxt.endswith(("est", "ed")):
        return False
    before = _LETTERS.findall(sentence[max(0, m.start() - 40) : m.start()].lower())[-3:]
    return not _ARTICLES.intersection(before)  # "a 1,669-metre one went in": "one" stands for a noun


# Races named by their distance: a swimming stroke or a track event after it ("the 200m butterfly", "the 400
# IM", "the 110m hurdles"); the short strokes ("free", "fly", "back", "breast") only where no noun follows
# ("the 100 free final", "in the 200 fly.", not "100 free tickets").
_EVENT_DISTANCES = frozenset({50, 60, 100, 110, 200, 300, 400, 800, 1500, 3000, 5000, 10000})
_EVENT_AFTER = patterns.compile(
    r"[ -](?i:freestyle|backstroke|breaststroke|butterfly|im\b|individual[ ]+medley|medley|hurdles|steeplechase"
    r"|(?:free|fly|back|breast)(?=[ ]*(?:[.,;:)!?]|$|[ ]+(?:final|finals|heat|heats|semi|semis|semi-?final|world|record"
    r"|title|gold|silver|bronze|in|on|at|and|where|was|is|race|crown|win|victory|mark|time|split)\b)))")


def _accept(spec: QuantitySpec, m: re.Match[str], sentence: str) -> bool:
    """Whether a parsed number is a claim: not page chrome, not part of a name, not an idiom."""
    words = m["words"]
    prev = word_before(sentence, m.start())
    if words and len(words.split()) == 1 and words.lower() in SCALES:
        return False  # "It's million not billion": a scale word with no number is no amount
    if words and spec.bare and spec.value == 1 and len(words.split()) == 1:
        return words.lower() == "one" and _one_is_count(m, sentence)  # "one of the most", "one another"
    if words and words.lower() == "one" and spec.unit == "day" and (
            prev.lower() in _MODALS or sentence[spec.end : spec.end + 1] == ","):
        return False  # "samples that might one day travel back", "One day, ...": someday, not a duration
    if words and words.lower() == "half" and spec.bare and prev.lower() in ("first", "second", "the", "other"):
        return False  # "the second half": a period of play, not a share
    if words and words.lower().startswith(("a ", "an ")) and not spec.bare and spec.value == 1:
        return False
    if words and spec.bare and len(words.split()) == 1 and prev.lower() == "the" and 2 <= spec.value <= 10 \
            and sentence[m.end() : m.end() + 1] != "-":
        return False  # "the two nations", "the three countries": a reference back, not a count
    if spec.noun in CHROME_NOUNS and len(sentence.split()) <= 8 and not _IN_MILLIONS.search(sentence):
        return False  # "by Jane Doe 38 views": page chrome (not "The clip drew 2.6 million video views.")
    if spec.unit == "s" and spec.value in _DECADES and sentence[spec.end - 2 : spec.end] == "0s" \
            and prev.lower() in ("the", "mid", "early", "late"):
        return False  # "back in the 80s", "highs in the 80s": a decade or a band of heat, not eighty seconds
    if spec.unit in ("s", "min", "h") and word_after(sentence, spec.end).lower() in ("read", "listen", "watch"):
        return False  # "45 sec read", "5 min read": page chrome
    if spec.unit in (None, "m") and spec.value in _EVENT_DISTANCES and _EVENT_AFTER.match(sentence, spec.end):
        return False  # "the 200m butterfly", "the 400 IM", "the 100 free final": a race's name, not a distance
    if spec.bare and spec.value == 1 and _ONE_IN.match(sentence, spec.end):
        return False  # "odds of 1 in 2,700": the odds are the 2,700
    if spec.bare and prev.lower() == "point" and spec.value < 10:
        return False  # "Lagrange point one", "point 2": a designation
    if spec.bare and prev.lower() == "last" and spec.value in (4, 8, 16, 32, 64) and (
            not word_after(sentence, spec.end) or word_after(sentence, spec.end).lower() in _ROUND_NOUNS):
        return False  # "the last 16": the name of a round
    if spec.bare and spec.value in (4, 8, 16, 32, 64) and _ROUND_OF.search(sentence, max(0, m.start() - 12), m.start()):
        return False  # "the round of 16"
    if spec.bare and (series := _NAME_SERIES.search(sentence, max(0, m.start() - 40), m.start())) and not (
            series.group().split()[0].rstrip(".").lower() in MONTHS_LOWER and series.group().rstrip().endswith(",")
            and word_after(sentence, m.end())[:1].islower() and word_after(sentence, m.end()) not in _DAY_LIST_WORDS):
        # "Viking 1 & 2": the second of two names; "July 23 and 24": the second of two days. But "On March 3,
        # 12 people died": a date, then a count.
        return False
    if spec.bare and _ADDRESS.match(sentence, m.end()):
        return False  # "10 Downing Street": an address
    if prev.lower() == "per" and spec.value >= 10 and math.log10(spec.value).is_integer():
        return False  # "31 cases per 100,000 people": the rate's denominator, not a count
    plain = _SPACES.sub("", m["digits"] or "")
    if spec.bare and plain.isdigit():  # digits with no decimal mark or comma ("747", "15 000")
        if len(plain) > 1 and plain[0] == "0":
            return False  # "0945", "007": a time or a code, never an amount
        table = _MORE_NUMBERS.match(sentence, m.end()) is not None or in_figure_table(sentence, m.start())
        # A possessive owns the number, it does not name it: "Venkatesan's 2771", "Coelho-Barry's 340-page novel".
        unnamed = table or prev.endswith(("'s", "’s"))
        if is_name_word(sentence, m.start(), prev) and prev.lower() not in DATE_LEADS and not unnamed \
                and not _count_after_name(sentence, m.start(), spec.end):
            return False  # "Boeing 747", "Apollo 11": a number that is part of a name
        nxt = word_after(sentence, m.end())
        if len(plain) <= 3 and not unnamed and prev.lower() not in STOPWORDS and prev.lower() not in DATE_LEADS \
                and prev.lower() not in OPENERS \
                and is_name_word(sentence, m.start(), prev, True) and not nxt[:1].isupper() \
                and not (nxt.endswith("s") and len(nxt) > 3 and nxt.lower() not in STOPWORDS) \
                and not _count_after_name(sentence, m.start(), spec.end):
            return False  # "Vostok 5 stayed up": a name opening the sentence, too ("Labour 203 seats" counts)

        number = int(plain)
        if 1000 <= number <= 2199 and DESIGNATION_AFTER.match(sentence, m.end()):
            return False  # "2029 TQ8": an asteroid's designation
        if 1000 <= number <= 2199 and not spec.noun and not _PARALLEL_COUNTS.match(sentence, m.end()):
            return False  # a year the date rules refused (an identifier) is no amount either
        if 1000 <= number <= 2199 and prev.lower() not in STOPWORDS and is_name_word(sentence, m.start(), prev, True) \
                and word_after(sentence, m.end())[:1].isupper():
            return False  # "Mars 2020 Rover" opening a heading: a name, even at the start
    if spec.bare and (m["digits"] or "").replace(".", "").isdigit():
        first, _ = _line(sentence, m.start())
        if not sentence[first : m.start()].strip(" \t*#>-"):
            after = _NUMBERING_AFTER.match(sentence, m.end())
            if after and (not after["word"] or after["word"].lower() in STOPWORDS):
                return False  # "1.1 In August ...", "2. The rover ...": a question or list number
    return not (spec.bare and spec.value == 0 and words)


_ONE_IN = patterns.compile(r"[ ]+in[ ]+\d")
_GLUED_PAIR = patterns.compile(r"[a-z]{3}\d")


def build_glued(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """An amount glued to its label; a plain whole number without a unit only in a line of several such pairs."""
    digits = m["digits"] or ""
    spec = _build(m, sentence, glued=True)  # not _accept: the label would pass for a name ("Crew4" as "Boeing 747")
    if spec and spec.unit is None and "," not in digits and "." not in digits and len(_GLUED_PAIR.findall(sentence)) < 2:
        return None  # "Covid19 Vaccine": one word with digits is a name; "shore52 km" has its unit
    return spec


def build_quantity(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """A quantity for a number match, or None when its context shows it is not an amount."""
    digits = m["digits"]
    if digits and _SPACED.search(digits) and in_figure_table(sentence, m.start()):
        return None  # "Conservative 368 365": two cells, read by the table-cell rule
    spec = _build(m, sentence)
    return spec if spec and _accept(spec, m, sentence) else None


_SPACED = patterns.compile(r"\d[ \u00a0\u202f]\d")
CELL_PATTERN = patterns.compile(r"(?<![\w.,/:])\d{1,3}(?=[ \u00a0]\d{3}(?!\d))|(?<=\d[ \u00a0])\d{3}(?![\d,.]?\d)")


def build_cell(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """One figure of a plain-text table row whose cells a space separates ("368 365" is 368 and 365)."""
    if not in_figure_table(sentence, m.start()):
        return None
    return QuantitySpec(m.start(), m.end(), float(m.group()), None, "exact", None, None, None, True)


# Match minutes: "the 23rd minute", "an 80th-minute penalty", and the score sheet's "Messi 23', 108'".
MINUTE_PATTERN = patterns.compile(
    r"(?<![\w.,/:])(?P<ord>\d{1,3})(?:\+(?P<added>\d{1,2}))?(?:st|nd|rd|th)(?:[ -](?i:minute|min)\b|(?=[ ]?[,;)]))"
    r"|(?<![\w.,/:'’])(?P<mark>\d{1,3})(?:\+(?P<extra>\d{1,2}))?['’′](?![\w'’′\"”]|[ ]?\d)"
)
_MARK_BEFORE = patterns.compile(r"(?:[A-Z][\w'’.-]*|[,(;])[ ]?\Z")  # a scorer's name or the list of their goals


# Rule names compare.comparable reads: an ordinal count counts only its own noun, a match's minute meets only minutes.
ORDINAL = "ordinal"  # "the 26th outbreak": 26 outbreaks so far
MATCH_MINUTE = "match-minute"  # "Mbappé 80'", "in the 80th minute"


def build_minute(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """The minute of a match in which something happened, in minutes."""
    if m["mark"] and not _MARK_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
        return None  # "a 30' boat", a closing quote: only a scorer's minute reads this way
    if m["ord"] and not m.group().endswith(("minute", "min", "Minute", "MINUTE", "Min")) and not (
            m["added"] or "minute" in sentence[max(0, m.start() - 60) : m.start()].lower()):
        return None  # a bare ordinal ("the 90th,") is a minute only after an earlier minute or with stoppage time
    value = int(m["ord"] or m["mark"]) + int(m["extra"] or m["added"] or 0)
    if not 1 <= value <= 130:
        return None
    return QuantitySpec(m.start(), m.end(), float(value), "min", "exact", None, None, None, False)


# A score line: "3-3", "a 4-2 win", "4-2 on penalties", a basketball final's "104-99", judges' cards "117-111".
# One claim with unit "score", the first side's figure as its value and the whole line as its text ("4-2",
# "4-2 pens", "3-3 aet"), never two stray numbers.
SCORE_PATTERN = patterns.compile(
    r"(?<![\w.,/:–-])(?P<a>\d{1,3})[ ]?[-–—][ ]?(?P<b>\d{1,3})(?![\w%°/'’]|[.,:]\d|[-–—]\d)"
    r"(?P<extra>[ ]+(?:(?P<pens>on[ ]+penalties|on[ ]+pens|in[ ]+(?:the|a)[ ]+(?:penalty[ ]+)?shoot-?out|\(pens?\.?\))"
    r"|(?P<aet>after[ ]+extra[ ]+time|a\.e\.t\.|\(aet\))))?",
)


def build_score(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """A score line, when the words around the pair of figures say it is one (else a range or two numbers)."""
    a, b = int(m["a"]), int(m["b"])
    if is_identifier_context(sentence, m.start()):
        return None
    before = _LETTERS.findall(sentence[max(0, m.start() - 40) : m.start()].lower())[-5:]
    after = word_after(sentence, m.end("b")).lower()
    told = bool(m["extra"]) or after in SCORE_WORDS or any(word in SCORE_WORDS for word in before)
    counted = after and after not in STOPWORDS and after not in SCORE_WORDS and (
        after in UNITS or after in COUNT_NOUNS or after.endswith("s"))
    if counted or not (told or (a >= b and m.group()[len(m["a"]):].strip()[:1] in "-–")):
        return None  # "2-3 days", "5-10 km": a range
    # "won the shoot-out 4-2", "penalties 4-2": the marker may stand right before the figures too.
    pens = bool(m["pens"]) or before[-2:] == ["shoot", "out"] or before[-1:] in (["shootout"], ["penalties"], ["pens"])
    text = f"{a}-{b}" + (" pens" if pens else " aet" if m["aet"] else "")
    return QuantitySpec(m.start(), m.end(), float(a), "score", "exact", None, None, None, False, text=text)


# A mark on a scale: "88 out of 100", "scored 8 out of 10", "finished 8/10". One claim, the mark, on the
# scales marks are given on; "1,503 out of 2,224" is a part of a whole (two claims), and "22/10/2019" a date.
# The slash form only below the top (a widget's "10/10 would freeze again" is praise) and not in a
# rating widget ("Rate it: 4.6/5").
RATING_PATTERN = patterns.compile(
    r"(?<![\w.,/:–-])(?P<a>\d{1,3}(?:\.\d)?)(?:[ ]out[ ]of[ ](?P<of>5|10|20|100)|/(?P<slash>10|20|100))(?![\w/%]|[.,]\d)"
)
_RATE_WIDGET = patterns.compile(r"\brat(?:e|ed|ing)\b[^.\d]{0,20}\Z", re.IGNORECASE)


def build_rating(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """The mark, when the scale is one marks are given on and the mark lies on it."""
    mark, top = float(m["a"]), int(m["of"] or m["slash"])
    if mark > top or m["slash"] and (mark == top or _RATE_WIDGET.search(sentence, max(0, m.start() - 30), m.start())):
        return None
    step = 0.1 if "." in m["a"] else 1.0
    return QuantitySpec(m.start(), m.end(), mark, None, "exact", None, None, None, False, step=step)


# Compound durations: "3h 05 min", "6 days, 2h, 40min, and 10s", "146 h 40 min 10 s": one claim, in the
# finest unit written ("4 hours 12 minutes" is 252 min), as a reader would add it up.
_DURATION_UNIT = r"(?:weeks?|wks?|days?|d|hours?|hrs?|h|minutes?|mins?|min|m|seconds?|secs?|s)"
_DURATION_PART = rf"\d{{1,4}}(?:\.\d+)?[ \u00a0]?{_DURATION_UNIT}\b"
DURATION_PATTERN = patterns.compile(
    rf"(?<![\w.,/:]){_DURATION_PART}(?:(?:[ ]*,[ ]*(?:and[ ]+)?|[ ]+(?:and[ ]+)?){_DURATION_PART})+", re.IGNORECASE
)
_DURATION_ITEM = patterns.compile(rf"(\d{{1,4}}(?:\.\d+)?)[ \u00a0]?({_DURATION_UNIT})\b", re.IGNORECASE)
_DURATION_SECONDS = {"w": 604800.0, "d": 86400.0, "h": 3600.0, "m": 60.0, "s": 1.0}
_DURATION_UNITS = {604800.0: "week", 86400.0: "day", 3600.0: "h", 60.0: "min", 1.0: "s"}


def _duration(m: re.Match[str], sentence: str, items: re.Pattern[str],
              number: Callable[[str], float | None]) -> QuantitySpec | None:
    """A duration written in several units (each (number, unit) an `items` match), in the finest of them."""
    total, last = 0.0, None
    for written, unit in items.findall(m.group()):
        seconds = _DURATION_SECONDS[_key(unit[0])]
        if last is not None and seconds >= last or (unit.lower() == "m" and last != 3600.0):
            return None  # "5 m 3 h", "ten minutes two hours", or "m" that is not minutes after hours
        total, last = total + (number(written) or 0.0) * seconds, seconds
    # As exact as its finest part: "26 hours and 40 minutes" to the minute, whatever zeros 1,600 ends in.
    return _measured(m, sentence, total / last, _DURATION_UNITS[last])


# A weight in two imperial units, as birth weights and boxers' are given: "7lb 2oz" (114 oz), "11st 4lb" (158 lb).
COMPOUND_MASS_PATTERN = patterns.compile(
    r"(?<![\w.,/:])(?P<big>\d{1,3})[ ]?(?P<bu>st|stone|lbs?|pounds?)[ ]+(?:and[ ]+)?(?P<small>\d{1,2})[ ]?"
    r"(?P<su>lbs?|pounds?|oz|ounces?)\b", re.IGNORECASE)
_MASS_STEPS = {("st", "lb"): 14, ("lb", "oz"): 16}


def build_compound_mass(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """A weight in stones and pounds or pounds and ounces, in the finer unit."""
    big = "st" if m["bu"].lower().startswith("st") else "lb"
    small = "oz" if m["su"].lower().startswith(("oz", "ounce")) else "lb"
    factor = _MASS_STEPS.get((big, small))
    if factor is None:
        return None  # "5 lb 3 lb": not one weight
    return _measured(m, sentence, float(int(m["big"]) * factor + int(m["small"])), small)


# A height or length in feet and inches, as people's and horses' heights are given: "5ft 2in", "6 feet 4 inches",
# "the 6-foot-4 forward" (the inches word may go unsaid after "-foot-").
FEET_INCHES_PATTERN = patterns.compile(
    r"(?<![\w.,/:])(?P<ft>\d{1,2})(?:[ ]?(?:ft|feet|foot)[ ]+(?:and[ ]+)?(?P<inch>\d{1,2})[ ]?(?:in|inch|inches)\b(?!\.\d)"
    r"|-foot-(?P<inch2>\d{1,2})\b(?![.,]\d|-))", re.IGNORECASE)


def build_feet_inches(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """A length in feet and inches, in inches ("5 ft 14 in" is not one length)."""
    return _in_finer(m, sentence, int(m["ft"]), int(m["inch"] or m["inch2"]), 12, "in")


def _in_finer(m: re.Match[str], sentence: str, whole: float | None, part: float | None, per: int, unit: str,
              least: float = 0) -> QuantitySpec | None:
    """A value written as a whole of one unit and a part of the finer one, `per` to it ("5ft 2in", "six years and
    four months", "two hours fifty"), in the finer unit: None when either is unread or the part is under `least`
    or not under `per`."""
    if whole is None or part is None or not least <= part < per:
        return None
    return _measured(m, sentence, float(whole * per + part), unit)


# Hours and minutes run together, as sport and transport pages write them: "4h12", "a 2h05m trip".
# "4h21", "2h05m", and with a space, "2h 50" (not "2h 50 km", nor "the 2h 50% slot": a figure of its own).
HOUR_MINUTE_PATTERN = patterns.compile(r"(?<![\w.,/:])(?P<h>\d{1,3})h(?:(?P<m>[0-5]\d)(?:m(?:in)?)?(?!\w)"
                                       r"|[ ](?P<m2>[0-5]\d)(?:m(?:in)?)?(?![\w.,%/:-]|[ ]?(?:[a-zA-Z]{1,3}|miles?|metres?"
                                       r"|meters?|people|per|percent)\b))")


def build_hour_minute(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """"4h12", "2h 50": hours and minutes, in minutes."""
    return _in_finer(m, sentence, int(m["h"]), int(m["m"] or m["m2"]), 60, "min")  # the pattern reads minutes under 60


def build_duration(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """A duration written in several units, as one value in the finest of them."""
    return _duration(m, sentence, _DURATION_ITEM, float)


# The same in words: "two hours eight minutes", "an hour and ten minutes", "three days, six hours".
_WORD_NUMBER = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven"
                r"|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
                r"|fifteen|sixteen|seventeen|eighteen|nineteen|an?)")
_WORD_DURATION_PART = rf"(?:{_WORD_NUMBER}|\d{{1,4}})[ ](?:weeks?|days?|hours?|minutes?|seconds?)\b"  # "two hours and 27 minutes"
WORD_DURATION_PATTERN = patterns.compile(
    rf"\b{_WORD_DURATION_PART}(?:(?:[ ]*,[ ]*(?:and[ ]+)?|[ ]+(?:and[ ]+)?){_WORD_DURATION_PART})+"
    r"(?![ ]+(?:later|earlier|ago)\b)", re.IGNORECASE  # "two hours, and eight minutes later"; "... 51 seconds after" is one
)
_WORD_DURATION_ITEM = patterns.compile(rf"({_WORD_NUMBER}|\d{{1,4}})[ ](weeks?|days?|hours?|minutes?|seconds?)\b", re.IGNORECASE)


def build_word_duration(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """A duration written in words in several units, as one value in the finest of them."""
    return _duration(m, sentence, _WORD_DURATION_ITEM, _count_value)


def _count_value(written: str) -> float | None:
    """A count written in digits or in words ("27", "two")."""
    return float(written) if written.isdigit() else parse_number_words(written)


# Years and months, as sentences and ages are given: "six years and four months" (76 months), "2 years 3 months".
YEAR_MONTH_PATTERN = patterns.compile(
    rf"\b(?P<y>{_WORD_NUMBER}|\d{{1,3}})[ -](?i:years?)(?:[ ]*,)?[ ]+(?:(?i:and)[ ]+)?(?P<mo>{_WORD_NUMBER}|\d{{1,2}})[ -](?i:months?)\b",
    re.IGNORECASE)


def build_year_month(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """A length of time in years and months, in months."""
    return _in_finer(m, sentence, _count_value(m["y"]), _count_value(m["mo"]), 12, "month")


# Hours and the minutes after them left bare, as a running time is said: "two hours fifty", "an hour
# twenty", "2 hours 50 in the end". Only before the end of the clause or a word that cannot be what
# the bare figure counts ("two hours fifty by opening night", not "two hours, 50 people").
HOUR_BARE_MINUTES_PATTERN = patterns.compile(
    rf"\b(?P<h>{_WORD_NUMBER}|\d{{1,2}})[ ]hours?[ ]+(?:and[ ]+)?(?!an?\b)(?P<mi>{_WORD_NUMBER}|[0-5]\d)\b"
    r"(?=[ ]*(?:[.,;:)!?]|$|(?:by|in|on|at|for|and|or|to|of|the|a|with|from|after|before|then|including|long|flat)\b))",
    re.IGNORECASE)


def build_hour_bare_minutes(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """Hours and bare minutes after them (one at least), in minutes."""
    return _in_finer(m, sentence, _count_value(m["h"]), _count_value(m["mi"]), 60, "min", least=1)


# "twice", "thrice", "a single case": counts written without a number word.
COUNT_WORD_PATTERN = patterns.compile(r"\b(?:(?P<times>[Tt]wice|[Tt]hrice)\b|(?P<single>[Aa][ ]single)(?=[ ][a-z]))")
_SINGLE_IDIOMS = frozenset("market currency one most biggest largest greatest best worst day week month year night season".split())
_TIMES_AFTER = frozenset("as the that its their his her what".split())


def build_count_word(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """The count a word stands for: "struck twice" is 2, "a single isolated case" is 1."""
    nxt = word_after(sentence, m.end()).lower()
    if m["single"]:
        if nxt in _SINGLE_IDIOMS:
            return None  # "a single market": a name, not a count
        return QuantitySpec(m.start(), m.end(), 1.0, None, "exact", None, None, _noun_after(sentence, m.end()), False)
    value = 2.0 if m["times"].lower() == "twice" else 3.0
    unit = "times" if nxt in _TIMES_AFTER else None  # "twice the forecast": a multiplier
    return QuantitySpec(m.start(), m.end(), value, unit, "exact", None, None, None, False)


# Ordinals of ten and more before a noun count what came before: "the 26th outbreak", "his 12th goal".
ORDINAL_PATTERN = patterns.compile(r"(?<![\w.,/:])(?P<n>\d{2,3})(?:st|nd|rd|th)(?=[ ][a-z])")
_ORDINAL_NOT_BEFORE = frozenset("century centuries minute min".split())


def build_ordinal(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """An ordinal count ("the 26th outbreak"); small ordinals rank ("finished 2nd") and are left alone."""
    nxt = word_after(sentence, m.end()).lower()
    if int(m["n"]) < 10 or nxt in STOPWORDS or nxt in _ORDINAL_NOT_BEFORE or nxt in MONTHS_LOWER:
        return None
    if word_before(sentence, m.start()).lower().rstrip(".") in MONTHS_LOWER or is_identifier_context(sentence, m.start()):
        return None
    return QuantitySpec(m.start(), m.end(), float(m["n"]), None, "exact", None, None, nxt, False)


# A rank: a place in an ordering, never a count of what came before (ORDINAL). "the third-largest brewer",
# "the sixth lowest in the record", "a third most-read article", "fourth place", "the seventh seed", and an
# ordinal a ranking verb governs ("finished fourth", "climbed to second in the rankings", "seeded 7th").
# Unit "rank": a rank meets only ranks. Not "first" in words: "the first time", "its first flight" count,
# a superlative never has it, and "first place" is mostly said as "won" (digits, "1st place", are read).
RANK = "rank"
_RANK_WORDS = "|".join(sorted(RANK_ORDINALS, key=len, reverse=True))
RANK_PATTERN = patterns.compile(
    r"(?<![\w.,/:'’-])(?P<ord>\d{1,3}(?:st|nd|rd|th)|" + _RANK_WORDS + r")"
    r"(?:(?P<sup>[- ](?:most|least)[- ][a-z]+|[- ][a-z]{2,}est)(?![\w])"
    r"|(?P<place>[- ](?:place|seed|spot|position))\b"
    r"|(?=[ ]?(?P<end>[.,;:!?)\n]|[ ](?:in|of|among|on|at|with|behind|overall|and|after|for|out|to|this|last|since)\b|\Z)))",
    re.IGNORECASE,
)
# The verbs a bare ordinal ranks after ("finished fourth", "sits third", "slipped to ninth").
_RANK_VERB_BEFORE = patterns.compile(
    r"\b(?:finish(?:ed|es|ing)?|c[oa]me|comes|coming|placed|ranks?|ranked|ranking|sits|sat|sitting|seeded|lies|lay"
    r"|tied[ ]for|joint|(?:slipp(?:ed|ing)|slips?|climb(?:ed|s|ing)?|r[io]se|rising|fell|falls?|falling|dropp(?:ed|ing)|drops?"
    r"|mov(?:ed|es|ing)(?:[ ]up)?|jump(?:ed|s|ing)?|up|down|back)[ ]to)[ ]+\Z",
    re.IGNORECASE,
)
# Words that end in "-est" and are no superlative ("the third test", "a fifth arrest").
_NOT_SUPERLATIVE = frozenset(
    "test tests rest west nest pest vest zest jest lest interest forest request arrest contest protest harvest honest "
    "modest manifest suggest invest digest quest crest chest guest unrest priest conquest inquest attest midwest "
    "northwest southwest everest latest".split()
)


def build_rank(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """A rank ("third-largest", "fourth place", "finished fourth"), in unit "rank"."""
    word = m["ord"].lower()
    value = RANK_ORDINALS.get(word) or int(word[:-2])
    if m["sup"]:
        superlative = m["sup"][1:].lower().replace("-", " ")
        if superlative in _NOT_SUPERLATIVE:
            return None
        noun = superlative
    elif m["place"]:
        noun = "seed" if m["place"][1:].lower() == "seed" else "place"
    else:
        before = sentence[max(0, m.start() - 30) : m.start()]
        if not _RANK_VERB_BEFORE.search(before):
            return None  # "the second of three", "in the fourth": no ranking verb
        noun = "seed" if before.rstrip().lower().endswith("seeded") else "place"
    if not 1 <= value <= 500:  # "1st place" in digits ranks too; no field we read ranks past 500
        return None
    return QuantitySpec(m.start(), m.end(), float(value), RANK, "exact", None, None, noun, False)


_NUMBER_WORD_TOKEN = patterns.compile(r"[A-Za-z]+")


def _second_number(words: str) -> int | None:
    """Where a run of number words starts a second number, if it does: a plain number word follows another
    only as a unit after a ten ("twenty-two"), or anything after a scale word ("two thousand twenty").
    "up from nine two years ago" is nine, then two years; "five three-bedroom homes" five, then three."""
    previous = None  # the last plain number word's value, while no scale word has come after it
    for token in _NUMBER_WORD_TOKEN.finditer(words):
        value = NUMBER_WORDS.get(token.group().lower())
        if value is None:
            previous = None if token.group().lower() not in ("a", "an", "and") else previous
            continue
        if previous is not None and not (previous >= 20 and previous % 10 == 0 and 0 < value < 10):
            return len(words[: token.start()].rstrip(" -"))
        previous = value
    return None


# "over a year", "nearly a mile": one unit, counted only with an approximator before it ("a year later" is no amount).
# Two number words joined by "and" with no scale word before it ("three and three", "two and three quarters").
_UNITS_AND_UNITS = patterns.compile(r"(?<!hundred)(?<!thousand)(?<!million)(?<!billion)(?<!trillion)(?<!dozen)(?<!lakh)"
                                    r"(?<!crore)[ ]+and[ ]+(?!a[ ]|half\b)", re.IGNORECASE)
_AND_A_FRACTION = patterns.compile(r"[ ]+and[ ]+(?P<fraction>a[ ]+half|a[ ]+quarter|three[ -]+quarters?|a[ ]+third"
                                   r"|two[ ]+thirds)\b(?![ ]+of\b)", re.IGNORECASE)  # not "10 and a half of them"
# The same after a unit, where "of" may follow: "an hour and a half of standing" is 1.5 hours.
_FRACTION_AFTER_UNIT = patterns.compile(r"[ ]+and[ ]+(?P<fraction>a[ ]+half|a[ ]+quarter|three[ -]+quarters?)\b(?!-)",
                                        re.IGNORECASE)  # not "and a quarter-final"
# Number words that end in a fraction ("two and a half"): it is their rounding, as "52 and a half" shows.
_WORDS_END_IN_FRACTION = patterns.compile(r"[ -]+and[ -]+(?P<fraction>a[ -]+half|a[ -]+quarter|three[ -]+quarters?)\Z",
                                          re.IGNORECASE)
# Each fraction's value and the rounding it shows ("and three quarters" is to the quarter).
_FRACTIONS = {"a half": (0.5, 0.5), "a quarter": (0.25, 0.25), "three quarter": (0.75, 0.25), "a third": (1 / 3, 1 / 3),
              "two third": (2 / 3, 1 / 3)}


def _fraction(words: str) -> tuple[float, float]:
    """A fraction's value and rounding (_FRACTIONS), however written: "three quarters", "three-quarter"."""
    return _FRACTIONS[" ".join(_key(words).replace("-", " ").split()).removesuffix("s")]


def _fraction_after(sentence: str, pos: int) -> tuple[float, float, int] | None:
    """The fraction joined to a unit at `pos` ("an hour and a quarter", "two years and a half"): its value, the
    rounding it shows, and where it ends; not a "quarter-final"."""
    part = _FRACTION_AFTER_UNIT.match(sentence, pos)
    if part is None:
        return None
    share, rounding = _fraction(part["fraction"])
    return share, rounding, part.end()


A_UNIT_PATTERN = patterns.compile(
    r"\b[Aa]n?[ ](?P<unit>(?i:year|month|week|day|hour|minute|second|decade|century|mile|kilometre|kilometer|metre"
    r"|meter|foot|ton|tonne))\b"
)


def build_a_unit(m: re.Match[str], sentence: str) -> QuantitySpec | None:
    """One of a unit after an approximator: "for over a year" is more than 1 year, "about an hour and a
    half" about 1.5 hours."""
    start, approx, low, high, bound = _bounds(sentence, m.start(), 1.0)
    part = _fraction_after(sentence, m.end())
    if (not bound or approx == "exact") and not part:
        return None  # "a year later": no amount; "a year and a half" is one
    form = _key(m["unit"])
    unit = UNITS[form][0] if form in UNITS else {"century": "year"}.get(form)
    value = 100.0 if form == "century" else 1.0
    end = m.end()
    if value == 1.0 and part:
        value, end = 1.0 + part[0], part[2]
    if value != 1.0:
        start, approx, low, high, _ = _bounds(sentence, m.start(), value)
    return QuantitySpec(start, end, value, unit, approx, low, high, None, False)


SHARE = "share"  # a word fraction of a whole ("a quarter of"), a fraction of one: 100 percent
# A basis point is a hundredth of a percentage point: 25 bp compares with 0.25%.
_DIMENSIONS = ({name: (dimension, factor) for name, dimension, factor in UNITS.values()} | MINOR_CURRENCIES
               | {"bp": ("percent", 0.01), SHARE: ("percent", 100.0)})


def is_measure(unit: str | None) -> bool:
    """A unit of a measure (km, kg, °C, h), not a currency, percentage or count: what may be restated in others."""
    return unit in _DIMENSIONS and unit not in MINOR_CURRENCIES


def unit_dimension(unit: str | None) -> str | None:
    """The dimension a unit measures ("length", "temperature"); other units (currencies, "score") are their own."""
    return _DIMENSIONS[unit][0] if unit in _DIMENSIONS else unit


def to_base(value: float, unit: str | None, difference: bool = False) -> float:
    """A value in `unit` in its dimension's base unit (m, g, l, s, °C, Pa ...): 212 °F is 100 °C.

    Units whose zero differs from the base's (°F, K) add UNIT_OFFSETS; a `difference` between two
    temperatures ("a rise of 3.6 °F") converts with the factor alone. Unknown units are returned as written.
    """
    if unit not in _DIMENSIONS:
        return value
    return value * _DIMENSIONS[unit][1] + (0.0 if difference else UNIT_OFFSETS.get(unit, 0.0))


def base_value(quantity) -> tuple[str | None, float]:
    """A Quantity's dimension and its value in the dimension's base unit: ("temperature", 100.0) for 212 °F."""
    return unit_dimension(quantity.unit), to_base(quantity.value, quantity.unit)


# The unit a table's column header gives its bare figures: "Revenue 2023/24 (£m)", "Change (%)", "Area (km²)",
# "Age [years]", "Margin %". Only a bracketed unit or a closing "%": "Persons per km² (2021)" names a rate and a year.
_HEADER_UNIT = patterns.compile(r"[(\[](?P<unit>[^()\[\]]{1,20})[)\]]|(?<![^\s,])(?P<percent>%)")
_HEADER_MONEY = patterns.compile(
    r"(?P<cur>US\$|C\$|A\$|[$€£¥₹]|[A-Za-z]{3})?[ ]?"
    r"(?P<scale>m|mn|bn|k|million|millions|billion|billions|thousand|thousands|'?000s?)?",
    re.IGNORECASE,
)
_HEADER_SCALES = {"m": 1e6, "mn": 1e6, "million": 1e6, "millions": 1e6, "bn": 1e9, "billion": 1e9, "billions": 1e9,
                  "k": 1e3, "thousand": 1e3, "thousands": 1e3, "000": 1e3, "'000": 1e3, "000s": 1e3, "'000s": 1e3}
HEADER_UNIT_EXAMPLES: tuple[tuple[str, str | None, float], ...] = (
    ("Revenue 2023/24 (£m)", "GBP", 1e6),
    ("Change (%)", "percent", 1.0),
    ("Area (km²)", "km2", 1.0),
    ("Life expectancy (years)", "year", 1.0),
    ("Budget (US$ bn)", "USD", 1e9),
    ("Exports (EUR million)", "EUR", 1e6),
    ("Population (thousands)", None, 1e3),
    ("Households ('000)", None, 1e3),
    ("Peak output [MW]", "MW", 1.0),
    ("Margin %", "percent", 1.0),
    ("Top speed (km/h)", "km/h", 1.0),
    ("Acres burned", "acre", 1.0),  # a unit word in plural names the column's unit
    ("Working days lost", "day", 1.0),
    ("Tonnes landed", "t", 1.0),
    ("Days underground (last caver out)", "day", 1.0),
    ("Age at signing", "year", 1.0),  # ages are years, as "the 23-year-old" is
    ("Nominee's age at nomination", "year", 1.0),
    ("Age[a]", "year", 1.0),
    ("Age (days)", "day", 1.0),
    ("Depth (m)", "m", 1.0),  # "(m)" after a length's name is metres
    ("Height (m)", "m", 1.0),
    ("Solar (MWac)", "MW", 1.0),  # AC or DC, peak: still megawatts
    ("US$ million", "USD", 1e6),  # a header that is all unit
    ("£m", "GBP", 1e6),
)
HEADER_UNIT_REJECTS: tuple[str, ...] = (
    "Persons per km² (2021)", "Population 2021", "Revenue (m)", "Seats (of 650)", "Winner (party)", "Change",
    "Goals per 90 minutes", "Structures destroyed", "Second round", "Miles and hours logged", "Age group",
    "Bronze Age hoard objects", "All aged 12 and over",
    "Number of flights in the first hours after the storm",
    "Over 12 hours from arrival", "Handovers over 60 minutes",  # a threshold: the figures count patients, handovers
)


def _bracketed_unit(text: str) -> tuple[str | None, float] | None:
    """The unit and scale one bracketed header part names ("£m", "%", "km²"), or None."""
    text = text.strip()
    lower = text.lower()
    if lower in ("%", "percent", "per cent", "pct"):
        return "percent", 1.0
    if lower in UNITS and lower not in ("m", "k"):  # "(m)" is metres or millions: left alone
        return UNITS[lower][0], 1.0
    money = _HEADER_MONEY.fullmatch(text)
    if not money or not (money["cur"] or money["scale"]):
        return None
    unit = None
    if money["cur"]:
        unit = CURRENCY_SYMBOLS.get(money["cur"]) or CURRENCY_WORDS.get(money["cur"].lower())
        if unit is None:
            return None
    scale = _HEADER_SCALES[_key(money["scale"])] if money["scale"] else 1.0
    if unit is None and money["scale"].lower() in ("m", "k"):
        return None  # "(m)", "(k)" without a currency: metres, or a thousand of what?
    return unit, scale


# A header that gives ages: "Age", "Age at signing", "Nominee's age at nomination", "Age[a]" (its figures are
# years, as "23-year-old"); not "Bronze Age hoard objects" (a name) or "All aged 12 and over" (a row of all ages).
_AGE_HEADER = patterns.compile(r"[ \t*]*(?:[\w'’]+[ ](?=age\b))?(?i:ages?|aged)\b(?![ \t]*(?i:group|band|range|limit|gap))")


# Names of a length, after which "(m)" is metres, not millions.
_LENGTH_HEADER = patterns.compile(r"\b(?:height|depth|length|width|breadth|elevation|altitude|distance|span|diameter"
                                  r"|draught|draft|radius|thickness|clearance)\b", re.IGNORECASE)


def column_unit(header: str) -> tuple[str | None, float] | None:
    """The unit and scale a table column's header gives its bare figures, or None when it names none.

    "| Segment | Revenue (£m) |" makes a cell "734.9" £734.9 million; "Change (%)" makes "+20.1" 20.1 percent;
    "Age at signing: 23" makes 23 years.
    """
    found = None
    for m in _HEADER_UNIT.finditer(header):
        if m["percent"]:
            found = ("percent", 1.0)
        elif m["unit"].strip() == "m" and _LENGTH_HEADER.search(header):
            found = ("m", 1.0)
        else:
            found = _bracketed_unit(m["unit"]) or found  # "(MWac)" too: the unit table knows ratings
    if found is None and _AGE_HEADER.match(header):
        return "year", 1.0  # but "Age (days)" counts days
    if found is None and (money := _HEADER_MONEY.fullmatch(header.strip())) and money["cur"] and money["scale"]:
        found = _bracketed_unit(header)  # all unit: "US$ million", "£m" (not "Min", "Km": a word or a column name)
    return found or _worded_unit(header)


_AMOUNT_IN_HEADER = patterns.compile(r"\d[ ]?(?P<word>[a-z]+)", re.IGNORECASE)  # "Over 12 hours": a threshold
_ALPHA_WORD = patterns.compile(r"[a-z]+")
_HEADER_WORDS = 4  # a longer header is a description, whose unit words need not be its figures' unit


def _worded_unit(header: str) -> tuple[str | None, float] | None:
    """The unit a short header names in a plural word ("Acres burned", "Working days lost"), or None.

    Only one such word, and no rate ("Goals per 90 minutes"): the figures are then counts of that unit.
    """
    words = _ALPHA_WORD.findall(_BRACKETED.sub(" ", header).lower())  # "(last caver out)" only qualifies it
    if not words or len(words) > _HEADER_WORDS or "per" in words or "/" in header:
        return None
    units = {UNITS[w][0] for w in words if len(w) > 3 and w.endswith("s") and w in UNITS}
    if any(UNITS.get(m["word"].lower(), (None,))[0] in units for m in _AMOUNT_IN_HEADER.finditer(header)):
        return None  # "Over 12 hours from arrival": the figures count what passed a threshold of that unit
    return (units.pop(), 1.0) if len(units) == 1 and sum(w in UNITS for w in words) == 1 else None


# A table's caption that gives its amounts' scale: "(dollar amounts in millions)", "(in millions of US
# dollars; ...)", "(US$ millions)", "(€bn)", "in thousands".
_CAPTION_SCALE = patterns.compile(r"(?<!\w)(?:in[ ]+)?(?P<cur>US\$|C\$|A\$|[$€£])?[ ]?(?P<scale>millions?|billions?|thousands?|mn|bn|m)\b"
                                  r"(?:[ ]+of[ ]+(?:US[ ]+)?(?P<word>dollars|euros|pounds))?", re.IGNORECASE)
_CAPTION_CURRENCY = patterns.compile(r"US\$|C\$|A\$|[$€£]|\b(?:dollars?|euros?|pounds?|sterling)\b", re.IGNORECASE)
_BRACKETED = patterns.compile(r"\(([^()]{1,120})\)")
# Outside brackets only a plain "in millions of dollars", "in $ millions", "in £m": "more than $2 million"
# in a caption's prose is an amount, no scale.
_CAPTION_IN = patterns.compile(r"\bin[ ]+(?:(?:US\$|C\$|A\$|[$€£])[ ]?(?:millions|billions|thousands|mn|bn|m)\b"
                               r"|(?:millions|billions|thousands)(?:[ ]+of[ ]+(?:US[ ]+)?(?:dollars|euros|pounds))?\b(?![ ]+of\b))",
                               re.IGNORECASE)
CAPTION_UNIT_EXAMPLES: tuple[tuple[str, str | None, float | None], ...] = (
    ("Table 1. Balance sheet items at quarter end (dollar amounts in millions)", "USD", 1e6),
    ("Consolidated statements of operations (in millions of US dollars; fiscal 2025)", "USD", 1e6),
    ("Table 2. Revenue by segment (£m)", "GBP", 1e6),
    ("Population by region (thousands)", None, 1e3),
    ("Table 3. Results by trial (bracketed: 95% CI)", None, None),
    ("The m-line opened in 2014 (see map)", None, None),  # no scale in brackets: no unit
    ("General Fund appropriations, in millions of dollars.[2]", "USD", 1e6),
    ("Spending by department, in £m", "GBP", 1e6),
    ("Grants of more than $2 million were made in 2024.", None, None),  # an amount, no scale
    ("Sales rose in millions of homes.", None, None),
)


def caption_unit(caption: str) -> tuple[str | None, float] | None:
    """The unit and scale a table's caption gives its bare figures, from a bracket that names a scale."""
    for group in _BRACKETED.finditer(caption):
        inner = group.group(1)
        m = _CAPTION_SCALE.search(inner)
        if not m or (m["scale"].lower() == "m" and not m["cur"]):
            continue  # "(m)": metres or millions
        cur = m["cur"] or m["word"] or ((c := _CAPTION_CURRENCY.search(inner)) and c.group())
        unit = (CURRENCY_SYMBOLS.get(cur) or CURRENCY_WORDS.get(cur.lower())) if cur else None
        return unit, _HEADER_SCALES[_key(m["scale"])]
    plain = _CAPTION_IN.search(caption)
    if plain:
        return caption_unit(f"({plain.group()})")
    return None


QUANTITY_RULES: tuple[Rule, ...] = (
    Rule(
        "quantity", "quantity", NUMBER_PATTERN, build_quantity, requires=("digit|numword",), lean=("numword", DIGITS_PATTERN),
        matches=(
            Match("Canada has committed 250 soldiers.", "250", value=250),
            Match("The mission trained 15,000 officers.", "15,000", value=15000),
            Match("Across both sections 7,920 games were played.", "7,920", value=7920),  # not "sections 4 and 5"
            Match("1.8 Million Iraqis are still displaced.", "1.8 Million", value=1_800_000),
            Match("Over Euro 115 million worth of equipment was donated.", "Over Euro 115 million", value=115_000_000, unit="EUR"),
            Match("The fund raised nearly USD 300 million.", "nearly USD 300 million", value=300_000_000, unit="USD"),
            Match("Ostara was ordered to pay 51 mln euros.", "51 mln euros", value=51_000_000, unit="EUR"),
            Match("The deal is worth 3.2 bln dollars.", "3.2 bln dollars", value=3_200_000_000, unit="USD"),
            Match("The fund is worth $1.46b.", "$1.46b", value=1_460_000_000, unit="USD"),
            Match("The US pays 22.1 percent of the budget.", "22.1 percent", value=22.1, unit="percent"),
            Match("France pays 10, 60 percent of the budget.", "10, 60 percent", value=10.6, unit="percent"),
            Match("By Tuesday, May 20, 94% of the machines were back.", "94%", value=94, unit="percent"),
            Match("we all thought 3.4 mil was the biggest run ever", "3.4 mil", value=3_400_000),
            Match("The queue cleared in a half hour.", "a half hour", value=0.5, unit="h"),
            Match("Auroras were seen as far south as 23.6° N in Mexico.", "23.6° N", value=23.6, unit="°N"),
            Match("They were photographed from 29.8° S in the Cape.", "29.8° S", value=29.8, unit="°S"),
            Match("Eggs now cost £3.70 a dozen, up from £2.90.", "£3.70", value=3.7, unit="GBP"),  # no count of 12
            Match("Turnout was 10,6% in the by-election.", "10,6%", value=10.6, unit="percent"),
            Match("Sixteen members cooperated.", "Sixteen", value=16),
            Match("The crowd of twelve thousand cheered.", "twelve thousand", value=12000),
            Match("They logged four hundred and twenty dives.", "four hundred and twenty", value=420),
            Match("The city has two and a half million residents.", "two and a half million", value=2_500_000),
            Match("The garrison would grow eight times.", "eight times", value=8, unit="times"),
            Match("Revenue rose to $4.2bn last quarter.", "$4.2bn", value=4.2e9, unit="USD"),
            Match("The marathon is 42.195 km long.", "42.195 km", value=42.195, unit="km"),
            Match("The comet passed within 3 million miles of Earth.", "3 million miles", value=3e6, unit="mi"),
            Match("Asteroid 2029 TQ8 is 40 m across.", "40 m", value=40, unit="m"),  # a designation is no year
            Match("The odds were put at 1 in 2,700.", "2,700", value=2700),  # the odds are the 2,700
            Match("It missed Earth by 0.56 LD (0.0014 AU).", "0.56 LD", value=0.56, unit="LD"),
            Match("It came within about 0.65 lunar distances.", "about 0.65 lunar distances", value=0.65, unit="LD"),
            Match("The star lies 4.2 light-years away.", "4.2 light-years", value=4.2, unit="ly"),
            Match("Each engine gives 129 kN (29,000 lbf) of thrust.", "129 kN", value=129, unit="kN"),
            Match("The engines are rated at 29,000 lb of thrust apiece.", "29,000 lb of thrust", value=29000, unit="lbf"),
            Match("The ship made 30 kn in the trials.", "30 kn", value=30, unit="kn"),
            Match("The agency placed 3 au pairs.", "3", value=3),  # "au" and "ld" are units only in capitals
            Match("The striker has scored twenty-five goals.", "twenty-five", value=25),
            Match("The reactor produces 1,600 MW of power.", "1,600 MW", value=1600, unit="MW"),
            Match("Nearly 2,000 courses were provided.", "Nearly 2,000", value=2000),
            Match("Upwards of 40 vessels were inspected.", "Upwards of 40", value=40),
            Match("The sample was heated to 120 °C.", "120 °C", value=120, unit="°C"),
            Match("The lab counted 1500 samples.", "1500", value=1500),
            Match("The storm displaced about 1500 people.", "about 1500", value=1500),
            Match("Depositors pulled something like half a billion dollars.", "something like half a billion dollars",
                  value=500_000_000, unit="USD"),  # the approximator is part of the quote
            Match("The bill came in the region of £2 million.", "in the region of £2 million", value=2_000_000, unit="GBP"),
            Match("A dozen riders abandoned the stage.", "A dozen", value=12),
            Match("Most of the 2,000-odd buildings were damaged.", "2,000-odd", value=2000),
            Match("He spent twenty-odd years there.", "twenty-odd", value=20, unit="year"),
            Match("Dry mass was barely 700-ish kg.", "700-ish kg", value=700, unit="kg"),
            Match("Officials signalled cuts of half a percentage point.", "half a percentage point", value=0.5, unit="percent"),
            Match("The journey takes under half an hour.", "under half an hour", value=0.5, unit="h"),
            Match("The team won by 3 points.", "3", value=3),
            Match("Shares fell 3.5% on Friday.", "3.5%", value=3.5, unit="percent"),
            Match("So yesterday's decision was a 25 basis point cut.", "25 basis point", value=25, unit="bp"),
            Match("The Bank cut by 150 basis points in 2008.", "150 basis points", value=150, unit="bp"),
            Match("Unemployment rose 0.5 pp in a year.", "0.5 pp", value=0.5, unit="percent"),
            Match("The Bank cut the policy rate by 0.25pp to 3.75%.", "0.25pp", value=0.25, unit="percent"),
            Match("It would refund £8.50pp to passengers.", "£8.50", value=8.5, unit="GBP"),  # per person
            Match("Spreads widened by 40bp last week.", "40bp", value=40, unit="bp"),
            Match("The phone has a 5,100mAh cell and a 120Hz panel.", "5,100mAh", value=5100, unit="mAh"),
            Match("The whole village lies inside the 57dB daytime contour.", "57dB", value=57, unit="dB"),
            Match("Night flights reached 85 decibels.", "85 decibels", value=85, unit="dB"),
            Match("The chip is clocked at up to 3.3GHz.", "up to 3.3GHz", value=3.3, unit="GHz"),
            # A negated bound turns round: the night stayed at 85°F or above.
            Match("On the coast the temperature didn't drop below 85°F all night.", "below 85°F", value=85, unit="°F"),
            # "up to" after a verb that moves the figure is its particle: the bill rose to €2.6 billion.
            Match("Higher volumes pushed the group's fuel bill up to €2.6 billion.", "€2.6 billion", value=2.6e9, unit="EUR"),
            Match("Power comes ashore through 220kV export cables.", "220kV", value=220, unit="kV"),
            Match("It has produced 2,318 gigawatt hours of electricity.", "2,318 gigawatt hours", value=2318, unit="GWh"),
            Match("At 198 g and 7.9 mm thin, it is lighter than before.", "198 g", value=198, unit="g"),
            Match("The phone supports 67 W wired charging.", "67 W", value=67, unit="W"),
            Match("The table lists 38 W and 12 L for the club.", "38", value=38),  # no cue: a wins column
            Match("Its molar mass is 528.5 g·mol−1.", "528.5", value=528.5),  # a compound unit's first letter
            Match("It adds a telephoto with 5x optical zoom.", "5x", value=5, unit="times"),
            Match("The festival lasts three-day weekends.", "three-day", value=3, unit="day"),
            Match("Patients had 4.1 fewer monthly migraine days.", "4.1", value=4.1, unit="day"),
            Match("The trial lasted two years and a half.", "two years and a half", value=2.5, unit="year"),
            Match("They walked for three hours and a quarter.", "three hours and a quarter", value=3.25, unit="h"),
            Match("The yacht came in about 13 and a half hours later.", "about 13 and a half hours", value=13.5, unit="h"),
            Match("Okafor got 18 and a half years and Pocock got 12 and three quarters.", "12 and three quarters", value=12.75),
            Match("The service was two and a quarter hours long.", "two and a quarter hours", value=2.25, unit="h"),
            Match("He won by three and three-quarter lengths.", "three and three-quarter", value=3.75),
            Match("It took two and three quarters hours.", "two and three quarters hours", value=2.75, unit="h"),
            Match("Among them was the 42-footer Osprey.", "42-footer", value=42, unit="ft"),
            Match("It rained for ten straight days.", "ten", value=10, unit="day"),
            Match("Seven in 10 days were dry.", "Seven", value=7),
            Match("Staff rose from about 10,500 two years ago.", "about 10,500", value=10_500),
            Match("A 7.8-magnitude earthquake hit the coast.", "7.8-magnitude", value=7.8, unit="magnitude"),
            Match("A magnitude-6.4 quake struck Albania.", "magnitude-6.4", value=6.4, unit="magnitude"),
            Match("The 1911 eruption was a VEI 4 event.", "VEI 4", value=4, unit="VEI"),
            Match("Now a Category 4 hurricane, Katrina came ashore.", "Category 4", value=4, unit="category"),
            Match("The crowd was put at 48 500.", "48 500", value=48_500),
            Match("Attendance that night was 12 300", "12 300", value=12_300),
            Match("It was a three-stage rocket.", "three", value=3),
            Match("A ten-ton block fell.", "ten-ton", value=10, unit="ton"),
            Match("A 12,000-strong force marched north.", "12,000", value=12_000),
            Match("After a nine-month voyage the rover landed.", "nine-month", value=9, unit="month"),
            Match("After a three-hour debate the bill passed.", "three-hour", value=3, unit="h"),
            Match("A two-year-old boy fell ill.", "two-year", value=2, unit="year"),
            Match("The wreck lies some two-and-a-half-miles down.", "some two-and-a-half-miles", value=2.5, unit="mi"),
            Match("The trail is 7½ miles long.", "7½ miles", value=7.5, unit="mi"),
            Match("Add 2¼ cups of flour.", "2¼", value=2.25),
            Match("Temperatures fell to -40°C overnight.", "-40°C", value=-40, unit="°C"),
            Match("Output shrank by −3 percent.", "−3 percent", value=-3, unit="percent"),
            Match("Winter nights reach –40°C there.", "–40°C", value=-40, unit="°C"),
            Match("The surface can drop to minus 310 Fahrenheit.", "minus 310 Fahrenheit", value=-310, unit="°F"),
            Match("The ascent took 52\nhours in all.", "52\nhours", value=52, unit="h"),
            Match("The detector is cooled to 4 K before use.", "4 K", value=4, unit="K"),
            Match("The flask is kept at 77 kelvins.", "77 kelvins", value=77, unit="K"),
            Match("The flat covers 2,500 square feet.", "2,500 square feet", value=2500, unit="ft2"),
            Match("The dam holds 40 million cubic metres of water.", "40 million cubic metres", value=40e6, unit="m3"),
            Match("She could make 23 knots.", "23 knots", value=23, unit="kn"),
            Match("Gusts reached 30 metres per second.", "30 metres per second", value=30, unit="m/s"),
            Match("Mean wind speed was 22 m/s from the west.", "22 m/s", value=22, unit="m/s"),
            Match("The probe flew past at 11 kilometres per second.", "11 kilometres per second", value=11, unit="km/s"),
            Match("It hit the atmosphere at about 17 km per second.", "about 17 km per second", value=17, unit="km/s"),
            Match("It came in at nearly 11 miles per second.", "nearly 11 miles per second", value=11, unit="mi/s"),
            Match("Peak outflow was ~6,850 cumecs.", "~6,850 cumecs", value=6850, unit="m3/s"),
            Match("Outflow climbed to 242,000 cubic feet per second.", "242,000 cubic feet per second", value=242000, unit="cfs"),
            Match("The reservoir held 39,400 acre-feet.", "39,400 acre-feet", value=39400, unit="acre-ft"),
            Match("the lake held about 39k acre-feet", "about 39k acre-feet", value=39000, unit="acre-ft"),
            Match("The berg weighs roughly 1,025 gigatonnes.", "roughly 1,025 gigatonnes", value=1025, unit="Gt"),
            Match("In its first 12 days the berg averaged 3.2 km a day.", "3.2 km a day", value=3.2, unit="km/day"),
            Match("Ice at the front was flowing at 1,170 m per year.", "1,170 m per year", value=1170, unit="m/yr"),
            Match("He earns 5m a year at the club.", "5m", value=5_000_000),  # millions: metres a year take a space
            Match("The divers worked in air temperatures of around minus 28 C.", "around minus 28 C", value=-28, unit="°C"),
            Match("Magnitude 6.4 Mw, depth 10 km.", "6.4 Mw", value=6.4, unit="magnitude"),
            Match("Maximum sustained winds reached 150 kt.", "150 kt", value=150, unit="kn"),
            Match("Exports hit 5 million metric tons.", "5 million metric tons", value=5e6, unit="t"),
            Match("Exports reached 500 MT of wheat.", "500 MT", value=500, unit="t"),  # metric tons in capitals
            Match("Reserve is 21.3Mt at 1.8% which is decent.", "21.3Mt", value=21.3, unit="Mt"),
            Match("The plant was built to treat about 1.9Mtpa of ore.", "about 1.9Mtpa", value=1.9, unit="Mt"),
            Match("Kestrel was only taking 210kt a year under the offtake.", "210kt", value=210, unit="kt"),
            Match("CY25 guidance is 30kt of concentrate.", "30kt", value=30, unit="kt"),
            Match("Still on track to ramp to 38ktpa by 2026.", "38ktpa", value=38, unit="kt"),
            Match("The burst released 86 megalitres of water.", "86 megalitres", value=86, unit="ML"),
            Match("The main lost 86 ML before it was shut.", "86 ML", value=86, unit="ML"),  # not millilitres
            Match("Dam storage fell to 3.2 GL.", "3.2 GL", value=3.2, unit="GL"),
            Match("Brewing capacity: 1.9 million hectolitres per year", "1.9 million hectolitres", value=1.9e6, unit="hl"),
            Match("Nearly 23 million US gallons went down the drain.", "Nearly 23 million US gallons", value=23e6,
                  unit="gal"),
            Match("The tank holds 5,000 imperial gallons.", "5,000 imperial gallons", value=5000, unit="imp gal"),
            Match("The chipmaker moved to a 7 nm process.", "7 nm", value=7, unit="nm"),
            Match("The ship sank 12 nm off the coast.", "12 nm", value=12, unit="nmi"),
            Match("It tips the scales at 2,260 pounds.", "2,260 pounds", value=2260, unit="lb"),
            Match("The club paid 40 million pounds for him.", "40 million pounds", value=40e6, unit="GBP"),
            Match("The average annual bill will climb by 115 pounds.", "115 pounds", value=115, unit="GBP"),
            Match("It issued 31 fixed penalty notices of 250 pounds each.", "250 pounds", value=250, unit="GBP"),
            Match("The lowest pressure was 902 mb.", "902 mb", value=902, unit="hPa"),
            Match("Eurotunnel carried its 300 millionth passenger.", "300 millionth", value=300e6),
            Match("The studio owns three billion-dollar franchises.", "three", value=3),
            Match("Senegal had one case.", "one", value=1),
            Match("Just one of the children died.", "one", value=1),
            Match("One boarding had to be carried out.", "One", value=1),
            Match("Deaths by state: 1577 in Louisiana, 238 in Mississippi.", "1577", value=1577),
            Match("Labour 203 seats, a loss of 59.", "203", value=203),
            Match("About 1.8\nmillion people fled.", "About 1.8\nmillion", value=1.8e6),
            Match("The patrol walked for 1200 hours in all.", "1200 hours", value=1200, unit="h"),
            Match("A Cat 5 storm is rare.", "Cat 5", value=5, unit="category"),
            Match("A 6.1 magnitude quake shook the city.", "6.1 magnitude", value=6.1, unit="magnitude"),
            Match("The trust treated 1.2m patients last year.", "1.2m", value=1.2e6),
            Match("The sea wall is 5m high.", "5m", value=5, unit="m"),
            Match("Q3 was a monster: 15.2m pax at 89.4% load factor.", "15.2m", value=15.2e6),  # aviation's passengers
            Match("Some 20k runners took part.", "Some 20k", value=20_000),
            Match("Attendance ended up over 900k, which is nuts.", "over 900k", value=900_000),
            Match("The roof fell at around 2.20pm. Forty-two of them made it out.", "Forty-two", value=42),
            Match("31M MAU sounds great but how many pay?", "31M", value=31e6),
            Match("A 20-year-old man was arrested.", "20-year", value=20, unit="year"),
            Match("The poet died aged 84 in Lisbon.", "84", value=84, unit="year"),
            Match("Almost half were people over the age of 75.", "75", value=75, unit="year"),
            Match("Skipper Maren Holt, 41, said the crew was tired.", "41", value=41, unit="year"),
            Match("It came despite 38 points from guard Kofi Aldane, 33.", "33", value=33, unit="year"),
            Match("It toured under music director Ilse Marovna-Keel, then 47.", "47", value=47, unit="year"),
            Match("Coach Dario Fenwick, now 55, got his own mural.", "55", value=55),  # an age today, not then
            Match("The order was signed by Ines Varga, 52.[4] It took effect.", "52", value=52, unit="year"),
            Match("The firm was founded in Leeds, 33.", "33", value=33),  # one capitalised word: no whole name
            Match("Shane Pocock, who was 53 at his conviction, is due out first.", "53", value=53, unit="year"),
            Match("He's only 19, so they aren't going anywhere.", "19", value=19, unit="year"),
            Match("She turned 80 on 3 March, which still let her vote.", "80", value=80, unit="year"),
            Match("He was 25 minutes late for the hearing.", "25 minutes", value=25, unit="min"),
            Match("It was 53 at the end of the count.", "53", value=53),  # no person: a count
            Match("Albrecht was 86 when he died and had sat for 30 years.", "86", value=86, unit="year"),
            Match("At the time Marrow was 63, Vey was 47 and Lindqvist-Oduya was 40.", "47", value=47, unit="year"),
            Match("At the time Marrow was 63, Vey was 47 and Lindqvist-Oduya was 40.", "40", value=40, unit="year"),
            Match("The number of cases in England was 41, up from 30.", "41", value=41),  # a place after "in"
            Match("The total in March was 12, a record.", "12", value=12),  # a month, not a name
            Match("By then Monroe was 44, and tired.", "44", value=44, unit="year"),
            Match("Turnout was 68.", "68", value=68),  # the sentence's first word: a noun as likely as a name
            Match("The stadium holds 15 000 spectators.", "15 000", value=15_000),
            Match("The offering raised NOK 640 million.", "NOK 640 million", value=640e6, unit="NOK"),
            Match("Revenue passed NOK 2 billion in 2022.", "passed NOK 2 billion", value=2e9, unit="NOK"),
            Match("Membership passed 165,000 in May.", "passed 165,000", value=165000),
            Match("The damage bill came to north of £900m.", "north of £900m", value=9e8, unit="GBP"),
            Match("The farm lies north of 12 villages.", "12", value=12),  # a direction, not a bound
            # A body that went by at a distance: no bound ("passed 215,300 kilometres from Earth")
            Match("It passed 215,300 kilometres from Earth.", "215,300 kilometres", value=215300, unit="km"),
            Match("Le budget atteint 1.234.567 euros.", "1.234.567 euros", value=1_234_567, unit="EUR"),
            Match("Cost €16.4 million in all.", "€16.4 million", value=16_400_000, unit="EUR"),  # not 16,399,999.999999998
            # Other dollars, and currencies written in letters glued to the digits.
            Match("It cost 100 billion francs (S$26.4 billion).", "S$26.4 billion", value=26.4e9, unit="SGD"),
            Match("The line cost HK$3 billion.", "HK$3 billion", value=3e9, unit="HKD"),
            Match("The excavation cost CA$2.3 million.", "CA$2.3 million", value=2.3e6, unit="CAD"),
            # A country's adjective names the currency (lexicon.NATIONAL_CURRENCIES).
            Match("The bridge cost 45 million Canadian dollars.", "45 million Canadian dollars", value=45e6, unit="CAD"),
            Match("It sold in 1924 for 85,000 French francs.", "85,000 French francs", value=85000, unit="FRF"),
            Match("The deal was worth 2.3 billion Swedish kronor.", "2.3 billion Swedish kronor", value=2.3e9, unit="SEK"),
            Match("A fare of 7 New Zealand dollars.", "7 New Zealand dollars", value=7, unit="NZD"),
            Match("Fines of 9 Egyptian pounds each.", "9 Egyptian pounds", value=9, unit="EGP"),
            Match("The ticket cost 20 pesos.", "20 pesos", value=20, unit="MXN"),
            Match("The Halvorsens paid 640,000 kroner for it.", "640,000 kroner", value=640000, unit="NOK"),
            Match("The fee was AU$450,000.", "AU$450,000", value=450000, unit="AUD"),
            Match("The scheme cost Rs 450 crore.", "Rs 450 crore", value=4.5e9, unit="INR"),
            Match("Seats sold for Rs. 3,200 each.", "Rs. 3,200", value=3200, unit="INR"),
            Match("Damage reached Rp 2.1 trillion.", "Rp 2.1 trillion", value=2.1e12, unit="IDR"),
            Match("About 12 lakh people were moved.", "About 12 lakh", value=1.2e6),
            Match("The index gained +12.8 points on the day.", "+12.8", value=12.8),  # a sign, no phone number
            Match("Membership grew by +122,615 over the decade.", "+122,615", value=122_615),
            Match("Change since 2015: +426,682 (+5.3%)", "+5.3%", value=5.3, unit="percent"),
            # A count right after a name: of people, or with the noun of a count before it left out.
            Match("Floods left Kerala 483 dead and 140 missing.", "483", value=483),
            Match("Casualties 57 dead, 300 injured", "57", value=57),
            Match("Ohio reported 40 cases and Texas 12, officials said.", "12", value=12),
            Match("Measles: Lagos confirmed 215 infections while Kano 98.", "98", value=98),
            # Pence and cents keep their written value; the unit says what part of which currency.
            Match("A second-class stamp now costs 85p.", "85p", value=85, unit="GBp"),
            Match("The interim dividend was 3.25p per share.", "3.25p", value=3.25, unit="GBp"),
            Match("Gasoline fell 12c a gallon.", "12c", value=12, unit="USc"),
            Match("A euro coffee tax of 20c per cup was proposed.", "20c", value=20, unit="EURc"),
            Match("Candy bars were 99¢ in 1985.", "99¢", value=99, unit="USc"),
            Match("Drivers are still paying 58c/kWh at rapid chargers.", "58c", value=58, unit="USc"),
            Match("Pennant shares closed at 44 cents on filing day.", "44 cents", value=44, unit="USc"),
            Match("The board approved a 4.2-cent cut per litre.", "4.2-cent", value=4.2, unit="USc"),
            Match("A first-class stamp costs 135 pence.", "135 pence", value=135, unit="GBp"),
            # A count right after a day ("Apollo 11, 12" is a series of names, "February 17, 57" is not);
            # a warning scale's step; a decimal with "m" is millions unless a word of length is near.
            Match("By February 17, 57 people in 14 states had been infected.", "57", value=57),
            Match("The fire was on the top floor 37 minutes after the first call.", "37 minutes", value=37, unit="min"),
            Match("Alert level 3 has been on since Feb 21.", "level 3", value=3, unit="level"),
            Match("They raised the avalanche danger to level 4.", "level 4", value=4, unit="level"),
            Match("Last year we did 13.1m so there's a lot of headroom.", "13.1m", value=13_100_000),
            Match("The wall is 2.5m high.", "2.5m", value=2.5, unit="m"),
            Match("The river peaked at 6.84m, about 22 and a half feet.", "6.84m", value=6.84, unit="m"),
            # "k" is thousands unless a race is run over it: "the 10k" is a race, "75k" and "40k wafer starts" are not.
            Match("Capacity is 40k wafer starts a month, 75k if they build phase 2.", "40k", value=40_000),
            Match("Capacity is 40k wafer starts a month, 75k if they build phase 2.", "75k", value=75_000),
            Match("Ridership was averaging under 20k a weekday.", "under 20k", value=20_000),  # no race is "under 20k"
            # The figure and some more, or at least it: "4,000 odd people", "6,300+ injured".
            Match("Apparently 4,000 odd people were evacuated.", "4,000 odd", value=4000),
            Match("6,300+ people were injured.", "6,300+", value=6300),
            # A party's seats after its name: a count, not part of the name ("Apollo 11" is).
            Match("Exit polls had given the Moderates 31 seats and the Social Democrats 26.", "31", value=31),
            Match("The Moderates win thirty seats, the SDP 27 and New Democracy 15.", "27", value=27),
            Match("The Moderates win thirty seats, the SDP 27 and New Democracy 15.", "15", value=15),
            # Speech and forums: "60 grand" is thousands; a possessive owns its number, it does not name it.
            Match("She took home 60 grand.", "60 grand", value=60_000),
            Match("Coelho-Barry's 340-page novel is the longest.", "340", value=340),
            Match("He beat Venkatesan's 2771 rating.", "2771", value=2771),
            Match("from the 2.4-million-euro prize fund", "2.4-million-euro", value=2_400_000, unit="EUR"),
            Match("Sales made a thirteenfold jump.", "thirteenfold", value=13, unit="times"),
            Match("The station logged a fall of 8.1C.", "8.1C", value=8.1, unit="°C"),
            Match("The buoy peak was 31.8C, so roughly 91F.", "roughly 91F", value=91, unit="°F"),
            Match("It was 11C (54F) at the start.", "54F", value=54, unit="°F"),
            Match("Temperatures fell to minus 8C overnight.", "minus 8C", value=-8, unit="°C"),
            Match("The heatwave brought highs of 38C.", "38C", value=38, unit="°C"),
            Match("Patients ran a fever, defined as 38C (101F) or more.", "38C", value=38, unit="°C"),
            Match("With the water at around 11C, hopes faded.", "around 11C", value=11, unit="°C"),
            Match("Her cabin hit 38C in the afternoons.", "38C", value=38, unit="°C"),  # a reading's verb
            Match("Temp went from 89F to 57F in two hours.", "89F", value=89, unit="°F"),
            Match("They measured 401C on the hull plating.", "401C", value=401, unit="°C"),
            Match("The clip drew 2.6 million video views.", "2.6 million", value=2_600_000),  # not a page's view counter
            Match("Another 112 were vandalised over the year.", "112", value=112),  # an opener, not a name
            Match("Today 108 of the objects are back home.", "108", value=108),
        ),
        rejects=(
            "by Jhon Lennon 38 views",
            "Highs were in the 80s all week.",  # a band of heat, not eighty seconds
            "Kai Ridley broke the 100m freestyle world record.",  # races named by their distance
            "She won the 400 IM in world record time.",
            "He won the 110m hurdles.",
            "as soon as the Covid19 epidemic subsides",
            "Since World War II, the United States led.",
            "The council passed Resolution 1546 unanimously.",
            "It was one of the most significant threats.",
            "The Boeing 747 landed safely.",
            "The Airbus A400M is a transport aircraft.",
            "The COVID-19 pandemic slowed trade.",
            "The F-16 fleet was grounded.",
            "They played most of their album Seventeen and the crowd sang along.",
            "The leaders of the Big Four met in Paris over the summer.",
            "The R2 billion-dollar deal fell through.",  # a name before a scale: no figure of its own
            "Python 3.11.7 was released.",
            "The Boeing 747 400 landed safely.",
            "The meeting starts at 10:30.",
            "She finished 2nd in the final.",
            "See section 4 for details.",
            "A fire broke out in warehouse 7 overnight.",
            "They met at the G7 summit.",
            "Carbon-14 has a long half-life.",
            "It was a one-sided final.",
            "Coverage among five-year-olds rose.",
            "The Gemini 8 crew docked; the Falcon 9 landed.",
            "Security changed after 7/7 and post-7/7 rules.",
            "The telescope sits at Lagrange point one.",
            "Delegates met at COP21, and COP 21 ended late.",
            "The Viking 1 & 2 landers cost more.",
            "France reached the last 16.",
            "The rover woke at 0945 GMT, at 3:05 a.m. and at 23:40.",
            "Mars 2020 Rover",
            "45 sec read",
            "2 references",
            "1.1 In August the deaths came to many.",
            "Photo: 2014 ebola epidemic map simplified.svg",
            "Pie chart 1 Pie chart 2",
            "Slide 2 / 8",
            "It was a crushing one for Labour.",
            "He got one last chance.",
            "She landed the one trophy she lacked.",
            "It was one of the finest finals.",
            "The meeting of the two teams came at last.",
            "It was a one-sided final, decided two-way.",
            "The company is a billion-dollar business.",
            "Samples might one day travel back to Earth.",
            "He spoke outside 10 Downing Street.",
            "The council passed Resolutions 1970 and 1973.",
            "It was brought into one common cause.",
            "Later a slimmer central one went in from France.",
            "He struggled through most of the second half.",
            "Voyager 1 and 2 left in 1977; Apollo 11, 12 and 14 landed.",
            "They lost in the round of 16.",
            "The patrol left at 0600 hours.",
            "Rates of type 2 diabetes rose.",
            "The match streams in 1080p.",
            "Vostok 5 and Vostok 6 flew together.",
            "The over-65s and under-18s travel free.",
            "Most buyers are in their 30s or early 40s.",
            "The alarm sounded at two in the morning and again at ten o'clock.",
            "The Boeing 747 landed and the Airbus 380 followed.",
            "Rates are given per 100,000 people.",
            "Take the 4C bus to the centre.",
            "We met at 3p.m. on the quay.",
        ),
    ),
)

QUANTITY_RULES += (
    Rule(
        "fraction", "quantity", FRACTION_PATTERN, build_fraction, requires=("numword|fraction",),
        lean=("fraction", None),  # its denominator is a whole word
        matches=(
            Match("Emissions fell by a fifth in the decade.", "a fifth", value=0.2, unit="share"),
            Match("Two-thirds of members voted in favour.", "Two-thirds", value=2 / 3, unit="share"),
            Match("Nearly a third of the budget went to defence.", "Nearly a third", value=1 / 3, unit="share"),
            Match("Bookings fell by a third last summer.", "a third", value=1 / 3, unit="share"),
            Match("Riders were about a fifth fewer than forecast.", "about a fifth", value=0.2, unit="share"),
            Match("The Bank cut its benchmark interest rate by a quarter point to 3.75%.", "a quarter point", value=0.25,
                  unit="percent"),
            Match("Rates rose by three-quarters of a percentage point.", "three-quarters of a percentage point",
                  value=0.75, unit="percent"),
            Match("Three quarters of the city was flooded.", "Three quarters", value=0.75, unit="share"),
            Match("The walk is a quarter of a mile.", "a quarter of a mile", value=0.25, unit="mi"),
            Match("A quarter of a million people came to the funeral.", "A quarter of a million", value=250_000),
            Match("The bill came to three quarters of a billion dollars.", "three quarters of a billion dollars",
                  value=750_000_000, unit="USD"),
        ),
        rejects=("Profits rose in the third quarter.", "A quarter of 2023 passed quietly.",
                 "Ferreira was chasing a third major title.", "She won a fifth term in office.",
                 "They reached a quarter-final.", "It went to a third-party vendor."),
        priority=1,
    ),
    Rule(
        "in-ratio", "quantity", IN_RATIO_PATTERN, build_in_ratio, requires=("digit|numword",),
        matches=(
            Match("Close to six in ten pharmacies had none.", "Close to six in ten", value=0.6, unit="share"),
            Match("About 1 in 5 patients switched brands.", "About 1 in 5", value=0.2, unit="share"),
            Match("Roughly two in five students commute.", "Roughly two in five", value=0.4, unit="share"),
            Match("The risk is 9 in 100 over a decade.", "9 in 100", value=0.09, unit="share"),
        ),
        rejects=("The odds were put at 1 in 2,700.", "He scored 3 in 10 days.", "Argentina won 4 in 1978.",
                 "It was a 1 in 100-year flood.", "Venkatesan won Game 2 in 47 moves."),
    ),
)

QUANTITY_RULES += (
    Rule(
        "glued-amount", "quantity", GLUED_PATTERN, build_glued, requires=("glued",),
        matches=(
            Match("Porthaven Airport Occupants68 Passengers64 Crew4 Fatalities3 Injuries37", "37", value=37),
            Match("Date 7-24 July 2024 Deaths1,862 (estimated excess)", "1,862", value=1862),
            Match("Highest point Elevation2,847 m (9,341 ft)", "2,847 m", value=2847, unit="m"),
            Match("Max. temperature43.1 °C (Sarrano)", "43.1 °C", value=43.1, unit="°C"),
            Match("TypeOffshoreDistance from shore52 km (23 mi)", "52 km", value=52, unit="km"),  # alone, with its unit
            Match("Nameplate capacity1,140 MWTurbines76Capacity factor57.0%", "1,140 MW", value=1140, unit="MW"),
            Match("Nameplate capacity1,140 MWTurbines76Capacity factor57.0%", "76", value=76),
            Match("Yes1,282,116 55.20% No1,040,345 44.80%", "1,040,345", value=1_040_345),  # a two-letter label
        ),
        rejects=("Covid19 cases rose in 2021.", "The A400M and the C130 flew.", "Version2.1 shipped.", "Covid19 Vaccine Trial",
                 "Make and modelNordvik NV236-15.0"),
    ),
    Rule(
        "letter-currency", "quantity", LETTER_CURRENCY_PATTERN, build_quantity, requires=("lettercur",),
        matches=(
            Match("The bill for the Games stood at RM5.9 billion.", "RM5.9 billion", value=5.9e9, unit="MYR"),
            Match("The pool cost RM410 million.", "RM410 million", value=410e6, unit="MYR"),
            Match("Fares start at KSh1,500.", "KSh1,500", value=1500, unit="KES"),
        ),
        rejects=("The RMS Titanic sank in 1912.",),
    ),
    Rule(
        "track-time", "quantity", TRACK_TIME_PATTERN, build_track_time, requires=("digit",),
        hint=patterns.compile(r"\d:[0-5]\d"),
        matches=(
            Match('"Neon Psalm" runs 3:41 and debuted at No. 1.', "3:41", value=221, unit="s"),
            Match("The closer is the longest by a distance, clocking in at 6:14.", "6:14", value=374, unit="s"),
            Match("Honestly 48:37 of no skips.", "48:37", value=2917, unit="s"),
            Match("Length: 48:37", "48:37", value=2917, unit="s"),
            Match("Running time: 3:41", "3:41", value=221, unit="s"),
            Match("Lazcano's pole lap (1:18.406) was only a tenth quicker.", "1:18.406", value=78.406, unit="s"),
            Match("He reached 5km in 14:12 and went through halfway in 60:02.", "14:12", value=852, unit="s"),
            Match("He went through halfway in 60:02 with two pacers.", "60:02", value=3602, unit="s"),
            Match("That works out to a second half of 60:17.", "60:17", value=3617, unit="s"),
            Match("She ran a 59:48 half marathon in February.", "59:48", value=3588, unit="s"),
            Match("Unreal. 60:17 for the second half.", "60:17", value=3617, unit="s"),
            Match("The live splits at 10 km (28:25) looked quick.", "28:25", value=1705, unit="s"),
            Match("She won the 1500 in 15:31.", "15:31", value=931, unit="s"),
            Match("Thornbury's women finished in 18:05, a course record.", "18:05", value=1085, unit="s"),
            Match("The old record was 18:22 by Wexmoor in 2021.", "18:22", value=1102, unit="s"),
            Match("She covered the Championship Course in 16:27 into a headwind.", "16:27", value=987, unit="s"),
            Match("16:27 – Wexmoor's winning time, the quickest since 2019.", "16:27", value=987, unit="s"),
        ),
        rejects=("Doors open at 7:30 and the show starts at 8:15.", "The score was 2:1 at half time.", "It runs at 9:45 pm.",
                 "The train arrived in London at 14:12.", "Kick-off in Madrid is 20:00.",
                 "The record crowd was in by 14:30 - the gates closed at once.", "Posted 14:10 - record time for a reply"),
        priority=1,
    ),
    Rule(
        "flare-class", "quantity", FLARE_PATTERN, build_flare, requires=("digit",),
        hint=patterns.compile(r"(?i:flare|seism|quake|tremor|aftershock|tsunami|epicent|km[ ]+[NSEW]{1,3}[ ]+of)"),
        matches=(
            Match("The storm was set off by an X4.7 solar flare on Tuesday.", "X4.7", value=4.7, unit="X-class flare"),
            Match("Thirteen M-class flares erupted, the biggest an M6.1 flare on 14 March.", "M6.1", value=6.1,
                  unit="M-class flare"),
            Match("The seismic signal was M3.2 according to the survey.", "M3.2", value=3.2, unit="magnitude"),
            Match("M6.8 - 14 km SSW of Kesric, Veldoria (9 Nov 2019)", "M6.8", value=6.8, unit="magnitude"),
        ),
        rejects=("Traffic on the M6 was slow after the flare-up.", "The C3 model sells well.", "The M4.5 bus was late.",
                 "Flares lit the sky above the X4 junction."),
        priority=1,
    ),
    Rule(
        "race-time", "quantity", RACE_TIME_PATTERN, build_race_time, requires=("digit",),
        matches=(
            Match("Rotich pulled away late to take the men's race in 2:04:47.", "2:04:47", value=7487, unit="s"),
            Match("Official chip time: 3:41:27!", "3:41:27", value=13287, unit="s"),
            Match("She swam 2:05:31.48 in the final.", "2:05:31.48", value=7531.48, unit="s"),
            Match("Kiptanui stopped the clock at 2:00:19.", "2:00:19", value=7219, unit="s"),
        ),
        rejects=("The alarm went off at 12:34:56.", "Launch was at 21:40:05 UTC.", "Doors open 9:30 a.m.",
                 "The score was 2:1 at half time."),
        priority=1,
    ),
)

QUANTITY_RULES += (
    Rule(
        "table-cell", "quantity", CELL_PATTERN, build_cell, requires=("spaced",),
        matches=(
            Match("Party Exit Poll Final Result\nConservative 368 365\nLabour 191 203\nLD 13 11", "365", value=365),
            Match("Station Riders 2019 Riders 2020\nCentral 412 380\nHarbour 12 991", "412", value=412),
            Match("Conservative 368 365", "368", value=368),
            # A bare figure takes the unit and scale its column's header gives.
            Match("| Club | Turnover (€m) |\n|---|---|\n| Ajax | 212.4 |", "212.4", value=212.4e6, unit="EUR"),
            Match("| Lake | Area (km²) | Depth (m) |\n|---|---|---|\n| Vättern | 1,912 | 128 |", "1,912",
                  value=1912, unit="km2"),
            Match("| Lake | Area (km²) | Depth (m) |\n|---|---|---|\n| Vättern | 1,912 | 128 |", "128", value=128, unit="m"),
            Match("| Club | Revenue (m) |\n|---|---|\n| Ajax | 212.4 |", "212.4", value=212.4),  # metres or millions
            Match("| Drug | Response rate (%) |\n|---|---|\n| Placebo | +12.5 |", "+12.5", value=12.5, unit="percent"),
            Match("| Country | Life expectancy (years) |\n|---|---|\n| Japan | 84.3 |", "84.3", value=84.3, unit="year"),
            Match("| Plant | Output [MW] | Opened |\n|---|---|---|\n| Drax | 3,906 | 1974 |", "3,906", value=3906,
                  unit="MW"),
        ),
        rejects=("The stadium holds 15 000 spectators.", "Population 12 050", "The crowd was 48 500."),
    ),
    Rule(
        MATCH_MINUTE, "quantity", MINUTE_PATTERN, build_minute, requires=("mark|ordinal",),
        matches=(
            Match("Messi scored in the 23rd minute.", "23rd minute", value=23, unit="min"),
            Match("Mbappe converted a 108th-minute penalty.", "108th-minute", value=108, unit="min"),
            Match("Goals: Lionel Messi 23' (pen.), 108'", "108'", value=108, unit="min"),
            Match("Tries: Smith 80', Jones 12'", "80'", value=80, unit="min"),
            Match("Scorers: Kane 90+3'", "90+3'", value=93, unit="min"),
            Match("Kane scored in the 23rd minute and again in the 90+3rd, sealing it.", "90+3rd", value=93, unit="min"),
        ),
        rejects=("She finished 2nd in the 400 metres.", "He is 6' 2\" tall.", "We sailed a 30' boat.", "The '80s were loud."),
    ),
    Rule(
        "score", "quantity", SCORE_PATTERN, build_score, requires=("pair",), priority=1,
        matches=(
            Match("It finished 3-3 after extra time.", "3-3 after extra time", value=3, unit="score"),
            Match("Argentina won 4-2 on penalties.", "4-2 on penalties", value=4, unit="score"),
            Match("a 2-1 win over Wales", "2-1", value=2, unit="score"),
            Match("They lost 1-3 at home.", "1-3", value=1, unit="score"),
            Match("The court ruled 7-2 in her favour.", "7-2", value=7, unit="score"),
            Match("The Lakers led 98–97 with a minute left.", "98–97", value=98, unit="score"),
            Match("They beat the Stormriders 104-99 in Game 7.", "104-99", value=104, unit="score"),
            Match("The judges scored it 117–111, 116–112 and 115–113.", "117–111", value=117, unit="score"),
            Match("The final vote was 112–87 in favour.", "112–87", value=112, unit="score"),
        ),
        rejects=("The trial lasted 2-3 days.", "Expect 5-10 km of queues.", "They grew 10-20%.", "Read pages 4-9.",
                 "Read pages 104-199.", "Worldwide there are 150-200 cable faults a year."),
    ),
    Rule(
        "rating", "quantity", RATING_PATTERN, build_rating, requires=("digit",),
        matches=(
            Match("It holds a score of 88 out of 100 on Metacritic.", "88 out of 100", value=88),
            Match("He scored 8 out of 10 on board one.", "8 out of 10", value=8),
            Match("She finished 8/10 on board one.", "8/10", value=8),
            Match("Critics rated it 4.5 out of 5.", "4.5 out of 5", value=4.5),
        ),
        rejects=("10/10 would freeze again.", "Rate it: 4.6/5 (212 votes)", "Posted 22/10/2019.",
                 "Only 12 out of 10 said so."),
    ),
    Rule(
        "duration", "quantity", DURATION_PATTERN, build_duration, requires=("series",),
        matches=(
            Match("The flight lasted 3h 05 min.", "3h 05 min", value=3 * 60 + 5, unit="min"),
            Match("It stayed up 6 days, 2h, 40min, and 10s.", "6 days, 2h, 40min, and 10s",
                  value=6 * 86400 + 2 * 3600 + 40 * 60 + 10, unit="s"),
            Match("The record is 146 h 40 min 10 s.", "146 h 40 min 10 s", value=146 * 3600 + 40 * 60 + 10, unit="s"),
            Match("She ran it in 2 hours 35 minutes.", "2 hours 35 minutes", value=2 * 60 + 35, unit="min"),
        ),
        rejects=("It took 3 hours, 2 days later it failed.", "The run was 5 m 3 h long."),
    ),
    Rule(
        "hour-bare-minutes", "quantity", HOUR_BARE_MINUTES_PATTERN, build_hour_bare_minutes, requires=("numword|digit",),
        hint=patterns.compile(r"(?i:hour)"),
        matches=(
            Match("The script went from nearly four hours to two hours fifty by opening night.", "two hours fifty",
                  value=170, unit="min"),
            Match("It took an hour twenty.", "an hour twenty", value=80, unit="min"),
            Match("The show ran 2 hours 50 in the end.", "2 hours 50", value=170, unit="min"),
        ),
        rejects=("It lasted two hours, 50 people left early.", "They waited two hours 50 metres from the gate.",
                 "It ran two hours and ninety more were queuing.", "She slept two hours a night."),
        priority=1,
    ),
    Rule(
        "year-month", "quantity", YEAR_MONTH_PATTERN, build_year_month, requires=("numword|digit",),
        hint=patterns.compile(r"(?i:month)"),
        matches=(
            Match("Alleged ringleader Rado Varga was given six years and four months.", "six years and four months",
                  value=76, unit="month"),
            Match("The boy, 2 years 3 months old, was found.", "2 years 3 months", value=27, unit="month"),
        ),
        rejects=("It took years and months of work.",),
        priority=1,
    ),
    Rule(
        "feet-inches", "quantity", FEET_INCHES_PATTERN, build_feet_inches, requires=("digit",),
        hint=patterns.compile(r"(?i:\d[ -]?f(?:ee|oo)?t)"),
        matches=(
            Match("The jockey stands 5ft 2in in his boots.", "5ft 2in", value=62, unit="in"),
            Match("She is 5 feet 11 inches tall.", "5 feet 11 inches", value=71, unit="in"),
            Match("The 6-foot-4 forward scored twice.", "6-foot-4", value=76, unit="in"),
        ),
        rejects=("The 6-foot-4-inch wall fell.",),
        priority=1,
    ),
    Rule(
        "compound-mass", "quantity", COMPOUND_MASS_PATTERN, build_compound_mass, requires=("series|ordinal",),  # "11st"
        matches=(
            Match("She arrived on June 6, a girl weighing 7lb 2oz.", "7lb 2oz", value=114, unit="oz"),
            Match("He weighed in at 11st 4lb.", "11st 4lb", value=158, unit="lb"),
        ),
        rejects=("Add 5 lb 3 lb more.",),
    ),
    Rule(
        "hour-minute", "quantity", HOUR_MINUTE_PATTERN, build_hour_minute, requires=("clock|series",),
        matches=(
            Match("A thriller that lasted 4h21 on Centre Court.", "4h21", value=261, unit="min"),
            Match("The old record was 5h13 iirc.", "5h13", value=313, unit="min"),
            Match("It is a 2h05m trip by train.", "2h05m", value=125, unit="min"),
            Match("Running time on the night was 2h 50 including a 15-minute interval.", "2h 50", value=170, unit="min"),
        ),
        rejects=("Route A4h12 is closed.", "The 24h90 model shipped.", "After the 24h 50 km race she slept."),
    ),
    Rule(
        "word-duration", "quantity", WORD_DURATION_PATTERN, build_word_duration, requires=("numword",),
        matches=(
            Match("It is two hours eight minutes long.", "two hours eight minutes", value=2 * 60 + 8, unit="min"),
            Match("The climb took an hour and ten minutes.", "an hour and ten minutes", value=70, unit="min"),
            Match("She surfaced three minutes and 51 seconds after leaving.", "three minutes and 51 seconds", value=231, unit="s"),
            Match("She won 6-4, 7-5 in two hours and 27 minutes.", "two hours and 27 minutes", value=147, unit="min"),
            Match("They were trapped for three days, six hours.", "three days, six hours", value=3 * 24 + 6, unit="h"),
            Match("The wait was about forty-five minutes ten seconds.", "about forty-five minutes ten seconds",
                  value=45 * 60 + 10, unit="s"),
        ),
        rejects=("Ten minutes two hours later it rang.", "It lasted two hours, and eight minutes later it ended."),
    ),
    Rule(
        "count-word", "quantity", COUNT_WORD_PATTERN, build_count_word, requires=("countword",),
        matches=(
            Match("Messi struck twice in the final.", "twice", value=2),
            Match("The bill was twice the forecast.", "twice", value=2, unit="times"),
            Match("The UK reported a single isolated case.", "a single", value=1),
        ),
        rejects=("The EU single market grew.", "They built a single-track line."),
    ),
    Rule(
        RANK, "quantity", RANK_PATTERN, build_rank, requires=("ordinal|rankword",),
        matches=(
            Match("It was the third-largest regional brewer in the country.", "third-largest", value=3, unit="rank"),
            Match("The 2025 minimum is the sixth lowest in the 47-year record.", "sixth lowest", value=6, unit="rank"),
            Match("It became the journal's third most-read article of the year.", "third most-read", value=3,
                  unit="rank"),
            Match("Their previous best had been fourth place in 2019.", "fourth place", value=4, unit="rank"),
            Match("Brennemann finished fifth, two shots back.", "fifth", value=5, unit="rank"),
            Match("Ostravel have since climbed to second in the rankings.", "second", value=2, unit="rank"),
            Match("Ashworth is seeded 7th this year.", "7th", value=7, unit="rank"),
            Match("The Lanterns were the East's third seed.", "third seed", value=3, unit="rank"),
            Match("She came 4th in 4:07.", "4th", value=4, unit="rank"),
            Match("He finished 14th in 2023 and tied for ninth last year.", "ninth", value=9, unit="rank"),
        ),
        rejects=("It was the first time in a decade.", "She finished first in 4:07.", "The third test starts on Friday.",
                 "He was in the fourth round.", "It is the second of three phases.", "a fifth arrest was made",
                 "for the third time in a year"),
    ),
    Rule(
        ORDINAL, "quantity", ORDINAL_PATTERN, build_ordinal, requires=("ordinal",),
        matches=(
            Match("It is the 26th outbreak since 1976.", "26th", value=26),
            Match("He scored his 12th goal in five tournaments.", "12th", value=12),
        ),
        rejects=("She finished 2nd in the race.", "Art of the 19th century.", "On the 15th of May we met.",
                 "It opened on March 15th last year."),
    ),
)

QUANTITY_RULES += (
    Rule(
        "a-unit", "quantity", A_UNIT_PATTERN, build_a_unit, requires=("unitword",),
        matches=(
            Match("The virus can survive in semen for over a year.", "over a year", value=1, unit="year"),
            Match("The walk is nearly a mile long.", "nearly a mile", value=1, unit="mi"),
            Match("The repair takes about an hour and a half.", "about an hour and a half", value=1.5, unit="h"),
            Match("The delays pushed the opening back a year and a half.", "a year and a half", value=1.5, unit="year"),
            Match("The detour adds roughly an hour and a quarter.", "roughly an hour and a quarter", value=1.25, unit="h"),
            Match("It meant an hour and a half of standing.", "an hour and a half", value=1.5, unit="h"),
        ),
        rejects=("A year later the mine closed.", "It rained for a week."),
    ),
)

# Ranges of amounts: "5,000 to 10,000 troops", "between 20 and 30 percent", "5-10 km".
RANGE_JOINERS = patterns.compile(r"\s*(?:–|—|-|to|and)\s*", re.IGNORECASE)  # fullmatch
RANGE_OPENERS = patterns.compile(r"(?:from|between)\s+$", re.IGNORECASE)
# "rose from 317 to 365 seats", "cut from 265 to 202": a change between two values, never one range.
CHANGE_OPENERS = patterns.compile(
    r"\b(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|grew|grow|grows|grown|increased|increases|"
    r"decreased|decreases|dropped|drops|dropping|jump|jumped|jumps|jumping|climb|climbed|climbs|climbing|cut|cuts|went|goes|gone|going|up|down|slipped|"
    r"hiked|slashed|trimmed|upped|bumped|edged|ticked|nudged|pushed|increase|decrease|"
    r"soared|surged|plunged|plummeted|declined|declines|shrank|shrunk|swelled|doubled|tripled|halved|moved|changed|"
    r"raised|lowered|reduced|boosted|expanded|extended|widened|narrowed|lifted|upgraded|downgraded|revised|"
    r"raising|lowering|reducing|cutting|increasing|lifting|boosting|extending|expanding|revising)"
    # The changed thing may be long: "raised its estimate for restoring the damaged holdings from".
    r"(?:[ ]+[\w'’]+){0,7}?[ ]+from[ ]+\Z",
    re.IGNORECASE,
)
# "rose by 10.6% to 1.28 million", "fell by 4,572 to 176,455": the change and the new value, unless the two are
# alike ("cut emissions by 40 to 50 percent" is a range of changes).
# The changed thing may take more words before "by" than before "from": "cut its benchmark interest rate by".
# Or with no "by" at all: "turnout fell 2.1pp to 38.6%", "sales rose 4% to 1.2 million".
_CHANGE_BY_WORD = CHANGE_OPENERS.pattern.replace(r"{0,7}?[ ]+from[ ]+\Z", r"{0,5}?[ ]+by[ ]+\Z")
_CHANGE_DIRECT = CHANGE_OPENERS.pattern.replace(r"(?:[ ]+[\w'’]+){0,7}?[ ]+from[ ]+\Z", r"[ ]+\Z")
CHANGE_BY = patterns.compile(f"(?:{_CHANGE_BY_WORD})|(?:{_CHANGE_DIRECT})", re.IGNORECASE)
# How far apart the ends of a range of changes may be: "by 5 to 10 percent", "by 10 to 15 minutes", not
# "by 0.2 to 4.1 percent". The labelled corpora's changes followed by the new value run from 5 to 15 times
# the change ("climb by 115 pounds to 588 pounds", "widened by 40 metres to 220 metres", "by £1,000 to
# £7,000", "by €600 to €7,800"); their ranges of changes span 1.5 at most.
CHANGE_RANGE_SPAN = 3.0
RANGE_EXAMPLES: tuple[Match, ...] = (
    Match("Between 20 and 30 percent of voters stayed home.", "20 and 30 percent", value=20, unit="percent"),
    Match("The quake killed 5,000 to 10,000 people.", "5,000 to 10,000", value=5000),
    Match("Estimates range from 2 to 3 million barrels.", "2 to 3 million barrels", value=2e6, unit="bbl"),
    Match("The plan cuts emissions by 40 to 50 percent.", "40 to 50 percent", value=40, unit="percent"),
    Match("Fares rose by $2 to $3 a trip.", "$2 to $3", value=2, unit="USD"),
    Match("Start times will change by 10 to 15 minutes.", "10 to 15 minutes", value=10, unit="min"),
    Match("Prices rose by 2 to 5 percent.", "2 to 5 percent", value=2, unit="percent"),
    Match("Symptoms usually last one to three days.", "one to three days", value=1, unit="day"),
    Match("Infants aged 6–11 months can get a dose.", "6–11 months", value=6, unit="month"),  # not 6 years of age
)
RANGE_REJECTS: tuple[str, ...] = (
    "Turnout fell 2.1pp to 38.6% in the by-election.",  # the change, then the new value
    "Its total rose from 317 to 365 seats.",
    "The adult rate has gone from €11.40 to €12.30.",
    "The party saw its seats cut from 202 to 265 in all.",
    "Enrolment rose by 12.5% to 48,210 pupils.",
    "The herd fell by 1,200 to 38,400 head.",
    "Unemployment fell by 0.2 to 4.1 percent.",
    "The grant rose by £1,000 to £7,000 on 1 October.",
    "The channel was also widened by 40 metres to 220 metres.",
    "The average annual bill would climb by 115 pounds to 588 pounds.",
    "Turnout was 35% to 40,000 voters' surprise.",
    "The agency extended the exclusion zone from 6 km to 12 km.",
    "The council raised its estimate for restoring the damaged holdings from £185 million to £212 million.",
    "It agreed a new schedule raising the starting salary from $52,400 to $58,000.",
    "5-2-1 — Five wins, two draws and a single defeat.",  # a fact list's figure, then its words
    "16 and 6 — Sixteen goals for, six against.",
)
