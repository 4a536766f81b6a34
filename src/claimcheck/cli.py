"""The command line: parse options, call the pipeline, render. No logic of its own."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import io
import os
import signal
import sys
import threading
from pathlib import Path
from typing import NoReturn

import click

from . import __version__
from .errors import ClaimcheckError

VERDICTS = ("agree", "conflict", "unsupported")


class UserError(click.ClickException):
    """A domain error shown as one line on stderr, exit code 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"claimcheck: error: {_line(self.format_message())}", err=True)


def _line(message: str) -> str:
    """A message as one line: a path or text holding a line break must not start a line of its own
    (GitHub reads '::error' at a line's start) nor pass a control character to the terminal."""
    from .render import one_line

    return one_line(message)


CLOSED_PIPE = 141  # what a shell shows for a Unix tool stopped by SIGPIPE (128 + 13): not clean, not a finding


def _closed_pipe() -> NoReturn:
    """Stdout's reader went away (`claimcheck extract | head -1`): stop quietly, as Unix tools do."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        # Point stdout at /dev/null so the interpreter's last flush has nowhere left to fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(CLOSED_PIPE)


def _setting(name: str, default=None):
    """A common option's value: the command's own, else the group's (both store into the shared meta)."""
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(f"claimcheck.{name}", default) if ctx else default


def _debug() -> bool:
    """Whether --debug (or CLAIMCHECK_DEBUG=1) asks for tracebacks."""
    return bool(os.environ.get("CLAIMCHECK_DEBUG")) or bool(_setting("debug"))


def _quiet() -> bool:
    return bool(_setting("quiet"))


def _say(message: str) -> None:
    """A message for people on stderr (counts, 'wrote FILE', hints), silenced by -q."""
    if not _quiet():
        click.echo(_line(message), err=True)


def _fail(exc: ClaimcheckError):
    """Re-raise a domain error as the one-line exit-2 message (or as it is, with --debug)."""
    if _debug():
        raise exc
    raise UserError(str(exc)) from None


def _run(func, *args, **kwargs):
    """Call the core, turning its narrow errors into one-line exit-2 messages."""
    try:
        return func(*args, **kwargs)
    except ClaimcheckError as exc:
        _fail(exc)


def _config():
    """The configuration, found once per command (walking up folders and parsing TOML)."""
    from .sources import find_config

    meta = click.get_current_context().meta
    if "claimcheck.config" not in meta:
        file = _setting("config_file")
        meta["claimcheck.config"] = _run(find_config, None, Path(file) if file else None, bool(_setting("isolated")))
    return meta["claimcheck.config"]


def _inside(path: Path, folder: Path) -> bool:
    resolved, folder = path.resolve(), folder.resolve()
    return resolved == folder or folder in resolved.parents


def _selected(path: Path, config) -> bool:
    """Whether a file named on the command line is one the configuration would read (--force-exclude)."""
    from .sources import SOURCE_SUFFIXES, excluded

    return (_inside(path, config.sources) and (path.is_dir() or path.suffix.lower() in SOURCE_SUFFIXES)
            and not excluded(path, config.exclude, config.sources))


def _paths(paths: tuple[str, ...], force_exclude: bool = False) -> list[str]:
    """The paths given (with --force-exclude, only those inside the configured selection), else the sources folder."""
    config = _config()
    if not paths:
        return [str(config.sources)]
    if force_exclude:
        return [p for p in paths if p == "-" or _selected(Path(p), config)]
    return list(paths)


def _show_settings(config) -> None:
    """--show-settings: what this run would use, then stop."""
    from .sources import display_path

    def shown(path):
        return display_path(path, config.root) if path else "(none)"

    rows = [("project root", str(config.root)), ("configuration", str(config.file) if config.file else "(none)"),
            ("sources", shown(config.sources)), ("record", shown(config.record) if config.record else "(role: record)"),
            ("baseline", shown(config.baseline or config.root / "claims" / "baseline.json")),
            ("exclude", ", ".join(config.exclude)),
            ("cache", shown(_cache_folder(config)) if _cache_folder(config) else "(off)"),
            ("output-format", os.environ.get("CLAIMCHECK_OUTPUT_FORMAT") or config.output_format or "(table)")]
    for key, value in rows:
        click.echo(f"{key:<14} {value}")
    click.get_current_context().exit(0)


