"""Render stage, HTML: one self-contained page (inline CSS, SVG and script; nothing fetched)."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import json
from collections import Counter, defaultdict

from .models import Claim, Finding, Summary
from .render import value_text

VERDICT_COLOURS = {"agree": "#1a7f37", "conflict": "#cf222e", "unsupported": "#9a6700"}
YEAR_WIDTH = 64  # pixels for a year in which something happens
EMPTY_YEAR_WIDTH = 10  # pixels for a year with no event: long quiet spans stay readable
LANE_HEIGHT = 28
LEFT = 270  # room for lane labels
TOP = 36


def esc(value: object) -> str:
    """Escape text for HTML content and attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def _highlight(sentence: str, quote: str) -> str:
    """The sentence, escaped, with the first occurrence of the quote marked."""
    at = sentence.find(quote)
    if at < 0 or not quote:
        return esc(sentence)
    return f"{esc(sentence[:at])}<mark>{esc(quote)}</mark>{esc(sentence[at + len(quote):])}"


class Axis:
    """A time axis on which years with events are wide and empty years narrow."""

    def __init__(self, years: set[int]) -> None:
        self.first, self.last = min(years), max(years)
        self.offsets: dict[int, float] = {}
        x = float(LEFT)
        for year in range(self.first, self.last + 2):
            self.offsets[year] = x
            x += YEAR_WIDTH if year in years else EMPTY_YEAR_WIDTH
        self.busy = years
        self.width = x

    def x(self, day: dt.date) -> float:
        """Horizontal position of a day."""
        year = min(max(day.year, self.first), self.last)
        start = self.offsets[year]
        span = self.offsets[year + 1] - start
        fraction = (day.timetuple().tm_yday - 1) / (366 if day.year % 4 == 0 else 365)
        return start + span * fraction


def is_range(claim: Claim) -> bool:
    """A stated range ("from 2004 to 2011"), drawn as a bar; anything else is a point at its middle."""
    return claim.rule == "date-range" or (claim.date.end - claim.date.start).days > 400


def _middle(axis: Axis, claim: Claim) -> float:
    return (axis.x(claim.date.start) + axis.x(claim.date.end)) / 2


def _mark_title(f: Finding) -> str:
    c = f.claim
    ev = f" — record line {f.evidence.line}: {f.evidence.quote}" if f.evidence else ""
    return f"{c.quote} ({value_text(c)}) — {c.source}, line {c.line} — {f.verdict}: {f.reason}{ev}"


