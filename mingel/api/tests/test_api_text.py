"""Text a database cannot store is a 422 naming the field, on every database: PostgreSQL
refuses NUL (SQLite stored it, and its archives then did not restore on PostgreSQL), and
no UTF-8 holds a lone surrogate. Paging past any sane offset is a 422 too, not an integer
overflow in the database."""

import pytest

from mingel.contacts.models import Contact, Interaction
from mingel.contacts.services import contact_create
from mingel.events.models import Event

pytestmark = pytest.mark.django_db


def refused(response, field: str) -> str:
    assert response.status_code == 422, response.content
    errors = {e["field"]: e["msg"] for e in response.json()["detail"]}
    assert field in errors, errors
    return errors[field]


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("name", "An\x00na", "NUL"),
        ("company", "Acme\ud800", "UTF-16"),
        ("notes", "red \x1b[31m", "control"),
        ("tags", ["ok", "a\x00b"], "NUL"),
    ],
)
def test_a_contact_with_bad_text_is_a_422_naming_the_field(alice_api, field, value, says):
    body = {"name": "Anna", field: value}
    assert says in refused(alice_api.post("/contacts", body), field)
    assert not Contact.objects.exists()


def test_tabs_and_line_breaks_are_text(alice_api):
    response = alice_api.post("/contacts", {"name": "Anna", "notes": "a\tb\r\nc\nd"})
    assert response.status_code == 201, response.content
    assert Contact.objects.get().notes == "a\tb\r\nc\nd"


def test_patching_a_contact_and_an_interaction_with_bad_text(alice, alice_api):
    anna = contact_create(owner=alice, name="Anna")
    refused(alice_api.patch(f"/contacts/{anna.pk}", {"role": "\x00"}), "role")
    anna.refresh_from_db()
    assert anna.role == ""
    body = {"contact_id": anna.pk, "kind": "note", "date": "2026-03-01", "summary": "\udc80"}
    refused(alice_api.post("/interactions", body), "summary")
    assert not Interaction.objects.exists()


def test_an_event_with_bad_text(alice_api):
    body = {"name": "Meetup", "date": "2026-03-01", "questions": ["Hej?", "\x00"]}
    refused(alice_api.post("/events", body), "questions")
    refused(alice_api.post("/events", {"name": "M\ud83d", "date": "2026-03-01"}), "name")
    assert not Event.objects.exists()


def test_a_query_with_nul_is_a_422(alice, alice_api):
    contact_create(owner=alice, name="Anna", tags=["go"])
    refused(alice_api.get("/contacts", tag="g\x00o"), "tag")
    refused(alice_api.get("/contacts", q="An\x00na"), "q")


@pytest.mark.parametrize("path", ["/contacts", "/interactions", "/events"])
@pytest.mark.parametrize("offset", [2**63, 10**30, 1_000_001])
def test_an_offset_past_any_list_is_a_422(alice_api, path, offset):
    refused(alice_api.get(path, offset=offset), "offset")


def test_an_offset_within_bounds_is_an_empty_page(alice, alice_api):
    contact_create(owner=alice, name="Anna")
    body = alice_api.get("/contacts", offset=1_000_000).json()
    assert (body["items"], body["count"]) == ([], 1)
