"""Stage 2a: a page's structure - the kind of each unit of text, with exact offsets.

Lines are classified by LINE_RULES (rules as data, each with lines it must and must not match),
then a second pass uses their neighbours: code fences, table headers, tables whose cells are
separated by spaces, a date line that is a dateline (beside a byline, or the page's own publication
date) or the heading of the event below it, numbered lists, and page-chrome sections. Prose lines
that wrap join into paragraphs; a structured line (label, table row, timeline entry, list item)
never joins another line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from . import patterns, sentences

# ---------------------------------------------------------------------------------------------
# Date and time shapes a line can start with (a light grammar: which lines are timeline entries or
# datelines; dates.py reads the values). Every part is bounded, so a long line costs linear time.
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"\d{4}(?!\d)"
_WEEKDAY = r"(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\.?),?[ \t]+)"
TIME = (
    r"(?:\d{1,2}(?:[:.]\d{2})?[ \t]?[ap]\.?m\.?(?![a-z])(?:[ \t]?(?:utc|gmt|bst|cet|cest|[ecmp][sd]?t)\b(?:[+-]\d{1,2})?)?"
    r"|\d{1,2}:\d{2}(?:[ \t]?(?:utc|gmt|bst|cet|cest|[ecmp][sd]?t)\b(?:[+-]\d{1,2})?)?"
    r"|\d{4}[ \t](?:utc|gmt)|(?:about[ \t])?(?:noon|midnight))"
)
# A date that names at least a month and a year, or a day and a month.
FULL_DATE = (
    rf"{_WEEKDAY}?(?:{_DAY}(?:[ \t]?[-–][ \t]?{_DAY})?[ \t]+{MONTH}(?:,?[ \t]+{_YEAR})?"
    rf"|{MONTH}[ \t]+{_DAY}(?:[ \t]?[-–][ \t]?{_DAY})?(?:,?[ \t]*{_YEAR})?(?![\d,])"
    rf"|{MONTH},?[ \t]+{_YEAR}|\d{{4}}-\d{{2}}-\d{{2}})"
)
# A year alone ("2006", "Late 2004", "2004-2011") is a date only where a separator follows it.
YEAR_DATE = rf"(?:(?:early|mid|late|end|spring|summer|autumn|fall|winter)[ \t-]+)?{_YEAR}(?:[ \t]?[-–][ \t]?\d{{2,4}})?"
MINUTE = r"\d{1,3}(?:st|nd|rd|th)[ -]minute|\d{1,3}'(?:\+\d{1,2}'?)?"
_KEY = rf"(?:{TIME}[ \t]+)?(?:{FULL_DATE})(?:,?[ \t]+(?:at[ \t]+)?{TIME})?"
_FLAGS = re.IGNORECASE
# Between a timeline entry's date and its event: a colon, or a dash that does not open a range.
_SEPARATOR = rf"[ \t]*(?::|[ \t][-–—](?![ \t]*(?:\d|{MONTH}\b)))[ \t]*"

_DIGITS = tuple("0123456789")
# Words after "By" that start a sentence, not a name ("By March, 5,000 people had fled").
_NOT_A_NAME = (
    r"(?i:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr"
    r"|jun|jul|aug|sept|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the|then|now|today"
    r"|tonight|tomorrow|midnight|noon|early|late|mid|end|spring|summer|autumn|fall|winter)\b"
)

# ---------------------------------------------------------------------------------------------
# Line rules. `pattern` runs on the line's content (after a list marker); the first rule that
# matches names the line's kind; `block` is the kind a unit of such lines gets.


@dataclass(frozen=True)
class LineRule:
    """One kind of line: a compiled pattern, the block its units get, and example lines."""

    name: str
    block: str
    pattern: re.Pattern[str]
    matches: tuple[str, ...] = field(default=())
    rejects: tuple[str, ...] = field(default=())
    accept: Callable[[re.Match[str]], bool] | None = None
    needs: tuple[str, ...] = ()  # cheap gate: the line holds one of these substrings ("" never gates)
    max_len: int = 0  # cheap gate: lines longer than this are not of this kind (0: any length)
    # cheap gate: gate(text, content, end) is False where the pattern cannot match the line
    gate: Callable[[str, int, int], bool] | None = None


# Words a sentence starts with but a label does not ("In Spencer's words: ...", "But the deal: ...").
_NOT_LABEL_START = frozenset(
    "in on at as after before by for from to of with but and or so yet then here there this that these those "
    "it its he she they we i you if when while although though once since".split()
)


# Units that are the page's content, not its header (title, headings, bylines, chrome).
_CONTENT_BLOCKS = frozenset({"sentence", "list", "label", "timeline", "table_row"})
_LABEL_WORDS = 10  # "NATO in sole command of all military operations for Libya: 31 March 2011"


# An amount standing where a label would ("41.8p: earnings per share", "7.2%: the margin"): the line gives the
# value first and says what it is after the colon, so the amount names nothing.
_AMOUNT_FIRST = patterns.compile(r"(?:US\$|[$£€¥])?[ ]?[-+−]?\d[\d,.]*[ ]?(?:%|p|c|m|bn|k|million|billion|thousand|per[ ]?cent)?")


def _label_ok(m: re.Match[str]) -> bool:
    """A label is a short name, not the start of a sentence or an amount; its value is one sentence."""
    label = m["label"]
    words = label.split()
    if len(words) > _LABEL_WORDS or words[0].lower() in _NOT_LABEL_START or ". " in label:
        return False
    if _AMOUNT_FIRST.fullmatch(label.strip()):
        return False
    return len(sentences.split(m["value"])) == 1


def _glued_ok(m: re.Match[str]) -> bool:
    """A glued value is a value, not a sentence ("Staff2,310", not "Covid19 cases rose to 5,000.")."""
    value = m.string[m.start("value") : m.endpos].rstrip()
    return len(value) <= 60 and not re.search(r"[.!?](?:\s|$)", value)


# What every branch of the chrome rule needs: one of its openings where the line's content starts, a
# "»" or "›" (breadcrumbs), or a full stop just before the line's end (an image's file name).
_IMAGE_END = patterns.compile(r"\.(?:svg|png|jpe?g|gif|webp|tiff?)\Z", _FLAGS)
_CHROME_LEAD = patterns.compile(r"home|(?:slide|photo|image|picture|page|updated)[ \t]|\d|©|\(c\)|copyright|all rights reserved", _FLAGS)


def _may_be_chrome(text: str, content: int, end: int) -> bool:
    """Whether the chrome rule could match text[content:end] (its pattern backtracks over a whole line)."""
    if _CHROME_LEAD.match(text, content, end):
        return True
    line = text[content:end]
    if "»" in line or "›" in line:
        return True
    line = line.rstrip(" \t")
    return _IMAGE_END.search(line, len(line) - 5) is not None


LINE_RULES: tuple[LineRule, ...] = (
    LineRule(
        "fence", "code", patterns.compile(r"(?:```|~~~)"),
        needs=("```", "~~~"), matches=("```python", "~~~"),
        rejects=("`x = 5` is inline code.",),
    ),
    LineRule(
        "markdown-heading", "heading", patterns.compile(r"#{1,6}[ \t]+(?P<text>\S)"),
        needs=("#",), matches=("## Key dates", "# 2004: the plant opens"),
        rejects=("#1 in the charts in 1998", "#FIFAWorldCup pic.twitter.com/B60hvu9Tbx"),
    ),
    LineRule(
        "table-rule", "table_row", patterns.compile(r"\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$"),
        needs=("---",), matches=("|---|---|", "| :--- | ---: |", "---|---"),
        rejects=("| Guinea | 3 814 |", "- 3 - 4"),
    ),
    LineRule(
        # A row has a leading pipe, or a trailing one and another inside ("Deaths | 2,535 |").
        "table-row", "table_row", patterns.compile(r"\|.*|[^|\n]*\|[^|\n]*\|[ \t]*$"),
        needs=("|",), matches=("| Guinea | 3 814 | 2 544 |", "Deaths | 2,535 |", "| Final cost | £9 billion |"),
        rejects=("Eurostar | Eurotunnel", "30 Nov 2015 - 12 Dec 2015 | Paris, France"),
    ),
    LineRule(
        # Tweet embeds sign off "— Name (@handle) Month DD, YYYY": the embed's timestamp.
        "tweet-signature", "dateline", patterns.compile(r"(?:[—–-][ \t]*)?[^\n]{0,80}\(@\w{1,30}\)[ \t]*" + FULL_DATE + r"[ \t]*$", _FLAGS),
        needs=("(@",), max_len=200, matches=("— SuperSport Football ?? (@SSFootball) December 18, 2022", "- Met Office (@metoffice) 3 March 2021"),
        rejects=("— the storm reached land on December 18, 2022", "Contact us (@newsdesk) for details"),
    ),
    LineRule(
        "byline", "byline",
        # The name may be a user handle ("Posted by mel_in_leeds · 12 Dec 2023 · 14 comments").
        patterns.compile(r"(?i:by|posted by|written by|words by|reporting by|author)[ \t]*:?[ \t]+"
                   r"(?:(?!" + _NOT_A_NAME + r")[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,4}|[a-z0-9][\w.]*_[\w.]*)"
                   r"(?:[ \t]*[,|—–·•-][^\n]{0,100})?"
                   r"(?:[ \t]+\d{1,7}[ \t]+(?i:views?|comments?|shares?|min(?:ute)?s?[ \t]+read))?(?<![.!?])[ \t]*$",
                   ),
        needs=("By", "by", "BY", "Author", "author"), max_len=200,
        matches=("By John McPhaul, The Chicago Times", "By A. Writer, October 28, 2022", "Posted By: CNN Wire",
                 "by Jane Doe 38 views", "Posted by mel_in_leeds · 12 Dec 2023 · 14 comments",
                 "Posted by Mara Lindqvist · October 3, 2024 · 12 comments"),
        rejects=("By July 2014 the capitals of all three countries had been reached.", "By the morning of 22 August",
                 "By March, 5,000 people had fled", "By Friday, the team had won 3 games.", "By Jan. 5 the count was 40"),
    ),
    LineRule(
        # "Posted: Aug. 30, 2018 3:43 PM", "Last updated: 09 Nov. 2015 11:22", "/// AFP, 3 March 2021".
        "dateline-label", "dateline",
        # (Not when a clause follows: "Posted on 3 March 2021, the video has 2 million views.")
        patterns.compile(r"(?![^\n]*,[ \t]+(?:the|a|an|it|its|he|she|they|this|his|her|their)\b)"
                   r"(?:(?:last[ \t]+)?(?:posted|published|updated|modified)(?:[ \t]+on)?[ \t]*:?|/{2,})[ \t]*"
                   r"(?:[A-Z][\w.&-]*,?[ \t]+)?(?:" + FULL_DATE + r"|" + TIME + r")", _FLAGS),
        needs=("osted", "OSTED", "ublished", "UBLISHED", "pdated", "PDATED", "odified", "//"), max_len=120,
        matches=("Posted: Aug. 30, 2018 3:43 PM", "Last updated: 09 Nov. 2015 11:22", "/// AFP, 3 March 2021",
                 "Published 12 July 2022"),
        rejects=("Published in 2004, the report found 12 errors.", "Date: 18 December 2022",
                 "Posted on 3 March 2021, the video has 2 million views."),
    ),
    LineRule(
        # Breadcrumbs ("Home » News » Libya"), slide and page counters ("2 / 8"), post ages ("1 year
        # ago"), counts of comments or references, copyright lines and image file names.
        "chrome", "chrome",
        patterns.compile(
            r"(?:home[ \t]*[»›>/]|[^\n]*[ \t][»›][ \t][^\n]*[ \t][»›][ \t])[^\n]*"
            r"|(?:(?:slide|photo|image|picture|page)[ \t]+)?\d{1,3}[ \t]*(?:/|of)[ \t]*\d{1,3}[ \t]*$"
            r"|(?:updated[ \t]+)?\d{1,3}[ \t]+(?:second|minute|hour|day|week|month|year)s?[ \t]+ago[ \t]*$"
            r"|\d{1,6}[ \t]+(?:references?|sources?|comments?|replies|responses|views|shares|likes)[ \t]*$"
            r"|(?:©|\(c\)[ \t]|copyright[ \t]+(?:©[ \t]*)?(?:\d{4}|by\b)|all rights reserved)[^\n]*"
            r"|[^\n]{0,200}\.(?:svg|png|jpe?g|gif|webp|tiff?)[ \t]*$",
            _FLAGS,
        ),
        gate=_may_be_chrome,
        matches=("Home » News » Libya » NATO flies 547 sorties", "2 / 8", "Slide 3 of 10", "1 year ago",
                 "2 references", "© 2021 Example Media Ltd. All rights reserved.", "Copyright 2019 The Herald",
                 "2014 ebola virus epidemic in West Africa simplified.svg"),
        rejects=("Prices rose 2 / 3 of the way.", "12 years ago the bridge opened.", "The team won 3 of 8 games.",
                 "Copyright law was changed in 1998 to extend terms to 70 years.", "«Oui» a-t-il dit, «non» en 2004»."),
    ),
    LineRule(
        # A line that is only a date (and times): a dateline or the heading of the event below it.
        "date-line", "timeline",
        patterns.compile(rf"(?P<key>(?:{_KEY})(?:[ \t]*(?:[|·•,]|on|at)?[ \t]*(?:{FULL_DATE}|{TIME}))*)[ \t]*:?[ \t]*$", _FLAGS),
        needs=_DIGITS, max_len=120,
        matches=("August 29, 2005", "AUGUST 29, 2005", "Friday, October 28, 2011", "30 Mar 2016 | 8:07 am on 30 March 2016",
                 "Sunday April 14th", "January 18, 2022"),
        rejects=("August 29, 2005 was a Monday.", "2016", "195"),
    ),
    LineRule(
        # A page's header line of short parts around its date: "Rachel O. · 14 November 2023 · 6 min
        # read · 23 comments", "Halden Research | Macro Flash | 6 March 2024", "November 10, 2023 6:52
        # AM GMT · Updated 3 hours ago". Only before the content (see structure()): further down,
        # "12 May 2021 | Paris" is content.
        "meta-line", "dateline",
        patterns.compile(rf"(?=[^\n]*[ \t][·|•][ \t])(?:[^·|•\n]{{1,40}}?[ \t]+[·|•][ \t]+)*{_WEEKDAY}?(?:{FULL_DATE})"
                         rf"(?:,?[ \t]+(?:at[ \t]+)?{TIME})?(?:[ \t]+[·|•][ \t]+[^·|•\n]{{1,40}}?)*[ \t]*$", _FLAGS),
        needs=("·", "|", "•"), max_len=160,
        matches=("Rachel O. · 14 November 2023 · 6 min read · 23 comments", "Halden Markets Research | Macro Flash | 6 March 2024",
                 "November 10, 2023 6:52 AM GMT · Updated 3 hours ago", "Building study · 5 October 2021 · Words: Tomás Quine"),
        rejects=("30 Nov 2015 - 12 Dec 2015 | Paris, France", "The vote | held on 12 December 2019, it gave the Conservatives a majority of 80",
                 "| Guinea | 3 814 |"),
    ),
    LineRule(
        # "12 July 2022: ...", "August 29, 2005 - ...", "14 April 1912, 11.40 p.m.: ...", "2006: ...",
        # "23rd minute: ..." (a match's timeline).
        "timeline-entry", "timeline",
        patterns.compile(rf"(?:\*\*|__)?(?P<key>{_KEY}|{YEAR_DATE}|{MINUTE})(?:\*\*|__)?{_SEPARATOR}(?P<event>\S)", _FLAGS),
        needs=_DIGITS,
        matches=("12 July 2022: The second phase began.", "SEPTEMBER 13th 2022: The vote is held.", "**2004**: The plant opens.",
                 "August 29, 2005 - Katrina comes ashore.", "14 April 1912, 11.40 p.m.: she hits an iceberg",
                 "2006: The plant closes.", "Aug. 6, 2021: first coring attempt", "23rd minute: A penalty puts Argentina ahead.",
                 "Late 2004: work resumes"),
        rejects=("Resolution 1973 adopted: 17 March 2011", "In 2004, the plant opened.", "Launch: July 30, 2020"),
    ),
    LineRule(
        # "Launch: July 30, 2020", "Resolution 1973 adopted: 17 March 2011", "Lib Dems: 11 (75 under PR)",
        # and infoboxes copied with a tab between label and value ("Capacity<TAB>60,411").
        "label", "label",
        patterns.compile(r"(?:\*\*|__)?(?P<label>[A-Z0-9][^:*\t\n]{0,60}?)(?:\*\*|__)?(?:[ \t]*:(?:\*\*|__)?[ \t]+|\t+)"
                   r"(?P<value>\S[^\n]*)"),
        accept=_label_ok,
        needs=(":", "\t"), matches=("Launch: July 30, 2020, 4:50 a.m. PDT", "Capacity\t60,411", "Resolution 1973 adopted: 17 March 2011", "Staff: 2,310", "**Staff:** 2,310",
                 "Lib Dems: 11 (75 under PR), with an 11.5% vote share.", "Estimated cost of the mission: $2.46 billion"),
        rejects=("Forward-looking: In what would be its largest deal, it buys a studio. The deal is big.",
                 "In Spencer's words: we all win", "launch: July 30", "41.8p: earnings per share, down from 49.4p",
                 "7.2%: the adjusted operating margin"),
    ),
    LineRule(
        # Infobox lines that lost their separator: "Opened14 March 2004", "InitiatedJanuary 18, 2022",
        # "CostUS$75.4 billion", "Staff2,310". Only in a run of short lines (see _glued_context).
        "glued-label", "label",
        patterns.compile(r"(?P<label>[A-Z][a-z]{2,}(?:[ -][a-z]+){0,3})(?P<value>(?:US|C|A|NZ|HK|S)?[$£€¥]\d|\d|"
                   r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"),
        accept=_glued_ok,
        needs=_DIGITS, max_len=100,
        matches=("Opened14 March 2004", "InitiatedJanuary 18, 2022 (2022-01-18)", "CostUS$75.4 billion", "Staff2,310"),
        rejects=("COVID19", "A400M", "Covid19 cases rose to 5,000 in March.", "Staff: 2,310"),
    ),
)
RULES_BY_NAME = {rule.name: rule for rule in LINE_RULES}

# A list marker: bullet, "1." / "1)" / "a)", or a question number "1.1" before a capitalised word. A
# listicle often sets its number in bold with the item's headline ("**7. 42.6%** – the checkout rate"):
# the number opens the bold, and is no figure of the item's.
LIST_MARKER = patterns.compile(
    r"[ \t]*(?:[-*+•▪◦‣][ \t]+|\d{1,3}[.)][ \t]+|[a-z][.)][ \t]+|(?:\*\*|__)\d{1,3}[.)](?:\*\*|__)?[ \t]+"
    r"|\d{1,2}(?:\.\d{1,2})+\.?[ \t]+(?=[A-Z][a-z])(?!(?:Million|Billion|Thousand|Trillion|Percent|Per)\b))"
)
# (line, its content after the marker): what LIST_MARKER must strip, and lines it must leave whole.
LIST_MARKER_EXAMPLES = (("- Opened in 1994", "Opened in 1994"), ("3) 12 bridges", "12 bridges"),
                        ("**7. 42.6%** – the checkout rate", "42.6%** – the checkout rate"),
                        ("**2.** 54 patients in the trial", "54 patients in the trial"),
                        ("__6. $3.4 billion.__ The final price tag", "$3.4 billion.__ The final price tag"))
LIST_MARKER_REJECTS = ("**11.3 million** – dead spruce trees", "**7.3%** - how far exports fell", "1.7 micrograms of crystal",
                       "**2024** was a record year")
# "1 The Kyoto Protocol ..." then "2 United Nations ...": numbers that count a list, not things.
_BARE_NUMBER = patterns.compile(r"[ \t]*(?P<n>\d{1,2})[ \t]+(?=[A-Z])")
# Headings that start a block of page chrome: related links, comments, sharing, category lists.
CHROME_SECTION = patterns.compile(
    r"[ \t]*(?:check also|related(?: articles| posts| stories| content)?|read (?:more|also|next)|you may also like"
    r"|more (?:from|stories|news)\b.*|recommended(?: for you)?|trending(?: now)?|most (?:read|popular)|popular posts"
    r"|leave a (?:reply|comment)|post a comment|comments|references|external links|further reading|bibliography)"
    r"[ \t]*(?:\[edit\])?[ \t]*:?[ \t]*$",  # a wiki copy keeps its "[edit]" links: "References[edit]"
    _FLAGS,
)
# Labels of a short list of page chrome: the lines right below them (no blank line) are chrome too.
CHROME_LIST = patterns.compile(r"[ \t]*(?:categories|tags|filed under|posted in|share this(?: article| post| story)?)[ \t]*:?[ \t]*$", _FLAGS)
# The words of a page's sharing and reaction buttons, and the marks of its reactions (CHROME_LINE).
_COUNTER_WORD = (r"(?:repl(?:y|ies)|quote|likes?|liked|shares?|shared|tweet|email|pin|comments?|facebook|twitter|whatsapp"
                 r"|linkedin|reddit|report|save|print)")
_REACTION = "(?:[👍👎♥❤♡💬🔁]\ufe0f?)"
# What marks a word as a user's handle, not a word of prose: an underscore, a digit, an "@" or a capital inside
# ("mel_in_leeds", "dartsdad_77", "KranjKid"; not "Opened"). Read case-sensitively, as (?-i:...) in CHROME_LINE.
_HANDLE = r"[\w.@-]*(?:[_\d@]|[a-z][A-Z])"
# A post stamp's parts (CHROME_LINE): text before a separator, or a handle or a post's number before a dash
# or a space ("#1 — flugschanze_fan — Posted ...", "#2 15th Apr 2020, 09:05"); its date; what follows it.
_STAMP_PART = (rf"[^\n·•|»—–]{{1,40}}+[·•|»][ \t]*|(?:(?-i:(?=#?{_HANDLE}))#?[\w.@-]{{1,30}}"
               r"|(?-i:[A-Z][\w'’-]{1,20}[ \t]+[A-Z]\.))[ \t]+[—–-][ \t]+|#\d{1,5}[ \t]+")
_STAMP_DATE = rf"(?:{_WEEKDAY}?{MONTH}[ \t]+{_DAY},?[ \t]+{_YEAR}|{FULL_DATE}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
_STAMP_TIME = rf",?[ \t]+(?:at[ \t]+|[-–][ \t]+)?{TIME}"
_STAMP_TAIL = r"(?:[ \t]*[·|•][ \t]*(?:#\d{1,6}|edited|\d[\d,]*[ \t]+(?:comments?|replies)))"
# One line of page chrome with its content on it: links after "Related:", "Read more:", "You might also like:",
# "See also:", a category list, a comment count ("Comments (14)"), a subscription ask, a wiki's "This page was
# last edited on ..." footer, and a strip of short parts run together with "|" that holds a byline, an
# "Updated <date>" or a reading time ("20 September 2024 | Manufacturing | 3 min read"); a forum post's
# stamp, a poster's card, a strip of reaction counters, and the links to the next or the previous post.
CHROME_LINE = patterns.compile(
    r"[ \t]*(?:>[ \t]*)*(?:(?:share[ \t]*[|·•][ \t]*)?(?:related(?: articles| posts| stories| content)?|read (?:more|also|next)|more from [^\n:|]{1,40}"
    r"|share this(?: article| post| story)?|you (?:may|might) also like|most (?:read|popular)|see also"
    # (and the links to the next and the previous post, "← Previous: Ranking the 2026 qualifiers", and an advert;
    # not an infobox's "Next: 2031 Santiago", the next edition)
    r"|also read|(?:next|previous|prev|older|newer)[ \t]+(?:post|article|story|entry)|[←«‹][ \t]*(?:next|previous|prev|older|newer)"
    r"|(?:next|previous|prev|older|newer)[ \t]*[→»›]|sponsored|advertisement"
    r"|categories|tags|filed under|posted in)[ \t]*:[ \t]*[^\n]*"
    r"|(?:comments?|replies|responses|reactions)[ \t]*\(\d{1,6}\)"
    r"|subscribe\b[^\n]{0,80}"
    r"|this page was last (?:edited|modified|updated)\b[^\n]*"
    # a comment's header: its author and how long ago it was posted ("jmarlow 23 hours ago [–]")
    r"|[\w.@-]{2,30}[ \t]+\d{1,3}[ \t]+(?:second|minute|hour|day|week|month|year)s?[ \t]+ago(?:[ \t]+\[[–-]\])?"
    # a post's vote count under it: "▲ 96", "▲ 214 ▼ · 38 comments · Share", "↑ 12 ↓", "Reply ▲ 288"
    r"|(?:(?:reply|share|report|save|award)[ \t]+)*[▲△⬆↑][ \t]*\d[\d,.]*k?(?:[ \t]*[▼▽⬇↓])?(?:[ \t]*[·•|][^\n]{0,60}|(?:[ \t]+(?:reply|share|report|save|award))+)?"
    # a thread's pager: "« Prev 1 2 3 4 5 6 7 Next »", "1 2 3 … 12 Next ›", "Page 3 of 4  « Prev  Next »"
    r"|(?:[«‹<][ \t]*)?(?:prev(?:ious)?[ \t]+|first[ \t]+)?\d{1,3}(?:[ \t]+(?:\d{1,3}|…|\.\.\.))+[ \t]+(?:next|last)\b[ \t]*[»›>]?"
    r"|page[ \t]+\d{1,3}[ \t]+of[ \t]+\d{1,3}(?:[ \t]+[«‹<]?[ \t]*(?:prev(?:ious)?|next|first|last)\b[ \t]*[»›>]?)+"
    # ... with the page numbers between: "Page 3 of 7  « Prev  1  2  3  4  5  6  7  Next »", "Go to page: 1 2 3 Next ›"
    r"|page[ \t]+\d{1,3}[ \t]+of[ \t]+\d{1,3}[ \t]+[«‹<]?[ \t]*(?:prev(?:ious)?|first)\b[^\n]{0,80}"
    r"|page[ \t]+\d{1,3}[ \t]+of[ \t]+\d{1,3}(?:[ \t]+(?:\d{1,3}|…|\.\.\.))+[ \t]+(?:next|last)\b[ \t]*[»›>]?"
    # a forum's breadcrumb trail, three parts or more ("Forums > Politics & Society > Royal Family   Page 3 of 7")
    r"|(?:[a-z][^\n<>]{0,39}?[ \t]+>[ \t]+){2,}[a-z][^\n<>]{0,99}"
    r"|go[ \t]+to[ \t]+page[ \t]*:?[ \t]*\d{1,3}(?:[ \t]+(?:\d{1,3}|…|\.\.\.))*(?:[ \t]+(?:next|last)\b[ \t]*[»›]?)?"
    # a counter on a line of its own ("Likes: 17", "Replies: 4"), a feedback box ("Was this article helpful? Yes (87) No (4)")
    r"|(?:likes?|replies|views|posts|reactions|upvotes|votes|thanks)[ \t]*:[ \t]*\d[\d,.]*k?"
    r"|was[ \t]+this[ \t]+(?:(?:article|page|post|answer|story)[ \t]+)?helpful\?[^\n]{0,60}"
    r"|did[ \t]+this[ \t]+(?:article|page|post|answer|story)[ \t]+help(?:[ \t]+you)?\?[^\n]{0,60}"
    # a poster's card, however parted ("#42  tidal_tom  Joined: Aug 2021  Posts: 88"), and who reads the thread
    r"|(?=[*_]{0,2}(?:[#(]|joined\b|(?-i:[a-z]|[\w.@-]*[_\d@])))(?=[^\n]*\bjoined[ \t]*:)(?=[^\n]*\bposts[ \t]*:)[^\n]{0,120}"
    r"|(?:users[ \t]+)?browsing[ \t]+this[ \t]+(?:thread|forum|topic|board)[ \t]*:?[^\n]{0,60}"
    # a numbered post's header with a dash: "#1 seismonaut - Posted 22 Nov 2013, 11:05", "Reply #21 - millend_mike -
    # 20 Nov 2022, 08:47", "Reply #47 - gravityturn (Posts: 312)"
    r"|(?<![\w#])#\d{1,5}[ \t]+[\w.@-]{2,30}[ \t]+[-–—][ \t]+(?:posted|replied|wrote)\b[^\n]{0,60}"
    r"|(?:reply|post|comment)[ \t]*#\d{1,5}[ \t]+[-–—][ \t]+[\w.@-]{2,30}(?:[ \t]+[-–—][ \t]+[^\n]{1,40}|[ \t]*\([^\n)]{1,40}\))?"
    # ... or with "on:" ("Reply #61 on: March 05, 2027, 04:12:37 AM"), and its author's card ("regolith_rick (Posts: 2,318)")
    r"|(?:reply|post|comment)[ \t]*#\d{1,5}[ \t]+on[ \t]*:[^\n]{1,40}"
    r"|[\w.@-]{2,30}[ \t]*\([ \t]*(?:posts|messages|karma|reputation|rep)[ \t]*:[ \t]*\d[\d,]*[ \t]*\)"
    # a comment's stamp: its author's handle (an underscore, a digit or a capital inside: not "Opened
    # 14 March 2004 at 10:00"), the date and the time ("Mike_R 18 November 2023 at 21:07")
    rf"|(?-i:(?={_HANDLE}))[\w.@-]{{2,30}}[ \t]+(?:{FULL_DATE})(?:,?[ \t]+(?:at[ \t]+)?{TIME})"
    # a strip of sharing and reaction counters and nothing else: "👍 12 · Reply · Quote", "Reply · Quote · Like (12)",
    # "Share 214 | Tweet | Email", "Like 12   Reply", "Share: 112 · Like: 348" (a lone "Shares: 15,000" is a fact)
    # (its first token looked at first: a line of prose fails there, before the whole line is scanned)
    rf"|(?=[ \t·|•\[\]]*+(?:{_COUNTER_WORD}\b|{_REACTION}|\d|\(\d))(?=[^\n]*\d)"
    rf"(?=[^\n]*(?:[·|•]|{_REACTION}|\(\d|\b{_COUNTER_WORD}[ \t]+\d))"
    rf"(?>[ \t·|•\[\]]*+(?:{_COUNTER_WORD}\b|{_REACTION}|\d[\d,.]*+[km]?|\(\d[\d,.]*+[km]?\)|:))++[ \t\]]*"
    # a post's stamp: its author and markers before a separator, or "Posted" or "Last edited", then the date
    # and its time, and the post's number or mark after ("**ledgerwatcher** · Posted 18 Apr 2025, 08:12",
    # "#1 kessendorf_kin » Sat Mar 16, 2024 8:41 pm", "*Posted 2 Apr 2025, 08:00*", "bjorn_h · Posted 16 Apr
    # 2024, 21:07 · #4412"). The time may go only beside a handle or a post's number ("#41 · gridlock_dev ·
    # Feb 20, 2025"); a date and time alone stay content: an infobox may set a launch's under its label.
    # (its first word looked at first: a sentence of prose opens with none of these)
    rf"|[*_]{{0,2}}(?=[#(\d]|posted\b|(?:last[ \t]+)?edited\b|by[ \t]|reply\b|{_WEEKDAY}|{MONTH}"
    rf"|(?-i:[a-z]|{_HANDLE})|[^\n·•|»—–]{{1,40}}+[·•|»—–]|(?-i:[A-Z][\w'’-]{{1,20}}[ \t]+[A-Z]\.[ \t]+-))"
    rf"(?=[^\n]*(?:[·•|»—–]|[ \t]-[ \t]|\b(?:posted|edited)\b|#\d))"
    rf"(?:(?=[^\n]*(?:(?-i:[A-Za-z][_@][A-Za-z\d]|[a-z][A-Z][a-z])|#\d|\bposted\b))(?P<stamped>))?(?:{_STAMP_PART}){{0,3}}"
    rf"(?:(?:posted|(?:last[ \t]+)?edited)[ \t]*:?[ \t]+(?:on[ \t]+)?)?{_STAMP_DATE}"
    rf"(?(stamped)(?:{_STAMP_TIME})?|{_STAMP_TIME})[*_]{{0,2}}{_STAMP_TAIL}*"
    # (a strip needs a "|", "·" or "•": looked for first, the markers are tried only in a line that has one)
    r"|(?=[^\n]*[|·•])(?=[^\n]*(?:\|[ \t]*(?:by[ \t]+[A-Z]|(?:last[ \t]+)?(?:updated|posted|published)(?:[ \t]*:)?[ \t]+\S)|\b\d{1,3}[ \t]+min(?:ute)?s?[ \t]+read\b|[·][^\n]*\bmin(?:ute)?s?[ \t]+read\b"
    r"|\bcomments?[ \t]*\(\d{1,6}\)|\bmost[ \t]+(?:read|popular)\b"
    # a forum post's header and its author's card: "Post #3 · Jun 21, 2024 · 10:31 PM", "Joined: Mar
    # 2022 · Posts: 1,204 · Location: Ohio"
    r"|\b(?:joined|member[ \t]+since|registered|posts|messages|reputation)[ \t]*:|\b(?:post|reply)[ \t]*#\d"
    # a thread's counters and a numbered post's header: "Thread started by dave · 2,341 views · 9 replies",
    # "#8 Mod_Harriet (Moderator) · 18 Apr 2024, 09:12", "(Member, 1,204 posts)"
    r"|\b\d[\d,]*[ \t]+(?:views|replies|posts|comments|upvotes|pages|guests)\b|\b\d[\d,]*[ \t]+points?[ \t]*[·|]"
    # who is reading a thread, a post's number and votes in a strip: "Thread: 4 pages | Viewing: 118 members",
    # "rustbelt_fabtech | #2 | ▲ 22"
    r"|\bviewing[ \t]*:|\|[ \t]*#\d{1,5}[ \t]*(?:\||$)|[▲△⬆↑][ \t]*\d"
    # a Reddit strip, with its board or its poster ("r/Kelburn · Posted by u/prairiedog_88 · 9h")
    r"|(?<![\w/])[ru]/[\w-]{2,30}"
    r"|(?<![\w#])#\d{1,5}[ \t]+[\w.@-]{2,30}[ \t]*[(|·]"
    # a post's age beside its author ("u/okanagan_dad · 1 hr ago")
    r"|\b\d{1,3}[ \t]*(?:min|mins|minutes?|h|hr|hrs|hours?|d|days?|wk|weeks?|mo|months?|yr|years?)\.?[ \t]+ago\b"
    # counters and buttons ("Replies: 11 · Views: 2,318", "Like · Reply · 4", "Page 1 of 2 · Next"), and a
    # poster's role ("greyhound_73 · Member · 9 Mar 2023 at 08:12")
    r"|\b(?:replies|views|likes|posts)[ \t]*:[ \t]*\d|\bpage[ \t]+\d{1,3}[ \t]+of[ \t]+\d{1,3}\b"
    r"|\b(?:like|reply|quote|report|share)[ \t]*[·|][ \t]*(?:like|reply|quote|report|share)\b"
    r"|[·|][ \t]*(?:(?:senior|junior|new|active|verified)[ \t]+)?(?:member|moderator|admin(?:istrator)?)[ \t]*[·|]))"
    r"[^\n|·•]{1,60}(?:[|·•][^\n|·•]{1,60})+)[ \t]*",
    _FLAGS,
)
# A post's score on a line of its own, right below the post: "57 points", "1.2k upvotes", "+88".
VOTE_LINE = patterns.compile(r"[ \t]*(?:\d[\d,.]*k?[ \t]+(?:points?|upvotes?|votes?|likes?)|\+\d{1,6})[ \t]*", _FLAGS)
CHROME_LINE_EXAMPLES = (
    "Related: Water rates to rise again | 14 comments", "Read more: Rents up 9% in a year | Most read",
    "Share this: Facebook | Twitter | 12 comments", "See also: List of floods in 2019",
    "This page was last edited on 2 October 2019, at 11:20 (UTC).", "Emergency appeal | Updated 9 February 2017",
    "Comments (14)", "You might also like: 12 bridges that changed the city", "Subscribe for $4.99 a month",
    "Categories: Bridges built in 1932 | Disasters in 2011", "Sport | By Ana Lima | Tuesday 3 May 2022 10:15 BST",
    "4 March 2021 | Energy | 5 min read", "More in Music | Comments (31)",
    "Comments (8) | Most read: 1. Council budget vote | 2. Ferry fares rise", "2 May 2024 · 6 min read", "Comments (12) · Share",
    "Joined: Mar 2022 · Posts: 1,204 · Location: Ohio", "Post #1 · Jun 21, 2024 · 9:42 PM",
    "Mike_R 18 November 2023 at 21:07", "SolentSam 19 November 2023 at 08:15",
    "Thread started by brickbybrick · 2,341 views · 9 replies", "#1 brickbybrick (Member, 1,204 posts) · 17 Apr 2024, 09:47",
    "#8 Mod_Harriet (Moderator) · 18 Apr 2024, 09:12", "Thread started by haulier_dave · 5 years ago · 7 replies · 1,482 views",
    "Thread starter greyhound_73 · Start date 9 Mar 2023 · Replies: 11 · Views: 2,318",
    "greyhound_73 · Member · 9 Mar 2023 at 08:12", "Like · Reply · 4", "Page 1 of 2 · Next ›",
    "« Prev 1 2 3 4 5 6 7 Next »", "1 2 3 … 12 Next ›", "jmarlow 23 hours ago [–]", "pnw_dev 2 days ago",
    "u/okanagan_dad · 1 hr ago", "96 points · Reply", "Posted by u/thompson_raver · 2 hr ago · Mod",
    "▲ 96", "▲ 214 ▼ · 38 comments · Share", "↑ 1.2k ↓", "▲ 188 ▼ reply", "hawkeye_deli • 13 hr ago", "▲ 612 ▼ • 187 comments • Share", "Reply ▲ 288", "> ▲ 88 · Reply",
    "r/Iowa • Posted by u/cornbelt_mike • 14 hr ago", "u/berm_appetit · 2 hr. ago · 57 points", "u/oldtimer_PE · 58 min. ago",
    "Wrona9 · 1 hour ago · ▲ 7", "Page 3 of 4  « Prev  Next »", "Published: 17/08/2028 14:52 | Updated: 17/08/2028 16:10",
    "Page 3 of 7   « Prev  1  2  3  4  5  6  7  Next »", "Go to page: 1 2 3 Next ›", "Likes: 17", "Replies: 4",
    "Was this article helpful? Yes (87) No (4)", "#1 seismonaut - Posted 22 Nov 2013, 11:05",
    "Reply #21 - millend_mike - 20 Nov 2022, 08:47", "Reply #47 - gravityturn (Posts: 312)",
    "Thread: 4 pages | Viewing: 118 members, 1,046 guests", "rustbelt_fabtech | #2 | ▲ 22",
    "Page 4 of 9  < Prev  1 2 3 4 5 ... 9  Next >", "Page 1 of 3   1 2 3 Next »", "Nov 8, 2016 at 9:14 PM | #1",
    "Share | Read more: Metro Line 2 extension pushed back to 2026", "r/Kelburn · Posted by u/prairiedog_88 · 9h",
    "Was this helpful? Yes (41) No (3)", "Reply #61 on: March 05, 2027, 04:12:37 AM", "regolith_rick (Posts: 2,318)",
    "Forums > Politics & Society > Royal Family          Page 3 of 7", "Lunar Forum > Missions > Commercial Landers > CL-1 thread",
    "**ledgerwatcher** · Posted 18 Apr 2025, 08:12", "#1 kessendorf_kin » Sat Mar 16, 2024 8:41 pm",
    "*Posted 2 Apr 2025, 08:00*", "Last edited: 30 Aug 2024, 09:52", "**factorfree_dave** · Nov 18, 2025, 7:42 am",
    "**#7 · dartsdad_77** · Posted 20 Dec 2024, 12:30", "**linqiao_lucy** · Joined 2023 · Posted 12 Sep 2025, 07:55",
    "👍 12 · Reply · Quote", "👍 9", "Reply · Quote · Like (12)", "Share 214 | Tweet | Email", "Like 12   Reply",
    "Share: 112 · Like: 348", "Share 214", "Shared 1,204 times · 37 comments", "♥ 87",
    "by PVTA_watcher » Sat Nov 02, 2019 1:15 pm", "Jess_T · 19/03/2024 12:51", "#1 — flugschanze_fan — Posted 16 Mar 2026, 09:12",
    "bjorn_h · Posted 16 Apr 2024, 21:07 · #4412", "#41 · gridlock_dev · Feb 20, 2025", "#2 15th Apr 2020, 09:05",
    "**turbine_tom** · Posted 19 Jan 2025, 13:11 · Edited", "#42  tidal_tom  Joined: Aug 2021  Posts: 88",
    "#122 Moderate_Mike (Joined: Sep 2019, Posts: 877)", "Users browsing this thread: 3 members, 41 guests",
    "Did this article help? Yes (88) / No (9)", "Jonas K. · March 9, 2026 at 10:14", "harbourlight (Joined: Mar 2009, Posts: 4,212)",
    "Next post: 5 Birds to Watch This Spring", "#7 BulkerBarbara - 2 Nov 2027, 18:03", "Jonna P. — 11 January 2023 at 09:14",
    "Gregor P. - July 22, 2028 at 10:41 am",
    "← Previous: Ranking the 2026 qualifiers", "Also Read: Top 10 Richest Tech Founders Under 40",
    "Sponsored: Earn 5.25% APY with a high-yield savings account.",
)
CHROME_LINE_REJECTS = (
    "Related to the outbreak, 12 cases were found.", "See also the 2005 report, which found 40 faults. It was ignored.",
    "Read more about the 2019 floods in our archive.", "The price was updated in 2019 | a footnote explains why it rose.",
    "Comments from 14 residents were read.", "Subscribers rose to 4,000 in May.",
    "Deaths | 2,535 | 1,577", "Seats won by Labour: 203", "Opened 14 March 2004 at 10:00",
    "The video drew 2,341 views in a day.", "#1 seed Sinner beat Alcaraz in four sets.",
    "Members voted 12 to 3 · the motion passed in May 2021 after a long debate.",
    "Press summary · Judgment handed down 23 April 2024 · Last updated 31 May 2024",  # a page header's facts
    "Scores of 4 6 7 next to the names were read out.",
    "Lions 24 points, Tigers 12 | the table after 3 years of the league",
    "Final vote · 12 December 2024", "Dai Morgan · 25 September 2022", "Next year: 12 more stations open.",
    "Previous record: 254.0 m, Henrik Aasland (Norway), 20 March 2022", "Next: 2031 Santiago", "Previous: 2022 (Budapest)",
    "Shares: 15,000", "Comments received: 1,204", "Points: 418.7", "Votes cast: 12,345 | Turnout: 67%",
    "Launch: July 30, 2020, 4:50 a.m. PDT", "July 30, 2020, 11:50 UTC",  # an infobox's launch, its label above
    "Edited by Ana Lima, the report of 12 March 2024 was published at 10:00",
    "The last train – the 23:40 from Leeds – left on 3 May 2024 at 23:52", "Polls closed – 5 May 2022, 10 pm",
    "The bridge opened 23 years ago this week.",
    "Likes: 17 people said they liked the plan, and 4 did not.", "Reply #2 explains why the 12 km figure is wrong, and it is long.",
    "Page 3 of the report gives 1,200 as the total, not 1,100 as first said.",
    "Output > 40 MW > the 2019 peak, the operator said.", "Reply #3 on the list was the 1998 flood.",
)
CHROME_SECTION_EXAMPLES = ("Check Also", "Leave a Reply", "Related articles", "Read more:", "References", "External links",
                           "References[edit]")
CHROME_LIST_EXAMPLES = ("Categories", "Share this article :", "Tags:", "Filed under")
CHROME_SECTION_REJECTS = ("Related to the outbreak, 12 cases were found.", "Comments from the minister came in 2019.")
_THREAD = patterns.compile(r"[ \t]*comments[ \t]*:?[ \t]*$", _FLAGS)  # the heading over a thread's posts
# A wiki copy's table of contents: the heading, then its section names, one to a line up to a blank line.
# They are navigation; and its "References" or "External links" must not start a chrome section that
# would swallow the article below it.
CONTENTS = patterns.compile(r"[ \t]*(?:contents|table of contents|on this page|in this article)[ \t]*"
                            r"(?:\[(?:hide|show)\])?[ \t]*:?[ \t]*$", _FLAGS)
CONTENTS_EXAMPLES = ("Contents", "Table of contents", "Contents [hide]", "On this page:")
CONTENTS_REJECTS = ("Contents of the report", "The contents were sold for $4 million.")
_CONTENTS_ENTRY_MAX = 80  # a section name; a longer line is the article again
# A paragraph that brings the article back after a chrome section: long prose ending a sentence,
# perhaps with its citation marks ("... 410 miles of water mains.[4]").
_ARTICLE_PROSE_MIN = 100
_SENTENCE_END = patterns.compile(r"[.!?\"”](?:\[(?:\d{1,3}|[a-z]|citation needed|note \d{1,3})\])*[ \t]*$", _FLAGS)
_COUNT = (r"(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
          r"|eighteen|nineteen|twenty|thirty|forty|fifty)")
_LIST_COUNT = rf"(?P<count>{_COUNT})"
_LIST_ITEMS = (r"[ \t]+(?:[A-Za-z-]+[ \t]+){0,2}?(?:facts|things|reasons|ways|tips|questions|moments|photos|pictures|images|charts"
               r"|maps|lessons|takeaways|myths|secrets|signs|steps|ideas|quotes|stats|highlights|surprises|mistakes|rules|records"
               r"|numbers|figures)\b")
# A title's count of the list below it ("10 Key Facts Kids Should Know About Mars", "the world championship in
# eight figures", "Aske floods in numbers: the 12 figures that sum up Storm Hollis"), and a sentence that
# announces one anywhere ("Here is the deal in ten numbers.", "Here are the 6 things you need to know").
LISTICLE = patterns.compile(rf"(?:^|:[ \t]+|\bin[ \t]+|\bthe[ \t]+){_LIST_COUNT}{_LIST_ITEMS}", _FLAGS)
LISTICLE_IN_PROSE = patterns.compile(
    rf"(?:\bin[ \t]+(?={_COUNT}[ \t]+(?:numbers|figures|charts|stats)\b)|\bhere[ \t]+(?:are|is)\b[^.!?\n]{{0,40}}?\b"
    rf"(?={_COUNT}{_LIST_ITEMS})){_LIST_COUNT}",
    _FLAGS)
LISTICLE_EXAMPLES = ("10 Key Facts Kids Should Know About Mars", "Acme: 5 numbers from the results", "Titanic: 16 facts about the voyage",
                     "7 things we learned", "The Sawtell Dam disaster in 10 numbers", "the world championship in eight figures",
                     "Aske floods in numbers: the 12 figures that sum up Storm Hollis", "seven things you need to know before the vote")
LISTICLE_REJECTS = ("Libya: 547 Sorties Flown Under NATO", "For $70 Billion, Microsoft Sets Out To Buy", "3 killed in storm",
                    "Turnout in 2019 figures", "The 5,000 records set in 2023")
LISTICLE_IN_PROSE_EXAMPLES = ("Here is the deal in ten numbers.", "Here are the 6 things you need to know.",
                              "Here is their winter in twelve numbers.")
LISTICLE_IN_PROSE_REJECTS = ("The 12 figures in the report were wrong.", "He listed the 6 things the council must fix.",
                             "Here the river fell 3 metres.")
_TERMINAL = patterns.compile(r"[.!?:;][\"'”’)\]]*[ \t]*$")
_WRAP_MIN = 60  # a prose line at least this long without terminal punctuation continues on the next
_SHORT = 60  # a "short line" of an infobox run
_FENCE = RULES_BY_NAME["fence"].pattern
_DATE_LINE = RULES_BY_NAME["date-line"].pattern
_STAMP = patterns.compile(rf"[ \t]*(?:{FULL_DATE})(?:,?[ \t]+(?:at[ \t]+)?{TIME}(?:[ \t]+#\d{{1,6}})?|[ \t]+#\d{{1,6}})[ \t]*",
                          _FLAGS)
_GLUED = RULES_BY_NAME["glued-label"]
_TIME_IN = patterns.compile(TIME, _FLAGS)
# An indented line is code only if it looks like code: prose indented by four spaces keeps its
# claims even with "(2004)" or "$5 billion" in it.
_CODE_LIKE = patterns.compile(r"[=;{}]|\w\(|^\s*(?:def|class|import|from|return|var|let|const|function)\b|^\s*[$>#][ \t]")
_FULL_DATE_AT = patterns.compile(rf"(?:{TIME}[ \t]+)?{FULL_DATE}[ \t]+(?=[A-Z])", _FLAGS)
# The next entry's key inside such a line: a date with its year, then a capital ("... opens 28 November 2024 Budget ...").
_DATED_KEY = patterns.compile(rf"(?<![\d,])[ \t](?P<key>(?:{_DAY}[ \t]+{MONTH},?[ \t]+|{MONTH}[ \t]+{_DAY},?[ \t]+){_YEAR})[ \t]+(?-i:(?=[A-Z]))",
                              _FLAGS)
# A timeline key glued after a sentence inside one paragraph: "... ends. 12 July 2022: the ..."
# (The punctuation is consumed, not looked behind at, so that the scan skips to the next [.!?] quickly.)
# A full date may also stand before a spaced dash: "... depression. 9 November, 8:00 p.m. – JMA names it ...".
_GLUED_KEY = patterns.compile(rf"[.!?][ \t](?P<key>(?:{_KEY}|{YEAR_DATE})[ \t]*:[ \t]+(?=\S)|(?:{_KEY})[ \t]+[–—][ \t]+(?-i:(?=[A-Z])))", _FLAGS)
_INNER_KEY = patterns.compile(rf"(?<![\d,])[ \t](?P<key>{_KEY})[ \t]+[–—][ \t]+(?=[A-Za-z])", _FLAGS)  # not inside a date
_KEY_AT = patterns.compile(rf"(?:\*\*|__)?(?:{_KEY}|{YEAR_DATE}|{MINUTE})(?:\*\*|__)?{_SEPARATOR}(?=\S)", _FLAGS)
_MONTHS = {m: i for i, ms in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1) for m in (ms,)}


class Line(NamedTuple):
    """One line of the body: its span, the span of its content (after a list marker), its kind.

    Named tuples, not frozen dataclasses, for Line and Unit: one is made per line, and a tuple is made
    in a third of the time.
    """

    start: int
    end: int
    content: int  # where the content starts, past indentation and any list marker
    kind: str  # a LineRule name, or "blank", "prose", "code", "list"
    listed: bool = False  # had a list marker
    match: re.Match[str] | None = None


_CAPTION = 300  # characters: a longer line above a table is prose, not its caption


class Unit(NamedTuple):
    """One unit of a page: a kind (models.Block), a span, and what names the values inside it."""

    block: str
    start: int
    end: int
    label: str | None = None
    headers: tuple[str, ...] = ()
    event: str | None = None
    split: bool = True  # prose, list items and timeline entries split into sentences; others do not
    caption: str | None = None  # table rows: the line above their table ("Table 1 ... (dollar amounts in millions)")


def classify(text: str, start: int = 0, end: int | None = None) -> tuple[str, int, re.Match[str] | None]:
    """The kind of the line text[start:end], where its content starts, and the rule's match."""
    return _classify(text, start, len(text) if end is None else end)[:3]


