"""Page structure: every line rule's examples, and golden pages from several fields split into units."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import api, structure
from claimcheck.segment import segment
from claimcheck.sources import load_source

from .conftest import claims_in

MATCHES = [(rule.name, line) for rule in structure.LINE_RULES for line in rule.matches]
REJECTS = [(rule.name, line) for rule in structure.LINE_RULES for line in rule.rejects]


@pytest.mark.parametrize(("rule", "line"), MATCHES, ids=[f"{r}:{t[:30]}" for r, t in MATCHES])
def test_line_rule_matches(rule: str, line: str) -> None:
    assert structure.classify(line)[0] == rule


@pytest.mark.parametrize(("rule", "line"), REJECTS, ids=[f"{r}:{t[:30]}" for r, t in REJECTS])
def test_line_rule_rejects(rule: str, line: str) -> None:
    assert structure.classify(line)[0] != rule


@pytest.mark.parametrize("rule", structure.LINE_RULES, ids=[r.name for r in structure.LINE_RULES])
def test_every_line_rule_has_examples(rule) -> None:
    assert rule.matches and rule.rejects, rule.name


@pytest.mark.parametrize(("pattern", "good", "bad"), [
    (structure.CHROME_SECTION, structure.CHROME_SECTION_EXAMPLES, structure.CHROME_SECTION_REJECTS),
    (structure.CHROME_LIST, structure.CHROME_LIST_EXAMPLES, ("Tags were handed to 300 runners.",)),
    (structure.CONTENTS, structure.CONTENTS_EXAMPLES, structure.CONTENTS_REJECTS),
    (structure.CHROME_LINE, structure.CHROME_LINE_EXAMPLES, structure.CHROME_LINE_REJECTS),
    (structure.LISTICLE, structure.LISTICLE_EXAMPLES, structure.LISTICLE_REJECTS),
    (structure.LISTICLE_IN_PROSE, structure.LISTICLE_IN_PROSE_EXAMPLES, structure.LISTICLE_IN_PROSE_REJECTS),
])
def test_chrome_and_listicle_examples(pattern, good, bad) -> None:
    searched = pattern in (structure.LISTICLE, structure.LISTICLE_IN_PROSE)
    assert all(pattern.search(line) if searched else pattern.fullmatch(line) for line in good)
    assert not any(pattern.search(line) if searched else pattern.fullmatch(line) for line in bad)


@pytest.mark.parametrize(("line", "content"), structure.LIST_MARKER_EXAMPLES)
def test_a_list_marker_is_stripped(line: str, content: str) -> None:
    marker = structure.LIST_MARKER.match(line)
    assert marker and line[marker.end():] == content


@pytest.mark.parametrize("line", structure.LIST_MARKER_REJECTS)
def test_a_figure_is_no_list_marker(line: str) -> None:
    assert structure.LIST_MARKER.match(line) is None


def test_a_bold_list_number_is_no_claim() -> None:
    """A listicle's "**7. 42.6%** – ..." states 42.6%, not 7; and the item stays one sentence."""
    text = "# The year in figures\n\n**7. 42.6%** – the checkout rate of the new champion.\n\n**8.** 61,200 sexual offences, up 2.8%.\n"
    assert [c.quote for c in claims_in(text)] == ["42.6%", "61,200", "2.8%"]


def test_a_post_stamp_is_no_claim() -> None:
    """A forum post's header ("**ledgerwatcher** · Posted 18 Apr 2025, 08:12") dates the post, not a fact."""
    text = ("# Regional crime rates\n\n**ledgerwatcher** · Posted 18 Apr 2025, 08:12\n\nHarrowmere is top again at 98.6 per "
            "1,000.\n\n*Posted 19 Apr 2025, 09:47*\n\nVelden Valley fell 5.2% in 2024.\n")
    assert [c.quote for c in claims_in(text, "2025-04-22")] == ["98.6", "5.2%", "2024"]


