"""Date forms counted from another date or naming a part of a period, read as a reader would check them.

Every phrase and sentence here is written for the test; none is taken from a corpus.
"""

from datetime import date

import pytest

from summarizer import dates

TUESDAY = date(2013, 2, 12)
OCTOBER = date(1999, 10, 20)  # a Wednesday


def found(text, published):
    return [(text[s:e], (r.iso, r.precision) if r else None) for s, e, r in dates.find_dates(text, published)]


@pytest.mark.parametrize("phrase, want", [
    ("the second Tuesday after Christmas 2014", ("2015-01-06", "day")),
    ("the first Monday after Easter 2013", ("2013-04-01", "day")),
    ("the Friday before Christmas 2012", ("2012-12-21", "day")),
    ("the last Sunday before New Year's Day 2013", ("2012-12-30", "day")),
    ("the Thursday after March 4, 2013", ("2013-03-07", "day")),
])
def test_a_weekday_counted_from_a_named_day_is_read_whole(phrase, want):
    assert found(phrase, TUESDAY) == [(phrase, want)]


def test_a_weekday_after_a_day_that_is_that_weekday_is_the_next_one():
    # 2013-03-04 is a Monday: "the Monday after" it is a week on, not the day itself
    assert found("the Monday after March 4, 2013", TUESDAY) == [("the Monday after March 4, 2013", ("2013-03-11", "day"))]


def test_a_weekday_before_a_possessive_date_is_not_counted_from_it():
    got = found("The vote came Tuesday after Christmas Eve's truce.", TUESDAY)
    assert ("Tuesday after Christmas Eve", ("2012-12-25", "day")) not in got


def test_a_count_of_days_from_a_holiday_is_read_from_that_holiday():
    assert found("Shops reopened two days after Christmas.", TUESDAY) == [("two days after Christmas", ("2012-12-27", "day"))]


@pytest.mark.parametrize("phrase, want", [
    ("upcoming two months", ("2013-04", "month")),
    ("the coming three weeks", ("2013-03-04", "week")),
    ("two upcoming years", ("2015", "year")),
])
def test_a_count_of_coming_units_names_the_last_of_them(phrase, want):
    assert found(phrase, TUESDAY) == [(phrase, want)]


@pytest.mark.parametrize("text, phrase", [
    ("Prices will rise over the coming two months.", "the coming two months"),
    ("Talks will continue during the upcoming three weeks.", "the upcoming three weeks"),
])
def test_a_stretch_of_coming_units_is_found_but_not_a_date(text, phrase):
    assert found(text, TUESDAY) == [(phrase, None)]


@pytest.mark.parametrize("phrase, want", [
    ("the third week of last month", ("2013-01-14", "week")),
    ("the first week of next month", ("2013-03-04", "week")),  # March 2013 starts on a Friday: its first Thursday is the 7th
    ("the last week of January 2013", ("2013-01-28", "week")),
    ("the second week of March 2013", ("2013-03-11", "week")),
])
def test_a_numbered_week_of_a_month_is_the_week_holding_that_thursday(phrase, want):
    assert found(phrase, TUESDAY) == [(phrase, want)]


def test_the_last_week_of_a_month_is_not_last_week():
    got = found("Sales fell in the last week of January 2013.", TUESDAY)
    assert got == [("the last week of January 2013", ("2013-01-28", "week"))]


def test_a_boss_day_is_a_fixed_day():
    assert found("next Boss's Day", TUESDAY) == [("next Boss's Day", ("2013-10-16", "day"))]


@pytest.mark.parametrize("text, want", [
    ("No charges are planned at this time.", ("2013-02-12", "day")),
    ("At this time there is no plan to close the road.", ("2013-02-12", "day")),
])
def test_at_this_time_in_the_present_is_the_publication_day(text, want):
    assert [w for _, w in found(text, TUESDAY)] == [want]


def test_at_this_time_in_a_past_story_is_not_the_publication_day():
    assert [w for _, w in found("At this time he was living abroad.", TUESDAY)] == [None]


def test_at_this_time_of_year_is_no_date():
    assert found("Roads are busy at this time of year.", TUESDAY) == []


@pytest.mark.parametrize("text, want", [
    ("The deal should close by year-end.", ("1999", "year")),
    ("The company expects to hire 200 people by year end.", ("1999", "year")),
    ("The index has risen 12% since year-end.", ("1998", "year")),
    ("At year-end the bank had $3 billion in deposits.", ("1998", "year")),
    ("The plant will reopen by the end of the month.", ("1999-10", "month")),
])
def test_the_end_of_a_year_or_month_is_read_at_that_unit(text, want):
    assert [w for _, w in found(text, OCTOBER)] == [want]


def test_the_end_of_the_year_in_a_past_story_may_be_the_story_s_year():
    assert [w for _, w in found("In 1995 he moved abroad, and by the end of the year he had left.", OCTOBER)][-1] is None


def test_a_year_end_adjective_is_no_date():
    assert found("Staff received a year-end bonus.", OCTOBER) == []
