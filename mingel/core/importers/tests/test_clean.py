import pytest

from mingel.core.importers.clean import build_record
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
        pytest.param({"name": "x" * 201}, "too_long", id="long-name"),
        pytest.param({"name": "A", "phone": "1" * 51}, "too_long", id="long-phone"),
        pytest.param({"name": "A", "notes": "n" * 10001}, "too_long", id="long-notes"),
        pytest.param({"name": "A", "tags": ["t" * 51]}, "tag_too_long", id="long-tag"),
        pytest.param({"name": "A", "email": "anna at example"}, "bad_email", id="email"),
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


def test_it_refuses_a_date_in_digits_that_are_not_ascii():
    assert build_record(4, name="Anna", met_on="２０２６-03-14").code == "bad_iso_date"