def _classify(text: str, start: int, end: int) -> tuple[str, int, re.Match[str] | None, bool]:
    """`classify`, and whether the content follows a list marker."""
    line = text[start:end]
    if not line.strip():
        return "blank", end, None, False
    marker = LIST_MARKER.match(text, start, end)
    if marker and marker.end() < start + len(line.rstrip()):
        content = marker.end()
    else:
        marker, content = None, start + len(line) - len(line.lstrip())
    for rule in LINE_RULES:
        if marker and rule.name in ("table-rule", "chrome", "fence"):
            continue
        if (rule.max_len and end - content > rule.max_len) or (rule.needs and not any(map(line.__contains__, rule.needs))):
            continue
        if rule.gate is not None and not rule.gate(text, content, end):
            continue
        m = rule.pattern.match(text, content, end)
        if m and (rule.accept is None or rule.accept(m)):
            return rule.name, content, m, marker is not None
    return ("list" if marker else "prose"), content, None, marker is not None


def _lines(text: str, start: int) -> list[Line]:
    """Every line of text[start:] classified on its own."""
    result = []
    pos = start
    for raw in text[start:].split("\n"):
        end = pos + len(raw)
        kind, content, m, listed = _classify(text, pos, end)
        result.append(Line(pos, end, content, kind, listed, m))
        pos = end + 1
    return result


