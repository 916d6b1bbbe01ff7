"""Hostile files through the whole import, on the real database: a file either imports
completely (every record counted, every count in the database) or not at all; and
importing it a second time creates nothing."""

import tempfile
from pathlib import Path

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mingel.contacts.models import Contact, Interaction, Tag
from mingel.core.importers import linkedin, vcard
from mingel.core.importers.model import FileError
from mingel.core.importers.tests.test_property import ENCODINGS, hostile_cell, quote, vcard_line
from mingel.imports import services

pytestmark = pytest.mark.django_db
FEW = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def state(owner):
    return (
        Contact.objects.filter(owner=owner).count(),
        Interaction.objects.filter(owner=owner).count(),
        Tag.objects.filter(owner=owner).count(),
    )


def import_twice(owner, parse, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload"
        path.write_bytes(data)
        with transaction.atomic():  # each example starts from the same database
            before = state(owner)
            try:
                first = services.import_records(owner=owner, records=parse(path))
            except FileError:
                assert state(owner) == before
                transaction.set_rollback(True)
                return
            assert state(owner)[0] == before[0] + first.created
            second = services.import_records(owner=owner, records=parse(path))
            assert second.created == 0 and second.updated == 0
            assert second.skipped == first.created + first.updated + first.skipped
            transaction.set_rollback(True)


@FEW
@given(
    rows=st.lists(st.lists(hostile_cell, min_size=0, max_size=8), max_size=10),
    encoding=st.sampled_from(ENCODINGS),
    raw=st.booleans(),
)
def test_hostile_linkedin_files_import_whole_or_not_at_all(alice, rows, encoding, raw):
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
    lines = [header] + [",".join(c if raw else quote(c) for c in row) for row in rows]
    import_twice(alice, linkedin.parse, "\n".join(lines).encode(encoding, errors="replace"))


@FEW
@given(
    cards=st.lists(st.lists(vcard_line, max_size=8), max_size=5),
    cut=st.integers(0, 60),
    encoding=st.sampled_from(ENCODINGS),
)
def test_hostile_vcards_import_whole_or_not_at_all(alice, cards, cut, encoding):
    text = "".join("\n".join(["BEGIN:VCARD", *c, "END:VCARD"]) + "\n" for c in cards)
    text = text[: len(text) - cut] if cut < len(text) else text
    import_twice(alice, vcard.parse, text.encode(encoding, errors="replace"))
