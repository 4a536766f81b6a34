"""Stage 2b: sentence boundaries inside one unit of text, as people read them.

A sentence ends at terminal punctuation (or an ellipsis), after any closing quotes, brackets and
citation markers (".[9][10]"), when a likely sentence start follows. A period after an abbreviation
or an initial ("U.S.", "Jan.", "J.") ends a sentence only when the next word clearly starts one
("The", "It", "In"): a proper noun or a number after it continues the sentence ("U.S. News",
"Jan. 25"). After "a.m."/"p.m." any capitalised word starts one, except a time zone ("EDT"). A line break is
white space like any other: structure.py has already decided which lines belong together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns
from .lexicon import WEEKDAYS
from .rules import scanner

# Terminal punctuation, closing quotes/brackets, citation markers ("[9]", "[10][11]", "[update]",
# "[citation needed]"), then white space - or none when a capitalised word follows straight on
# ("in December 2015.The talks ended"; checked in code: only after a digit or a lower-case word).
# Possessive quantifiers and the look-behind keep a long run of dots linear: a run is tried once,
# from its first character, and never given back.
BOUNDARY = patterns.compile(
    r"(?<![.!?…])(?P<end>[.!?…]++)"
    r"(?P<close>[\"'”’)\]]*+)"
    r"(?P<cites>(?:\[(?:\d{1,3}(?:[,–-]\d{1,3})*|[a-z][a-z ]{0,24})\])*+)"
    r"(?P<space>[ \t\n\u00a0]+|(?=[A-Z][a-z]))"
    r"(?=[\"'“‘(\[]?[A-Z0-9])"
)
_BOUNDARY_SCAN = scanner(BOUNDARY)  # the same matches; re skips straight to terminal punctuation
# Abbreviations that stand before a name or a number: never the end of a sentence ("Dr. Leendertz",
# "St. Louis", "Tel. 01632 960 441", "Rs. 3,200").
TITLES = frozenset("mr mrs ms dr prof sr jr st mt ft col gen lt sgt capt cpt maj adm gov sen rep rev hon fr tel fax rs".split())
# Abbreviations that may end a sentence, but usually do not ("4:50 a.m. PDT", "the U.S. Department").
ABBREVIATIONS = frozenset(
    """a.m p.m am pm no nos vol fig figs eq p pp ed eds inc ltd co corp bros dept est approx vs etc al e.g i.e cf
    ca c u.s u.k u.n u.s.a e.u d.c jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur
    thurs fri sat sun""".split()
)
_LONGEST = max(map(len, TITLES | ABBREVIATIONS))
# Words that, capitalised after an abbreviation, clearly start a new sentence: function words, which
# are capitalised only because a sentence begins with them ("... 10:00 a.m. The storm").
STARTERS = frozenset(
    """the a an this that these those there here it its he she they we i you his her their our my your
    in on at as after before during since when while although though if once for from by with without
    to but and or so yet however meanwhile also still then thus later earlier today yesterday some many
    most all each every both no none another other such what which who how why where
    is are was were has have had will would can could should may might must do does did""".split()
)


@dataclass(frozen=True)
class Case:
    """A table row: a text and the sentences a careful reader splits it into."""

    text: str
    sentences: tuple[str, ...]
    field: str


def _word_before(text: str, dot: int) -> str:
    """The word (letters and inner periods) that ends at the period at `dot`."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    return text[start:dot]


def _word_after(text: str, start: int) -> str:
    """The letters of the word that starts at `start`, past an opening quote or bracket."""
    while start < len(text) and text[start] in "\"'“‘([":
        start += 1
    end = start
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]


