"""Incremental runs, as ruff caches: each document's claims and findings kept on disk between runs.

The cache folder (`.claimcheck_cache` in the project root) holds one folder per build of the tool
and in it one entry per document. An entry's key is a hash of the tool's build (its version, its
own code and data, Python's version), the document's path, name, role and text, and, for findings,
the record's key; anything that changes a claim or a verdict changes the key. An entry is used only
when the key written inside it and the hash of its contents check out: a corrupt, truncated, stale
or foreign file is a miss, and the document is read again and its entry rewritten. Entries are
written atomically (a temporary file renamed into place), so a crash or a concurrent run leaves an
old entry or a new one, never half of one. A cache that cannot be written is simply not used.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import msgspec

from . import __version__
from .models import Claim, Finding, Frozen

# verdict.WEIGHTS_ENV, spelled out so that a cached run need not import the judge (a test keeps them equal).
WEIGHTS_ENV = "CLAIMCHECK_VERDICT_WEIGHTS"
# Distributions whose version can change a claim, a score or how entries read (the stemmer and rapidfuzz
# decide matches; msgspec reads and writes the entries).
DEPENDENCIES = frozenset({"msgspec", "rapidfuzz", "pystemmer", "pyyaml"})


class Entry(Frozen, kw_only=True):
    """One document's results: its claims, or the findings of its claims against one record."""

    claims: list[Claim] | None = None  # left out when they are the findings' claims, in order
    record: str | None = None  # the key of the record the findings were judged against
    findings: list[Finding] | None = None
    notes: list[str] = []  # warnings about the document found while reading it, given again on a cache hit

    def all_claims(self) -> list[Claim]:
        """The document's claims, in document order."""
        return self.claims if self.claims is not None else [f.claim for f in self.findings or ()]


_ENCODER = msgspec.json.Encoder()
_DECODER = msgspec.json.Decoder(Entry)


def entry_json(entry: Entry) -> bytes:
    """An entry as JSON (what the cache stores and a worker sends back)."""
    return _ENCODER.encode(entry)


def read_entry(payload: bytes | str) -> Entry:
    """An entry from its JSON, every field checked (msgspec.DecodeError if it is not one)."""
    return _DECODER.decode(payload)


def _dependencies() -> list[str]:
    """The installed versions of DEPENDENCIES, from their dist-info folders' names (cheaper than importing them)."""
    found: list[str] = []
    for folder in sys.path:
        with contextlib.suppress(OSError):
            found += [entry.name for entry in os.scandir(folder or ".")
                      if entry.name.endswith(".dist-info") and entry.name.split("-")[0].lower() in DEPENDENCIES]
    return sorted(found)


@functools.cache
def build() -> str:
    """This build of the tool: its version and a hash of everything besides the input that decides its output."""
    digest = hashlib.sha256(f"{__version__}\0{sys.version_info[:2]}\0".encode())
    package = Path(__file__).parent
    for file in sorted(package.iterdir()):  # the code and data (lexicons, fitted weights) of this very install
        if file.suffix in (".py", ".json"):
            digest.update(f"{file.name}\0".encode() + file.read_bytes() + b"\0")
    digest.update("\0".join(_dependencies()).encode())
    weights = os.environ.get(WEIGHTS_ENV)
    if weights:  # fit.py and tests judge with other weights
        digest.update(weights.encode())
        with contextlib.suppress(OSError):
            digest.update(Path(weights).read_bytes())
    return f"{__version__}-{digest.hexdigest()[:16]}"


@dataclass(frozen=True)
class Cache:
    """The cache of one project for this build of the tool (picklable, for the workers of a process pool)."""

    folder: Path
    tool: str

    @classmethod
    def at(cls, folder: Path) -> Cache:
        return cls(folder, build())

    @property
    def entries(self) -> Path:
        return self.folder / self.tool

    def key(self, path: str, name: str, role: str, digest: str) -> str:
        """A document's key: this build, where the document is, what it is and its text's hash."""
        return hashlib.sha256(f"{self.tool}\0{path}\0{name}\0{role}\0{digest}".encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str) -> Entry | None:
        """The entry stored under `key`, if there is one and it checks out; anything else is None."""
        try:
            data = (self.entries / f"{key}.json").read_bytes()
        except OSError:
            return None
        header, _, payload = data.partition(b"\n")
        if header != self._header(key, payload):
            return None  # another key's entry, another build's, or contents changed since they were written
        try:
            return read_entry(payload)
        except msgspec.DecodeError:  # JSON that hashes right but is not an entry (a ValidationError too)
            return None

    def put(self, key: str, entry: Entry) -> None:
        """Store an entry atomically; a folder that cannot be written leaves the cache unused, not the run failed."""
        self.put_payload(key, entry_json(entry))

    def put_payload(self, key: str, payload: bytes) -> None:
        """Store an entry's JSON (as a worker made it) atomically."""
        with contextlib.suppress(OSError):
            folder = self._prepare()
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=folder)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(self._header(key, payload) + b"\n" + payload)
                os.replace(tmp, folder / f"{key}.json")
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise

    def _header(self, key: str, payload: bytes) -> bytes:
        """The first line of an entry: its key and build, and the hash of what follows."""
        return f"{key} {self.tool} {hashlib.sha256(payload).hexdigest()}".encode()

    def _prepare(self) -> Path:
        """This build's folder, created with the cache's own .gitignore; other builds' folders are removed."""
        folder = self.entries
        if folder.is_dir():
            return folder
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():  # as ruff does: the cache ignores itself, wherever it is
            ignore.write_text("# Automatically created by claimcheck.\n*\n", encoding="utf-8")
        tag = self.folder / "CACHEDIR.TAG"
        if not tag.exists():  # backup tools skip folders with this tag (https://bford.info/cachedir/)
            tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                           "# This file is a cache directory tag created by claimcheck.\n", encoding="utf-8")
        for old in self.folder.iterdir():  # entries of other builds can never match again
            if old.is_dir() and old.name != self.tool:
                shutil.rmtree(old, ignore_errors=True)
        folder.mkdir(exist_ok=True)
        return folder