def test_a_list_count_and_reaction_counters_are_no_claims() -> None:
    """"in ten numbers" counts the list below it; "👍 12 · Reply" counts a post's likes."""
    text = ("# The Sawtell Dam disaster in 10 numbers\n\nHere is the deal in ten numbers. The dam held 612 million litres.\n\n"
            "👍 12 · Reply · Quote\n\nShare 214 | Tweet | Email\n")
    assert [c.quote for c in claims_in(text, "2025-04-22")] == ["612 million litres"]


def test_a_wire_dateline_is_split_from_the_story() -> None:
    assert all(structure.WIRE_DATELINE.match(line) for line in structure.WIRE_DATELINE_EXAMPLES)
    assert not any(structure.WIRE_DATELINE.match(line) for line in structure.WIRE_DATELINE_REJECTS)
    units = _units("Nov 10 (The Ledger) - Halvern's pill won approval on Thursday.")
    assert units == [("dateline", "Nov 10 (The Ledger) -"), ("sentence", "Halvern's pill won approval on Thursday.")]


def _units(text: str, published: str | None = None, title: str | None = None) -> list[tuple]:
    when = dt.date.fromisoformat(published) if published else None
    result = []
    for s in segment(text, 0, when, title):
        extra = s.label or s.event or (s.headers or None)
        result.append((s.block, s.text, extra) if extra else (s.block, s.text))
    return result


