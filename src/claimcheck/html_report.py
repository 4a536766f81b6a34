"""Render stage, HTML: one self-contained page (inline CSS, SVG and script; nothing fetched).

The page: counts per verdict and a verdict bar per source; a timeline of the record's events and
each source's date claims; each conflict with the claim and the record statement side by side;
the record's figures beside what the sources say; the findings table, filterable and sortable.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import json
import math
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote as url_quote

from .models import Claim, Finding, Summary
from .render import value_text

VERDICTS = ("conflict", "agree", "unsupported")

# Timeline geometry. Horizontal positions are fractions of the plot's width (SVG percentages), so
# the plot fills whatever width the page gives it; vertical positions and sizes are pixels, so
# marks and text keep their size on a narrow screen.
MIN_PLOT = 480  # px: the plot is never narrower (CSS min-width), and marks are packed at this width,
#                 so two marks that do not overlap here cannot overlap at any wider one
RADIUS = 5  # a point mark
GAP = 4  # px kept free between two marks
ROW = 2 * RADIUS + GAP  # vertical pitch of marks stacked in one lane
LANE_PAD = 6  # px above and below a lane's marks
AXIS = 26  # px below the lanes for the axis and its year labels
LABELS = 160  # px left of the plot for lane labels
LABEL_CHARS = 21  # a longer lane label is cut; its full text is its tooltip
UNRESOLVED = 72  # px right of the plot for claims with no date to place
QUIET_RUN = 2  # this many years in a row without a dated claim are compressed into one break
BREAK_YEARS = 0.5  # the width of a compressed run, in years
YEAR_LABEL_PX = 36  # year labels closer than this at MIN_PLOT are thinned out
LINKS_SHOWN = 20  # with more conflict links than this, each shows only while its mark is hovered or focused


def esc(value: object) -> str:
    """Escape text for HTML content and attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def _highlight(sentence: str, quote: str, at: int | None = None) -> str:
    """The sentence, escaped, with the quote marked: at `at` if it stands there, else where it first does.

    A total the record states as parts has the quote "5,000 + 10,000": each part is marked in turn.
    """
    if not quote:
        return esc(sentence)
    if at is None or sentence[at:at + len(quote)] != quote:
        at = sentence.find(quote)
    if at >= 0:
        return f"{esc(sentence[:at])}<mark>{esc(quote)}</mark>{esc(sentence[at + len(quote):])}"
    out, start = [], 0
    for part in quote.split(" + "):
        found = sentence.find(part, start) if part else -1
        if found < 0:
            continue
        out.append(f"{esc(sentence[start:found])}<mark>{esc(part)}</mark>")
        start = found + len(part)
    return "".join(out) + esc(sentence[start:])


def _claim_highlight(claim: Claim) -> str:
    """A claim's sentence with its own occurrence of the quote marked (a sentence may repeat it)."""
    return _highlight(claim.sentence, claim.quote, claim.offset - claim.sentence_start)


def href(path: str, line: int, page_dir: str | Path | None) -> str:
    """A link to a line of a source, relative to the folder the page is written into.

    `path` is as claims carry it (relative to the working folder, or absolute); `page_dir` is the
    page's folder (None: the working folder, as when the page goes to stdout).
    """
    target = os.path.abspath(path)
    try:
        rel = os.path.relpath(target, os.path.abspath(page_dir or "."))
    except ValueError:  # another drive on Windows: no relative path exists
        return f"{Path(target).as_uri()}#L{line}"
    return f"{url_quote(rel.replace(os.sep, '/'))}#L{line}"


def _link(path: str, line: int, page_dir: str | Path | None, text: str | None = None) -> str:
    """A link to a source line; it shows the file name and line (or `text`), its title the whole path."""
    shown = f"{Path(path).name}:{line}" if text is None else text
    return f'<a class="loc" href="{esc(href(path, line, page_dir))}" title="{esc(path)}:{line}">{esc(shown)}</a>'


