import datetime as dt

import pytest

from mingel.contacts.models import Contact
from mingel.contacts.services import contact_create
from mingel.testing import ContactFactory, EventFactory, TagFactory

pytestmark = pytest.mark.django_db

CONTACT_KEYS = {
    "id", "name", "company", "role", "email", "phone", "linkedin_url", "met_on", "where_met",
    "talked_about", "notes", "tags", "keep_in_touch_days", "event_id", "created_at", "updated_at",
}  # fmt: skip


def errors_by_field(response) -> dict:
    assert response.status_code == 422, response.content
    return {error["field"]: error for error in response.json()["detail"]}


def test_it_lists_the_users_contacts_with_their_tags(alice, bob, alice_api):
    contact_create(owner=alice, name="Sara Lind", company="Klarna", tags=["rust", "Go"])
    contact_create(owner=bob, name="Not Alice's")
    response = alice_api.get("/contacts")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [item] = body["items"]
    assert set(item) == CONTACT_KEYS
    assert item["name"] == "Sara Lind"
    assert item["company"] == "Klarna"
    assert item["tags"] == ["Go", "rust"]
    assert item["event_id"] is None


def test_it_counts_all_matches_before_paging(alice, alice_api):
    for n in range(7):
        ContactFactory(owner=alice, name=f"Person {n}")
    body = alice_api.get("/contacts", limit=3, offset=5).json()
    assert body["count"] == 7
    assert [c["name"] for c in body["items"]] == ["Person 5", "Person 6"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        pytest.param({"q": "klarna"}, ["Sara"], id="q-company"),
        pytest.param({"q": "kubernetes"}, ["Omar"], id="q-talked-about"),
        pytest.param({"q": "mentor"}, ["Omar"], id="q-notes"),
        pytest.param({"q": "devops"}, ["Sara"], id="q-role"),
        pytest.param({"q": "student"}, ["Li", "Sara"], id="q-tag"),
        pytest.param({"q": "sara klarna"}, ["Sara"], id="q-every-word"),
        pytest.param({"q": "nobody"}, [], id="q-no-match"),
        pytest.param({"tag": "STUDENT"}, ["Li", "Sara"], id="tag-any-case"),
        pytest.param({"tag": "stud"}, [], id="tag-exact"),
        pytest.param({"q": "sara", "tag": "student"}, ["Sara"], id="q-and-tag"),
    ],
)
def test_it_filters_contacts(alice, bob, alice_api, params, expected):
    contact_create(owner=alice, name="Sara", company="Klarna", role="DevOps", tags=["student"])
    contact_create(owner=alice, name="Omar", talked_about="Kubernetes", notes="wants a mentor")
    contact_create(owner=alice, name="Li", tags=["Student"])
    contact_create(owner=bob, name="Sara", company="Klarna", tags=["student"])
    body = alice_api.get("/contacts", **params).json()
    assert [c["name"] for c in body["items"]] == expected
    assert body["count"] == len(expected)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        pytest.param({"limit": 501}, "limit", id="limit-too-big"),
        pytest.param({"limit": 0}, "limit", id="limit-zero"),
        pytest.param({"offset": -1}, "offset", id="offset-negative"),
        pytest.param({"limit": "many"}, "limit", id="limit-not-a-number"),
    ],
)
def test_it_rejects_bad_paging(alice_api, params, field):
    errors = errors_by_field(alice_api.get("/contacts", **params))
    assert errors[field]["loc"] == ["query", field]


def test_it_lists_without_n_plus_one(alice, alice_api, django_assert_max_num_queries):
    for n in range(30):
        contact = ContactFactory(owner=alice, name=f"P{n:02}")
        contact.tags.set([TagFactory(owner=alice), TagFactory(owner=alice)])
    alice_api.get("/contacts", limit=1)  # the token's first use records it: one write
    # token lookup, count, page, tags prefetch: the same for 30 contacts as for one
    with django_assert_max_num_queries(4):
        body = alice_api.get("/contacts", limit=30).json()
    assert len(body["items"]) == 30
    assert all(len(c["tags"]) == 2 for c in body["items"])


