"""Renderers for CI: SARIF 2.1.0 for code scanning and GitHub workflow-command annotations."""

from __future__ import annotations

import json
from pathlib import Path

from . import __version__
from .models import Finding
from .render import value_text

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


def sarif(findings: list[Finding], status: dict[str, str], strict: bool) -> str:
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
                    "artifactLocation": {"uri": Path(f.claim.path).as_posix(), "uriBaseId": "%SRCROOT%"},
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
                "physicalLocation": {"artifactLocation": {"uri": Path(f.evidence.path).as_posix(), "uriBaseId": "%SRCROOT%"},
                                     "region": {"startLine": f.evidence.line}},
            }]
        if state == "suppressed":
            result["suppressions"] = [{"kind": "inSource"}]
        elif state == "baseline":
            result["suppressions"] = [{"kind": "external", "justification": "accepted in the claimcheck baseline"}]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck",
                "version": __version__,
                "informationUri": "https://pypi.org/project/claimcheck/",
                "rules": [{
                    "id": r["id"], "name": r["name"],
                    "shortDescription": {"text": r["short"]}, "fullDescription": {"text": r["full"]},
                    "help": {"text": r["help"]}, "defaultConfiguration": {"level": r["level"]},
                } for r in RULES.values()],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(failing: list[Finding], cap: int) -> str:
    """`::error` lines for failing findings, conflicts first, at most `cap`, then a count of the rest."""
    lines = []
    for f in failing[:cap]:
        kind = "error" if f.verdict == "conflict" else "warning"
        props = ",".join(f"{k}={_escape_property(str(v))}" for k, v in (
            ("file", Path(f.claim.path).as_posix()), ("line", f.claim.line), ("col", f.claim.column),
            ("title", f"claimcheck {f.verdict}")))
        lines.append(f"::{kind} {props}::{_escape_data(_message(f))}")
    if len(failing) > cap:
        lines.append(f"::notice title=claimcheck::{len(failing) - cap} more failing findings not annotated (see the full report)")
    return "".join(line + "\n" for line in lines)
