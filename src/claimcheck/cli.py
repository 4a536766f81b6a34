"""The command line: parse options, call the pipeline, render. No logic of its own."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click

from . import __version__
from .errors import ClaimcheckError

VERDICTS = ("agree", "conflict", "unsupported")


class UserError(click.ClickException):
    """A domain error shown as one line on stderr, exit code 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"claimcheck: error: {self.format_message()}", err=True)


def _debug() -> bool:
    """Whether --debug (or CLAIMCHECK_DEBUG=1) asks for tracebacks."""
    ctx = click.get_current_context(silent=True)
    return bool(os.environ.get("CLAIMCHECK_DEBUG")) or bool(ctx and ctx.find_root().params.get("debug"))


def _run(func, *args, **kwargs):
    """Call the core, turning its narrow errors into one-line exit-2 messages."""
    try:
        return func(*args, **kwargs)
    except ClaimcheckError as exc:
        if _debug():
            raise
        raise UserError(str(exc)) from None


def _config():
    """The configuration, found once per command (walking up folders and parsing TOML)."""
    from .sources import find_config

    meta = click.get_current_context().meta
    if "claimcheck.config" not in meta:
        meta["claimcheck.config"] = _run(find_config)
    return meta["claimcheck.config"]


def _paths(paths: tuple[str, ...]) -> list[str]:
    """The paths given, else the configured sources folder."""
    if paths:
        return list(paths)
    from .sources import display_path

    return [display_path(_config().sources)]


def _record(record: str | None) -> str | None:
    if record is not None or os.environ.get("CLAIMCHECK_RECORD"):
        return record or os.environ["CLAIMCHECK_RECORD"]
    config = _config()
    return str(config.record) if config.record else None


def _load(paths: tuple[str, ...], record: str | None):
    """Load the sources (step 1) and print any warnings about them."""
    from . import pipeline

    corpus = _run(pipeline.load, _paths(paths), _record(record))
    for line in pipeline.warnings(corpus):
        click.echo(line, err=True)
    return corpus


PROGRESS_MIN_DOCUMENTS = 20  # a bar for a handful of documents would only flicker


@contextlib.contextmanager
def _progress(corpus):
    """A progress bar on stderr for long runs on a terminal; yields the per-document tick (or None)."""
    if not sys.stderr.isatty() or len(corpus.sources) < PROGRESS_MIN_DOCUMENTS or os.environ.get("CI"):
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
    else:
        for chunk in chunks:
            click.echo(chunk, nl=False)


def _console(output: str | None = None):
    from rich.console import Console

    return Console(no_color=bool(os.environ.get("NO_COLOR")) or None, highlight=False, soft_wrap=False,
                   width=None if sys.stdout.isatty() else 160)


paths_argument = click.argument("paths", nargs=-1, type=click.Path())
record_option = click.option("--record", "-r", type=click.Path(), help="The authoritative record (else the source with 'role: record').")
jobs_option = click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True,
                           help="Processes for extraction (0 = all cores); output is identical for any value.")
output_option = click.option("--output", "-o", type=click.Path(), help="Write to FILE (atomically) instead of stdout.")