# Golden pages: (text, published, title, the units a careful reader sees).
PAGES = [
    pytest.param(  # a space-mission fact sheet: each line its own unit with its label
        "Mission at a glance\n\nLaunch: July 30, 2020, 4:50 a.m. PDT, from Cape Canaveral\nLanding: Feb. 18, 2021\n"
        "Mass: about 2,260 pounds (1,025 kilograms) on Earth, counting the arm and the 99-pound turret at its tip\n"
        "Flights completed: 72\n",
        None, None,
        [("heading", "Mission at a glance"),
         ("label", "Launch: July 30, 2020, 4:50 a.m. PDT, from Cape Canaveral", "Launch"),
         ("label", "Landing: Feb. 18, 2021", "Landing"),
         ("label", "Mass: about 2,260 pounds (1,025 kilograms) on Earth, counting the arm and the 99-pound turret at its tip", "Mass"),
         ("label", "Flights completed: 72", "Flights completed")],
        id="science-fact-sheet"),
    pytest.param(  # an infobox that lost its separators; the name "Covid19" in prose stays whole
        "Acquisition\nInitiatorMicrosoft\nCostUS$75.4 billion\nInitiatedJanuary 18, 2022 (2022-01-18)\nStaff2,310\n\n"
        "Covid19 cases rose to 5,000 in March.\n",
        None, None,
        [("sentence", "Acquisition"), ("sentence", "InitiatorMicrosoft"), ("label", "US$75.4 billion", "Cost"),
         ("label", "January 18, 2022 (2022-01-18)", "Initiated"), ("label", "2,310", "Staff"),
         ("sentence", "Covid19 cases rose to 5,000 in March.")],
        id="finance-glued-infobox"),
    pytest.param(  # a health table: header row, rows that know their headers
        "| Country | Cases | Deaths |\n|---|---|---|\n| Guinea | 3 814 | 2 544 |\n| Liberia | 10 678 | 4 810 |\n",
        None, None,
        [("heading", "| Country | Cases | Deaths |"),
         ("table_row", "| Guinea | 3 814 | 2 544 |", ("Country", "Cases", "Deaths")),
         ("table_row", "| Liberia | 10 678 | 4 810 |", ("Country", "Cases", "Deaths"))],
        id="health-markdown-table"),
    pytest.param(  # an election table whose cells are separated by spaces
        "Party Exit Poll Final Result\nConservative 368 365\nLabour 191 203\n",
        None, None,
        [("heading", "Party Exit Poll Final Result"),
         ("table_row", "Conservative 368 365", ("Party", "Exit Poll", "Final Result")),
         ("table_row", "Labour 191 203", ("Party", "Exit Poll", "Final Result"))],
        id="politics-spaced-table"),
    pytest.param(  # a history timeline: entries with colon and dash, a list entry, a date heading
        "12 February 1986: The treaty is signed. Work starts later.\n"
        "- SEPTEMBER 13th 2022: The vote is held\n"
        "August 29, 2005 - Katrina comes ashore.\n\n"
        "May 6, 1994\n\nThe Queen opens the tunnel. Crowds gather.\n",
        None, None,
        [("timeline", "12 February 1986: The treaty is signed.", "The treaty is signed. Work starts later."),
         ("timeline", "Work starts later.", "The treaty is signed. Work starts later."),
         ("timeline", "SEPTEMBER 13th 2022: The vote is held", "The vote is held"),
         ("timeline", "August 29, 2005 - Katrina comes ashore.", "Katrina comes ashore."),
         ("timeline", "May 6, 1994", "The Queen opens the tunnel."),
         ("sentence", "The Queen opens the tunnel."), ("sentence", "Crowds gather.")],
        id="history-timeline"),
    pytest.param(  # timeline entries run into one paragraph split into one unit each
        "The season in brief. 12 July 2022: The club signs a striker. 3 August 2022: The striker scores twice.\n",
        None, None,
        [("sentence", "The season in brief."),
         ("timeline", "12 July 2022: The club signs a striker.", "The club signs a striker."),
         ("timeline", "3 August 2022: The striker scores twice.", "The striker scores twice.")],
        id="sport-glued-timeline"),
    pytest.param(  # a storm's chronology in one paragraph, each entry a date, its time and a dash
        "8 November 2023, 2:00 a.m. – A depression forms. 9 November, 8:00 p.m. – JMA names it Vamana. "
        "18 November – It dissipates.\n",
        None, None,
        [("timeline", "8 November 2023, 2:00 a.m. – A depression forms.", "A depression forms."),
         ("timeline", "9 November, 8:00 p.m. – JMA names it Vamana.", "JMA names it Vamana."),
         ("timeline", "18 November – It dissipates.", "It dissipates.")],
        id="weather-dash-glued-timeline"),
    pytest.param(  # a list of dated steps flattened into one line, no separator at all
        "15 October 2024 Draft budget tabled 5 November 2024 First reading opens 12 December 2024 Final vote, 112–87\n",
        None, None,
        [("timeline", "15 October 2024 Draft budget tabled", "Draft budget tabled"),
         ("timeline", "5 November 2024 First reading opens", "First reading opens"),
         ("timeline", "12 December 2024 Final vote, 112–87", "Final vote, 112–87")],
        id="politics-flattened-timeline"),
    pytest.param(  # a list of dated steps flattened into one line, each a date, a dash and its event
        "1967 – construction begins 14 September 1971 – bridge opens 29 May 2020 – demolition completed\n",
        None, None,
        [("timeline", "1967 – construction begins", "construction begins"),
         ("timeline", "14 September 1971 – bridge opens", "bridge opens"),
         ("timeline", "29 May 2020 – demolition completed", "demolition completed")],
        id="infrastructure-flattened-dash-timeline"),
    pytest.param(  # news chrome: title, byline, dateline, slide counter, breadcrumb, tweet signature
        "For $70 Billion, Microsoft Buys A Studio\n\nBy A. Writer, October 28, 2022\n\nJanuary 18, 2022\n\n2 / 8\n\n"
        "Home » News » Deals\n\nShares rose 27% on Tuesday.\n— Sports Desk (@desk) December 18, 2022\n"
        "/// AFP, 3 March 2021\n",
        "2022-01-18", "For $70 Billion, Microsoft Buys A Studio",
        [("title", "For $70 Billion, Microsoft Buys A Studio"), ("byline", "By A. Writer, October 28, 2022"),
         ("dateline", "January 18, 2022"), ("chrome", "2 / 8"), ("chrome", "Home » News » Deals"),
         ("sentence", "Shares rose 27% on Tuesday."), ("dateline", "— Sports Desk (@desk) December 18, 2022"),
         ("dateline", "/// AFP, 3 March 2021")],
        id="finance-news-chrome"),
    pytest.param(  # code: fenced and indented
        "Set the option:\n\n```\nmax_workers = 16\nyear = 2004\n```\n\n    retries = 3;\n\nThe run took 12 minutes.\n",
        None, None,
        [("heading", "Set the option:"), ("code", "```\nmax_workers = 16\nyear = 2004\n```"),
         ("code", "retries = 3;"), ("sentence", "The run took 12 minutes.")],
        id="code-blocks"),
    pytest.param(  # a related-links section and a copyright line hold no claims; the wrapped line joins
        "The bridge opened in 2004 after years of delays and a long dispute over the cost of the\n"
        "approach roads, which rose to 40 million.\n\nCheck Also\n\nThree years in, the mayor still waits …\n\n"
        "© 2021 Example Media Ltd.\n",
        None, None,
        [("sentence", "The bridge opened in 2004 after years of delays and a long dispute over the cost of the\n"
          "approach roads, which rose to 40 million."),
         ("chrome", "Check Also"), ("chrome", "Three years in, the mayor still waits …"), ("chrome", "© 2021 Example Media Ltd.")],
        id="chrome-sections"),
    pytest.param(  # a wiki copy's contents list is navigation: its "References" must not swallow the
        # article, and a section's prose ends in citation marks
        "Contents\nBackground\nLegal action\nReferences\n\nBackground[edit]\n\n"
        "The plant, which opened in 1962, can treat up to 18 million gallons per day for about 410 miles of mains.[4]\n\n"
        "References[edit]\n\n1. Smith, J. (2019). Water report. p. 12.\n",
        None, None,
        [("chrome", "Contents"), ("chrome", "Background"), ("chrome", "Legal action"), ("chrome", "References"),
         ("heading", "Background[edit]"),
         ("sentence", "The plant, which opened in 1962, can treat up to 18 million gallons per day for about 410 miles of mains.[4]"),
         ("chrome", "References[edit]"), ("chrome", "Smith, J. (2019). Water report. p. 12.")],
        id="wiki-contents"),
    pytest.param(  # a thread's post with its score on the line below it; a listicle's heading keeps its figure
        "u/salish_sea_sam · 2 hours ago\nThey pay China $1.1 million a year for the pandas.\n31 points\n\n"
        "## 57 points\n\nThe most in a game.\n",
        None, None,
        [("chrome", "u/salish_sea_sam · 2 hours ago"), ("sentence", "They pay China $1.1 million a year for the pandas."),
         ("chrome", "31 points"), ("heading", "57 points"), ("sentence", "The most in a game.")],
        id="thread-scores"),
    pytest.param(  # a pipe table without its outer pipes or a rule line; a strip of two parts stays prose
        "Date | Distance (km) | Drift (km per day)\n31 May 2023 | 38 | 3.2\n30 June 2023 | 164 | 4.2\n\n"
        "Eurostar | Eurotunnel\n",
        None, None,
        [("heading", "Date | Distance (km) | Drift (km per day)"),
         ("table_row", "31 May 2023 | 38 | 3.2", ("Date", "Distance (km)", "Drift (km per day)")),
         ("table_row", "30 June 2023 | 164 | 4.2", ("Date", "Distance (km)", "Drift (km per day)")),
         ("heading", "Eurostar | Eurotunnel")],  # a short line alone, as before
        id="bare-pipe-table"),
]


