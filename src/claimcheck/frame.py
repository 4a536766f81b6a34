"""Stage 4b: the frame of each claim — what its value is a value of, read from its own clause.

A claim's frame is its context as weighted terms (nearer words weigh more; speakers less), the
event verb that governs it (its principal event), the counted noun, the words of its own clause
(its attribute), the structure's label, column, row or timeline event, the subject's acronyms, and
whether it is planned rather than done. Words become terms through a stemmer and the lexicon of
concepts (concepts.py), so "lifted off" and "launched", "death toll" and "killed" meet.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from operator import itemgetter
from typing import NamedTuple

import Stemmer

from . import patterns
from .concepts import (
    AMBIGUOUS,
    ATTRIBUTES,
    EVENTS,
    NAMED_EVENTS,
    compile_any_phrase,
    compile_phrases,
)
from .lexicon import MONTHS, NUMBER_WORDS, SCALES, STOPWORDS, TIME_ZONES, UNITS, WEEKDAYS
from .models import Claim
from .prefilter import automaton, holds_any
from .rules import needed_texts

# Latin letters with their accents (Latin-1 and Latin Extended-A/B, not the two signs × and ÷):
# "Ståhl", "Mbappé", "Guéckédou" and "Dvořák" are one word each, not "St" and "hl". Ranges, not
# \w: a class of ranges scans twice as fast as a negated Unicode class.
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_TOKEN = patterns.compile(rf"[{_LETTER}][{_LETTER}'’]*(?:-[{_LETTER}]+)*")
# Words that carry no subject: dates' own vocabulary and discourse filler. Not "first" and "second":
# they tell one fact from its neighbour ("the first ascent" on the 19th, "the second ascent" on the 21st).
_NOISE = frozenset(
    set(MONTHS) | set(WEEKDAYS) | set(NUMBER_WORDS) | set(SCALES) | {
        "year", "years", "month", "months", "week", "weeks", "day", "days", "today", "yesterday",
        "tomorrow", "ago", "last", "next", "previous", "following", "early", "mid", "late", "end",
        "beginning", "spring", "summer", "autumn", "winter", "percent", "cent", "million", "billion",
        "thousand", "hundred", "times", "said", "says", "say", "according", "also", "including",
        "new", "total", "number", "part", "well", "many", "several", "like",
        "would", "could", "since", "now", "time", "way",
    }
)
# Events and attributes: different words for the same thing share one term (concepts.py).
PHRASE_EVENTS = compile_phrases()
ANY_PHRASE, ANY_PHRASE_ASCII = compile_any_phrase()
# The look-behind starts a name only at a word's start: tried inside a long capitalised run, the
# lazy repetition made the search quadratic.
_ACRONYM = patterns.compile(r"(?<![\w’'-])((?:[A-Z][\w’'-]*[ \t]+){1,8}?[A-Z][\w’'-]*)[ \t]*\((?P<acr>[A-Z][A-Z0-9&.-]{1,9})\)")


_SNOWBALL = Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem: "trained", "training" and "trains" meet; "committee" and "committed" do not."""
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s?$", "", w)
    return _SNOWBALL.stemWord(w) if len(w) > 3 else w


@lru_cache(maxsize=131072)
def term(word: str) -> str | None:
    """The matching term for a word: an event group, a stem, or None for noise."""
    lower = word.lower()
    if lower in STOPWORDS or lower in _NOISE or len(lower) < 2:
        return None
    s = stem(lower)
    if lower in AMBIGUOUS:
        return s
    # Exact stems only ("formally" and "initiative" are no events), plus the -ion noun ("creation").
    group = _concepts().get(s) or (_concepts().get(s[:-3]) if s.endswith("ion") else None)
    return group or s


@cache
def _concepts() -> dict[str, str]:
    """Stem -> concept, from the lexicon's surface words (stemmed here, so any stemmer fits)."""
    table: dict[str, str] = {}
    for concepts in (ATTRIBUTES, EVENTS):  # events last: a word that is both is read as the event
        for concept, words in concepts.items():
            for word in words.split():
                table[stem(word)] = concept
    return table


@dataclass(frozen=True)
class Link:
    """An acronym defined in the record, with its long name as terms and as a phrase to find."""

    terms: frozenset[str]
    phrase: re.Pattern[str]
    initialism: bool = False  # made from a name's initials, not defined: only an all-caps word uses it
    first: str = ""  # the long name's first word, lower-case: where a sentence can hold it


class Links(dict):
    """Acronym -> Link, plus `starting`: each long name's first word -> (order, acronym)."""

    # A claim looks up only its own sentence's words, not every name of the record: thousands of
    # names tried on every claim cost quadratic time. acronyms() fills both at once.
    def __init__(self) -> None:
        super().__init__()
        self.starting: dict[str, list[tuple[int, str]]] = {}


def acronyms(text: str) -> Links:
    """Acronym -> long name, from "NATO Training Mission-Iraq (NTM-I)" in the record."""
    links = Links()
    for match in _ACRONYM.finditer(text):
        words = [w for _, w in tokenize(match.group(1))]
        letters = re.sub(r"[^A-Z]", "", match.group("acr"))
        # Keep the shortest tail of the capitalised run whose initials spell the acronym.
        for cut in range(len(words)):
            initials = "".join(w[0] for w in words[cut:] if w[0].isupper())
            if initials and (initials.startswith(letters) or letters.startswith(initials)):
                words = words[cut:]
                break
        terms = frozenset(t for w in words for t in [term(w)] if t)
        if terms:
            phrase = re.compile(r"\b" + r"[\s\-–—]+".join(re.escape(w) for w in words) + r"\b", re.IGNORECASE)
            links[match.group("acr").lower()] = Link(terms, phrase, first=words[0].lower())
    # Names the record never abbreviates are still abbreviated elsewhere: "LD 13 11" for the Liberal
    # Democrats, "SNP" for the Scottish National Party, "UK" for the United Kingdom.
    for run in _NAME_RUN.finditer(text):
        words = [w for _, w in tokenize(run.group())]
        while words and words[0].lower() in STOPWORDS:  # "The Liberal Democrats"
            words = words[1:]
        if not 2 <= len(words) <= 4 or any(w.lower() in STOPWORDS for w in words):
            continue
        key = "".join(w[0] for w in words).lower()
        terms = frozenset(t for w in words for t in [term(w)] if t)
        if key not in links and terms:
            phrase = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b")
            links[key] = Link(terms, phrase, initialism=True, first=words[0].lower())
    for order, (acr, link) in enumerate(links.items()):
        if not link.initialism:  # initialisms are read forwards only (context_of)
            links.starting.setdefault(link.first, []).append((order, acr))
    return links


