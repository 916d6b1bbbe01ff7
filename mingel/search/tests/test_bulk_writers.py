"""The bulk writers (import, archive restore, duplicate merge) bypass the contact services,
so each reindexes what it wrote: their contacts are found like any other."""

import datetime as dt
from pathlib import Path

import pytest

from mingel.contacts.models import Contact
from mingel.contacts.services import contact_create, interaction_create
from mingel.core.importers import linkedin
from mingel.exports import exporting, restore
from mingel.exports import services as exports_services
from mingel.imports import services as imports_services
from mingel.search.selectors import contacts_matching

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parents[2] / "core" / "importers" / "tests" / "fixtures"


def found(owner, q: str) -> set[str]:
    return set(contacts_matching(owner.contacts.all(), q).values_list("name", flat=True))


def test_imported_contacts_are_found(alice, bob):
    imports_services.import_records(
        owner=alice, records=linkedin.parse(FIXTURES / "Connections.csv")
    )
    assert "Anna Svensson" in found(alice, "spotify")
    assert found(bob, "spotify") == set()


def test_a_restored_archive_is_found(alice, charlie):
    anna = contact_create(owner=alice, name="Anna Svensson", company="Klarna")
    interaction_create(
        contact=anna, kind="coffee", date=dt.date(2026, 1, 5), summary="Kafka-migreringen"
    )
    text = "".join(exporting.chunks("json", alice, now=dt.datetime(2026, 11, 29, tzinfo=dt.UTC)))
    exports_services.archive_restore(owner=charlie, parsed=restore.parse_archive(text.encode()))
    assert found(charlie, "migreringar") == {"Anna Svensson"}


def test_a_merged_contact_is_found_by_what_either_record_knew(alice):
    keep = contact_create(owner=alice, name="Anna Svensson", company="Klarna")
    other = contact_create(owner=alice, name="Anna Svensson", company="Klarna")
    interaction_create(contact=other, kind="call", date=dt.date(2026, 2, 1), summary="Rust")
    exports_services.contacts_merge(keep=keep, other=other, values={})
    assert list(Contact.objects.filter(owner=alice)) == [keep]
    assert found(alice, "rust") == {"Anna Svensson"}
