"""Recipe: extraction and reconciliation over a large corpus with Dask (a LocalCluster or a real one).

    from dask.distributed import Client, LocalCluster
    from claimcheck.dask_recipe import report_to_jsonl
    with LocalCluster(n_workers=4) as cluster, Client(cluster):
        report_to_jsonl(["archive/"], "findings/", record="record.md")

The files are validated on the client first (bad input fails before any work is scheduled); each
worker then reads its documents from the shared path (on a real cluster the paths must be on storage
every worker can read), extracts claims and judges them against the record, whose text travels to
the workers once. Findings are written as JSON lines, one file per partition, in path order.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import api
from .models import Source
from .render import finding_dict
from .sources import SourceInfo
from .verdict import written_by


def findings_for(info: SourceInfo, record: Source) -> list[dict]:
    """Findings of one source as JSON-ready dicts (what each Dask task computes)."""
    source = info.load()
    claims = api.extract_claims(source.text, _meta(source))
    return [finding_dict(f) for f in api.reconcile(claims, record, written=written_by(source))]


def _meta(source: Source) -> dict:
    return {"path": source.path, "name": source.name, "title": source.title, "role": source.role,
            "published": source.published}


def report_to_jsonl(paths: list[str | Path], out_dir: str | Path, record: str | Path | None = None,
                    npartitions: int | None = None) -> list[str]:
    """Write every finding of `paths` to out_dir/findings-*.jsonl with the current Dask client."""
    import dask.bag as db

    from .pipeline import load

    corpus = load(paths, record)
    infos = [info for info in corpus.sources if info.role != "record"]
    if not infos:
        return []
    bag = db.from_sequence(infos, npartitions=npartitions or min(len(infos), 64))
    rows = bag.map(findings_for, record=corpus.record).flatten().map(lambda row: json.dumps(row, ensure_ascii=False))
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    # Zero-padded partition numbers keep the files in path order when listed or globbed.
    return rows.to_textfiles(str(Path(out_dir) / "findings-*.jsonl"), name_function=lambda i: f"{i:05d}")