_NAME_RUN = patterns.compile(r"\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){1,3}\b")


# Words glued where a page's layout had a break: a lower-case letter before a capital, or a run of
# capitals before a capitalised word ("NameKestrel", "GTCapacity"). Split apart on both sides alike,
# a name such as "McDonald" still matches itself.
_GLUED = patterns.compile(r"[a-z][A-Z]|[A-Z][A-Z][a-z]")
_GLUED_PART = patterns.compile(r"[A-Z]+(?![a-z])|[A-Z]?[^A-Z\-]+")


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[tuple[int, str], ...]:
    """Words with their offsets; hyphenated words split ("capacity-building") unless all-caps ("NTM-I").

    Cached: every claim of a sentence reads the same tokens.
    """
    out: list[tuple[int, str]] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        # (a word with no capital after its first letter has no glue: the search is skipped for most words)
        if not word[1:].islower() and _GLUED.search(word):  # an infobox copied without its line breaks: "HarmonyOperatorHalvorsen"
            out.extend((m.start() + g.start(), g.group()) for g in _GLUED_PART.finditer(word))
        elif "-" in word and not word.replace("-", "").isupper():
            pos = m.start()
            for part in word.split("-"):
                out.append((pos, part))
                pos += len(part) + 1
        else:
            out.append((m.start(), word))
    return tuple(out)


@dataclass
class Context:
    """Weighted terms around one claim (nearer the quote weighs more) and the acronyms it names."""

    weights: dict[str, float]
    acronyms: frozenset[str] = frozenset()
    noun: str | None = None  # a quantity's counted noun, as a term
    borrowed: frozenset[str] = frozenset()  # terms only the neighbouring sentences have
    principal: str | None = None  # the event verb nearest the quote: what the date or amount is of
    near_events: frozenset[str] = frozenset()  # event kinds within NEAR_TOKENS of the quote
    local: frozenset[str] = frozenset()  # terms of the value's own clause, near it: its attribute
    labelled: frozenset[str] = frozenset()  # terms of the structure's label, column, row or timeline event
    planned: bool = False  # "will", "is set to", "was scheduled for": an intention, not a fact
    principal_word: str | None = None  # the principal event as written ("opened"), for reasons
    clock: int | None = None  # a date's time of day next to it, in minutes ("12:10am 15th April")
    years: frozenset[int] = frozenset()  # an amount's years in its clause or header: when it held ("318 seats in 2017")
    as_of: bool = False  # an amount the writer dates as a running figure ("3,806 as of 25 October 2015")
    period: str | None = None  # the period a rate of change is over: "year" ("annual", "y/y"), "quarter", "month"

    @property
    def terms(self) -> set[str]:
        return set(self.weights)


# Attribution is not the fact: the names around "said", "told", "according to" (who spoke) count
# this much, so "Stoltenberg said troops would grow" is matched on troops growing, not on Stoltenberg.
SPEAKER_WEIGHT = 0.3
SPEAKER_SPAN = 4  # tokens on each side of a reporting verb
# Verbs of speech: the date next to one is when someone spoke ("Lee said on Monday").
SPEECH = frozenset("said says told tells stated states added adds noted notes claimed claims argued argues quoted "
                   "insisted explained wrote writes".split())
# Attribution more broadly, for down-weighting the speaker; an announcement or a declaration can be a
# recorded event in its own right, so these do not make a date a statement date.
REPORTING = SPEECH | frozenset("say announced announces according declared declares warned warns".split())
STATEMENT_SPAN = 3  # "said on Monday", "on Monday said", "told reporters on 3 May"


_POSITION = itemgetter(0)  # a token's offset


def dates_a_statement(claim: Claim) -> bool:
    """Whether a date is when someone spoke ("Lee said on Monday"), not when the fact happened."""
    if not claim.date:
        return False
    q_start = claim.offset - claim.sentence_start
    q_end = q_start + len(claim.quote)
    tokens = tokenize(claim.sentence)  # in order of position: the words on each side are found by bisection
    at = bisect.bisect_left(tokens, q_start, key=_POSITION)
    before = [w.lower() for _, w in tokens[max(0, at - STATEMENT_SPAN) : at]]
    after_at = bisect.bisect_left(tokens, q_end, at, key=_POSITION)
    following = list(tokens[after_at : after_at + STATEMENT_SPAN])
    after = [w.lower() for _, w in following]
    # After the date the verb may follow a named subject: "on Friday AFP quoted", "on 3 May NATO said"
    # (not across a comma: "opened on 3 May, officials said" dates the opening).
    named = bool(following) and following[0][1][0].isupper() and "," not in claim.sentence[q_end:following[0][0]]
    return bool(SPEECH.intersection(before[-2:] + after[: 2 if named else 1])
                or (SPEECH.intersection(before) and "on" in before[-1:]))


NEAR_TOKENS = 8  # words on each side of a quote that count fully; the rest of the sentence counts half
AFTER_PENALTY = 2  # extra distance for an event verb that follows the value
FAR_WEIGHT = 0.5
NAME_BOOST = 1.5  # capitalised words mid-sentence name things: they identify the fact more than verbs


# A record often dates a fact in one sentence and describes it in the next ("NMI was launched in July
# 2018. ... NMI is designed to ..."): the sentences around a record claim count, but only this much.
NEIGHBOUR_WEIGHT = 0.3


