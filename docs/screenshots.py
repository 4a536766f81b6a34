"""Regenerate the README's screenshots of the HTML report, in headless Chromium at 1400 px.

    python docs/screenshots.py [CORPUS]

CORPUS is a folder holding `sources/` with all three verdicts among its findings (default: the
titanic corpus in ../shared/eval beside the checkout). The report is run from inside CORPUS so
that the page shows short paths (`sources/...`). Needs the test extra (Playwright) and Debian's
chromium, like the browser test.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from click.testing import CliRunner
from playwright.sync_api import sync_playwright

from claimcheck.cli import main

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
DEFAULT = ROOT.parent / "shared" / "eval" / "corpora" / "titanic"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTH = 1400


def report(folder: Path, out: Path) -> None:
    """`claimcheck report sources --format html -o out`, run inside `folder`."""
    here = Path.cwd()
    os.chdir(folder)
    try:  # the CLI's main() always exits: run it as the tests do
        result = CliRunner().invoke(main, ["report", "sources", "--format", "html", "-o", str(out)])
    finally:
        os.chdir(here)
    if result.exit_code:
        sys.exit(f"claimcheck report failed in {folder}: {result.output}")


def main_(corpus: Path) -> None:
    chromium = os.environ.get("CLAIMCHECK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": WIDTH, "height": 1100})
        conflicts, bundled = Path(tmp) / "conflicts.html", Path(tmp) / "bundled.html"
        report(corpus, conflicts)
        report(ROOT, bundled)
        page.goto(conflicts.as_uri())
        # Counts, verdict bars and the whole timeline, however tall it is.
        bottom = page.evaluate("document.getElementById('timeline-wrap').getBoundingClientRect().bottom + scrollY")
        page.screenshot(path=str(DOCS / "report-conflicts.png"), full_page=True,
                        clip={"x": 0, "y": 0, "width": WIDTH, "height": bottom + 16})
        page.evaluate("document.evaluate(\"//h2[text()='Conflicts']\", document).iterateNext().scrollIntoView()")
        page.screenshot(path=str(DOCS / "report-side-by-side.png"))  # conflicts, figures
        page.goto(bundled.as_uri())
        page.screenshot(path=str(DOCS / "report.png"))
        browser.close()
    for name in ("report-conflicts.png", "report-side-by-side.png", "report.png"):
        print(f"wrote docs/{name}", file=sys.stderr)


if __name__ == "__main__":
    main_(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else DEFAULT)