class Group(click.Group):
    """The command group, with a last-resort handler: a bug must never look like "clean" or "conflicts"."""

    def main(self, *args, **kwargs):
        """Run with every error as one line on stderr: usage errors included, exit code 2."""
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.UsageError as exc:
            click.echo(f"claimcheck: error: {exc.format_message()} (see 'claimcheck --help')", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("claimcheck: aborted", err=True)
            sys.exit(2)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except ClaimcheckError as exc:  # raised while output streams, outside _run
            if _debug():
                raise
            raise UserError(str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - the one place that turns any bug into exit 2
            if _debug():
                raise
            raise UserError(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)") from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="claimcheck")
@click.option("--debug", is_flag=True, help="Show tracebacks for errors (for developers).")
def main(debug: bool) -> None:
    """Check the dates and figures in prose against an authoritative record.

    \b
    Examples:
      claimcheck report                       # the configured sources folder (default sources/)
      claimcheck report --format csv -o table.csv
      claimcheck extract docs/ --format json
      claimcheck report articles/ --record record.md --verdict conflict
    """
    # --debug is read back from the context by _debug(); nothing to do here.


@main.command()
@paths_argument
@record_option
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default=None,
              help="Output format (default: table on a terminal, json when piped).")
@output_option
@jobs_option
@click.option("--write", "write_snapshots", is_flag=True, help="Also write claims/<source>.jsonl snapshots for review.")
def extract(paths: tuple[str, ...], record: str | None, fmt: str | None, output: str | None, jobs: int,
            write_snapshots: bool) -> None:
    """List every dated and numeric claim in the sources, the record's included.

    \b
    Examples:
      claimcheck extract
      claimcheck extract article.md record.md --format jsonl
      claimcheck extract sources/ --format csv -o claims.csv
      claimcheck extract --write      # claims/<source>.jsonl, for review in pull requests
    """

    corpus = _load(paths, record)
    with _progress(corpus) as tick:
        _extract_output(corpus, jobs, tick, fmt, output, write_snapshots)
    if output:
        click.echo(f"wrote {output}", err=True)


def _extract_output(corpus, jobs: int, tick, fmt: str | None, output: str | None, write_snapshots: bool) -> None:
    """Extract and render (inside the progress bar, so that streaming output advances it)."""
    from . import pipeline, render

    claims = _run(pipeline.extract, corpus, jobs, tick) if write_snapshots else pipeline.stream_claims(corpus, jobs, tick)
    if write_snapshots:
        from .gate import write_snapshots as write
        from .sources import display_path

        _, folder = _claims_folder(None)
        written = _run(write, folder, corpus.sources, claims)
        click.echo(f"wrote {len(written)} snapshots to {display_path(folder)}", err=True)
        if fmt is None and not output:
            return
    fmt = fmt or ("table" if sys.stdout.isatty() and not output else "json")
    if fmt == "table":
        render.claims_table(claims, _console())
        return
    _emit({"json": render.claims_json, "jsonl": render.claims_jsonl, "csv": render.claims_csv}[fmt](claims), output)


def _verdicts(value: str | None) -> set[str]:
    if not value:
        return set(VERDICTS)
    chosen = {v.strip() for v in value.split(",") if v.strip()}
    bad = sorted(chosen - set(VERDICTS))
    if bad:
        raise click.BadParameter(f"unknown verdict {bad[0]!r} (choose from {', '.join(VERDICTS)})")
    return chosen


@main.command()
@paths_argument
@record_option
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json", "csv", "markdown", "html"]), default=None,
              help="Output format (default: table on a terminal, json when piped).")
@output_option
@jobs_option
@click.option("--verdict", "verdicts", metavar="LIST", help="Only these verdicts, comma-separated: agree,conflict,unsupported.")
def report(paths: tuple[str, ...], record: str | None, fmt: str | None, output: str | None, jobs: int,
           verdicts: str | None) -> None:
    """Reconcile every secondary claim with the record: agree, conflict or unsupported.

    \b
    Examples:
      claimcheck report
      claimcheck report --format csv -o table.csv
      claimcheck report articles/ --record record.md --verdict conflict,unsupported
      claimcheck report --format html -o report.html   # timeline, figures, filterable table
    """

    wanted = _verdicts(verdicts)
    corpus = _load(paths, record)
    with _progress(corpus) as tick:
        _report_output(corpus, jobs, tick, fmt, output, wanted)
    if output:
        click.echo(f"wrote {output}", err=True)


def _report_output(corpus, jobs: int, tick, fmt: str | None, output: str | None, wanted: set[str]) -> None:
    """Judge and render (inside the progress bar, so that streaming output advances it)."""
    from . import pipeline, render

    if fmt == "html":  # one page with a timeline: needs every finding and the record's events at once
        from . import html_report

        claims, findings, _ = _run(pipeline.report_claims, corpus, jobs, tick)
        findings = [f for f in findings if f.verdict in wanted]
        page = html_report.render(findings, pipeline.summarise(findings, corpus.record),
                                  [c for c in claims if c.role == "record"])
        _emit(page, output)
        return
    tally = pipeline.Tally(corpus.record)
    # Streamed: each document's findings are rendered as soon as they are judged.
    findings = (tally.add(f) for f in pipeline.stream_findings(corpus, jobs, tick) if f.verdict in wanted)
    fmt = fmt or ("table" if sys.stdout.isatty() and not output else "json")
    if fmt == "table":
        render.findings_table(findings, tally.summary, _console())
        return
    chunks = {
        "json": lambda: render.findings_json(findings, tally.summary),
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


@main.command()
@paths_argument
@record_option
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json", "sarif", "github"]), default="table",
              show_default=True, help="Output format.")