def timeline(findings: list[Finding], record_claims: list[Claim]) -> str:
    """The SVG timeline: the record's dated events on top, each source's date claims on its own lane."""
    events = [c for c in record_claims if c.date and c.date.start]
    dated = [f for f in findings if f.claim.date]
    placed = [f for f in dated if f.claim.date.start]
    unplaced = [f for f in dated if not f.claim.date.start]
    years = {y for c in events for y in (c.date.start.year, c.date.end.year)}
    years |= {y for f in placed for y in (f.claim.date.start.year, f.claim.date.end.year)}
    if not years:
        return '<p class="empty">No dated claims to place on a timeline.</p>'
    axis = Axis(years)
    sources = list(dict.fromkeys(f.claim.source for f in dated))
    lanes = {name: TOP + LANE_HEIGHT * (i + 1) for i, name in enumerate(sources)}
    height = TOP + LANE_HEIGHT * (len(sources) + 1) + 30
    width = axis.width + (120 if unplaced else 20)
    parts = [f'<svg id="timeline" xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height}" '
             f'role="img" aria-label="Timeline of dated claims against the record">']
    for year in sorted(axis.busy):
        x = axis.offsets[year]
        parts.append(f'<line class="grid" x1="{x:.1f}" y1="{TOP - 14}" x2="{x:.1f}" y2="{height - 24}"/>')
        parts.append(f'<text class="year" x="{x + 2:.1f}" y="{height - 8}">{year}</text>')
    parts.append(f'<text class="lane" x="8" y="{TOP + 4}">Record</text>')
    parts.append(f'<line class="lane-line" x1="{LEFT}" y1="{TOP}" x2="{axis.width:.0f}" y2="{TOP}"/>')
    by_key: dict[tuple[str, int, str], tuple[float, float]] = {}
    # Ranges first, translucent, so the points drawn after them stay visible.
    for c in sorted(events, key=lambda c: not is_range(c)):
        x0, x1, mid = axis.x(c.date.start), axis.x(c.date.end), _middle(axis, c)
        by_key[(c.path, c.line, c.quote)] = (mid, TOP)
        title = esc(f"record, line {c.line}: {c.quote} — {c.sentence[:160]}")
        if is_range(c):
            parts.append(f'<rect class="record-mark range" x="{x0:.1f}" y="{TOP - 3}" width="{x1 - x0:.1f}" height="6" rx="3"><title>{title}</title></rect>')
        else:
            parts.append(f'<circle class="record-mark" cx="{mid:.1f}" cy="{TOP}" r="4"><title>{title}</title></circle>')
    for name, y in lanes.items():
        label = name if len(name) <= 38 else name[:37] + "…"
        parts.append(f'<text class="lane" x="8" y="{y + 4}"><title>{esc(name)}</title>{esc(label)}</text>')
        parts.append(f'<line class="lane-line" x1="{LEFT}" y1="{y}" x2="{axis.width:.0f}" y2="{y}"/>')
    for f in sorted(placed, key=lambda f: not is_range(f.claim)):
        c, y = f.claim, lanes[f.claim.source]
        x0, x1, mid = axis.x(c.date.start), axis.x(c.date.end), _middle(axis, c)
        colour = VERDICT_COLOURS[f.verdict]
        if f.verdict == "conflict" and f.evidence:
            target = by_key.get((f.evidence.path, f.evidence.line, f.evidence.quote))
            if target:
                parts.append(f'<line class="conflict-link" x1="{mid:.1f}" y1="{y}" x2="{target[0]:.1f}" y2="{target[1]}"/>')
        common = f'class="claim-mark" data-verdict="{f.verdict}" data-finding="{esc(f.fingerprint)}" fill="{colour}"'
        title = f"<title>{esc(_mark_title(f))}</title>"
        if is_range(c):
            parts.append(f'<rect {common} x="{x0:.1f}" y="{y - 5}" width="{max(x1 - x0, 4):.1f}" height="10" rx="4" fill-opacity="0.55">{title}</rect>')
        else:
            parts.append(f'<circle {common} cx="{mid:.1f}" cy="{y}" r="6">{title}</circle>')
    if unplaced:
        x = axis.width + 20
        parts.append(f'<text class="lane" x="{x}" y="{TOP + 4}">unresolved</text>')
        for f in unplaced:
            y = lanes[f.claim.source]
            parts.append(f'<circle class="claim-mark unresolved" data-verdict="{f.verdict}" data-finding="{esc(f.fingerprint)}" '
                         f'cx="{x + 40}" cy="{y}" r="6" fill="none" stroke="{VERDICT_COLOURS[f.verdict]}">'
                         f'<title>{esc(_mark_title(f))}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


def quantities_panel(findings: list[Finding], record_claims: list[Claim]) -> str:
    """For each record figure that sources cite, the record's value beside what each source says."""
    record_by_key = {(c.path, c.line, c.quote): c for c in record_claims if c.quantity}
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
            f'<li class="{f.verdict}"><span class="badge {f.verdict}">{f.verdict}</span> '
            f"{esc(f.claim.source)}: <b>{esc(f.claim.quote)}</b> ({esc(value_text(f.claim))}), line {f.claim.line}</li>"
            for f in group
        )
        rows.append(f'<tr><td class="figure"><b>{esc(record_value)}</b><br><small>record line {key[1]}: '
                    f'“{esc(key[2])}”</small></td><td><ul>{said}</ul></td></tr>')
    return f'<table class="quantities"><thead><tr><th>Record figure</th><th>What the sources say</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'


