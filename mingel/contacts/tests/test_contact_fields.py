"""One list of a contact's fields (mingel.core.contact_fields), read by the form, the
services, the importers and the archive: a field added to the table and not to the list
fails here, not in a user's round trip."""

from mingel.contacts.forms import ContactForm
from mingel.contacts.models import Contact
from mingel.contacts.services import CONTACT_FIELDS
from mingel.core import contact_fields
from mingel.core.importers.model import Record
from mingel.core.importers.plan import FILLABLE
from mingel.exports import archive


def test_the_list_is_the_contact_tables_own_fields():
    own = {
        f.name
        for f in Contact._meta.get_fields()
        if f.concrete and f.editable and not f.many_to_many and f.name not in ("id", "owner")
    }
    assert own == set(contact_fields.FIELDS)


def test_everyone_reads_the_one_list():
    fields = contact_fields.FIELDS
    assert fields == CONTACT_FIELDS
    assert tuple(ContactForm.Meta.fields) == tuple(f for f in fields if f != "event")
    assert fields[1:] == FILLABLE
    assert ("id", *fields, "tags", "created_at") == archive.CONTACT_FIELDS
    assert set(contact_fields.TEXT_FIELDS) <= set(Record.__dataclass_fields__)
    assert set(FILLABLE) <= set(Record.__dataclass_fields__)
