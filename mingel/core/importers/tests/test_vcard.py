import datetime as dt

import pytest

from mingel.core.importers import vcard
from mingel.core.importers.model import EventRef, FileError, Record, RowError

EXPECTED = {
    "google.vcf": [
        {
            "name": "Anna Svensson",
            "company": "Spotify AB",
            "role": "Backend Engineer",
            "email": "anna.svensson@example.com",
            "phone": "+46 70 123 45 67",
            "linkedin_url": "https://www.linkedin.com/in/annasvensson",
            "tags": ("Python", "Stockholm"),
        },
        {
            "name": "Mikael Nyström",
            "company": "Ericsson",
            "email": "mikael.nystrom@example.org",
            "notes": "mikael@example.com\nhttps://blog.example.org/mikael",
            "tags": (),
        },
    ],
    "apple.vcf": [
        {
            "name": "Erik Lindqvist",
            "company": "Klarna",
            "email": "erik.lindqvist@example.com",
            "linkedin_url": "https://se.linkedin.com/in/eriklindqvist/",
            "notes": "Mentor from Women in Tech 2023. Prefers mornings.\n\nhttps://eriklindqvist.se",
        },
        {"name": "Fika & Kod AB", "company": "Fika & Kod AB", "email": "hej@example.se"},
    ],
    "android.vcf": [
        {
            "name": "Åsa Åström",
            "company": "Försäkringskassan",
            "role": "Handläggare",
            "phone": "+46701234567",
            "notes": "Träffades på mässan i Göteborg.\nVill prata om UX.\n\n08-123 456 78",
        },
        {"name": "Pelle Karlsson", "email": "pelle.k@example.com", "line": 17},
    ],
    "outlook.vcf": [
        {
            "name": "Lars Öberg",
            "company": "Volvo Cars",
            "role": "Solution Architect",
            "email": "lars.oberg@example.com",
            "notes": "Träffades på konferensen.\nVill veta mer om API-design.\n\n"
            "https://www.volvocars.com/",
        },
    ],
    "monica.vcf": [
        {
            "name": "Johan Ek",
            "phone": "+46-70-987-65-43",
            "linkedin_url": "https://www.linkedin.com/in/johan-ek-123abc",
            "tags": ("Data", "Konsulter"),
            "notes": "Met at PyCon Sweden 2023.\nAsk about dbt.",
        },
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_it_reads_each_sources_cards(fixture_path, name):
    records = list(vcard.parse(fixture_path(name)))
    assert all(isinstance(r, Record) for r in records)
    assert len(records) == len(EXPECTED[name])
    for record, expected in zip(records, EXPECTED[name], strict=True):
        for field, value in expected.items():
            assert getattr(record, field) == value, (name, field)


def write(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "cards.vcf"
    path.write_bytes(text.encode(encoding))
    return path


CARD = "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Berg\nEMAIL:anna@example.com\nEND:VCARD\n"


def test_a_card_without_end_stops_the_whole_file(tmp_path):
    path = write(tmp_path, CARD * 3 + "BEGIN:VCARD\nVERSION:3.0\nFN:Cut Off\n")
    with pytest.raises(FileError) as info:
        list(vcard.parse(path))
    assert (info.value.code, info.value.line) == ("no_end", 16)


def test_a_card_that_begins_inside_another_means_a_missing_end(tmp_path):
    path = write(tmp_path, "BEGIN:VCARD\nVERSION:3.0\nFN:A\n" + CARD)
    with pytest.raises(FileError) as info:
        list(vcard.parse(path))
    assert (info.value.code, info.value.line) == ("no_end", 1)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("First Name,Last Name\nAnna,Berg\n", id="csv"),
        pytest.param(CARD + "some trailing words\n", id="text-after-a-card"),
    ],
)
def test_anything_but_cards_is_not_a_vcard_file(tmp_path, text):
    with pytest.raises(FileError) as info:
        list(vcard.parse(write(tmp_path, text)))
    assert info.value.code == "not_vcard"


def test_a_card_vobject_cannot_read_is_a_row_error(tmp_path):
    path = write(tmp_path, "BEGIN:VCARD\nthis is no property\nEND:VCARD\n" + CARD)
    first, second = vcard.parse(path)
    assert isinstance(first, RowError) and (first.line, first.code) == (1, "bad_vcard")
    assert second.name == "Anna Berg" and second.line == 4


def test_it_reads_crlf_and_folded_lines(tmp_path):
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\n  Berg\r\nNOTE:a long\r\n  note\r\nEND:VCARD\r\n"
    )
    (record,) = vcard.parse(write(tmp_path, text))
    assert (record.name, record.notes) == ("Anna Berg", "a long note")


def test_a_card_with_only_an_email_is_named_by_it(tmp_path):
    (record,) = vcard.parse(
        write(tmp_path, "BEGIN:VCARD\nVERSION:3.0\nEMAIL:x@example.com\nEND:VCARD\n")
    )
    assert record.name == "x@example.com"


# One fixture per quirk, named for it.


