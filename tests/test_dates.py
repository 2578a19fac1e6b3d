"""Reading date expressions: what a reader of the JSON or the timeline would check.

Every sentence here is written for the test; none is taken from a corpus.
"""

import json
from datetime import date

import pytest

from summarizer import dates
from summarizer.models import Article, DatedEvent
from summarizer.verify import prepared, verify_event

TUESDAY = date(2013, 2, 12)
FRIDAY = date(2025, 11, 7)


def read_all(text, published):
    return [(text[s:e], r.iso if r else None, r.precision if r else None) for s, e, r in dates.find_dates(text, published)]


def one(text, published, tense=None):
    found = dates.find_dates(text, published)
    assert len(found) == 1, found
    s, e, r = found[0]
    return text[s:e], (r.iso, r.precision) if r else None


@pytest.mark.parametrize("phrase, want", [
    ("the day before yesterday", ("2013-02-10", "day")),
    ("the day after tomorrow", ("2013-02-14", "day")),
    ("two weeks ago", ("2013-01-28", "week")),  # a week, not a guessed day
    ("3 days ago", ("2013-02-09", "day")),
    ("a week from Tuesday", ("2013-02-26", "day")),
    ("3 years from today", ("2016-02-12", "day")),
    ("two weeks from now", ("2013-02-25", "week")),
    ("a week ago yesterday", ("2013-02-04", "day")),
    ("the week after next", ("2013-02-25", "week")),
    ("five months ago", ("2012-09", "month")),
    ("a year ago", ("2012", "year")),
    ("last week", ("2013-02-04", "week")),
    ("next month", ("2013-03", "month")),
    ("last year", ("2012", "year")),
    ("last tuesday", ("2013-02-05", "day")),
    ("next Friday", ("2013-02-22", "day")),
    ("this coming Sunday", ("2013-02-17", "day")),
    ("June last year", ("2012-06", "month")),
])
def test_compound_and_counted_phrases_are_read_whole(phrase, want):
    text, got = one(phrase, TUESDAY)
    assert text == phrase and got == want


@pytest.mark.parametrize("phrase", [
    "three days later", "the next day", "the following week", "a few days ago", "more than two years ago",
])
def test_phrases_counted_from_an_unstated_time_are_found_but_left_undated(phrase):
    assert one(phrase, TUESDAY) == (phrase, None)


def test_a_past_tense_weekday_equal_to_the_publication_weekday_is_that_day():
    text = "The harbour master resigned on Friday after a week of protests."
    assert read_all(text, FRIDAY) == [("on Friday", "2025-11-07", "day")]
    text = "The harbour master will resign on Friday, her office said."
    assert read_all(text, FRIDAY) == [("on Friday", "2025-11-07", "day")]
    text = "The harbour master will resign next Friday."
    assert read_all(text, FRIDAY) == [("next Friday", "2025-11-14", "day")]


def test_the_tense_is_read_in_the_dates_own_sentence_not_the_next():
    text = "The council met on Tuesday. It will vote on the budget in December."
    got = read_all(text, date(2025, 11, 7))
    assert got[0] == ("on Tuesday", "2025-11-04", "day")
    assert got[1] == ("December", "2025-12", "month")


def test_a_reporting_verb_before_that_does_not_set_the_tense_of_what_follows():
    text = "The mayor said on Monday that the bridge will reopen on Thursday."
    assert read_all(text, date(2025, 11, 5)) == [("on Monday", "2025-11-03", "day"), ("on Thursday", "2025-11-06", "day")]


def test_dates_without_a_year_lie_near_publication():
    oct30 = date(1995, 10, 30)
    # a coming deadline reported in the past tense is not the one a year ago
    assert read_all("The bid was extended to Nov. 16.", oct30) == [("Nov. 16", "1995-11-16", "day")]
    assert read_all("The dividend is payable Dec. 7 to holders of record.", oct30) == [("Dec. 7", "1995-12-07", "day")]
    # narration of the past stays in the past
    assert read_all("She stepped down in March for health reasons.", oct30) == [("March", "1995-03", "month")]
    assert read_all("In the year ended Jan. 31, sales rose.", oct30) == [("Jan. 31", "1995-01-31", "day")]
    assert read_all("The plant reopened last June.", oct30) == [("last June", "1995-06", "month")]


def test_a_weekday_beside_a_date_picks_the_year_it_fits():
    # 25 April is a Saturday in 2026, not in 2025
    assert read_all("The editorial appeared on Saturday, April 25.", date(2026, 1, 20)) == [
        ("Saturday, April 25", "2026-04-25", "day")]


