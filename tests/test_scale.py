"""Parallel and distributed runs give exactly what one process gives; the public API is pure."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from click.testing import CliRunner

from claimcheck import api, pipeline
from claimcheck.cli import main
from claimcheck.render import finding_dict

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [str(ROOT / "sources"), str(ROOT / "tests" / "data" / "football-club" / "sources")]


def test_jobs_2_output_equals_jobs_1() -> None:
    runner = CliRunner()
    for command in (["extract", "-f", "json"], ["report", "-f", "json"], ["report", "-f", "csv"]):
        one = runner.invoke(main, [*command, CORPORA[0], "--jobs", "1"], catch_exceptions=False)
        two = runner.invoke(main, [*command, CORPORA[0], "--jobs", "2"], catch_exceptions=False)
        assert one.exit_code == two.exit_code == 0
        assert one.stdout == two.stdout and one.stdout


def test_api_is_pure_and_picklable() -> None:
    record_text = (ROOT / "tests" / "data" / "reservoir" / "sources" / "authority-report.md").read_text(encoding="utf-8")
    article = "---\npublished: 2023-01-20\n---\nThe reservoir level dropped to 28 percent of capacity in 2018.\n"
    claims = api.extract_claims(article, {"path": "news.md"})
    assert [c.quote for c in claims] == ["28 percent", "2018"]
    assert pickle.loads(pickle.dumps(claims)) == claims
    findings = api.reconcile(claims, record_text, {"path": "record.md"})
    assert [f.verdict for f in findings] == ["conflict", "agree"]
    assert api.reconcile(claims, record_text, {"path": "record.md"}) == findings
    assert pickle.loads(pickle.dumps(findings)) == findings


def test_dask_recipe_on_a_local_cluster_equals_the_cli(tmp_path: Path) -> None:
    from dask.distributed import Client, LocalCluster

    from claimcheck.dask_recipe import report_to_jsonl

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster):
        files = report_to_jsonl([CORPORA[0]], tmp_path / "out", npartitions=3)
    assert len(files) >= 2  # dask may merge small partitions
    rows = [json.loads(line) for f in sorted(files) for line in Path(f).read_text(encoding="utf-8").splitlines()]
    findings, _ = pipeline.report([CORPORA[0]])
    assert rows == [json.loads(json.dumps(finding_dict(f))) for f in findings]

