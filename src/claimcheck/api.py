"""A small public API for embedding claimcheck or running it on a cluster: pure, picklable functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import lru_cache

from .match import RecordIndex
from .models import Claim, Finding, Source
from .sources import parse_published, split_front_matter

__all__ = ["Claim", "Finding", "Source", "extract_claims", "make_source", "reconcile"]


def make_source(text: str, meta: Mapping[str, object] | None = None) -> Source:
    """A Source from text (its own YAML front matter, if any) and `meta`, which wins where both say.

    meta keys: path, name, title, author, publisher, published (ISO string or date), role, url.
    """
    meta = dict(meta or {})
    path = str(meta.pop("path", "<text>"))
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    front, body = split_front_matter(text, path)
    fields = {**{k: v for k, v in front.items() if v is not None}, **meta}
    published = fields.pop("published", None)
    when: dt.date | None = None
    granularity = None
    if published not in (None, ""):
        when, granularity = parse_published(published, path)
    name = str(fields.pop("name", path.rsplit("/", 1)[-1].rsplit(".", 1)[0]))
    known = {k: str(fields[k]) for k in ("title", "author", "publisher", "url") if fields.get(k) is not None}
    return Source(path=path, name=name, text=text, body_offset=body, published=when,
                  published_granularity=granularity, role=str(fields.get("role", "secondary")), **known)


def extract_claims(text: str, meta: Mapping[str, object] | None = None) -> list[Claim]:
    """Every date and quantity claim in one document's text."""
    from .pipeline import claims_of

    return claims_of(make_source(text, meta))


@lru_cache(maxsize=8)
def _index(record: Source) -> RecordIndex:
    # Cached per process: a worker reconciling many documents against one record indexes it once.
    from .pipeline import index_record

    return index_record(record)


def reconcile(claims: Iterable[Claim], record: Source | str, record_meta: Mapping[str, object] | None = None,
              written: dt.date | None = None) -> list[Finding]:
    """A finding for every secondary claim, judged against the record (a Source, or its text).

    `written`: the last day the claims' document can have been written on (verdict.written_by of its
    Source), as the CLI gives it: a date after it is a plan, not a report of what happened.
    """
    from .gate import number_repeats
    from .verdict import judge_all

    if isinstance(record, str):
        record = make_source(record, {"role": "record", **(record_meta or {})})
    index = _index(record)
    return number_repeats(judge_all(list(claims), index, written))