def csp_hash(text: str) -> str:
    """A CSP source expression that allows exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@dataclass(frozen=True)
class Span:
    """A stretch of the axis in years: years drawn at full width, or a compressed quiet run."""

    first: int
    last: int
    start: float  # axis units (years) from the axis's start
    end: float
    compressed: bool


class Axis:
    """A time axis over the busy years; a run of QUIET_RUN or more years with nothing is compressed."""

    def __init__(self, busy: set[int]) -> None:
        self.busy = frozenset(busy)
        self.first, self.last = min(busy), max(busy)
        spans: list[Span] = []
        units, year = 0.0, self.first
        while year <= self.last:
            end = year
            if year not in busy:
                while end + 1 not in busy:  # the last year is busy, so this stops
                    end += 1
            compressed = end - year + 1 >= QUIET_RUN
            width = BREAK_YEARS if compressed else float(end - year + 1)
            spans.append(Span(year, end, units, units + width, compressed))
            units, year = units + width, end + 1
        self.spans = tuple(spans)
        self.units = units
        self._span = {y: s for s in spans for y in range(s.first, s.last + 1)}

    def at(self, day: dt.date, end: bool = False) -> float:
        """Where a day begins (with `end`: where it ends), as a fraction of the axis's width."""
        if day.year > self.last:
            return 1.0
        if day.year < self.first:
            return 0.0
        span = self._span[day.year]
        # Ordinals, not the next year's 1 January, which does not exist after 9999.
        first = dt.date(span.first, 1, 1).toordinal()
        days = dt.date(span.last, 12, 31).toordinal() - first + 1
        share = (day.toordinal() - first + (1 if end else 0)) / days
        return (span.start + (span.end - span.start) * share) / self.units

    def year_labels(self) -> list[int]:
        """The years to label: every full-width year, thinned so labels do not collide at MIN_PLOT."""
        shown: list[int] = []
        last_x = -YEAR_LABEL_PX
        for span in self.spans:
            if span.compressed:
                continue
            for year in range(span.first, span.last + 1):
                x = self.at(dt.date(year, 1, 1)) * MIN_PLOT
                if x - last_x >= YEAR_LABEL_PX:
                    shown.append(year)
                    last_x = x
        return shown


def is_range(claim: Claim) -> bool:
    """A stated range ("from 2004 to 2011") or a long interval (a decade): a bar; anything else a point."""
    return claim.rule == "date-range" or (claim.date.end - claim.date.start).days > 400


@dataclass(frozen=True)
class Mark:
    """One mark on the timeline: a point at `x0 == x1`, or a bar; fractions of the plot's width."""

    x0: float
    x1: float
    tip: str
    verdict: str | None  # None: a record event
    row_index: int | None  # the finding's row in the table
    key: tuple[str, int, str]  # path, line, quote: how a conflict finds the record event it contradicts
    evidence_key: tuple[str, int, str] | None = None
    source: str | None = None  # None: a record event

    @property
    def is_bar(self) -> bool:
        return self.x1 > self.x0

    def extent(self) -> tuple[float, float]:
        """Horizontal extent in pixels at MIN_PLOT."""
        if self.is_bar:
            return self.x0 * MIN_PLOT, self.x1 * MIN_PLOT
        return self.x0 * MIN_PLOT - RADIUS, self.x0 * MIN_PLOT + RADIUS


def place(axis: Axis, claim: Claim) -> tuple[float, float]:
    """A claim's extent on the axis: a bar from its first to past its last day, or a point at its middle."""
    start, after = axis.at(claim.date.start), axis.at(claim.date.end, end=True)
    if is_range(claim) and (after - start) * MIN_PLOT >= 2 * RADIUS + GAP:
        return start, after
    middle = (start + after) / 2
    return middle, middle


def pack(marks: list[Mark]) -> list[tuple[Mark, int]]:
    """Each mark with the lowest stacking row where it overlaps no other; left to right.

    First fit over marks sorted by their left edge uses the fewest rows for intervals.
    """
    ends: list[float] = []
    out = []
    for mark in sorted(marks, key=lambda m: (m.extent()[0], m.extent()[1])):
        left, right = mark.extent()
        for row, end in enumerate(ends):
            if left >= end + GAP:
                ends[row] = right
                break
        else:
            row = len(ends)
            ends.append(right)
        out.append((mark, row))
    return sorted(out, key=lambda mr: (mr[1], mr[0].x0))  # tab order: row by row, left to right


def _pct(fraction: float) -> str:
    return f"{100 * fraction:.3f}%"


def _claim_tip(f: Finding) -> str:
    c = f.claim
    ev = f" Record, line {f.evidence.line}: {f.evidence.quote}." if f.evidence else ""
    return f"{c.quote} ({value_text(c)}), {c.source}, line {c.line}. {f.verdict}: {f.reason.rstrip('.')}.{ev}"


