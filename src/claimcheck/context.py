"""Helpers that read the words around a match: the context that decides what a number is."""

from __future__ import annotations

import re

from . import patterns
from .lexicon import IDENTIFIER_WORDS, LETTER_CURRENCY_PREFIXES, MONTHS, TIME_ZONES

_WORD_BEFORE = patterns.compile(r"([\w.#'’-]+)[ \t]*$")
_WORD_AFTER = patterns.compile(r"[ \t]*([A-Za-z][\w'’-]*)")
_WORD_CHAR = patterns.compile(r"\w")
LOOKBEHIND = 64  # characters searched back for the word before a match
_LETTER_CURRENCY = patterns.compile(r"\b(?:" + "|".join(re.escape(p) for p in LETTER_CURRENCY_PREFIXES) + r")\Z")
_HYPHEN_PREFIX = patterns.compile(r"([A-Za-z]+)-\Z")
_SERIES = patterns.compile(r"([A-Za-z.]+)[ ]+\d+(?:[ ]*,[ ]*\d+)*[ ]*(?:,|and|or|&|to)[ ]*\Z")
# Prefixes before a hyphen that qualify a date or amount rather than name a thing.
DATE_PREFIXES = frozenset("mid pre post early late end over under non circa magnitude category".split())
# How far before a date the tense checks read (future_tense, is_past, looks_ahead), in characters.
TENSE_WINDOW = 60
# Future-in-the-past ("would reach pharmacies in January"), a schedule ("the next decision is due on
# May 2", "the closing ceremony is scheduled for Sunday, August 1") and an expectation ("we expect
# cuts in May") place a yearless date ahead of the writing too.
_FUTURE = patterns.compile(
    r"\b(?:will|shall|won't|'ll|would|is\s+set\s+to|are\s+set\s+to|(?:is|are|was|were)\s+(?:not\s+)?(?:scheduled|expected|due|planned|slated|forecast|likely|unlikely)\s+to|"
    r"(?:is|are)\s+to\s+be|(?:has|have)\s+until|"  # "The agreed record is to be signed on Thursday", "has until December 11"
    r"(?:has|have)\s+(?:promised|pledged|vowed)\b(?!\s+(?:in|on|last)\b)|"  # a promise in force looks ahead: "has promised outcomes by 20 September"
    r"(?:is|are|remains?)\s+(?:scheduled|planned|slated|set)\s+for|(?:is|are)\s+(?:now\s+)?expected\s+(?:in|on|by|around)|(?:has|have)\s+(?:been\s+)?set\s+(?:it\s+)?(?:as|for)|"
    r"plans?\s+to|planning\s+to|intends?\s+to|going\s+to|(?:is|are)\s+(?:meant|supposed)\s+to|upcoming|forthcoming|next|(?:is|are)(?:\s+now)?\s+due|expects?|expecting"
    r"|(?:it|they|he|she|we)\s+expected\s+to"  # "said it expected to restore supply by Thursday": not "as expected"
    # "expected the plant to reopen on Dec. 2", "expects talks to resume on Monday": what someone expects of a
    # thing (not "had expected the company to report a loss on Tuesday", an expectation of the past)
    r"|(?<!had\s)expect(?:s|ed)?\s+(?:the|its|their|his|her|it|them)\b(?:\s+[\w-]+){0,3}?\s+to\s+(?!date\b)[a-z]+"
    r"|(?:is|are)?\s*listed\s+for"  # a court's "hearing listed for 9 September"
    r"|(?:has|have)\s+(?:scheduled|rescheduled|listed|fixed|booked)"  # "has scheduled a first hearing for Friday"
    r"|plans\s+(?:an?|the))\b",  # "The park plans a celebration on Saturday"
    re.IGNORECASE,
)
# (sentence, date, whether future_tense reads the date as still to come): the markers' examples.
FUTURE_EXAMPLES: tuple[tuple[str, str, bool], ...] = (
    ("The line is expected to open on 4 May.", "4 May", True),
    ("The utility said it expected to restore supply to all customers by Thursday.", "Thursday", True),
    ("The company expects to close the deal in March.", "March", True),
    ("As expected, the line opened on 4 May.", "4 May", False),
    ("Supply returned on Thursday, sooner than the utility expected.", "Thursday", False),
    ("The company expected the plant to reopen on Dec. 2 once inspectors signed off.", "Dec. 2", True),
    ("Analysts had expected the company to report a loss on Tuesday, and it did.", "Tuesday", False),
)