def _stdin_file() -> tuple[Path, dict[Path, str]]:
    """Standard input saved to a temporary file (removed when the command ends), and the name it goes by.

    Its findings name it by --stdin-filename (relative to the project root, so a baseline entry
    written for the file itself applies), else '-'.
    """
    import shutil
    import tempfile

    from .sources import display_path

    ctx = click.get_current_context()
    given = _setting("stdin_filename")
    folder = Path(tempfile.mkdtemp(prefix="claimcheck-stdin-"))
    ctx.call_on_close(lambda: shutil.rmtree(folder, ignore_errors=True))
    file = folder / (Path(given).name if given else "stdin.md")
    file.write_bytes(sys.stdin.buffer.read())
    shown = display_path(Path(given), _config().root) if given else "-"
    return file, {file.resolve(): shown}


def _record(record: str | None) -> str | None:
    if record is not None or os.environ.get("CLAIMCHECK_RECORD"):
        return record or os.environ["CLAIMCHECK_RECORD"]
    config = _config()
    return str(config.record) if config.record else None


def _load(paths: tuple[str, ...], record: str | None, need_record: bool = True, force_exclude: bool = False):
    """Load the sources (step 1) and print any warnings about them; None when nothing is left to read.

    Files of the configured sources folder named without the record among them (pre-commit passes
    only the changed files) are reconciled against the record of that folder.
    """
    from .errors import RecordNotFound
    from .sources import discover, display_path, find_record

    config = _config()
    chosen = _paths(paths, force_exclude)
    if not chosen:
        return None
    names = {}
    if "-" in chosen:
        stand_in, names = _stdin_file()
        chosen = [str(stand_in) if p == "-" else p for p in chosen]
    if _setting("show_settings"):
        _show_settings(config)
    if _setting("show_files"):
        for file in _run(discover, chosen, config.exclude, config.respect_gitignore):
            click.echo(display_path(file, config.root))
        click.get_current_context().exit(0)
    from . import pipeline  # not before: --show-settings and --show-files need no models

    named = _record(record)
    try:
        corpus = pipeline.load(chosen, named, config.root, need_record, config.exclude, names, config.respect_gitignore)
    except RecordNotFound as exc:
        inside = paths and all(_inside(Path(p), config.sources) or Path(p).resolve() in names for p in chosen)
        fallback = find_record(config.sources, config.exclude, config.respect_gitignore) if inside and named is None else None
        if fallback is None:
            _fail(exc)
        corpus = _run(pipeline.load, chosen, fallback, config.root, need_record, config.exclude, names, config.respect_gitignore)
    except ClaimcheckError as exc:
        _fail(exc)
    for line in pipeline.warnings(corpus):
        _say(line)
    return corpus


PROGRESS_MIN_DOCUMENTS = 20  # a bar for a handful of documents would only flicker


@contextlib.contextmanager
def _progress(corpus):
    """A progress bar on stderr for long runs on a terminal; yields the per-document tick (or None)."""
    if (not sys.stderr.isatty() or len(corpus.sources) < PROGRESS_MIN_DOCUMENTS or os.environ.get("CI")
            or _quiet()):
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("documents", total=len(corpus.sources))
        yield lambda: bar.advance(task)


def _emit(chunks, output: str | None) -> None:
    """Stream machine output to stdout, or atomically to a file (a string is one chunk)."""
    if isinstance(chunks, str):
        chunks = [chunks]
    if output:
        from .output import write_chunks

        _run(write_chunks, output, chunks)
        _say(f"wrote {output}")
    else:
        for chunk in chunks:
            click.echo(chunk, nl=False)