def _mark_svg(mark: Mark, y: float, number: int) -> str:
    """A mark: focusable, with its tooltip text as its accessible name."""
    if mark.verdict is None:
        attrs = f'id="m-{number}" class="mark record-mark" role="img" tabindex="0" aria-label="{esc(mark.tip)}"'
    else:
        attrs = (f'id="m-{number}" class="mark claim-mark {mark.verdict}" role="button" tabindex="0" data-verdict="{mark.verdict}" '
                 f'data-source="{esc(mark.source)}" data-row="{mark.row_index}" aria-label="{esc(mark.tip)}"')
    if mark.is_bar:
        return (f'<rect {attrs} x="{_pct(mark.x0)}" y="{y - RADIUS}" width="{_pct(mark.x1 - mark.x0)}" '
                f'height="{2 * RADIUS}" rx="{RADIUS}"/>')
    return f'<circle {attrs} cx="{_pct(mark.x0)}" cy="{y}" r="{RADIUS}"/>'


def timeline(findings: list[Finding], record_claims: list[Claim]) -> str:
    """The SVG timeline: the record's dated events on top, each source's date claims on its own lane."""
    events = [c for c in record_claims if c.date and c.date.start]
    rows = {id(f): i for i, f in enumerate(findings)}
    dated = [f for f in findings if f.claim.date]
    placed = [f for f in dated if f.claim.date.start]
    years = {y for c in events for y in (c.date.start.year, c.date.end.year)}
    years |= {y for f in placed for y in (f.claim.date.start.year, f.claim.date.end.year)}
    if not years:
        return '<p class="empty">No dated claims to place on a timeline.</p>'
    axis = Axis(years)

    record_lane: list[Mark] = []
    for c in events:
        x0, x1 = place(axis, c)
        record_lane.append(Mark(x0, x1, f"Record, line {c.line}: {c.quote} ({value_text(c)}). {c.sentence}",
                                    None, None, (c.path, c.line, c.quote)))
    unresolved: dict[str, list[Finding]] = defaultdict(list)
    lanes: dict[str, list[Mark]] = {}
    for f in dated:
        lanes.setdefault(f.claim.source, [])
        if not f.claim.date.start:
            unresolved[f.claim.source].append(f)
            continue
        x0, x1 = place(axis, f.claim)
        ev = (f.evidence.path, f.evidence.line, f.evidence.quote) if f.evidence else None
        lanes[f.claim.source].append(Mark(x0, x1, _claim_tip(f), f.verdict, rows[id(f)],
                                          (f.claim.path, f.claim.line, f.claim.quote), ev, f.claim.source))

    marks_svg, labels, separators, links = [], [], [], []
    centre: dict[tuple[str, int, str], tuple[float, float]] = {}
    claim_points: list[tuple[Mark, float, int]] = []
    unresolved_svg: list[str] = []
    y = 0.0
    for name, lane, is_record in [("Record", record_lane, True), *((n, m, False) for n, m in lanes.items())]:
        packed = pack(lane)
        waiting = [] if is_record else unresolved.get(name, [])
        height = max(1, *(r + 1 for _, r in packed), len(waiting)) * ROW + 2 * LANE_PAD
        first_row = y + LANE_PAD + ROW / 2
        for mark, row in packed:
            my = first_row + row * ROW
            if mark.verdict is None:
                centre.setdefault(mark.key, ((mark.x0 + mark.x1) / 2, my))
            elif mark.verdict == "conflict" and mark.evidence_key:
                claim_points.append((mark, my, len(marks_svg)))
            marks_svg.append(_mark_svg(mark, my, len(marks_svg)))
        for i, f in enumerate(waiting):
            unresolved_svg.append(
                f'<circle id="u-{len(unresolved_svg)}" class="mark claim-mark unresolved {f.verdict}" role="button" tabindex="0" '
                f'data-verdict="{f.verdict}" data-source="{esc(name)}" data-row="{rows[id(f)]}" aria-label="{esc(_claim_tip(f))}" '
                f'cx="{UNRESOLVED / 2}" cy="{first_row + i * ROW}" r="{RADIUS}"/>')
        label = name if len(name) <= LABEL_CHARS else name[:LABEL_CHARS - 1].rstrip() + "…"
        labels.append(f'<text class="lane{" record" if is_record else ""}" '
                      f'x="{-LABELS + 6}" y="{first_row + 4}"><title>{esc(name)}</title>{esc(label)}</text>')
        y += height
        separators.append(f'<line class="lane-line" x1="0" y1="{y}" x2="100%" y2="{y}"/>')
    for mark, my, number in claim_points:
        target = centre.get(mark.evidence_key)
        if target:
            links.append(f'<line class="conflict-link" data-mark="m-{number}" x1="{_pct((mark.x0 + mark.x1) / 2)}" y1="{my}" '
                         f'x2="{_pct(target[0])}" y2="{target[1]}"/>')

    lanes_bottom, axis_y = y, y + 6
    height = axis_y + AXIS
    back = []
    for span in axis.spans:
        x0, x1 = span.start / axis.units, span.end / axis.units
        if span.compressed:
            years_text = f"{span.first}–{span.last}"
            back.append(f'<rect class="quiet" x="{_pct(x0)}" y="0" width="{_pct(x1 - x0)}" height="{lanes_bottom}"/>')
            back.append(
                f'<svg x="{_pct((x0 + x1) / 2)}" y="{axis_y}" width="1" height="1" overflow="visible">'
                f'<g class="axis-break" data-first="{span.first}" data-last="{span.last}" role="img" '
                f'aria-label="{years_text}: no dated claims, compressed"><title>{years_text}: no dated claims, compressed</title>'
                f'<rect class="break-gap" x="-7" y="-4" width="14" height="8"/>'
                f'<path d="M-6,5 L-2,-5 M2,5 L6,-5"/></g></svg>')
        else:
            for year in range(span.first, span.last + 1):
                gx = _pct(axis.at(dt.date(year, 1, 1)))
                back.append(f'<line class="grid" x1="{gx}" y1="0" x2="{gx}" y2="{axis_y + 4}"/>')
    years_svg = "".join(
        f'<text class="year" x="{_pct(axis.at(dt.date(year, 1, 1)))}" dx="3" y="{axis_y + 16}">{year}</text>'
        for year in axis.year_labels())
    right = ""
    if unresolved:
        right = (f'<svg class="unresolved-column" x="100%" y="0" width="{UNRESOLVED}" height="{height}" overflow="visible">'
                 f'<text class="year" x="{UNRESOLVED / 2}" y="{axis_y + 16}" text-anchor="middle">unresolved</text>'
                 f'{"".join(unresolved_svg)}</svg>')
    classes = " ".join(name for name, on in (("with-unresolved", unresolved), ("many-links", len(links) > LINKS_SHOWN)) if on)
    return (f'<svg id="timeline" class="{classes}" xmlns="http://www.w3.org/2000/svg" '
            f'height="{height:.0f}" overflow="visible" role="group" aria-label="Timeline of dated claims against the record">'
            f'{"".join(back)}{"".join(separators)}'
            f'<line class="axis-line" x1="0" y1="{axis_y}" x2="100%" y2="{axis_y}"/>'
            f'{"".join(labels)}{years_svg}{"".join(links)}{"".join(marks_svg)}{right}</svg>')


