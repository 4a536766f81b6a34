"""The command line: parse options, call the pipeline, render. No logic of its own."""

from __future__ import annotations

import os
import sys

import click

from . import __version__

VERDICTS = ("agree", "conflict", "unsupported")


class UserError(click.ClickException):
    """A domain error shown as one line on stderr, exit code 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"claimcheck: error: {self.format_message()}", err=True)


def _run(func, *args, **kwargs):
    """Call the core, turning its narrow errors into one-line exit-2 messages."""
    from .errors import ClaimcheckError

    try:
        return func(*args, **kwargs)
    except ClaimcheckError as exc:
        if os.environ.get("CLAIMCHECK_DEBUG"):
            raise
        raise UserError(str(exc)) from None


def _paths(paths: tuple[str, ...]) -> list[str]:
    """The paths given, else the configured sources folder."""
    if paths:
        return list(paths)
    from .sources import display_path, find_config

    config = _run(find_config)
    return [display_path(config.sources)]


def _record(record: str | None) -> str | None:
    if record is not None or os.environ.get("CLAIMCHECK_RECORD"):
        return record or os.environ["CLAIMCHECK_RECORD"]
    from .sources import find_config

    config = _run(find_config)
    return str(config.record) if config.record else None


def _emit(text: str, output: str | None) -> None:
    """Write machine output to stdout, or atomically to a file."""
    if output:
        from .output import write_atomic

        _run(write_atomic, output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


def _console(output: str | None = None):
    from rich.console import Console

    return Console(no_color=bool(os.environ.get("NO_COLOR")) or None, highlight=False, soft_wrap=False,
                   width=None if sys.stdout.isatty() else 160)


paths_argument = click.argument("paths", nargs=-1, type=click.Path())
record_option = click.option("--record", "-r", type=click.Path(), help="The authoritative record (else the source with 'role: record').")
output_option = click.option("--output", "-o", type=click.Path(), help="Write to FILE (atomically) instead of stdout.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    if debug:
        os.environ["CLAIMCHECK_DEBUG"] = "1"


@main.command()
@paths_argument
@record_option
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default=None,
              help="Output format (default: table on a terminal, json when piped).")
@output_option
def extract(paths: tuple[str, ...], record: str | None, fmt: str | None, output: str | None) -> None:
    """List every dated and numeric claim in the sources, the record's included.

    \b
    Examples:
      claimcheck extract
      claimcheck extract article.md record.md --format jsonl
      claimcheck extract sources/ --format csv -o claims.csv
    """
    from . import pipeline, render

    corpus = _run(pipeline.load, _paths(paths), _record(record))
    claims = _run(pipeline.extract, corpus)
    fmt = fmt or ("table" if sys.stdout.isatty() and not output else "json")
    if fmt == "table":
        render.claims_table(claims, _console())
        return
    text = {"json": render.claims_json, "jsonl": render.claims_jsonl, "csv": render.claims_csv}[fmt](claims)
    _emit(text, output)


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
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json", "csv", "markdown"]), default=None,
              help="Output format (default: table on a terminal, json when piped).")
@output_option
@click.option("--verdict", "verdicts", metavar="LIST", help="Only these verdicts, comma-separated: agree,conflict,unsupported.")
def report(paths: tuple[str, ...], record: str | None, fmt: str | None, output: str | None, verdicts: str | None) -> None:
    """Reconcile every secondary claim with the record: agree, conflict or unsupported.

    \b
    Examples:
      claimcheck report
      claimcheck report --format csv -o table.csv
      claimcheck report articles/ --record record.md --verdict conflict,unsupported
    """
    from . import pipeline, render
    from .models import Summary

    wanted = _verdicts(verdicts)
    findings, summary = _run(pipeline.report, _paths(paths), _record(record))
    if wanted != set(VERDICTS):
        findings = [f for f in findings if f.verdict in wanted]
        summary = Summary(**{**summary.model_dump(), "findings": len(findings),
                             **{v: sum(f.verdict == v for f in findings) for v in VERDICTS}})
    fmt = fmt or ("table" if sys.stdout.isatty() and not output else "json")
    if fmt == "table":
        render.findings_table(findings, summary, _console())
        return
    renderers = {
        "json": lambda: render.findings_json(findings, summary),
        "csv": lambda: render.findings_csv(findings),
        "markdown": lambda: render.findings_markdown(findings, summary),
    }
    _emit(renderers[fmt](), output)


if __name__ == "__main__":  # pragma: no cover
    main()
