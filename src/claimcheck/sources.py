"""Stage 1: find source files, read them safely and parse their YAML front matter."""

from __future__ import annotations

import contextlib
import datetime as dt
import fnmatch
import functools
import hashlib
import os
import re
import subprocess
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import patterns
from .errors import (
    ClaimcheckError,
    ConfigError,
    FrontMatterError,
    RecordError,
    RecordNotFound,
    SourceError,
)

if TYPE_CHECKING:
    from .models import Source

SOURCE_SUFFIXES = (".md", ".markdown", ".txt")
FRONT_MATTER_KEYS = ("title", "author", "publisher", "published", "role", "url")
_PUBLISHED = patterns.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


# Dates and numbers stay the text written, so `published` is checked by our own, clearer rules and
# shown as written ("0001", not 1).
_TEXT_TAGS = frozenset({"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})


@functools.cache
def _loaders() -> tuple[type, type]:
    """The YAML loaders: libyaml's safe parser, and one that leaves dates and numbers as the text written.

    Built on first use, so that a run over files without front matter never imports yaml.
    """
    import yaml

    # libyaml's parser when PyYAML was built with it (ten times faster); both construct safe types only.
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class FrontMatterLoader(base):  # type: ignore[misc,valid-type]
        """Safe YAML that leaves dates and numbers as the text written."""

    FrontMatterLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _TEXT_TAGS]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return base, FrontMatterLoader


# Front matter is a handful of short scalars (title, author, published...), so anything far beyond
# that is refused before a value is built, which keeps its cost linear in its size:
# - nesting beyond 32 levels (990 levels overflow Python's recursion when the values are shown);
# - keys over 200 characters, and values over 4,000 (longer is no title or URL; 4,000 also stays
#   under Python's 4,300-digit limit for turning text into an integer);
# - anchors and aliases (&a, *a), which the loader shares and printing then expands: 344 bytes of
#   nested aliases become gigabytes;
# - explicit tags other than the plain scalar ones (!!timestamp, !!binary, !!python/object, !x).
FRONT_MATTER_MAX_DEPTH = 32
FRONT_MATTER_MAX_KEY = 200
FRONT_MATTER_MAX_VALUE = 4_000
_PLAIN_TAGS = frozenset({None, "!", *(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null",
                                                                               "map", "seq"))})


def _check_front_matter_events(raw: str, shown: str) -> None:
    """Refuse what could make loading the front matter slow or deep, before anything is built."""
    import yaml

    containers: list[list[int]] = []  # per open collection: [is a mapping, children so far]
    for event in yaml.parse(raw, Loader=_loaders()[0]):
        line = f" (line {event.start_mark.line + 2})"
        if isinstance(event, yaml.AliasEvent):
            raise FrontMatterError(shown, f"front matter uses a YAML alias (*{event.anchor}){line}; write the value out")
        if getattr(event, "anchor", None) is not None:
            raise FrontMatterError(shown, f"front matter uses a YAML anchor (&{event.anchor}){line}; remove it")
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)) and event.tag not in _PLAIN_TAGS:
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise FrontMatterError(shown, f"front matter uses the YAML tag {tag!r}{line}; only plain values are allowed")
        if isinstance(event, yaml.CollectionEndEvent):
            containers.pop()
            continue
        if not isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            continue
        is_key = bool(containers) and containers[-1][0] == 1 and containers[-1][1] % 2 == 0
        if containers:
            containers[-1][1] += 1
        if isinstance(event, yaml.CollectionStartEvent):
            if len(containers) >= FRONT_MATTER_MAX_DEPTH:
                raise FrontMatterError(shown, f"front matter is nested more than {FRONT_MATTER_MAX_DEPTH} levels deep{line}")
            containers.append([int(isinstance(event, yaml.MappingStartEvent)), 0])
        elif is_key and len(event.value) > FRONT_MATTER_MAX_KEY:
            raise FrontMatterError(shown, f"front matter key is too long ({len(event.value):,} characters, at most "
                                          f"{FRONT_MATTER_MAX_KEY}){line}")
        elif len(event.value) > FRONT_MATTER_MAX_VALUE:
            raise FrontMatterError(shown, f"front matter value is too long ({len(event.value):,} characters, at most "
                                          f"{FRONT_MATTER_MAX_VALUE:,}){line}")


