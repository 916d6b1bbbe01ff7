import datetime as dt

import pytest

from mingel.core.importers import csvfile, vcard
from mingel.core.importers.model import EventRef, FileError, Record, RowError


def test_it_reads_a_swedish_excel_export(fixture_path):
    path = fixture_path("kontakter_excel_sv.csv")
    layout = csvfile.layout(path)
    assert (layout.encoding, layout.delimiter) == ("cp1252", ";")
    assert layout.headers[1] == "Företag"
    mapping = csvfile.guess_mapping(layout.headers)
    assert mapping == {
        "name": 0,
        "company": 1,
        "role": 2,
        "email": 3,
        "phone": 4,
        "tags": 5,
        "notes": 6,
    }
    karin, goran, nameless = csvfile.parse(path, layout, mapping)
    assert (karin.name, karin.company, karin.tags) == (
        "Karin Månsson",
        "Sveriges Radio",
        ("Media", "Stockholm"),
    )
    assert goran.notes == "Gillar Rust; vill höras i vinter"
    # A row with a company and nothing else is named after the company (as a vCard is).
    assert (nameless.line, nameless.name, nameless.company) == (4, "Ingen AB", "Ingen AB")


def test_it_reads_an_outlook_export_with_bom_and_multiline_notes(fixture_path):
    path = fixture_path("outlook_contacts.csv")
    layout = csvfile.layout(path)
    assert (layout.encoding, layout.delimiter) == ("utf-8-sig", ",")
    mapping = csvfile.guess_mapping(layout.headers)
    assert {"first_name", "last_name", "company", "role", "email", "phone", "notes", "tags"} == set(
        mapping
    )
    linnea, tom, again = csvfile.parse(path, layout, mapping)
    assert linnea.name == "Linnea Sjöberg"
    assert linnea.notes == "Met at Data Innovation Summit.\nFollow up on forecasting."
    assert linnea.tags == ("Data", "Summit")
    assert (tom.line, again.line) == (4, 5)


def test_it_reads_tabs(fixture_path):
    path = fixture_path("tabs.tsv")
    layout = csvfile.layout(path)
    assert layout.delimiter == "\t"
    maria, peter = csvfile.parse(path, layout, csvfile.guess_mapping(layout.headers))
    assert maria.linkedin_url == "https://www.linkedin.com/in/marialopez"
    # "not-an-email" costs Peter nothing but the email: it is in his notes, with a warning.
    assert (peter.email, peter.notes) == ("", "not-an-email")
    assert peter.warnings == (RowError(3, "email_to_notes", {"value": "not-an-email"}),)


@pytest.mark.parametrize(
    "headers, expected",
    [
        pytest.param(["Förnamn", "Efternamn", "E-post"], {"first_name", "last_name", "email"}),
        pytest.param(["NAMN", " företag ", "Mobil"], {"name", "company", "phone"}),
        pytest.param(
            ["Full name", "Organization", "Title", "LinkedIn"],
            {"name", "company", "role", "linkedin_url"},
        ),
        pytest.param(
            ["Given Name", "Family Name", "E-mail 1 - Value", "Group Membership"],
            {"first_name", "last_name", "email", "tags"},
        ),
        pytest.param(["Befattning", "Anteckningar", "Etiketter"], {"role", "notes", "tags"}),
        pytest.param(["Favourite colour"], set()),
    ],
)  # fmt: skip
def test_it_guesses_common_swedish_and_english_headers(headers, expected):
    assert set(csvfile.guess_mapping(headers)) == expected


def test_the_first_matching_column_wins():
    assert csvfile.guess_mapping(["E-post", "Email"]) == {"email": 0}


def test_a_mapping_needs_a_name():
    assert csvfile.mapping_problem({"email": 0}) == "no_name_column"
    assert csvfile.mapping_problem({"last_name": 0}) == ""
    with pytest.raises(ValueError):
        list(csvfile.parse(None, None, {"email": 0}))