def test_mingels_own_card_gives_back_every_field(fixture_path):
    (record,) = vcard.parse(fixture_path("mingel_roundtrip_all_fields.vcf"))
    assert record == Record(
        line=1,
        name="Åsa Öberg-Nyström",
        company="Fika; Kod & Co, AB",
        role="Backend-utvecklare, team: Betalningar",
        email="asa.oberg@example.se",
        phone="+46 70-123 45 67",
        linkedin_url="https://www.linkedin.com/in/åsa-öberg",
        notes="Rad ett, med komma; och semikolon\nRad två: kolon \\ bakstreck\n\nStycke",
        tags=("Rust, Go", "kaffe; te", "Öl\\vin"),
        met_on=dt.date(2026, 3, 12),
        where_met="Foajén, Kista; vid kaffet",
        talked_about="Rust, Go; och C\\C++.\nHon tipsade om: async-böcker 📚",
        keep_in_touch_days=45,
        event=EventRef(name="Mingel, fika; och \\kod", date=dt.date(2026, 3, 12), kind="meetup"),
    )


def test_apples_unescaped_commas_and_odd_x_properties_lose_no_text(fixture_path):
    karin, per = vcard.parse(fixture_path("apple_x_properties_commas.vcf"))
    assert karin.name == "Karin Holm"
    # ORG's first component is the company; the escaped comma stays inside it.
    assert karin.company == "Northvolt, Battery Systems"
    assert karin.role == "Lead, Cell Chemistry"
    assert karin.notes == (
        "Met at the battery meetup, Västerås. Ask about recycling; she offered a visit."
    )
    assert karin.linkedin_url == "https://www.linkedin.com/in/karinholm"
    assert karin.tags == ("Batteries", "Västerås, Sweden")
    assert per.name == "Per Svensson, Jr."
    assert per.notes == "Plays padel, Tuesdays\nLikes: Go, Rust"
    # A Mingel property that went through another address book, commas left unescaped.
    assert per.talked_about == "Padel, Go; Rust"


def test_a_quoted_printable_21_card_keeps_its_commas(fixture_path):
    (record,) = vcard.parse(fixture_path("vcard21_qp_unescaped_commas.vcf"))
    assert record.name == "Lars Öberg, PhD"
    assert record.company == "Volvo Cars, R&D"
    assert record.notes == "Träffades på mässan, monter 12.\nVill prata om API:er, CI och test."


def test_hostile_dates_intervals_and_tags_are_row_errors_that_say_why(fixture_path):
    items = list(vcard.parse(fixture_path("hostile_year_1_9999_and_huge_tag.vcf")))
    errors = [(i.code, i.params.get("field")) for i in items if isinstance(i, RowError)]
    assert errors == [
        ("tag_too_long", None),
        ("date_out_of_range", "event"),
        ("bad_interval", None),
    ]
    # A day you met that cannot be stored costs the card nothing: it goes to the notes.
    # BDAY is not a contact field: year 9999 in it bothers nobody; the card still imports.
    ada, feb, bo = [i for i in items if isinstance(i, Record)]
    assert (ada.met_on, ada.notes) == (None, "0001-01-01")
    assert [w.code for w in ada.warnings] == ["date_to_notes_out_of_range"]
    assert (feb.met_on, feb.notes) == (None, "2026-02-30")
    assert [w.code for w in feb.warnings] == ["date_to_notes"]
    assert (bo.name, bo.met_on) == ("Bo Birthday", dt.date(2026, 3, 1))


def test_a_5_mb_note_is_a_row_error_and_the_other_cards_import(tmp_path):
    folded = "\r\n ".join("x" * 74 for _ in range(5 * 1024 * 1024 // 74))
    huge = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Note\r\nNOTE:{folded}\r\nEND:VCARD\r\n"
    one_line = huge.replace("\r\n ", "")
    path = write(tmp_path, CARD + huge + CARD + one_line + CARD)
    items = list(vcard.parse(path))
    assert [type(i).__name__ for i in items] == [
        "Record",
        "RowError",
        "Record",
        "RowError",
        "Record",
    ]
    assert {i.code for i in items if isinstance(i, RowError)} == {"card_too_large"}
    assert items[2].line == items[1].line + huge.count("\n")


def test_a_long_note_within_the_card_limit_is_refused_with_the_limit(tmp_path):
    path = write(tmp_path, f"BEGIN:VCARD\nVERSION:3.0\nFN:A\nNOTE:{'y' * 10001}\nEND:VCARD\n")
    (error,) = vcard.parse(path)
    assert (error.code, error.params) == ("too_long", {"field": "notes", "limit": 10000})


@pytest.mark.parametrize(
    ("prodid", "tags"),
    [
        pytest.param(
            "-//Google Inc//Google Contacts//EN", ("starred", "friends"), id="google-group-dropped"
        ),
        pytest.param(
            "-//Mingel//Mingel 0.1.0//EN",
            ("myContacts", "starred", "friends"),
            id="mingel-tag-kept",
        ),
    ],
)
def test_it_drops_googles_own_groups_but_not_a_mingel_tag_of_the_same_name(prodid, tags):
    """Google's myContacts is no one's choice; starred is, and its CSV keeps it too."""
    card = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\n"
        f"PRODID:{prodid}\r\nFN:Anna Berg\r\nCATEGORIES:myContacts,starred,friends\r\n"
        "END:VCARD\r\n"
    )
    record = vcard.card_record(1, card)
    assert isinstance(record, Record)
    assert record.tags == tags
