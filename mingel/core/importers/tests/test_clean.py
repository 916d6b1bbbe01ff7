import datetime as dt

import pytest

from mingel.core.importers.clean import (
    DAY_FIRST,
    MONTH_FIRST,
    build_record,
    date_order,
    sheet_date,
)
from mingel.core.importers.model import Record, RowError


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("=) glad to meet", id="smiley"),
        pytest.param("=SUM(A1:A9)", id="sum"),
        pytest.param('=HYPERLINK("http://evil.example","x")', id="hyperlink"),
        pytest.param("@SUM(A1:A9)", id="at-call"),
        pytest.param("-IMPORTXML(A1)", id="minus-call"),
        pytest.param("+46 70 123 45 67", id="phone"),
    ],
)
def test_it_keeps_text_that_looks_like_a_formula_as_text(text):
    """Mingel never evaluates a value; its CSV export neutralises such a cell."""
    record = build_record(3, name=text, company=text, notes=text, tags=[text])
    assert isinstance(record, Record)
    assert (record.name, record.company, record.notes, record.tags) == (text, text, text, (text,))
    with_event = build_record(3, name="Anna", event_name=text, event_date="2026-03-14")
    assert with_event.event.name == text


def test_it_cleans_values():
    record = build_record(
        1,
        name="  Anna\x00\tBerg \r\n",
        email=" Anna@Example.COM ",
        linkedin_url="se.linkedin.com/in/anna",
        notes="one\r\ntwo\x07  \n",
        tags=["Data", "data", " ", "Fika "],
    )
    assert record == Record(
        line=1,
        name="Anna Berg",
        email="anna@example.com",
        linkedin_url="https://se.linkedin.com/in/anna",
        notes="one\ntwo",
        tags=("Data", "Fika"),
    )


@pytest.mark.parametrize(
    "fields, code",
    [
        pytest.param({"name": " "}, "no_name", id="no-name"),
        pytest.param({"name": " ", "phone": "070-123 45 67"}, "no_name", id="phone-only"),
        pytest.param({"name": "x" * 201}, "too_long", id="long-name"),
        pytest.param({"name": "A", "phone": "1" * 51}, "too_long", id="long-phone"),
        pytest.param({"name": "A", "notes": "n" * 10001}, "too_long", id="long-notes"),
        pytest.param({"name": "A", "tags": ["t" * 51]}, "tag_too_long", id="long-tag"),
        pytest.param({"name": "A", "linkedin_url": "https://example.com/in/a"}, "bad_linkedin"),
    ],
)
def test_it_says_why_a_row_cannot_be_a_contact(fields, code):
    assert build_record(7, **fields).code == code


@pytest.mark.parametrize("value", ["²", "①", "١٢", "３０", "3O"])
def test_it_refuses_an_interval_in_anything_but_ascii_digits(value):
    """str.isdigit() takes "²" and "①", and int() then raises: an HTTP 500 on the preview."""
    error = build_record(4, name="Anna", keep_in_touch_days=value)
    assert error == RowError(4, "bad_interval", {"value": value, "low": 1, "high": 3650})
    assert build_record(4, name="Anna", keep_in_touch_days=" 30\n").keep_in_touch_days == 30


def test_a_date_in_digits_that_are_not_ascii_goes_to_the_notes():
    record = build_record(4, name="Anna", met_on="２０２６-03-14")
    assert (record.met_on, record.notes) == (None, "２０２６-03-14")
    assert [w.code for w in record.warnings] == ["date_to_notes"]