def word_before(sentence: str, start: int) -> str:
    """The word right before `start` (same clause: no punctuation between), or ''."""
    # What _WORD_BEFORE finds searched back from `start`, as a loop: 0.4 µs a call instead of 3.9, and
    # it runs for every candidate value. A bounded window keeps it O(1) per call.
    lo = max(0, start - LOOKBEHIND)
    end = start - 1 if start > lo and sentence[start - 1] == "\n" else start  # `$` matches before a final newline
    while end > lo and sentence[end - 1] in " \t":
        end -= 1
    i = end
    while i > lo and (sentence[i - 1].isalnum() or sentence[i - 1] in "_.#'’-"):
        i -= 1
    return sentence[i:end]


def _word_before_by_regex(sentence: str, start: int) -> str:
    """The reference word_before is checked against (tests): the pattern it stands for."""
    match = _WORD_BEFORE.search(sentence, max(0, start - LOOKBEHIND), start)
    return match.group(1) if match else ""


def word_after(sentence: str, end: int) -> str:
    """The word right after `end` with only spaces between, or ''."""
    match = _WORD_AFTER.match(sentence, end, end + LOOKBEHIND)
    return match.group(1) if match else ""


def at_sentence_start(sentence: str, start: int) -> bool:
    """Whether only punctuation or quotes stand before `start`."""
    return not _WORD_CHAR.search(sentence, 0, start)


def is_name_word(sentence: str, start: int, word: str, initial: bool = False) -> bool:
    """A capitalised word or acronym (not a month) that would name a thing.

    A sentence-initial capital proves nothing ("Only 5 came"), so it counts only when `initial` is set.
    """
    if not word or not any(ch.isupper() for ch in word) or word.lower().rstrip(".") in MONTHS:
        return False  # "iPhone", "eBay" count: a capital anywhere marks a name
    word_start = sentence.rfind(word, 0, start)
    return initial or not word[0].isupper() or not at_sentence_start(sentence, word_start)


_CODE_BEFORE = patterns.compile(r"(?<![\w-])[A-Za-z]{1,5}\d+-\Z")  # "NV236-", "A350-", "SU-9" (not "2019-")


# A year followed by a code of two capitals and digits is a provisional designation ("asteroid 2028
# RB14", "2003 UB313"): part of a name, neither a year nor an amount. One capital is a quarter or a half
# ("2024 Q1", "2021 H1"), and FY a fiscal year.
DESIGNATION_AFTER = patterns.compile(r"[ ](?!FY)[A-Z]{2}\d{1,3}\b")


_GROUPED = patterns.compile(r"\d{1,3}(?:,\d{3})+(?![\d,])")


def is_identifier_context(sentence: str, start: int) -> bool:
    """Whether the number starting at `start` is part of a name or an identifier, not an amount or year."""
    before = sentence[max(0, start - 2) : start]
    if before[-1:].isalnum():
        # "Covid19", "A400"; but "RM5.9 billion" is ringgit
        return not _LETTER_CURRENCY.search(sentence, max(0, start - 4), start)
    if before[-1:] == "-" and before[:1].isdigit() and _CODE_BEFORE.search(sentence, max(0, start - LOOKBEHIND), start):
        return True  # "NV236-15.0", "A350-900": a model code's second part
    if before[-1:] == "-" and before[:1].isalpha():
        prefix = _HYPHEN_PREFIX.search(sentence, max(0, start - LOOKBEHIND), start)
        # "COVID-19", "F-16", "Carbon-14" name things; "mid-2016", "pre-2008" do not.
        return not (prefix and prefix.group(1).lower() in DATE_PREFIXES)
    prev = word_before(sentence, start)
    if prev.lower().rstrip(".") in IDENTIFIER_WORDS or prev.lower() in IDENTIFIER_WORDS or prev == "#":
        # "Across both sections 7,920 games": after a plural a grouped number counts ("sections 4 and 5" name)
        return not (prev.endswith("s") and _GROUPED.match(sentence, start))
    if prev.lower() in ("and", "or", "&", "to") or sentence[max(0, start - 2) : start].strip() == ",":
        # "Resolutions 1970 and 1973", "sections 4, 5": the next identifier of a series
        series = _SERIES.search(sentence, max(0, start - LOOKBEHIND), start)
        return bool(series and series.group(1).lower().rstrip(".") in IDENTIFIER_WORDS)
    # A telephone number after a word that asks to call it: "call 555-0142", "the helpline is 1800 555 014".
    return bool(_PHONE.match(sentence, start)) and _PHONE_BEFORE.search(sentence, max(0, start - 32), start) is not None


