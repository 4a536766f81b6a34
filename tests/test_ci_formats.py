"""`claimcheck check` for CI consumers: GitLab Code Quality and JUnit XML parse as their consumers read them."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from claimcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def check(*args: str):
    return CliRunner().invoke(main, ["check", *args], catch_exceptions=False)


def gitlab(*args: str) -> list[dict]:
    result = check("--format", "gitlab", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_gitlab_code_quality_has_what_gitlab_reads(project: Path) -> None:
    issues = gitlab("--strict")
    assert len(issues) == 4
    for issue in issues:
        # The fields GitLab's Code Quality widget requires (description, check_name, fingerprint,
        # severity, location.path, location.lines.begin).
        assert isinstance(issue["description"], str) and issue["description"]
        assert issue["check_name"] in ("claimcheck/conflict", "claimcheck/unsupported")
        assert issue["severity"] in SEVERITIES
        assert issue["location"]["path"] == "sources/news.md"
        assert isinstance(issue["location"]["lines"]["begin"], int) and issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == 4
    assert {i["severity"] for i in issues if i["check_name"] == "claimcheck/conflict"} == {"major"}


def test_gitlab_fingerprints_survive_a_line_move_and_repeats_are_unique(project: Path) -> None:
    news = project / "sources" / "news.md"
    before = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in gitlab()}
    news.write_text(news.read_text(encoding="utf-8").replace("\n\n", "\n\n\n\n\n", 1), encoding="utf-8")
    after = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in gitlab()}
    assert before.keys() == after.keys() and all(after[k] == before[k] + 3 for k in before)
    twice = "The dam on Lake Tamsin was completed in 1968.\n\nOther text.\n\nThe dam on Lake Tamsin was completed in 1968.\n"
    (project / "sources" / "twice.md").write_text(twice, encoding="utf-8")
    repeated = [i["fingerprint"] for i in gitlab() if i["location"]["path"] == "sources/twice.md"]
    assert len(repeated) == len(set(repeated)) == 2


def test_gitlab_leaves_out_accepted_findings(project: Path) -> None:
    assert len(gitlab("--strict")) == 4
    assert check("--update-baseline").exit_code == 0
    assert gitlab() == [] and gitlab("--strict") == []


def test_junit_one_suite_per_source_and_a_failure_per_failing_finding(project: Path) -> None:
    (project / "sources" / "clean.md").write_text("The dam on Lake Tamsin was completed in 1967.\n", encoding="utf-8")
    result = check("--format", "junit")
    assert result.exit_code == 1
    tree = ET.fromstring(result.stdout)
    assert tree.tag == "testsuites"
    suites = {s.get("name"): s for s in tree.findall("testsuite")}
    assert set(suites) == {"sources/clean.md", "sources/news.md"}  # the record is no suite
    news = suites["sources/news.md"]
    failures = news.findall("testcase/failure")
    assert int(news.get("failures")) == len(failures) == 2 and {f.get("type") for f in failures} == {"conflict"}
    assert int(news.get("tests")) == len(news.findall("testcase"))
    assert int(tree.get("failures")) == 2 and suites["sources/clean.md"].get("failures") == "0"
    for case in tree.iter("testcase"):
        assert case.get("classname") and case.get("name") and int(case.get("line")) >= 1


def test_junit_marks_accepted_findings_skipped_and_escapes_text(project: Path) -> None:
    assert check("--update-baseline").exit_code == 0
    (project / "sources" / "odd.md").write_text('A <b>"dam"</b> & co. \x0b was completed in 1971.\n', encoding="utf-8")
    tree = ET.fromstring(check("--format", "junit").stdout)
    news = next(s for s in tree.findall("testsuite") if s.get("name") == "sources/news.md")
    assert news.get("failures") == "0" and int(news.get("skipped")) == 2
    assert all(s.get("message") == "accepted in the baseline" for s in news.iter("skipped"))


def test_output_format_from_the_environment_and_the_configuration(project: Path) -> None:
    env = {"CLAIMCHECK_OUTPUT_FORMAT": "gitlab"}
    result = CliRunner().invoke(main, ["check"], env=env, catch_exceptions=False)
    assert result.exit_code == 1 and len(json.loads(result.stdout)) == 2
    (project / "claimcheck.toml").write_text('sources = "sources"\noutput-format = "junit"\n', encoding="utf-8")
    assert check().stdout.startswith("<?xml")
    assert check("--format", "table").stdout.startswith("sources/news.md:10:56: conflict")  # --format wins
    out = project / "result.json"
    assert check("-o", str(out)).exit_code == 1 and out.read_text(encoding="utf-8").startswith('{"findings"')  # so does -o's extension
    bad = CliRunner().invoke(main, ["check"], env={"CLAIMCHECK_OUTPUT_FORMAT": "xml"}, catch_exceptions=False)
    assert bad.exit_code == 2 and bad.stderr == (
        "claimcheck: error: CLAIMCHECK_OUTPUT_FORMAT: output-format 'xml' is not one of "
        "table, concise, json, jsonl, sarif, github, gitlab, junit, rdjson\n")
    (project / "claimcheck.toml").write_text('output-format = "pdf"\n', encoding="utf-8")
    assert check().stderr == ("claimcheck: error: claimcheck.toml: output-format 'pdf' is not one of "
                              "table, concise, json, jsonl, sarif, github, gitlab, junit, rdjson\n")


def test_show_settings(project: Path) -> None:
    (project / "claimcheck.toml").write_text('sources = "sources"\nextend-exclude = ["drafts"]\n', encoding="utf-8")
    result = check("--show-settings")
    assert result.exit_code == 0
    settings = dict(line.split(None, 1) if not line.startswith(("project root", "output-format")) else
                    (line[:14].strip(), line[14:].strip()) for line in result.stdout.splitlines())
    assert settings["project root"] == str(project.resolve()) and settings["sources"] == "sources"
    assert settings["baseline"] == "claims/baseline.json" and settings["exclude"].endswith(", drafts")


def test_concise_names_the_record_file_and_line(project: Path) -> None:
    result = check("--format", "concise", "--strict")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "sources/news.md:10:56: conflict '28 percent' (record: '38 percent', sources/authority-report.md:10)",
        "sources/news.md:14:42: conflict 'March 2020' (record: '12 March 2021', sources/authority-report.md:14)",
        "sources/news.md:16:14: unsupported '20 percent'",
        "sources/news.md:16:39: unsupported 'last winter'",
    ]


def test_rdjson_for_reviewdog(project: Path) -> None:
    result = check("--format", "rdjson")
    data = json.loads(result.stdout)
    assert data["source"]["name"] == "claimcheck"
    assert [(d["severity"], d["code"]["value"]) for d in data["diagnostics"]] == [("ERROR", "claimcheck/conflict")] * 2
    first = data["diagnostics"][0]
    assert first["location"]["path"] == "sources/news.md" and first["location"]["range"]["start"] == {"line": 10, "column": 56}
    assert first["related_locations"][0]["location"]["path"] == "sources/authority-report.md"