def test_it_creates_a_contact(alice, alice_api):
    event = EventFactory(owner=alice)
    response = alice_api.post(
        "/contacts",
        {
            "name": "Sara Lind",
            "email": "sara@example.com",
            "met_on": "2026-11-20",
            "talked_about": "Rust at work",
            "tags": ["rust", " Rust ", "meetup"],
            "keep_in_touch_days": 90,
            "event_id": event.pk,
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    contact = Contact.objects.get(pk=body["id"], owner=alice)
    assert contact.event == event
    assert body["tags"] == ["meetup", "rust"]
    assert body["met_on"] == "2026-11-20"
    assert body["keep_in_touch_days"] == 90
    # met_on logs the meeting, through the same service the pages use
    assert contact.last_interaction_on == dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        pytest.param({}, "name", id="name-missing"),
        pytest.param({"name": ""}, "name", id="name-blank"),
        pytest.param({"name": "A", "email": "not-an-email"}, "email", id="email"),
        pytest.param({"name": "A", "linkedin_url": "linkedin"}, "linkedin_url", id="url"),
        pytest.param(
            {"name": "A", "linkedin_url": "https://evil.example/in/anna"},
            "linkedin_url",
            id="url-not-linkedin",
        ),
        pytest.param(
            {"name": "A", "linkedin_url": "https://www.linkedin.com/company/x"},
            "linkedin_url",
            id="url-not-a-profile",
        ),
        pytest.param({"name": "A", "met_on": "yesterday"}, "met_on", id="date"),
        pytest.param({"name": "A", "met_on": "0001-01-01"}, "met_on", id="date-year-1"),
        pytest.param({"name": "A", "keep_in_touch_days": 0}, "keep_in_touch_days", id="days"),
        pytest.param({"name": "A", "tags": "rust"}, "tags", id="tags-not-a-list"),
        pytest.param({"name": "x" * 201}, "name", id="name-too-long"),
        pytest.param({"name": "A", "notes": "x" * 10001}, "notes", id="notes-too-long"),
        pytest.param({"name": "A", "talked_about": "x" * 2001}, "talked_about", id="talk-long"),
    ],
)
def test_it_rejects_bad_contacts_with_field_errors(alice, alice_api, payload, field):
    errors = errors_by_field(alice_api.post("/contacts", payload))
    assert set(errors) == {field}
    assert errors[field]["msg"]
    assert errors[field]["loc"] == ["body", field]
    assert not Contact.objects.filter(owner=alice).exists()


def test_it_refuses_another_users_event(alice, bob, alice_api):
    bobs_event = EventFactory(owner=bob)
    errors = errors_by_field(alice_api.post("/contacts", {"name": "A", "event_id": bobs_event.pk}))
    assert set(errors) == {"event_id"}
    assert not Contact.objects.exists()


def test_it_reads_one_contact(alice, alice_api):
    contact = contact_create(owner=alice, name="Sara", tags=["x"])
    body = alice_api.get(f"/contacts/{contact.pk}").json()
    assert body["id"] == contact.pk
    assert body["tags"] == ["x"]


def test_it_replaces_a_contact_with_put(alice, alice_api):
    contact = contact_create(owner=alice, name="Sara", company="Klarna", notes="n", tags=["x"])
    response = alice_api.put(f"/contacts/{contact.pk}", {"name": "Sara L", "role": "Dev"})
    assert response.status_code == 200, response.content
    contact.refresh_from_db()
    assert (contact.name, contact.role, contact.company, contact.notes) == ("Sara L", "Dev", "", "")
    assert list(contact.tags.all()) == []


def test_it_changes_only_the_given_fields_with_patch(alice, alice_api):
    event = EventFactory(owner=alice)
    contact = contact_create(owner=alice, name="Sara", company="Klarna", tags=["x"], event=event)
    response = alice_api.patch(f"/contacts/{contact.pk}", {"role": "Dev"})
    assert response.status_code == 200, response.content
    contact.refresh_from_db()
    assert (contact.name, contact.role, contact.company) == ("Sara", "Dev", "Klarna")
    assert contact.event == event
    assert response.json()["tags"] == ["x"]


def test_it_clears_the_event_with_patch_null(alice, alice_api):
    contact = contact_create(owner=alice, name="Sara", event=EventFactory(owner=alice))
    assert alice_api.patch(f"/contacts/{contact.pk}", {"event_id": None}).status_code == 200
    contact.refresh_from_db()
    assert contact.event is None


def test_it_keeps_the_contact_when_a_patch_is_invalid(alice, alice_api):
    contact = contact_create(owner=alice, name="Sara", email="sara@example.com")
    errors = errors_by_field(alice_api.patch(f"/contacts/{contact.pk}", {"email": "nope"}))
    assert set(errors) == {"email"}
    contact.refresh_from_db()
    assert contact.email == "sara@example.com"


def test_it_deletes_a_contact(alice, alice_api):
    contact = contact_create(owner=alice, name="Sara")
    response = alice_api.delete(f"/contacts/{contact.pk}")
    assert response.status_code == 204
    assert not Contact.objects.filter(pk=contact.pk).exists()


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_it_answers_404_json_for_a_missing_contact(alice_api, method):
    response = alice_api.request(method, "/contacts/999999", {"name": "Sara"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


def test_the_api_takes_the_same_linkedin_addresses_as_the_form(alice, alice_api):
    # Issue 12: one rule (contacts.validators) for the form, the API and the restore.
    url = "https://se.linkedin.com/in/anna-berg"
    response = alice_api.post("/contacts", {"name": "Anna", "linkedin_url": url})
    assert response.status_code == 201, response.content
    anna = Contact.objects.get(owner=alice)
    response = alice_api.patch(f"/contacts/{anna.pk}", {"linkedin_url": "https://evil.example"})
    error = errors_by_field(response)["linkedin_url"]
    assert error["msg"] == (
        "Enter the address of a LinkedIn profile, like https://www.linkedin.com/in/your-name."
    )
    anna.refresh_from_db()
    assert anna.linkedin_url == url
