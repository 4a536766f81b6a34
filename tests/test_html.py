"""The HTML report: self-contained, escaped, and checked in a real browser (headless Chromium)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck import api, html_report, pipeline
from claimcheck.cli import main
from claimcheck.extract import extract_claims
from claimcheck.html_report import MIN_PLOT, Axis, Mark, csp_hash, href, pack

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CLAIMCHECK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRE = os.environ.get("CLAIMCHECK_REQUIRE_BROWSER") == "1"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]
WIDTHS = (1400, 800)

# A corpus made to crowd the timeline: several claims on one day in one lane, a record with two
# events on one day, a range, quiet years on both sides of 2019, a claim with no date to place, a
# lane label too long to show whole, and amounts whose text order is not their numeric order.
HARBOUR = {
    "record.md": """---
title: Harbour works record
role: record
---
# Harbour works

Work on the harbour began on 3 March 2015.

The first pier opened on 15 April 2019.

The second pier opened on 15 April 2019.

The harbour was closed to shipping from 2023 to 2024.

Repairs finished on 1 June 2024.

The survey cost 1,874.32 GBP and the loan was 12,000,000 GBP.

The works employed 150 people.
""",
    "news.md": """---
title: Harbour news
published: 2024-07-01
---
Work on the harbour began on 3 March 2015.

The first pier opened on 15 April 2019.

The second pier opened on 15 April 2019.

A third pier also opened on 15 April 2019.

The harbour was closed to shipping from 2023 to 2024.

Repairs finished on 1 June 2024, and the mayor visited on 2 June 2024.

The survey cost 1,874.32 GBP and the loan was 12,000,000 GBP.

The works employed 150 people, and 40 more joined in 2016.
""",
    "blog.md": """---
title: "A very long title for a blog post about the harbour works, <cut> & shortened"
---
Work on the harbour began in March 2016.

The first pier opened on 16 April 2019.

The repairs finished in July.

