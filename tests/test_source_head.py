"""SourceInfo.load reuses the front matter read when the sources were checked, unless the file changed since."""

from __future__ import annotations

from pathlib import Path

from claimcheck.sources import load_source, scan_sources


def _write(path: Path, title: str, body: str = "It opened in 2004.\n") -> None:
    path.write_text(f"---\ntitle: {title}\npublished: 2020-01-02\n---\n{body}", encoding="utf-8")


def test_load_is_load_source(tmp_path: Path) -> None:
    _write(tmp_path / "a.md", "First")
    (info,), _ = scan_sources([tmp_path], need_record=False, root=tmp_path)
    assert info.head is not None
    assert info.load() == load_source(tmp_path / "a.md", role=info.role, shown=info.path)


def test_front_matter_changed_since_the_check_is_read_again(tmp_path: Path) -> None:
    _write(tmp_path / "a.md", "First")
    (info,), _ = scan_sources([tmp_path], need_record=False, root=tmp_path)
    _write(tmp_path / "a.md", "Second", "It closed in 2010.\n")
    source = info.load()
    assert source.title == "Second" and "2010" in source.text


def test_body_changed_since_the_check_keeps_the_front_matter(tmp_path: Path) -> None:
    _write(tmp_path / "a.md", "First")
    (info,), _ = scan_sources([tmp_path], need_record=False, root=tmp_path)
    _write(tmp_path / "a.md", "First", "It closed in 2010.\n")
    assert info.load() == load_source(tmp_path / "a.md", role=info.role, shown=info.path)
