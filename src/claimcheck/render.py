"""Last stage: turn claims and findings into JSON, JSONL, CSV, Markdown or a terminal table."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

import msgspec

from .compare import interval_text, value_text  # noqa: F401  (re-exported: renderers read values here)
from .models import Claim, Finding, Summary

_CSV_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
# Control characters from a document would act in the output: a CR starts a line that opens a Markdown
# code fence ("\r~~~"), an ESC sequence recolours or rewrites a terminal. In one-line outputs line breaks
# become spaces; every other control character is shown as an escape ("\x1b").
_BREAKS = re.compile(r"\r\n|[\r\n\t\v\f\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shown_controls(text: str) -> str:
    """Text with its control characters written as escapes, tabs and line breaks kept (CSV cells, messages)."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}",
                         text)


def one_line(text: object) -> str:
    """Text for one line of output: line breaks and tabs as spaces, other control characters as escapes."""
    return shown_controls(_BREAKS.sub(" ", "" if text is None else str(text)))


def claim_dict(claim: Claim) -> dict:
    """The JSON shape of a claim (DESIGN.md, "Claims")."""
    data = msgspec.to_builtins(claim)
    del data["sentence_index"], data["sentence_start"]
    if claim.kind == "date":
        data.pop("quantity")
    else:
        data.pop("date")
        data["quantity"].pop("step", None)  # internal: the rounding tolerance comes from the quote
        if data["quantity"].get("text") is None:
            data["quantity"].pop("text", None)  # only values one number cannot hold carry a text ("4-2 pens")
    return data


def finding_dict(finding: Finding) -> dict:
    """The JSON shape of a finding: the claim's fields plus verdict, evidence, reason, score, fingerprint."""
    data = claim_dict(finding.claim)
    data.update(
        verdict=finding.verdict,
        evidence=msgspec.to_builtins(finding.evidence) if finding.evidence else {},
        reason=finding.reason,
        score=round(finding.score, 3),
        fingerprint=finding.fingerprint,
    )
    return data


def _items(prefix: str, rows: Iterable[str], suffix: Callable[[], str]) -> Iterator[str]:
    """A JSON array streamed one row per line between `prefix` and the closing text."""
    yield prefix
    first = True
    for row in rows:
        yield ("  " if first else ",\n  ") + row
        first = False
    yield ("\n" if not first else "") + suffix()


def claims_json(claims: Iterable[Claim]) -> Iterator[str]:
    """`{"claims": [...]}`, streamed, one claim per line."""
    rows = (json.dumps(claim_dict(c), ensure_ascii=False) for c in claims)
    return _items('{"claims": [\n', rows, lambda: "]}\n")


def claims_jsonl(claims: Iterable[Claim]) -> Iterator[str]:
    """One claim per line."""
    return (json.dumps(claim_dict(c), ensure_ascii=False, sort_keys=True) + "\n" for c in claims)


# A formula after a line break inside a cell: an importer that splits lines itself starts a row there.
_FORMULA_AFTER_BREAK = re.compile(r"(?<=[\r\n])(?=[=+\-@\t])")


def safe_cell(value: object) -> str:
    """A CSV cell that a spreadsheet will not run as a formula, at its start or after a line break in it."""
    text = shown_controls("" if value is None else str(value))
    text = _FORMULA_AFTER_BREAK.sub("'", text)
    return "'" + text if text.startswith(_CSV_DANGEROUS) else text


