"""The index arrives with existing data: the migration fills it for every contact."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from mingel.contacts.models import Contact, Interaction
from mingel.contacts.selectors import contacts_list


@pytest.mark.django_db(transaction=True)
def test_the_migration_indexes_the_contacts_already_there(alice, bob):
    executor = MigrationExecutor(connection)
    executor.migrate([("search", None)])
    ada, _ = Contact.objects.bulk_create(
        [Contact(owner=alice, name="Ada", company="Volvo"), Contact(owner=bob, name="Bo")]
    )
    Interaction.objects.create(owner=alice, contact=ada, date=dt.date(2026, 1, 2), summary="Rust")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes("search"))

    assert [c.name for c in contacts_list(owner=alice, q="volvo rust")] == ["Ada"]
    assert [c.name for c in contacts_list(owner=bob, q="bo")] == ["Bo"]
