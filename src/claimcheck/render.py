"""Last stage: turn claims and findings into JSON, JSONL, CSV, Markdown or a terminal table."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable

from .models import Claim, Finding, Summary

_CSV_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def claim_dict(claim: Claim) -> dict:
    """The JSON shape of a claim (DESIGN.md, "Claims")."""
    data = claim.model_dump(mode="json", exclude={"sentence_index", "sentence_start"})
    if claim.kind == "date":
        data.pop("quantity")
    else:
        data.pop("date")
    return data


def finding_dict(finding: Finding) -> dict:
    """The JSON shape of a finding: the claim's fields plus verdict, evidence, reason, score, fingerprint."""
    data = claim_dict(finding.claim)
    data.update(
        verdict=finding.verdict,
        evidence=finding.evidence.model_dump(mode="json") if finding.evidence else {},
        reason=finding.reason,
        score=round(finding.score, 3),
        fingerprint=finding.fingerprint,
    )
    return data


def value_text(claim: Claim) -> str:
    """A short human reading of a claim's normalised value."""
    if claim.date:
        d = claim.date
        if d.unresolved:
            return "unresolved (undated source)"
        if d.start == d.end:
            return str(d.start)
        return f"{d.start}..{d.end}"
    q = claim.quantity
    number = f"{q.value:,.6g}" if abs(q.value) < 1e15 else f"{q.value:.6g}"
    if q.value == int(q.value) and abs(q.value) < 1e15:
        number = f"{int(q.value):,}"
    bound = {"over": ">", "under": "<", "about": "~", "at_least": "≥", "at_most": "≤"}.get(q.approx, "")
    return f"{bound}{number}{' ' + q.unit if q.unit else ''}"


def claims_json(claims: Iterable[Claim]) -> str:
    """`{"claims": [...]}` with a trailing newline."""
    return json.dumps({"claims": [claim_dict(c) for c in claims]}, ensure_ascii=False, indent=1) + "\n"


def claims_jsonl(claims: Iterable[Claim]) -> str:
    """One claim per line."""
    return "".join(json.dumps(claim_dict(c), ensure_ascii=False, sort_keys=True) + "\n" for c in claims)


def safe_cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_CSV_DANGEROUS) else text