FILE_WIDTH = 160  # tables written to a file or a pipe: wide enough for a reason, never the terminal's


def _console(file=None):
    """A rich console for stdout (colour per --color, NO_COLOR and the terminal), or plain text into `file`."""
    from rich.console import Console

    if file is not None:
        return Console(file=file, color_system=None, no_color=True, highlight=False, soft_wrap=False,
                       width=FILE_WIDTH, force_terminal=False)
    color = _setting("color") or "auto"
    force = {"always": True, "never": False}.get(color)
    no_color = color == "never" or (color == "auto" and bool(os.environ.get("NO_COLOR")))
    console = Console(force_terminal=force, no_color=no_color or None, highlight=False, soft_wrap=False,
                      color_system=None if color == "never" else "auto",
                      width=None if sys.stdout.isatty() else FILE_WIDTH)
    console.on_broken_pipe = _closed_pipe  # rich's own exits 1, which `check` uses for "conflicts found"
    return console


def _table(draw, output: str | None) -> None:
    """Draw a rich table to the terminal, or as plain text atomically into the -o file."""
    if not output:
        draw(_console())
        return
    buffer = io.StringIO()
    draw(_console(buffer))
    _emit(buffer.getvalue(), output)


# What -o FILE's extension says to write when --format is not given (--format always wins).
EXTENSION_FORMATS = {
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".md": "markdown",
    ".markdown": "markdown", ".html": "html", ".htm": "html", ".sarif": "sarif", ".xml": "junit", ".txt": "table",
}


def _format(fmt: str | None, output: str | None, choices: tuple[str, ...], default: str,
            configured: bool = False) -> str:
    """--format, else what -o's extension says, else (`configured`: check) CLAIMCHECK_OUTPUT_FORMAT or the
    configuration's output-format, else a table on a terminal and `default` otherwise."""
    if fmt:
        return fmt
    suffix = Path(output).suffix.lower() if output else ""
    inferred = EXTENSION_FORMATS.get(suffix)
    if configured and inferred is None:
        from .sources import display_path

        config = _config()
        for value, where in ((os.environ.get("CLAIMCHECK_OUTPUT_FORMAT"), "CLAIMCHECK_OUTPUT_FORMAT"),
                             (config.output_format, display_path(config.file) if config.file else "")):
            if value:
                if value not in choices:
                    raise UserError(f"{where}: output-format {value!r} is not one of {', '.join(choices)}")
                return value
    if output:
        if inferred is None:
            return default
        if inferred not in choices:
            command = click.get_current_context().info_name
            raise UserError(f"{output}: '{command}' cannot write {inferred} (as the '{suffix}' extension asks); "
                            f"pass --format ({'|'.join(choices)})")
        return inferred
    return "table" if sys.stdout.isatty() else default


def _store(name: str):
    """A callback that keeps a common option's value where _setting() finds it (only when given)."""
    def callback(ctx: click.Context, _param, value):
        if value not in (None, False):
            ctx.meta[f"claimcheck.{name}"] = value
    return callback