# Digits in two groups or more, parted by a hyphen, a dot or a space, as a telephone number is written;
# read only after a word that asks to call it (is_identifier_context).
_PHONE = patterns.compile(r"\(?\d{2,5}\)?(?:[ .-]\d{2,4}){1,4}(?!\d|[.,]\d)")
_PHONE_BEFORE = patterns.compile(r"\b(?:call|phone|telephone|tel|helpline|hotline|fax|dial|ring|text|sms|whatsapp)\b\.?[^.!?\n]{0,24}\Z",
                                 re.IGNORECASE)
# (sentence, number, whether it is a telephone number): what is_identifier_context must read.
PHONE_EXAMPLES: tuple[tuple[str, str, bool], ...] = (
    ("Sign up to volunteer: call 555-0142 or visit our website.", "555", True),
    ("The helpline is 1800 555 014 if anyone needs it.", "1800", True),
    ("The helpline is 1800 555 014 if anyone needs it.", "555", True),
    ("Tel. 020 7946 0321", "020", True),
    ("The hotline took 1,200 calls in 24 hours.", "1,200", False),
    ("Call volumes rose 40% in 2023.", "40", False),
    ("He called 555 voters between 9 and 5.", "555", False),
)


_CLOCK = patterns.compile(r"[01]\d[0-5]\d|2[0-3][0-5]\d")  # "0945", "1800"


def is_clock_time(sentence: str, start: int, end: int) -> bool:
    """Whether the four digits at [start, end) are a time of day: "0945 GMT", "1800 UTC", "at 0600 hours"."""
    if not _CLOCK.fullmatch(sentence, start, end):
        return False
    after = word_after(sentence, end).lower()
    return after in TIME_ZONES or (after in ("hours", "h") and (sentence[start] == "0" or word_before(sentence, start) == "at"))


# A timetable in the present, right before its day: "Regular service begins on Monday", "The tour opens
# June 6", "opens at the Hofgalerie Kassel on March 22" are to come (while "The harvest begins in early
# September" is any year's, the last one). Not an infinitive: "was meant to come out on 30 September" is
# a plan that was, and "is meant to come out" looks ahead through its own words (_FUTURE).
_TIMETABLE = patterns.compile(r"\b(?:begins|starts|opens|reopens|resumes|kicks\s+(?:off|in)|(?<!\bto\s)kick\s+in|goes\s+live"
                              r"|takes\s+place|takes\s+effect"
                              r"|comes\s+(?:into\s+(?:force|effect)|off|out)|(?<!\bto\s)come\s+out|closes|ends)\b(?:[^.;:\n]{0,60}?\bon)?\s*\Z"
                              r"|\b(?:runs|lasts|continues)\s+(?:until|till|through)(?:\s+the)?(?:\s+(?:end|start|middle)\s+of)?\s*\Z",
                              re.IGNORECASE)


# A future told in the past: "announced that the road would close", "was due to open". It counts from the
# story's date, not from the writing (resolve's `reported`).
_REPORTED = patterns.compile(r"^(?:would|was|were)\b", re.IGNORECASE)
_TOLD = patterns.compile(r"\b(?:said|announced|confirmed|stated|reported|told|added|warned|decided|agreed|promised"
                         r"|predicted|insisted|explained|noted|wrote|claimed|revealed|indicated)\b", re.IGNORECASE)