def _csv(header: list[str], rows: Iterable[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue()


def claims_csv(claims: Iterable[Claim]) -> str:
    """One row per claim."""
    header = ["source", "path", "line", "column", "role", "kind", "quote", "value", "start", "end", "number", "unit", "rule", "sentence"]
    rows = (
        [c.source, c.path, c.line, c.column, c.role, c.kind, c.quote, value_text(c),
         c.date.start if c.date else "", c.date.end if c.date else "",
         c.quantity.value if c.quantity else "", c.quantity.unit if c.quantity else "", c.rule, c.sentence]
        for c in claims
    )
    return _csv(header, rows)


def findings_json(findings: list[Finding], summary: Summary, status: dict[str, str] | None = None) -> str:
    """`{"findings": [...], "summary": {...}}`; with `status`, each finding says if it fails a check."""
    rows = [finding_dict(f) for f in findings]
    if status is not None:
        for row, f in zip(rows, findings, strict=True):
            row["status"] = status.get(f.fingerprint, "ok")
    data = {"findings": rows, "summary": summary.model_dump(mode="json")}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


FINDINGS_CSV_HEADER = [
    "source", "path", "line", "column", "kind", "quote", "value", "verdict", "evidence_path",
    "evidence_line", "evidence", "evidence_quote", "reason", "score", "fingerprint",
]


def findings_csv(findings: Iterable[Finding]) -> str:
    """The discrepancy table: one row per finding."""
    rows = (
        [f.claim.source, f.claim.path, f.claim.line, f.claim.column, f.claim.kind, f.claim.quote,
         value_text(f.claim), f.verdict, f.evidence.path if f.evidence else "",
         f.evidence.line if f.evidence else "", f.evidence.sentence if f.evidence else "",
         f.evidence.quote if f.evidence else "", f.reason, f"{f.score:.3f}", f.fingerprint]
        for f in findings
    )
    return _csv(FINDINGS_CSV_HEADER, rows)


def _md(text: object) -> str:
    """Escape a value for a Markdown table cell."""
    out = str(text if text is not None else "")
    for ch in "\\`*_[]<>|":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


def findings_markdown(findings: list[Finding], summary: Summary) -> str:
    """A Markdown report: counts, then one table per source."""
    lines = [
        f"# claimcheck report against {_md(summary.record)}",
        "",
        f"{summary.findings} findings: {summary.conflict} conflict, {summary.agree} agree, {summary.unsupported} unsupported.",
        "",
    ]
    for source in dict.fromkeys(f.claim.source for f in findings):
        lines += [f"## {_md(source)}", "", "| line | verdict | quote | value | record | reason |", "|---:|---|---|---|---|---|"]
        for f in (f for f in findings if f.claim.source == source):
            ev = f"{_md(f.evidence.path)}:{f.evidence.line} {_md(f.evidence.quote)}" if f.evidence else ""
            lines.append(f"| {f.claim.line} | {f.verdict} | {_md(f.claim.quote)} | {_md(value_text(f.claim))} | {ev} | {_md(f.reason)} |")
        lines.append("")
    return "\n".join(lines)


VERDICT_STYLE = {"agree": "green", "conflict": "bold red", "unsupported": "yellow"}


def claims_table(claims: list[Claim], console) -> None:
    """Print claims as a rich table grouped by source."""
    from rich.table import Table

    for source in dict.fromkeys(c.source for c in claims):
        rows = [c for c in claims if c.source == source]
        table = Table(title=f"{source} ({rows[0].path}, {rows[0].role})", title_justify="left", expand=False)
        for name in ("line", "kind", "quote", "value", "rule"):
            table.add_column(name, justify="right" if name == "line" else "left", overflow="fold")
        for c in rows:
            table.add_row(f"{c.line}:{c.column}", c.kind, c.quote, value_text(c), c.rule)
        console.print(table)
    counts = Counter(c.kind for c in claims)
    console.print(f"{len(claims)} claims: {counts['date']} dates, {counts['quantity']} quantities")


def findings_table(findings: list[Finding], summary: Summary, console) -> None:
    """Print findings as rich tables grouped by source, then the counts."""
    from rich.table import Table
    from rich.text import Text

    for source in dict.fromkeys(f.claim.source for f in findings):
        rows = [f for f in findings if f.claim.source == source]
        table = Table(title=f"{source} ({rows[0].claim.path})", title_justify="left")
        for name in ("line", "verdict", "quote", "value", "record", "reason"):
            table.add_column(name, overflow="fold", justify="right" if name == "line" else "left")
        for f in rows:
            ev = f"{f.evidence.line}: {f.evidence.quote}" if f.evidence else "—"
            table.add_row(str(f.claim.line), Text(f.verdict, style=VERDICT_STYLE[f.verdict]), f.claim.quote,
                          value_text(f.claim), ev, f.reason)
        console.print(table)
    console.print(
        f"{summary.findings} findings against {summary.record}: "
        f"[bold red]{summary.conflict} conflict[/], [green]{summary.agree} agree[/], "
        f"[yellow]{summary.unsupported} unsupported[/]"
    )


def gate_table(failing: list[Finding], status: dict[str, str], summary: Summary, console) -> None:
    """Print the findings that fail the check, linter style: path:line:col verdict quote reason."""
    from rich.text import Text

    for f in failing:
        line = Text(f"{f.claim.path}:{f.claim.line}:{f.claim.column}: ")
        line.append(f.verdict, style=VERDICT_STYLE[f.verdict])
        line.append(f" {f.claim.quote!r} — {f.reason}")
        console.print(line, soft_wrap=True)
    if not failing:
        console.print(f"[green]No failing findings[/] against {summary.record}.")