@pytest.mark.parametrize(
    "line, delimiter",
    [("a,b;c", ","), ("a;b;c,d", ";"), ("a\tb\tc", "\t"), ("single", ",")],
)
def test_it_picks_the_delimiter_the_header_uses_most(line, delimiter):
    assert csvfile.sniff_delimiter(line) == delimiter


def test_an_empty_file_has_no_header(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("\n\n")
    with pytest.raises(FileError) as info:
        csvfile.layout(path)
    assert info.value.code == "no_header"


def test_google_labels_become_tags_without_the_system_group(tmp_path):
    path = tmp_path / "google.csv"
    path.write_text("Name,Labels\nAnna,* myContacts ::: Friends ::: Work\n")
    layout = csvfile.layout(path)
    (anna,) = csvfile.parse(path, layout, {"name": 0, "tags": 1})
    assert isinstance(anna, Record) and anna.tags == ("Friends", "Work")


def test_the_layout_keeps_the_first_values_of_each_column(fixture_path):
    lay = csvfile.layout(fixture_path("kontakter_excel_sv.csv"))
    assert lay.samples[0] == ("Karin Månsson", "Göran Ödman")
    assert lay.samples[1] == ("Sveriges Radio", "Scania AB", "Ingen AB")
    assert lay.samples[3] == ("karin.mansson@example.se",)


def test_a_broken_row_ends_the_samples_not_the_upload(tmp_path):
    path = tmp_path / "broken.csv"
    path.write_text('Name,Notes\nAda,fine\nBo,"never closed\n', encoding="utf-8")
    lay = csvfile.layout(path)
    assert lay.headers == ("Name", "Notes") and lay.samples == (("Ada",), ("fine",))


def test_mingels_excel_file_in_swedish_comes_back_whole(fixture_path):
    path = fixture_path("mingel_excel_semicolons_sv.csv")
    lay = csvfile.layout(path)
    assert lay.delimiter == ";"
    mapping = csvfile.guess_mapping(lay.headers)
    assert "Senaste kontakt" not in [lay.headers[i] for i in mapping.values()]
    asa, eve, cia = csvfile.parse(path, lay, mapping)
    assert asa == Record(
        line=2,
        name="Åsa Öberg, PhD",
        company="Fika; Kod AB",
        role="Backend-utvecklare",
        email="asa.oberg@example.se",
        phone="+46 70-123 45 67",
        linkedin_url="https://www.linkedin.com/in/asa-oberg",
        notes="Rad ett; med semikolon\nRad två",
        tags=("Rust", "kaffe och te"),
        met_on=dt.date(2026, 3, 12),
        where_met="Foajén, Kista",
        talked_about="Rust, Go; och C\\C++.\nHon tipsade om böcker",
        keep_in_touch_days=45,
        event=EventRef(name="Mingel i Kista", date=dt.date(2026, 3, 12)),
    )
    # Mingel's own export: its apostrophe comes off, and the text under it is kept as text.
    assert eve.notes == '=HYPERLINK("http://evil.example","klicka")'
    assert csvfile.is_mingel_export(lay.headers)
    assert cia.notes == "-- ring efter lunch"


def test_mingels_export_with_formula_like_text_comes_back_as_text(fixture_path):
    path = fixture_path("mingel_export_en_formula_like_text.csv")
    lay = csvfile.layout(path)
    assert csvfile.is_mingel_export(lay.headers)
    (row,) = csvfile.parse(path, lay, csvfile.guess_mapping(lay.headers))
    assert isinstance(row, Record)
    assert (row.name, row.company, row.phone) == ("=) glad", "=SUM(A1:A3)", "+46 70 123 45 67")
    assert (row.talked_about, row.notes, row.tags) == ("-- ring", "@anna", ("=x", "y"))


def test_an_apostrophe_in_someone_elses_csv_is_theirs(fixture_path):
    path = fixture_path("spreadsheet_own_apostrophes.csv")
    lay = csvfile.layout(path)
    assert not csvfile.is_mingel_export(lay.headers)
    first, second = csvfile.parse(path, lay, {"name": 0, "notes": 1})
    assert (first.name, first.notes) == ("'=) glad", "'-- ring")
    assert second.notes == "'quoted'"


def read(path):
    lay = csvfile.layout(path)
    return list(csvfile.parse(path, lay, csvfile.guess_mapping(lay.headers)))


def test_excel_in_us_english_dates_are_month_first_by_the_files_own_rows(fixture_path):
    anna, bo, cia = read(fixture_path("excel_en_us_month_first_dates.csv"))
    assert anna.met_on == dt.date(2026, 3, 14)
    assert bo.met_on == dt.date(2026, 4, 3)  # 14 cannot be a month, so 4/3 is April 3
    assert cia.met_on == dt.date(2026, 3, 14)
    assert not (anna.warnings or bo.warnings or cia.warnings)


def test_excel_in_british_english_dates_are_day_first_by_the_files_own_rows(fixture_path):
    anna, bo = read(fixture_path("excel_en_gb_day_first_dates.csv"))
    assert (anna.met_on, bo.met_on) == (dt.date(2026, 3, 14), dt.date(2026, 4, 3))


def test_excel_in_swedish_dates_are_day_first(fixture_path):
    """A semicolon file comes from a day-first Excel; a dotted date is always day-first."""
    asa, bo, cia = read(fixture_path("excel_sv_semicolons_day_first_dates.csv"))
    assert asa.met_on == dt.date(2026, 3, 14)
    assert bo.met_on == dt.date(2026, 4, 3)
    assert cia.met_on == dt.date(2026, 3, 14)


def test_a_date_that_could_be_two_keeps_the_row_and_goes_to_the_notes(fixture_path):
    anna, bo, cia, dan = read(fixture_path("excel_comma_dates_that_could_be_two.csv"))
    assert isinstance(anna, Record) and anna.met_on is None
    assert anna.notes == "Likes padel\n\n3/4/2026"
    assert anna.warnings == (
        RowError(2, "date_to_notes_ambiguous", {"field": "met_on", "value": "3/4/2026"}),
    )
    assert (bo.notes, bo.warnings[0].code) == ("5/6/2026", "date_to_notes_ambiguous")
    assert (cia.notes, cia.warnings[0].code) == ("last spring", "date_to_notes")
    assert (dan.notes, dan.warnings[0].code) == ("1/1/1066", "date_to_notes_out_of_range")


def parsed(fixture_path, name):
    path = fixture_path(name)
    lay = csvfile.layout(path)
    return list(csvfile.parse(path, lay, csvfile.guess_mapping(lay.headers)))


def test_google_multiple_values_in_one_cell_keep_the_first(fixture_path):
    sofia, johan = parsed(fixture_path, "google_contacts_multi_values_starred.csv")
    assert (sofia.name, sofia.company, sofia.role) == (
        "Sofia Maria Karlsson",
        "Spotify",
        "Data Scientist",
    )
    assert (sofia.email, sofia.phone) == ("sofia.karlsson@example.com", "+46 70 111 22 33")
    # The other values, and E-mail 2 and Phone 2, are in the notes, after the user's own.
    assert sofia.notes == (
        "Träffades på PyCon\n\nsofia@example.se\nsofia.k@example.org\n"
        "+46 70 444 55 66\n+46 8 123 456 78"
    )
    assert sofia.tags == ("starred", "Konferens")
    # A web site that is a LinkedIn profile fills that field; another goes to the notes.
    assert sofia.linkedin_url == "https://www.linkedin.com/in/sofiakarlsson"
    assert (johan.linkedin_url, johan.notes.splitlines()[-1]) == ("", "https://bergkonsult.se")
    assert (johan.company, johan.role, johan.notes) == (
        "Ericsson",
        "Engineer",
        "Berg Konsult\nOwner\nhttps://bergkonsult.se",
    )
    assert johan.tags == ()


def test_google_starred_is_the_same_tag_from_its_csv_and_its_vcard(fixture_path):
    (emma,) = parsed(fixture_path, "google_contacts_older_organization_1.csv")
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Google Inc//Google Contacts//EN\r\n"
        "FN:Emma Lindgren\r\nCATEGORIES:myContacts,starred\r\nEND:VCARD\r\n"
    )
    assert emma.tags == vcard.card_record(1, card).tags == ("starred",)


