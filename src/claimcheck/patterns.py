"""Compiled regular expressions kept between runs, as Python keeps the bytecode of a module.

`re` compiles a pattern in Python (parse, then generate code for the C matcher): the package's
few hundred patterns cost ~80 ms at every start, a third of `claimcheck report` on a small corpus.
The generated code depends only on the pattern, its flags and the Python that made it, so it is
stored, once, in a file per Python build under the user's cache folder (as black keeps its cache),
and a later run hands it straight to `_sre.compile`, as `re.compile` does at its end. The patterns
are the same objects either way (a test compares them with `==`, which compares their code).

Safe by construction: the file's name says which Python build made it, its first line holds the
hash of what follows, and anything that does not check out (missing, truncated, corrupt, another
build's) is ignored and rewritten; a folder that cannot be written leaves patterns compiled as
before. Set CLAIMCHECK_PATTERN_CACHE to another folder, or to "0" to turn the store off.
"""

from __future__ import annotations

import _sre
import atexit
import contextlib
import hashlib
import marshal
import os
import re
import sys
from collections.abc import Callable, Hashable
from pathlib import Path
from re import _compiler, _parser

ENV = "CLAIMCHECK_PATTERN_CACHE"
_MAGIC = b"claimcheck-patterns-1"
# Entries: past this, a run that adds some keeps only those it used, so that the patterns of earlier
# versions do not pile up (a run uses ~240, about 0.7 MB, read in ~3 ms).
_LIMIT = 500

# _sre.compile's arguments: pattern, flags, code, groups - 1, groupindex, indexgroup.
Args = tuple


def _build_tag() -> str:
    """The Python build whose `re` generated the code: its version string and the code's format."""
    build = f"{sys.version}\0{sys.implementation.cache_tag}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{sys.maxunicode}"
    return hashlib.sha256(build.encode()).hexdigest()[:16]


def _path() -> Path | None:
    """The store's file, or None when it is turned off."""
    setting = os.environ.get(ENV)
    if setting == "0":
        return None
    if setting:
        folder = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = Path(base) / "claimcheck"
    return folder / f"patterns-{_build_tag()}.bin"


class _Store:
    """The stored code of one Python build, and what this run added to it."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known: dict[Hashable, Args] = self._read() if path is not None else {}
        self.used: set[Hashable] = set()
        self.added = False

    def _read(self) -> dict[Hashable, Args]:
        """The stored entries, or none when the file is missing or does not check out."""
        try:
            data = self.path.read_bytes()
        except OSError:
            return {}
        header, _, payload = data.partition(b"\n")
        if header != _MAGIC + b" " + hashlib.sha256(payload).hexdigest().encode():
            return {}
        try:
            known = marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return {}
        return known if isinstance(known, dict) else {}

    def write(self) -> None:
        """Store this run's new entries beside the old ones, atomically; a failure leaves no file half-written."""
        if not self.added or self.path is None:
            return
        keep = self.known if len(self.known) <= _LIMIT else {key: self.known[key] for key in self.used}
        payload = marshal.dumps(keep)
        import tempfile  # only when writing: 3 ms to import

        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".patterns.", suffix=".tmp", dir=self.path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(_MAGIC + b" " + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise


_store: _Store | None = None


def _the_store() -> _Store:
    global _store
    if _store is None:
        _store = _Store(_path())
        atexit.register(_store.write)
    return _store


def args(parsed: _parser.SubPattern, flags: int, pattern: str | None) -> Args:
    """_sre.compile's arguments for a parsed pattern, as re._compiler.compile works them out."""
    code = _compiler._code(parsed, flags)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        indexgroup[index] = name
    return plain((pattern, flags | parsed.state.flags, code, parsed.state.groups - 1, parsed.state.groupdict,
                  tuple(indexgroup)))


def plain(found: Args) -> Args:
    """_sre.compile's arguments in types marshal stores (re's opcodes are a subclass of int)."""
    pattern, flags, code, groups, groupindex, indexgroup = found
    return (pattern, int(flags), [int(op) for op in code], int(groups), {str(k): int(v) for k, v in groupindex.items()},
            indexgroup)


def cached(key: Hashable, make: Callable[[], Args | None]) -> Args | None:
    """The stored arguments for `key`, else `make()`'s (stored for the next run)."""
    store = _the_store()
    found = store.known.get(key)
    if found is None and key not in store.known:
        found = make()
        store.known[key] = found
        store.added = True
    store.used.add(key)
    return found


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the stored code when an earlier run compiled the same pattern."""
    flags = int(flags)
    try:
        return _sre.compile(*cached((pattern, flags), lambda: args(_parser.parse(pattern, flags), flags, pattern)))
    except Exception:  # noqa: BLE001 - another Python's re internals, or code that does not validate: as re does
        return re.compile(pattern, flags)  # (a pattern that is not valid raises re.error here, as it would)