def context_of(claim: Claim, links: Links | None = None, neighbours: str = "", column: str = "") -> Context:
    """The claim's sentence as weighted terms, leaving out the quote itself (plus neighbours, lightly).

    `column` is the header of the table column a record value stands in ("Goals"): it names what
    the value counts, so it weighs fully and serves as the counted noun.
    """
    sentence = claim.sentence
    q_start = claim.offset - claim.sentence_start
    q_end = q_start + len(claim.quote)
    said_at, analysed = _sentence_terms(sentence)
    tokens = [a for a in analysed if not (q_start <= a.pos < q_end)]
    before = [i for i, a in enumerate(tokens) if a.pos < q_start]
    pivot = before[-1] + 0.5 if before else -0.5
    # A timeline entry ("22 June 2004: ...") is all about its date: every word counts as near.
    near = len(tokens) + NEAR_TOKENS if not before and sentence[q_end : q_end + 2].strip().startswith(":") else NEAR_TOKENS
    reporting = [i for i, a in enumerate(tokens) if a.pos in said_at]  # indices in `tokens`, quote left out
    weights: dict[str, float] = {}
    names: set[str] = set()
    principal: tuple[float, str, str] | None = None
    near_events: set[str] = set()
    for i, a in enumerate(tokens):
        t = a.term
        if not t:
            continue
        # The verb before a value usually governs it ("set up in 1998 and shut down in 2009").
        distance = pivot - i if i < pivot else i - pivot + AFTER_PENALTY
        if a.event and distance <= near:
            near_events.add(t)
            if principal is None or distance < principal[0]:
                principal = (distance, t, a.lower)
        if a.acronym:
            names.add(t)
        w = 1.0 if abs(i - pivot) <= near else FAR_WEIGHT
        if a.name:
            w *= NAME_BOOST
            if any(abs(i - r) <= SPEAKER_SPAN for r in reporting):
                w *= SPEAKER_WEIGHT
        weights[t] = max(weights.get(t, 0.0), w)
        if links and a.lower in links and (a.acronym or not links[a.lower].initialism):
            for linked in links[a.lower].terms:
                weights.setdefault(linked, w * 0.8)
    for acr in _named(links, sentence) if links else ():
        link = links[acr]
        # An initialism is read forwards only ("LD" gives the Liberal Democrats' terms): the long
        # name's own words already stand in the sentence, and "car" must not come of a Central
        # African Republic.
        if acr not in weights and not link.initialism and link.phrase.search(sentence):
            weights[acr] = max((weights.get(t, 0.0) for t in link.terms), default=1.0) or 1.0
            names.add(acr)
    borrowed: set[str] = set()
    for _, word in tokenize(neighbours) if neighbours else ():
        t = term(word)
        if t and t not in weights:
            weights[t] = NEIGHBOUR_WEIGHT
            borrowed.add(t)
    column_terms = [t for _, word in tokenize(column) for t in [term(word)] if t] if column else []
    for t in column_terms:
        weights[t] = max(weights.get(t, 0.0), 1.0)
    noun = term(claim.quantity.noun) if claim.quantity and claim.quantity.noun else None
    if claim.quantity and not noun and column_terms:
        noun = column_terms[-1]
    if noun:
        weights[noun] = max(weights.get(noun, 0.0), 1.0)
        borrowed.discard(noun)
    # A measure's dimension says what it measures when no word does ("moving at 11.38 km/s" is a speed,
    # "a rock of 1.2 million tonnes" a mass): a term of its own, as rare as the record's such measures.
    dimension = _MEASURES.get(claim.quantity.unit) if claim.quantity else None
    if dimension:
        weights[dimension] = max(weights.get(dimension, 0.0), 1.0)
    labelled: set[str] = set()
    for text in (claim.label, claim.row, claim.event):
        # Read as a sentence is, phrases first: the label "Lives lost" is the event of dying.
        # Lower-cased: in a Title-Case header ("Year Opened") a capitalised verb is no name.
        for a in _sentence_terms(text.lower())[1] if text else ():
            t = a.term
            if t:
                labelled.add(t)
                weights[t] = max(weights.get(t, 0.0), 1.0)
                borrowed.discard(t)
    local = _local_terms(claim, tokens, pivot, q_start, q_end) | labelled
    if noun:
        local.add(noun)
    return Context(weights, frozenset(names), noun, frozenset(borrowed), principal[1] if principal else None,
                   frozenset(near_events), frozenset(local), frozenset(labelled), is_planned(sentence, q_start, q_end),
                   principal[2] if principal else None,
                   clock_near(sentence, q_start, q_end) if claim.date and claim.date.granularity == "day" else None,
                   *_amount_qualifiers(claim))


# Units of measure -> their dimension as a term ("dim:speed"); time is left out: durations are everywhere.
_MEASURES = {name: f"dim:{dimension}" for name, dimension, _ in UNITS.values() if dimension != "time"}


# A year beside an amount: not part of a bigger number ("1,2019"), a decimal or a decade ("1990s").
_YEAR = patterns.compile(r"(?<![\d.,])(1[6-9]\d\d|20\d\d)(?!\d|[.,]\d|'?s\b)")
# A bracket after an amount that gives another amount is no qualifier of it: "£5.1bn (2022: £4.8bn)",
# "1,200 (up from 900 in 2014)".
_OTHER_AMOUNT = patterns.compile(r"[:£$€¥%]|\bfrom\b|\bvs?\b|\d{3}")
# Citation marks ("people[3] in 2005") end no clause.
_CITATION = patterns.compile(r"\[\d{1,3}\]")
# Words that move a sentence's time away from its opening years: "opened in 1998, welcomed 1.2
# million visitors last year".
_TIME_SHIFT = patterns.compile(r"\b(?:last|this|next)\s+year\b|\blater\b|\bnow\b|\btoday\b|\bago\b|\bsince\b",
                         re.IGNORECASE)
# (sentence, amount, the years it held in): what years_of must read.
YEAR_EXAMPLES: tuple[tuple[str, str, frozenset[int]], ...] = (
    ("Back in 2017 they won just 318 seats, on a 42.4% share.", "318", frozenset({2017})),
    ("Back in 2017 they won just 318 seats, on a 42.4% share.", "42.4%", frozenset({2017})),  # the sentence's, before it
    ("The 2019 total vote was lower too, at 67.2%, against 68.7% in 2017.", "67.2%", frozenset({2019})),
    ("The 2019 total vote was lower too, at 67.2%, against 68.7% in 2017.", "68.7%", frozenset({2017})),
    ("At the 2001 census the region still had 188,300 residents.", "188,300", frozenset({2001})),
    ("Cases in Guinea: 3,806 (as of 25 October 2015)", "3,806", frozenset({2015})),  # a bracket right after it
    ("Group revenue was £5.1bn (up from £4.8bn in 2022) and profit rose.", "£5.1bn", frozenset()),  # the bracket's is another amount's
    ("Katrina killed 1,392 people[3] in 2005.", "1,392", frozenset({2005})),  # a citation mark ends no clause
    ("The 1990s saw 1,500 new firms open.", "1,500", frozenset()),  # a decade
    ("The museum, opened in 1998, welcomed 1.2 million visitors last year.", "1.2 million", frozenset()),
    ("Turnout was 67.3%, against 68.8% in 2017.", "67.3%", frozenset()),  # a year after it is the other figure's
    ("The tunnel is 50.45 km long.", "50.45 km", frozenset()),
)


