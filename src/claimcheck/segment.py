"""Stage 2: split a source's body into paragraphs and sentences with exact offsets."""

from __future__ import annotations

import bisect
import re

from .models import Sentence

# A line that starts a block of its own: Markdown heading, bullet, numbered item, quote, table row,
# or a timeline entry such as "22 June 2004: ..." / "2006: ...".
_BLOCK_START = re.compile(
    r"[ \t]*(?:#{1,6}\s|[-*+•][ \t]|\d{1,3}[.)][ \t]|>|\||"
    r"(?:\d{1,2}[ \t]+)?[A-Z][a-z]+\.?[ \t]+\d{4}[ \t]*:|(?:End|Early|Late|Mid)?[ \t]*\d{4}[ \t]*:)"
)
_MARKER = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|[-*+•][ \t]+|\d{1,3}[.)][ \t]+|>[ \t]*)")
_TERMINAL = re.compile(r"[.!?:;][\"'”’)\]]*[ \t]*$")
# Sentence ends: terminal punctuation (optionally closing quotes/brackets), then space, then a likely start.
_BOUNDARY = re.compile(r"([.!?]+[\"'”’)\]]*)([ \t]+)(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st col gen lt sgt capt cpt maj adm gov sen rep rev hon mt ft no nos vol
    fig figs eq p pp ed eds inc ltd co corp bros dept est approx vs etc al e.g i.e cf ca c u.s u.k u.n
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun""".split()
)
# Line-wrapped prose: a line at least this long without terminal punctuation continues on the next.
WRAP_MIN = 60


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of `text` begins."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of an offset, given `line_starts`."""
    index = bisect.bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1


def paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of paragraphs: blank lines and block starts separate them; wrapped lines join."""
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    previous_line = ""
    pos = start
    for line in text[start:].split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        stripped = line.strip()
        if not stripped:
            if current:
                spans.append(current)
            current, previous_line = None, ""
            continue
        joins = (
            current is not None
            and not _BLOCK_START.match(line)
            and not _TERMINAL.search(previous_line)
            and (stripped[0].islower() or len(previous_line.rstrip()) >= WRAP_MIN)
        )
        if joins:
            current = (current[0], line_end)
        else:
            if current:
                spans.append(current)
            current = (line_start, line_end)
        previous_line = line
    if current:
        spans.append(current)
    return spans


def _is_abbreviation(paragraph: str, dot: int) -> bool:
    """Whether the period at `dot` ends an abbreviation or an initial rather than a sentence."""
    word_start = dot
    while word_start > 0 and (paragraph[word_start - 1].isalpha() or paragraph[word_start - 1] == "."):
        word_start -= 1
    word = paragraph[word_start:dot].lower()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    return word in _ABBREVIATIONS or word.rstrip(".") in _ABBREVIATIONS


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside one paragraph span, trimmed of list markers and white space."""
    marker = _MARKER.match(text, start, end)
    if marker and marker.end() < end:
        start = marker.end()
    paragraph = text[start:end]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for match in _BOUNDARY.finditer(paragraph):
        punct = match.group(1)
        if punct == "." and _is_abbreviation(paragraph, match.start(1)):
            continue
        spans.append((cursor, match.end(1)))
        cursor = match.end()
    spans.append((cursor, len(paragraph)))
    result = []
    for a, b in spans:
        chunk = paragraph[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            result.append((start + a + lead, start + a + trail))
    return result


def segment(text: str, body_offset: int = 0) -> list[Sentence]:
    """Every sentence of the body, in order, with offsets into `text`."""
    sentences: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(paragraphs(text, body_offset)):
        for s_start, s_end in split_sentences(text, p_start, p_end):
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=s_start,
                    end=s_end,
                    text=text[s_start:s_end],
                    paragraph=p_index,
                )
            )
    return sentences