@output_option
@jobs_option
@click.option("--baseline", "-b", type=click.Path(dir_okay=False), help="Accepted findings (default: claims/baseline.json).")
@click.option("--update-baseline", is_flag=True, help="Accept every current conflict and unsupported claim, then check.")
@click.option("--strict", is_flag=True, help="Fail on unsupported claims too, not only conflicts.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are failing findings (errors still exit 2).")
@click.option("--max-annotations", type=click.IntRange(min=1), default=50, show_default=True,
              help="With --format github: annotate at most this many findings.")
def check(paths: tuple[str, ...], record: str | None, fmt: str, output: str | None, jobs: int, baseline: str | None,
          update_baseline: bool, strict: bool, exit_zero: bool, max_annotations: int) -> None:
    """Fail (exit 1) when a source conflicts with the record, like a linter in CI.

    Findings accepted in the baseline or marked with <!-- claimcheck: ignore --> on the line before
    their sentence do not fail. Exit codes: 0 clean, 1 failing findings, 2 usage or input error.

    \b
    Examples:
      claimcheck check
      claimcheck check --strict --format github
      claimcheck check --format sarif -o claimcheck.sarif
      claimcheck check --update-baseline        # accept what is there now
    """
    from . import ci_formats, gate, pipeline, render
    from .sources import display_path

    baseline_path, snapshots = _claims_folder(baseline)
    corpus = _load(paths, record)
    with _progress(corpus) as tick:
        claims, findings, summary = _run(pipeline.report_claims, corpus, jobs, tick)
    accepted = _run(gate.load_baseline, baseline_path)
    if update_baseline:
        added, removed, kept = _run(gate.write_baseline, baseline_path, findings, accepted)
        click.echo(f"{display_path(baseline_path)}: {added} added, {removed} removed, {kept} kept", err=True)
        accepted = _run(gate.load_baseline, baseline_path)
    result = _run(gate.evaluate, findings, corpus.sources, accepted, strict)
    for entry in result.stale:
        click.echo(f"warning: {display_path(baseline_path)}: stale entry {entry.get('fingerprint')} ({entry.get('path')}: {entry.get('quote')!r}) matches nothing", err=True)
    for mark in result.unused_suppressions:
        click.echo(f"warning: {mark.path}:{mark.line}: suppression matches no failing finding", err=True)
    for path in gate.stale_snapshots(snapshots, corpus.sources, claims):
        click.echo(f"warning: {display_path(path)}: snapshot is out of date; run 'claimcheck extract --write'", err=True)
    if fmt == "json":
        text = "".join(render.findings_json(findings, summary, result.status))
    elif fmt == "sarif":
        text = ci_formats.sarif(findings, result.status, strict)
    elif fmt == "github":
        text = ci_formats.github(result.failing, max_annotations)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            with open(summary_file, "a", encoding="utf-8") as handle:
                handle.writelines(render.findings_markdown([f for f in findings if f.verdict != "agree"], summary,
                                                           corpus.record.label))
    else:
        text = None
        render.gate_table(result.failing, result.status, summary, _console())
    if text is not None:
        _emit(text, output)
        if output:
            click.echo(f"wrote {output}", err=True)
    counts = {k: sum(v == k for v in result.status.values()) for k in ("new", "baseline", "suppressed")}
    click.echo(f"claimcheck: {counts['new']} failing, {counts['baseline']} accepted by baseline, "
               f"{counts['suppressed']} suppressed ({summary.conflict} conflict, {summary.unsupported} unsupported, "
               f"{summary.agree} agree)", err=True)
    if result.failing and not exit_zero:
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
