"""Dates across a document: tense, the year a yearless date takes, and the anchors that give it."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from claimcheck import context, dates, extract
from claimcheck.api import extract_claims
from claimcheck.extract import candidates, read_years
from claimcheck.resolve import YearAnchors

from .conftest import claims_in


def _dates(text: str, published: str | None = None) -> dict[str, tuple[str, str]]:
    """Quote -> (start, end) of every date claim (the last one wins for a repeated quote)."""
    return {c.quote: (str(c.date.start), str(c.date.end)) for c in claims_in(text, published) if c.kind == "date"}


def test_future_tense_month_after_the_first_sentence() -> None:
    text = "The council met on Tuesday. The new rules will take effect in January."
    assert _dates(text, "2021-12-10")["January"] == ("2022-01-01", "2022-01-31")


def test_yearless_date_takes_the_year_of_an_earlier_paragraph() -> None:
    text = "Floods hit the delta on 2 March 2019.\n\nRelief flights began on 9 March, and schools reopened in May."
    found = _dates(text, "2021-06-01")
    assert found["9 March"] == ("2019-03-09", "2019-03-09")
    assert found["May"] == ("2019-05-01", "2019-05-31")


def test_headline_and_dateline_anchor_the_year() -> None:
    text = "Friday, October 28, 2011\n\nMission ends October 31\n\nThe alliance said it would finish on October 31."
    found = {c.quote: str(c.date.start) for c in claims_in(text) if c.kind == "date"}
    assert found["October 31"] == "2011-10-31"


def test_bare_years_identifiers_and_times_do_not_anchor() -> None:
    text = ("Councils adopted Resolution 1973 in a hurry. The flood was the worst since 1927. "
            "Rescue teams arrived at 1730 BST on 20 July.")
    claims = claims_in(text, "2016-08-02")
    assert "1730" not in [c.quote for c in claims if c.kind == "date"]  # a time (quantities.py keeps it from amounts)
    assert [str(c.date.start) for c in claims if c.quote == "20 July"] == ["2016-07-20"]


@pytest.mark.parametrize("text", [
    "The Kestrel Arena, which opened in 2011, was packed. Tickets had gone on sale on August 1.",
    "The old infirmary, which has stood on Castle Street since 1889, will close. Tickets had gone on sale on August 1.",
    "The culvert under the line, built in 1868, simply failed. Tickets had gone on sale on August 1.",
])
def test_a_year_in_an_aside_on_another_things_past_does_not_anchor(text: str) -> None:
    assert _dates(text, "2025-09-01")["August 1"] == ("2025-08-01", "2025-08-01")


@pytest.mark.parametrize("text", dates.BORN_EXAMPLES)
def test_born_reads_a_date_of_birth(text: str) -> None:
    first = next(c for c in claims_in(text) if c.kind == "date")
    assert dates.is_birth(text, first.offset)


@pytest.mark.parametrize("text", dates.BORN_REJECTS)
def test_born_rejects_other_births(text: str) -> None:
    assert not any(dates.is_birth(text, c.offset) for c in claims_in(text) if c.kind == "date")


def test_a_date_of_birth_does_not_anchor() -> None:
    text = "Born on March 4, 2001 in Osijek, the striker arrives in form. The story broke on August 2."
    assert _dates(text, "2024-08-10")["August 2"] == ("2024-08-02", "2024-08-02")


def test_a_weekday_that_fits_the_writing_and_not_the_stated_year_takes_the_writing() -> None:
    # 6 August 2024 is a Tuesday; in 2019 it was too, but the stated date is 2001's (a Monday)
    text = "The club was founded on 12 March 2001. He flew in on Tuesday, August 6, for a medical."
    assert _dates(text, "2024-08-10")["August 6"] == ("2024-08-06", "2024-08-06")
    # and a weekday that fits the stated year keeps it: 6 August 2001 was a Monday
    text = "The club was founded on 12 March 2001. He flew in on Monday, August 6, for a medical."
    assert _dates(text, "2024-08-10")["August 6"] == ("2001-08-06", "2001-08-06")


@pytest.mark.parametrize("text", [
    "The old record, 106.5 F, dated from July 2, 1936, and it fell twice. The heat warning ended on August 16.",
    "The previous high was set on 3 May 2019 in Leeds. The heat warning ended on August 16.",
])
def test_the_date_of_a_broken_record_does_not_anchor(text: str) -> None:
    assert _dates(text, "2024-08-22")["August 16"] == ("2024-08-16", "2024-08-16")


def test_a_year_still_to_come_anchors_only_what_looks_ahead() -> None:
    # "by 2032" is a target: the month after it is of the writing's year, as it would be without it
    text = "The promise is to replace 30 miles of main by 2032. As of May, 6.5 km has been relaid."
    assert _dates(text, "2025-11-12")["May"] == ("2025-05-01", "2025-05-31")
    # nor does a maturity; but a year the words look ahead to is the story's year to come
    assert _dates("Markets sold its 2031 dollar bond on April 12 and slid.", "2025-05-01")["April 12"][0] == "2025-04-12"
    assert _dates("The 2027 festival will open in July.", "2025-05-01")["July"][0] == "2027-07-01"
    # a deadline already past still sets the scene: "By 2009 it had 40 stores. In March, ..."
    assert _dates("It had 40 stores by 2009. In March, it closed two.", "2025-11-12")["March"][0] == "2009-03-01"


def test_a_full_date_years_ahead_anchors_only_its_own_series() -> None:
    # Public finance: a bond's final maturity, then a rating's date: this spring's, not 2054's.
    text = "**6. May 1, 2054** — when the last of the bonds come due.\n\n**13. AA** — up a notch since March 28."
    assert _dates(text, "2024-05-03")["March 28"] == ("2024-03-28", "2024-03-28")
    # Sport: later dates of the same sentence take the far date's year; a date within the coming year still anchors.
    games = "The Olympics run from 25 July to 10 August 2036, and the Paralympics from 22 August to 2 September."
    assert _dates(games, "2029-09-16")["22 August to 2 September"][0] == "2036-08-22"
    assert _dates("Completion is due on 30 June 2025. In March, the last rails are laid.", "2024-11-20")["March"][0] == "2025-03-01"


def test_a_year_that_sets_the_scene_still_anchors() -> None:
    assert _dates("In the drought of 2018, the level fell in September.", "2025-09-01")["September"][0] == "2018-09-01"


def test_a_stated_period_that_contains_the_day_wins() -> None:
    text = ("Report on the storm of 23-30 August 2005\n\nRevised 14 September 2011 with new figures.\n\n"
            "The storm formed at 1800 UTC 23 August and struck the coast at 1110 UTC 29 August.")
    found = _dates(text)
    assert found["23 August"] == ("2005-08-23", "2005-08-23")
    assert found["29 August"] == ("2005-08-29", "2005-08-29")


def test_undated_page_takes_the_year_it_states_later() -> None:
    text = "On Wednesday (Oct 5) the body announced the pact.\n\nThe threshold was reached on October 5, 2016."
    assert _dates(text)["Oct 5"] == ("2016-10-05", "2016-10-05")


def test_relative_dates_count_from_publication_not_from_the_document_years() -> None:
    text = "The 2015 accord was signed on 12 December 2015. The exit took effect last November."
    assert _dates(text, "2021-01-21")["last November"] == ("2020-11-01", "2020-11-30")


def test_published_only_the_tense_decides() -> None:
    assert _dates("The rules will take effect on January 1.", "2021-12-10")["January 1"][0] == "2022-01-01"
    assert _dates("The rules took effect on January 1.", "2021-12-10")["January 1"][0] == "2021-01-01"
    assert _dates("The mission ends October 31, officials say.", "2011-10-28")["October 31"][0] == "2011-10-31"
    assert _dates("Prices peaked on November 30.", "2011-10-28")["November 30"][0] == "2010-11-30"


@pytest.mark.parametrize(("sentence", "quote", "start"), [
    ("The drug was approved and would reach pharmacies in January.", "January", "2024-01-01"),  # future in the past
    ("The next decision is due on May 2.", "May 2", "2024-05-02"),  # a schedule
    ("The retrial was adjourned twice and is now due on 2 June.", "2 June", "2024-06-02"),
    ("A confiscation hearing is listed for 9 January.", "9 January", "2024-01-09"),  # a court's schedule
    ("The final is scheduled for June 14.", "June 14", "2024-06-14"),
    ("Staff stay on payroll to a separation date, which the firm has set as May 6.", "May 6", "2024-05-06"),
    ("The next decision is on 2 May.", "2 May", "2024-05-02"),
    ("We expect cuts in May and September.", "September", "2024-09-01"),  # an expectation
    ("Trump said the US would leave, and that decision took effect last November.", "last November", "2023-11-01"),
    ("The council said it would act, and the bridge closed in June.", "June", "2023-06-01"),  # past tense after it
])
def test_the_tense_places_a_yearless_date(sentence: str, quote: str, start: str) -> None:
    assert _dates(sentence, "2023-12-10")[quote][0] == start


def test_future_tense_after_a_stated_date_moves_to_the_next_year() -> None:
    text = "The treaty was signed on 12 December 2015. It will take effect on January 1."
    assert _dates(text)["January 1"][0] == "2016-01-01"


@pytest.mark.parametrize(("sentence", "quote", "bound"), dates.BOUND_EXAMPLES)
def test_by_a_date_bounds_the_event(sentence: str, quote: str, bound: str | None) -> None:
    claims = [c for c in claims_in(sentence, "2024-05-01") if c.quote == quote]
    assert claims, [c.quote for c in claims_in(sentence, "2024-05-01")]
    assert claims[0].date.bound == bound
    assert claims[0].date.start is not None  # the interval is the date as written


def test_later_and_earlier_count_from_the_last_date_of_any_kind() -> None:
    text = "Shareholders bought in in 1987. Fourteen years later the debts had buried them."
    assert _dates(text)["Fourteen years later"] == ("2001-01-01", "2001-12-31")
    text = "The council approved the plan on March 17. Two days later, raids began."
    assert _dates(text, "2011-10-31")["Two days later"] == ("2011-03-19", "2011-03-19")


def test_days_later_count_from_the_last_date_stated_to_the_day() -> None:
    # A year mentioned since is no day to count on from: "the next day" is the day after the cut.
    text = ("Both cables were cut on 11 January 2022. For days the islands were back in about 1995. "
            "The Assembly declared an emergency the next day.")
    assert _dates(text, "2023-01-11")["next day"] == ("2022-01-12", "2022-01-12")
    # Years still count on from a year: "Fourteen years later" from "in 1987", a day or not before it.
    text = "It opened on 3 May 1980. Shareholders bought in in 1987. Fourteen years later the debts buried them."
    assert _dates(text)["Fourteen years later"] == ("2001-01-01", "2001-12-31")


def test_a_weekday_beside_its_date_is_not_a_second_claim() -> None:
    text = "Friday, October 28, 2011\n\nSunday April 14th passed quietly at sea."
    assert [c.quote for c in claims_in(text)] == ["October 28, 2011", "April 14th"]


def test_holiday_without_year_takes_the_document_year() -> None:
    text = "The storm season of 2004 ended in November 2004. The tsunami struck on Boxing Day."
    assert _dates(text)["Boxing Day"] == ("2004-12-26", "2004-12-26")


def test_a_compared_date_gives_no_year() -> None:
    text = "The flood of 20 July 2021 was the worst since July 1927. Waters fell on 24 July."
    assert _dates(text)["24 July"] == ("2021-07-24", "2021-07-24")


def test_a_regular_past_verb_keeps_a_near_date_behind() -> None:
    assert _dates("The firm announced on January 5 that it would merge.", "2021-12-20")["January 5"][0] == "2021-01-05"
    assert _dates("The vote, scheduled for January 5, was delayed.", "2021-12-20")["January 5"][0] == "2022-01-05"


def test_a_line_without_claims_still_gives_the_year() -> None:
    """Datelines and bylines yield no claims (structure skips them) but are read with `read_years`."""
    published = dt.date(2021, 1, 4)
    years = YearAnchors(published)
    read_years("By A. Writer, October 28, 2022", published, years)
    sentence = "Talks resume on November 3, officials said."
    cand = next(c for c in candidates(sentence) if c.kind == "date")
    assert extract._date_value(cand, sentence, published, years).start == dt.date(2022, 11, 3)


def test_the_future_counts_from_publication_not_from_an_older_stated_date() -> None:
    text = "The treaty was signed on 12 December 2015. The minister will visit on March 3."
    assert _dates(text, "2021-02-26")["March 3"] == ("2021-03-03", "2021-03-03")


def test_a_month_stated_earlier_does_not_outrank_the_nearest_date() -> None:
    text = ("In August 2023 the council agreed to expand the mission.\n\n"
            "30 July 2004: a training mission is set up. The first elements deploy on 7 August.")
    assert _dates(text)["7 August"] == ("2004-08-07", "2004-08-07")


def test_a_month_gives_its_year_to_its_own_paragraph_only() -> None:
    text = ("12 March 2023 | Harbour news\n\nThe ferry line, which the council sold in October 2019, was busy.\n\n"
            "At the annual meeting on 25 July the board stood down.")
    assert _dates(text, "2023-09-04")["25 July"] == ("2023-07-25", "2023-07-25")
    text = "The line was sold in October 2019, and on 25 July the board stood down."
    assert _dates(text, "2023-09-04")["25 July"] == ("2019-07-25", "2019-07-25")  # in its paragraph it does
    text = "Floods hit the delta on 2 March 2019.\n\nAid was pledged in April 2019.\n\nSchools reopened on 9 May."
    assert _dates(text, "2021-06-01")["9 May"] == ("2019-05-09", "2019-05-09")  # the day before it still does


def test_a_bare_year_gives_its_own_paragraph_the_year() -> None:
    text = "In the drought of 2018, the level fell to 38 percent in September. Rain returned in March."
    found = _dates(text, "2023-06-01")
    assert found["September"] == ("2018-09-01", "2018-09-30")
    assert found["March"] == ("2018-03-01", "2018-03-31")  # the September it placed carries the year on
    assert _dates("Few remember the drought of 2018.\n\nRain returned in March.", "2023-06-01")["March"][0] == "2023-03-01"


def test_a_day_placed_by_a_bare_year_dates_its_own_paragraph_only() -> None:
    text = ("Hauling ended on 19 March 2024.\n\nIn 2023 the road carried 7,106 loads over a 64-day season "
            "(30 January – 3 April), ending on 3 April.\n\nOn 13 March temperatures rose above freezing.")
    found = _dates(text, "2024-05-14")
    assert found["30 January – 3 April"] == ("2023-01-30", "2023-04-03")
    assert found["3 April"] == ("2023-04-03", "2023-04-03")  # in its paragraph it does
    assert found["13 March"] == ("2024-03-13", "2024-03-13")  # not the season of 2023 the range spans
    # A story's own year, no look back from a later day, still dates the paragraphs after it.
    text = "She swam it one way in July 2019.\n\nThe 2023 swim went well: she landed on 24 August.\n\nIn September it was ratified."
    assert _dates(text, "2024-08-22")["September"] == ("2023-09-01", "2023-09-30")


def test_a_compared_year_gives_no_year() -> None:
    text = "Seventeen incidents were recorded in 2024, down from 23 in 2023. On 11 March a pickup broke through."
    assert _dates(text, "2024-05-14")["11 March"] == ("2024-03-11", "2024-03-11")
    text = "It was the highest reading since records began in 1961. On 19 March the last trucks left."
    assert _dates(text, "2024-05-14")["19 March"] == ("2024-03-19", "2024-03-19")


def test_a_bare_year_holds_for_its_paragraph_until_a_fuller_date() -> None:
    assert _dates("In 2016 the mission began. In July it expanded.", "2021-06-01")["July"][0] == "2016-07-01"
    text = "In 2016 the mission began.\n\nOn 3 May shares fell."
    assert _dates(text, "2021-06-01")["3 May"][0] == "2021-05-03"  # another paragraph: publication decides
    text = "In 2016 the mission began. It ended in March 2019. In July a review followed."
    assert _dates(text, "2021-06-01")["July"] == ("2019-07-01", "2019-07-31")


def test_the_following_year_counts_from_the_story_not_from_the_writing() -> None:
    text = "The company bought the site in 2013. A design competition launched the following year drew 46 entries."
    assert _dates(text, "2024-05-01")["following year"] == ("2014-01-01", "2014-12-31")
    text = "Reserves fell to $1.9 billion by the end of February 2023, and Carrow cut the rating the following month."
    assert _dates(text, "2023-11-03")["following month"] == ("2023-03-01", "2023-03-31")
    assert _dates("Sales rose in the following year.", "2024-05-01")["following year"][0] == "2025-01-01"  # no story date


@pytest.mark.parametrize("heading", ["2024", "## 2024", "**2024**"])
def test_a_year_alone_on_its_line_dates_the_timeline_below_it(heading: str) -> None:
    text = f"A year on, the timeline.\n\n{heading}\n\nJan 21 – A child flies home.\n\nApr 3 – A patient dies."
    found = _dates(text, "2025-02-14")
    assert found["Jan 21"][0] == "2024-01-21"  # not the January before the writing
    assert found["Apr 3"][0] == "2024-04-03"
    # A year inside a sentence still holds only for its paragraph.
    assert _dates("In 2024 the outbreak began.\n\nJan 21 – A child flies home.", "2025-02-14")["Jan 21"][0] == "2025-01-21"


def test_a_year_that_names_a_record_gives_no_year_to_the_dates_after_it() -> None:
    text = "On 16 August the count passed the 1998 record. On 19 August the quota was raised."
    assert _dates(text, "2022-09-30")["19 August"][0] == "2022-08-19"
    assert _dates("In 1998 the count was low. On 19 August the quota was raised.", "2022-09-30")["19 August"][0] == "1998-08-19"


def test_an_anniversary_piece_retells_the_weeks_after_the_day_it_looks_back_to() -> None:
    text = ("Five years ago this morning, the count came up two men short.\n\n"
            "Sept. 19 - Schools close.\n\nOct. 10 - A motorist spots him.\n\nNov. 3 - The warden retires.\n\n"
            "In June the inquiry reported.")
    found = _dates(text, "2022-09-17")
    assert found["Five years ago this morning"] == ("2017-09-17", "2017-09-17")
    assert [found[q][0] for q in ("Sept. 19", "Oct. 10", "Nov. 3")] == ["2017-09-19", "2017-10-10", "2017-11-03"]
    assert found["June"][0] == "2022-06-01"  # months before the day: the year of writing, as a year on
    # From December into the next January, and no further (January 2025 here, not 2024).
    text = "It's a year ago today that they won.\n\nThe captain retired on December 12, and signed a deal in January."
    found = _dates(text, "2025-11-10")
    assert found["December 12"][0] == "2024-12-12" and found["January"][0] == "2025-01-01"


def test_a_timetable_in_the_present_looks_ahead() -> None:
    # Written on Saturday 27 April 2024: the Monday after, not the one before.
    assert _dates("Regular service begins on Monday, the city said.", "2024-04-27")["on Monday"][0] == "2024-04-29"
    assert _dates("The park plans a public celebration on Tuesday.", "2024-04-27")["on Tuesday"][0] == "2024-04-30"
    assert _dates("Regular service began on Monday, the city said.", "2024-04-27")["on Monday"][0] == "2024-04-22"
    # A closure that runs until a month: that month ahead, not the one behind.
    assert _dates("The Dogger closure runs until the end of April this time.", "2025-01-09")["end of April"][0] == "2025-04-21"
    assert _dates("The Dogger closure ran until the end of April.", "2025-01-09")["end of April"][0] == "2024-04-21"


# (sentence, date of writing, quote, the day it must be): which way a weekday goes from the writing.
# "last" outranks a future marker earlier in the sentence; a schedule, a passive after "will", "is meant
# to" and a present timetable look ahead; a past does not.
WEEKDAY_DIRECTION = (
    ("Customers pulled $1.9 billion over the next 72 hours, and the exchange halted withdrawals last Friday.",
     "2023-06-15", "last Friday", "2023-06-09"),
    ("The judge will rule on it, as she said last Tuesday.", "2023-06-15", "last Tuesday", "2023-06-13"),
    ("The judge has scheduled a first hearing in the case for Friday.", "2023-06-15", "Friday", "2023-06-16"),
    ("The judge held a first hearing in the case on Friday.", "2023-06-15", "on Friday", "2023-06-09"),
    ("The audience award will be announced on Sunday.", "2023-09-23", "on Sunday", "2023-09-24"),
    ("The general sale takes place on Thursday.", "2023-09-23", "on Thursday", "2023-09-28"),
    ("The ban comes into force on Monday.", "2023-09-23", "on Monday", "2023-09-25"),
    ("The seasonal restrictions kick in on Monday, so expect news then.", "2023-09-23", "on Monday", "2023-09-25"),
    ("The new fares kicked in on Monday.", "2023-09-23", "on Monday", "2023-09-18"),
    ("The award was announced on Tuesday.", "2023-09-23", "on Tuesday", "2023-09-19"),
    ("Signing is meant to be on Tuesday, fingers crossed.", "2023-09-23", "on Tuesday", "2023-09-26"),
    ("Offers come out Monday btw", "2023-09-23", "Monday", "2023-09-25"),
    ("The agreed record is to be signed in Brussels on Thursday.", "2024-12-07", "on Thursday", "2024-12-12"),
    ("The highway is not expected to reopen before Friday.", "2023-03-15", "Friday", "2023-03-17"),
    ("Crews said the fire was unlikely to be fully out before Saturday.", "2021-11-19", "Saturday", "2021-11-20"),
    ("Orbis has until Friday to drop the rules.", "2024-09-18", "Friday", "2024-09-20"),
    ("The board has promised outcomes by Friday.", "2024-08-15", "Friday", "2024-08-16"),
    ("The board promised in May that outcomes would come by Friday.", "2024-08-15", "Friday", "2024-08-16"),
)


@pytest.mark.parametrize(("text", "published", "quote", "day"), WEEKDAY_DIRECTION)
def test_the_words_around_a_weekday_set_its_direction(text: str, published: str, quote: str, day: str) -> None:
    assert _dates(text, published)[quote] == (day, day)


def test_a_year_in_an_aside_or_a_since_clause_dates_nothing_after_it() -> None:
    # A club's first year, a buyer's purchase: another thing's past, not the story's year.
    text = ("The club called off the derby on Jan. 26 for the first time since the fishing derby began in 1978. "
            "The event, which had been set for Feb. 10, usually draws 4,000 anglers.")
    assert _dates(text, "2024-03-04")["Feb. 10"][0] == "2024-02-10"
    text = "Corvane, which bought the paper in 2016 as part of a 14-newspaper deal, said it would print its last edition on Sept. 27."
    assert _dates(text, "2024-08-20")["Sept. 27"][0] == "2024-09-27"
    text = "The fishing derby, first held in 1978, would have been the 47th running. It was called off in late January."
    assert _dates(text, "2025-03-02")["late January"][0] == "2025-01-21"
    # A year that does date the story still does.
    assert _dates("The derby began in 1978. It was called off in late January.", "2025-03-02")["late January"][0] == "1978-01-21"


def test_a_past_form_that_is_also_a_participle_says_past_unless_be_or_get_makes_it_passive() -> None:
    # Written on 22 July 2028: the ship that left did so last August, the games to be held are to come.
    assert _dates("Small point: the first ship left at the end of August, not September.", "2028-07-22")[
        "end of August"][0] == "2027-08-21"
    assert _dates("The games will be held in August.", "2028-07-22")["August"][0] == "2028-08-01"
    text = "Laid-off workers get paid through Nov. 17, and the county is holding a job fair Oct. 5 at the hall."
    assert _dates(text, "2022-09-20")["Oct. 5"][0] == "2022-10-05"


def test_an_article_before_a_year_makes_it_no_name() -> None:
    assert _dates("A 1911 painting of a Paris street sold for $5m.", "2024-05-14")["1911"] == ("1911-01-01", "1911-12-31")
    assert _dates("A 2019 city survey found 61% of residents backed it.", "2024-05-14")["2019"][0] == "2019-01-01"
    assert "1500 metre" not in _dates("A 1500 metre race was run.", "2024-05-14")


def test_a_heading_s_year_dates_the_timeline_under_it() -> None:
    text = ("A year ago this month, the festival handed out its prize.\n\nThe 2023 festival, step by step\n\n"
            "12 June - Submissions close for features.\n14 September - The 41st edition opens.")
    found = _dates(text, "2024-09-09")
    assert found["12 June"][0] == "2023-06-12" and found["14 September"][0] == "2023-09-14"
    # A year still to come names what the page is about (a season, a plan), not when its story happened.
    text = "The 2025 quota deal, by the numbers\n\n6. 214 delegates\nTalks ran into the early hours of December 7."
    assert _dates(text, "2024-12-16")["December 7"][0] == "2024-12-07"


def test_a_range_ending_in_a_relative_year_starts_in_it_too() -> None:
    assert _dates("The tour runs from May to September next year.", "2024-09-17")["May to September next year"] == (
        "2025-05-01", "2025-09-30")
    assert _dates("It ran from 4 May to 9 September last year.", "2024-09-17")["4 May to 9 September last year"] == (
        "2023-05-04", "2023-09-09")
    assert _dates("A general public sale remains scheduled for Friday.", "2024-09-17")["Friday"][0] == "2024-09-20"
    text = "Claims closed in November 2023. Payouts start once the plan takes effect, which is expected in late June."
    assert _dates(text, "2024-05-10")["late June"][0] == "2024-06-21"


def test_a_date_stated_in_the_story_an_anniversary_retells_keeps_it_going() -> None:
    text = ("It was a year ago today that she set off east. I followed her tracker in October 2023.\n\n"
            "October 15 - On to Caiguna.\n\nOctober 21 - The crash.")
    found = _dates(text, "2024-10-14")
    assert found["October 15"][0] == "2023-10-15" and found["October 21"][0] == "2023-10-21"


def test_a_post_written_after_the_thread_opened_may_tell_of_days_after_its_publication() -> None:
    text = ("Reply #78 on: March 17, 2027, 08:30:11 AM\ndeltaV_dave (Posts: 873)\n\n"
            "RIP Magpie. Went silent March 16 right at sunset.")
    assert _dates(text, "2027-03-05")["March 16"][0] == "2027-03-16"  # not the March 16 before the thread opened
    assert _dates("RIP Magpie. Went silent March 16 right at sunset.", "2027-03-05")["March 16"][0] == "2026-03-16"


@pytest.mark.parametrize("line", [
    "four days later " * 20_000, "It rained. Four days later " * 10_000, "trading Tuesday " * 20_000,
    "on Christmas " * 20_000, "the third of May " * 20_000, "the worst since July 1927 " * 10_000,
    "her March offer " * 20_000, "Resolutions 1970 and 1973 " * 10_000, "at 1110 UTC 29 August " * 10_000,
])
def test_hostile_date_lines_stay_linear(line: str) -> None:
    started = time.perf_counter()
    claims_in(line, "2021-01-01")
    assert time.perf_counter() - started < 20  # a guard against blow-ups, not a speed target


def test_undated_page_counts_years_from_the_year_it_says_it_is_written_in() -> None:
    text = "Microsoft made headlines earlier in 2022 with the deal.\n\nIt should close early next year."
    assert _dates(text)["early next year"] == ("2023-01-01", "2023-04-30")
    text = "Labour fell from 40% in 2017 to 32.2% this year."  # 2017 is another election, not now
    assert _dates(text)["this year"] == ("None", "None")


@pytest.mark.parametrize("text", ["ſtart 2004", "the very ſtart of 2004", "the ſecond of March 2004", "firſt quarter 2004",
                                  "the ſecond century", "mİddle of 2004"])
def test_words_matched_by_case_folding_are_looked_up(text: str) -> None:
    # (?i:) reads the long s as an "s" and "İ" as an "i": the builders' word tables must too (found by
    # tests/test_prefilter.py's property: a KeyError before).
    assert extract_claims(text)


def test_a_past_event_is_never_placed_after_the_writing() -> None:
    # The year of the date stated before would put the album's April after the post: it is the April before.
    text = "The band plays Auckland on 9 January 2024. The album went in at No. 1 in April."
    assert _dates(text, "2023-12-12")["April"] == ("2023-04-01", "2023-04-30")
    text = "The band played Auckland on 9 January 2022. The album went in at No. 1 in April."
    assert _dates(text, "2023-12-12")["April"] == ("2022-04-01", "2022-04-30")  # before the writing: kept


def test_a_date_said_after_a_plan_is_when_it_was_said() -> None:
    text = "The exhibition will now run until 2 November 2025, the museum said on Thursday."
    assert _dates(text, "2025-02-07")["on Thursday"] == ("2025-02-06", "2025-02-06")


def test_a_passive_plan_stays_ahead() -> None:
    text = "The group is paying a final dividend of 12.4p, and the dividend will be paid on 2 August."
    assert _dates(text, "2024-06-12")["2 August"] == ("2024-08-02", "2024-08-02")


def test_a_part_of_a_month_may_wrap_across_a_line() -> None:
    # Found by Hypothesis (tests/test_properties.py): "the\nmid-February" looked up "the mid".
    assert _dates("It was signed in the\nmid-February rush.", "2024-03-01") == {"mid-February": ("2024-02-11", "2024-02-20")}


@pytest.mark.parametrize(("text", "published", "quote", "day"), [
    # A day of the month alone is in the month of the latest date stated (a forum's "on the 8th")...
    ("The hail came on 7 March 2023. Still remember it was the 8th, the day before my kid's birthday.", "2024-03-20",
     "8th", "2023-03-08"),
    # (a stated month is taken as it is, the month of writing or not),
    ("The online sale opened on May 9 and runs till the 22nd.", "2025-05-12", "22nd", "2025-05-22"),
    # ... else of the writing, or the month before for a past day later than the writing's.
    ("The rocket finally flew on the 14th.", "2024-05-20", "14th", "2024-05-14"),
    ("It was the 28th, I think.", "2019-07-03", "28th", "2019-06-28"),
    # A weekday written with it picks the nearest month where that day is that weekday,
    ("The ship got stuck in the canal on Thursday the 9th.", "2023-11-20", "Thursday the 9th", "2023-11-09"),
    # or that month a year either side (a one-year-on thread retelling the story).
    ("It was definitely Monday the 15th when they closed the airspace.", "2020-04-20", "Monday the 15th", "2019-04-15"),
])
def test_a_day_of_the_month_alone_takes_the_month_the_story_is_in(text: str, published: str, quote: str,
                                                                   day: str) -> None:
    assert _dates(text, published)[quote] == (day, day)


def test_a_day_of_the_month_alone_is_no_end_of_a_range() -> None:
    # "from Monday the 22nd until Friday": two days, each placed on its own, not one range.
    found = _dates("We were out from Monday the 22nd until Friday lunchtime.", "2019-07-30")
    assert found == {"Monday the 22nd": ("2019-07-22", "2019-07-22"), "Friday": ("2019-07-26", "2019-07-26")}


def test_a_month_then_its_day_alone_is_one_date() -> None:
    # "finished back in July, on the 18th": 18 July, one claim, not a month and a day of some month.
    found = _dates("The auction itself finished back in July, on the 18th I think.", "2023-10-05")
    assert found == {"July, on the 18th": ("2023-07-18", "2023-07-18")}


@pytest.mark.parametrize(("sentence", "date", "compared"), context.COMPARED_EXAMPLES)
def test_the_other_side_of_a_comparison_is_told(sentence: str, date: str, compared: bool) -> None:
    # Such a date gives the yearless dates after it no year (extract.place).
    assert context.is_compared(sentence, sentence.index(date)) is compared


@pytest.mark.parametrize(("sentence", "date", "future"), context.FUTURE_EXAMPLES)
def test_a_future_marker_looks_ahead(sentence: str, date: str, future: bool) -> None:
    assert context.future_tense(sentence, sentence.index(date))[0] is future


@pytest.mark.parametrize(("sentence", "date", "reported"), context.REPORTED_EXAMPLES)
def test_a_future_told_in_the_past_is_told(sentence: str, date: str, reported: bool) -> None:
    assert context.future_tense(sentence, sentence.index(date))[1] is reported


def test_a_future_told_in_the_past_counts_from_the_story() -> None:
    text = ("Hauling ended on 19 March 2024.\n\n"
            "On 19 March the company announced that the road would close to all traffic on 21 March.")
    assert _dates(text, "2024-05-14")["21 March"] == ("2024-03-21", "2024-03-21")  # not the 21 March after the writing
    text = "The council said in November 2024 that the bridge would reopen on 4 January."
    assert _dates(text, "2024-11-20")["4 January"] == ("2025-01-04", "2025-01-04")  # still after the story's date


def test_the_second_of_two_years_is_a_year_too() -> None:
    # A plural noun after a number makes it a count ("trained 1500 soldiers"), but not after a year's pair.
    found = _dates("The 2020 and 2021 festivals were cancelled.", "2024-01-01")
    assert found["2020"][0] == "2020-01-01" and found["2021"][0] == "2021-01-01"
    assert _dates("Between 2019 and 2021 prices rose.", "2024-01-01")["2019 and 2021"] == ("2019-01-01", "2021-12-31")


def test_a_flashback_in_an_anniversary_piece_leaves_the_story_s_year() -> None:
    # "had taken" tells a past before the story's: its date does not move the year of what follows.
    text = ("A year ago today the voters of Rushby elected Helen Marsh.\n\n"
            "At the general election of 4 June 2024 Fenwick had taken 45.1% of the vote.\n\n"
            "Marsh was sworn in on 25 March and has since tabled 112 questions.")
    assert _dates(text, "2026-03-20")["25 March"][0] == "2025-03-25"


@pytest.mark.parametrize(("sentence", "date", "past"), context.PAST_EXAMPLES)
def test_past_examples(sentence: str, date: str, past: bool) -> None:
    assert context.is_past(sentence, sentence.index(date)) is past


@pytest.mark.parametrize(("sentence", "date", "ahead"), context.LOOKS_AHEAD_EXAMPLES)
def test_looks_ahead_examples(sentence: str, date: str, ahead: bool) -> None:
    start = sentence.index(date)
    assert context.looks_ahead(sentence, start, start + len(date)) is ahead


@pytest.mark.parametrize(("text", "published", "quote", "day"), [
    # A bare weekday is the coming one where the words look ahead to it...
    ("The state of emergency stays in place until at least Friday.", "2022-02-16", "Friday", "2022-02-18"),
    ("As much as 20 inches of rain could fall through Tuesday.", "2021-09-12", "Tuesday", "2021-09-14"),
    ("Channel 7 says he's holding a presser Tuesday at 10.", "2023-01-21", "Tuesday", "2023-01-24"),
    # ...and "on" is read with the words before it: "is expected on".
    ("The inauguration Mass is expected on Sunday, the Vatican said.", "2041-03-13", "on Sunday", "2041-03-17"),
    # The one before, where a past word stands before or after it.
    ("The plow didn't come down our street until Wednesday.", "2023-02-14", "Wednesday", "2023-02-08"),
    ("By Friday evening it had grown to roughly 100 feet across.", "2019-03-25", "Friday", "2019-03-22"),
    ("Shares in Velora jumped 6% on Thursday.", "2024-02-10", "on Thursday", "2024-02-08"),
])
def test_a_bare_weekday_is_the_coming_one_where_the_words_look_ahead(text: str, published: str, quote: str,
                                                                     day: str) -> None:
    assert _dates(text, published)[quote][0] == day


@pytest.mark.parametrize(("text", "published", "quote", "span"), [
    # A yearless date the story's last year would put months before its last date: the story has moved on.
    ("The jet came down on 2 December 2023.\n\nThe airport regrooved the whole runway in June.", "2024-08-01", "June",
     ("2024-06-01", "2024-06-30")),
    # In the context's own paragraph it goes on with its story.
    ("The jet came down on 2 December 2023, and the airport regrooved the runway in June.", "2024-08-01", "June",
     ("2023-06-01", "2023-06-30")),
    # Within a month before it, it looks back inside the same episode.
    ("AUGUST 29, 2005\nToday is the 10th anniversary.\nOn August 28th, Katrina hit Category 5 status.", "2015-08-29",
     "August 28th", ("2005-08-28", "2005-08-28")),
    # Nor where the writing's year would put it after the writing.
    ("The jet came down on 2 December 2023.\n\nThe airport regrooved the runway in June.", "2024-03-01", "June",
     ("2023-06-01", "2023-06-30")),
])
def test_a_yearless_date_months_before_the_story_s_last_date_is_of_the_writing_s_year(
        text: str, published: str, quote: str, span: tuple[str, str]) -> None:
    assert _dates(text, published)[quote] == span


@pytest.mark.parametrize(("text", "quote", "start"), [
    ("The regulator gave them until 17 March to contact customers.", "17 March", "2023-03-17"),
    ("Owners were told to register by 20 March.", "20 March", "2023-03-20"),
    ("The road was closed until 2 March.", "2 March", "2023-03-02"),  # already behind the writing
    ("The bridge did not open until 12 March.", "12 March", "2022-03-12"),  # it opened then
    ("The regulator gave them until 17 June to contact customers.", "17 June", "2022-06-17"),  # too far ahead
])
def test_a_deadline_just_ahead_of_a_past_verb_is_the_coming_one(text: str, quote: str, start: str) -> None:
    assert _dates(text, "2023-03-09")[quote][0] == start