# Folders never searched for sources unless named on the command line (ruff's defaults, roughly):
# version control, virtualenvs, dependency and build output, caches.
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "build", "dist",
                   "_build", "site-packages", "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache")
CONFIG_KEYS = ("sources", "record", "baseline", "exclude", "extend-exclude", "output-format", "respect-gitignore",
               "cache", "cache-dir")


@dataclass(frozen=True)
class Config:
    """Settings from `[tool.claimcheck]` in pyproject.toml or from claimcheck.toml."""

    root: Path
    sources: Path
    record: Path | None = None
    baseline: Path | None = None
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    file: Path | None = None  # the configuration file read, if any
    output_format: str | None = None  # check's format when neither --format nor -o's extension says
    respect_gitignore: bool = True
    cache: bool = True  # keep each document's results in cache_dir for the next run (cache.py)
    cache_dir: Path | None = None  # default: .claimcheck_cache in the root


def is_file(path: Path, error: type[ClaimcheckError], shown: str | None = None) -> bool:
    """Path.is_file, with a name the file system refuses (too long, a loop of links) as `error` naming it."""
    try:
        return path.is_file()
    except OSError as exc:
        raise error(shown or display_path(path), f"cannot read: {exc.strerror or exc}") from None


def display_path(path: Path, root: Path | None = None) -> str:
    """A path relative to `root` (else the working folder) where possible, with forward slashes.

    Findings name their files relative to the project root (the folder of the configuration), so
    that fingerprints, output and the baseline are the same from whatever folder claimcheck runs.
    """
    try:
        rel = os.path.relpath(Path(path).resolve() if root is not None else path, root)
    except ValueError:  # another drive on Windows
        rel = str(path)
    if rel.startswith(".."):
        rel = str(Path(path).resolve()) if root is not None else str(path)
    # A name that is not UTF-8 reaches Python as lone surrogates, which no output can encode: show its bytes.
    return printable(rel.replace(os.sep, "/"))