def _qualifiers(claim: Claim) -> tuple[str, int, list[str]]:
    """An amount's sentence (citation marks blanked), where its value starts, and the texts that qualify it:
    its clause, a bracket right after it, its label and row, and a timeline entry's date."""
    sentence = _CITATION.sub(lambda m: " " * len(m.group()), claim.sentence)  # same offsets
    q_start = claim.offset - claim.sentence_start
    q_end = q_start + len(claim.quote)
    after = q_end
    gap = len(sentence[q_end:]) - len(sentence[q_end:].lstrip())
    if sentence.startswith("(", q_end + gap):  # a bracket right after the value qualifies it: "3,806 (as of 2015)"
        close = sentence.find(")", q_end + gap)
        inner = sentence[q_end + gap : close if close > 0 else len(sentence)]
        if not _OTHER_AMOUNT.search(_YEAR.sub("", inner)):
            after = close + 1 if close > 0 else len(sentence)
    left, right = clause_bounds(sentence, _CLAUSE_QUANTITY, q_start, after)
    texts = [sentence[left:q_start], sentence[q_end:right], claim.label or "", claim.row or ""]
    if claim.event and claim.event in sentence:  # a timeline entry's date is when its figures held
        texts.append(sentence[: sentence.index(claim.event)])
    return sentence, q_start, texts


# A running figure dated by the writer: "3,806 (as of 25 October 2015)", "as at 31 March", a wiki's
# "[update]" mark. It is the count on that day, another fact than the record's final one.
_AS_OF = patterns.compile(r"\bas\s+(?:of|at)\s+(?:\d|[A-Z][a-z]+\s+\d|(?:January|February|March|April|May|June|July|August"
                    r"|September|October|November|December|mid|end|early|late|last|this|yesterday|today|now)\b)|\[update\]",
                    re.IGNORECASE)
# A tally still running where the writer stands ("has logged 1,412 estimates so far this season, from
# 47 countries", "at last count"): read in the whole sentence, whose figures it all dates.
_SO_FAR = patterns.compile(r"\b(?:so|thus)\s+far\s+(?:this|in)\b|\bat\s+(?:the\s+)?last\s+count\b|\band\s+counting\b"
                           r"|\bat\s+the\s+time\s+of\s+writing\b", re.IGNORECASE)
# A figure the writer gives as it stands now, the word right before it ("the fund has now passed NOK 2.3
# million", "now reports 3.6 million subscribers", "has since spread to eight", "has already logged") or right after
# it ("eight ships right now"): the count where the writer stands, in a page written after the record.
_NOW = patterns.compile(r"\b(?:now\s+(?:stands?|reports?|totals?|numbers?|exceeds?|tops?)|(?:has|have|is|are|stands?)\s+now"
                        r"|(?:has|have)\s+(?:since|already)|so\s+far|to\s+date|currently|as\s+things\s+stand)\b", re.IGNORECASE)
_NOW_AFTER = patterns.compile(r"\W*(?:\w+\W+)?(?:right\s+now|so\s+far|to\s+date|currently|at\s+present|at\s+the\s+moment)\b",
                              re.IGNORECASE)
_NOW_REACH = 30  # characters: "Veridane now reports 3.6 million", "the swarms have since spread to eight"
# (sentence, amount, whether the writer dates it as a running figure): what as_of must read.
AS_OF_EXAMPLES: tuple[tuple[str, str, bool], ...] = (
    ("Cases in Guinea | 3,806 (as of 25 October 2015[update]) |", "3,806", True),
    ("As of 12 May, 1,046 people had died.", "1,046", True),
    ("Headcount as at 31 March 2024: 11,065", "11,065", True),
    ("The toll stood at 1,046 as of mid-February.", "1,046", True),
    ("As of last Friday £583 million had been received.", "£583 million", True),  # a relative day
    ("Sales stood at 1.2 million as of last month.", "1.2 million", True),
    ("The tunnel, 50.45 km long, opened in 1994.", "50.45 km", False),
    ("Its 2,310 staff work as of old in three shifts.", "2,310", False),  # no date follows
    ("It has logged 1,412 estimates so far this season, from 47 countries.", "47", True),
    ("At last count 212 claims had been filed.", "212", True),
    ("The toll is 88 and counting.", "88", True),
    ("The pier is not so far from the theatre, which seats 1,200.", "1,200", False),
    ("Veridane now reports 3.6 million subscribers.", "3.6 million", True),  # as it stands where the writer is
    ("The fund has now passed NOK 2.3 million.", "passed NOK 2.3 million", True),
    ("The swarms have since spread to eight countries.", "eight", True),
    ("The order book is at eight ships right now.", "eight", True),
    ("It has already logged more than 2,100 hours of commissioning.", "more than 2,100 hours", True),
    ("Fourteen surgeons are now credentialed on the robots and another eight are in training.", "eight", False),
    ("Now a Category 4 hurricane, Katrina comes ashore.", "Category 4", False),  # a timeline's narrative present
)


def _amount_qualifiers(claim: Claim) -> tuple[frozenset[int], bool, str | None]:
    """An amount's years, whether it is a running figure, and a rate's period, its qualifying texts read once."""
    if not claim.quantity:
        return frozenset(), False, None
    sentence, q_start, texts = _qualifiers(claim)
    return _years(sentence, q_start, texts), _running(sentence, texts), _period(claim, texts)


# The period a percentage change is over, from its clause, label or column: an annual rise is another
# fact than a monthly one of the same size ("Annual growth of 0.6%" against "prices rose by 0.6%
# between February and March"). Only rates: a level's "last month" dates it, it is no period.
_MONTH_NAME = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_PERIODS = {
    "year": patterns.compile(
        r"\b(?:annual(?:ly|ised|ized)?|yearly|year[- ]on[- ]year|y/y|yoy|full[- ]year|over the year|on the year"
        r"|(?:in|over) the (?:last |past )?(?:12|twelve) months|in the year to|(?:on|than|from|compared with) a year"
        r" (?:earlier|ago|before))\b", re.IGNORECASE),
    "quarter": patterns.compile(
        r"\b(?:quarterly|quarter[- ]on[- ]quarter|q/q|(?:on|over) the quarter|in the (?:first|second|third|fourth|final|"
        r"last) quarter|Q[1-4])\b", re.IGNORECASE),
    "month": patterns.compile(
        rf"\b(?:monthly|month[- ]on[- ]month|m/m|(?:on|over) the month|(?:on|from) the previous month|a month earlier"
        rf"|between {_MONTH_NAME} and {_MONTH_NAME}|in {_MONTH_NAME} alone)\b", re.IGNORECASE),
}
# (sentence, amount, its period): what the period reading must give.
PERIOD_EXAMPLES: tuple[tuple[str, str, str | None], ...] = (
    ("Annual growth of 0.6% is hardly a boom.", "0.6%", "year"),
    ("Prices rose 0.6% between February and March alone.", "0.6%", "month"),
    ("Transactions are down 6.9% on a year ago.", "6.9%", "year"),
    ("Revenue grew 38% for the year and 36% in the fourth quarter.", "36%", "quarter"),
    ("CPI rose 0.3% m/m and 3.1% y/y in January.", "3.1%", "year"),
    ("Unemployment rose to 4.8% last month.", "4.8%", None),  # a level's month dates it
    ("Turnout was 67.3% in 2019.", "67.3%", None),
)