def _record_claims_by_key(record_claims: list[Claim]) -> dict[tuple[str, int, str], Claim]:
    out: dict[tuple[str, int, str], Claim] = {}
    for c in record_claims:
        out.setdefault((c.path, c.line, c.quote), c)
    return out


def conflicts_panel(findings: list[Finding], record_claims: list[Claim], page_dir: str | Path | None) -> str:
    """Each conflict: the claim and the record statement side by side, both values marked."""
    record = _record_claims_by_key(record_claims)
    items = []
    for i, f in enumerate(findings):
        if f.verdict != "conflict" or not f.evidence:
            continue
        c, ev = f.claim, f.evidence
        stated = record.get((ev.path, ev.line, ev.quote))
        record_value = value_text(stated) if stated else ev.quote
        items.append(
            f'<article class="pair" data-row="{i}">'
            f'<div class="side claim"><h3>{esc(c.source)} {_link(c.path, c.line, page_dir)}</h3>'
            f'<p class="said">{_claim_highlight(c)}</p>'
            f'<p class="value">says <b>{esc(value_text(c))}</b></p></div>'
            f'<div class="side record"><h3>Record {_link(ev.path, ev.line, page_dir)}</h3>'
            f'<p class="said">{_highlight(ev.sentence, ev.quote)}</p>'
            f'<p class="value">says <b>{esc(record_value)}</b></p></div>'
            f'<p class="reason">{esc(f.reason)}</p></article>')
    if not items:
        return '<p class="empty">No conflicts with the record.</p>'
    return f'<div id="conflicts">{"".join(items)}</div>'