def is_boundary(text: str, m: re.Match[str]) -> bool:
    """Whether a BOUNDARY match ends a sentence (abbreviations, initials and glued words decide)."""
    end = m["end"]
    if not m["space"]:
        # No space: only "2015.The", "end.The" - never "U.S.The" or a file or domain name.
        before = text[max(0, m.start() - 2) : m.start()]
        if end != "." or m["close"] or not (before[-1:].isdigit() or (len(before) == 2 and before.islower())):
            return False
    if end != ".":
        return True  # "!", "?", "...", "…"
    if text[max(0, m.start() - _LONGEST - 1) : m.start()].isalpha() and m.start() > _LONGEST:
        return True  # a word longer than every title and abbreviation, without inner periods (most sentences)
    word = _word_before(text, m.start())
    lower = word.lower()
    if lower in TITLES:
        return False
    if lower in ("a.m", "p.m"):
        # After a time only a time zone ("EDT"), a lower-case word or the day it fell on ("2:37 a.m.
        # Saturday", newswire style) continues the sentence.
        after = _word_after(text, m.end())
        return after.lower() in STARTERS or (len(after) > 1 and after[0].isupper() and after[1:].islower()
                                             and after.lower() not in WEEKDAYS)
    if lower in ABBREVIATIONS or lower.rstrip(".") in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return _word_after(text, m.end()).lower() in STARTERS  # "a.m. The" ends; "a.m. PDT", "J. Smith" do not
    if "." in word and len(word) <= 6 and word.replace(".", "").isalpha() and word[:1].isupper():
        return _word_after(text, m.end()).lower() in STARTERS  # other dotted initialisms: "N.A.T.O."
    return True


def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], trimmed of surrounding white space."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY_SCAN.finditer(text, start, end):
        if m.start() <= cursor or not is_boundary(text, m):
            continue
        cut = m.end("cites") if m["cites"] else m.end("close")
        spans.append((cursor, cut))
        cursor = m.end()
    spans.append((cursor, end))
    result = []
    for a, b in spans:
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            result.append((a + lead, a + trail))
    return result


def sentences(text: str) -> list[str]:
    """The sentences of a text (for tests and the benchmark)."""
    return [text[a:b] for a, b in split(text)]