def _period(claim: Claim, texts: list[str]) -> str | None:
    """The one period its qualifying texts give a percentage, else None (none, or two)."""
    if claim.quantity.unit != "percent":
        return None
    # Its own words in the clause: after the figure before it, up to the figure after it ("0.3% m/m and 3.1% y/y").
    before, after = texts[0], texts[1]
    before = before[max((m.end() for m in _FIGURE.finditer(before)), default=0) :]
    after = after[: next((m.start() for m in _FIGURE.finditer(after)), len(after))]
    # The words right after a figure qualify it first ("3.1% y/y"), then those before, then its label or column.
    for group in ((after,), (before,), texts[2:]):
        found = {name for name, pattern in _PERIODS.items() for text in group if text and pattern.search(text)}
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def period_of(claim: Claim) -> str | None:
    """The period a percentage change is over ("year", "quarter", "month"), from its clause, label or column."""
    if not claim.quantity:
        return None
    return _period(claim, _qualifiers(claim)[2])


def as_of(claim: Claim) -> bool:
    """Whether the writer dates an amount as a running figure ("as of 12 May", "as at 31 March", "[update]")."""
    sentence, _, texts = _qualifiers(claim)
    return _running(sentence, texts)


def _running(sentence: str, texts: list[str]) -> bool:
    """as_of, from an amount's _qualifiers."""
    # A sentence that opens with the date sets it for all its figures: "As of 12 May, 1,046 had died."
    # "Now" only right before the figure, or "right now" right after it: a run-on sentence's other clause
    # ("Fourteen surgeons are now credentialed and another eight are in training") dates its own figures.
    return (any(_AS_OF.search(text) for text in texts if text) or bool(_AS_OF.match(sentence.lstrip()))
            or _SO_FAR.search(sentence) is not None
            or _NOW.search(texts[0][-_NOW_REACH:]) is not None or _NOW_AFTER.match(texts[1][:_NOW_REACH]) is not None)


def years_of(claim: Claim) -> frozenset[int]:
    """The years an amount held in: from its clause, a qualifying bracket, its label, row or entry date, else its sentence's opening."""
    return _years(*_qualifiers(claim))


def _years(sentence: str, q_start: int, texts: list[str]) -> frozenset[int]:
    """years_of, from an amount's _qualifiers."""
    years = frozenset(int(m.group(1)) for text in texts if text for m in _YEAR.finditer(text))
    if years or _TIME_SHIFT.search(sentence):
        return years
    # None in its clause: the years its sentence opens with still set the scene ("The 2019 total
    # vote was lower too, at 67.2%"), back to the last semicolon.
    before = sentence[: q_start]
    before = before[before.rfind(";") + 1 :]
    return frozenset(int(m.group(1)) for m in _YEAR.finditer(before))


# A time of day written next to a date: "12:10am", "2.20 a.m.", "1110 UTC", "0600 hours", "9:30",
# "midnight". In a timeline it tells one entry of the day from another: "12:10am 15 April: rockets
# go up" is not "15 April, 2.20 a.m.: she founders". No digit, point or currency sign before it
# ("$3.50", "0.25", a ratio's "1:15" inside "11:15:1" aside); "16.45" and "2000 hours" count only
# as a timeline writes them (a point-separated time before punctuation or a zone; "hours" after a
# leading zero), since "2000 hours" is also a duration.
_ZONES = "|".join(sorted((re.escape(z) for z in TIME_ZONES if z not in ("hrs", "local")), key=len, reverse=True))
_CLOCK = patterns.compile(
    r"(?<![\d.:$£€¥])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
    r"|(?<![\d.:$£€¥])(?P<h24>[01]?\d|2[0-3])(?::(?P<m24>[0-5]\d)(?![\d.:]*\d)"
    rf"|\.(?P<m24d>[0-5]\d)(?=[ \t]*(?:[,;:)\]]|$|h\b|hrs\b|local\b|(?:{_ZONES})\b)))"
    rf"|(?<![\d.:$£€¥])(?P<hm>[01]\d|2[0-3])(?P<mm>[0-5]\d)[ \t]*(?:(?:{_ZONES})\b|local\s+time\b)"
    r"|(?<![\d.:$£€¥])(?P<h0>0\d)(?P<m0>[0-5]\d)[ \t]*(?:hours?|hrs)\b"
    r"|\b(?P<word>midnight|noon|midday)\b",
    re.IGNORECASE)
CLOCK_REACH = 20  # characters between a date and its time of day


def clock_near(sentence: str, q_start: int, q_end: int) -> int | None:
    """The time of day written within CLOCK_REACH characters of a date, in minutes after midnight."""
    best: tuple[int, int] | None = None
    for m in _CLOCK.finditer(sentence, max(0, q_start - CLOCK_REACH - 12), min(len(sentence), q_end + CLOCK_REACH + 12)):
        gap = q_start - m.end() if m.end() <= q_start else m.start() - q_end
        if gap < 0 or gap > CLOCK_REACH:
            continue
        if best is None or gap < best[0]:
            best = (gap, _minutes(m))
    return best[1] if best else None


def _minutes(m: re.Match[str]) -> int:
    """Minutes after midnight for a _CLOCK match."""
    if m.group("word"):
        return 0 if m.group("word").lower() == "midnight" else 720
    if m.group("ap"):
        hour = int(m.group("h")) % 12 + (12 if m.group("ap").lower() == "p" else 0)
        return hour * 60 + int(m.group("m") or 0)
    if m.group("h24"):
        return int(m.group("h24")) * 60 + int(m.group("m24") or m.group("m24d"))
    if m.group("h0"):
        return int(m.group("h0")) * 60 + int(m.group("m0"))
    return int(m.group("hm")) * 60 + int(m.group("mm"))


