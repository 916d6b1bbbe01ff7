"""A vCard from one Mingel account, imported into another, gives back every contact field.

The test walks `CONTACT_FIELDS`, the one list of contact fields: a field added there
without a way through the vCard fails here."""

import datetime as dt

import pytest

from mingel.contacts.models import Contact
from mingel.contacts.services import CONTACT_FIELDS, contact_create
from mingel.core.importers import csvfile, vcard
from mingel.events.models import Event
from mingel.exports import exporting
from mingel.imports import services

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 15, 12, 0, tzinfo=dt.UTC)


def every_field(owner) -> dict:
    """A value for each contact field, with what vCard escaping must survive: commas,
    semicolons, backslashes, colons, line breaks, Swedish letters and an emoji."""
    event = Event.objects.create(
        owner=owner, name="Mingel, fika; och \\kod", date=dt.date(2026, 3, 12), kind="meetup"
    )
    return {
        "name": "Åsa Öberg-Nyström",
        "company": "Fika; Kod & Co, AB",
        "role": "Backend-utvecklare, team: Betalningar",
        "email": "asa.oberg@example.se",
        "phone": "+46 70-123 45 67",
        "linkedin_url": "https://www.linkedin.com/in/åsa-öberg",
        "met_on": dt.date(2026, 3, 12),
        "where_met": "Foajén, Kista; vid kaffet",
        "talked_about": "Rust, Go; och C\\C++.\nHon tipsade om: async-böcker 📚",
        "notes": "Rad ett, med komma; och semikolon\nRad två: kolon \\ bakstreck\n\nStycke",
        "keep_in_touch_days": 45,
        "event": event,
    }


def comparable(contact: Contact, field: str):
    value = getattr(contact, field)
    if field == "event":
        return value and (value.name, value.date, value.kind)
    return value


def export_vcard(owner, tmp_path):
    path = tmp_path / "contacts.vcf"
    path.write_text("".join(exporting.chunks("vcard", owner, now=NOW)), encoding="utf-8")
    return path


def test_every_contact_field_survives_a_vcard_round_trip(alice, bob, tmp_path):
    values = every_field(alice)
    assert set(values) == set(CONTACT_FIELDS), "give the new field a value (and a vCard way)"
    original = contact_create(owner=alice, tags=["Rust, Go", "kaffe; te", "Öl\\vin"], **values)

    summary = services.import_records(owner=bob, records=vcard.parse(export_vcard(alice, tmp_path)))

    assert (summary.created, summary.error_count) == (1, 0)
    copy = Contact.objects.get(owner=bob)
    for field in CONTACT_FIELDS:
        assert comparable(copy, field) == comparable(original, field), field
    assert sorted(copy.tags.values_list("name", flat=True)) == sorted(
        original.tags.values_list("name", flat=True)
    )
    assert copy.event.owner == bob
    # As when the contact was made by hand: the meeting is on the timeline.
    (met,) = copy.interactions.all()
    assert (met.kind, met.date, met.summary) == ("met", values["met_on"], values["talked_about"])
    assert copy.last_interaction_on == values["met_on"]


def test_a_second_import_of_the_same_cards_changes_nothing(alice, bob, tmp_path):
    contact_create(owner=alice, tags=["Rust"], **every_field(alice))
    path = export_vcard(alice, tmp_path)
    services.import_records(owner=bob, records=vcard.parse(path))

    again = services.import_records(owner=bob, records=vcard.parse(path))

    assert (again.created, again.updated, again.skipped) == (0, 0, 1)
    assert Event.objects.filter(owner=bob).count() == 1
    assert Contact.objects.get(owner=bob).interactions.count() == 1


def test_cards_fill_an_existing_contacts_empty_fields_only(alice, bob, tmp_path):
    contact_create(owner=alice, **every_field(alice))
    contact_create(owner=bob, name="Åsa Öberg-Nyström", email="asa.oberg@example.se", notes="Mine")

    summary = services.import_records(owner=bob, records=vcard.parse(export_vcard(alice, tmp_path)))

    assert summary.updated == 1
    (sample,) = summary.samples["update"]
    assert [field for field, _value in sample["values"]] == [
        "company",
        "role",
        "phone",
        "linkedin_url",
        "met_on",
        "where_met",
        "talked_about",
        "keep_in_touch_days",
        "event",
    ]
    assert dict(sample["values"])["event"] == "Mingel, fika; och \\kod (2026-03-12)"
    contact = Contact.objects.get(owner=bob)
    assert contact.notes == "Mine"
    assert contact.keep_in_touch_days == 45
    assert contact.event.name == "Mingel, fika; och \\kod"


def test_the_roundtrip_fixture_is_what_mingel_writes(alice, tmp_path, fixture_path):
    """The fixture beside the importer tests is a real export of every_field: if the
    export changes, the fixture is rewritten from it (and the importer tests still read it).
    """
    contact_create(owner=alice, tags=["Rust, Go", "kaffe; te", "Öl\\vin"], **every_field(alice))
    written = export_vcard(alice, tmp_path).read_text(encoding="utf-8")
    fixture = fixture_path("mingel_roundtrip_all_fields.vcf").read_text(encoding="utf-8")

    def stable(text):  # the UID and REV follow the database id and the clock
        return [line for line in text.splitlines() if not line.startswith(("UID:", "REV:"))]

    assert stable(written) == stable(fixture)


@pytest.mark.parametrize("kind", ["csv", "csv-excel"])
def test_every_contact_field_survives_a_csv_round_trip(alice, bob, tmp_path, kind):
    """Mingel's CSV, read back with the columns the importer guesses, gives back every
    contact field too (the event is found by its name on the day you met). Tags share
    one cell, so a tag with a comma or semicolon comes back split: vCard and the archive
    keep such tags whole."""
    values = every_field(alice)
    original = contact_create(owner=alice, tags=["Rust", "kaffe och te"], **values)
    path = tmp_path / "contacts.csv"
    path.write_bytes("".join(exporting.chunks(kind, alice, now=NOW)).encode("utf-8"))
    layout = csvfile.layout(path)
    mapping = csvfile.guess_mapping(layout.headers)

    summary = services.import_records(owner=bob, records=csvfile.parse(path, layout, mapping))

    assert (summary.created, summary.error_count) == (1, 0), summary.errors
    copy = Contact.objects.get(owner=bob)
    for field in CONTACT_FIELDS:
        assert comparable(copy, field) == comparable(original, field) or (
            field == "event" and copy.event.kind == "other"
        ), field
    assert (copy.event.name, copy.event.date) == (values["event"].name, values["event"].date)
    assert sorted(copy.tags.values_list("name", flat=True)) == ["Rust", "kaffe och te"]


def test_text_that_looks_like_a_formula_comes_back_as_text(alice, bob, tmp_path):
    contact_create(owner=alice, name="Eve", notes='=HYPERLINK("http://evil.example")')
    contact_create(owner=alice, name="Pia", phone="+46 70 123 45 67")
    path = tmp_path / "contacts.csv"
    path.write_bytes("".join(exporting.chunks("csv", alice, now=NOW)).encode("utf-8"))
    layout = csvfile.layout(path)

    summary = services.import_records(
        owner=bob, records=csvfile.parse(path, layout, csvfile.guess_mapping(layout.headers))
    )

    assert (summary.created, summary.errors) == (2, [])
    assert Contact.objects.get(owner=bob, name="Eve").notes == '=HYPERLINK("http://evil.example")'
    assert Contact.objects.get(owner=bob, name="Pia").phone == "+46 70 123 45 67"
