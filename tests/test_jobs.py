"""--jobs N: the same output and the same errors as one process."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import Future

import pytest
from click.testing import CliRunner

from claimcheck import errors, pipeline
from claimcheck.cli import main
from claimcheck.sources import SourceInfo

from .conftest import ROOT


@pytest.mark.parametrize("cls", [errors.ClaimcheckError, errors.SourceError, errors.FrontMatterError,
                                 errors.RecordError, errors.RecordNotFound, errors.ConfigError, errors.OutputError])
def test_errors_survive_pickling(cls: type[errors.ClaimcheckError]) -> None:
    """A worker's error reaches the parent as itself (it used to become BrokenProcessPool)."""
    error = pickle.loads(pickle.dumps(cls("sources/a.md", "cannot read")))
    assert type(error) is cls and (error.path, error.problem, str(error)) == ("sources/a.md", "cannot read",
                                                                             "sources/a.md: cannot read")


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the workers must inherit the patch")
@pytest.mark.parametrize("command", ["extract", "report"])
def test_an_input_error_in_a_worker_is_the_same_line_and_exit_2(command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that goes bad after it was checked fails the run the same way with one process or two."""
    load = SourceInfo.load

    def vanished(self: SourceInfo):
        if self.path.endswith("what-does-nato-want-in-iraq.txt"):
            raise errors.SourceError(self.path, "cannot read: No such file or directory")
        return load(self)

    monkeypatch.setattr(SourceInfo, "load", vanished)
    monkeypatch.setenv("CLAIMCHECK_NO_CACHE", "1")
    results = [CliRunner().invoke(main, [command, str(ROOT / "sources"), "-f", "json", "--jobs", jobs]) for jobs in ("1", "2")]
    assert [r.exit_code for r in results] == [2, 2]
    assert results[0].stderr == results[1].stderr
    assert results[0].stderr.count("\n") == 1 and "what-does-nato-want-in-iraq.txt: cannot read" in results[0].stderr


@pytest.mark.parametrize("command", [["extract", "-f", "json"], ["report", "-f", "json"], ["check", "-f", "json", "--exit-zero"]])
def test_two_jobs_print_what_one_prints(command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_NO_CACHE", "1")
    one, two = (CliRunner().invoke(main, [*command, str(ROOT / "sources"), "--jobs", jobs]) for jobs in ("1", "2"))
    assert one.exit_code == two.exit_code == 0 and one.stdout == two.stdout


class LazyPool:
    """A stand-in process pool: a task runs when its result is asked for, and the tasks not yet asked for are counted."""

    def __init__(self, count: int, judge, cache) -> None:
        pipeline._start_worker(judge, cache)
        self.waiting: list[Future] = []
        self.most = 0

    def submit(self, task, *args) -> Future:
        pool = self

        class Lazy(Future):
            def done(self) -> bool:
                return False

            def result(self, timeout=None):
                pool.waiting.remove(self)
                return task(*args)

        future = Lazy()
        self.waiting.append(future)
        self.most = max(self.most, len(self.waiting))
        return future

    def shutdown(self, cancel_futures: bool = False) -> None:
        pass


def test_documents_in_flight_are_bounded(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """However many documents, at most IN_FLIGHT per worker wait for the parent: memory stays flat."""
    for i in range(30):
        (tmp_path / f"doc-{i:02d}.md").write_text(f"The bridge opened in {1950 + i} and cost {i + 2} million euros.\n")
    (tmp_path / "record.md").write_text("---\nrole: record\n---\nThe bridge opened in 1960 and cost 12 million euros.\n")
    corpus = pipeline.load([tmp_path])
    serial = pipeline.report_claims(corpus)
    pools: list[LazyPool] = []
    monkeypatch.setattr(pipeline, "_pool", lambda *a: pools.append(LazyPool(*a)) or pools[-1])
    assert pipeline.report_claims(corpus, jobs=2) == serial
    assert pools[0].most == 2 * pipeline.IN_FLIGHT < 30
