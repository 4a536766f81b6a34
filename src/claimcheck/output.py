"""Writing output files atomically, so a failed run never leaves a half-written file."""

from __future__ import annotations

import os
import signal
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError
from .sources import display_path

# The signals the CLI turns into an exit, where signals can be held (not on Windows).
_STOPS = {getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)} if hasattr(signal, "pthread_sigmask") else set()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, text: str) -> None:
    """Write `text` to a temporary file beside `path`, then rename it into place."""
    write_chunks(path, [text])


def write_chunks(path: str | Path, chunks: Iterable[str]) -> None:
    """Stream chunks into a temporary file beside `path`; rename it into place only if all went well.

    A symlink is written through (the link stays, its target gets the text); a FIFO or a device
    (`-o /dev/stdout`) is written to directly, as there is no file to replace; an existing file keeps
    its permissions.
    """
    shown = display_path(Path(path))
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(shown, f"cannot write: {exc.strerror or exc}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(shown, "cannot write: it is a folder")
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(target, shown, chunks)
        return
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(shown, f"cannot write: folder {display_path(folder)} does not exist")
    # SIGTERM and SIGHUP unwind the run as an exception (cli.py); one that came between the temporary
    # file's creation and the `try` that removes it would leave it behind, so they wait until then.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS) if _STOPS else None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        raise OutputError(shown, f"cannot write: {exc.strerror or exc}") from None
    try:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a signal held meanwhile is handled here
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
        # mkstemp makes 0600: an existing file keeps its mode, a new one is an ordinary file.
        os.chmod(tmp, stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(shown, f"cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)  # any failure while producing chunks, or a signal: leave no partial file
        raise


def _write_through(target: Path, shown: str, chunks: Iterable[str]) -> None:
    """Write into a FIFO or a device as it is (no temporary file can replace it)."""
    try:
        with open(target, "w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
    except OSError as exc:
        raise OutputError(shown, f"cannot write: {exc.strerror or exc}") from None
