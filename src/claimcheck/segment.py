"""Stage 2: a source's body as units with exact offsets - sentences, and the structured lines of a page.

structure.py decides what each unit is (heading, table row, "Label: value" line, timeline entry,
code, byline ...); sentences.py splits prose, list items and timeline entries into sentences.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable

from . import sentences, structure
from .models import Sentence


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of `text` begins."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of an offset, given `line_starts`."""
    index = bisect.bisect_right(starts, offset) - 1
    return index + 1, offset - starts[index] + 1


def segment(text: str, body_offset: int = 0, published: dt.date | None = None,
            title: str | None = None, keep: Callable[[int, int], bool] | None = None) -> list[Sentence]:
    """Every unit of the body, in order, with offsets into `text`.

    `published` tells a dateline (the page's own date on a line of its own) from a date heading;
    `title` (front matter) marks the body's first line when it repeats the title. With `keep`, only
    the units whose span it passes are made (extraction's prefilter: most sentences of prose have no
    value, and a Sentence costs more to make than to test); their `index` still counts every unit.
    """
    result: list[Sentence] = []
    index = 0
    for p_index, unit in enumerate(structure.units(text, body_offset, published, title)):
        spans = sentences.split(text, unit.start, unit.end) if unit.split else ((unit.start, unit.end),)
        for start, end in spans:
            if keep is None or keep(start, end):
                result.append(Sentence(
                    index=index, start=start, end=end, text=text[start:end], paragraph=p_index,
                    block=unit.block, label=unit.label, headers=unit.headers, event=unit.event,
                    caption=unit.caption,
                ))
            index += 1
    return result