def printable(name: str) -> str:
    """A file name with the bytes that are not UTF-8 written as \\xNN escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _read_table(candidate: Path) -> dict | None:
    """Our table from a claimcheck.toml (the whole file) or a pyproject.toml ([tool.claimcheck]), else None."""
    try:
        data = tomllib.loads(candidate.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(display_path(candidate), f"cannot read configuration: {exc}") from None
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise ConfigError(display_path(candidate), "cannot read configuration: nested too deeply") from None
    if candidate.name == "pyproject.toml":
        data = data.get("tool", {}).get("claimcheck") if isinstance(data.get("tool"), dict) else None
        if data is not None and not isinstance(data, dict):
            raise ConfigError(display_path(candidate), "[tool.claimcheck] must be a table")
    return data


def find_config(start: Path | None = None, file: Path | None = None, isolated: bool = False) -> Config:
    """Walk up from `start` to the first claimcheck.toml or pyproject.toml with our table.

    `file` (--config) names the configuration instead; `isolated` ignores every configuration file.
    Either way the project root is the configuration's folder, else the working folder.
    """
    here = (start or Path.cwd()).resolve()
    if isolated:
        return Config(root=here, sources=here / "sources")
    if file is not None:
        if not is_file(file, ConfigError):
            raise ConfigError(display_path(file), "configuration file does not exist")
        data = _read_table(file)
        if data is None:
            raise ConfigError(display_path(file), "has no [tool.claimcheck] table")
        return _config_from(file.resolve().parent, file, data)
    for folder in (here, *here.parents):
        for name in ("claimcheck.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and (data := _read_table(candidate)) is not None:
                return _config_from(folder, candidate, data)
    return Config(root=here, sources=here / "sources")


def _config_from(folder: Path, path: Path, data: dict) -> Config:
    """Validate a configuration table."""
    shown = display_path(path)
    unknown = sorted(set(data) - set(CONFIG_KEYS))
    if unknown:
        raise ConfigError(shown, f"unknown key {unknown[0]!r} (known: {', '.join(sorted(CONFIG_KEYS))})")
    for key in ("sources", "record", "baseline"):
        if key in data and not isinstance(data[key], str):
            raise ConfigError(shown, f"{key!r} must be a string path")
    if "output-format" in data and not isinstance(data["output-format"], str):
        raise ConfigError(shown, "'output-format' must be a string")
    if "respect-gitignore" in data and not isinstance(data["respect-gitignore"], bool):
        raise ConfigError(shown, "'respect-gitignore' must be true or false")
    if "cache" in data and not isinstance(data["cache"], bool):
        raise ConfigError(shown, "'cache' must be true or false")
    if "cache-dir" in data and not isinstance(data["cache-dir"], str):
        raise ConfigError(shown, "'cache-dir' must be a string path")
    for key in ("exclude", "extend-exclude"):
        if key in data and not (isinstance(data[key], list) and all(isinstance(p, str) for p in data[key])):
            raise ConfigError(shown, f"{key!r} must be a list of glob patterns")
    exclude = tuple(data.get("exclude", DEFAULT_EXCLUDE)) + tuple(data.get("extend-exclude", ()))
    return Config(
        root=folder,
        sources=folder / data.get("sources", "sources"),
        record=folder / data["record"] if "record" in data else None,
        baseline=folder / data["baseline"] if "baseline" in data else None,
        exclude=exclude,
        file=path,
        output_format=data.get("output-format"),
        respect_gitignore=data.get("respect-gitignore", True),
        cache=data.get("cache", True),
        cache_dir=folder / data["cache-dir"] if "cache-dir" in data else None,
    )


def _matches(name: str, pattern: str) -> bool:
    """fnmatch.fnmatchcase, without compiling a pattern that has no wildcard (most exclusions are plain names)."""
    if "*" in pattern or "?" in pattern or "[" in pattern:
        return fnmatch.fnmatchcase(name, pattern)
    return name == pattern  # what fnmatch's translation of such a pattern matches, without ~0.1 ms to compile it


def excluded(path: Path, patterns: Iterable[str], root: Path | None = None) -> bool:
    """Whether a glob in `patterns` matches one of the path's folder or file names, or its path from `root`."""
    resolved = path.resolve()
    parts = resolved.parts
    rel = None
    if root is not None:
        with contextlib.suppress(ValueError):
            rel = resolved.relative_to(root.resolve()).as_posix()
            parts = resolved.relative_to(root.resolve()).parts
    return any(_matches(part, p) for p in patterns for part in parts) or (
        rel is not None and any(_matches(rel, p.rstrip("/")) for p in patterns))


def _walk(folder: Path, exclude: tuple[str, ...], skipped: list[str] | None = None) -> Iterable[Path]:
    """Source files under `folder`, not descending into excluded folders (what cannot be read goes to `skipped`).

    A stack, not recursion (os.walk recurses before Python 3.12): a tree 1,200 folders deep is no error.
    """
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            if skipped is not None:
                skipped.append(f"{display_path(current)}: folder skipped: {exc.strerror or exc}")
            continue
        folders = []
        for entry in listed:
            if any(_matches(entry.name, p) for p in exclude):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                    continue
                wanted = Path(entry.name).suffix.lower() in SOURCE_SUFFIXES
                if wanted and entry.is_file():
                    yield Path(entry.path)
                elif wanted and skipped is not None:
                    what = "a dangling link" if entry.is_symlink() and not os.path.exists(entry.path) else "not a regular file"
                    skipped.append(f"{display_path(Path(entry.path))}: skipped: {what}")
            except OSError as exc:
                if skipped is not None:
                    skipped.append(f"{display_path(Path(entry.path))}: skipped: {exc.strerror or exc}")
        stack.extend(reversed(folders))


