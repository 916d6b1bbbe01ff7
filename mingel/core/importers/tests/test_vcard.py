import pytest

from mingel.core.importers import vcard
from mingel.core.importers.model import FileError, Record, RowError

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
