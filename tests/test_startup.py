"""Start-up: each command imports only what it needs (no timings here; benchmarks/ measures them)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Runs one command in a fresh interpreter, then prints which of the heavy modules it imported.
PROBE = """
import contextlib, io, json, sys
from claimcheck.cli import main
args, heavy = json.loads(sys.argv[1]), json.loads(sys.argv[2])
sys.argv = ["claimcheck", *args]
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main()
print(json.dumps(sorted(name for name in heavy if name in sys.modules)))
"""
HEAVY = ["multiprocessing", "concurrent.futures", "rapidfuzz", "yaml", "msgspec", "rich", "claimcheck.pipeline",
         "claimcheck.match", "claimcheck.verdict"]


def imported(args: list[str], cwd: Path) -> set[str]:
    """The modules of HEAVY that `claimcheck ARGS...` imported."""
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args), json.dumps(HEAVY)], cwd=cwd,
                          capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    """Two documents without front matter."""
    (tmp_path / "record.md").write_text("The bridge opened on 4 May 2004 and carries 40,000 cars a day.\n")
    (tmp_path / "news.md").write_text("The bridge opened in 2004; it carries about 40,000 cars a day.\n")
    return tmp_path


def test_version_imports_nothing_heavy(tmp_path: Path) -> None:
    assert imported(["--version"], tmp_path) == set()


def test_listing_the_files_builds_no_models(plain: Path) -> None:
    assert imported(["--show-files", "extract", "."], plain) == set()


def test_a_bad_first_file_stops_before_the_later_stages(plain: Path) -> None:
    (plain / "bad.md").write_bytes(b"\xff\xfe not UTF-8")
    # msgspec comes with render.one_line, which keeps the error on one line.
    assert not imported(["report", "bad.md", "--record", "record.md"], plain) & {
        "multiprocessing", "rapidfuzz", "yaml", "claimcheck.match", "claimcheck.verdict"}


def test_extract_needs_no_matcher_no_pool_and_no_yaml_without_front_matter(plain: Path) -> None:
    assert imported(["extract", ".", "-f", "json"], plain) == {"msgspec", "claimcheck.pipeline"}


def test_report_with_one_job_starts_no_pool(plain: Path) -> None:
    modules = imported(["report", ".", "--record", "record.md", "-f", "json"], plain)
    assert {"claimcheck.verdict", "rapidfuzz"} <= modules
    assert not modules & {"multiprocessing", "concurrent.futures", "yaml"}
