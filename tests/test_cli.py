"""The command line through click's CliRunner: exit codes, formats, one-line errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main

DATA = Path(__file__).parent / "data"
RESERVOIR = str(DATA / "reservoir" / "sources")


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and result.output.startswith("claimcheck, version ")


def test_extract_json_includes_the_record() -> None:
    result = run("extract", RESERVOIR, "--format", "json")
    assert result.exit_code == 0
    claims = json.loads(result.stdout)["claims"]
    assert {c["role"] for c in claims} == {"record", "secondary"}
    first = claims[0]
    assert {"source", "path", "line", "column", "sentence", "quote", "kind", "role"} <= set(first)


def test_extract_jsonl_and_csv_have_one_row_per_claim() -> None:
    count = len(json.loads(run("extract", RESERVOIR, "-f", "json").stdout)["claims"])
    assert len(run("extract", RESERVOIR, "-f", "jsonl").stdout.splitlines()) == count
    assert len(list(csv.DictReader(io.StringIO(run("extract", RESERVOIR, "-f", "csv").stdout)))) == count


def test_report_csv_rows_match_json_findings(tmp_path: Path) -> None:
    findings = json.loads(run("report", RESERVOIR, "-f", "json").stdout)["findings"]
    out = tmp_path / "table.csv"
    result = run("report", RESERVOIR, "-f", "csv", "-o", str(out))
    assert result.exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == len(findings)
    assert {"source", "path", "line", "kind", "quote", "value", "verdict", "evidence_path", "evidence_line",
            "evidence", "reason", "score"} <= set(rows[0])


def test_report_verdict_filter_and_summary() -> None:
    data = json.loads(run("report", RESERVOIR, "-f", "json", "--verdict", "conflict").stdout)
    assert data["findings"] and {f["verdict"] for f in data["findings"]} == {"conflict"}
    assert data["summary"]["findings"] == data["summary"]["conflict"] == len(data["findings"])


def test_report_markdown_escapes_and_counts() -> None:
    result = run("report", RESERVOIR, "-f", "markdown")
    assert result.exit_code == 0
    assert "conflict" in result.stdout and result.stdout.startswith("# claimcheck report")


def test_report_table_is_plain_when_piped() -> None:
    result = run("report", RESERVOIR, "-f", "table", env={"NO_COLOR": "1"})
    assert result.exit_code == 0 and "\x1b[" not in result.stdout and "findings against" in result.stdout


def test_csv_cells_are_neutralised(tmp_path: Path) -> None:
    (tmp_path / "record.md").write_text("---\nrole: record\n---\nThe bridge opened in 1990.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("=cmd|' /C calc'!A0 The bridge opened in 1990.\n", encoding="utf-8")
    rows = list(csv.reader(io.StringIO(run("report", str(tmp_path), "-f", "csv").stdout)))
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def _write(folder: Path, name: str, content: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


RECORD = "---\nrole: record\n---\nThe plant opened in 2021.\n"
BAD_INPUTS = {
    "missing path": ([], "does-not-exist", "no such file or folder"),
    "binary": ([("bin.md", b"abc\x00def")], None, "binary file"),
    "not utf-8": ([("latin.md", b"caf\xe9 opened in 2004")], None, "not UTF-8 (invalid byte 0xe9 at offset 3)"),
    "unclosed front matter": ([("a.md", "---\ntitle: x\nbody")], None, "never closed"),
    "front matter not a mapping": ([("a.md", "---\n- a\n- b\n---\nbody")], None, "must be a mapping"),
    "invalid yaml": ([("a.md", "---\ntitle: [unclosed\n---\nbody")], None, "not valid YAML"),
    "impossible date": ([("a.md", "---\npublished: 2018-13-45\n---\nbody")], None, "published"),
    "non-date": ([("a.md", "---\npublished: soon\n---\nbody")], None, "is not an ISO date"),
    "unknown role": ([("a.md", "---\nrole: boss\n---\nbody")], None, "role: 'boss'"),
    "python tag": ([("a.md", "---\nx: !!python/object/apply:os.system ['echo hi']\n---\nbody")], None, "YAML tag '!!python/object/apply:os.system'"),
    "two records": ([("b.md", RECORD)], None, "more than one record"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_exits_2_with_one_line_naming_the_file(case: str, tmp_path: Path) -> None:
    files, path, message = BAD_INPUTS[case]
    _write(tmp_path, "record.md", RECORD)
    for name, content in files:
        _write(tmp_path, name, content)
    target = str(tmp_path / path) if path else str(tmp_path)
    result = run("report", target, "-f", "json")
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    assert message in lines[0]
    if files:
        assert files[0][0] in lines[0]
    assert result.stdout == ""


def test_no_record_says_how_to_name_one(tmp_path: Path) -> None:
    _write(tmp_path, "a.md", "The plant opened in 2021.\n")
    result = run("report", str(tmp_path))
    assert result.exit_code == 2 and "--record" in result.stderr


def test_record_option_picks_the_record(tmp_path: Path) -> None:
    _write(tmp_path, "a.md", "The plant opened in 2020.\n")
    rec = _write(tmp_path, "official.md", "The plant opened in 2021.\n")
    result = run("report", str(tmp_path / "a.md"), "--record", str(rec), "-f", "json")
    assert result.exit_code == 0
    assert [f["verdict"] for f in json.loads(result.stdout)["findings"]] == ["conflict"]


def test_failed_run_leaves_existing_output_untouched(tmp_path: Path) -> None:
    out = _write(tmp_path, "report.json", "previous")
    result = run("report", str(tmp_path / "missing"), "-o", str(out))
    assert result.exit_code == 2 and out.read_text() == "previous"


def test_output_into_missing_folder_is_an_error(tmp_path: Path) -> None:
    result = run("report", RESERVOIR, "-o", str(tmp_path / "nope" / "r.json"))
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_unknown_format_is_a_usage_error_on_one_line() -> None:
    result = run("report", RESERVOIR, "--format", "xml")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "'xml' is not one of" in result.stderr


def test_output_under_a_file_is_an_error(tmp_path: Path) -> None:
    blocker = _write(tmp_path, "file.txt", "x")
    result = run("report", RESERVOIR, "-o", str(blocker / "r.json"))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "r.json" in result.stderr


def test_folder_without_sources_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("report", str(tmp_path / "empty"))
    assert result.exit_code == 2 and "no sources" in result.stderr


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_shows_the_traceback_for_developers(tmp_path: Path, where: str) -> None:
    args = ["report", str(tmp_path / "missing")]
    args = ["--debug", *args] if where == "before" else [*args, "--debug"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code != 0 and isinstance(result.exception, Exception)
    assert not isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("command", ["extract", "report", "check"])
def test_common_options_work_on_every_command_and_before_it(command: str) -> None:
    """Issue 14, bug 5: --debug and --jobs go with the command's options as the README lists them."""
    after = run(command, RESERVOIR, "--jobs", "2", "--debug", "-f", "json", "--exit-zero" if command == "check" else "-q")
    before = run("--jobs", "2", "--debug", command, RESERVOIR, "-f", "json", *(["--exit-zero"] if command == "check" else []))
    assert after.exit_code == before.exit_code == 0, after.output
    assert after.stdout == before.stdout == run(command, RESERVOIR, "-f", "json", "--exit-zero" if command == "check" else "-q").stdout


