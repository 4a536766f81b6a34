"""Hostile input (issue 13): one honest line for every user-caused error, bounded cost, no injection."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main

RECORD = "---\nrole: record\n---\nThe bridge opened in 1990.\n"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _project(tmp_path: Path, secondary: str, name: str = "hostile.md") -> tuple[str, str]:
    (tmp_path / "record.md").write_text(RECORD, encoding="utf-8")
    (tmp_path / name).write_text(secondary, encoding="utf-8")
    return str(tmp_path / "record.md"), str(tmp_path / name)


def _one_line_error(result, name: str = "hostile.md") -> str:
    """The run failed as the contract says: exit 2, one line on stderr naming the file, no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert result.stderr.count("\n") == 1, result.stderr
    assert name in result.stderr and "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""
    return result.stderr


# 1. Front matter YAML that cannot blow up.

def test_front_matter_alias_is_refused(tmp_path: Path) -> None:
    record, doc = _project(tmp_path, "---\na: &x hello\ntitle: *x\n---\nThe bridge opened in 1990.\n")
    assert "alias" in _one_line_error(run("extract", record, doc, "-f", "json"))


def test_front_matter_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    # 344 bytes that the loader shares and str() then expands into gigabytes.
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(8)]
    record, doc = _project(tmp_path, "---\n" + "\n".join(lines) + "\ntitle: *i\n---\nThe bridge opened in 1990.\n")
    started = time.perf_counter()
    _one_line_error(run("extract", record, doc, "-f", "json"))
    assert time.perf_counter() - started < 5


def test_front_matter_anchor_without_alias_is_refused(tmp_path: Path) -> None:
    record, doc = _project(tmp_path, "---\ntitle: &x Report\n---\nThe bridge opened in 1990.\n")
    assert "anchor" in _one_line_error(run("extract", record, doc, "-f", "json"))


@pytest.mark.parametrize("value", ["!!timestamp 2018-02-30", "!!python/object:os.system x", "!!binary aGVsbG8=",
                                   "!!set {a, b}", "!custom x"])
def test_front_matter_explicit_tag_is_refused(tmp_path: Path, value: str) -> None:
    record, doc = _project(tmp_path, f"---\npublished: {value}\n---\nThe bridge opened in 1990.\n")
    assert "tag" in _one_line_error(run("extract", record, doc, "-f", "json"))