def test_repeated_phrases_keep_their_own_offsets():
    text = "Talks opened on Monday. Nothing was agreed.\n\nThe envoy flew home on Monday."
    found = dates.find_dates(text, date(2025, 3, 5))
    assert [text[s:e] for s, e, _ in found] == ["on Monday", "on Monday"]
    assert found[0][0] == text.index("on Monday") and found[1][0] == text.rindex("on Monday")


def test_undated_articles_keep_absolute_dates_only():
    text = "The treaty was signed on 4 March 2019 and amended last year."
    assert read_all(text, None) == [("4 March 2019", "2019-03-04", "day"), ("last year", None, None)]


@pytest.mark.parametrize("text", [
    "About 2000 troops crossed the river.",
    "The ticket cost $1999 in total.",
    "Officials may decide soon.",
    "March with us, the organisers urged.",
    "June Okafor chaired the meeting.",
])
def test_words_and_numbers_that_only_look_like_dates_are_not_dates(text):
    assert dates.find_dates(text, TUESDAY) == []


def test_spoken_years_and_modified_months():
    assert read_all("Rates were cut in nineteen ninety-six.", TUESDAY) == [("nineteen ninety-six", "1996", "year")]
    assert read_all("Results are due in mid-November.", date(1995, 10, 27)) == [("mid-November", "1995-11", "month")]
    assert read_all("Exports fell until Dec. 31, 1994.", TUESDAY) == [("Dec. 31, 1994", "1994-12-31", "day")]


def test_the_verifier_locates_an_events_date_in_the_events_own_sentence():
    text = ("The minister met union leaders on Monday.\n\n"
            "A second round of talks will be held on Monday in the capital, the ministry said.")
    src = prepared(text, [])
    event = DatedEvent(date_text="on Monday", date="2025-03-10", precision="day",
                       event="A second round of talks will be held in the capital.")
    verification, fields = verify_event(src, event, "2025-03-05")
    assert verification.start == text.rindex("on Monday")
    assert fields["date"] == "2025-03-10" and fields["future"] and not verification.flagged
    first = DatedEvent(date_text="on Monday", date="2025-03-03", precision="day", event="The minister met union leaders.")
    verification, fields = verify_event(src, first, "2025-03-05")
    assert verification.start == text.index("on Monday") and fields["date"] == "2025-03-03"


def test_every_date_expression_is_in_the_json(tmp_path):
    from click.testing import CliRunner

    from summarizer.cli import main

    text = ("Published: 5 March 2025\n\nThe port reopened on Monday, two weeks after the strike began.\n\n"
            "Dockers said on Monday they would meet again three days later.")
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "text": text, "published": "2025-03-05"}) + "\n")
    res = CliRunner().invoke(main, ["summarize", str(tmp_path / "a.jsonl"), "--extractor", "rules", "--format", "json",
                                    "--no-cache"])
    assert res.exit_code == 0, res.output
    got = json.loads(res.stdout)["articles"][0]["dates"]
    assert [(d["text"], d["value"], d["precision"]) for d in got] == [
        ("5 March 2025", "2025-03-05", "day"),
        ("on Monday", "2025-03-03", "day"),
        ("two weeks after", None, None),
        ("on Monday", "2025-03-03", "day"),
        ("three days later", None, None),
    ]
    assert [text[d["start"]:d["end"]] for d in got] == [d["text"] for d in got]
    assert got[1]["start"] != got[3]["start"]


# Holidays, weekdays counted in a month or in a row, and a day of a month named by its distance.
@pytest.mark.parametrize("phrase, want", [
    ("last Christmas", ("2024-12-25", "day")),
    ("next Easter", ("2026-04-05", "day")),  # the computus, not a table of years
    ("Good Friday 2024", ("2024-03-29", "day")),
    ("this Thanksgiving", ("2025-11-27", "day")),  # the fourth Thursday of November
    ("last labor day", ("2025-09-01", "day")),  # a direction word makes a lower-case name a date
    ("New Year’s Eve", ("2025-12-31", "day")),  # a curly apostrophe
    ("the second Tuesday in March 2026", ("2026-03-10", "day")),
    ("the last Friday of October", ("2025-10-31", "day")),
    ("the first Monday of next month", ("2025-12-01", "day")),
    ("three Fridays from now", ("2025-11-28", "day")),  # on a Friday: the next three, today not counted
    ("2 Thursdays ago", ("2025-10-30", "day")),
    ("the 20th of next month", ("2025-12-20", "day")),
    ("Friday after next", ("2025-11-21", "day")),  # the one after the coming Friday
    ("this yr", ("2025", "year")),
    ("the 3rd of the following month", ("2025-12-03", "day")),
    ("the 20th of the previous month", ("2025-10-20", "day")),
    ("Thanksgiving two years ago", ("2023-11-23", "day")),  # that holiday in that year
    ("Christmas 3 years from now", ("2028-12-25", "day")),
])
def test_holidays_and_counted_weekdays_are_read_against_the_publication_day(phrase, want):
    text, got = one(phrase, FRIDAY)
    assert text == phrase and got == want