def test_bom_crlf_and_cr_keep_line_numbers(tmp_path: Path) -> None:
    _write(tmp_path, "record.md", RECORD)
    _write(tmp_path, "a.md", "\ufeffFirst line.\r\nSecond line.\r\nThe plant opened in 2021.\r\n")
    _write(tmp_path, "b.md", "First line.\rSecond line.\rThe plant opened in 2021.\r")
    claims = json.loads(run("extract", str(tmp_path), "-f", "json").stdout)["claims"]
    lines = {Path(c["path"]).name: c["line"] for c in claims if c["role"] == "secondary"}
    assert lines == {"a.md": 3, "b.md": 3}


def test_empty_file_gives_no_claims(tmp_path: Path) -> None:
    _write(tmp_path, "record.md", RECORD)
    _write(tmp_path, "empty.md", "")
    result = run("report", str(tmp_path), "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["findings"] == []
    assert "empty.md: empty source" in result.stderr


def test_default_paths_come_from_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    _write(docs, "record.md", RECORD)
    _write(docs, "a.md", "The plant opened in 2021.\n")
    _write(tmp_path, "claimcheck.toml", 'sources = "docs"\n')
    monkeypatch.chdir(tmp_path)
    result = run("report", "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["summary"]["agree"] == 1


def test_bad_config_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "claimcheck.toml", "sources = [\n")
    monkeypatch.chdir(tmp_path)
    result = run("report")
    assert result.exit_code == 2 and "claimcheck.toml" in result.stderr


# Issue 14, bug 3 and 4: -o writes every format, and the extension picks it.

@pytest.mark.parametrize("command", ["extract", "report", "check"])
def test_table_written_to_a_file(tmp_path: Path, command: str) -> None:
    out = tmp_path / "out.txt"
    result = run(command, RESERVOIR, "--format", "table", "-o", str(out), "--color", "always")
    assert result.exit_code in (0, 1) and result.stdout == "" and f"wrote {out}" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert "\x1b[" not in text and ("28 percent" in text)


@pytest.mark.parametrize(("command", "name", "starts"), [
    ("report", "report.html", "<!DOCTYPE html>"),
    ("report", "table.csv", "source,path,line"),
    ("report", "report.md", "# claimcheck report"),
    ("report", "report.json", '{"findings"'),
    ("report", "findings.jsonl", '{"block"'),
    ("extract", "claims.csv", "source,path,line"),
    ("extract", "claims.jsonl", '{"block"'),
    ("check", "claimcheck.sarif", "{\n \"$schema\""),
    ("check", "junit.xml", "<?xml"),
    ("check", "result.json", '{"findings"'),
    ("check", "result.txt", "tests/data/reservoir/sources/news.md:10:56: conflict"),
])
def test_output_extension_picks_the_format(tmp_path: Path, command: str, name: str, starts: str) -> None:
    out = tmp_path / name
    result = run(command, RESERVOIR, "-o", str(out))
    assert result.exit_code in (0, 1), result.output
    assert out.read_text(encoding="utf-8").startswith(starts)


@pytest.mark.parametrize(("command", "name"), [("extract", "claims.html"), ("extract", "claims.md"), ("report", "r.sarif"),
                                               ("check", "check.html"), ("check", "check.csv")])
def test_output_extension_the_command_cannot_write_is_refused(tmp_path: Path, command: str, name: str) -> None:
    out = tmp_path / name
    result = run(command, RESERVOIR, "-o", str(out))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert name in result.stderr and "--format" in result.stderr and not out.exists()


def test_explicit_format_wins_over_the_extension(tmp_path: Path) -> None:
    out = tmp_path / "gl-code-quality-report.json"
    assert run("check", RESERVOIR, "--format", "gitlab", "-o", str(out)).exit_code == 1
    assert isinstance(json.loads(out.read_text(encoding="utf-8")), list)


# Issue 14, bug 6: extraction needs no record.

def test_extract_one_file_without_a_record(tmp_path: Path) -> None:
    doc = _write(tmp_path, "one.md", "The plant opened in 2021 with 300 staff.\n")
    result = run("extract", str(doc), "-f", "json")
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)["claims"]
    assert claims[0]["quote"] == "2021" and {c["role"] for c in claims} == {"secondary"}