def common_options(func):
    """Options every command takes, before or after its name (`claimcheck --debug check` = `claimcheck check --debug`)."""
    options = [
        click.option("--jobs", "-j", type=click.IntRange(min=0), default=None, expose_value=False,
                     callback=_store("jobs"), help="Processes for extraction (0 = all cores; default 1); output is identical."),
        click.option("--no-cache", is_flag=True, expose_value=False, callback=_store("no_cache"),
                     help="Neither read nor write the cache of earlier runs (.claimcheck_cache)."),
        click.option("--config", "config_file", type=click.Path(dir_okay=False), expose_value=False,
                     callback=_store("config_file"),
                     help="Read this claimcheck.toml or pyproject.toml instead of looking for one; its folder is the project root."),
        click.option("--isolated", is_flag=True, expose_value=False, callback=_store("isolated"),
                     help="Ignore every configuration file (the working folder is the project root)."),
        click.option("--show-settings", is_flag=True, expose_value=False, callback=_store("show_settings"),
                     help="Print the settings this run would use (root, configuration, sources, record...), then stop."),
        click.option("--show-files", is_flag=True, expose_value=False, callback=_store("show_files"),
                     help="List the source files that would be read, then stop."),
        click.option("--stdin-filename", metavar="NAME", expose_value=False, callback=_store("stdin_filename"),
                     help="With '-' as a path: the name findings give the document read from standard input."),
        click.option("--quiet", "-q", is_flag=True, expose_value=False, callback=_store("quiet"),
                     help="Print findings and errors only: no counts, hints, warnings or 'wrote FILE'."),
        click.option("--color", type=click.Choice(["auto", "always", "never"]), default=None, expose_value=False,
                     callback=_store("color"), help="Colour in tables (auto: on a terminal, unless NO_COLOR is set)."),
        click.option("--debug", is_flag=True, expose_value=False, callback=_store("debug"),
                     help="Show tracebacks for errors (for developers)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _jobs() -> int:
    return _setting("jobs", 1)


def _cache_folder(config) -> Path | None:
    """Where earlier runs are cached, unless --no-cache, CLAIMCHECK_NO_CACHE or `cache = false` turn it off."""
    if _setting("no_cache") or os.environ.get("CLAIMCHECK_NO_CACHE") or not config.cache:
        return None
    return Path(os.environ.get("CLAIMCHECK_CACHE_DIR") or config.cache_dir or config.root / ".claimcheck_cache")


def _cache():
    """The cache of earlier runs (cache.py), or None."""
    folder = _cache_folder(_config())
    if folder is None:
        return None
    from .cache import Cache

    return Cache.at(folder)


paths_argument = click.argument("paths", nargs=-1, type=click.Path())
record_option = click.option("--record", "-r", type=click.Path(), help="The authoritative record (else the source with 'role: record').")
output_option = click.option("--output", "-o", type=click.Path(),
                             help="Write to FILE (atomically) instead of stdout; without --format, its extension picks the format.")


_STOPPED: list[int] = []  # the stop signal this run received, if any


def _stopped(signum: int, _frame) -> NoReturn:
    """SIGTERM or SIGHUP: unwind like an exception, so a half-written temporary file is removed on the way out."""
    _STOPPED.append(signum)
    raise SystemExit(128 + signum)


def _exit_on_signals() -> dict:
    """Turn SIGTERM and SIGHUP into SystemExit for this run; returns the handlers to put back."""
    _STOPPED.clear()
    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and threading.current_thread() is threading.main_thread():
            previous[signum] = signal.signal(signum, _stopped)
    return previous


class Group(click.Group):
    """The command group, with a last-resort handler: a bug must never look like "clean" or "conflicts"."""

    def main(self, *args, **kwargs):
        """Run with every error as one line on stderr: usage errors included, exit code 2."""
        kwargs["standalone_mode"] = False
        previous = _exit_on_signals()
        try:
            code = super().main(*args, **kwargs)
            sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        except BrokenPipeError:
            _closed_pipe()
        except click.UsageError as exc:
            click.echo(f"claimcheck: error: {_line(exc.format_message())} (see 'claimcheck --help')", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("claimcheck: aborted", err=True)
            sys.exit(2)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context):
        # A run builds many small objects and few cycles: collecting every 700 allocations (the default)
        # took half the time of reading 10,000 cached findings. mypy raises the threshold the same way;
        # it is put back afterwards for whoever called us in-process (tests, embedding).
        previous = gc.get_threshold()
        gc.set_threshold(100_000, 20, 20)
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # here, before click's own handler makes it exit 1 ("conflicts found")
            _closed_pipe()
        except ClaimcheckError as exc:  # raised while output streams, outside _run
            if _debug():
                raise
            raise UserError(str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - the one place that turns any bug into exit 2
            if _STOPPED:
                # The signal's SystemExit, wrapped on its way out: raised while a module defining a class
                # was imported, it comes out as "RuntimeError: Error calling __set_name__".
                raise SystemExit(128 + _STOPPED[-1]) from None
            if _debug():
                raise
            raise UserError(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)") from None
        finally:
            gc.set_threshold(*previous)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "--version", "-V", prog_name="claimcheck")
@common_options
def main() -> None:
    """Check the dates and figures in prose against an authoritative record.

    \b
    Examples:
      claimcheck report                       # the configured sources folder (default sources/)
      claimcheck report --format csv -o table.csv
      claimcheck extract docs/ --format json
      claimcheck report articles/ --record record.md --verdict conflict
      claimcheck check                        # exit 1 on a conflict, for CI
    """
    # The common options are stored by their callbacks and read back with _setting().


EXTRACT_FORMATS = ("table", "json", "jsonl", "csv")


@main.command(short_help="List every dated and numeric claim.")
@paths_argument
@record_option
@click.option("--format", "-f", "fmt", type=click.Choice(EXTRACT_FORMATS), default=None,
              help="Output format (default: from -o's extension, else table on a terminal, json when piped).")
@output_option
@click.option("--write", "write_snapshots", is_flag=True, help="Also write claims/<source>.jsonl snapshots for review.")
@common_options
def extract(paths: tuple[str, ...], record: str | None, fmt: str | None, output: str | None,
            write_snapshots: bool) -> None:
    """List every dated and numeric claim in the sources, the record's included (no record needed).

    \b
    Examples:
      claimcheck extract
      claimcheck extract article.md record.md --format jsonl
      claimcheck extract sources/ -o claims.csv
      claimcheck extract --write      # claims/<source>.jsonl, for review in pull requests
    """
    fmt = _format(fmt, output, EXTRACT_FORMATS, "json") if (fmt or output or not write_snapshots) else None
    corpus = _load(paths, record, need_record=False)
    with _progress(corpus) as tick:
        _extract_output(corpus, tick, fmt, output, write_snapshots)


def _extract_output(corpus, tick, fmt: str | None, output: str | None, write_snapshots: bool) -> None:
    """Extract and render (inside the progress bar, so that streaming output advances it)."""
    from . import pipeline, render

    claims = (_run(pipeline.extract, corpus, _jobs(), tick, _say, _cache()) if write_snapshots
              else pipeline.stream_claims(corpus, _jobs(), tick, _say, _cache()))
    if write_snapshots:
        from .gate import write_snapshots as write
        from .sources import display_path

        _, folder = _claims_folder(None)
        written = _run(write, folder, corpus.sources, claims)
        _say(f"wrote {len(written)} snapshots to {display_path(folder)}")
        if fmt is None:
            return
    if fmt == "table":
        _table(lambda console: render.claims_table(claims, console), output)
        return
    _emit({"json": render.claims_json, "jsonl": render.claims_jsonl, "csv": render.claims_csv}[fmt](claims), output)


def _verdicts(ctx: click.Context, param: click.Parameter, value: str | None) -> set[str]:
    """--verdict's comma-separated list, any case, singular or plural ('Conflicts' is 'conflict')."""
    if not value:
        return set(VERDICTS)
    chosen = set()
    for raw in value.split(","):
        word = raw.strip().lower()
        if not word:
            continue
        if word not in VERDICTS and word.endswith("s") and word[:-1] in VERDICTS:
            word = word[:-1]
        if word not in VERDICTS:
            raise click.BadParameter(f"unknown verdict {raw.strip()!r} (choose from {', '.join(VERDICTS)})", ctx, param)
        chosen.add(word)
    return chosen


REPORT_FORMATS = ("table", "json", "jsonl", "csv", "markdown", "html")


@main.command(short_help="Reconcile each claim with the record.")
@paths_argument
@record_option
@click.option("--format", "-f", "fmt", type=click.Choice(REPORT_FORMATS), default=None,
              help="Output format (default: from -o's extension, else table on a terminal, json when piped).")
@output_option
@click.option("--verdict", "verdicts", metavar="LIST", callback=_verdicts,
              help="Only these verdicts, comma-separated: agree,conflict,unsupported (any case, plural too).")
@common_options
def report(paths: tuple[str, ...], record: str | None, fmt: str | None, output: str | None, verdicts: set[str]) -> None:
    """Reconcile every secondary claim with the record: agree, conflict or unsupported.

    \b
    Examples:
      claimcheck report
      claimcheck report -o table.csv                   # the format from the extension
      claimcheck report articles/ --record record.md --verdict conflict,unsupported
      claimcheck report -o report.html                 # timeline, figures, filterable table
    """
    fmt = _format(fmt, output, REPORT_FORMATS, "json")
    corpus = _load(paths, record)
    with _progress(corpus) as tick:
        _report_output(corpus, tick, fmt, output, verdicts)


def _report_output(corpus, tick, fmt: str, output: str | None, wanted: set[str]) -> None:
    """Judge and render (inside the progress bar, so that streaming output advances it)."""
    from . import pipeline, render

    if fmt == "html":  # one page with a timeline: needs every finding and the record's events at once
        from . import html_report

        claims, findings, _ = _run(pipeline.report_claims, corpus, _jobs(), tick, _say, _cache())
        findings = [f for f in findings if f.verdict in wanted]
        page = html_report.render(findings, pipeline.summarise(findings, corpus.record),
                                  [c for c in claims if c.role == "record"],
                                  page_dir=Path(output).parent if output else None)
        _emit(page, output)
        return
    tally = pipeline.Tally(corpus.record)
    # Streamed: each document's findings are rendered as soon as they are judged.
    findings = (tally.add(f) for f in pipeline.stream_findings(corpus, _jobs(), tick, _say, _cache()) if f.verdict in wanted)
    if fmt == "table":
        _table(lambda console: render.findings_table(findings, tally.summary, console), output)
        return
    chunks = {
        "json": lambda: render.findings_json(findings, tally.summary),
        "jsonl": lambda: render.findings_jsonl(findings),
        "csv": lambda: render.findings_csv(findings),
        "markdown": lambda: render.findings_markdown(findings, tally.summary, corpus.record.label),
    }[fmt]()
    _emit(chunks, output)


def _claims_folder(baseline: str | None) -> tuple[Path, Path]:
    """The baseline file and the snapshots folder: --baseline, else the configuration's, else claims/."""
    config = _config()
    folder = config.root / "claims"
    if baseline:
        return Path(baseline), folder
    return (config.baseline or folder / "baseline.json"), folder


CHECK_FORMATS = ("table", "concise", "json", "jsonl", "sarif", "github", "gitlab", "junit", "rdjson")
HINT = "hint: accept a finding with 'claimcheck check --update-baseline' or <!-- claimcheck: ignore --> above its sentence"


@main.command(short_help="Fail (exit 1) on a conflict with the record.")
@paths_argument
@record_option
@click.option("--format", "-f", "fmt", type=click.Choice(CHECK_FORMATS), default=None,
              help="Output format (default: from -o's extension, else table).")
@output_option
@click.option("--baseline", "-b", type=click.Path(dir_okay=False), help="Accepted findings (default: claims/baseline.json).")
@click.option("--update-baseline", is_flag=True, help="Accept every current conflict and unsupported claim, then check.")
@click.option("--prune-baseline", is_flag=True, help="Only remove baseline entries that match nothing any more, then check.")
@click.option("--strict", is_flag=True, help="Fail on unsupported claims too, not only conflicts.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are failing findings (errors still exit 2).")
@click.option("--fail-stale", is_flag=True,
              help="Also fail on stale baseline entries, unused suppressions and claimcheck comments not understood.")
@click.option("--statistics", is_flag=True, help="Print the failing findings counted by verdict and kind instead of each one.")
@click.option("--diff", "diff", metavar="REF",
              help="Only findings in sentences changed since the git REF (and in new files); the record is read whole.")
@click.option("--force-exclude", is_flag=True,
              help="Check named files only if the configuration selects them (inside 'sources', not excluded): for pre-commit.")
@click.option("--max-annotations", type=click.IntRange(min=0, max=10), default=10, show_default=True,
              help="With --format github: annotations per level (GitHub shows 10 errors and 10 warnings per step).")
@common_options
def check(paths: tuple[str, ...], record: str | None, fmt: str | None, output: str | None, baseline: str | None,
          update_baseline: bool, prune_baseline: bool, strict: bool, exit_zero: bool, fail_stale: bool, statistics: bool,
          diff: str | None, force_exclude: bool, max_annotations: int) -> None:
    """Fail (exit 1) when a source conflicts with the record, like a linter in CI.

    Findings accepted in the baseline or marked with <!-- claimcheck: ignore --> on the line before
    their sentence do not fail. Exit codes: 0 clean, 1 failing findings, 2 usage or input error.

    \b
    Examples:
      claimcheck check
      claimcheck check --strict --format github
      claimcheck check -o claimcheck.sarif                # the format from the extension
      claimcheck check --format gitlab -o gl-code-quality-report.json
      claimcheck check --update-baseline        # accept what is there now
    """
    from collections import Counter

    from . import ci_formats, gate, pipeline, render
    from .sources import display_path

    fmt = _format(fmt, output, CHECK_FORMATS, "table", configured=True)
    if statistics and fmt not in ("table", "concise", "json"):
        raise click.BadParameter("--statistics prints a table or JSON, not " + fmt, param_hint="'--format'")
    if update_baseline and prune_baseline:
        raise click.UsageError("--update-baseline and --prune-baseline cannot be used together")
    baseline_path, snapshots = _claims_folder(baseline)
    corpus = _load(paths, record, force_exclude=force_exclude)
    if corpus is None:
        _say("claimcheck: no sources to check (the files given are outside the configured sources)")
        return
    changed = _changed(corpus, diff) if diff else None
    if changed is not None:  # only files changed since the ref, reconciled against the whole record
        corpus = pipeline.Corpus([s for s in corpus.sources if s.role == "record" or s.path in changed], corpus.record)
    with _progress(corpus) as tick:
        claims, findings, summary = _run(pipeline.report_claims, corpus, _jobs(), tick, _say, _cache())
    checked = {s.path for s in corpus.sources}
    accepted = _run(gate.load_baseline, baseline_path)
    # The baseline is written only once the output is: a run that fails (an unwritable -o, a missing
    # step summary folder) leaves it as it was.
    pending: tuple[dict, str] | None = None
    if update_baseline:
        accepted, added, removed, kept = gate.updated_baseline(findings, accepted, checked)
        pending = accepted, f"{added} added, {removed} removed, {kept} kept"
    result = _run(gate.evaluate, findings, corpus.sources, accepted, strict)
    if prune_baseline:
        pruned = gate.pruned_baseline(accepted, result.stale)
        pending = (pruned, f"{len(accepted) - len(pruned)} stale entries removed") if len(pruned) < len(accepted) else None
        if pending is None:
            _say(f"{display_path(baseline_path)}: 0 stale entries removed")
        result = _run(gate.evaluate, findings, corpus.sources, pruned, strict)
    if pending is not None:
        _run(gate.prepare_baseline, baseline_path)
    if changed is not None:  # judged whole, so the baseline is not stale; shown for the changed sentences only
        from .changes import touches

        findings = [f for f in findings if touches(f, changed)]
        summary = pipeline.summarise(findings, corpus.record)
        result = dataclasses.replace(result, failing=[f for f in result.failing if touches(f, changed)])
    for entry in result.stale:
        _say(f"warning: {display_path(baseline_path)}: stale entry {entry.get('fingerprint')} ({entry.get('path')}: "
             f"{entry.get('quote')!r}) matches nothing; remove it with 'claimcheck check --prune-baseline'")
    for mark in result.unused_suppressions:
        _say(f"warning: {mark.path}:{mark.line}: suppression matches no failing finding")
    for path, line, problem in result.bad_directives:
        _say(f"warning: {path}:{line}: {problem}")
    for path in gate.stale_snapshots(snapshots, corpus.sources, claims):
        _say(f"warning: {display_path(path)}: snapshot is out of date; run 'claimcheck extract --write'")
    counts = Counter(result.status.get(f.fingerprint) for f in findings)
    headline = (f"{counts['new']} failing, {counts['baseline']} accepted by baseline, {counts['suppressed']} suppressed "
                f"({summary.conflict} conflict, {summary.unsupported} unsupported, {summary.agree} agree)")
    if statistics:
        _statistics(result.failing, fmt, output)
    elif fmt == "table":
        _table(lambda console: render.gate_table(result.failing, result.status, summary, console), output)
    elif fmt == "github":
        text, rest = ci_formats.github(result.failing, max_annotations)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if rest:
            text += f"::notice title=claimcheck::{len(rest)} more failing findings have no annotation; see the step summary\n"
        if summary_file:
            page = ci_formats.step_summary(result.failing, len(rest), summary, corpus.record.label, headline,
                                           max_annotations)
            _run(_append, summary_file, page)
        else:  # no step summary to hold them: the log lists the rest in plain text
            text += "".join(render.one_line(f"{f.claim.path}:{f.claim.line}:{f.claim.column}: {f.verdict} "
                                            f"{f.claim.quote!r} — {f.reason}") + "\n" for f in rest)
        _emit(text, output)
    else:
        _emit({
            "json": lambda: render.findings_json(findings, summary, result.status),
            "jsonl": lambda: render.findings_jsonl(findings, result.status),
            "sarif": lambda: ci_formats.sarif(findings, result.status, strict, _config().root),
            "gitlab": lambda: ci_formats.gitlab(findings, result.status),
            "rdjson": lambda: ci_formats.rdjson(findings, result.status),
            "concise": lambda: ci_formats.concise(result.failing),
            "junit": lambda: ci_formats.junit(findings, result.status, [s.path for s in corpus.sources if s.role != "record"]),
        }[fmt](), output)
    if pending is not None:
        _run(gate.save_baseline, baseline_path, pending[0])
        _say(f"{display_path(baseline_path)}: {pending[1]}")
    _say(f"claimcheck: {headline}")
    if result.failing:
        _say(HINT)
    untidy = fail_stale and (result.stale or result.unused_suppressions or result.bad_directives)
    if untidy and not result.failing:
        _say("claimcheck: failing on the warnings above (--fail-stale)")
    if (result.failing or untidy) and not exit_zero:
        sys.exit(1)


def _changed(corpus, ref: str) -> dict[str, set[int] | None] | None:
    """--diff: changed lines per file since `ref`, or None when the record itself changed (then all counts)."""
    from .changes import changed_lines

    changed = _run(changed_lines, _config().root, ref)
    if corpus.record.path in changed:
        _say(f"claimcheck: the record ({corpus.record.path}) changed since {ref}: checking every sentence")
        return None
    return changed


def _append(path: str, text: str) -> None:
    """Append to a file GitHub gave us (the step summary), as one write."""
    from .errors import OutputError

    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(path, f"cannot write the step summary: {exc.strerror or exc}") from None


def _statistics(failing, fmt: str, output: str | None) -> None:
    """The failing findings counted by verdict and kind, most first (ruff's --statistics)."""
    import json
    from collections import Counter

    counts = Counter((f.verdict, f.claim.kind) for f in failing)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if fmt == "json":
        text = json.dumps([{"verdict": v, "kind": k, "count": n} for (v, k), n in rows], indent=1) + "\n"
    else:
        text = "".join(f"{n:>5}  {v:<12} {k}\n" for (v, k), n in rows)
    _emit(text, output)


if __name__ == "__main__":  # pragma: no cover
    main()