def test_googles_older_csv_fills_company_and_role_from_organization_1(fixture_path):
    (emma,) = parsed(fixture_path, "google_contacts_older_organization_1.csv")
    assert (emma.name, emma.company, emma.role) == (
        "Emma Lindgren",
        "Volvo Cars",
        "Product Manager",
    )
    assert (emma.email, emma.phone, emma.notes) == (
        "emma.lindgren@example.com",
        "+46 70 987 65 43",
        "emma@example.se",
    )


def test_outlook_job_title_wins_over_the_honorific_and_every_phone_is_kept(fixture_path):
    anna, lars = parsed(fixture_path, "outlook_title_middle_name_phones.csv")
    assert (anna.name, anna.company, anna.role) == (
        "Anna Kristina Wallin",
        "Karolinska Institutet",
        "Forskare",
    )
    # Business Phone is empty: the first phone given is Home Phone, the others the notes.
    assert anna.phone == "+46 8 524 800 00"
    assert anna.notes == "anna@example.com\n+46 70 123 45 67\n+46 8 765 43 21"
    assert (lars.role, lars.phone, lars.notes) == ("", "+46 40 12 34 56", "+46 40 12 34 57")


def test_an_email_cell_people_wrote_by_hand(fixture_path):
    rows = parsed(fixture_path, "spreadsheet_messy_emails.csv")
    assert [(r.name, r.email) for r in rows] == [
        ("Anna Berg", "anna.berg@example.se"),
        ("Bo Ek", "bo.ek@example.com"),
        ("Cecilia Falk", "cecilia@example.se"),
        ("David Gran", "david.gran@example.se"),
        ("Eva Hult", "eva@example.se"),
        ("Fredrik Isaksson", ""),
        ("Greta Jonsson", ""),
    ]
    eva, fredrik, greta = rows[4:]
    assert (eva.notes, eva.warnings) == ("eva.hult@example.com", ())
    assert fredrik.notes == "ring honom på jobbet"
    value = {"value": "ring honom på jobbet"}
    assert fredrik.warnings == (RowError(7, "email_to_notes", value),)
    assert [w.code for w in greta.warnings] == ["email_to_notes"]
    assert all(r.warnings == () for r in rows[:5])


def test_a_row_with_only_a_company_or_an_email_is_named_after_it(fixture_path):
    bageri, info, nothing = parsed(fixture_path, "spreadsheet_only_company_or_email.csv")
    assert (bageri.name, bageri.phone) == ("Bergs Bageri AB", "08-123 45 67")
    assert (info.name, info.email) == ("info@example.se", "info@example.se")
    assert isinstance(nothing, RowError) and (nothing.line, nothing.code) == (4, "no_name")


def test_the_other_phone_and_email_columns_are_found_in_swedish_too():
    headers = ("Förnamn", "Mellannamn", "Efternamn", "Telefon arbete", "Telefon arbete 2",
               "Mobiltelefon", "Fax arbete", "E-postadress", "E-post 2 adress")  # fmt: skip
    mapping = csvfile.guess_mapping(headers)
    assert (mapping["phone"], mapping["email"]) == (5, 7)
    more = csvfile.extras(headers, mapping)
    assert more.secondary == {"email": (8,), "phone": (3, 4)}
    assert more.middle == 1