def test_a_holiday_inside_another_name_or_in_lower_case_prose_is_no_date():
    assert read_all("Flights to Christmas Island resumed.", FRIDAY) == []
    assert read_all("The Easter Rising is taught in schools.", FRIDAY) == []
    assert read_all("She said thanksgiving was owed to the volunteers.", FRIDAY) == []


def test_a_holiday_in_a_past_tense_sentence_is_the_last_one():
    text = "The ferry sank at Easter, the coastguard said."
    assert read_all(text, date(2025, 11, 7)) == [("Easter", "2025-04-20", "day")]


# The tense of a date's own clause, and periods ending at publication (moved from test_merge.py).
def test_a_date_takes_the_tense_of_its_own_clause():
    from datetime import date

    from summarizer import dates

    text = "The minister said on Tuesday that the plan will cost more. She will travel to Rome on Friday."
    published = date(2024, 3, 7)  # a Thursday
    tuesday = text.index("on Tuesday")
    friday = text.index("on Friday")
    past = dates.looks_future(dates.clause_around(text, tuesday, tuesday + 10))
    ahead = dates.looks_future(dates.clause_around(text, friday, friday + 9))
    assert dates.resolve("on Tuesday", published, future=past).iso == "2024-03-05"  # not the next Tuesday
    assert dates.resolve("on Friday", published, future=ahead).iso == "2024-03-08"


def test_periods_end_at_publication():
    from datetime import date

    from summarizer import dates

    published = date(2024, 6, 19)
    assert dates.resolve_period("Recently", published) == (None, dates.Resolved("2024-06-19", "day"))
    start, end = dates.resolve_period("over the past year", published)
    assert (start.iso, end.iso) == ("2023-06", "2024-06")
    assert dates.resolve_period("over the past year", None) is None  # undated article: nothing
    assert dates.resolve_period("last year", published) is None  # a date, not a period


def test_the_next_day_is_narration_not_the_future():
    from summarizer import dates

    assert not dates.looks_future("The cars travelled on Nov. 18 and returned the next day.")
    assert dates.looks_future("He will decide next week.")


def test_since_a_month_is_a_stretch_and_expected_to_looks_forward():
    from datetime import date

    from summarizer import dates

    start, end = dates.resolve_period("since January", date(2025, 4, 3))
    assert (start.iso, end.iso) == ("2025-01", "2025-04")
    assert dates.resolve_period("since November", date(2025, 4, 3))[0].iso == "2024-11"
    assert dates.looks_future("The ambassador is expected to leave on Saturday.")


def test_every_holiday_name_reads_with_or_without_its_apostrophes_and_full_stops():
    from summarizer.date_phrases import HOLIDAYS

    for name, rule in HOLIDAYS.items():
        for form in {name, name.replace("'", ""), name.replace(".", ""), name.replace("'", "’")}:
            expr = dates.parse("last " + form)
            assert expr is not None and expr.kind == "holiday" and expr.unit == rule, form


def test_a_bare_month_in_past_narration_that_is_next_month_is_next_month():
    """Written on 30 October, "orders placed for November delivery" is the coming November, not eleven
    months back; "in March" in the same past narration stays the March before."""
    from datetime import date

    from summarizer.dates import Expr, read

    pub = date(2025, 10, 30)
    assert read(Expr("month", m=11), pub, "past", target=False).iso == "2025-11"
    assert read(Expr("month", m=3), pub, "past", target=False).iso == "2025-03"


def test_a_typewriter_quotation_mark_ends_the_clause_of_a_date():
    """"Roe on Monday ``We will ...''": the quotation's "will" is not in the clause of "on Monday"."""
    from summarizer.date_tense import clause_around

    text = "Ana Roe on Monday ``We will rebuild the pier within the year.''"
    i = text.index("on Monday")
    assert "will" not in clause_around(text, i, i + len("on Monday"))
