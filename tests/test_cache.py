"""The cache of earlier runs: the same output as a cold run, and never trusted when it does not check out."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck import cache, pipeline
from claimcheck.cli import main

COMMANDS = [["extract", "-f", "json"], ["report", "-f", "json"], ["check", "-f", "json", "--exit-zero"]]


@pytest.fixture(autouse=True)
def default_cache_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache where a project keeps it, not where conftest puts each test's."""
    monkeypatch.delenv("CLAIMCHECK_CACHE_DIR", raising=False)


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The path of every document extracted in this process (that is, not read from the cache)."""
    done: list[str] = []
    claims_of = pipeline.claims_of

    def counted(source, notes=None):
        done.append(Path(source.path).name)
        return claims_of(source, notes)

    monkeypatch.setattr(pipeline, "claims_of", counted)
    return done


def entries(project: Path) -> list[Path]:
    return sorted((project / ".claimcheck_cache").glob("*/*.json"))


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_a_warm_run_prints_what_a_cold_run_prints_without_extracting(args: list[str], project: Path,
                                                                      extractions: list[str]) -> None:
    cold = run(*args, "--no-cache")
    assert run(*args) == cold and extractions
    extractions.clear()
    assert run(*args) == cold and extractions == []


def test_the_cache_folder_ignores_itself(project: Path) -> None:
    run("report", "-f", "json")
    assert (project / ".claimcheck_cache" / ".gitignore").read_text().splitlines()[-1] == "*"
    assert len(entries(project)) == 2  # the record and news.md


def test_only_the_edited_document_is_read_again(project: Path, extractions: list[str]) -> None:
    run("report", "-f", "json")
    news = project / "sources" / "news.md"
    news.write_text(news.read_text(encoding="utf-8").replace("reservoir", "lake", 1), encoding="utf-8")
    extractions.clear()
    warm = run("report", "-f", "json")
    assert extractions == ["news.md"]
    assert warm == run("report", "-f", "json", "--no-cache")


def test_a_changed_record_judges_every_document_again(project: Path) -> None:
    run("report", "-f", "json")
    record = project / "sources" / "authority-report.md"
    record.write_text(record.read_text(encoding="utf-8") + "\nThe dam was finished in 1931.\n", encoding="utf-8")
    assert run("report", "-f", "json") == run("report", "-f", "json", "--no-cache")


@pytest.mark.parametrize("damage", ["garbage", "truncated", "swapped", "edited", "empty"])
def test_a_damaged_entry_is_ignored_and_rebuilt(damage: str, project: Path, extractions: list[str]) -> None:
    cold = run("report", "-f", "json")
    files = entries(project)
    data = [f.read_bytes() for f in files]
    for file, content in zip(files, data, strict=True):
        header, _, payload = content.partition(b"\n")
        file.write_bytes({
            "garbage": b"\x00\xff not an entry",
            "truncated": content[: len(content) // 2],
            "swapped": data[1 - files.index(file)],  # another document's entry under this one's name
            "edited": header + b"\n" + payload.replace(b'"agree"', b'"conflict"').replace(b'"2022', b'"2021'),
            "empty": b"",
        }[damage])
    extractions.clear()
    assert run("report", "-f", "json") == cold
    assert sorted(extractions) == ["authority-report.md", "news.md"]
    assert [f.read_bytes() for f in files] == data  # rebuilt as they were


def test_another_build_of_the_tool_does_not_use_the_entries(project: Path, extractions: list[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    cold = run("report", "-f", "json")
    old = {f.parent.name for f in entries(project)}
    monkeypatch.setattr(cache, "build", lambda: "0.2.0-0123456789abcdef")
    extractions.clear()
    assert run("report", "-f", "json") == cold
    assert sorted(extractions) == ["authority-report.md", "news.md"]
    assert {f.parent.name for f in entries(project)} == {"0.2.0-0123456789abcdef"} != old  # the old build's removed


def test_the_build_changes_with_the_verdict_weights(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from claimcheck import verdict

    assert cache.WEIGHTS_ENV == verdict.WEIGHTS_ENV
    before = cache.build.__wrapped__()
    weights = tmp_path / "weights.json"
    weights.write_text("{}")
    monkeypatch.setenv(cache.WEIGHTS_ENV, str(weights))
    assert cache.build.__wrapped__() != before


@pytest.mark.parametrize("off", [["--no-cache"], ["env"], ["config"]])
def test_no_cache_writes_nothing(off: list[str], project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if off == ["env"]:
        monkeypatch.setenv("CLAIMCHECK_NO_CACHE", "1")
    if off == ["config"]:
        (project / "claimcheck.toml").write_text('sources = "sources"\ncache = false\n', encoding="utf-8")
    for args in COMMANDS:
        run(*args, *(off if off == ["--no-cache"] else []))
    assert not (project / ".claimcheck_cache").exists()


def test_cache_dir_puts_the_cache_elsewhere(project: Path) -> None:
    (project / "claimcheck.toml").write_text('sources = "sources"\ncache-dir = "build/cc"\n', encoding="utf-8")
    run("report", "-f", "json")
    assert not (project / ".claimcheck_cache").exists()
    assert len(list((project / "build" / "cc").glob("*/*.json"))) == 2


def test_an_unwritable_cache_is_no_error(project: Path) -> None:
    (project / ".claimcheck_cache").write_text("a file where the folder should be")
    assert run("report", "-f", "json") == run("report", "-f", "json", "--no-cache")


def test_the_environment_moves_the_cache_too(project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path / "ci-cache"))
    run("report", "-f", "json")
    assert not (project / ".claimcheck_cache").exists()
    assert len(list((tmp_path / "ci-cache").glob("*/*.json"))) == 2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_warm_run_gives_the_same_warnings(jobs: str, project: Path) -> None:
    """A warning found while reading a document (too many values in a sentence) is kept with its entry."""
    crowded = " ".join(f"{n} km" for n in range(1, 130))
    for name in ("crowded.md", "crowded-too.md"):
        (project / "sources" / name).write_text(f"The stages were {crowded}.\n", encoding="utf-8")
    results = [CliRunner().invoke(main, ["report", "-f", "json", "--jobs", jobs, *extra])
               for extra in (["--no-cache"], [], [])]
    assert {r.exit_code for r in results} == {0}
    assert "more than" in results[0].stderr
    assert results[0].stderr == results[1].stderr == results[2].stderr
    assert results[0].stdout == results[1].stdout == results[2].stdout
