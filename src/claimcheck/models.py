"""Frozen data models that cross pipeline stages.

msgspec Structs, not pydantic models: the same frozen, typed records and a validating JSON decoder (the
cache reads its entries with it), at a fifth of the import and build time (15-30 ms against 110-145 ms
for pydantic and its models, most of `report`'s start-up) and a seventh of the cost to make one (0.7 µs
against 4.8 µs a claim). A Struct does not check its fields when code makes one: the stages make them
from values they have already parsed; the cache's decoder checks every field of what it reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import msgspec

Role = Literal["record", "secondary"]
Kind = Literal["date", "quantity"]
Granularity = Literal["day", "month", "season", "year", "decade", "century"]
Approx = Literal["exact", "about", "over", "under", "at_least", "at_most"]
Verdict = Literal["agree", "conflict", "unsupported"]
DateBound = Literal["on_or_before", "on_or_after"]
# What kind of unit of a page a sentence is (structure.py decides; DESIGN.md "Structure and frames").
# "chrome" is page furniture that holds no claims: breadcrumbs, slide counters, copyright lines,
# related-links and comment sections.
Block = Literal["sentence", "heading", "title", "byline", "dateline", "list", "table_row", "label", "timeline", "code",
                "chrome"]


# A copy of a model with some fields changed: `changed(claim, rule="total")`.
changed = msgspec.structs.replace


class Frozen(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Base for every model: immutable, no unknown fields (when decoded); each subclass takes kw_only=True too
    (msgspec applies it to the fields a class itself defines), so that fields are given by name."""


class Source(Frozen, kw_only=True):
    """One document with its front matter and body."""

    path: str
    name: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    published_granularity: Granularity | None = None
    role: Role = "secondary"
    url: str | None = None
    text: str
    body_offset: int = 0

    @property
    def label(self) -> str:
        """The name findings use for this source: its title, else its file stem."""
        return self.title or self.name


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its exact character span in the source text.

    A plain frozen dataclass, not a pydantic model: one is made for every sentence of every document
    and none crosses the JSON contract, so validation would be pure overhead (issue 16).
    """

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    block: Block = "sentence"
    label: str | None = None  # "Label: value" lines: the label ("Launch"); glued ones too ("Opened14 March 2004")
    headers: tuple[str, ...] = ()  # table rows: the column headers of their table
    event: str | None = None  # timeline entries: the entry's text without its date
    caption: str | None = None  # table rows: the line above their table, which may give its unit


class DateValue(Frozen, kw_only=True):
    """A date claim's normalised interval."""

    start: dt.date | None
    end: dt.date | None
    granularity: Granularity
    text: str
    relative: bool = False
    resolved_from: dt.date | None = None
    unresolved: bool = False
    # "by June", "no later than 2026": the event falls on or before the end of [start, end], not inside it;
    # "no earlier than 2026", "not before June": on or after its start. None: inside the interval.
    bound: DateBound | None = None


class Quantity(Frozen, kw_only=True):
    """A quantity claim's normalised value, bounds and unit."""

    value: float
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    approx: Approx = "exact"
    noun: str | None = None
    step: float | None = None  # place value of the last digit written with decimals ("1.3 km": 0.1)
    text: str | None = None  # values one number cannot hold: a score line "4-2" ("4-2 pens", "3-3 aet")


class Claim(Frozen, kw_only=True):
    """One dated or numeric assertion and exactly where it came from."""

    source: str
    path: str
    line: int
    column: int
    offset: int
    sentence: str
    sentence_index: int
    sentence_start: int
    quote: str
    kind: Kind
    role: Role
    rule: str
    date: DateValue | None = None
    quantity: Quantity | None = None
    # Structure the claim stands in (segment.py): the unit's kind, and what names the value there.
    block: Block = "sentence"
    label: str | None = None  # a fact sheet label, or the table column header of the cell
    row: str | None = None  # table cells: the row's first cell ("Guinea")
    event: str | None = None  # timeline entries: the entry's text without its date

    @property
    def end_offset(self) -> int:
        """Offset just past the quote in the source text."""
        return self.offset + len(self.quote)


class Evidence(Frozen, kw_only=True):
    """The record's sentence and quote that decided a verdict."""

    path: str
    line: int
    sentence: str
    quote: str


class Finding(Frozen, kw_only=True):
    """A secondary claim with its verdict against the record."""

    claim: Claim
    verdict: Verdict
    evidence: Evidence | None
    reason: str
    score: float
    fingerprint: str


class Summary(Frozen, kw_only=True):
    """Counts of a reconciliation run."""

    record: str
    sources: int
    findings: int
    agree: int
    conflict: int
    unsupported: int