def test_front_matter_plain_scalar_tags_are_allowed(tmp_path: Path) -> None:
    record, doc = _project(tmp_path, "---\ntitle: !!str 2018\nauthor: !!str Ann\n---\nThe bridge opened in 1990.\n")
    result = run("extract", record, doc, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert '"source": "2018"' in result.stdout


def test_front_matter_deep_nesting_is_one_line(tmp_path: Path) -> None:
    record, doc = _project(tmp_path, "---\ntitle: " + "[" * 990 + "]" * 990 + "\n---\nThe bridge opened in 1990.\n")
    assert "nest" in _one_line_error(run("extract", record, doc, "-f", "json"))


def test_front_matter_deep_block_nesting_is_one_line(tmp_path: Path) -> None:
    block = "".join(" " * i + f"k{i}:\n" for i in range(990))
    record, doc = _project(tmp_path, "---\n" + block + "---\nThe bridge opened in 1990.\n")
    assert "nest" in _one_line_error(run("extract", record, doc, "-f", "json"))


def test_front_matter_long_value_is_refused(tmp_path: Path) -> None:
    record, doc = _project(tmp_path, "---\ntitle: " + "x" * 20_000 + "\n---\nThe bridge opened in 1990.\n")
    assert "long" in _one_line_error(run("extract", record, doc, "-f", "json"))


def test_front_matter_long_key_is_refused(tmp_path: Path) -> None:
    record, doc = _project(tmp_path, "---\n" + "k" * 500 + ": 1\n---\nThe bridge opened in 1990.\n")
    assert "long" in _one_line_error(run("extract", record, doc, "-f", "json"))


def test_front_matter_huge_integer_is_one_line(tmp_path: Path) -> None:
    record, doc = _project(tmp_path, "---\ntitle: " + "9" * 5000 + "\n---\nThe bridge opened in 1990.\n")
    _one_line_error(run("extract", record, doc, "-f", "json"))


# 2. Dates and numbers beyond what Python can hold: no OverflowError, no `Infinity` in JSON.

def _clean_exit(result) -> None:
    """Either a clean run or the one-line error; never 'internal error', a traceback or non-JSON output."""
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    if result.exit_code == 2:
        _one_line_error(result)
    else:
        assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("command", ["extract", "report"])
def test_relative_date_past_year_9999_is_unresolved(tmp_path: Path, command: str) -> None:
    record, doc = _project(tmp_path, "---\npublished: 9999-12-31\n---\nThe bridge opens tomorrow.\n")
    result = run(command, record, doc, "-f", "json")
    _clean_exit(result)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    if command == "extract":
        tomorrow = [c for c in data["claims"] if c["quote"] == "tomorrow"]
        assert tomorrow and tomorrow[0]["date"]["unresolved"] is True


@pytest.mark.parametrize("command", ["extract", "report"])
def test_number_words_beyond_float_range_are_no_claim(tmp_path: Path, command: str) -> None:
    record, doc = _project(tmp_path, "The fund holds " + "hundred " * 160 + "dollars.\n")
    result = run(command, record, doc, "-f", "json")
    _clean_exit(result)
    assert result.exit_code == 0
    assert "Infinity" not in result.stdout and "NaN" not in result.stdout
    json.loads(result.stdout, parse_constant=lambda name: pytest.fail(f"{name} is not JSON"))


def test_api_drops_infinite_amounts_too() -> None:
    from claimcheck import api

    assert api.extract_claims("The fund holds " + "hundred " * 160 + "dollars.") == []


# 3. A closed pipe (`claimcheck extract | head -1`) is a quiet exit, as for other Unix tools.

@pytest.mark.parametrize(("command", "fmt"), [("extract", "jsonl"), ("extract", "table"), ("report", "csv"),
                                              ("report", "json")])
def test_closed_pipe_is_a_quiet_exit(tmp_path: Path, command: str, fmt: str) -> None:
    lines = "".join(f"The bridge opened in {1000 + i % 900}. It cost {i} dollars.\n" for i in range(3000))
    record, doc = _project(tmp_path, lines)
    # More output than a pipe buffers, so the writer meets the closed pipe while it still writes.
    proc = subprocess.Popen([sys.executable, "-c", "from claimcheck.cli import main; main()", command, record, doc,
                             "-f", fmt], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"})
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert stderr == ""
    assert proc.returncode == 141  # what a shell shows for a Unix tool stopped by SIGPIPE (128 + 13)


# 4. CSV: a cell holding a carriage return or newline is quoted, and no formula starts after one.

_FORMULA_START = ("=", "+", "-", "@")


@pytest.mark.parametrize("command", ["extract", "report"])
@pytest.mark.parametrize("brk", ["\\r", "\\n", "\\r\\n"])
def test_csv_line_breaks_in_cells_are_quoted_and_defused(tmp_path: Path, command: str, brk: str) -> None:
    title = f"Harmless{brk}=cmd|' /C calc'!A0{brk}+1{brk}@SUM(A1){brk}-2"
    record, doc = _project(tmp_path, f'---\ntitle: "{title}"\n---\nThe bridge opened in 1990.\n')
    result = run(command, record, doc, "-f", "csv")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    # A careless importer that splits physical lines on CR or LF still finds no formula at a line's start.
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        assert not line.startswith(_FORMULA_START), repr(line)
    # A CR or LF never stands outside a quoted cell: the CSV reads back as one row per claim or finding.
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 2 if command == "report" else len(rows) == 3
    cells = [cell for row in rows for cell in row if cell.startswith("Harmless")]
    assert cells and all("\r" in cell or "\n" in cell for cell in cells)
    assert text.count("Harmless") == text.count('"Harmless') > 0  # every such cell is quoted


def test_csv_cell_with_line_break_keeps_its_text_otherwise(tmp_path: Path) -> None:
    from claimcheck.render import safe_cell

    assert safe_cell("a\r=b\nc\r\n-d") == "a\r'=b\nc\r\n'-d"
    assert safe_cell("plain text") == "plain text"


# 5. Rich markup in text from documents is printed as written, never read as markup.

MARKUP_RECORD = '---\nrole: record\ntitle: "Record [/]"\n---\nThe bridge opened in 1990.\n'
MARKUP_TITLE = "Annual report [draft] [link=https://evil.example]click[/link] [bold red]X"


def _markup_project(tmp_path: Path, body: str) -> tuple[str, str]:
    (tmp_path / "record.md").write_text(MARKUP_RECORD, encoding="utf-8")
    (tmp_path / "a.md").write_text(f'---\ntitle: "{MARKUP_TITLE}"\n---\n{body}', encoding="utf-8")
    return str(tmp_path / "record.md"), str(tmp_path / "a.md")


@pytest.mark.parametrize("command", ["extract", "report"])
@pytest.mark.parametrize("color", ["never", "always"])
def test_titles_with_rich_markup_print_as_written(tmp_path: Path, command: str, color: str) -> None:
    record, doc = _markup_project(tmp_path, "The bridge opened in 1991. It cost 5 dollars.\n")
    result = run("--color", color, command, record, doc, "-f", "table")
    _clean_exit(result)
    assert result.exit_code == 0
    shown = " ".join(result.stdout.split())  # a narrow table wraps its title
    assert MARKUP_TITLE in shown and "Record [/]" in shown
    assert "\x1b]8;" not in result.stdout  # no terminal hyperlink from a document


@pytest.mark.parametrize("color", ["never", "always"])
def test_check_table_with_markup_in_the_record_title(tmp_path: Path, color: str) -> None:
    record, doc = _markup_project(tmp_path, "The bridge opened in 1990.\n")
    result = run("--color", color, "check", record, doc, "-f", "table")
    _clean_exit(result)
    assert result.exit_code == 0
    assert "against Record [/]." in result.stdout


def test_quotes_and_reasons_with_markup_print_as_written(tmp_path: Path) -> None:
    (tmp_path / "record.md").write_text("---\nrole: record\n---\nThe [b]bridge[/b] opened in 1990.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("The [b]bridge[/b] opened in 1991.\n", encoding="utf-8")
    result = run("--color", "always", "check", str(tmp_path / "record.md"), str(tmp_path / "a.md"), "-f", "table")
    assert "internal error" not in result.stderr
    assert result.exit_code == 1, result.stderr
    assert "a.md:1:" in result.stdout


# 6. Cost linear in the input: pathological lines of 100-200 KB finish in seconds (the timing table
# at 1x, 2x and 4x is benchmarks/hostile.py; the bound here is only a safety net).

SIZE = 120_000
PATHOLOGICAL = {
    "relative dates": "In July of last year ",
    "measures": "5 km ",
    "numbers": "1 ",
    "dots": ".",
    "exclamation marks": "!",
    "question marks": "?",
    "spaced dots": ". ",
    "spaces": " ",
    "letters before @": ("a", "@"),
    "letters before /": ("a", "/"),
    "digits before <": ("1", "<"),
    "digits before [": ("1", "["),
    "digits before +": ("1", "+"),
    "letters before .png": ("a", ".png"),
    "capitals": ("A", " (AB)"),
    "capitals and hyphens": ("A-", " (AB)"),
}


def _line(shape) -> str:
    unit, tail = shape if isinstance(shape, tuple) else (shape, "")
    return unit * (SIZE // len(unit)) + tail


@pytest.mark.parametrize("side", ["secondary", "record"])
@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_line_finishes_in_seconds(tmp_path: Path, name: str, side: str) -> None:
    line = _line(PATHOLOGICAL[name])
    (tmp_path / "record.md").write_text("---\nrole: record\npublished: 2018-12-10\n---\nThe bridge opened in 1990.\n"
                                        + (line + "\n" if side == "record" else ""), encoding="utf-8")
    (tmp_path / "a.md").write_text("---\npublished: 2018-12-10\n---\nThe bridge opened in 1991.\n"
                                   + (line + "\n" if side == "secondary" else ""), encoding="utf-8")
    started = time.perf_counter()
    result = run("report", str(tmp_path / "record.md"), str(tmp_path / "a.md"), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert time.perf_counter() - started < 10


def test_indented_table_row_in_the_record_is_linear(tmp_path: Path) -> None:
    (tmp_path / "record.md").write_text("---\nrole: record\n---\n| Year | Cost |\n" + " " * SIZE + "| 1990 | 5 |\n",
                                        encoding="utf-8")
    (tmp_path / "a.md").write_text("The bridge opened in 1991.\n", encoding="utf-8")
    started = time.perf_counter()
    assert run("report", str(tmp_path / "record.md"), str(tmp_path / "a.md"), "-f", "json").exit_code == 0
    assert time.perf_counter() - started < 10


def test_claims_per_sentence_are_capped_with_a_warning(tmp_path: Path) -> None:
    from claimcheck.extract import MAX_CLAIMS_PER_SENTENCE

    record, doc = _project(tmp_path, "It cost " + "5 km " * 1000 + "in all.\n")
    result = CliRunner().invoke(main, ["extract", record, doc, "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert len([c for c in claims if c["path"].endswith("hostile.md")]) == MAX_CLAIMS_PER_SENTENCE
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("warning: ") and "hostile.md:1:" in result.stderr
    assert f"more than {MAX_CLAIMS_PER_SENTENCE} values in one sentence" in result.stderr


def test_sentence_field_is_a_window_around_the_claim(tmp_path: Path) -> None:
    from claimcheck.extract import SENTENCE_LIMIT

    words = "word " * 20_000
    record, doc = _project(tmp_path, words + "the bridge opened in 1991 " + words + "end.\n")
    result = run("extract", record, doc, "-f", "jsonl")
    claim = [json.loads(line) for line in result.stdout.splitlines() if '"1991"' in line][0]
    assert "opened in 1991" in claim["sentence"]
    assert len(claim["sentence"]) <= SENTENCE_LIMIT
    assert len(result.stdout) < 10_000


def test_short_sentences_are_kept_whole() -> None:
    from claimcheck import api

    text = "In a sentence of ordinary length, " + "with some more words, " * 30 + "the bridge opened in 1991."
    assert api.extract_claims(text)[0].sentence == text


def test_number_words_past_float_range_before_a_date_do_not_crash() -> None:
    from claimcheck import api

    assert all(c.kind == "date" for c in api.extract_claims("hundred " * 333 + "b.c 1990"))


# 7. Every user-caused error is one line naming the file: never "internal error".

def _sources(tmp_path: Path) -> Path:
    """A project with a record and one secondary source in sources/."""
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "record.md").write_text(RECORD, encoding="utf-8")
    (folder / "a.md").write_text("The bridge opened in 1991.\n", encoding="utf-8")
    return folder


def _in(folder: Path, *args: str):
    """Run the CLI with `folder` as the working folder."""
    old = Path.cwd()
    os.chdir(folder)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.mark.parametrize("name", ["pyproject.toml", "claimcheck.toml"])
def test_deeply_nested_configuration_is_one_line(tmp_path: Path, name: str) -> None:
    _sources(tmp_path)
    table = "[tool.claimcheck]\n" if name == "pyproject.toml" else ""
    (tmp_path / name).write_text(table + "exclude = " + "[" * 990 + "]" * 990 + "\n", encoding="utf-8")
    assert "nested too deeply" in _one_line_error(_in(tmp_path, "report", "-f", "json"), name)


def test_deeply_nested_baseline_is_one_line(tmp_path: Path) -> None:
    _sources(tmp_path)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "baseline.json").write_text("[" * 990 + "]" * 990, encoding="utf-8")
    assert "nested too deeply" in _one_line_error(_in(tmp_path, "check"), "baseline.json")


@pytest.mark.parametrize("update", [False, True])
def test_baseline_entry_with_a_list_for_path_is_one_line(tmp_path: Path, update: bool) -> None:
    _sources(tmp_path)
    (tmp_path / "claims").mkdir()
    entry = {"fingerprint": "0123", "path": ["sources/a.md"], "quote": "1991"}
    (tmp_path / "claims" / "baseline.json").write_text(json.dumps({"version": 1, "entries": [entry]}), encoding="utf-8")
    args = ["check", "--update-baseline"] if update else ["check"]
    assert "'path' must be a string" in _one_line_error(_in(tmp_path, *args), "baseline.json")


@pytest.mark.parametrize("args", [["report", "-f", "json"], ["report", "-f", "csv"], ["report", "-f", "markdown"],
                                  ["report", "-f", "html"], ["extract", "-f", "jsonl"], ["check", "-f", "sarif"],
                                  ["check", "-f", "github"], ["check", "--update-baseline"], ["extract", "--write"]])
def test_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path, args: list[str]) -> None:
    folder = _sources(tmp_path)
    os.rename(folder / "a.md", os.fsencode(folder) + b"/b\xff.md")
    result = _in(tmp_path, *args)
    assert "internal error" not in result.stderr, result.stderr
    assert result.exit_code in (0, 1), result.stderr
    if "--write" not in args and "--update-baseline" not in args:
        assert "xff" in result.stdout  # b\xff.md, its backslash escaped once more in JSON


LONG = "z" * 300


@pytest.mark.parametrize("path", ["x" * 300 + ".md", "/".join(["y" * 200] * 30) + "/a.md"])
def test_path_too_long_for_the_file_system_is_one_line(tmp_path: Path, path: str) -> None:
    _sources(tmp_path)
    result = _in(tmp_path, "report", "sources/record.md", path, "-f", "json")
    assert "File name too long" in _one_line_error(result, path[:50])


@pytest.mark.parametrize("args", [["report", "-o", LONG + ".json"], ["check", "--baseline", LONG + ".json"],
                                  ["report", "--record", LONG + ".md"], ["--config", LONG + ".toml", "report"],
                                  ["check", "--update-baseline", "--baseline", LONG + "/b.json"],
                                  ["report", "-o", LONG + "/x.json"]])
def test_option_path_too_long_is_one_line(tmp_path: Path, args: list[str]) -> None:
    _sources(tmp_path)
    assert "File name too long" in _one_line_error(_in(tmp_path, *args, "sources/a.md"), LONG)


def test_tree_1200_folders_deep_is_read(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    deep = folder
    for _ in range(1200):
        deep = deep / "d"
        deep.mkdir()
    (deep / "deep.md").write_text("The bridge opened in 1992.\n", encoding="utf-8")
    try:
        result = _in(tmp_path, "extract", "-f", "jsonl")
        assert result.exit_code == 0, result.stderr
        assert '"quote": "1992"' in result.stdout
    finally:  # bottom up: pytest's own clean-up (shutil.rmtree) recurses and would fail at this depth
        (deep / "deep.md").unlink()
        while deep != folder:
            deep.rmdir()
            deep = deep.parent


def test_snapshot_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    _sources(tmp_path)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "a.jsonl").write_bytes(b"\xff\xfe{}\n")
    assert "not UTF-8" in _one_line_error(_in(tmp_path, "check"), "claims/a.jsonl")


def test_step_summary_in_a_missing_folder_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _sources(tmp_path)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "missing" / "summary.md"))
    result = _in(tmp_path, "check", "-f", "github")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "missing/summary.md" in result.stderr and "internal error" not in result.stderr


def test_impossible_timestamp_and_5000_digit_integer_are_one_line(tmp_path: Path) -> None:
    record, doc = _project(tmp_path, "---\npublished: !!timestamp 2018-02-30\n---\nThe bridge opened in 1991.\n")
    _one_line_error(run("report", record, doc, "-f", "json"))
    record, doc = _project(tmp_path, "---\npublished: " + "9" * 5000 + "\n---\nThe bridge opened in 1991.\n")
    _one_line_error(run("report", record, doc, "-f", "json"))
    record, doc = _project(tmp_path, "The bridge cost " + "9" * 5000 + " dollars in 1991.\n")
    result = run("report", record, doc, "-f", "json")
    assert result.exit_code == 0 and "internal error" not in result.stderr


# 8. No injection through documents, titles or file names.

def test_html_link_to_a_scheme_like_file_name_stays_relative(tmp_path: Path) -> None:
    import re

    name = "javascript:alert(42)<!--.md"
    record, doc = _project(tmp_path, "The bridge opened in 1991.\n", name=name)
    out = tmp_path / "report.html"
    result = run("report", record, doc, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and not any(h.lower().lstrip().startswith(("javascript:", "data:", "vbscript:")) for h in hrefs)
    assert "javascript%3Aalert%2842%29%3C%21--.md#L1" in hrefs
    csp = re.search(r'Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert "unsafe-inline" not in csp and "script-src 'sha256-" in csp


CONTROL_TITLE = "Report\r~~~\r\n# Heading\x1b[31mRED\x1b]8;;https://evil.example\x07link"


@pytest.mark.parametrize(("command", "fmt"), [("report", "markdown"), ("report", "table"), ("extract", "table"),
                                              ("report", "csv"), ("extract", "csv"), ("check", "github"),
                                              ("check", "table"), ("check", "concise")])
def test_control_characters_from_documents_do_not_act_in_output(tmp_path: Path, command: str, fmt: str) -> None:
    record, doc = _project(tmp_path, f"---\ntitle: {json.dumps(CONTROL_TITLE)}\n---\nThe bridge opened in 1991.\n")
    (tmp_path / "record.md").write_text(f"---\nrole: record\ntitle: {json.dumps(CONTROL_TITLE)}\n---\n"
                                        "The bridge opened in 1990.\n", encoding="utf-8")
    result = run("--color", "always", command, record, doc, "-f", fmt)
    assert result.exit_code in (0, 1), result.stderr
    text = result.stdout
    # The document's own sequences never reach the terminal raw (the table's colours are claimcheck's own).
    assert "\x1b[31mRED" not in text and "\x1b]" not in text and "\x07" not in text
    if fmt == "csv":  # line breaks stay inside quoted cells (test_csv_line_breaks_in_cells_are_quoted_and_defused)
        return
    assert "\r" not in text
    lines = text.split("\n")
    assert not any(line.lstrip().startswith(("~~~", "```")) for line in lines), text
    assert not any(line.startswith("# Heading") for line in lines)


def test_markdown_escapes_control_characters() -> None:
    from claimcheck.render import _md, one_line

    assert one_line("a\r~~~\nb\x1b[2Jc\u2028d") == "a ~~~ b\\x1b[2Jc d"
    assert "\r" not in _md("a\r~~~") and "\\~\\~\\~" in _md("a\r~~~")


@pytest.mark.parametrize(("name", "uri"), [("a b.md", "a%20b.md"), ("c#d.md", "c%23d.md"), ("50%.md", "50%25.md")])
def test_sarif_uris_are_percent_encoded(tmp_path: Path, name: str, uri: str) -> None:
    record, doc = _project(tmp_path, "The bridge opened in 1991.\n", name=name)
    result = _in(tmp_path, "check", "record.md", name, "-f", "sarif")
    assert result.exit_code == 1, result.stderr
    log = json.loads(result.stdout)
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]]
    assert locations == [uri]
    related = run_["results"][0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert related == "record.md"


def test_error_message_is_one_line_when_the_path_holds_a_newline(tmp_path: Path) -> None:
    name = "bad\n::error file=x::injected.md"
    (tmp_path / name).write_bytes(b"\xff\xfe binary-ish")
    result = _in(tmp_path, "extract", name, "-f", "json")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert not any(line.startswith("::") for line in result.stderr.splitlines())


def test_stale_baseline_entry_text_never_starts_a_line(tmp_path: Path) -> None:
    _sources(tmp_path)
    (tmp_path / "claims").mkdir()
    entry = {"fingerprint": "0123\n::error file=a.md::injected", "path": "sources/a.md", "quote": "1\n::warning::x"}
    (tmp_path / "claims" / "baseline.json").write_text(json.dumps({"version": 1, "entries": [entry]}), encoding="utf-8")
    result = _in(tmp_path, "check", "--exit-zero")
    assert result.exit_code == 0, result.stderr
    assert "stale entry" in result.stderr
    assert not any(line.startswith("::") for line in result.stderr.splitlines()), result.stderr


# 9. Outputs and state: -o writes through links, FIFOs and devices and keeps a file's mode; a failed
# run leaves the baseline alone; what a folder holds but cannot be read is a warning.

def _report_to(tmp_path: Path, target: str):
    record, doc = _project(tmp_path, "The bridge opened in 1991.\n")
    return run("report", record, doc, "-f", "json", "-o", target)


def test_output_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(real)
    assert _report_to(tmp_path, str(tmp_path / "link.json")).exit_code == 0
    assert (tmp_path / "link.json").is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["findings"]


def test_output_through_a_dangling_symlink_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "link.json").symlink_to(tmp_path / "missing" / "x.json")
    result = _report_to(tmp_path, str(tmp_path / "link.json"))
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "link.json" in result.stderr, result.stderr
    assert (tmp_path / "link.json").is_symlink()


def test_output_to_a_device_writes_through(tmp_path: Path) -> None:
    import stat

    # A null device of our own: a regression must not replace the system's /dev/null with a file.
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (OSError, AttributeError):
        pytest.skip("cannot make a device node here")
    assert _report_to(tmp_path, str(device)).exit_code == 0
    assert device.is_char_device()


def test_output_to_a_fifo_writes_through(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = _report_to(tmp_path, str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert fifo.is_fifo() and json.loads(got[0])["findings"]


def test_output_keeps_an_existing_files_permissions(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    assert _report_to(tmp_path, str(out)).exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("signum", ["SIGTERM", "SIGHUP"])
def test_signal_during_output_leaves_no_temporary_file(tmp_path: Path, signum: str) -> None:
    import signal

    lines = "".join(f"The bridge opened in {1000 + i % 900}. It cost {i} dollars.\n" for i in range(4000))
    record, doc = _project(tmp_path, lines)
    out = tmp_path / "out" / "report.jsonl"
    out.parent.mkdir()
    proc = subprocess.Popen([sys.executable, "-c", "from claimcheck.cli import main; main()", "report", record, doc,
                             "-f", "jsonl", "-o", str(out)], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not any(out.parent.iterdir()) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)  # until the temporary file exists: the run is writing
    proc.send_signal(getattr(signal, signum))
    proc.wait(timeout=60)
    if proc.returncode != 0:  # stopped while writing (not already done)
        assert proc.returncode == 128 + getattr(signal, signum)
        # No temporary file is left; the output itself exists only if the signal came after its
        # rename (the run had finished writing and was on its way out).
        assert [p.name for p in out.parent.iterdir() if p != out] == []


def test_failed_output_does_not_rewrite_the_baseline(tmp_path: Path) -> None:
    _sources(tmp_path)
    result = _in(tmp_path, "check", "--update-baseline", "-o", "missing/x.sarif")
    assert result.exit_code == 2 and "missing" in result.stderr, result.stderr
    assert not (tmp_path / "claims" / "baseline.json").exists()


def test_failed_step_summary_does_not_rewrite_the_baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _sources(tmp_path)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "missing" / "summary.md"))
    assert _in(tmp_path, "check", "--update-baseline", "-f", "github").exit_code == 2
    assert not (tmp_path / "claims" / "baseline.json").exists()


def test_update_baseline_through_a_dangling_symlink_writes_its_target(tmp_path: Path) -> None:
    _sources(tmp_path)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "baseline.json").symlink_to(tmp_path / "elsewhere.json")
    result = _in(tmp_path, "check", "--update-baseline")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "claims" / "baseline.json").is_symlink()
    assert json.loads((tmp_path / "elsewhere.json").read_text(encoding="utf-8"))["entries"]


def test_update_baseline_through_a_dangling_symlink_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    _sources(tmp_path)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "baseline.json").symlink_to(tmp_path / "nowhere" / "b.json")
    result = _in(tmp_path, "check", "--update-baseline")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "baseline.json" in result.stderr and "internal error" not in result.stderr