@pytest.mark.parametrize(
    "text, order, expected",
    [
        pytest.param("2026-03-14", None, dt.date(2026, 3, 14), id="iso"),
        pytest.param("20260314", None, dt.date(2026, 3, 14), id="iso-compact"),
        pytest.param("2026-03-14 00:00", None, dt.date(2026, 3, 14), id="iso-with-time"),
        pytest.param("2026-03-14T09:30:00", None, dt.date(2026, 3, 14), id="iso-t-time"),
        pytest.param("2026/3/14", None, dt.date(2026, 3, 14), id="year-first-slashes"),
        pytest.param("3/14/2026", None, dt.date(2026, 3, 14), id="us"),
        pytest.param("14/03/2026", None, dt.date(2026, 3, 14), id="uk"),
        pytest.param("14.3.2026", None, dt.date(2026, 3, 14), id="dots"),
        pytest.param("14.3.2026 0:00:00", None, dt.date(2026, 3, 14), id="dots-with-time"),
        pytest.param("3.4.2026", None, dt.date(2026, 4, 3), id="dots-are-day-first"),
        pytest.param("3/4/2026", None, None, id="could-be-two"),
        pytest.param("3/4/2026", DAY_FIRST, dt.date(2026, 4, 3), id="day-first-file"),
        pytest.param("3/4/2026", MONTH_FIRST, dt.date(2026, 3, 4), id="month-first-file"),
        pytest.param("4/4/2026", None, dt.date(2026, 4, 4), id="same-either-way"),
        pytest.param("14/14/2026", None, None, id="no-such-month"),
        pytest.param("3/4/26", DAY_FIRST, None, id="two-digit-year"),
        pytest.param("31 Feb 2024", None, None, id="words"),
    ],
)
def test_it_reads_the_dates_spreadsheets_write(text, order, expected):
    assert sheet_date(text, order) == expected


@pytest.mark.parametrize(
    "values, semicolons, expected",
    [
        pytest.param(["3/4/2026", "14/3/2026"], False, DAY_FIRST, id="a-day-over-12"),
        pytest.param(["3/4/2026", "3/14/2026"], False, MONTH_FIRST, id="a-month-under-day"),
        pytest.param(["3/4/2026", "5/6/2026"], False, None, id="nothing-says"),
        pytest.param(["3/4/2026", "5/6/2026"], True, DAY_FIRST, id="swedish-excel"),
        pytest.param(["14/3/2026", "3/14/2026"], False, None, id="both-say"),
        pytest.param(["3/14/2026"], True, MONTH_FIRST, id="rows-beat-the-delimiter"),
    ],
)
def test_the_files_own_rows_say_which_way_its_dates_go(values, semicolons, expected):
    assert date_order(values, semicolons=semicolons) == expected


def test_text_that_cannot_be_stored_is_a_row_error_naming_the_field():
    from mingel.core.importers.clean import build_record
    from mingel.core.importers.model import RowError

    assert build_record(3, name="Ada", company="Ac\ud800me") == RowError(
        3, "bad_text", {"field": "company", "problem": "surrogate"}
    )
    assert build_record(4, name="Ada", tags=["ok", "x\udfff"]) == RowError(
        4, "bad_text", {"field": "tags", "problem": "surrogate"}
    )
    # Control characters are dropped from imported text (as before): nothing to refuse.
    assert build_record(5, name="A\x00da").name == "Ada"


@pytest.mark.parametrize(
    "value, email",
    [
        pytest.param("<anna@example.se>", "anna@example.se", id="brackets"),
        pytest.param("anna@example.com,", "anna@example.com", id="trailing-comma"),
        pytest.param("mailto:anna@example.se", "anna@example.se", id="mailto"),
        pytest.param("Anna Berg <Anna@Example.se>", "anna@example.se", id="name-and-address"),
    ],
)
def test_it_cleans_the_trivial_email_cells(value, email):
    record = build_record(3, name="Anna", email=value)
    assert (record.email, record.notes, record.warnings) == (email, "", ())


def test_an_email_cell_with_no_address_goes_to_the_notes_with_a_warning():
    record = build_record(3, name="Anna", email="anna at example", notes="Fika")
    assert (record.email, record.notes) == ("", "Fika\n\nanna at example")
    assert record.warnings == (RowError(3, "email_to_notes", {"value": "anna at example"}),)