def git_ignored(folder: Path, files: list[Path]) -> set[Path]:
    """The files git ignores (.gitignore and the like); none outside a repository or without git."""
    if not files:
        return set()
    try:
        done = subprocess.run(["git", "-C", str(folder), "check-ignore", "-z", "--stdin"], capture_output=True,
                              input=b"\0".join(os.fsencode(f.resolve()) for f in files), check=False)
    except OSError:
        return set()
    if done.returncode != 0:  # 1: nothing ignored; 128: not a repository
        return set()
    return {Path(os.fsdecode(name)) for name in done.stdout.split(b"\0") if name}


def discover(paths: Iterable[str | Path], exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
             gitignore: bool = True, skipped: list[str] | None = None) -> list[Path]:
    """Expand files and folders into a sorted, de-duplicated list of source files.

    Inside folders, names matching `exclude` and (with `gitignore`) files git ignores are skipped;
    files named outright are always read. Files and folders that could not be read are added to `skipped`.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            found.extend(_expand(path, exclude, gitignore, skipped))
        except OSError as exc:  # a name too long for the file system, a loop of links
            raise SourceError(display_path(path), f"cannot read: {exc.strerror or exc}") from None
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path.resolve(), None)
    return sorted(unique, key=lambda p: display_path(p))


def _expand(path: Path, exclude: tuple[str, ...], gitignore: bool, skipped: list[str] | None) -> list[Path]:
    """A named path as source files: the file itself, or the sources inside the folder."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise SourceError(display_path(path), "not a regular file or folder" if path.exists() else "no such file or folder")
    inside = sorted(_walk(path, exclude, skipped))
    ignored = git_ignored(path, inside) if gitignore else set()
    if ignored:
        inside = [f for f in inside if f.resolve() not in ignored]
    if not inside:
        note = f"; {len(ignored)} ignored by git (respect-gitignore = false reads them)" if ignored else ""
        raise SourceError(display_path(path), f"folder has no sources (*.md, *.markdown, *.txt){note}")
    return inside