def findings_table(findings: list[Finding]) -> str:
    """The findings, one row each, with the claim's sentence and the record's evidence side by side."""
    rows = []
    for f in findings:
        c = f.claim
        evidence = (f'<a class="loc" href="{esc(f.evidence.path)}#L{f.evidence.line}">{esc(f.evidence.path)}:{f.evidence.line}</a> '
                    f"{_highlight(f.evidence.sentence, f.evidence.quote)}") if f.evidence else "—"
        rows.append(
            f'<tr class="finding" data-verdict="{f.verdict}" data-source="{esc(c.source)}" id="f-{esc(f.fingerprint)}">'
            f'<td data-sort="{esc(c.source)}">{esc(c.source)}</td>'
            f'<td data-sort="{c.line:08d}"><a class="loc" href="{esc(c.path)}#L{c.line}">{c.line}</a></td>'
            f'<td data-sort="{f.verdict}"><span class="badge {f.verdict}">{f.verdict}</span></td>'
            f'<td class="sentence">{_highlight(c.sentence, c.quote)}</td>'
            f'<td data-sort="{esc(value_text(c))}">{esc(value_text(c))}</td>'
            f'<td class="sentence">{evidence}</td>'
            f'<td>{esc(f.reason)}</td>'
            f'<td data-sort="{f.score:.3f}">{f.score:.2f}</td></tr>'
        )
    head = "".join(f'<th data-col="{i}" tabindex="0">{name}</th>' for i, name in enumerate(
        ("Source", "Line", "Verdict", "Claim", "Value", "Record evidence", "Reason", "Score")))
    return f'<table id="findings"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def summary_block(findings: list[Finding], summary: Summary, record_claims: list[Claim]) -> str:
    """Counts per verdict and per source, the record's title and date range."""
    starts = [c.date.start for c in record_claims if c.date and c.date.start]
    ends = [c.date.end for c in record_claims if c.date and c.date.end]
    span = f"{min(starts)} to {max(ends)}" if starts else "no dated events"
    per_source = []
    for source, group in itertools.groupby(findings, key=lambda f: f.claim.source):
        counts = Counter(f.verdict for f in group)
        per_source.append(f"<tr><td>{esc(source)}</td>" + "".join(
            f'<td class="{v}">{counts[v]}</td>' for v in ("conflict", "agree", "unsupported")) + "</tr>")
    cards = "".join(f'<div class="card {v}"><b>{getattr(summary, v)}</b> {v}</div>' for v in ("conflict", "agree", "unsupported"))
    return (f'<section id="summary"><p>Record: <b>{esc(summary.record)}</b> ({esc(span)}); '
            f"{summary.findings} findings from {summary.sources} source{'s' if summary.sources != 1 else ''}.</p><div class=\"cards\">{cards}</div>"
            f'<table class="per-source"><thead><tr><th>Source</th><th>conflict</th><th>agree</th><th>unsupported</th></tr></thead>'
            f'<tbody>{"".join(per_source)}</tbody></table></section>')


CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:28px 0 8px}
.cards{display:flex;gap:12px;margin:8px 0}.card{padding:8px 14px;border-radius:8px;border:1px solid #d0d7de}
.card b{font-size:20px;margin-right:4px}.card.conflict b,.conflict{color:#cf222e}.card.agree b,.agree{color:#1a7f37}
.card.unsupported b,.unsupported{color:#9a6700}
table{border-collapse:collapse;margin:6px 0}th,td{border-bottom:1px solid #d0d7de;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa;cursor:pointer;user-select:none}th.sorted-asc:after{content:" ▲"}th.sorted-desc:after{content:" ▼"}
.badge{display:inline-block;border-radius:10px;padding:0 8px;color:#fff;font-size:12px}
.badge.agree{background:#1a7f37}.badge.conflict{background:#cf222e}.badge.unsupported{background:#9a6700}
mark{background:#fff3b0;padding:0 1px}.sentence{max-width:520px}.loc{font-family:ui-monospace,monospace;font-size:12px}
#timeline-wrap{overflow-x:auto;border:1px solid #d0d7de;border-radius:8px;padding:6px}
svg text.year{font-size:11px;fill:#57606a}svg text.lane{font-size:12px;fill:#1f2328}
svg .grid{stroke:#eaeef2}svg .lane-line{stroke:#d0d7de}svg .record-mark{fill:#0969da}svg .record-mark.range{fill-opacity:.35}
svg .conflict-link{stroke:#cf222e;stroke-dasharray:4 3;stroke-width:1.5}svg .claim-mark{stroke:#fff;stroke-width:1;cursor:pointer}
svg .claim-mark.unresolved{stroke-width:2}.controls{display:flex;gap:16px;align-items:center;margin:8px 0}
.quantities ul{margin:0;padding-left:16px}.empty{color:#57606a}
.legend span{margin-right:14px}.legend i{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}
"""

SCRIPT = """
(function(){
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr'));
  function apply(){
    var on = {};
    document.querySelectorAll('input.verdict-filter').forEach(function(box){ on[box.value] = box.checked; });
    var source = document.getElementById('source-filter').value;
    rows.forEach(function(row){
      row.hidden = !on[row.dataset.verdict] || (source && row.dataset.source !== source);
    });
    document.querySelectorAll('#timeline .claim-mark').forEach(function(mark){
      mark.style.display = on[mark.dataset.verdict] ? '' : 'none';
    });
    document.getElementById('shown').textContent = rows.filter(function(r){ return !r.hidden; }).length;
  }
  document.querySelectorAll('input.verdict-filter, #source-filter').forEach(function(el){ el.addEventListener('change', apply); });
  document.querySelectorAll('#findings th').forEach(function(th){
    function sort(){
      var col = +th.dataset.col, asc = !th.classList.contains('sorted-asc');
      document.querySelectorAll('#findings th').forEach(function(h){ h.classList.remove('sorted-asc','sorted-desc'); });
      th.classList.add(asc ? 'sorted-asc' : 'sorted-desc');
      var body = document.querySelector('#findings tbody');
      rows.sort(function(a, b){
        var x = a.cells[col].dataset.sort || a.cells[col].textContent, y = b.cells[col].dataset.sort || b.cells[col].textContent;
        return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
      }).forEach(function(r){ body.appendChild(r); });
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function(e){ if (e.key === 'Enter') sort(); });
  });
  document.querySelectorAll('#timeline .claim-mark').forEach(function(mark){
    mark.addEventListener('click', function(){
      var row = document.getElementById('f-' + mark.dataset.finding);
      if (row) { row.hidden = false; row.scrollIntoView({block: 'center'}); }
    });
  });
  apply();
})();
"""


def render(findings: list[Finding], summary: Summary, record_claims: list[Claim]) -> str:
    """The whole page."""
    sources = sorted({f.claim.source for f in findings})
    options = "".join(f'<option value="{esc(s)}">{esc(s)}</option>' for s in sources)
    boxes = "".join(f'<label><input type="checkbox" class="verdict-filter" value="{v}" checked> {v}</label>'
                    for v in ("conflict", "agree", "unsupported"))
    legend = "".join(f'<span><i style="background:{c}"></i>{v}</span>' for v, c in VERDICT_COLOURS.items())
    data = json.dumps({"findings": summary.findings}).replace("<", "\\u003c")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>claimcheck report: {esc(summary.record)}</title>
<style>{CSS}</style></head>
<body>
<h1>claimcheck report against {esc(summary.record)}</h1>
{summary_block(findings, summary, record_claims)}
<h2>Timeline</h2>
<p class="legend"><span><i style="background:#0969da"></i>record event</span>{legend}<span>dashed line: conflict → the record event it contradicts</span></p>
<div id="timeline-wrap">{timeline(findings, record_claims)}</div>
<h2>Figures the record states</h2>
{quantities_panel(findings, record_claims)}
<h2>Findings</h2>
<div class="controls">{boxes}<label>Source <select id="source-filter"><option value="">all</option>{options}</select></label>
<span><span id="shown">{len(findings)}</span> shown</span></div>
{findings_table(findings)}
<script type="application/json" id="claimcheck-data">{data}</script>
<script>{SCRIPT}</script>
</body></html>
"""