@pytest.mark.parametrize(("text", "published", "title", "expected"), PAGES)
def test_golden_pages(text: str, published: str | None, title: str | None, expected: list[tuple]) -> None:
    assert _units(text, published, title) == expected


def test_markdown_emphasis_and_headings() -> None:
    units = _units("### 12 July 2022\n\nThe club signs a striker.\n\n**Staff:** 2,310\n\n"
                   "| **Deaths** | 2,544 |\n\n**2004**: The plant opens.\n\n    Indented prose (2004) costs $5 billion.\n")
    assert units == [
        ("timeline", "12 July 2022", "The club signs a striker."), ("sentence", "The club signs a striker."),
        ("label", "**Staff:** 2,310", "Staff"), ("table_row", "| **Deaths** | 2,544 |"),
        ("timeline", "**2004**: The plant opens.", "The plant opens."),
        ("sentence", "Indented prose (2004) costs $5 billion.")]
    assert [(c.quote, c.row, c.label) for c in claims_in("| **Deaths** | 2,544 |\n")] == [("2,544", "Deaths", "Deaths")]


def test_structured_lines_never_merge() -> None:
    # A long fact-sheet line without a full stop used to swallow the next line as a wrapped sentence.
    text = ("NATO surveillance in the Mediterranean stepped up: 8 March 2011 (AWACS aircraft on watch round the clock)\n"
            "Resolution 1973 adopted: 17 March 2011\n"
            "Decision to take on the whole military operation: 27 March 2011\n"
            "Hospital beds in the three worst-hit districts of the province: 1,240\n")
    assert [s.text for s in segment(text)] == text.strip().split("\n")