def test_extract_with_two_records_reads_both(tmp_path: Path) -> None:
    _write(tmp_path, "a.md", RECORD)
    _write(tmp_path, "b.md", RECORD)
    claims = json.loads(run("extract", str(tmp_path), "-f", "json").stdout)["claims"]
    assert [c["role"] for c in claims] == ["record", "record"]


# Issue 14, bug 10: --verdict.

@pytest.mark.parametrize("value", ["Conflict", "conflicts", " CONFLICTS ", "conflict,"])
def test_verdict_any_case_and_plural(value: str) -> None:
    data = json.loads(run("report", RESERVOIR, "-f", "json", "--verdict", value).stdout)
    assert {f["verdict"] for f in data["findings"]} == {"conflict"}


def test_unknown_verdict_names_the_option() -> None:
    result = run("report", RESERVOIR, "--verdict", "wrong")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "'--verdict'" in result.stderr and "'wrong'" in result.stderr and "agree, conflict, unsupported" in result.stderr


# Issue 14, bug 11: the SARIF log points at this project only.

def test_sarif_points_at_no_other_project() -> None:
    import tomllib

    driver = json.loads(run("check", RESERVOIR, "-f", "sarif").stdout)["runs"][0]["tool"]["driver"]
    assert "pypi.org/project/claimcheck/" not in driver.get("informationUri", "")
    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # "claimcheck" on the package index is an unrelated project; the command keeps the name.
    assert project["name"] != "claimcheck" and project["scripts"]["claimcheck"] == "claimcheck.cli:main"


# Issue 14, bug 9: the README's set-up works in a new terminal, and CI runs the README's own lines.

