"""Renderers for CI: SARIF 2.1.0, GitHub annotations and step summary, GitLab Code Quality, JUnit XML."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import quoteattr

from . import __version__
from .models import Finding, Summary
from .render import findings_markdown, one_line, shown_controls, value_text

# GitHub shows at most this many error and this many warning annotations per step, and silently
# drops the rest (docs: "Workflow commands", limits of annotations).
GITHUB_ANNOTATIONS_PER_LEVEL = 10
DISTRIBUTION = "claimcheck-prose"  # the name on the package index ("claimcheck" there is another project)

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULES = {
    "conflict": {
        "id": "claimcheck/conflict",
        "name": "ConflictsWithRecord",
        "short": "A claim contradicts the authoritative record.",
        "full": "The record states the same fact (same subject and event) with an incompatible date or figure.",
        "help": "Correct the claim to match the record, or accept it in claims/baseline.json "
                "(claimcheck check --update-baseline) or with <!-- claimcheck: ignore --> above the sentence.",
        "level": "error",
    },
    "unsupported": {
        "id": "claimcheck/unsupported",
        "name": "UnsupportedByRecord",
        "short": "A claim the record does not state.",
        "full": "No sentence of the record states this date or figure for the same fact.",
        "help": "Cite a source for the claim, add it to the record, or accept it in the baseline.",
        "level": "warning",
    },
}


def _message(f: Finding) -> str:
    claim = f"{f.claim.quote!r} ({value_text(f.claim)})"
    if f.evidence:
        return f"{claim} {f.verdict}s with the record ({f.evidence.path}:{f.evidence.line}: {f.evidence.quote!r}): {f.reason}"
    return f"{claim} is unsupported: {f.reason}"


@lru_cache(maxsize=1)
def project_url() -> str | None:
    """This project's home page from the installed package's metadata, if it declares one."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        meta = metadata(DISTRIBUTION)
    except PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or ():
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository") and url.strip():
            return url.strip()
    return meta.get("Home-page") or None


def _uri(path: str) -> str:
    """A path as a SARIF artifact URI: percent-encoded ("a b.md" is "a%20b.md", "c#d.md" is "c%23d.md")."""
    return quote(Path(path).as_posix(), safe="/")


def sarif(findings: list[Finding], status: dict[str, str], strict: bool, root: Path | None = None) -> str:
    """A SARIF 2.1.0 log of every conflict (and unsupported claim) with its baseline state."""
    results = []
    for f in findings:
        if f.verdict == "agree":
            continue
        rule = RULES[f.verdict]
        state = status.get(f.fingerprint, "new")
        result = {
            "ruleId": rule["id"],
            "ruleIndex": list(RULES).index(f.verdict),
            "level": rule["level"] if (f.verdict == "conflict" or strict) else "note",
            "message": {"text": _message(f)},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.claim.path), "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": f.claim.line, "startColumn": f.claim.column,
                               "endColumn": f.claim.column + len(f.claim.quote) if "\n" not in f.claim.quote else f.claim.column + 1,
                               "snippet": {"text": f.claim.quote}},
                }
            }],
            "partialFingerprints": {"claimcheck/v1": f.fingerprint},
            "baselineState": "unchanged" if state == "baseline" else "new",
            "properties": {"verdict": f.verdict, "score": round(f.score, 3)},
        }
        if f.evidence:
            result["relatedLocations"] = [{
                "id": 1,
                "message": {"text": f"record: {f.evidence.quote}"},
                "physicalLocation": {"artifactLocation": {"uri": _uri(f.evidence.path), "uriBaseId": "%SRCROOT%"},
                                     "region": {"startLine": f.evidence.line}},
            }]
        if state == "suppressed":
            result["suppressions"] = [{"kind": "inSource"}]
        elif state == "baseline":
            result["suppressions"] = [{"kind": "external", "justification": "accepted in the claimcheck baseline"}]
        results.append(result)
    driver = {
        "name": "claimcheck",
        "version": __version__,
        "rules": [{
            "id": r["id"], "name": r["name"],
            "shortDescription": {"text": r["short"]}, "fullDescription": {"text": r["full"]},
            "help": {"text": r["help"]}, "defaultConfiguration": {"level": r["level"]},
        } for r in RULES.values()],
    }
    # Only this project's own address: "claimcheck" on the package index is an unrelated project,
    # and SARIF makes informationUri optional, so without a declared home page there is none.
    if project_url():
        driver["informationUri"] = project_url()
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            # Columns count characters, as Python strings do; SARIF's default is UTF-16 code units.
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"uri": (root or Path.cwd()).resolve().as_uri() + "/"}},
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"


