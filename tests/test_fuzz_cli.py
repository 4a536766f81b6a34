"""Fuzzing the whole CLI: random front matter and bodies never crash, never half-write, stay deterministic."""

from __future__ import annotations

import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.cli import main

from .test_properties import DOCUMENTS

KEYS = st.sampled_from(["title", "author", "publisher", "published", "role", "url", "tags", "x"])
VALUES = st.one_of(
    st.sampled_from(["2018-12-10", "2018-12", "2018", "2018-13-45", "soon", "record", "secondary", "boss",
                     "[a, b]", "{k: v}", "!!python/object:os.system x", "'quoted: colon'", "", "null", "- x"]),
    st.text(max_size=20),
)
FRONT = st.one_of(
    st.just(""),
    st.lists(st.tuples(KEYS, VALUES), max_size=5).map(lambda kv: "---\n" + "".join(f"{k}: {v}\n" for k, v in kv) + "---\n"),
    st.text(max_size=40).map(lambda t: "---\n" + t),
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(FRONT, DOCUMENTS)
def test_random_documents_exit_0_or_2_with_one_line(front: str, body: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "record.md").write_text("---\nrole: record\n---\nThe plant opened in 2021 with 300 staff.\n", encoding="utf-8")
        (folder / "doc.md").write_text(front + body, encoding="utf-8")
        out = folder / "out.json"
        out.write_text("previous", encoding="utf-8")
        runner = CliRunner()
        first = runner.invoke(main, ["report", str(folder), "-f", "json", "-o", str(out)])
        assert first.exit_code in (0, 2), first.output
        assert "Traceback" not in first.output
        if first.exit_code == 2:
            assert first.stderr.count("\n") == 1 and "claimcheck: error:" in first.stderr
            assert "internal error" not in first.stderr
            assert out.read_text(encoding="utf-8") == "previous"
        else:
            produced = out.read_text(encoding="utf-8")
            again = runner.invoke(main, ["report", str(folder), "-f", "json"])
            assert again.stdout == produced