The survey cost 2,500 GBP.
""",
}


def _harbour(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in HARBOUR.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _page(tmp_path: Path, *paths: str) -> Path:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", *paths, "--format", "html", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def _json(*args: str) -> dict:
    result = CliRunner().invoke(main, [*args, "-f", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each inline script and style."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline: dict[str, list[str]] = {"script": [], "style": []}
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._open = tag if tag in self.inline and not dict(attrs).get("type") else None

    def handle_data(self, data):
        if self._open:
            self.inline[self._open].append(data)
            self._open = None


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


# --- Without a browser -------------------------------------------------------------------------


def test_everything_from_the_documents_is_escaped(tmp_path: Path) -> None:
    (tmp_path / "record.md").write_text("---\nrole: record\ntitle: <b>Record</b>\n---\nThe bridge opened in 1990.\n",
                                        encoding="utf-8")
    (tmp_path / "a.md").write_text('---\ntitle: "\\"><img src=x onerror=alert(0)><script>alert(1)</script>"\n---\n'
                                   "<script>alert(2)</script> The bridge opened in 1991.\n"
                                   '"><svg onload=alert(3)> It cost 5 million "dollars" in 1990.\n', encoding="utf-8")
    page = _page(tmp_path, str(tmp_path)).read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page and "&lt;script&gt;alert(2)" in page
    assert "<b>Record</b>" not in page
    tags = _parse(page)
    names = [name for name, _ in tags.tags]
    assert "img" not in names and names.count("script") == 2  # the data block and the page's own script
    assert not [attrs for _, attrs in tags.tags if any(a.startswith("on") for a in attrs)]  # no handlers at all


def test_page_is_self_contained_and_allows_only_its_own_script_and_style(tmp_path: Path) -> None:
    page = _page(tmp_path, str(ROOT / "sources")).read_text(encoding="utf-8")
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert csp.startswith("default-src 'none';") and "unsafe" not in csp
    inline = _parse(page).inline
    assert len(inline["script"]) == 1 and len(inline["style"]) == 1
    assert f"script-src {csp_hash(inline['script'][0])};" in csp
    assert f"style-src {csp_hash(inline['style'][0])};" in csp
    assert not [attrs for _, attrs in _parse(page).tags if "style" in attrs]  # no style attribute to block


def test_axis_compresses_runs_of_quiet_years_and_keeps_single_ones() -> None:
    axis = Axis({2015, 2016, 2019, 2021, 2023})
    assert [(s.first, s.last, s.compressed) for s in axis.spans] == [
        (2015, 2015, False), (2016, 2016, False), (2017, 2018, True), (2019, 2019, False),
        (2020, 2020, False), (2021, 2021, False), (2022, 2022, False), (2023, 2023, False)]
    days = [dt.date(2015, 1, 1), dt.date(2016, 6, 1), dt.date(2018, 12, 31), dt.date(2019, 1, 1), dt.date(2024, 1, 1)]
    positions = [axis.at(d) for d in days]
    assert positions[0] == 0.0 and positions[-1] == 1.0 and positions == sorted(positions)
    assert axis.at(dt.date(2023, 12, 31), end=True) == 1.0 and Axis({9999}).at(dt.date(9999, 12, 31), end=True) == 1.0
    quiet = axis.at(dt.date(2019, 1, 1)) - axis.at(dt.date(2017, 1, 1))
    busy = axis.at(dt.date(2016, 1, 1)) - axis.at(dt.date(2015, 1, 1))
    assert quiet < busy  # two quiet years take less room than one busy year


def test_marks_on_one_date_are_stacked_and_nothing_in_a_row_overlaps() -> None:
    def point(x: float) -> Mark:
        return Mark(x, x, "tip", "agree", 0, ("p", 1, "q"))

    marks = [point(0.5), point(0.5), point(0.5), Mark(0.4, 0.6, "bar", "agree", 0, ("p", 1, "q")), point(0.9)]
    packed = pack(marks)
    same_day = [row for mark, row in packed if mark.x0 == 0.5]
    bar_row = next(row for mark, row in packed if mark.is_bar)
    assert len(set(same_day)) == 3 and bar_row not in same_day  # the bar covers 0.5 too
    assert len({row for _, row in packed}) == 4
    for row in {r for _, r in packed}:
        extents = sorted(m.extent() for m, r in packed if r == row)
        assert all(a[1] < b[0] for a, b in zip(extents, extents[1:], strict=False))
    assert packed == sorted(packed, key=lambda mr: (mr[1], mr[0].x0))  # keyboard order: row by row, left to right


HOSTILE = st.sampled_from(['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onmouseover='x",
                           "</textarea>", "<!--", "]]>", "&amp;", "\u2028", "<svg onload=alert(1)>", "javascript:x"])
FACTS = st.sampled_from(["The bridge opened in 1990.", "It cost 5 million dollars in 1991.", "On 3 May 2004 it closed.",
                         "From 2004 to 2011 it carried 15,000 cars.", "In July it reopened.", "\n\n"])
TEXTS = st.lists(st.one_of(HOSTILE, FACTS, st.text(max_size=10)), max_size=12).map(" ".join)
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "section", "p", "b", "div", "table",
                "thead", "tbody", "tr", "th", "td", "button", "svg", "rect", "line", "circle", "text", "g", "path",
                "span", "i", "label", "input", "select", "option", "script", "a", "mark", "article", "colgroup", "col",
                "small", "ul", "li", "br"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXTS, record_text=TEXTS, text=TEXTS)
def test_no_document_text_becomes_markup(title: str, record_text: str, text: str) -> None:
    record = api.make_source("The bridge opened in 1990. " + record_text, {"path": "record.md", "role": "record", "title": title})
    record_claims = extract_claims(record)
    claims = api.extract_claims(text, {"path": "a.md", "title": title, "published": "2021-02-26"})
    findings = api.reconcile(claims, record)
    page = html_report.render(findings, pipeline.summarise(findings, record), record_claims)
    tags = _parse(page)
    assert {name for name, _ in tags.tags} <= ALLOWED_TAGS
    assert [name for name, _ in tags.tags].count("script") == 2
    assert not [attrs for _, attrs in tags.tags if any(a.startswith("on") for a in attrs)]
    assert len(tags.inline["script"]) == 1 and tags.inline["script"][0] == html_report.SCRIPT


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1), st.floats(0, 0.2), st.booleans()), max_size=40))
def test_packed_marks_never_overlap_in_a_row(specs: list[tuple[float, float, bool]]) -> None:
    marks = [Mark(x, min(1.0, x + w) if bar else x, "t", "agree", i, ("p", i, "q")) for i, (x, w, bar) in enumerate(specs)]
    packed = pack(marks)
    assert sorted(id(m) for m, _ in packed) == sorted(id(m) for m in marks)
    for row in {r for _, r in packed}:
        extents = sorted(m.extent() for m, r in packed if r == row)
        assert all(a[1] + html_report.GAP <= b[0] + 1e-9 for a, b in zip(extents, extents[1:], strict=False))


def test_links_are_relative_to_the_folder_of_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert href("sources/a.md", 3, None) == "sources/a.md#L3"
    assert href("sources/a.md", 3, "out/deep") == "../../sources/a.md#L3"
    assert href("sources/a b#1.md", 3, "out") == "../sources/a%20b%231.md#L3"
    assert href(str(tmp_path / "x.md"), 9, str(tmp_path / "out")) == "../x.md#L9"


def test_cli_writes_links_relative_to_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _harbour(tmp_path / "sources")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["report", "sources", "-f", "html", "-o", "elsewhere/report.html"])
    assert result.exit_code == 0, result.output
    page = tmp_path / "elsewhere" / "report.html"
    links = re.findall(r'class="loc" href="([^"#]+)#L\d+"', page.read_text(encoding="utf-8"))
    assert links and all((page.parent / unquote(link)).is_file() for link in links)


# --- In a real browser -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
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
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Tab:
    """A page open at one width, recording every request and every console error (CSP refusals too)."""

    def __init__(self, browser, path: Path, width: int) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.page.set_default_timeout(5000)  # everything is local: a wait this long is a failure
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())

    def close(self) -> None:
        assert not self.errors, self.errors
        assert all(url.startswith(("file://", "data:", "about:")) for url in self.requests), self.requests
        self.page.close()


@pytest.fixture
def open_page(browser):
    tabs: list[Tab] = []

    def opener(path: Path, width: int = 1400) -> Tab:
        tabs.append(Tab(browser, path, width))
        return tabs[-1]

    yield opener
    for tab in tabs:
        tab.close()


CORPORA = ["sources", "tests/data/football-club/sources", "harbour"]


def _corpus(name: str, tmp_path: Path) -> str:
    return str(_harbour(tmp_path / "harbour")) if name == "harbour" else str(ROOT / name)


@pytest.mark.browser
@pytest.mark.parametrize("corpus", ["sources", "tests/data/football-club/sources"])
def test_filters_and_marks_in_headless_chromium(open_page, tmp_path: Path, corpus: str) -> None:
    data = _json("report", str(ROOT / corpus))
    tab = open_page(_page(tmp_path, str(ROOT / corpus)))
    page = tab.page
    date_findings = [f for f in data["findings"] if f["kind"] == "date"]
    marks = page.locator("#timeline .claim-mark")
    assert sorted(marks.evaluate_all("els => els.map(e => e.dataset.verdict)")) == sorted(f["verdict"] for f in date_findings)
    rows = page.locator("#findings tbody tr")
    assert rows.count() == len(data["findings"])
    visible = "els => els.filter(e => !e.hidden).length"
    assert rows.evaluate_all(visible) == len(data["findings"])
    page.locator("input.verdict-filter[value=agree]").uncheck()
    agree = sum(f["verdict"] == "agree" for f in data["findings"])
    assert agree and rows.evaluate_all(visible) == len(data["findings"]) - agree
    assert page.locator("#shown").inner_text() == str(len(data["findings"]) - agree)
    shown_marks = "els => els.filter(e => getComputedStyle(e).display !== 'none').length"
    assert marks.evaluate_all(shown_marks) == sum(f["verdict"] != "agree" for f in date_findings)
    page.locator("input.verdict-filter[value=agree]").check()
    page.locator("#findings th[data-col='2'] button").click()  # sort by verdict
    assert rows.first.get_attribute("data-verdict") == "agree"
    assert page.locator("#findings th[data-col='2']").get_attribute("aria-sort") == "ascending"
    links = page.locator("#timeline .conflict-link")
    assert links.count() == sum(f["verdict"] == "conflict" and f["kind"] == "date" and bool(f["date"]["start"])
                                for f in data["findings"])
    if links.count():  # a conflict filtered out takes its dashed line with it
        assert all(link.is_visible() for link in links.all())
        page.locator("input.verdict-filter[value=conflict]").uncheck()
        assert not any(link.is_visible() for link in links.all())
        page.locator("input.verdict-filter[value=conflict]").check()
    source = data["findings"][-1]["source"]
    page.locator("#source-filter").select_option(source)
    assert sorted(marks.evaluate_all("els => els.filter(e => getComputedStyle(e).display !== 'none').map(e => e.dataset.source)")) == \
        sorted(f["source"] for f in date_findings if f["source"] == source)


@pytest.mark.browser
def test_with_many_conflicts_each_dashed_line_shows_with_its_mark(open_page, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_report, "LINKS_SHOWN", 0)  # the harbour corpus has a few: "many" for this test
    page = open_page(_page(tmp_path, _corpus("harbour", tmp_path))).page
    links = page.locator("#timeline .conflict-link")
    # How many conflicts the reconciler finds is not this test's business; that each line waits for its mark is.
    assert links.count() >= 2 and not any(link.is_visible() for link in links.all())
    for link in links.all():
        mark = page.locator(f"#{link.get_attribute('data-mark')}")
        assert "conflict" in mark.get_attribute("class")
        mark.focus()
        assert link.is_visible() and sum(other.is_visible() for other in links.all()) == 1
        page.keyboard.press("Escape")
        assert not link.is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("corpus", CORPORA)
def test_layout_fits_and_no_two_marks_overlap(open_page, tmp_path: Path, corpus: str, width: int) -> None:
    tab = open_page(_page(tmp_path, _corpus(corpus, tmp_path)), width)
    page = tab.page
    # No horizontal scroll: not for the page, not inside the timeline's box.
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    wrap = page.evaluate("""() => { const w = document.getElementById('timeline-wrap'), s = document.getElementById('timeline');
        const cs = getComputedStyle(w);
        return {scroll: w.scrollWidth, client: w.clientWidth, inner: w.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight),
                plot: s.getBoundingClientRect().width, unresolved: s.classList.contains('with-unresolved')}; }""")
    assert wrap["scroll"] <= wrap["client"]
    # The plot takes all the width the lane labels (and the unresolved column) leave it.
    beside = html_report.LABELS + (html_report.UNRESOLVED if wrap["unresolved"] else 0)
    assert abs(wrap["plot"] - (wrap["inner"] - beside)) <= 1 and wrap["plot"] >= MIN_PLOT
    boxes = page.locator("#timeline .mark").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.id, r.left, r.top, r.right, r.bottom]; })")
    assert boxes
    overlapping = [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if min(a[3], b[3]) - max(a[1], b[1]) > 0.5 and min(a[4], b[4]) - max(a[2], b[2]) > 0.5]
    assert not overlapping
    # Nothing covers a mark: the point at its centre is the mark itself, so each can be hovered.
    hidden = page.locator("#timeline .mark").evaluate_all("""els => els.filter(e => {
        e.scrollIntoView({block: 'center', inline: 'center'});
        const r = e.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) !== e; }).map(e => e.id)""")
    assert not hidden


@pytest.mark.browser
def test_a_break_mark_where_quiet_years_are_compressed(open_page, tmp_path: Path) -> None:
    corpus = _corpus("harbour", tmp_path)
    claims = _json("extract", corpus)["claims"]
    years = {int(c["date"][k][:4]) for c in claims if c["kind"] == "date" and c["date"]["start"] for k in ("start", "end")}
    quiet_runs, run = [], []
    for year in range(min(years), max(years) + 1):
        if year in years:
            if len(run) >= 2:
                quiet_runs.append((run[0], run[-1]))
            run = []
        else:
            run.append(year)
    assert quiet_runs == [(2017, 2018), (2020, 2022)]  # what this corpus is for
    for width in WIDTHS:
        page = open_page(_page(tmp_path, corpus), width).page
        breaks = page.locator("#timeline .axis-break")
        assert [tuple(b) for b in breaks.evaluate_all("els => els.map(e => [+e.dataset.first, +e.dataset.last])")] == quiet_runs
        labels = dict(page.locator("#timeline text.year").evaluate_all(
            "els => els.map(e => [e.textContent, e.getBoundingClientRect().left])"))
        for (first, last), left in zip(quiet_runs, breaks.evaluate_all(
                "els => els.map(e => e.getBoundingClientRect().left)"), strict=True):
            assert labels[str(first - 1)] < left < labels[str(last + 1)]  # drawn between the years it joins
        strokes = page.locator("#timeline .axis-break path").evaluate_all(
            "els => els.map(e => [getComputedStyle(e).stroke, e.getBoundingClientRect().height])")
        assert len(strokes) == len(quiet_runs) and all(colour != "none" and h > 4 for colour, h in strokes)
        # Compressed: 2016 and the two quiet years after it take less room than 2015 and 2016.
        year = labels["2016"] - labels["2015"]
        assert labels["2019"] - labels["2016"] < 2 * year


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_every_mark_is_reachable_by_keyboard_with_its_tooltip(open_page, tmp_path: Path, width: int) -> None:
    page = open_page(_page(tmp_path, _corpus("harbour", tmp_path)), width).page
    ids = page.locator("#timeline .mark").evaluate_all("els => els.map(e => e.id)")
    stops = page.evaluate("document.querySelectorAll('a[href], button, input, select, [tabindex=\"0\"]').length")
    focused: dict[str, dict] = {}
    for _ in range(stops + 2):
        page.keyboard.press("Tab")
        state = page.evaluate("""() => {
            const a = document.activeElement, tip = document.getElementById('tip');
            if (!a.classList || !a.classList.contains('mark')) return null;
            const t = tip.getBoundingClientRect(), m = a.getBoundingClientRect();
            return {id: a.id, label: a.getAttribute('aria-label'), shown: !tip.hidden && t.width > 0, text: tip.textContent,
                    inside: t.left >= 0 && t.right <= document.documentElement.clientWidth && t.top >= 0 && t.bottom <= innerHeight,
                    near: Math.min(Math.abs(t.top - m.bottom), Math.abs(m.top - t.bottom)) <= 12}; }""")
        if state:
            focused[state["id"]] = state
    assert set(focused) == set(ids)
    for state in focused.values():
        assert state["label"] and state["shown"] and state["text"] == state["label"], state
        assert state["inside"] and state["near"], state
    page.keyboard.press("Escape")  # dismissible without moving focus
    assert page.locator("#tip").is_hidden()
    # Enter on a claim's mark goes to its row in the findings table.
    mark = page.locator("#timeline .claim-mark.conflict").first
    mark.focus()
    page.keyboard.press("Enter")
    row = mark.get_attribute("data-row")
    assert page.evaluate("document.activeElement.closest('tr').id") == f"f-{row}"
    # Hovering shows the same tooltip.
    page.locator("#timeline .record-mark").first.hover()
    assert page.locator("#tip").inner_text() == page.locator("#timeline .record-mark").first.get_attribute("aria-label")


@pytest.mark.browser
def test_links_resolve_from_a_page_written_into_another_folder(open_page, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _harbour(tmp_path / "work" / "sources")
    monkeypatch.chdir(tmp_path / "work")  # claims carry paths relative to the working folder
    corpus = pipeline.load(["sources"])
    claims, findings, _ = pipeline.report_claims(corpus, 1, None)
    out = tmp_path / "elsewhere" / "deeper" / "report.html"
    out.parent.mkdir(parents=True)
    out.write_text(html_report.render(findings, pipeline.summarise(findings, corpus.record),
                                      [c for c in claims if c.role == "record"], page_dir=out.parent), encoding="utf-8")
    page = open_page(out).page
    links = page.locator("a.loc").evaluate_all("els => els.map(e => [e.href, e.title])")
    assert any("record.md" in title for _, title in links) and len(links) > len(findings)  # lines and evidence
    for url, title in links:
        parts = urlsplit(url)
        assert parts.scheme == "file" and re.fullmatch(r"L\d+", parts.fragment), url
        target = Path(url2pathname(parts.path))
        path, line = title.rsplit(":", 1)
        assert target.is_file() and target.samefile(tmp_path / "work" / path), (url, title)
        assert int(parts.fragment[1:]) == int(line) <= len(target.read_text(encoding="utf-8").splitlines())


def _sort_key(finding: dict) -> tuple:
    """The order the Value column promises: dates by date, then amounts by normalised value, then unresolved."""
    if finding["kind"] == "date":
        date = finding["date"]
        return (2,) if not date["start"] else (0, date["start"], date["end"])
    return (1, finding["quantity"]["value"])


@pytest.mark.browser
def test_value_column_sorts_by_normalised_value_and_dates_by_date(open_page, tmp_path: Path) -> None:
    corpus = _corpus("harbour", tmp_path)
    findings = _json("report", corpus)["findings"]
    page = open_page(_page(tmp_path, corpus), 800).page
    rows = page.locator("#findings tbody tr")
    listed = rows.evaluate_all("els => els.map(e => [e.dataset.source, +e.cells[1].textContent, e.dataset.verdict])")
    assert listed == [[f["source"], f["line"], f["verdict"]] for f in findings]  # same findings, same order
    button = page.locator("#findings th[data-col='4'] button")
    button.click()
    order = [int(i) for i in rows.evaluate_all("els => els.map(e => e.dataset.index)")]
    keys = [_sort_key(findings[i]) for i in order]
    assert keys == sorted(keys)
    values = [page.locator(f"#f-{i} td.value").inner_text() for i in order]
    amounts = [v for v in values if v in ("150", "1,874.32 GBP", "2,500 GBP", "12,000,000 GBP")]
    assert amounts == ["150", "1,874.32 GBP", "2,500 GBP", "12,000,000 GBP"]  # as text: 1,874.32 < 12,000,000 < 150 < 2,500
    button.click()
    order = [int(i) for i in rows.evaluate_all("els => els.map(e => e.dataset.index)")]
    assert [_sort_key(findings[i]) for i in order] == sorted(keys, reverse=True)
    assert page.locator("#findings th[data-col='4']").get_attribute("aria-sort") == "descending"


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_conflicts_side_by_side_and_a_verdict_bar_per_source(open_page, tmp_path: Path, width: int) -> None:
    corpus = _corpus("harbour", tmp_path)
    findings = _json("report", corpus)["findings"]
    page = open_page(_page(tmp_path, corpus), width).page
    conflicts = [(i, f) for i, f in enumerate(findings) if f["verdict"] == "conflict"]
    pairs = page.locator("#conflicts .pair")
    assert conflicts and pairs.count() == len(conflicts)
    for (i, f), pair in zip(conflicts, pairs.all(), strict=True):
        assert pair.get_attribute("data-row") == str(i)
        claim, record = pair.locator(".side.claim"), pair.locator(".side.record")
        assert claim.locator("mark").inner_text() == f["quote"]
        # A total the record states as parts ("5,000 + 10,000") has each part marked.
        assert " + ".join(record.locator("mark").all_inner_texts()) == f["evidence"]["quote"]
        a, b = claim.bounding_box(), record.bounding_box()
        assert a["x"] + a["width"] <= b["x"] and abs(a["y"] - b["y"]) <= 1  # side by side, claim first
    counts: dict[str, dict[str, int]] = {}
    for f in findings:
        counts.setdefault(f["source"], {}).setdefault(f["verdict"], 0)
        counts[f["source"]][f["verdict"]] += 1
    rows = page.locator("#summary .per-source tbody tr")
    assert rows.count() == len(counts)
    for row in rows.all():
        got = counts[row.get_attribute("data-source")]
        bar = row.locator("svg.verdict-bar")
        total_width = bar.bounding_box()["width"]
        parts = bar.locator("rect").evaluate_all(
            "els => els.map(e => [e.dataset.verdict, e.getBoundingClientRect().left, e.getBoundingClientRect().width])")
        assert [v for v, _, _ in parts] == [v for v in ("conflict", "agree", "unsupported") if got.get(v)]
        for verdict, _, w in parts:
            assert abs(w - total_width * got[verdict] / sum(got.values())) < 1
        assert all(abs(a[1] + a[2] - b[1]) < 1 for a, b in zip(parts, parts[1:], strict=False))  # end to end