def _escape_data(text: str) -> str:
    return shown_controls(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _end_column(f: Finding) -> int:
    """The column just past the quote (or past its first line, when it spans lines)."""
    return f.claim.column + len(f.claim.quote.split("\n", 1)[0])


def github(failing: list[Finding], cap: int = GITHUB_ANNOTATIONS_PER_LEVEL) -> tuple[str, list[Finding]]:
    """`::error`/`::warning` lines for failing findings, at most `cap` of each level (what GitHub shows).

    Returns the annotations and the failing findings left without one, for the step summary.
    """
    lines = []
    rest = []
    shown = {"error": 0, "warning": 0}
    for f in failing:
        kind = "error" if f.verdict == "conflict" else "warning"
        if shown[kind] >= cap:
            rest.append(f)
            continue
        shown[kind] += 1
        props = ",".join(f"{k}={_escape_property(str(v))}" for k, v in (
            ("file", Path(f.claim.path).as_posix()), ("line", f.claim.line), ("endLine", f.claim.line),
            ("col", f.claim.column), ("endColumn", _end_column(f)), ("title", f"claimcheck {f.verdict}")))
        lines.append(f"::{kind} {props}::{_escape_data(_message(f))}")
    return "".join(line + "\n" for line in lines), rest


def step_summary(failing: list[Finding], unannotated: int, summary: Summary, record: str, headline: str,
                 cap: int = GITHUB_ANNOTATIONS_PER_LEVEL) -> str:
    """The GitHub step summary: the counts, then every failing finding (annotated or not) as a table."""
    out = [f"## claimcheck\n\n{headline}\n"]
    if unannotated:
        out.append(f"\n{unannotated} of the {len(failing)} failing findings have no annotation (at most {cap} errors "
                   f"and {cap} warnings are annotated; GitHub shows no more than {GITHUB_ANNOTATIONS_PER_LEVEL} of each "
                   "per step); all are listed here.\n")
    if failing:
        table = "".join(findings_markdown(sorted(failing, key=_by_position), summary, record))
        out.append("\n" + table.split("\n", 1)[1].lstrip("\n").replace("## ", "### "))
    return "".join(out)


def _by_position(f: Finding) -> tuple:
    return (f.claim.path, f.claim.line, f.claim.column)


def gitlab(findings: list[Finding], status: dict[str, str]) -> str:
    """GitLab Code Quality JSON: the findings that fail the check (not accepted by the baseline or an ignore)."""
    issues = []
    for f in findings:
        if status.get(f.fingerprint) != "new":
            continue
        severity = "major" if f.verdict == "conflict" else "minor"
        issues.append({
            "type": "issue",
            "check_name": RULES[f.verdict]["id"],
            "description": _message(f),
            "categories": ["Bug Risk"],
            "severity": severity,
            # Unique per finding (repeats are numbered) and built without the line, so a moved
            # paragraph keeps its fingerprint and GitLab does not report it as fixed and new.
            "fingerprint": f.fingerprint,
            # lines.begin: the form GitLab's documentation shows (positions is the other accepted one).
            "location": {"path": Path(f.claim.path).as_posix(), "lines": {"begin": f.claim.line, "end": f.claim.line}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=1) + "\n"


def junit(findings: list[Finding], status: dict[str, str], sources: list[str]) -> str:
    """JUnit XML: one suite per secondary source, one test case per claim; failing findings fail."""
    by_path: dict[str, list[Finding]] = {path: [] for path in sources}
    for f in findings:
        by_path.setdefault(f.claim.path, []).append(f)
    suites = []
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for path, group in by_path.items():
        cases = []
        failures = skipped = 0
        for f in group:
            state = status.get(f.fingerprint, "ok")
            name = f"{f.claim.line}:{f.claim.column} {f.verdict} {f.claim.quote}"
            attrs = f"name={_attr(name)} classname={_attr(path)} file={_attr(path)} line=\"{f.claim.line}\""
            if state == "new":
                failures += 1
                body = (f"<failure message={_attr(_message(f))} type={_attr(f.verdict)}>"
                        f"{_xml_text(f.claim.sentence)}</failure>")
            elif state in ("baseline", "suppressed"):
                skipped += 1
                why = "accepted in the baseline" if state == "baseline" else "suppressed by an ignore comment"
                body = f"<skipped message={_attr(why)}/>"
            else:
                body = ""
            cases.append(f"  <testcase {attrs}>{body}</testcase>\n" if body else f"  <testcase {attrs}/>\n")
        totals["tests"] += len(group)
        totals["failures"] += failures
        totals["skipped"] += skipped
        suites.append(f" <testsuite name={_attr(path)} tests=\"{len(group)}\" failures=\"{failures}\" "
                      f"errors=\"0\" skipped=\"{skipped}\">\n" + "".join(" " + c for c in cases) + " </testsuite>\n")
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="claimcheck" tests="{totals["tests"]}" '
            f'failures="{totals["failures"]}" errors="0" skipped="{totals["skipped"]}">\n')
    return head + "".join(suites) + "</testsuites>\n"


def concise(failing: list[Finding]) -> str:
    """One short line per failing finding: where, what, and the record's value with its file and line."""
    lines = []
    for f in failing:
        where = f"{f.claim.path}:{f.claim.line}:{f.claim.column}: {f.verdict} {f.claim.quote!r}"
        if f.evidence:
            where += f" (record: {f.evidence.quote!r}, {f.evidence.path}:{f.evidence.line})"
        lines.append(one_line(where) + "\n")
    return "".join(lines)


def rdjson(findings: list[Finding], status: dict[str, str]) -> str:
    """reviewdog's Diagnostic JSON (rdjson): the findings that fail the check."""
    diagnostics = []
    for f in findings:
        if status.get(f.fingerprint) != "new":
            continue
        diagnostic = {
            "message": _message(f),
            "location": {"path": Path(f.claim.path).as_posix(),
                         "range": {"start": {"line": f.claim.line, "column": f.claim.column},
                                   "end": {"line": f.claim.line, "column": _end_column(f)}}},
            "severity": "ERROR" if f.verdict == "conflict" else "WARNING",
            "code": {"value": RULES[f.verdict]["id"]},
        }
        if f.evidence:
            diagnostic["related_locations"] = [{
                "message": f"record: {f.evidence.quote}",
                "location": {"path": Path(f.evidence.path).as_posix(), "range": {"start": {"line": f.evidence.line}}},
            }]
        diagnostics.append(diagnostic)
    source = {"name": "claimcheck"}
    if project_url():
        source["url"] = project_url()
    return json.dumps({"source": source, "diagnostics": diagnostics}, ensure_ascii=False, indent=1) + "\n"


def _clean(text: str) -> str:
    # Characters XML 1.0 cannot hold at all (most control characters) are dropped.
    return "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20 and ch not in "\ufffe\uffff"
                                                          and not 0xD800 <= ord(ch) < 0xE000))


def _attr(text: str) -> str:
    return quoteattr(_clean(text))


def _xml_text(text: str) -> str:
    return _clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