def _date_parts(text: str) -> tuple[int | None, int | None, int | None]:
    """Year, month and day of the first full date in a date line (for comparing with `published`)."""
    year = re.search(r"(?<!\d)\d{4}(?!\d)", text)
    month = re.search(MONTH, text, _FLAGS)
    day = re.search(r"(?<![\d:.])(\d{1,2})(?:st|nd|rd|th)?(?![\d:.])(?![ \t]?[ap]\.?m)", text, _FLAGS)
    m = _MONTHS.get(month.group()[:3].lower()) if month else None
    return (int(year.group()) if year else None, m, int(day.group(1)) if day else None)


def _is_published(text: str, published: dt.date | None) -> bool:
    """Whether a date line names the page's own publication date."""
    if published is None:
        return False
    year, month, day = _date_parts(text)
    return (year, month, day) == (published.year, published.month, published.day)


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def _row_cells_pipe(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cell spans of a pipe table row, trimmed; the outer pipes are not cells."""
    spans = []
    cursor = start
    for i in range(start, end + 1):
        if i == end or text[i] == "|":
            a, b = cursor, i
            while a < b and text[a] in " \t*_":
                a += 1
            while b > a and text[b - 1] in " \t*_":
                b -= 1
            spans.append((a, b))
            cursor = i + 1
    if spans and spans[0][0] == spans[0][1] and text[start:end].lstrip().startswith("|"):
        spans = spans[1:]
    if spans and spans[-1][0] == spans[-1][1] and text[start:end].rstrip().endswith("|"):
        spans = spans[:-1]
    return spans


_TOKEN = patterns.compile(r"\S+")
_HAS_DIGIT = patterns.compile(r"\d")
_ROW_MAX = 160  # a table row of spaced cells is short
_NUMERIC = patterns.compile(r"[-+−]?(?:US|C|A)?[$£€¥]?\d[\d,.]*%?$")
_DAYNUM = patterns.compile(r"\d{1,2}(?:st|nd|rd|th)?$")
_MONTH_TOKEN = patterns.compile(MONTH + r",?$", _FLAGS)


def _row_cells_spaced(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """Cells of a table row whose columns are separated by spaces: a label, then numbers and dates.

    "Sierra Leone 14,124 3,956 17 Mar 2016" -> "Sierra Leone", "14,124", "3,956", "17 Mar 2016";
    None when the line is not such a row.
    """
    if end - start > _ROW_MAX or text[end - 1] in ".!?:;," or not _HAS_DIGIT.search(text, start, end):
        return None  # cheap tests first: most lines are prose
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
    first = next((i for i, t in enumerate(tokens) if t[2][0].isdigit() or t[2][0] in "$£€¥-+−"), None)
    if not first or not tokens[0][2][0].isalpha():
        return None
    if any(ch.isdigit() for _, _, tok in tokens[:first] for ch in tok):
        return None
    cells = [(tokens[0][0], tokens[first - 1][1])]
    previous = ""
    for a, b, tok in tokens[first:]:
        if _NUMERIC.match(tok):
            joins = bool(_MONTH_TOKEN.match(previous)) and len(tok) == 4 and tok.isdigit()  # "Mar 2016"
        elif _MONTH_TOKEN.match(tok):
            joins = bool(_DAYNUM.match(previous))  # "17 Mar"
        else:
            return None
        if joins:
            cells[-1] = (cells[-1][0], b)
        else:
            cells.append((a, b))
        previous = tok
    if len(cells) < 3 or text[cells[0][1] - 1] in ":;,.":
        return None  # one value ("Staff: 2,310") or a label line is not a row
    return cells


_BARE_PIPE_CELL_MAX = 60  # a cell of a table, not a sentence that holds a "|"


def _bare_pipe_cells(line: str) -> list[str]:
    """The trimmed cells of a line written as a table row without outer pipes, or [] if it is not one."""
    if "|" not in line or line.lstrip().startswith("|") or line.rstrip().endswith("|"):
        return []
    cells = [c.strip() for c in line.split("|")]
    if len(cells) < 3 or not all(cells) or any(len(c) > _BARE_PIPE_CELL_MAX for c in cells):
        return []
    return cells


def row_cells(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Cell spans of a table row (pipes, or spaces between a label and numbers), else the whole span."""
    end = len(text) if end is None else end
    if "|" in text[start:end]:
        return _row_cells_pipe(text, start, end)
    return _row_cells_spaced(text, start, end) or [(start, end)]


def _spaced_headers(header: str, columns: int) -> tuple[str, ...]:
    """Column names from a header line whose words are separated by spaces, when they can be told apart.

    "Country Cases Deaths Outbreak ended" over 4 columns -> Country, Cases, Deaths, Outbreak ended
    (a lower-case word belongs to the one before); "Party Exit Poll Final Result" over 3 columns ->
    Party, Exit Poll, Final Result (the words after the first shared out evenly).
    """
    groups: list[str] = []
    for word in header.split():
        if groups and word[:1].islower():
            groups[-1] += " " + word
        else:
            groups.append(word)
    if len(groups) == columns:
        return tuple(groups)
    rest = groups[1:]
    if columns > 1 and rest and len(rest) % (columns - 1) == 0:
        size = len(rest) // (columns - 1)
        return (groups[0], *(" ".join(rest[i : i + size]) for i in range(0, len(rest), size)))
    return ()


def _first_sentence(text: str, start: int, end: int) -> str:
    """The first sentence of a span, its white space folded."""
    spans = sentences.split(text, start, end)
    a, b = spans[0] if spans else (start, end)
    return " ".join(text[a:b].split())


def units(text: str, start: int = 0, published: dt.date | None = None, title: str | None = None) -> list[Unit]:
    """The units of text[start:], in order: each structured line on its own, prose lines in paragraphs."""
    lines = _lines(text, start)
    kinds = [line.kind for line in lines]
    n = len(lines)

    def nonblank(i: int, step: int) -> int | None:
        j = i + step
        while 0 <= j < n and kinds[j] == "blank":
            j += step
        return j if 0 <= j < n else None

    def body(i: int) -> str:
        return text[lines[i].content : lines[i].end]

    # Code: fenced blocks, and indented blocks after a blank line that look like code.
    in_fence = False
    for i, line in enumerate(lines):
        if kinds[i] == "fence" or in_fence:
            if kinds[i] == "fence":
                in_fence = not in_fence
            kinds[i] = "code"
        elif (text.startswith(("    ", "\t"), line.start) and kinds[i] in ("prose", "label") and
              (i == 0 or kinds[i - 1] in ("blank", "code")) and _CODE_LIKE.search(body(i))):
            kinds[i] = "code"
            j = i + 1
            while j < n and (kinds[j] == "blank" or text.startswith(("    ", "\t"), lines[j].start)):
                if kinds[j] != "blank":
                    kinds[j] = "code"
                j += 1
    # Chrome sections: from a "Related"/"Comments" heading to the article's next long prose; a
    # "Categories"/"Tags" label and the lines right below it.
    i = 0
    while i < n:
        if kinds[i] in ("prose", "list") and not lines[i].listed and CHROME_LIST.fullmatch(text, lines[i].start, lines[i].end):
            kinds[i] = "chrome"
            i += 1
            while i < n and kinds[i] != "blank":
                kinds[i] = "chrome"
                i += 1
        elif kinds[i] in ("prose", "list", "label") and i > 0 and kinds[i - 1] == "prose" \
                and VOTE_LINE.fullmatch(text, lines[i].start, lines[i].end):
            kinds[i] = "chrome"  # "57 points" right under a post's last line: its score (a heading stands apart)
            i += 1
        elif kinds[i] in ("prose", "list", "label", "glued-label") and not lines[i].listed and lines[i].end - lines[i].start <= 200 \
                and CHROME_LINE.fullmatch(text, lines[i].start, lines[i].end) \
                and not CHROME_SECTION.fullmatch(text, lines[i].start, lines[i].end):  # "Read more:" alone heads a section
            kinds[i] = "chrome"  # "Related: ... | 3 comments": the line alone
            i += 1
            # A forum post's stamp on the line below its header: "#41 jo_ph | Posts: 3,847", then
            # "Tue Nov 14, 2023 6:12 am" or "Jun 24, 2024 #41" (a date with its time or the post's number).
            if i < n and kinds[i] in ("date-line", "prose") and _STAMP.fullmatch(text, lines[i].start, lines[i].end):
                kinds[i] = "chrome"
                i += 1
        elif kinds[i] in ("prose", "list") and not lines[i].listed and CONTENTS.fullmatch(text, lines[i].start, lines[i].end):
            kinds[i] = "chrome"
            j = nonblank(i, 1)
            while j is not None and j < n and kinds[j] in ("prose", "list") and lines[j].end - lines[j].start <= _CONTENTS_ENTRY_MAX \
                    and not _TERMINAL.search(text, lines[j].start, lines[j].end):
                kinds[j] = "chrome"
                j += 1
            i = j if j is not None else n
        elif kinds[i] in ("prose", "list", "label") and not lines[i].listed and CHROME_SECTION.fullmatch(text, lines[i].start, lines[i].end):
            kinds[i] = "chrome"
            j = i + 1
            # A thread's "Comments" over posts that each open with their author's header ("u/ana · 5 hours
            # ago · 87 points"): the posts are the page's content, each header chrome by its own rule.
            k = nonblank(i, 1)
            if k is not None and _THREAD.fullmatch(text, lines[i].start, lines[i].end) and lines[k].end - lines[k].start <= 200 \
                    and CHROME_LINE.fullmatch(text, lines[k].start, lines[k].end):
                i = j
                continue
            while j < n:
                line_text = text[lines[j].start : lines[j].end].strip()
                if kinds[j] == "blank":
                    j += 1
                    continue
                if kinds[j] == "prose" and len(line_text) >= _ARTICLE_PROSE_MIN and _SENTENCE_END.search(line_text) \
                        and kinds[j - 1] == "blank":
                    break
                kinds[j] = "chrome"
                j += 1
            i = j
        else:
            i += 1
    # Numbered lists without punctuation: "1 The Kyoto Protocol ..." followed by "2 United Nations ...".
    bare: dict[int, tuple[int, int]] = {}
    for i in range(n):
        if kinds[i] in ("prose", "label") and (m := _BARE_NUMBER.match(text, lines[i].start, lines[i].end)):
            bare[i] = (int(m["n"]), m.end())
    listed_bare: dict[int, int] = {}
    for i, (number, content_at) in bare.items():
        nxt, prv = nonblank(i, 1), nonblank(i, -1)
        if (nxt in bare and bare[nxt][0] == number + 1) or (prv in bare and bare[prv][0] == number - 1):
            listed_bare[i] = content_at
    # Tables: pipe rows (the header is the row above a rule line) and rows of spaced numbers.
    headers: dict[int, tuple[str, ...]] = {}
    captions: dict[int, str] = {}
    current: tuple[str, ...] = ()
    caption: str | None = None
    for i in range(n):
        if kinds[i] == "table-rule" and i > 0 and kinds[i - 1] == "table-row":
            current = tuple(text[a:b] for a, b in _row_cells_pipe(text, lines[i - 1].content, lines[i - 1].end))
            kinds[i - 1] = "table-header"
            above = nonblank(i - 1, -1)
            caption = body(above) if above is not None and kinds[above] == "prose" and len(body(above)) <= _CAPTION else None
        elif kinds[i] == "table-row":
            headers[i] = current
            if caption:
                captions[i] = caption
        elif kinds[i] != "table-rule":
            current, caption = (), None
    # A pipe table written without its outer pipes or a rule line ("Date | Distance (km) | Drift (km per
    # day)", then "31 May 2023 | 38 | 3.2"): a run of three lines or more, each of the same three or more short
    # cells, headed by a line of names. (Two parts are a page's strip: "Eurostar | Eurotunnel".)
    for i in range(n):
        if not (kinds[i] == "prose" and (i == 0 or kinds[i - 1] not in ("prose", "meta-line"))):
            continue
        head = _bare_pipe_cells(body(i))
        last = i
        while head and last + 1 < n and kinds[last + 1] in ("prose", "meta-line") \
                and len(_bare_pipe_cells(body(last + 1))) == len(head):
            last += 1
        if not head or last - i < 2 or any(_NUMERIC.match(cell) for cell in head):
            continue  # a header names its columns: no cell of it is a figure
        kinds[i] = "table-header"
        names = tuple(text[a:b] for a, b in _row_cells_pipe(text, lines[i].content, lines[i].end))
        for row in range(i + 1, last + 1):
            kinds[row] = "table-row"
            headers[row] = names
    spaced: dict[int, list[tuple[int, int]]] = {}
    for i in range(n):
        if kinds[i] == "prose" and not lines[i].listed:
            cells = _row_cells_spaced(text, lines[i].content, lines[i].end)
            if cells:
                spaced[i] = cells
    for i in sorted(spaced):
        if i - 1 in spaced or i + 1 not in spaced:
            continue  # a run of rows is handled from its first row; a row alone is prose
        head, last = i - 1, i
        while last + 1 in spaced:
            last += 1
        names: tuple[str, ...] = ()
        if head >= 0 and kinds[head] == "prose" and not re.search(r"\d", body(head)) and len(body(head).split()) <= 10:
            names = _spaced_headers(body(head), len(spaced[i]))
            if names:
                kinds[head] = "table-header"
        for row in range(i, last + 1):
            kinds[row] = "table-row"
            headers[row] = names
    # Glued labels only count in a run of short lines (an infobox), where names like "Covid19" are rare.
    for i in range(n):
        if kinds[i] == "glued-label":
            run = [j for j in (i - 1, i + 1) if 0 <= j < n and kinds[j] != "blank" and len(body(j).strip()) <= _SHORT]
            if not run:
                kinds[i] = "prose" if not lines[i].listed else "list"

    result: list[Unit] = []
    folded_title = _fold(title) if title else None
    title_seen = False
    i = 0
    while i < n:
        line, kind = lines[i], kinds[i]
        a, b = line.content, line.end
        while b > a and text[b - 1].isspace():
            b -= 1
        if kind == "blank" or a >= b:
            i += 1
            continue
        if not title_seen and folded_title and kind not in ("chrome", "code") and _fold(text[a:b]) == folded_title:
            result.append(Unit("title", a, b, split=False))
            title_seen = True
            i += 1
            continue
        title_seen = title_seen or kind not in ("chrome", "code", "byline", "dateline", "date-line")
        if kind == "code":
            j = i
            while j + 1 < n and kinds[j + 1] in ("code", "blank") and any(k == "code" for k in kinds[j + 1 : j + 2]):
                j += 1
            result.append(Unit("code", a, _trimmed(text, a, lines[j].end), split=False))
            i = j + 1
            continue
        if kind == "table-rule":
            i += 1
            continue
        if kind == "meta-line" and not _in_header(result):
            # Past the page's header "12 May 2021 | Paris" is content, but a forum post's header
            # ("Post #2 · Jun 21, 2024 · 10:15 PM") is chrome wherever it stands.
            kind = "chrome" if b - a <= 200 and CHROME_LINE.fullmatch(text, a, b) else "prose"
        if kind == "chrome" or (kind in RULES_BY_NAME and RULES_BY_NAME[kind].block in ("chrome", "byline", "dateline")):
            result.append(Unit(RULES_BY_NAME[kind].block, a, b, split=False))
            i += 1
            continue
        if kind == "markdown-heading" and _DATE_LINE.fullmatch(text, line.match.start("text"), b):
            kind, a = "date-line", line.match.start("text")  # "### 12 July 2022": the heading of an event
        if kind == "markdown-heading":
            m = line.match
            result.append(Unit("heading", m.start("text"), b, split=False))
            i += 1
            continue
        if kind in ("table-row", "table-header"):
            # A header row names the columns: a heading, whose words ("Seats 2019") are not cells.
            block = "table_row" if kind == "table-row" else "heading"
            result.append(Unit(block, a, b, headers=headers.get(i, ()), split=False, caption=captions.get(i)))
            i += 1
            continue
        if kind == "label":
            m = line.match
            result.append(Unit("label", a, b, label=m["label"].strip(), split=False))
            i += 1
            continue
        if kind == "glued-label":
            m = line.match
            result.append(Unit("label", m.start("value"), b, label=m["label"].strip(), split=False))
            i += 1
            continue
        if kind == "timeline-entry":
            j = _wrapped_to(text, lines, kinds, i, listed_bare)
            result.extend(_glued_entries(text, a, _trimmed(text, a, lines[j].end), "timeline"))
            i = j + 1
            continue
        if kind == "date-line":
            prv, nxt = nonblank(i, -1), nonblank(i, 1)
            near_byline = any(k is not None and kinds[k] == "byline" for k in (prv, nxt))
            above = body(i - 1).strip() if i > 0 and kinds[i - 1] == "prose" else ""
            # A time on the line makes it a posting stamp only in the page's header, before any content:
            # further down, "15 April 1912, 2.20 a.m." heads the event below it.
            header = _in_header(result)
            if near_byline or (header and _TIME_IN.search(text, a, b)) or _is_published(text[a:b], published):
                result.append(Unit("dateline", a, b, split=False))
            elif above and len(above) <= 40 and _heading_like(above) and not re.search(r"\d", above):
                # "Election date(s)" above "12 Dec 2019": a label stacked over its value.
                result.append(Unit("label", a, b, label=above, split=False))
            elif nxt is not None and kinds[nxt] in ("prose", "list"):
                result.append(Unit("timeline", a, b, event=_first_sentence(text, lines[nxt].content, lines[nxt].end), split=False))
            else:
                result.append(Unit("heading", a, b, split=False))
            i += 1
            continue
        if i in listed_bare:
            kind, a = "list", listed_bare[i]
        elif kind == "prose" and (m := _FULL_DATE_AT.match(text, a, b)) and _starts_block(text, lines, kinds, i):
            # "31st March 1909 Work begins on the hull.": a timeline row without a separator; a list
            # flattened into one line holds several ("15 October 2024 Draft tabled 5 November 2024 Debate opens").
            cuts = [k.start("key") for k in _DATED_KEY.finditer(text, m.end(), b)]
            for x, y in zip([a, *cuts], [*cuts, b], strict=True):
                y = _trimmed(text, x, y)
                key = _FULL_DATE_AT.match(text, x, y)
                result.append(Unit("timeline", x, y, event=" ".join(text[key.end() if key else x : y].split())))
            i += 1
            continue
        # Prose and list items: join the lines that wrap onto the next.
        j = _wrapped_to(text, lines, kinds, i, listed_bare)
        end = _trimmed(text, a, lines[j].end)
        block = "list" if kind == "list" or lines[i].listed or i in listed_bare else "sentence"
        if block == "sentence" and (m := WIRE_DATELINE.match(text, a, end)) and m.end() < end:
            result.append(Unit("dateline", a, _trimmed(text, a, m.end()), split=False))  # when the wire filed it
            a = m.end()
        if j == i and block == "sentence" and _standalone(kinds, i) and _heading_like(text[a:end]):
            result.append(Unit("heading", a, end, split=False))
        else:
            result.extend(_glued_entries(text, a, end, block))
        i = j + 1
    return result


# A news agency's dateline opening a story: "Nov 10 (The Ledger) - ...", "CAMBRIDGE, Mass., Nov. 9, 2023
# /PRNewswire/ -- ...". The agency's mark tells it from a sentence that opens with its date.
WIRE_DATELINE = patterns.compile(
    rf"(?:[A-Z][A-Za-z.' ]{{1,40}},[ \t]+(?:[A-Z][A-Za-z.]{{1,12}},[ \t]+)?)?{_WEEKDAY}?(?:{FULL_DATE})[ \t]*"
    r"(?:\([A-Z][\w .&'-]{1,40}\)|/[A-Za-z][\w .-]{1,30}/)[ \t]*(?:--|[-—–])[ \t]*", _FLAGS)
WIRE_DATELINE_EXAMPLES = ("Nov 10 (The Ledger) - Halvern won approval on Thursday.",
                          "CAMBRIDGE, Mass., Nov. 9, 2023 /PRNewswire/ -- Halvern today announced approval.")
WIRE_DATELINE_REJECTS = ("12 March 2019 (a Tuesday) was the day it opened.", "On Nov 10 (Reuters) said nothing.",
                         "Nov 10 - the day the bridge opened - was cold.")


def _in_header(units: list[Unit]) -> bool:
    """Whether the page's content has not begun yet: no sentence, list, label, timeline or table unit so far."""
    return not any(u.block in _CONTENT_BLOCKS for u in units)


def _wrapped_to(text: str, lines: list[Line], kinds: list[str], i: int, listed: dict[int, int]) -> int:
    """The last line of the paragraph that starts at line i (prose lines that wrap join it)."""
    j = i
    while j + 1 < len(lines) and kinds[j + 1] == "prose" and (j + 1) not in listed and _wraps(text, lines[j], lines[j + 1]):
        j += 1
    return j


def _trimmed(text: str, start: int, end: int) -> int:
    """`end` moved back over trailing white space."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _starts_block(text: str, lines: list[Line], kinds: list[str], i: int) -> bool:
    """Whether line i starts a block: first line, after a blank, a heading or a finished line."""
    if i == 0 or kinds[i - 1] in ("blank", "markdown-heading", "timeline-entry", "table-header", "date-line"):
        return True
    previous = text[lines[i - 1].start : lines[i - 1].end]
    return bool(_TERMINAL.search(previous)) or kinds[i - 1] != "prose" or len(previous.strip()) < _WRAP_MIN


def _wraps(text: str, line: Line, nxt: Line) -> bool:
    """Whether prose line `nxt` continues `line` (a line broken inside a sentence)."""
    previous = text[line.start : line.end]
    if _TERMINAL.search(previous):
        return False
    following = text[nxt.content : nxt.end].lstrip()
    return following[:1].islower() or len(previous.rstrip()) >= _WRAP_MIN


def _standalone(kinds: list[str], i: int) -> bool:
    """Whether line i stands between blank lines (or the ends of the text)."""
    return (i == 0 or kinds[i - 1] == "blank") and (i + 1 >= len(kinds) or kinds[i + 1] == "blank")


def _heading_like(line: str) -> bool:
    """A short line without terminal punctuation: a heading when it stands alone."""
    return len(line) <= 100 and len(line.split()) <= 14 and not re.search(r"[.!?;,]\W*$", line)


def _glued_entries(text: str, start: int, end: int, block: str) -> list[Unit]:
    """A paragraph, split where timeline entries were run into it ("... ends. 12 July 2022: ...")."""
    # A glued key ends with a colon or a dash: a paragraph without one has none (most prose).
    marked = text.find(":", start, end) >= 0 or text.find("–", start, end) >= 0 or text.find("—", start, end) >= 0
    cuts = [m.start("key") for m in _GLUED_KEY.finditer(text, start, end)] if marked else []
    if block == "timeline":  # a list flattened into its first entry: "1967 – work begins 14 September 1971 – it opens"
        cuts = sorted({*cuts, *(k.start("key") for pattern in (_INNER_KEY, _DATED_KEY) for k in pattern.finditer(text, start + 1, end))})
    if not cuts and block != "timeline":
        return [Unit(block, start, end)]
    bounds = [start, *cuts, end]
    result = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        while b > a and text[b - 1].isspace():
            b -= 1
        if a >= b:
            continue
        # The paragraph's first part too, once entries were found glued after it: it opens the timeline.
        m = _KEY_AT.match(text, a, b) if block == "timeline" or cuts else None
        if m:
            result.append(Unit("timeline", a, b, event=" ".join(text[m.end() : b].split())))
        else:
            result.append(Unit(block, a, b))
    return result