def _utf16(data: bytes) -> bool:
    """Whether bytes look like UTF-16 text: a byte order mark, or a NUL beside each of the first characters."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:64]
    even, odd = head[0::2], head[1::2]
    return len(head) >= 8 and (odd.count(0) == len(odd) and 0 not in even or even.count(0) == len(even) and 0 not in odd)


def read_text(path: Path, shown: str | None = None) -> str:
    """Read a file as UTF-8 text with newlines normalised, refusing binary and bad encodings."""
    shown = shown or display_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(shown, f"cannot read: {exc.strerror or exc}") from None
    if _utf16(data):  # its NUL bytes do not make it binary
        raise SourceError(shown, "UTF-16 text; re-save it as UTF-8")
    nul = data.find(b"\0")
    if nul >= 0:
        raise SourceError(shown, f"binary file (NUL byte at offset {nul}); give a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(shown, f"not UTF-8 (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save it as UTF-8") from None
    text = text.removeprefix("\ufeff")
    # CRLF and lone CR both become one newline, so line numbers match what an editor shows.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_published(value: object, shown: str) -> tuple[dt.date, str]:
    """Turn a front-matter `published` value into a date and its granularity."""
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    text = str(value).strip()
    match = _PUBLISHED.match(text)
    if not match:
        raise FrontMatterError(shown, f"published: {text!r} is not an ISO date (2018-12-10, 2018-12 or 2018)")
    year, month, day = match.group(1), match.group(2), match.group(3)
    try:
        if day:
            return dt.date(int(year), int(month), int(day)), "day"
        if month:
            return dt.date(int(year), int(month), 1), "month"
        return dt.date(int(year), 1, 1), "year"
    except ValueError:
        raise FrontMatterError(shown, f"published: {text!r} is not a real date") from None


# Front matter that is only "key: value" lines of plain or quoted one-line strings (nearly all of it) is read
# without YAML: importing yaml costs ~10 ms, a tenth of a run on a few documents. Anything else (escapes,
# lists, several lines to a value, words YAML reads as true, false or null, long values) goes to YAML,
# and a test checks that both read the same. Dates and numbers stay the text written, as with
# FrontMatterLoader; an empty value is None.
_SIMPLE_ENTRY = patterns.compile(
    r"(?P<key>[A-Za-z_][A-Za-z0-9_-]{0,199}):"
    r"(?:[ ]+(?:\"(?P<double>[^\"\\\n]*)\"|'(?P<single>[^'\n]*)'|(?P<plain>[A-Za-z0-9\x80-\U0010ffff][A-Za-z0-9\x80-\U0010ffff .,_/()+'!?&;%$-]*?)))?"
    r"[ ]*(?:[ ]#[^\n]*)?"
)
_SIMPLE_SKIP = patterns.compile(r"[ ]*(?:#[^\n]*)?")  # blank lines and comments
# Characters outside YAML's printable set, its line breaks other than \n and the byte order mark: YAML decides.
_NOT_SIMPLE = patterns.compile(r"[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_YAML_WORDS = frozenset("yes no true false on off null ~".split())  # read as true, false or null, in any case


def _simple_front_matter(raw: str) -> dict | None:
    """The front matter as YAML would read it, when it is simple "key: value" lines; else None."""
    if _NOT_SIMPLE.search(raw):
        return None
    data: dict = {}
    for line in raw.split("\n"):
        if _SIMPLE_SKIP.fullmatch(line):
            continue
        m = _SIMPLE_ENTRY.fullmatch(line)
        if m is None or m["key"] in data or m["key"].lower() in _YAML_WORDS:
            return None
        value = m["double"] if m["double"] is not None else m["single"] if m["single"] is not None else m["plain"]
        if value is not None and (len(value) > FRONT_MATTER_MAX_VALUE or (m["plain"] and value.lower() in _YAML_WORDS)):
            return None
        data[m["key"]] = value
    return data


def split_front_matter(text: str, shown: str) -> tuple[dict, int]:
    """Split YAML front matter from the body; returns the mapping and the body's offset."""
    if not text.startswith("---\n") and text.rstrip("\n") != "---":
        return {}, 0
    close = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if not close:
        raise FrontMatterError(shown, "front matter opened with '---' on line 1 is never closed")
    raw = text[4 : 4 + close.start()]
    body = 4 + close.end()
    if body < len(text) and text[body] == "\n":
        body += 1
    if not raw.strip():
        return {}, body
    simple = _simple_front_matter(raw)
    if simple is not None:
        return simple, body
    import yaml

    try:
        _check_front_matter_events(raw, shown)
        data = yaml.load(raw, Loader=_loaders()[1])  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(shown, f"front matter is not valid YAML{where}: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(shown, "front matter must be a mapping of keys to values")
    return data, body


def load_source(path: Path, role: str | None = None, shown: str | None = None) -> Source:
    """Read one source file with its front matter; `shown` is the path findings name it by."""
    shown = shown or display_path(path)
    text = read_text(path, shown)
    return _source(path, shown, role, text, _front_matter(text, shown))


# What a source's front matter gives it: the text up to its body (front matter and all), the body's
# offset, the Source fields it sets and the role it declares.
Head = tuple[str, int, tuple[tuple[str, object], ...], str]


def _front_matter(text: str, shown: str) -> Head:
    """Read and check the front matter of a source's text."""
    meta, body = split_front_matter(text, shown)
    fields: dict = {}
    for key in ("title", "author", "publisher", "url"):
        if meta.get(key) is not None:
            fields[key] = str(meta[key])
    if meta.get("published") not in (None, ""):
        fields["published"], fields["published_granularity"] = parse_published(meta["published"], shown)
    declared = meta.get("role", "secondary")
    if declared not in ("record", "secondary"):
        raise FrontMatterError(shown, f"role: {declared!r} is not 'record' or 'secondary'")
    return text[:body], body, tuple(fields.items()), declared


def _source(path: Path, shown: str, role: str | None, text: str, head: Head) -> Source:
    # The models only once a file has passed: a bad first file fails fast.
    from .models import Source

    _, body, fields, declared = head
    return Source(
        path=shown,
        name=printable(path.stem),
        role=role or declared,
        text=text,
        body_offset=body,
        **dict(fields),
    )


@dataclass(frozen=True)
class SourceInfo:
    """What is known of a source without holding its text: enough to order, label and reload it."""

    file: Path
    path: str
    name: str
    label: str
    role: str
    empty: bool
    digest: str = ""  # the hash of the text as it was checked: the key of its cache entry
    head: Head | None = None  # its front matter as read when it was checked

    def load(self) -> Source:
        """Read the source again, with its text (its front matter read again only if it has changed since)."""
        text = read_text(self.file, self.path)
        # The same front matter up to and with the newline after it reads the same (a head without that
        # newline could read otherwise with text after it: "---" closes only on a line of its own).
        if self.head is not None and self.head[0].endswith("\n") and text.startswith(self.head[0]):
            return _source(self.file, self.path, self.role, text, self.head)
        return _source(self.file, self.path, self.role, text, _front_matter(text, self.path))


def text_digest(text: str) -> str:
    """The hash of a document's text as read (newlines normalised, front matter included)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def scan_sources(paths: Iterable[str | Path], record: str | Path | None = None, root: Path | None = None,
                 need_record: bool = True, exclude: tuple[str, ...] = DEFAULT_EXCLUDE,
                 names: dict[Path, str] | None = None, gitignore: bool = True, skipped: list[str] | None = None,
                 ) -> tuple[list[SourceInfo], Source | None]:
    """Validate every source and pick the record, keeping only the record's text in memory.

    Every file is read and checked here, so a bad file fails the run before any output exists;
    the other texts are read again one at a time when claims are extracted. Paths are shown
    relative to `root` (default: the working folder). Without `need_record` (extraction), no
    record, or several, is no error: the record is then None. `names` maps some files (resolved)
    to the path findings name them by (the stand-in file for standard input). What is skipped inside
    folders (FIFOs, dangling links, unreadable folders) is added to `skipped`.
    """
    files = discover(paths, exclude, gitignore, skipped)
    record_path = Path(record).resolve() if record is not None else None
    if record_path is not None and not is_file(record_path, RecordError, display_path(Path(record))):
        problem = ("the record is a folder; give its file (--record FILE)" if record_path.is_dir() else
                   "the record is not a regular file" if record_path.exists() else "record file does not exist")
        raise RecordError(display_path(Path(record)), problem)
    if record_path is not None and record_path not in files:
        files.append(record_path)
    infos: list[SourceInfo] = []
    records: list[Source] = []
    for file in files:
        role = ("record" if file == record_path else "secondary") if record_path else None
        shown = (names or {}).get(file) or display_path(file, root)
        text = read_text(file, shown)
        head = _front_matter(text, shown)
        source = _source(file, shown, role, text, head)
        infos.append(SourceInfo(file, source.path, source.name, source.label, source.role,
                                not source.text[source.body_offset :].strip(), text_digest(source.text), head))
        if source.role == "record":
            records.append(source)
    if len(records) != 1 and not need_record:
        return infos, None
    if not records:
        where = display_path(files[0].parent) if files else "."
        raise RecordNotFound(where, "no record among the sources; mark one with 'role: record' in its front matter or pass --record FILE")
    if len(records) > 1:
        listed = ", ".join(s.path for s in records[:3])
        raise RecordError(records[1].path, f"more than one record ({listed}); keep 'role: record' in one or pass --record FILE")
    return infos, records[0]


def find_record(folder: Path, exclude: tuple[str, ...] = DEFAULT_EXCLUDE, gitignore: bool = True) -> Path | None:
    """The one source under `folder` whose front matter says `role: record`, if there is exactly one."""
    if not folder.is_dir():
        return None
    found = []
    files = sorted(_walk(folder, exclude))
    ignored = git_ignored(folder, files) if gitignore else set()
    for file in (f for f in files if f.resolve() not in ignored):
        try:
            meta, _ = split_front_matter(read_text(file), display_path(file))
        except SourceError:
            continue  # a broken file is reported when it is checked itself
        if meta.get("role") == "record":
            found.append(file)
    return found[0] if len(found) == 1 else None