# (sentence, date, whether its future is told in the past): what future_tense must read.
REPORTED_EXAMPLES: tuple[tuple[str, str, bool], ...] = (
    ("On 19 March the company announced that the road would close on 21 March.", "21 March", True),
    ("The council said in November the bridge would reopen on 4 January.", "4 January", True),
    ("The line was due to open on 4 May.", "4 May", True),
    ("The road will close on 21 March.", "21 March", False),
    ("Fans hope the band would play on 4 May.", "4 May", False),  # no past before it: a wish, as written
)


def future_tense(sentence: str, start: int, window: int = TENSE_WINDOW) -> tuple[bool, bool]:
    """Whether a future-tense marker stands shortly before `start` ("will begin in July") with no past
    tense between them ("said it would leave, and that took effect last November"), or a timetable in the
    present; and whether that future is told in the past: "was due to", or "would" after a past verb
    ("announced that the road would close on 21 March"). One scan of the words before `start` answers both."""
    lo = max(0, start - window)
    before = sentence[lo:start]
    markers = list(_FUTURE.finditer(before))
    if _TIMETABLE.search(before):
        future = True
    elif not markers:
        return False, False
    else:
        future = not _says_past(before[markers[-1].end() :])
    if not future or not markers or not _REPORTED.match(markers[-1].group()):
        return future, False
    last = markers[-1]
    return True, not last.group().lower().startswith("would") or _TOLD.search(sentence, 0, lo + last.start()) is not None


# A bare weekday with no tense of its own is the coming one where the words look ahead to it: a deadline
# ("until at least Friday", "till Friday", "through Sunday", "by Thursday night", "until 1300 GMT on
# Friday"), a possibility ("as early as Monday", "could fall through Tuesday", "should be back on by"), an
# arrangement ("he's holding a presser Tuesday", "assessor coming Thursday"). Read only where no past word
# stands before it (is_past), so "the road was closed until Friday" stays behind the writing.
_LOOKS_AHEAD = patterns.compile(
    r"\b(?:until|till|til|through|thru|by)(?:[ \t]+at[ \t]+(?:the[ \t]+)?(?:least|latest|earliest))?"
    r"(?:[ \t]+\d{1,2}(?:[:.]?\d\d)?(?:[ \t]*(?:[ap]\.?m\.?|GMT|UTC|BST|CET|local[ \t]+time))?)?(?:[ \t]+on)?[ \t]*\Z"
    r"|\bas[ \t]+(?:early|soon)[ \t]+as(?:[ \t]+on)?[ \t]*\Z|\bcoming(?:[ \t]+on)?[ \t]*\Z"
    r"|\b(?-i:could|should|may|might|must|can)\b(?![ \t]+(?:not|have|never)\b)(?!n't)"  # lower case: not "May 8"
    r"|\b(?:is|are|am|(?:he|she|it|they|we|you|i|who|that)(?:'|\u2019)(?:s|re|m))[ \t]+(?:\w+[ \t]+)?\w+ing\b",
    re.IGNORECASE)
# (sentence, weekday, whether looks_ahead reads it as the coming one): the rule's examples.
LOOKS_AHEAD_EXAMPLES: tuple[tuple[str, str, bool], ...] = (
    ("The state of emergency stays in place until at least Friday.", "Friday", True),
    ("The flood warning's still up for the Quayside till Friday.", "Friday", True),
    ("Fares are waived through Sunday.", "Sunday", True),
    ("Flights are cancelled until 1300 GMT on Friday.", "Friday", True),
    ("The ship could begin deliveries as early as Monday.", "Monday", True),
    ("Channel 7 says he's holding a presser Tuesday at 10.", "Tuesday", True),
    ("Insurance assessor coming Thursday.", "Thursday", True),
    ("Shares in Velora jumped 6% on Thursday.", "Thursday", False),
    ("The ferry could not sail on Tuesday.", "Tuesday", False),
    ("Rescuers may have reached the village on Sunday.", "Sunday", False),
    ("Nearly 4,000 homes have been without power since Monday.", "Monday", False),
    ("Tessaly's closing price of $86.42 on Friday", "Friday", False),  # a possessive before a gerund
    ("The expedition ran from May 8 to May 21 and wrapped up on Tuesday.", "Tuesday", False),
    ("By Friday evening it had grown to roughly 100 feet across.", "Friday", False),  # the past after it
)


