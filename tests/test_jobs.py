"""--jobs N: the same output and the same errors as one process."""

from __future__ import annotations

import multiprocessing
import pickle

import pytest
from click.testing import CliRunner

from claimcheck import errors
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