def _named(links: Links, sentence: str) -> list[str]:
    """The acronyms whose long name may stand in a sentence, in the links' order."""
    starting = links.starting
    hits = {hit for word in starting.keys() & {w.lower() for _, w in tokenize(sentence)} for hit in starting[word]}
    return [acr for _, acr in sorted(hits)]


LOCAL_SPAN = 3  # content words on each side of a value that can name its attribute ("9 feet wide", "a crowd of")
# Clause punctuation: an amount's attribute does not reach across it ("10 feet long, 9 feet wide").
# A date's comma ("On July 30, 2020, the rover blasted off") does not end its clause.
_CLAUSE_QUANTITY = patterns.compile(r"[;:()\[\]—–|]|,\s|\s-\s")
_CLAUSE_DATE = patterns.compile(r"[;()\[\]—|]")
# Intentions and expectations. Not "than expected" (a comparison), "targeted" (aimed at), a cause
# ("due to fog"): "due" is a plan only before a verb of schedule or a time.
_PLANNED = patterns.compile(
    r"\b(?:will|shall|would|'ll|set\s+to|scheduled|planned|plans?\s+to|(?<!\bthan\s)(?:expected|projected|forecast)"
    # An expectation or a hope in other words: "was supposed to drop on September 17", "meant to open in
    # October 2020", "now expects the project to cost 7.1 billion euros", "hopes to finish by June".
    r"|(?:supposed|meant)\s+to|expects?|expecting|(?<!\bthan\s)(?:anticipated|predicted)|anticipates?|predicts?"
    r"|hop(?:es?|ed|ing)\s+to"
    r"|due\s+(?:to\s+(?:be|open|start|begin|close|end|finish|complete|launch|resume|take|enter|arrive|return|certify|publish"
    r"|release|announce|report|hold|vote|meet|decide|rule|sign|deliver|expire|pay|go|come|run)\b|in\b|on\b|by\b)"
    r"|slated|intends?\s+to|aims?\s+to|proposed|estimated\s+to|pencil(?:l)?ed\s+in"
    # A projection of an amount: "once adjusted for inflation that should grow to $2.9 billion" (not
    # "should have been closed", a fact missed, nor "it should be noted").
    r"|(?:should|could|might)(?:\s+(?:eventually|still|even|now))?\s+(?:grow|rise|reach|climb|increase|fall|drop|decline"
    r"|cost|total|top|exceed|double|triple)"
    # A postponement names a new plan: "pushed the start of production back to the second half of 2026".
    r"|(?:postponed|delayed|deferred|rescheduled|put\s+back|pushed\s+back|moved\s+back)\s+(?:to|until|till|for)"
    r"|pushed\s+[^.;,]{1,60}?\s+back\s+(?:to|until)"
    # A line (or a part of a strip, after "|") that opens with "Next" or "Upcoming" names what is still
    # to come ("Next policy decision: 2 May 2024"); "Next, the board voted" is only a step in a story.
    r"|(?:^[ \t]*|(?<=\|[ \t])|(?<=\|))(?:next|upcoming)(?![ \t]*,))\b", re.IGNORECASE)
# A target is a noun: it governs the value it names ("a target date of 30 September", "targets 2030"),
# not one further on ("later than the original target of September, after data came in June").
# Not a group aimed at ("the target population: 8.6 million") or a target met ("the target was
# reached on 9 September"): what follows those is an actual figure or date.
_TARGET_BEFORE = patterns.compile(
    r"\btargets?\b(?![ \t]+(?:population|group|audience|market|age)s?\b)"
    r"(?![ \t]+(?:(?:was|were|has\s+been|had\s+been)[ \t]+)?(?:reached|met|hit|achieved|exceeded|passed)\b)", re.IGNORECASE)
TARGET_REACH = 30  # characters from the word to its value
# Past forms only, and not "to hit" ("expects to reach its target by mid-2025" is a plan).
_TARGET_MET = patterns.compile(r"(?<!\bto )\b(?:reached|met|hit|achieved|exceeded|passed|smashed|beat)\b[^,;.]*$",
                               re.IGNORECASE)
# A target named right after its figure: "below the 95 percent target" (not "40 targets", "3 on target").
_TARGET_AFTER = patterns.compile(r"[ \t]+(?:(?!on\b)[\w-]+[ \t]+)?target\b", re.IGNORECASE)
PLAN_WINDOW = 100  # characters before a value in which a plan word governs it
# A clause of what has happened, between a plan and a value, takes the value out of the plan.
_PAST_SINCE = patterns.compile(
    r"\b(?:after|since|when|because)\b[^,;]{0,40}?\b(?:was|were|had|did|took|came|went|began|fell|rose"
    r"|(?!(?:scheduled|planned|expected|slated|intended|proposed)\b)[a-z]{3,}ed)\b")