def looks_ahead(sentence: str, start: int, end: int, window: int = TENSE_WINDOW) -> bool:
    """Whether the words before a bare weekday (at start..end) look ahead to it (_LOOKS_AHEAD), and no past
    word follows it ("By Friday evening it had grown")."""
    return _LOOKS_AHEAD.search(sentence, max(0, start - window), start) is not None \
        and not _PAST.search(sentence, end, end + window)


# Past-tense words that leave no doubt (regular "-ed" forms are often participles: "the mission, called OUP").
_PAST = patterns.compile(
    r"\b(?:was|were|had|did|took|came|went|began|fell|rose|happened|occurred|ago|already|earlier"
    r"|(?:was|were|had|did)n(?:'|\u2019)t"  # "didn't come until Wednesday"
    # irregular past forms that are no present, infinitive or passive participle ("will be paid", "will be
    # held" are plans): "..., the museum said on Thursday"
    r"|said|wrote|gave|saw|got"
    # and those that are passive participles too, where no form of "be" makes them one ("the ship left at
    # the end of August", but "will be left", "are held every March", "get paid through Nov. 17")
    # (the word before must be in view: a window that starts at the participle cannot tell)
    r"|(?<=\w\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bget\s)(?<!\bgets\s)"
    r"(?:left|told|sent|sold|lost|won|paid|held|built|hit|met|struck|brought|bought|caught|fought|taught|thought))\b",
    re.IGNORECASE
)
# Plans and states, not past events, though they end in "-ed": "scheduled for October 31", "expected in May".
_NOT_PAST_ED = frozenset("scheduled planned expected slated intended proposed billed tipped need feed speed".split())
_DATE_PREPOSITIONS = frozenset("on in at by during from the".split())
_PASSIVE_BE = frozenset("be been being is are am".split())


def _past_verb_before(before: str) -> bool:
    """A regular past form right before the date and its preposition: "announced on January 5", "closed in June"."""
    words = before.split()[-3:]
    while words and words[-1].lower() in _DATE_PREPOSITIONS:
        words.pop()
    verb = words[-1] if words else ""
    if len(words) > 1 and words[-2].lower() in _PASSIVE_BE:
        return False  # "will be announced on Sunday", "is being counted on Thursday": a passive, not a past
    return len(verb) > 4 and verb.endswith("ed") and verb.isalpha() and verb.islower() and verb not in _NOT_PAST_ED


def _says_past(text: str) -> bool:
    """Whether a text holds a past-tense word, or ends in a regular past form before its date's preposition."""
    return _past_verb_before(text) or bool(_PAST.search(text))


def is_past(sentence: str, start: int, window: int = TENSE_WINDOW) -> bool:
    """Whether a past-tense word stands shortly before `start` and no future marker does ("took effect on May 1"),
    or the date is one looked back to ("Applied back in November")."""
    before = sentence[max(0, start - window) : start]
    return not _FUTURE.search(before) and (_says_past(before) or _BACK_THEN.search(before) is not None)