# The table the splitter is measured on (tests/test_sentences.py, benchmarks/sentences.py): cases
# from several fields, with the split a careful reader makes.
CASES: tuple[Case, ...] = (
    Case("The treaty was signed in 2004.[12] It ended the war.", ("The treaty was signed in 2004.[12]", "It ended the war."), "history"),
    Case("He fell ill on 2 December 2013, and four days later he was dead.[7][8][9] Next his sister became ill.",
         ("He fell ill on 2 December 2013, and four days later he was dead.[7][8][9]", "Next his sister became ill."), "health"),
    Case("Cases rose again from March 2016.[4] In June 2016 the country was declared free once more.[5]",
         ("Cases rose again from March 2016.[4]", "In June 2016 the country was declared free once more.[5]"), "health"),
    Case("The region was declared free,[3] but more cases were reported.", ("The region was declared free,[3] but more cases were reported.",), "health"),
    Case("Katrina came ashore at 6:10 a.m. a short way south of Buras.", ("Katrina came ashore at 6:10 a.m. a short way south of Buras.",), "science"),
    Case("The storm came ashore at 6:10 a.m. The surge followed within the hour.",
         ("The storm came ashore at 6:10 a.m.", "The surge followed within the hour."), "science"),
    Case("It lifted off at 3:34 a.m. EDT and climbed to 10 feet.", ("It lifted off at 3:34 a.m. EDT and climbed to 10 feet.",), "science"),
    Case("The dam failed at about 2:37 a.m. Saturday after hours of rain.",
         ("The dam failed at about 2:37 a.m. Saturday after hours of rain.",), "news"),
    Case("The polls closed at 10 p.m. Labour conceded an hour later.",
         ("The polls closed at 10 p.m.", "Labour conceded an hour later."), "politics"),
    Case("The polls closed at 10 p.m. By midnight the result was clear.",
         ("The polls closed at 10 p.m.", "By midnight the result was clear."), "politics"),
    Case("Open daily from 10:00. Tel. 01632 960 441 for group bookings.", ("Open daily from 10:00.", "Tel. 01632 960 441 for group bookings."),
         "culture"),
    Case("Regulators in the U.S. and Europe must approve the deal.", ("Regulators in the U.S. and Europe must approve the deal.",), "finance"),
    Case("U.S. News asked the Department of Health in 2005.", ("U.S. News asked the Department of Health in 2005.",), "health"),
    Case("The deal needs approval in the U.S. The company expects it in July.",
         ("The deal needs approval in the U.S.", "The company expects it in July."), "finance"),
    Case("The mission ended on Jan. 25, 2022, after a crash.", ("The mission ended on Jan. 25, 2022, after a crash.",), "science"),
    Case("The report was due in Jan. It came out in March.", ("The report was due in Jan.", "It came out in March."), "politics"),
    Case("The site was named Octavia E. Butler Landing in 2021.", ("The site was named Octavia E. Butler Landing in 2021.",), "science"),
    Case("The report by Richard D. Knabb was revised in 2006.", ("The report by Richard D. Knabb was revised in 2006.",), "science"),
    Case("Dr. Fabian Leendertz led the team. He found bats near the village.",
         ("Dr. Fabian Leendertz led the team.", "He found bats near the village."), "health"),
    Case("The club was founded by J. R. Smith in 1888. It won the league in 1901.",
         ("The club was founded by J. R. Smith in 1888.", "It won the league in 1901."), "sport"),
    Case("The storm surge reached St. Louis Bay at noon.", ("The storm surge reached St. Louis Bay at noon.",), "science"),
    Case("Boat No. 7 was lowered first.", ("Boat No. 7 was lowered first.",), "history"),
    Case("Shares rose 27% on Tuesday. Analysts had expected less.", ("Shares rose 27% on Tuesday.", "Analysts had expected less."), "finance"),
    Case("Was it worth $68.7 billion? Investors thought so.", ("Was it worth $68.7 billion?", "Investors thought so."), "finance"),
    Case("Margins could not be finer! France scored twice in 97 seconds.",
         ("Margins could not be finer!", "France scored twice in 97 seconds."), "sport"),
    Case("The score stood at 3-3... Then came the penalties.", ("The score stood at 3-3...", "Then came the penalties."), "sport"),
    Case("Nobody knew what came next… A shoot-out decided it.", ("Nobody knew what came next…", "A shoot-out decided it."), "sport"),
    Case("Paris hosted the talks from 30 November to 12 December 2015.The talks ended with an agreement.",
         ("Paris hosted the talks from 30 November to 12 December 2015.", "The talks ended with an agreement."), "politics"),
    Case("The surge was 28 feet high.\nIt wrecked the coastal towns.", ("The surge was 28 feet high.", "It wrecked the coastal towns."), "science"),
    Case("Of the storms that season Katrina ranked only third, yet it was the worst natural\ndisaster the country has seen.",
         ("Of the storms that season Katrina ranked only third, yet it was the worst natural\ndisaster the country has seen.",), "science"),
    Case('"When everyone plays, we all win." Spencer closed the announcement there.',
         ('"When everyone plays, we all win."', "Spencer closed the announcement there."), "finance"),
    Case("The turnout was 67.3%. In 2017 it had been 68.8%.", ("The turnout was 67.3%.", "In 2017 it had been 68.8%."), "politics"),
    Case("The ship measured 882.6 feet. Her breadth was 92.6 feet.", ("The ship measured 882.6 feet.", "Her breadth was 92.6 feet."), "history"),
    Case("Work started in 1988. 1994 saw the opening.", ("Work started in 1988.", "1994 saw the opening."), "history"),
    Case("Messi scored in the 23rd minute (pen.) and Di María added a second.",
         ("Messi scored in the 23rd minute (pen.) and Di María added a second.",), "sport"),
    Case("The vaccine was approved by the F.D.A. in May. It was given to 2 million people.",
         ("The vaccine was approved by the F.D.A. in May.", "It was given to 2 million people."), "health"),
    Case("Inflation fell to 2.1 per cent, the lowest since 2021, etc. The bank held rates.",
         ("Inflation fell to 2.1 per cent, the lowest since 2021, etc.", "The bank held rates."), "finance"),
    Case("See pic.twitter.com/B60hvu9Tbx for the goal.", ("See pic.twitter.com/B60hvu9Tbx for the goal.",), "sport"),
    Case("The Senate passed the bill 52-48. The House followed on Friday.",
         ("The Senate passed the bill 52-48.", "The House followed on Friday."), "politics"),
    Case("Mortality was about 40%. (Estimates vary.) Most deaths were in Guinea.",
         ("Mortality was about 40%.", "(Estimates vary.)", "Most deaths were in Guinea."), "health"),
)
