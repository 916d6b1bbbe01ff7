"""Tags are cleaned by one function with one limit, whether a form, the API or an import
writes them (mingel.core.contact_fields)."""

import pytest

from mingel.contacts import services
from mingel.contacts.models import Tag
from mingel.core import contact_fields
from mingel.core.importers.clean import build_record
from mingel.imports.services import import_records

pytestmark = pytest.mark.django_db


def test_one_limit_for_the_table_the_form_and_the_importer():
    assert Tag._meta.get_field("name").max_length == contact_fields.TAG_LIMIT
    assert build_record(1, name="A", tags=["t" * 51]).params["limit"] == contact_fields.TAG_LIMIT


@pytest.mark.parametrize(
    "names",
    [
        pytest.param(["Straße", "STRASSE"], id="casefold"),
        pytest.param(["Café", "Cafe\u0301"], id="nfc"),
        pytest.param(["fika\x07 break", "Fika break"], id="control-character"),
    ],
)
def test_the_form_and_an_import_agree_on_what_is_one_tag(alice, names):
    first, second = names
    contact = services.contact_create(owner=alice, name="Ada", tags=names)
    assert list(contact.tags.values_list("name", flat=True)) == [
        contact_fields.clean_tag_names([first])[0][0]
    ]
    import_records(owner=alice, records=[build_record(1, name="Bo", tags=[second])])
    assert Tag.objects.filter(owner=alice).count() == 1
    services.contact_create(owner=alice, name="Cia", tags=[second])
    assert Tag.objects.filter(owner=alice).count() == 1