# "back in" right before a date looks back to it, whatever the verb ("Applied back in November", "the prelim
# back in September was 3,500 t"); not where something comes or is back then ("the show is back in May").
_BACK_THEN = patterns.compile(
    r"(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bam\s)(?<!'s\s)(?<!\bcome\s)(?<!\bcomes\s)(?<!\bcoming\s)"
    r"(?<!\bget\s)(?<!\bgets\s)(?<!\bgo\s)(?<!\bgoes\s)(?<!\bbring\s)(?<!\bbrings\s)"
    r"\bback[ \t]+(?:in|on)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
# (sentence, date, whether is_past reads it as past): the rule's examples.
PAST_EXAMPLES: tuple[tuple[str, str, bool], ...] = (
    ("Applied back in November for the scheme, still nothing.", "November", True),
    ("HBAS said the prelim back in September was 3,500 t.", "September", True),
    ("The law took effect on May 1.", "May 1", True),
    ("The plow didn't come down our street until Wednesday.", "Wednesday", True),
    ("The festival is back in May with a new stage.", "May", False),
    ("The band comes back in June for two nights.", "June", False),
    ("The vote will be back in March.", "March", False),
    ("Talks resume in March.", "March", False),
    ("The report was meant to come out on 30 September.", "30 September", True),  # a plan that was
    ("The report is meant to come out on 30 September.", "30 September", False),
)


# A date that a superlative or a comparison measures against belongs to another event ("the worst since
# July 1927", "higher than in March 2010"): it gives later yearless dates no year.
_COMPARED = patterns.compile(
    r"\b(?:\w{2,}est|worst|best|most|least|first\s+time|record|higher|lower|more|less)\b[^.;:]{0,60}"
    r"\b(?:since(?:[ \t]+[^.;:,]{0,40}?\b(?:began|started|opened|launched|was[ \t]+(?:founded|established|first[ \t]+held))"
    r"[ \t]+in)?|than(?:[ \t]+in)?)[ \t]+(?:the[ \t]+)?"
    r"(?:\w+[ \t]+of[ \t]+)?$",
    re.IGNORECASE,
)
# So does the year a figure changed from: "recorded in 2024, down from 23 in 2023", "against 68.7% in 2017".
_CHANGED_FROM = patterns.compile(
    r"\b(?:(?:down|up)[ \t]+from|compared[ \t]+(?:with|to)|against)\b(?:[^.;:()]|\.(?=\d)){0,40}?\bin[ \t]+$",
    re.IGNORECASE)  # a decimal's point ends no clause
# (sentence, date, whether it is the other side of a comparison): what is_compared must read.
COMPARED_EXAMPLES: tuple[tuple[str, str, bool], ...] = (
    ("It was the worst flood since July 1927.", "July 1927", True),
    ("Rainfall was higher than in March 2010.", "March 2010", True),
    ("The highest March reading there since records began in 1961.", "1961", True),
    ("Called off for the first time since the fishing derby began in 1978.", "1978", True),
    ("Seventeen incidents were recorded in 2024, down from 23 in 2023.", "2023", True),
    ("Turnout was 67.2%, against 68.7% in 2017.", "2017", True),
    ("Sales rose to 1.2 million, up from 900,000 in 2019.", "2019", True),
    ("The old record, 106.5 F, dated from July 2, 1936.", "July 2, 1936", True),
    ("Seventeen incidents were recorded in 2024, down from 23 in 2023.", "2024", False),
    ("The road opened in 2024 after a mild start.", "2024", False),
    ("Records began in 1961 at the station.", "1961", False),
    ("Prices have fallen since 2019.", "2019", False),
)


# So does the date of the record a new one broke ("The old record, 106.5 F, dated from July 2, 1936", "the
# previous high, set on 3 May 2019"): the story is the new one.
_OLD_RECORD = patterns.compile(
    r"\b(?:old|previous|former|prior)[ \t]+(?:all-time[ \t]+|national[ \t]+|world[ \t]+)?(?:record|high|low|mark|best|peak)\b"
    r"(?:[^.;:]|\.(?=\d)){0,60}$", re.IGNORECASE)  # a decimal's point ends no clause: "106.5 F"


# A year that names a record by when it was set: "passed the 1998 record", "back to its 2019 peak".
_RECORD_AFTER = patterns.compile(r"[ \t]+(?:all-time[ \t]+)?(?:record|high|low|peak|best|mark)s?\b", re.IGNORECASE)


def names_a_record(sentence: str, end: int) -> bool:
    """Whether the year ending at `end` names a record ("the 1998 record"): the other side of a comparison,
    which gives the dates near it no year."""
    return _RECORD_AFTER.match(sentence, end) is not None


def is_compared(sentence: str, start: int, window: int = 90) -> bool:
    """Whether the date at `start` is the other side of a comparison ("the worst flood since July 1927") or
    the date of a record that was broken ("the old record ... dated from July 2, 1936")."""
    near = sentence[max(0, start - window) : start].lower()
    if ("since" in near[-64:] or "than" in near[-24:]) and _COMPARED.search(sentence, max(0, start - window), start):
        return True
    if " in" in near[-4:] and ("from" in near or "compared" in near or "against" in near) \
            and _CHANGED_FROM.search(sentence, max(0, start - 60), start):
        return True
    if "old " in near or "previous " in near or "former " in near or "prior " in near:  # most dates: no search
        return bool(_OLD_RECORD.search(sentence, max(0, start - window), start))
    return False