def test_claims_carry_their_label_row_and_event() -> None:
    sheet = claims_in("Launch: July 30, 2020\nStaff: 2,310\n")
    assert [(c.quote, c.block, c.label) for c in sheet] == [("July 30, 2020", "label", "Launch"), ("2,310", "label", "Staff")]
    table = claims_in("| Country | Cases | Deaths |\n|---|---|---|\n| Guinea | 3,814 | 2,544 |\n")
    assert [(c.quote, c.row, c.label) for c in table] == [("3,814", "Guinea", "Cases"), ("2,544", "Guinea", "Deaths")]
    timeline = claims_in("23 March 2014: WHO reports 49 cases and 29 deaths\n")
    assert {c.event for c in timeline} == {"WHO reports 49 cases and 29 deaths"}
    assert [c.block for c in timeline] == ["timeline"] * 3


def test_spaced_table_cells_are_never_joined() -> None:
    claims = claims_in("Party Exit Poll Final Result\nConservative 368 365\nLabour 191 203\n")
    assert [(c.quote, c.quantity.value, c.row, c.label) for c in claims] == [
        ("368", 368, "Conservative", "Exit Poll"), ("365", 365, "Conservative", "Final Result"),
        ("191", 191, "Labour", "Exit Poll"), ("203", 203, "Labour", "Final Result")]


@pytest.mark.parametrize("text", [
    "By A. Writer, October 28, 2022\n\nThe plant opened.",
    "Posted: Aug. 30, 2018 3:43 PM",
    "10 Key Facts Kids Should Know About Mars",
    "2 / 8",
    "```\nyear = 2004\n```",
    "1 year ago",
    "Home » News » Libya » NATO flies 547 sorties",
])
def test_chrome_holds_no_claims(text: str) -> None:
    assert [c.quote for c in claims_in(text) if c.quote != "10 Key"] == []


def test_a_date_and_time_below_the_content_heads_an_event() -> None:
    units = segment("The night in brief.\n\n15 April 1912, 2.20 a.m.\nThe ship founders.\n")
    assert (units[1].block, units[1].event) == ("timeline", "The ship founders.")
    units = segment("Storm over\n\n30 Mar 2016 | 8:07 am\n\nThe emergency is over.\n")
    assert units[1].block == "dateline"


def test_a_forum_posts_stamp_below_its_header_is_chrome() -> None:
    post = ("#41 stormchaser_ph | Joined: Jun 2012 | Posts: 3,847\nTue Nov 14, 2023 6:12 am\n"
            "The station logged 521.6 mm in 24 hours.\n\n« Prev 1 2 3 4 5 6 7 Next »\n")
    assert [c.quote for c in claims_in(post)] == ["521.6 mm", "24 hours"]
    post = "BaselineBasher\nJoined: Mar 2011 · Posts: 12,408\nJun 24, 2024 #41\nStill buzzing: 4h12 of tennis.\n"
    assert [c.quote for c in claims_in(post)] == ["4h12"]


