"""Dates people read, per language: "1 dec. 2026" and "1 Dec 2026", lower-case Swedish
months, "i dag" in two words; never an ISO date in running text."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone, translation
from django.utils.formats import date_format

from mingel.web.templatetags import mingel_dates as dates

DEC_1 = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        pytest.param("sv", DEC_1, "1 dec. 2026", id="sv-december"),
        pytest.param("en", DEC_1, "1 Dec 2026", id="en-december"),
        pytest.param("sv", dt.date(2026, 5, 15), "15 maj 2026", id="sv-may-not-capitalised"),
        pytest.param("sv", dt.date(2025, 10, 15), "15 okt. 2025", id="sv-october"),
        pytest.param("sv", dt.date(2026, 3, 2), "2 mars 2026", id="sv-march-in-full"),
        pytest.param("en", dt.date(2026, 6, 30), "30 Jun 2026", id="en-june"),
    ],
)
def test_day_writes_the_date_the_language_s_way(lang, value, expected):
    with translation.override(lang):
        assert dates.day(value) == expected


def test_the_short_forms_and_a_moment():
    moment = dt.datetime(2026, 12, 1, 13, 5, tzinfo=dt.UTC)
    with translation.override("sv"), timezone.override("Europe/Stockholm"):
        assert dates.day_month(DEC_1) == "1 dec."
        assert dates.short_month(dt.date(2026, 10, 1)) == "okt."
        assert dates.day_time(moment) == "1 dec. 2026 kl. 14:05"
    with translation.override("en"), timezone.override("Europe/Stockholm"):
        assert dates.day_month(DEC_1) == "1 Dec"
        assert dates.day_time(moment) == "1 Dec 2026, 14:05"


@time_machine.travel(dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC), tick=False)
@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        pytest.param("sv", DEC_1, "i dag", id="sv-today"),
        pytest.param("sv", dt.date(2026, 11, 30), "i går", id="sv-yesterday"),
        pytest.param("sv", dt.date(2026, 12, 2), "i morgon", id="sv-tomorrow"),
        pytest.param("sv", dt.date(2026, 11, 20), "20 nov. 2026", id="sv-earlier"),
        pytest.param("en", DEC_1, "today", id="en-today"),
        pytest.param("en", dt.date(2026, 11, 20), "20 Nov 2026", id="en-earlier"),
    ],
)
def test_natural_says_today_yesterday_tomorrow_else_the_day(lang, value, expected):
    with translation.override(lang):
        assert dates.natural(value) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [pytest.param("sv", "1 dec 2026", id="sv"), pytest.param("en", "1 Dec 2026", id="en")],
)
def test_django_s_short_date_format_is_no_iso_date(lang, expected):
    with translation.override(lang):
        assert date_format(DEC_1, "SHORT_DATE_FORMAT") == expected


def test_anything_else_renders_empty():
    assert dates.day(None) == dates.natural("") == dates.day_month("x") == ""
