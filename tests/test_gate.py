"""`claimcheck check`: exit codes, baseline, suppressions, snapshots, SARIF and GitHub output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent


def check(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["check", *args], env=env, catch_exceptions=False)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fix_conflicts(project: Path) -> None:
    """Make the news article agree with the record, so the corpus starts clean."""
    news = project / "sources" / "news.md"
    edit(news, "dropped to 28 percent", "dropped to 38 percent")
    edit(news, "opened in March 2020", "opened in March 2021")


def test_clean_corpus_exits_0(project: Path) -> None:
    fix_conflicts(project)
    result = check()
    assert result.exit_code == 0, result.output


def test_conflicting_edit_exits_1_and_names_the_quote(project: Path) -> None:
    fix_conflicts(project)
    edit(project / "sources" / "news.md", "completed in 1967", "completed in 1968")  # a one-digit slip
    result = check("--format", "json")
    assert result.exit_code == 1
    failing = [f for f in json.loads(result.stdout)["findings"] if f["status"] == "new"]
    assert [(f["quote"], f["verdict"]) for f in failing] == [("1968", "conflict")]


@pytest.mark.parametrize(("old", "new"), [
    ("completed in 1967", "completed on 4 May 1967"),  # a year to a full date
    ("more than 400,000 households", "more than four hundred thousand households"),  # digits to words
])
def test_rephrasing_keeps_exit_0(project: Path, old: str, new: str) -> None:
    fix_conflicts(project)
    edit(project / "sources" / "news.md", old, new)
    assert check().exit_code == 0


def test_bundled_sources_conflicting_edit_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    assert check("sources").exit_code == 0
    article = next((tmp_path / "sources").glob("nato-training-mission*"))
    edit(article, "trained 15,000 Iraqi", "trained 12,000 Iraqi")
    result = check("sources")
    assert result.exit_code == 1 and "'12,000'" in result.stdout


def test_update_baseline_accepts_then_a_new_conflict_fails(project: Path) -> None:
    result = check("--update-baseline")
    assert result.exit_code == 0
    assert "claims/baseline.json: 4 added, 0 removed, 0 kept" in result.stderr.replace("\\", "/")
    baseline = json.loads((project / "claims" / "baseline.json").read_text(encoding="utf-8"))
    assert {e["verdict"] for e in baseline["entries"]} <= {"conflict", "unsupported"}
    assert all("line" not in e for e in baseline["entries"])
    edit(project / "sources" / "news.md", "completed in 1967", "completed in 1968")
    assert check().exit_code == 1


def test_baseline_survives_a_paragraph_moved_up_ten_lines(project: Path) -> None:
    news = project / "sources" / "news.md"
    assert check("--update-baseline").exit_code == 0
    lines = news.read_text(encoding="utf-8").split("\n")
    moved = [i for i, line in enumerate(lines) if "28 percent" in line][0]
    paragraph = lines.pop(moved)
    lines.insert(moved - 4, paragraph)
    news.write_text("\n".join(lines[:7] + [""] * 10 + lines[7:]), encoding="utf-8")  # and shift by ten lines
    result = check()
    assert result.exit_code == 0, result.output
    assert "stale" not in result.stderr


def test_stale_entries_are_reported_without_failing(project: Path) -> None:
    assert check("--update-baseline").exit_code == 0
    fix_conflicts(project)
    result = check()
    assert result.exit_code == 0 and "stale entry" in result.stderr


def test_strict_fails_on_unsupported(project: Path) -> None:
    fix_conflicts(project)
    assert check().exit_code == 0
    assert check("--strict").exit_code == 1
    assert check("--strict", "--exit-zero").exit_code == 0


def test_inline_suppression_accepts_the_next_sentence(project: Path) -> None:
    news = project / "sources" / "news.md"
    edit(news, "During the 2018 drought", "<!-- claimcheck: ignore -->\nDuring the 2018 drought")
    edit(news, "Its new treatment plant", "<!-- claimcheck: ignore -->\nIts new treatment plant")
    edit(news, "Lake Tamsin, completed", "<!-- claimcheck: ignore -->\nLake Tamsin, completed")
    result = check()
    assert result.exit_code == 0, result.output
    assert result.stderr.count("suppression matches no failing finding") == 1


def test_malformed_baseline_exits_2(project: Path) -> None:
    (project / "claims").mkdir()
    (project / "claims" / "baseline.json").write_text("{not json", encoding="utf-8")
    result = check()
    assert result.exit_code == 2 and "baseline.json" in result.stderr and "Traceback" not in result.output


def test_unreadable_record_never_exits_0(project: Path) -> None:
    (project / "sources" / "authority-report.md").write_bytes(b"\xff\xfe broken")
    assert check().exit_code == 2


def test_sarif_has_the_required_fields(project: Path) -> None:
    result = check("--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "claimcheck" and driver["version"]
    rule_ids = {r["id"] for r in driver["rules"]}
    assert {"claimcheck/conflict", "claimcheck/unsupported"} <= rule_ids
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in driver["rules"])
    conflicts = [r for r in run["results"] if r["ruleId"] == "claimcheck/conflict"]
    assert conflicts
    for res in run["results"]:
        assert res["ruleId"] in rule_ids and res["level"] in ("error", "warning", "note")
        assert res["message"]["text"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "sources/news.md"
        assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
        assert res["partialFingerprints"]["claimcheck/v1"]


def test_github_annotations_are_capped(project: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = check("--strict", "--format", "github", "--max-annotations", "1", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::notice"]
    assert lines[0].startswith("::error file=sources/news.md,line=") and "title=claimcheck conflict" in lines[0]
    assert ",endLine=" in lines[0] and ",endColumn=" in lines[0]
    assert "2 more failing findings" in lines[-1]
    assert "| line | verdict |" in summary.read_text(encoding="utf-8")


def _many_conflicts(project: Path, count: int) -> None:
    """A source with `count` conflicting sentences (issue 14, bug 8: more than GitHub shows)."""
    fix_conflicts(project)
    levels = [30, 31, 32, 33, 34, 35, 36, 37, 39, 48, 58, 18, 29, 27, 26][:count]  # the record says 38 percent
    body = "".join(f"Sentence {i}: in the 2018 drought the reservoir level fell to {v} percent of capacity.\n\n"
                   for i, v in enumerate(levels))
    (project / "sources" / "many.md").write_text("---\ntitle: Many\n---\n" + body, encoding="utf-8")


def test_github_shows_ten_errors_and_the_rest_in_the_step_summary(project: Path, tmp_path: Path) -> None:
    _many_conflicts(project, 12)
    summary = tmp_path / "summary.md"
    result = check("--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10  # GitHub drops errors past 10 per step
    assert lines[-1].startswith("::notice") and "2 more failing findings" in lines[-1]
    page = summary.read_text(encoding="utf-8")
    assert page.count("| conflict |") == 12 and "2 of the 12 failing findings have no annotation" in page


def test_github_without_a_step_summary_lists_the_rest_in_the_log(project: Path) -> None:
    _many_conflicts(project, 12)
    result = check("--format", "github", env={"GITHUB_STEP_SUMMARY": ""})
    plain = [line for line in result.stdout.splitlines() if line.startswith("sources/many.md:")]
    assert len(plain) == 2 and all(": conflict '" in line and " percent'" in line for line in plain)


def test_max_annotations_above_what_github_shows_is_refused(project: Path) -> None:
    result = check("--format", "github", "--max-annotations", "50")
    assert result.exit_code == 2 and "--max-annotations" in result.stderr and result.stderr.count("\n") == 1


def test_snapshots_are_written_and_checked(project: Path) -> None:
    result = CliRunner().invoke(main, ["extract", "--write"], catch_exceptions=False)
    assert result.exit_code == 0
    snapshot = project / "claims" / "news.jsonl"
    rows = [json.loads(line) for line in snapshot.read_text(encoding="utf-8").splitlines()]
    assert rows and all("line" not in r for r in rows)
    assert "out of date" not in check().stderr
    edit(project / "sources" / "news.md", "completed in 1967", "completed in 1968")
    assert "claims/news.jsonl: snapshot is out of date" in check().stderr.replace("\\", "/")


# Edits of the bundled sources: (file prefix, old, new, whether `check` must fail).
# Known misses of the fitted reconciler (issue 12, open): a date moved far from the record's, or onto
# a value the record gives for another event, is not yet called a conflict. Strict: when one starts
# passing, the marker must go.
_MISSED = pytest.mark.xfail(strict=True, reason="issue 12: the fitted model calls only near dates conflicts; "
                                                "this edit lands on the record's value for another event")
_UNDER = pytest.mark.xfail(strict=True, reason="issue 12: the record's statement of this fact scores below "
                                                "the conflict bar")
SOURCE_EDITS = [
    ("nato-training", "in May 2017", "in May 2016", True),  # another year
    ("nato-training", "in May 2017", "in March 2017", True),  # another month
    ("nato-training", "trained 15,000 Iraqi", "trained 12,000 Iraqi", True),  # another count
    ("nato-training", "Summit in Brussel in July", "Summit in Brussel in June", True),  # a month, the summit's
    ("nato-training", "NATO Summit in July 2016", "NATO Summit in July 2015", True),  # a year, onto another event's
    pytest.param("nato-training", "From 2004 to 2011", "From 2004 to 2013", True, marks=_MISSED),  # one end of a range
    pytest.param("iraq-and-nato", "This mission, established in 2004", "This mission, established in 2006", True,
                 marks=_MISSED),
    pytest.param("iraq-and-nato", "Established in 2018, the NMI", "Established in 2016, the NMI", True, marks=_MISSED),
    # Two of the three edits issue 12 names. "In 2017": the record's statement of the fact ("February 2018: At
    # the request of the Iraqi government ...") scores 0.19, under the margin of 0.3. "2007": its statements of
    # the mission's start score under 0.1 (the mission is named only in the sentence before), and the edit lands
    # on the record's 2007 for another event.
    pytest.param("what-does", "In 2018, at the request", "In 2017, at the request", True, marks=_UNDER),
    pytest.param("iraq-and-nato", "Established in 2004, the mission", "Established in 2007, the mission", True,
                 marks=_UNDER),
    ("nato-training", "trained 15,000 Iraqi", "trained fifteen thousand Iraqi", False),  # digits to words
    ("nato-training", "in May 2017", "on 25 May 2017", False),  # a month to a full date
    ("nato-training", "trained 15,000 Iraqi military and police officers",
     "trained over 5,000 Iraqi military and over 10,000 police officers", False),  # a total to its parts
    ("nato-training", "From 2004 to 2011", "Between 2004 and 2011", False),
    ("nato-mission", "officially began in 2018", "officially began in July 2018", False),  # a year to a month
]


@pytest.mark.parametrize(("prefix", "old", "new", "fails"), SOURCE_EDITS,
                         ids=[(e.values if hasattr(e, "values") else e)[2][:40] for e in SOURCE_EDITS])
def test_edits_of_the_bundled_sources(tmp_path: Path, prefix: str, old: str, new: str, fails: bool) -> None:
    from claimcheck import pipeline

    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    edit(next((tmp_path / "sources").glob(prefix + "*")), old, new)
    findings, _ = pipeline.report([tmp_path / "sources"])
    conflicts = [f.claim.quote for f in findings if f.verdict == "conflict"]
    if fails:
        assert conflicts and all(q in new for q in conflicts), conflicts
    else:
        assert conflicts == []


# Issue 14, bug 1: the baseline and the paths do not depend on the working folder.

@pytest.mark.parametrize("subfolder", ["sources", "src/deep"])
def test_check_from_a_subfolder_keeps_the_baseline(project: Path, monkeypatch: pytest.MonkeyPatch, subfolder: str) -> None:
    assert check("--update-baseline").exit_code == 0
    (project / subfolder).mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(project / subfolder)
    result = check("--format", "json")
    assert result.exit_code == 0, result.output
    assert "0 failing, 2 accepted by baseline" in result.stderr and "stale" not in result.stderr
    paths = {f["path"] for f in json.loads(result.stdout)["findings"]}
    assert paths == {"sources/news.md"}


def test_findings_name_files_from_the_project_root_in_every_format(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project / "sources")
    table = check().stdout
    assert table.startswith("sources/news.md:10:56: conflict")
    sarif = json.loads(check("--format", "sarif").stdout)["runs"][0]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["results"]} == {"sources/news.md"}
    assert sarif["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.resolve().as_uri() + "/"
    assert "::error file=sources/news.md," in check("--format", "github", env={"GITHUB_STEP_SUMMARY": ""}).stdout


# Issue 14, bug 2: identical sentences in one file are told apart.

TWICE = "The dam was completed in 1968.\n\nSome other text.\n\nThe dam was completed in 1968.\n"


@pytest.fixture
def twice(project: Path) -> Path:
    fix_conflicts(project)
    doc = project / "sources" / "twice.md"
    doc.write_text("---\ntitle: Twice\n---\n" + TWICE.replace("The dam", "The dam on Lake Tamsin"), encoding="utf-8")
    return doc


def test_identical_sentences_get_their_own_fingerprints(twice: Path) -> None:
    result = check("--format", "json")
    failing = [f for f in json.loads(result.stdout)["findings"] if f["status"] == "new"]
    assert [f["quote"] for f in failing] == ["1968", "1968"]
    assert len({f["fingerprint"] for f in failing}) == 2
    sarif = json.loads(check("--format", "sarif").stdout)["runs"][0]["results"]
    prints = [r["partialFingerprints"]["claimcheck/v1"] for r in sarif if r["ruleId"] == "claimcheck/conflict"]
    assert len(prints) == len(set(prints)) == 2
    assert "2 failing" in result.stderr


def test_a_suppression_above_the_first_of_two_identical_sentences(twice: Path) -> None:
    twice.write_text(twice.read_text(encoding="utf-8").replace("The dam", "<!-- claimcheck: ignore -->\nThe dam", 1),
                     encoding="utf-8")
    result = check()
    assert result.exit_code == 1
    assert "1 failing, 0 accepted by baseline, 1 suppressed" in result.stderr
    assert "suppression matches no failing finding" not in result.stderr
    assert result.stdout.count("conflict '1968'") == 1 and "twice.md:9:" in result.stdout


def test_first_occurrence_keeps_its_old_fingerprint(twice: Path) -> None:
    """Numbering repeats must not invalidate baselines written before it: the first keeps its print."""
    from claimcheck.gate import fingerprint

    findings = [f for f in json.loads(check("--format", "json").stdout)["findings"] if f["quote"] == "1968"]
    assert findings[0]["fingerprint"] != findings[1]["fingerprint"]
    from claimcheck import pipeline

    claims = [c for c in pipeline.extract(pipeline.load(["sources"])) if c.quote == "1968"]
    assert findings[0]["fingerprint"] == fingerprint(claims[0]) and findings[1]["fingerprint"] == fingerprint(claims[1], 1)


# Issue 14, bug 7: pre-commit passes the changed files.

def test_changed_file_alone_is_checked_against_the_configured_record(project: Path) -> None:
    result = check("sources/news.md")
    assert result.exit_code == 1 and "sources/news.md:10:56: conflict" in result.stdout


def test_force_exclude_drops_files_outside_the_sources(project: Path) -> None:
    (project / "README.md").write_text("The dam was completed in 1999.\n", encoding="utf-8")
    result = check("--force-exclude", "README.md")
    assert result.exit_code == 0 and "no sources to check" in result.stderr
    result = check("--force-exclude", "README.md", "sources/news.md")
    assert result.exit_code == 1 and "README" not in result.stdout


def test_update_baseline_on_some_files_keeps_the_others(project: Path) -> None:
    assert check("--update-baseline").exit_code == 0
    other = project / "sources" / "other.md"
    other.write_text("---\ntitle: Other\n---\nThe dam on Lake Tamsin was completed in 1999.\n", encoding="utf-8")
    assert check("--update-baseline", "sources/other.md").exit_code == 0
    paths = [e["path"] for e in json.loads((project / "claims" / "baseline.json").read_text(encoding="utf-8"))["entries"]]
    assert "sources/news.md" in paths and "sources/other.md" in paths
    assert check().exit_code == 0


def test_hook_takes_the_changed_files() -> None:
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook.get("pass_filenames", True) is True and "--force-exclude" in hook["entry"]


# Baseline hygiene, output people read.

def test_prune_baseline_only_removes_stale_entries(project: Path) -> None:
    assert check("--update-baseline").exit_code == 0
    edit(project / "sources" / "news.md", "dropped to 28 percent", "dropped to 38 percent")
    result = check("--prune-baseline")
    assert result.exit_code == 0 and "1 stale entries removed" in result.stderr and "stale entry" not in result.stderr
    entries = json.loads((project / "claims" / "baseline.json").read_text(encoding="utf-8"))["entries"]
    assert len(entries) == 3 and "28 percent" not in {e["quote"] for e in entries}
    edit(project / "sources" / "news.md", "completed in 1967", "completed in 1968")
    assert check("--prune-baseline").exit_code == 1  # pruning never accepts a new finding


def test_failing_check_prints_one_hint_and_quiet_silences_it(project: Path) -> None:
    result = check()
    assert result.exit_code == 1 and result.stderr.count("hint: ") == 1 and "--update-baseline" in result.stderr
    quiet = check("-q")
    assert quiet.exit_code == 1 and quiet.stderr == "" and quiet.stdout == result.stdout
    fix_conflicts(project)
    assert "hint:" not in check().stderr


def test_statistics_count_failing_findings(project: Path) -> None:
    result = check("--statistics", "--strict")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == ["    1  conflict     date", "    1  conflict     quantity",
                                          "    1  unsupported  date", "    1  unsupported  quantity"]
    data = json.loads(check("--statistics", "--format", "json").stdout)
    assert data == [{"verdict": "conflict", "kind": "date", "count": 1}, {"verdict": "conflict", "kind": "quantity", "count": 1}]
    assert check("--statistics", "--format", "sarif").exit_code == 2


# Suppressions: verdict filters with a reason, off/on ranges, a file-level off, comments not understood.

def test_ignore_with_a_verdict_and_a_reason(project: Path) -> None:
    news = project / "sources" / "news.md"
    edit(news, "During the 2018 drought", "<!-- claimcheck: ignore[unsupported] not about the record -->\nDuring the 2018 drought")
    edit(news, "Its new treatment plant", "<!-- claimcheck: ignore[Conflict] the record is out of date -->\nIts new treatment plant")
    result = check()
    assert result.exit_code == 1  # the 28 percent conflict is not an unsupported claim: still fails
    assert "'28 percent'" in result.stdout and "March 2020" not in result.stdout
    assert "1 failing, 0 accepted by baseline, 1 suppressed" in result.stderr


def test_off_on_range_and_file_level_off(project: Path) -> None:
    news = project / "sources" / "news.md"
    edit(news, "During the 2018 drought", "<!-- claimcheck: off -->\nDuring the 2018 drought")
    edit(news, "Its new treatment plant", "<!-- claimcheck: on -->\nIts new treatment plant")
    result = check()
    assert result.exit_code == 1 and "'28 percent'" not in result.stdout and "'March 2020'" in result.stdout
    text = news.read_text(encoding="utf-8").replace("<!-- claimcheck: on -->\n", "")
    news.write_text(text, encoding="utf-8")
    result = check("--strict")
    assert result.exit_code == 0 and "0 failing" in result.stderr and "suppression matches no" not in result.stderr


def test_comments_not_understood_warn_and_fail_stale_fails(project: Path) -> None:
    fix_conflicts(project)
    news = project / "sources" / "news.md"
    edit(news, "During the 2018 drought", "<!-- claimcheck: ignore[conflicts] -->\n<!-- claimcheck: on -->\n"
                                          "<!-- claimcheck: skip -->\nDuring the 2018 drought")
    result = check()
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert [w.split(": ", 2)[2] for w in warnings] == [
        "unknown verdict 'conflicts' in claimcheck comment (choose from agree, conflict, unsupported)",
        "claimcheck: on without a matching off before it",
        "unknown claimcheck comment 'skip' (use ignore, off or on)",
    ]
    assert all(w.startswith("warning: sources/news.md:") for w in warnings)
    assert check("--fail-stale").exit_code == 1


def test_fail_stale_fails_on_a_stale_entry_only_when_asked(project: Path) -> None:
    assert check("--update-baseline").exit_code == 0
    fix_conflicts(project)
    assert check().exit_code == 0
    result = check("--fail-stale")
    assert result.exit_code == 1 and "--fail-stale" in result.stderr
    assert check("--prune-baseline", "--fail-stale").exit_code == 0


# --diff REF: only what changed since a git ref, judged against the whole record.

def _git(project: Path, *args: str) -> None:
    import subprocess

    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=project, check=True,
                   capture_output=True)


@pytest.fixture
def repo(project: Path) -> Path:
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "sources")
    _git(project, "branch", "-q", "base")
    return project


def test_diff_reports_only_the_changed_sentence(repo: Path) -> None:
    edit(repo / "sources" / "news.md", "completed in 1967", "completed in 1968")
    _git(repo, "commit", "-q", "-am", "one sentence")
    result = check("--diff", "base", "--strict", "--format", "json")
    assert result.exit_code == 1
    shown = json.loads(result.stdout)["findings"]
    assert {f["line"] for f in shown} == {8} and [f["quote"] for f in shown if f["status"] == "new"] == ["1968"]
    assert "1 failing" in result.stderr and "stale" not in result.stderr
    assert check("--diff", "HEAD").exit_code == 0  # nothing changed since the last commit


def test_diff_counts_new_files_whole_and_a_changed_record_checks_all(repo: Path) -> None:
    (repo / "sources" / "new.md").write_text("The dam on Lake Tamsin was completed in 1968.\n", encoding="utf-8")
    result = check("--diff", "base")
    assert result.exit_code == 1 and result.stdout.startswith("sources/new.md:1:") and "news.md" not in result.stdout
    (repo / "sources" / "new.md").unlink()
    edit(repo / "sources" / "authority-report.md", "\n\n", "\n\n\n")
    result = check("--diff", "base")
    assert "the record (sources/authority-report.md) changed" in result.stderr and "sources/news.md:10:56" in result.stdout


def test_diff_with_a_bad_ref_or_no_repository_is_one_line(project: Path) -> None:
    result = check("--diff", "no-such-ref")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and result.stderr.startswith("claimcheck: error: --diff no-such-ref: ")
    _git(project, "init", "-q")
    result = check("--diff", "no-such-ref")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "no-such-ref" in result.stderr


# '-' reads a secondary document from standard input.

def test_stdin_document_against_the_configured_record(project: Path) -> None:
    text = (project / "sources" / "news.md").read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "-"], input=text, catch_exceptions=False)
    assert result.exit_code == 1 and result.stdout.startswith("-:10:56: conflict '28 percent'")
    assert check("--update-baseline").exit_code == 0
    named = CliRunner().invoke(main, ["check", "-", "--stdin-filename", "sources/news.md"], input=text,
                               catch_exceptions=False)
    assert named.exit_code == 0 and "2 accepted by baseline" in named.stderr  # the file's baseline applies


def test_stdin_bad_input_and_extract(project: Path) -> None:
    result = CliRunner().invoke(main, ["report", "-"], input=b"caf\xe9", catch_exceptions=False)
    assert result.exit_code == 2 and result.stderr == "claimcheck: error: -: not UTF-8 (invalid byte 0xe9 at offset 3); re-save it as UTF-8\n"
    claims = CliRunner().invoke(main, ["extract", "-", "-f", "json"], input="It opened in 2021.\n", catch_exceptions=False)
    assert [c["path"] for c in json.loads(claims.stdout)["claims"]] == ["-"]


def test_readme_pre_commit_snippet_pins_nothing_that_does_not_exist() -> None:
    import subprocess

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    revs = [line.split("rev:", 1)[1].strip() for line in readme.splitlines() if line.strip().startswith("rev:")]
    tags = subprocess.run(["git", "tag"], cwd=ROOT, capture_output=True, text=True, check=False).stdout.split()
    assert revs and all(rev in tags or rev == "<full commit SHA>" for rev in revs), revs
    assert "repo: local" in readme and "entry: claimcheck check --force-exclude" in readme