def test_a_threads_comments_are_its_content_a_pages_comment_section_is_chrome() -> None:
    thread = ("Sale approved - megathread\n\nComments\n\nu/shelf_ohio · 5 hours ago · 87 points\n"
              "Our store closed on June 9 after 23 years.\n\n    u/ladder_7 · 5 hours ago · 31 points\n    sorry man\n")
    assert [c.quote for c in claims_in(thread)] == ["June 9", "23 years"]
    page = "The bridge reopened in 2019.\n\nComments\n\nGreat piece, I crossed it 40 times.\n"
    assert [c.quote for c in claims_in(page)] == ["2019"]


def test_a_dateline_is_the_pages_own_date_not_an_event_heading() -> None:
    page = "Remembering the storm\n\n{}\nToday is the 10th anniversary.\n"
    own = segment(page.format("AUGUST 29, 2015"), 0, dt.date(2015, 8, 29))
    assert own[1].block == "dateline"
    event = segment(page.format("AUGUST 29, 2005"), 0, dt.date(2015, 8, 29))
    assert (event[1].block, event[1].event) == ("timeline", "Today is the 10th anniversary.")


EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "corpora"
RECORDS = sorted(EVAL.glob("*/sources/record-*.md")) if EVAL.is_dir() else []


@pytest.mark.skipif(not RECORDS, reason="../shared/eval is not beside this checkout")
@pytest.mark.parametrize("path", RECORDS, ids=[p.parent.parent.name for p in RECORDS])
def test_no_record_line_of_a_fact_sheet_table_or_timeline_is_merged(path: Path) -> None:
    # Independent of structure.py's own rules: a short "anything: value" line, or a pipe row.
    fact_line = re.compile(r"\s*(?:\|.*|[^:\n]{1,80}:\s+\S.{0,100})$")
    source = load_source(path)
    for unit in segment(source.text, source.body_offset, source.published, source.title):
        later_lines = unit.text.split("\n")[1:]
        assert not [line for line in later_lines if fact_line.match(line)], unit.text


_CHROME_TOKENS = ("Home", "home", "»", "›", ">", "/", "2", "14", "of", "Slide", "PHOTO", "updated", "days", "ago",
                  "references", "©", "(c)", "(C)", "Copyright", "copyriGht", "by", "2019", "All rights reserved",
                  ".svg", ".PNG", ".jpeg", ".tif", "map", ".", "ſlide", "ımage", "\u212a")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CHROME_TOKENS) | st.text(max_size=3), max_size=12),
       st.sampled_from(("", " ", "  ", "\t")), st.sampled_from(("", " ", " \t")))
def test_chrome_gate_passes_every_chrome_line(words: list[str], lead: str, trail: str) -> None:
    """The chrome rule's gate only skips lines its pattern cannot match."""
    rule = structure.RULES_BY_NAME["chrome"]
    for sep in (" ", ""):
        text = (lead + sep.join(words) + trail).replace("\n", " ")
        content = len(text) - len(text.lstrip())
        if rule.pattern.match(text, content, len(text)):
            assert rule.gate(text, content, len(text)), text


@pytest.mark.parametrize(("text", "quote", "below", "caption"), [
    # A "by the numbers" figure alone on its line is told by the line below it.
    ("## By the numbers\n\n5. 31.5%\nThe share of smartphones sold with the app.\n", "31.5%", "The share of smartphones", True),
    ("195\n\nParties that adopted it\n", "195", "Parties that adopted it", True),
    # A figure inside a sentence keeps its sentence: the next line is another's.
    ("It sold 5,000 units in 2019.\nThe share of smartphones rose.\n", "5,000", "The share of smartphones", False),
])
def test_a_figure_alone_on_its_line_reads_the_line_below(text: str, quote: str, below: str, caption: bool) -> None:
    claim = next(c for c in api.extract_claims(text, {"path": "a.md"}) if c.quote == quote)
    assert (below in claim.sentence) is caption