# (sentence, value, whether it is planned): what is_planned must read.
PLAN_EXAMPLES: tuple[tuple[str, str, bool], ...] = (
    ("The bridge is set to open in 2026.", "2026", True),
    ("The closure will cost 276 jobs in a village of about 2,100 people.", "about 2,100", False),  # the place's size
    ("The closure will cost 276 jobs in a village of about 2,100 people.", "276", True),
    ("NATO will end the mission on 31 October.", "31 October", True),
    ("Expected mission cost: $2.7 billion", "$2.7 billion", True),
    ("The report is due in March 2026.", "March 2026", True),
    ("The commission is due to certify the result on June 6.", "June 6", True),
    ("Coverage was 84 percent, below the 95 percent target.", "95 percent", True),  # a target after its figure
    ("Coverage was 84 percent, below the 95 percent target.", "84 percent", False),
    ("The club backed a stadium plan that would cost £480 million.", "£480 million", True),  # a hypothetical
    ("The storm, stronger than expected, killed 120 people.", "120", False),
    ("Flights were cancelled due to fog, stranding 2,000 passengers.", "2,000", False),
    ("Israeli strikes targeted 12 sites on Tuesday.", "12", False),
    ("RAF bombers struck 40 targets in the Ruhr.", "40", False),
    ("The bridge opened in 2026.", "2026", False),
    ("Organisers had planned for 52,000 starters, and 49,873 crossed the line.", "49,873", False),
    ("Organisers had planned for 52,000 starters, and 49,873 crossed the line.", "52,000", True),
    ("Next monetary policy decision: 2 May 2024", "2 May 2024", True),
    ("Release date: 17 April 2024 | Next release: 15 May 2024", "15 May 2024", True),
    ("Release date: 17 April 2024 | Next release: 15 May 2024", "17 April 2024", False),
    ("The next national count is pencilled in for October 2028.", "October 2028", True),
    ("Adjusted for inflation, that should grow to $2.9 billion.", "$2.9 billion", True),
    ("It could cost as much as $4 billion.", "$4 billion", True),
    ("The road should have been closed by 8:30 on 9 March.", "9 March", False),
    ("It should be noted that in mid-February the head of the agency was in Tehran.", "mid-February", False),
    ("Next, the board voted on 2 May 2024.", "2 May 2024", False),
    ("The board met again the next day, 3 May 2024.", "3 May 2024", False),
    ("The company pushed the start of production back to the second half of 2026.", "second half of 2026", True),
    ("The launch was postponed until March 2025.", "March 2025", True),
    ("The launch was postponed twice and finally happened in March 2025.", "March 2025", False),
    ("Microsoft will pay $95 a share; the deal is valued at $68.7 billion.", "$68.7 billion", False),
    ("The target decision date is 30 September 2023.", "30 September 2023", True),
    ("It came later than the original target of the end of September, after data arrived in June.", "June", False),
    ("They planned to summit on 16 May, but two days of storms kept them in camp.", "two days", False),
    ("It plans to add the games to its service, which has reached over 25 million members.", "over 25 million", False),
    ("Target population: 8.6 million", "8.6 million", False),  # the group aimed at, counted
    ("The target was reached on 9 September 2024.", "9 September 2024", False),
    ("The 70% target is to be met by 30 September 2024.", "30 September 2024", True),
    ("The centre will close on Saturday, days after the country reached its target on Monday.", "Monday", False),
    ("The centre will close on Saturday, days after the country reached its target on Monday.", "Saturday", True),
    ("It is expected to open in 2027, after work began in 2019.", "2019", False),
    ("It will reopen in May, when repairs are finished.", "May", True),
    ("The Board expects inflation to reach the 2 per cent target in the second quarter of 2025.",
     "second quarter of 2025", True),  # the target, not yet met
    ("The rankings were originally supposed to drop on September 17.", "September 17", True),
    ("It was originally meant to open in October 2020.", "October 2020", True),
    ("The ministry expects the new rates to bring in an extra €460 million.", "€460 million", True),
    ("The council hopes to finish the work by June 2026.", "June 2026", True),
    ("Forecasters predicted 21 named storms for the season.", "21", True),
    ("Sales were higher than anticipated at 1.2 million units.", "1.2 million units", False),
    ("Turnout was lower than predicted, at 61%.", "61%", False),
    ("The mines had planned on 7,400, so only 79.8% of the planned loads arrived.", "79.8%", False),
)


_PLACE_OF = patterns.compile(r"\b(?:village|town|city|hamlet|island|country|nation|community|municipality|region"
                             r"|district|suburb)\s+of\b", re.IGNORECASE)


# The words one of which every match of _PLANNED or _TARGET_BEFORE holds, read from the patterns themselves
# (rules.needed_texts), lower-cased as they match ignoring case: a value whose PLAN_WINDOW holds none of them is
# planned only by a target after it, and most values have none. None if a pattern ever gives no such words.
_PLAN_NEEDS = [needed_texts(pattern, few=None) for pattern in (_PLANNED, _TARGET_BEFORE)]
_PLAN_SCAN = (automaton(t for needs in _PLAN_NEEDS for t in needs[1])
              if None not in _PLAN_NEEDS and not any(needs[0] for needs in _PLAN_NEEDS) else None)


def is_planned(sentence: str, q_start: int, q_end: int) -> bool:
    """Whether an intention or expectation stands shortly before a value ("is set to open in 2026"), or a target right after it."""
    # Only on ASCII text, where lower-casing is what the patterns' IGNORECASE folds ("ſ" is an "s" to them).
    reach = sentence[max(0, q_start - PLAN_WINDOW) : q_start]
    if _PLAN_SCAN is not None and reach.isascii() and not holds_any(_PLAN_SCAN, reach.lower()):
        return _TARGET_AFTER.match(sentence, q_end) is not None
    # A semicolon ends the plan's reach: "Microsoft will pay $95 a share; the deal is valued at $68.7 billion",
    # and so does a clause joined by ", and" or ", but" ("they had planned for 52,000 starters, and 49,873
    # crossed") or a relative clause of its own ("plans to add games to the service, which has reached
    # over 25 million").
    start = max(sentence.rfind(";", 0, q_start) + 1, q_start - PLAN_WINDOW, 0,
                *(sentence.rfind(joint, 0, q_start) + 1 for joint in (", and ", ", but ", ", which ", ", so ")),
                # a place described by its size is no part of the plan: "will cost 276 jobs in a village of 2,100 people"
                *(m.end() for m in _PLACE_OF.finditer(sentence, max(0, q_start - PLAN_WINDOW), q_start)))
    plans = list(_PLANNED.finditer(sentence, start, q_start))
    # The last plan word governs the value, unless a clause of what happened stands between them
    # ("will close on Saturday, days after it reached its target on Monday").
    planned = bool(plans) and not _PAST_SINCE.search(sentence, plans[-1].end(), q_start)
    target = _TARGET_BEFORE.search(sentence, max(start, q_start - TARGET_REACH), q_start)
    if target and _TARGET_MET.search(sentence, max(0, target.start() - 40), target.start()):
        target = None  # "reached its target on Monday": the target met is a fact
    return bool(_TARGET_AFTER.match(sentence, q_end) or planned or target)


def clause_bounds(sentence: str, clause: re.Pattern[str], q_start: int, q_end: int,
                   reach: int | None = None) -> tuple[int, int]:
    """Where a value's clause starts and ends: the nearest clause punctuation on each side (within `reach`)."""
    lo = 0 if reach is None else max(0, q_start - reach)
    left = max((m.end() for m in clause.finditer(sentence, lo, q_start)), default=0)
    right_match = clause.search(sentence, q_end) if reach is None else clause.search(sentence, q_end, q_end + reach)
    return left, right_match.start() if right_match else len(sentence)