def quantities_panel(findings: list[Finding], record_claims: list[Claim]) -> str:
    """For each record figure that sources cite, the record's value beside what each source says."""
    record_by_key = _record_claims_by_key([c for c in record_claims if c.quantity])
    cited: dict[tuple[str, int, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.claim.quantity and f.evidence and f.verdict in ("agree", "conflict"):
            cited[(f.evidence.path, f.evidence.line, f.evidence.quote)].append(f)
    if not cited:
        return '<p class="empty">No source cites a figure the record states.</p>'
    rows = []
    for key, group in sorted(cited.items(), key=lambda kv: (kv[0][1], kv[0][2])):
        record = record_by_key.get(key)
        record_value = value_text(record) if record else key[2]
        said = "".join(
            f'<li><span class="badge {f.verdict}">{f.verdict}</span> '
            f"{esc(f.claim.source)}: <b>{esc(f.claim.quote)}</b> ({esc(value_text(f.claim))}), line {f.claim.line}</li>"
            for f in group
        )
        rows.append(f'<tr><td class="figure"><b>{esc(record_value)}</b><br><small>record line {key[1]}: '
                    f'“{esc(key[2])}”</small></td><td><ul>{said}</ul></td></tr>')
    return f'<table class="quantities"><thead><tr><th>Record figure</th><th>What the sources say</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'


def value_key(claim: Claim) -> str:
    """How the Value column sorts: dates by date, then amounts by their normalised value, then unresolved."""
    if claim.date:
        if not claim.date.start:
            return "2"
        return f"0 {claim.date.start.toordinal()} {claim.date.end.toordinal()}"
    value = claim.quantity.value
    return f"1 {value!r}" if math.isfinite(value) else "3"  # JavaScript's Number() reads Python's repr


COLUMNS = ("Source", "Line", "Verdict", "Claim", "Value", "Record evidence", "Reason", "Score")


def findings_table(findings: list[Finding], page_dir: str | Path | None = None) -> str:
    """The findings, one row each, with the claim's sentence and the record's evidence side by side."""
    rows = []
    for i, f in enumerate(findings):
        c = f.claim
        evidence = (f"{_link(f.evidence.path, f.evidence.line, page_dir)} "
                    f"{_highlight(f.evidence.sentence, f.evidence.quote)}") if f.evidence else "—"
        rows.append(
            f'<tr class="finding" data-verdict="{f.verdict}" data-source="{esc(c.source)}" data-index="{i}" id="f-{i}">'
            f'<td>{esc(c.source)}</td>'
            f'<td data-key="{c.line}">{_link(c.path, c.line, page_dir, str(c.line))}</td>'
            f'<td><span class="badge {f.verdict}">{f.verdict}</span></td>'
            f'<td class="sentence">{_claim_highlight(c)}</td>'
            f'<td class="value" data-key="{value_key(c)}">{esc(value_text(c))}</td>'
            f'<td class="sentence">{evidence}</td>'
            f'<td class="reason">{esc(f.reason)}</td>'
            f'<td data-key="{f.score:.3f}">{f.score:.2f}</td></tr>'
        )
    head = "".join(f'<th data-col="{i}" aria-sort="none"><button type="button">{name}</button></th>'
                   for i, name in enumerate(COLUMNS))
    # A fixed layout keeps the table inside the page on a narrow screen, however long a cell's words are.
    cols = "".join(f'<col class="{name}">' for name in ("source", "line", "verdict", "claim", "value", "evidence", "reason", "score"))
    return f'<table id="findings"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def verdict_bar(counts: Counter[str]) -> str:
    """A bar of agree / conflict / unsupported, each part as wide as its share."""
    total = sum(counts[v] for v in VERDICTS) or 1
    x, parts = 0.0, []
    for v in VERDICTS:
        if counts[v]:
            share = counts[v] / total
            parts.append(f'<rect class="{v}" data-verdict="{v}" data-count="{counts[v]}" x="{_pct(x)}" y="0" '
                         f'width="{_pct(share)}" height="12"><title>{counts[v]} {v}</title></rect>')
            x += share
    label = ", ".join(f"{counts[v]} {v}" for v in VERDICTS)
    return f'<svg class="verdict-bar" width="100%" height="12" role="img" aria-label="{label}">{"".join(parts)}</svg>'


def summary_block(findings: list[Finding], summary: Summary, record_claims: list[Claim]) -> str:
    """Counts per verdict, a verdict bar per source, the record's title and date range."""
    starts = [c.date.start for c in record_claims if c.date and c.date.start]
    ends = [c.date.end for c in record_claims if c.date and c.date.end]
    span = f"{min(starts)} to {max(ends)}" if starts else "no dated events"
    by_source: dict[str, Counter[str]] = {}
    for f in findings:
        by_source.setdefault(f.claim.source, Counter())[f.verdict] += 1
    per_source = "".join(
        f'<tr data-source="{esc(source)}"><td>{esc(source)}</td>'
        + "".join(f'<td class="n {v}">{counts[v]}</td>' for v in VERDICTS)
        + f'<td class="bar">{verdict_bar(counts)}</td></tr>'
        for source, counts in by_source.items())
    cards = "".join(f'<div class="card {v}"><b>{getattr(summary, v)}</b> {v}</div>' for v in VERDICTS)
    head = "".join(f'<th class="n">{v}</th>' for v in VERDICTS)
    return (f'<section id="summary"><p>Record: <b>{esc(summary.record)}</b> ({esc(span)}); '
            f"{summary.findings} findings from {summary.sources} source{'s' if summary.sources != 1 else ''}.</p>"
            f'<div class="cards">{cards}</div>'
            f'<table class="per-source"><thead><tr><th>Source</th>{head}<th class="bar">verdicts</th></tr></thead>'
            f'<tbody>{per_source}</tbody></table></section>')


CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 8px;overflow-wrap:anywhere}h2{font-size:17px;margin:28px 0 8px}h3{font-size:14px;margin:0 0 4px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0}.card{padding:8px 14px;border-radius:8px;border:1px solid #d0d7de}
.card b{font-size:20px;margin-right:4px}.card.conflict b,.conflict{color:#cf222e}.card.agree b,.agree{color:#1a7f37}
.card.unsupported b,.unsupported{color:#9a6700}
table{border-collapse:collapse;margin:6px 0}th,td{border-bottom:1px solid #d0d7de;padding:5px 6px;text-align:left;vertical-align:top}
td{overflow-wrap:break-word}th{background:#f6f8fa}.loc{overflow-wrap:anywhere}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th[aria-sort=ascending] button:after{content:" ▲"}th[aria-sort=descending] button:after{content:" ▼"}
.badge{display:inline-block;white-space:nowrap;border-radius:10px;padding:0 8px;color:#fff;font-size:12px}
.badge.agree{background:#1a7f37}.badge.conflict{background:#cf222e}.badge.unsupported{background:#9a6700}
mark{background:#fff3b0;padding:0 1px}.loc{font-family:ui-monospace,monospace;font-size:12px}
#findings{width:100%;table-layout:fixed}#findings td{overflow-wrap:anywhere}#findings .badge{font-size:11px;padding:0 6px}#findings tr:target{background:#fff8c5}
.per-source td.n,.per-source th.n{text-align:right}.per-source .bar{width:40%;min-width:120px;vertical-align:middle}
svg.verdict-bar{display:block;border-radius:3px;background:#eaeef2}
svg .agree{fill:#1a7f37}svg .conflict{fill:#cf222e}svg .unsupported{fill:#9a6700}
#timeline-wrap{overflow-x:auto;border:1px solid #d0d7de;border-radius:8px;padding:10px 12px}
svg text.year{font-size:11px;fill:#57606a}svg text.lane{font-size:12px;fill:#1f2328}svg text.lane.record{font-weight:600}
svg .grid{stroke:#eaeef2}svg .lane-line{stroke:#d0d7de}svg .axis-line{stroke:#8c959f}svg .quiet{fill:#f6f8fa}
svg .axis-break path{stroke:#57606a;stroke-width:1.5;fill:none}svg .break-gap{fill:#fff}
svg .record-mark{fill:#0969da}svg .record-mark[width]{fill-opacity:.45}svg .claim-mark[width]{fill-opacity:.6}
svg .conflict-link{stroke:#cf222e;stroke-dasharray:4 3;stroke-width:1.5;pointer-events:none}
#timeline.many-links .conflict-link{display:none}#timeline.many-links .conflict-link.on{display:inline}
svg .mark{stroke:#fff;stroke-width:1;cursor:pointer}svg .mark:focus{outline:none;stroke:#1f2328;stroke-width:2}
svg .claim-mark.unresolved{fill:#fff;stroke-width:2}svg .claim-mark.unresolved.agree{stroke:#1a7f37}
svg .claim-mark.unresolved.conflict{stroke:#cf222e}svg .claim-mark.unresolved.unsupported{stroke:#9a6700}
#tip{position:absolute;z-index:10;max-width:min(420px,calc(100vw - 24px));background:#1f2328;color:#fff;padding:6px 9px;
border-radius:6px;font-size:13px;pointer-events:none;overflow-wrap:anywhere}
.legend span{margin-right:14px;display:inline-block}.legend i{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}
.legend i.record{background:#0969da}.legend i.agree{background:#1a7f37}.legend i.conflict{background:#cf222e}
.legend i.unsupported{background:#9a6700}
.controls{display:flex;flex-wrap:wrap;gap:16px;align-items:center;margin:8px 0}
.quantities ul{margin:0;padding-left:16px}.empty{color:#57606a}
#conflicts{display:flex;flex-direction:column;gap:12px}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:6px 16px;border:1px solid #d0d7de;border-left:4px solid #cf222e;
border-radius:6px;padding:10px 12px}
.pair .side p{margin:0}.pair .said{overflow-wrap:anywhere}.pair .value{color:#57606a;margin-top:4px}
.pair .claim mark{background:#ffd8d3}.pair .record mark{background:#ddf4ff}.pair .reason{grid-column:1/-1;margin:0;color:#57606a}
col.source{width:12%}col.line{width:3.4em}col.verdict{width:7.4em}col.value{width:10%}col.reason{width:16%}col.score{width:3.8em}
@media (max-width:900px){body{margin:16px}#findings{font-size:13px}}
@media (max-width:560px){.pair{grid-template-columns:1fr}}
""" + (f"#timeline{{display:block;margin-left:{LABELS}px;width:calc(100% - {LABELS}px);min-width:{MIN_PLOT}px}}"
       f"#timeline.with-unresolved{{width:calc(100% - {LABELS + UNRESOLVED}px)}}\n")

SCRIPT = """
(function(){
  'use strict';
  var body = document.querySelector('#findings tbody');
  var rows = Array.prototype.slice.call(body.rows);
  var marks = Array.prototype.slice.call(document.querySelectorAll('#timeline .mark'));
  var tip = document.getElementById('tip');
  function apply(){
    var on = {};
    document.querySelectorAll('input.verdict-filter').forEach(function(box){ on[box.value] = box.checked; });
    var source = document.getElementById('source-filter').value;
    rows.forEach(function(row){
      row.hidden = !on[row.dataset.verdict] || (source !== '' && row.dataset.source !== source);
    });
    marks.forEach(function(mark){
      var shown = !mark.dataset.verdict || (on[mark.dataset.verdict] && (source === '' || mark.dataset.source === source));
      mark.style.display = shown ? '' : 'none';
    });
    document.querySelectorAll('#timeline .conflict-link').forEach(function(link){
      link.style.visibility = document.getElementById(link.dataset.mark).style.display === 'none' ? 'hidden' : '';
    });
    document.getElementById('shown').textContent = rows.filter(function(r){ return !r.hidden; }).length;
  }
  document.querySelectorAll('input.verdict-filter, #source-filter').forEach(function(el){ el.addEventListener('change', apply); });
  // Sorting: cells with data-key compare as lists of numbers (dates by day, amounts by value), others as text.
  function key(cell){
    var k = cell.getAttribute('data-key');
    return k === null ? null : k.split(' ').map(Number);
  }
  function compare(a, b, col){
    var x = key(a.cells[col]), y = key(b.cells[col]);
    if (x && y) {
      for (var i = 0; i < Math.max(x.length, y.length); i++) {
        var p = i < x.length ? x[i] : -Infinity, q = i < y.length ? y[i] : -Infinity;
        if (p !== q) return p < q ? -1 : 1;
      }
      return 0;
    }
    return a.cells[col].textContent.trim().localeCompare(b.cells[col].textContent.trim());
  }
  var heads = Array.prototype.slice.call(document.querySelectorAll('#findings th'));
  heads.forEach(function(th){
    th.querySelector('button').addEventListener('click', function(){
      var col = +th.dataset.col, sign = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      heads.forEach(function(h){ h.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', sign > 0 ? 'ascending' : 'descending');
      rows.sort(function(a, b){
        return sign * compare(a, b, col) || a.dataset.index - b.dataset.index;
      }).forEach(function(r){ body.appendChild(r); });
    });
  });
  // Tooltips: every mark shows its text on hover and on keyboard focus; Escape hides it.
  function links(mark, on){
    document.querySelectorAll('#timeline .conflict-link[data-mark="' + mark.id + '"]').forEach(function(link){
      link.classList.toggle('on', on);
    });
  }
  function show(mark){
    document.querySelectorAll('#timeline .conflict-link.on').forEach(function(link){ link.classList.remove('on'); });
    links(mark, true);
    tip.textContent = mark.getAttribute('aria-label');
    tip.hidden = false;
    var box = mark.getBoundingClientRect(), page = document.documentElement;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.max(4, Math.min(box.left + box.width / 2 - w / 2, page.clientWidth - w - 4));
    var top = box.bottom + 6;
    if (top + h > page.clientHeight && box.top - h - 6 >= 0) top = box.top - h - 6;
    tip.style.left = (left + window.scrollX) + 'px';
    tip.style.top = (top + window.scrollY) + 'px';
  }
  function hide(){
    tip.hidden = true;
    document.querySelectorAll('#timeline .conflict-link.on').forEach(function(link){ link.classList.remove('on'); });
  }
  function open(mark){
    var row = document.getElementById('f-' + mark.dataset.row);
    if (!row) return;
    row.hidden = false;
    row.scrollIntoView({block: 'center'});
    var link = row.querySelector('a');
    if (link) link.focus({preventScroll: true});
  }
  marks.forEach(function(mark){
    mark.addEventListener('focus', function(){ show(mark); });
    mark.addEventListener('blur', hide);
    mark.addEventListener('mouseenter', function(){ show(mark); });
    mark.addEventListener('mouseleave', function(){ if (document.activeElement !== mark) hide(); });
    mark.addEventListener('keydown', function(e){
      if (e.key === 'Escape') hide();
      else if ((e.key === 'Enter' || e.key === ' ') && mark.dataset.row) { e.preventDefault(); open(mark); }
    });
    if (mark.dataset.row) mark.addEventListener('click', function(){ open(mark); });
  });
  apply();
})();
"""


def render(findings: list[Finding], summary: Summary, record_claims: list[Claim],
           page_dir: str | Path | None = None) -> str:
    """The whole page; links to sources are relative to `page_dir`, the folder it is written into."""
    sources = sorted({f.claim.source for f in findings})
    options = "".join(f'<option value="{esc(s)}">{esc(s)}</option>' for s in sources)
    boxes = "".join(f'<label><input type="checkbox" class="verdict-filter" value="{v}" checked> {v}</label>'
                    for v in VERDICTS)
    legend = "".join(f'<span><i class="{v}"></i>{v}</span>' for v in ("agree", "conflict", "unsupported"))
    data = json.dumps({"findings": summary.findings}).replace("<", "\\u003c")
    csp = (f"default-src 'none'; style-src {csp_hash(CSS)}; script-src {csp_hash(SCRIPT)}; "
           "base-uri 'none'; form-action 'none'")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>claimcheck report: {esc(summary.record)}</title>
<style>{CSS}</style></head>
<body>
<h1>claimcheck report against {esc(summary.record)}</h1>
{summary_block(findings, summary, record_claims)}
<h2>Timeline</h2>
<p class="legend"><span><i class="record"></i>record event</span>{legend}<span>dashed: conflict → the record event it contradicts (if many: on hover or focus)</span>
<span>shaded, with a break: years with no dated claim, compressed</span></p>
<div id="timeline-wrap">{timeline(findings, record_claims)}</div>
<h2>Conflicts</h2>
{conflicts_panel(findings, record_claims, page_dir)}
<h2>Figures the record states</h2>
{quantities_panel(findings, record_claims)}
<h2>Findings</h2>
<div class="controls">{boxes}<label>Source <select id="source-filter"><option value="">all</option>{options}</select></label>
<span><span id="shown">{len(findings)}</span> shown</span></div>
{findings_table(findings, page_dir)}
<div id="tip" role="tooltip" hidden></div>
<script type="application/json" id="claimcheck-data">{data}</script>
<script>{SCRIPT}</script>
</body></html>
"""