def _csv(header: list[str], rows: Iterable[list[object]]) -> Iterator[str]:
    """CSV text streamed row by row, every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # csv quotes a cell for the characters of its line terminator only, so a lone CR would stand
    # unquoted and end the row for a spreadsheet: a row with a CR is written with every cell quoted.
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in itertools.chain([header], ([safe_cell(v) for v in row] for row in rows)):
        (quoted if any("\r" in cell for cell in row) else writer).writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def claims_csv(claims: Iterable[Claim]) -> Iterator[str]:
    """One row per claim."""
    header = ["source", "path", "line", "column", "role", "kind", "quote", "value", "start", "end", "number", "unit", "rule", "sentence"]
    rows = (
        [c.source, c.path, c.line, c.column, c.role, c.kind, c.quote, value_text(c),
         c.date.start if c.date else "", c.date.end if c.date else "",
         c.quantity.value if c.quantity else "", c.quantity.unit if c.quantity else "", c.rule, c.sentence]
        for c in claims
    )
    return _csv(header, rows)


def findings_json(findings: Iterable[Finding], summary: Summary | Callable[[], Summary],
                  status: dict[str, str] | None = None) -> Iterator[str]:
    """`{"findings": [...], "summary": {...}}`, streamed; with `status`, each finding says if it fails a check.

    `summary` may be a callable, read after the last finding (counts gathered while streaming).
    """
    def row(f: Finding) -> str:
        data = finding_dict(f)
        if status is not None:
            data["status"] = status.get(f.fingerprint, "ok")
        return json.dumps(data, ensure_ascii=False)

    def closing() -> str:
        counts = summary() if callable(summary) else summary
        return '],\n"summary": ' + json.dumps(msgspec.to_builtins(counts), ensure_ascii=False) + "}\n"

    return _items('{"findings": [\n', (row(f) for f in findings), closing)


def findings_jsonl(findings: Iterable[Finding], status: dict[str, str] | None = None) -> Iterator[str]:
    """One finding per line (with `status`, whether it fails a check)."""
    for f in findings:
        data = finding_dict(f)
        if status is not None:
            data["status"] = status.get(f.fingerprint, "ok")
        yield json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"


FINDINGS_CSV_HEADER = [
    "source", "path", "line", "column", "kind", "quote", "value", "verdict", "evidence_path",
    "evidence_line", "evidence", "evidence_quote", "reason", "score", "fingerprint",
]


def findings_csv(findings: Iterable[Finding]) -> Iterator[str]:
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
    out = one_line(text)
    for ch in "\\`*_[]<>|~":
        out = out.replace(ch, "\\" + ch)
    return out


def findings_markdown(findings: Iterable[Finding], summary: Summary | Callable[[], Summary], record: str) -> Iterator[str]:
    """A Markdown report, streamed: one table per source (findings come grouped by path), counts last."""
    yield f"# claimcheck report against {_md(record)}\n"
    for path, group in itertools.groupby(findings, key=lambda f: f.claim.path):
        rows = list(group)
        yield f"\n## {_md(rows[0].claim.source)} ({_md(path)})\n\n| line | verdict | quote | value | record | reason |\n|---:|---|---|---|---|---|\n"
        for f in rows:
            ev = f"{_md(f.evidence.path)}:{f.evidence.line} {_md(f.evidence.quote)}" if f.evidence else ""
            yield f"| {f.claim.line} | {f.verdict} | {_md(f.claim.quote)} | {_md(value_text(f.claim))} | {ev} | {_md(f.reason)} |\n"
    counts = summary() if callable(summary) else summary
    yield (f"\n{counts.findings} findings: {counts.conflict} conflict, {counts.agree} agree, "
           f"{counts.unsupported} unsupported.\n")


VERDICT_STYLE = {"agree": "green", "conflict": "bold red", "unsupported": "yellow"}


# Text from documents (titles, paths, quotes, reasons) goes to rich as Text or escaped, never as
# markup: "Report [/]" would crash, "[draft]" vanish and "[link=...]" make a terminal hyperlink.

def claims_table(claims: Iterable[Claim], console) -> None:
    """Print claims as rich tables, one per source as each arrives."""
    from rich.table import Table
    from rich.text import Text

    counts: Counter[str] = Counter()
    for _path, group in itertools.groupby(claims, key=lambda c: c.path):
        rows = list(group)
        counts.update(c.kind for c in rows)
        source = rows[0].source
        table = Table(title=Text(one_line(f"{source} ({rows[0].path}, {rows[0].role})")), title_justify="left",
                      expand=False)
        for name in ("line", "kind", "quote", "value", "rule"):
            table.add_column(name, justify="right" if name == "line" else "left", overflow="fold")
        for c in rows:
            table.add_row(f"{c.line}:{c.column}", c.kind, Text(one_line(c.quote)), Text(one_line(value_text(c))), c.rule)
        console.print(table)
    console.print(f"{counts.total()} claims: {counts['date']} dates, {counts['quantity']} quantities")


def findings_table(findings: Iterable[Finding], summary: Summary | Callable[[], Summary], console) -> None:
    """Print findings as rich tables, one per source as each arrives, then the counts."""
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    for _path, group in itertools.groupby(findings, key=lambda f: f.claim.path):
        rows = list(group)
        source = rows[0].claim.source
        table = Table(title=Text(one_line(f"{source} ({rows[0].claim.path})")), title_justify="left")
        for name in ("line", "verdict", "quote", "value", "record", "reason"):
            table.add_column(name, overflow="fold", justify="right" if name == "line" else "left")
        for f in rows:
            ev = f"{f.evidence.line}: {f.evidence.quote}" if f.evidence else "—"
            table.add_row(str(f.claim.line), Text(f.verdict, style=VERDICT_STYLE[f.verdict]), Text(one_line(f.claim.quote)),
                          Text(one_line(value_text(f.claim))), Text(one_line(ev)), Text(one_line(f.reason)))
        console.print(table)
    summary = summary() if callable(summary) else summary
    console.print(
        f"{summary.findings} findings against {escape(one_line(summary.record))}: "
        f"[bold red]{summary.conflict} conflict[/], [green]{summary.agree} agree[/], "
        f"[yellow]{summary.unsupported} unsupported[/]"
    )


def gate_table(failing: list[Finding], status: dict[str, str], summary: Summary, console) -> None:
    """Print the findings that fail the check, linter style: path:line:col verdict quote reason."""
    from rich.markup import escape
    from rich.text import Text

    for f in failing:
        line = Text(one_line(f"{f.claim.path}:{f.claim.line}:{f.claim.column}: "))
        line.append(f.verdict, style=VERDICT_STYLE[f.verdict])
        line.append(one_line(f" {f.claim.quote!r} — {f.reason}"))
        console.print(line, soft_wrap=True)
    if not failing:
        console.print(f"[green]No failing findings[/] against {escape(one_line(summary.record))}.")