def test_fifo_as_baseline_is_an_error_not_a_hang(tmp_path: Path) -> None:
    _sources(tmp_path)
    os.mkfifo(tmp_path / "baseline.fifo")
    assert "not a regular file" in _one_line_error(_in(tmp_path, "check", "--baseline", "baseline.fifo"), "baseline.fifo")


def test_unreadable_entries_of_a_folder_are_warnings(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    os.mkfifo(folder / "pipe.md")
    (folder / "gone.md").symlink_to(folder / "nowhere.md")
    result = _in(tmp_path, "extract", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "warning: sources/gone.md: skipped: a dangling link" in result.stderr
    assert "warning: sources/pipe.md: skipped: not a regular file" in result.stderr


def test_sources_with_the_same_stem_have_their_own_snapshots(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    (folder / "a.txt").write_text("The bridge opened in 1995.\n", encoding="utf-8")
    result = _in(tmp_path, "extract", "--write")
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "claims").iterdir())
    assert names == ["record.jsonl", "sources__a.md.jsonl", "sources__a.txt.jsonl"]
    assert "1995" in (tmp_path / "claims" / "sources__a.txt.jsonl").read_text(encoding="utf-8")
    assert _in(tmp_path, "check", "--exit-zero").stderr.count("snapshot is out of date") == 0


# 10. Messages that tell the truth.

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_named_as_such(tmp_path: Path, encoding: str) -> None:
    record, doc = _project(tmp_path, "")
    Path(doc).write_bytes("The bridge opened in 1991.\n".encode(encoding))
    message = _one_line_error(run("extract", record, doc, "-f", "json"))
    assert "UTF-16" in message and "re-save it as UTF-8" in message and "binary" not in message


def test_published_is_shown_as_written(tmp_path: Path) -> None:
    record, doc = _project(tmp_path, "---\npublished: 0000\n---\nThe bridge opened in 1991.\n")
    assert "'0000'" in _one_line_error(run("extract", record, doc, "-f", "json"))
    record, doc = _project(tmp_path, "---\npublished: 0001\n---\nThe bridge opened last year.\n")
    result = run("extract", record, doc, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "'1'" not in result.stderr


def test_record_that_is_a_folder_says_so(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    message = _one_line_error(_in(tmp_path, "report", "--record", "sources", str(folder / "a.md"), "-f", "json"),
                              "sources")
    assert "folder" in message


def test_snapshots_folder_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    _sources(tmp_path)
    (tmp_path / "claims").write_text("", encoding="utf-8")
    assert "snapshots folder" in _one_line_error(_in(tmp_path, "extract", "--write"), "claims")


def test_baseline_below_a_file_is_one_line(tmp_path: Path) -> None:
    _sources(tmp_path)
    (tmp_path / "file").write_text("", encoding="utf-8")
    _one_line_error(_in(tmp_path, "check", "--update-baseline", "--baseline", "file/sub/b.json"), "file/sub/b.json")


def test_diff_ref_that_looks_like_an_option_is_refused(tmp_path: Path) -> None:
    _sources(tmp_path)
    result = _in(tmp_path, "check", "--diff", f"--output={tmp_path / 'written'}")
    assert "not a git ref" in _one_line_error(result, "--diff")
    assert not (tmp_path / "written").exists()
