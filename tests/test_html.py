"""The HTML report: self-contained, escaped, and checked in a real browser (headless Chromium)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CLAIMCHECK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRE = os.environ.get("CLAIMCHECK_REQUIRE_BROWSER") == "1"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]


def _page(tmp_path: Path, *paths: str) -> Path:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", *paths, "--format", "html", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def test_everything_from_the_documents_is_escaped(tmp_path: Path) -> None:
    (tmp_path / "record.md").write_text("---\nrole: record\ntitle: <b>Record</b>\n---\nThe bridge opened in 1990.\n",
                                        encoding="utf-8")
    (tmp_path / "a.md").write_text('---\ntitle: "<script>alert(1)</script>"\n---\n'
                                   "<script>alert(2)</script> The bridge opened in 1991.\n", encoding="utf-8")
    page = _page(tmp_path, str(tmp_path)).read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page and "&lt;script&gt;alert(2)" in page
    assert "<b>Record</b>" not in page


def test_page_is_self_contained(tmp_path: Path) -> None:
    page = _page(tmp_path, str(ROOT / "sources")).read_text(encoding="utf-8")
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page
    assert "default-src 'none'" in page


@pytest.mark.browser
@pytest.mark.parametrize(("corpus", "screenshot"), [
    ("sources", "report.png"),
    ("tests/data/football-club/sources", "report-conflicts.png"),  # has all three verdicts
])
def test_report_in_headless_chromium(tmp_path: Path, corpus: str, screenshot: str) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if REQUIRE:
            raise
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM:
        if REQUIRE:
            pytest.fail("CLAIMCHECK_REQUIRE_BROWSER=1 but no chromium on PATH (apt-get install chromium)")
        pytest.skip("no chromium on PATH (apt-get install chromium)")
    page_path = _page(tmp_path, str(ROOT / corpus))
    data = json.loads(CliRunner().invoke(main, ["report", str(ROOT / corpus), "-f", "json"]).stdout)
    date_findings = [f for f in data["findings"] if f["kind"] == "date"]
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_path.as_uri())
        marks = page.locator("#timeline .claim-mark")
        assert marks.count() == len(date_findings)
        verdicts = sorted(marks.evaluate_all("els => els.map(e => e.dataset.verdict)"))
        assert verdicts == sorted(f["verdict"] for f in date_findings)
        rows = page.locator("#findings tbody tr")
        assert rows.count() == len(data["findings"])
        visible = "els => els.filter(e => !e.hidden).length"
        assert rows.evaluate_all(visible) == len(data["findings"])
        page.locator("input.verdict-filter[value=agree]").uncheck()
        agree = sum(f["verdict"] == "agree" for f in data["findings"])
        assert agree and rows.evaluate_all(visible) == len(data["findings"]) - agree
        assert page.locator("#shown").inner_text() == str(len(data["findings"]) - agree)
        page.locator("input.verdict-filter[value=agree]").check()
        page.locator("#findings th[data-col='2']").click()  # sort by verdict
        assert rows.first.get_attribute("data-verdict") == "agree"
        links = page.locator("#timeline .conflict-link").count()
        assert links == sum(f["verdict"] == "conflict" and f["kind"] == "date" for f in data["findings"])
        shot = tmp_path / "report.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
        if os.environ.get("CLAIMCHECK_UPDATE_SCREENSHOT") == "1":
            shutil.copy(shot, ROOT / "docs" / screenshot)
        browser.close()
    assert all(url.startswith(("file://", "data:", "about:")) for url in requests), requests