def _setup_commands() -> list[str]:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Set-up", 1)[1].split("\n\n", 2)[1]
    return [line.strip() for line in block.splitlines() if line.strip()]


def test_second_setup_command_needs_no_active_virtualenv() -> None:
    first, second = _setup_commands()
    assert first.startswith("python3 -m venv .venv")
    words = [w for part in second.split("&&") for w in part.split()[:1]]
    assert words and all(w.startswith(".venv/bin/") for w in words), second
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "README.md" in ci and "## Set-up" in ci  # .ci/run reads the commands from the README


# Colour, file selection, configuration.

def test_color_always_and_never() -> None:
    always = run("report", RESERVOIR, "-f", "table", "--color", "always", env={"NO_COLOR": "1"})
    never = run("report", RESERVOIR, "-f", "table", "--color", "never")
    assert "\x1b[" in always.stdout and "\x1b[" not in never.stdout


def test_default_excludes_and_extend_exclude(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs"
    for folder in ("", ".venv/lib", "node_modules/pkg", "build", "drafts"):
        (docs / folder).mkdir(parents=True, exist_ok=True)
        _write(docs / folder, "a.md", "The plant opened in 2021.\n")
    _write(docs, "record.md", RECORD)
    _write(tmp_path, "claimcheck.toml", 'sources = "docs"\nextend-exclude = ["drafts"]\n')
    monkeypatch.chdir(tmp_path)
    result = run("report", "--show-files")
    assert result.exit_code == 0 and result.stdout.splitlines() == ["docs/a.md", "docs/record.md"]
    _write(tmp_path, "claimcheck.toml", 'sources = "docs"\nexclude = ["record.md"]\n')
    assert "docs/build/a.md" in run("extract", "--show-files").stdout.splitlines()
    assert "docs/record.md" not in run("extract", "--show-files").stdout


def test_bad_exclude_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "claimcheck.toml", 'exclude = "drafts"\n')
    monkeypatch.chdir(tmp_path)
    result = run("report")
    assert result.exit_code == 2 and "claimcheck.toml: 'exclude' must be a list" in result.stderr


def test_config_file_and_isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    _write(project / "docs", "record.md", RECORD)
    _write(project / "docs", "a.md", "The plant opened in 2021.\n")
    _write(project, "settings.toml", 'sources = "docs"\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _write(elsewhere, "claimcheck.toml", 'sources = "nothing-here"\n')
    monkeypatch.chdir(elsewhere)
    result = run("report", "--config", str(project / "settings.toml"), "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["findings"][0]["path"] == "docs/a.md"
    assert run("--config", str(tmp_path / "missing.toml"), "report").stderr.count("\n") == 1
    isolated = run("report", "--isolated", "--show-files")
    assert isolated.exit_code == 2 and "sources: no such file or folder" in isolated.stderr


def test_a_record_alone_is_a_warning(tmp_path: Path) -> None:
    rec = _write(tmp_path, "record.md", RECORD)
    result = run("report", str(rec), "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["findings"] == []
    assert "record.md: the record is the only source" in result.stderr


def test_help_summaries_are_not_cut_off() -> None:
    result = CliRunner().invoke(main, ["--help"], env={"COLUMNS": "80"})
    commands = result.output.split("Commands:", 1)[1].strip().splitlines()
    assert len(commands) == 3 and not any(line.endswith("...") for line in commands)


def test_gitignore_is_respected_unless_configured_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    docs = tmp_path / "docs"
    (docs / "private").mkdir(parents=True)
    _write(docs, "record.md", RECORD)
    _write(docs, "a.md", "The plant opened in 2021.\n")
    _write(docs / "private", "notes.md", "The plant opened in 2020.\n")
    _write(tmp_path, ".gitignore", "private/\n")
    _write(tmp_path, "claimcheck.toml", 'sources = "docs"\n')
    monkeypatch.chdir(tmp_path)
    assert run("report", "--show-files").stdout.splitlines() == ["docs/a.md", "docs/record.md"]
    empty = run("report", "docs/private")
    assert empty.exit_code == 2 and "1 ignored by git" in empty.stderr
    assert run("report", "docs/private/notes.md", "-f", "json").exit_code == 0  # named outright: read
    _write(tmp_path, "claimcheck.toml", 'sources = "docs"\nrespect-gitignore = false\n')
    assert "docs/private/notes.md" in run("report", "--show-files").stdout.splitlines()