def dated_by(claim: Claim, dates: tuple[tuple[int, dt.date, dt.date], ...]) -> tuple[tuple[dt.date, dt.date], ...]:
    """The days or months that date an amount, of its sentence's `dates` (offset in the sentence, start, end):
    those in its clause, else those its sentence opens with ("On 16 November, 227 ships were waiting"), as
    years_of reads years."""
    if not dates:
        return ()
    sentence = claim.sentence
    q_start = claim.offset - claim.sentence_start
    left, right = clause_bounds(sentence, _CLAUSE_QUANTITY, q_start, q_start + len(claim.quote))
    inside = tuple((a, b) for at, a, b in dates if left <= at < right)
    if inside or _TIME_SHIFT.search(sentence):
        return inside
    opening = sentence.rfind(";", 0, q_start) + 1
    return tuple((a, b) for at, a, b in dates if opening <= at < q_start)


# A figure in a sentence: the stretch of words a value owns ends at its neighbours.
_FIGURE = patterns.compile(r"\d+(?:[.,:]\d+)*")


def own_words(claim: Claim) -> str:
    """The words a value owns: its whole line when structured (a table row, a label line); else those
    before it back to its clause's start or the previous figure ("Canada has roughly 31,000 of them and
    the Marlow ... 59,000": "Canada has roughly"), or if none, those after it up to the next figure
    ("1577 in Louisiana, 238 in Mississippi")."""
    if claim.block in ("table_row", "label", "timeline"):
        return claim.sentence
    sentence = claim.sentence
    q_start = claim.offset - claim.sentence_start
    q_end = q_start + len(claim.quote)
    clause = _CLAUSE_DATE if claim.kind == "date" else _CLAUSE_QUANTITY
    left, right = clause_bounds(sentence, clause, q_start, q_end, reach=80)
    if sentence[left - 1 : left] == "(":  # "South Korea ($17.4 million)": the words before the bracket
        left = clause_bounds(sentence, clause, left - 1, left - 1, reach=80)[0]
    figure = max((m.end() for m in _FIGURE.finditer(sentence, left, q_start)), default=None)
    if figure is not None:
        # The words right after the previous figure are still its own ("founded in 2006 by Dana Whitcombe
        # and Ravi Anand and listed its shares in 2013"): this value's start after the last "and" or comma.
        joints = [k + len(j) for j in (" and ", ",") if (k := sentence.rfind(j, figure, q_start)) >= 0]
        left = max(joints, default=figure)
    right = next((m.start() for m in _FIGURE.finditer(sentence, q_end, right)), right)
    before = sentence[left:q_start]
    return before if before.strip(" \t,;:(") else sentence[q_end:right]


def _local_terms(claim: Claim, tokens: list[_Token], pivot: float, q_start: int, q_end: int) -> set[str]:
    """The terms of the value's own clause within LOCAL_SPAN words: what the value is a value of."""
    sentence = claim.sentence
    clause = _CLAUSE_DATE if claim.kind == "date" else _CLAUSE_QUANTITY
    left, right = clause_bounds(sentence, clause, q_start, q_end, reach=80)
    # Words that carry a term count towards the span; "for the year was" is one word of content.
    before = [a.term for a in tokens if a.term and left <= a.pos < q_start]
    if claim.rule == "glued-amount":  # "LinesLength399.9 mBeam59.0 m": its label is the word glued to it
        return set(before[-1:])
    after = [a.term for a in tokens if a.term and q_end <= a.pos < right]
    return set(before[-LOCAL_SPAN:]) | set(after[:LOCAL_SPAN])


def forget_sentences() -> None:
    """Drop the per-sentence token caches: a large record's sentences are not read again once indexed."""
    tokenize.cache_clear()
    _sentence_terms.cache_clear()


class _Token(NamedTuple):
    """A word of a sentence read once for every claim in it: its term and what kind of word it is."""

    # A named tuple, not a frozen dataclass: one is made for every word of every sentence read.

    pos: int
    lower: str
    term: str | None  # None for stopwords and noise, which still count as distance
    event: bool  # an event kind ("ev:start"), from a verb or a multi-word phrase
    acronym: bool
    name: bool  # capitalised, not sentence-initial: names a thing


# A _Token made from a tuple in C: namedtuple's own __new__ is a Python function, called for every word.
_token = partial(tuple.__new__, _Token)


@lru_cache(maxsize=4096)
def _sentence_terms(sentence: str) -> tuple[frozenset[int], tuple[_Token, ...]]:
    """Offsets of reporting verbs, and the sentence's terms (cached: shared by a sentence's claims)."""
    words = tokenize(sentence)
    said_at = frozenset(pos for pos, word in words if word.lower() in REPORTING)
    # Few sentences hold a phrase (1 in 100 of the corpora's): one pass for any of them first.
    if ANY_PHRASE_ASCII.search(sentence.lower()) if sentence.isascii() else ANY_PHRASE.search(sentence):
        phrases = {m.start(): (m.end(), group) for pattern, group in PHRASE_EVENTS for m in pattern.finditer(sentence)}
    else:
        phrases = {}
    inside = 0  # end of the phrase being read: its other words are part of the event, not terms
    out: list[_Token] = []
    for pos, word in words:
        if pos < inside:
            continue
        phrase = phrases.get(pos) if phrases else None
        lower, t, event, acronym, upper, named = _word(word)
        capital = upper and pos > 0
        if phrase:
            inside, t = phrase
            event = bool(t) and t.startswith("ev:")
        elif capital:
            t, event = named  # "the Global Coalition to Defeat ISIS": a capitalised verb is part of a name
        # Words with no term stay: they count in distances ("near", the speaker span).
        out.append(_token((pos, lower, t, event, acronym, capital)))
    return said_at, tuple(out)


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, str | None, bool, bool, bool, tuple[str | None, bool]]:
    """What _sentence_terms reads of a word wherever it stands: its lower case, term, whether that is an event,
    whether it is an acronym, whether it is capitalised, and its term and event as a capitalised word inside a
    sentence (cached: a page's words recur in sentence after sentence)."""
    t = term(word)
    event = bool(t) and t.startswith("ev:")
    named = (t, event)
    if event and word.lower() not in NAMED_EVENTS:
        named_t = stem(word)
        named = (named_t, bool(named_t) and named_t.startswith("ev:"))
    return word.lower(), t, event, _is_acronym(word), word[0].isupper(), named


@lru_cache(maxsize=65536)
def _is_acronym(word: str) -> bool:
    """"NMI", "NTM-I", "IEDs": capitals (and digits or hyphens), at least two letters."""
    core = word[:-1] if word.endswith("s") and len(word) > 2 else word
    letters = [ch for ch in core if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)
