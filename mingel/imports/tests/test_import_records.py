"""The one writing function: what it creates, fills in, skips, and that it is all or
nothing."""

import datetime as dt

import pytest

from mingel.contacts.models import Contact, Interaction, Tag
from mingel.contacts.services import contact_create, interaction_create
from mingel.core.contact_fields import LIMITS
from mingel.core.importers import linkedin, vcard
from mingel.core.importers.model import FileError, Record
from mingel.imports import services
from mingel.testing import ContactFactory

pytestmark = pytest.mark.django_db


def imported(owner, path, parse=linkedin.parse, **kwargs):
    return services.import_records(owner=owner, records=parse(path), **kwargs)


def test_the_limits_are_the_contact_tables():
    for field, limit in LIMITS.items():
        assert Contact._meta.get_field(field).max_length == limit


def test_it_creates_contacts_with_their_linkedin_connection(alice, fixture_path):
    summary = imported(alice, fixture_path("Connections.csv"))
    assert (summary.created, summary.updated, summary.skipped, summary.error_count) == (7, 0, 0, 1)
    anna = Contact.objects.get(owner=alice, name="Anna Svensson")
    assert anna.linkedin_url == "https://www.linkedin.com/in/annasvensson"
    assert (anna.company, anna.role) == ("Spotify", "Backend Engineer")
    (connected,) = anna.interactions.all()
    assert (connected.kind, connected.date, connected.owner) == (
        "linkedin",
        dt.date(2024, 1, 15),
        alice,
    )
    assert anna.last_interaction_on == dt.date(2024, 1, 15)


def test_a_dry_run_writes_nothing_and_says_the_same(alice, fixture_path):
    preview = imported(alice, fixture_path("Connections.csv"), dry_run=True)
    assert not Contact.objects.exists()
    assert preview.to_dict() == imported(alice, fixture_path("Connections.csv")).to_dict()


def test_importing_the_same_file_again_creates_nothing(alice, fixture_path):
    for name in ("Connections.csv", "google.vcf"):
        parse = linkedin.parse if name.endswith("csv") else vcard.parse
        imported(alice, fixture_path(name), parse)
    counts = (Contact.objects.count(), Interaction.objects.count(), Tag.objects.count())
    again = imported(alice, fixture_path("Connections.csv"))
    assert (again.created, again.updated, again.skipped) == (0, 0, 7)
    again = imported(alice, fixture_path("google.vcf"), vcard.parse)
    assert (again.created, again.updated, again.skipped) == (0, 0, 2)
    assert (Contact.objects.count(), Interaction.objects.count(), Tag.objects.count()) == counts


def test_it_fills_in_empty_fields_and_keeps_what_is_there(alice, fixture_path):
    anna = contact_create(
        owner=alice, name="Anna S.", email="anna.svensson@example.com", role="Staff Engineer"
    )
    interaction_create(contact=anna, kind="coffee", date=dt.date(2023, 6, 1))
    summary = imported(alice, fixture_path("google.vcf"), vcard.parse)
    assert (summary.created, summary.updated) == (1, 1)
    anna.refresh_from_db()
    assert (anna.name, anna.role, anna.company) == ("Anna S.", "Staff Engineer", "Spotify AB")
    assert anna.phone == "+46 70 123 45 67"
    assert sorted(anna.tags.values_list("name", flat=True)) == ["Python", "Stockholm"]
    # The LinkedIn date from the CSV is newer than the coffee: it becomes the last one.
    summary = imported(alice, fixture_path("Connections.csv"))
    assert summary.updated == 1
    anna.refresh_from_db()
    assert anna.last_interaction_on == dt.date(2024, 1, 15)
    assert anna.interactions.count() == 2


def test_an_older_connection_does_not_move_the_last_interaction(alice):
    anna = contact_create(owner=alice, name="Anna", email="a@example.com")
    interaction_create(contact=anna, kind="coffee", date=dt.date(2025, 6, 1))
    records = [Record(line=2, name="Anna", email="a@example.com", connected_on=dt.date(2020, 1, 1))]
    services.import_records(owner=alice, records=records)
    anna.refresh_from_db()
    assert anna.last_interaction_on == dt.date(2025, 6, 1)


def test_it_matches_only_the_owners_contacts(alice, bob, fixture_path):
    bobs = ContactFactory(owner=bob, name="Anna Svensson", email="anna.svensson@example.com")
    summary = imported(alice, fixture_path("google.vcf"), vcard.parse)
    assert summary.created == 2
    bobs.refresh_from_db()
    assert bobs.phone == "" and not bobs.tags.exists()
    assert Tag.objects.filter(owner=bob).count() == 0


def test_existing_tags_are_reused_whatever_their_case(alice, fixture_path):
    python = Tag.objects.create(owner=alice, name="python")
    imported(alice, fixture_path("google.vcf"), vcard.parse)
    anna = Contact.objects.get(name="Anna Svensson")
    assert python in anna.tags.all()
    assert Tag.objects.filter(owner=alice).count() == 2


def test_a_file_cut_off_after_many_cards_imports_nothing(alice, tmp_path):
    card = "BEGIN:VCARD\nVERSION:3.0\nFN:Person {n}\nEMAIL:p{n}@example.com\nEND:VCARD\n"
    path = tmp_path / "cut.vcf"
    path.write_text("".join(card.format(n=n) for n in range(2500)) + "BEGIN:VCARD\nFN:X\n")
    with pytest.raises(FileError):
        imported(alice, path, vcard.parse)
    assert not Contact.objects.exists() and not Tag.objects.exists()


def test_a_failure_mid_apply_leaves_nothing(alice, monkeypatch):
    ContactFactory(owner=alice, name="Already here", email="here@example.com")
    records = [Record(line=n, name=f"P{n}", email=f"p{n}@example.com") for n in range(2500)]
    records.append(Record(line=9999, name="Already here", email="here@example.com", phone="1"))
    calls = []
    real = services.Writer.update

    def failing_update(self, people):
        calls.append(len(people))
        real(self, people)
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.Writer, "update", failing_update)
    with pytest.raises(RuntimeError):
        services.import_records(owner=alice, records=records)
    assert calls == [1]  # it failed after two batches were written and the update made
    assert list(Contact.objects.values_list("name", "phone")) == [("Already here", "")]


def test_it_writes_in_batches_with_few_queries(alice, django_assert_max_num_queries):
    records = [
        Record(line=n, name=f"P{n}", connected_on=dt.date(2024, 1, 1), tags=("A",))
        for n in range(3000)
    ]
    with django_assert_max_num_queries(40):
        services.import_records(owner=alice, records=records)
    assert Contact.objects.filter(owner=alice).count() == 3000
    assert Interaction.objects.filter(owner=alice, kind="linkedin").count() == 3000
