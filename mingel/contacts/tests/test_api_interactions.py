import datetime as dt

import pytest

from mingel.contacts.models import Interaction
from mingel.contacts.services import contact_create, interaction_create
from mingel.testing import ContactFactory, InteractionFactory

pytestmark = pytest.mark.django_db

INTERACTION_KEYS = {"id", "contact_id", "kind", "date", "summary", "body", "direction"}


def errors_by_field(response) -> dict:
    assert response.status_code == 422, response.content
    return {error["field"]: error for error in response.json()["detail"]}


@pytest.fixture
def sara(alice):
    return contact_create(owner=alice, name="Sara")


def test_it_lists_the_users_interactions_newest_first(alice, bob, sara, alice_api):
    interaction_create(contact=sara, kind="coffee", date=dt.date(2026, 3, 1), summary="Fika")
    interaction_create(contact=sara, kind="email", date=dt.date(2026, 5, 1), direction="sent")
    InteractionFactory(contact=ContactFactory(owner=bob))
    body = alice_api.get("/interactions").json()
    assert body["count"] == 2
    assert [i["kind"] for i in body["items"]] == ["email", "coffee"]
    assert set(body["items"][0]) == INTERACTION_KEYS
    assert body["items"][1] == {
        "id": body["items"][1]["id"],
        "contact_id": sara.pk,
        "kind": "coffee",
        "date": "2026-03-01",
        "summary": "Fika",
        "body": "",
        "direction": "none",
    }


def test_it_filters_by_contact_and_pages(alice, sara, alice_api):
    omar = contact_create(owner=alice, name="Omar")
    for day in range(1, 6):
        interaction_create(contact=sara, kind="note", date=dt.date(2026, 1, day))
    interaction_create(contact=omar, kind="call", date=dt.date(2026, 2, 1))
    body = alice_api.get("/interactions", contact_id=sara.pk, limit=2, offset=1).json()
    assert body["count"] == 5
    assert [i["date"] for i in body["items"]] == ["2026-01-04", "2026-01-03"]


def test_it_answers_404_when_filtering_by_another_users_contact(bob, alice_api):
    bobs = ContactFactory(owner=bob)
    InteractionFactory(contact=bobs)
    assert alice_api.get("/interactions", contact_id=bobs.pk).status_code == 404


def test_it_lists_interactions_in_constant_queries(
    alice, sara, alice_api, django_assert_max_num_queries
):
    for day in range(1, 29):
        interaction_create(contact=sara, kind="note", date=dt.date(2026, 2, day))
    alice_api.get("/interactions", limit=1)  # the token's first use records it
    with django_assert_max_num_queries(3):  # token lookup, count, page
        body = alice_api.get("/interactions").json()
    assert len(body["items"]) == 28


def test_it_logs_an_interaction_and_restarts_keep_in_touch(alice, sara, alice_api):
    response = alice_api.post(
        "/interactions",
        {"contact_id": sara.pk, "kind": "call", "date": "2026-04-02", "summary": "Chat"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["direction"] == "none"
    interaction = Interaction.objects.get(pk=body["id"], owner=alice)
    assert interaction.contact == sara
    sara.refresh_from_db()
    assert sara.last_interaction_on == dt.date(2026, 4, 2)


def test_it_answers_404_for_another_users_contact_on_create(bob, alice_api):
    bobs = ContactFactory(owner=bob)
    response = alice_api.post(
        "/interactions", {"contact_id": bobs.pk, "kind": "call", "date": "2026-04-02"}
    )
    assert response.status_code == 404
    assert not Interaction.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        pytest.param({"kind": "lunch"}, "kind", id="kind"),
        pytest.param({"direction": "out"}, "direction", id="direction"),
        pytest.param({"date": "2026-13-01"}, "date", id="date"),
        pytest.param({"date": None}, "date", id="date-missing"),
        pytest.param({"summary": "x" * 5001}, "summary", id="summary-too-long"),
    ],
)
def test_it_rejects_bad_interactions_with_field_errors(sara, alice_api, change, field):
    payload = {"contact_id": sara.pk, "kind": "call", "date": "2026-04-02"} | change
    errors = errors_by_field(alice_api.post("/interactions", payload))
    assert set(errors) == {field}
    assert not Interaction.objects.exists()


def test_it_replaces_an_interaction_with_put(alice, sara, alice_api):
    omar = contact_create(owner=alice, name="Omar")
    interaction = interaction_create(
        contact=sara, kind="email", date=dt.date(2026, 1, 5), summary="x", direction="sent"
    )
    response = alice_api.put(
        f"/interactions/{interaction.pk}",
        {"contact_id": omar.pk, "kind": "meeting", "date": "2026-01-07"},
    )
    assert response.status_code == 200, response.content
    interaction.refresh_from_db()
    assert (interaction.contact, interaction.kind, interaction.summary) == (omar, "meeting", "")
    assert interaction.direction == "none"
    sara.refresh_from_db()
    omar.refresh_from_db()
    assert sara.last_interaction_on is None
    assert omar.last_interaction_on == dt.date(2026, 1, 7)


def test_it_changes_only_the_given_fields_with_patch(sara, alice_api):
    interaction = interaction_create(
        contact=sara, kind="email", date=dt.date(2026, 1, 5), summary="x", direction="sent"
    )
    response = alice_api.patch(f"/interactions/{interaction.pk}", {"summary": "Thanked her"})
    assert response.status_code == 200, response.content
    interaction.refresh_from_db()
    assert (interaction.kind, interaction.date, interaction.direction) == (
        "email",
        dt.date(2026, 1, 5),
        "sent",
    )
    assert interaction.summary == "Thanked her"


def test_it_refuses_to_move_an_interaction_to_another_users_contact(bob, sara, alice_api):
    interaction = interaction_create(contact=sara, kind="email", date=dt.date(2026, 1, 5))
    bobs = ContactFactory(owner=bob)
    response = alice_api.patch(f"/interactions/{interaction.pk}", {"contact_id": bobs.pk})
    assert response.status_code == 404
    interaction.refresh_from_db()
    assert interaction.contact == sara


def test_it_deletes_an_interaction_and_updates_the_contact(sara, alice_api):
    older = interaction_create(contact=sara, kind="email", date=dt.date(2026, 1, 5))
    newer = interaction_create(contact=sara, kind="call", date=dt.date(2026, 2, 5))
    assert alice_api.delete(f"/interactions/{newer.pk}").status_code == 204
    assert list(Interaction.objects.all()) == [older]
    sara.refresh_from_db()
    assert sara.last_interaction_on == dt.date(2026, 1, 5)


def test_it_reads_one_interaction(sara, alice_api):
    interaction = interaction_create(contact=sara, kind="linkedin", date=dt.date(2026, 1, 5))
    body = alice_api.get(f"/interactions/{interaction.pk}").json()
    assert (body["id"], body["kind"], body["contact_id"]) == (interaction.pk, "linkedin", sara.pk)


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])
def test_a_date_out_of_range_is_a_422_naming_the_date(sara, alice_api, day):
    # Issue 12: a year-1 interaction once broke Today for good.
    response = alice_api.post("/interactions", {"contact_id": sara.pk, "kind": "call", "date": day})
    assert errors_by_field(response)["date"]["msg"] == "Give a date between 1900 and 2200."
    kept = interaction_create(contact=sara, kind="call", date=dt.date(2026, 3, 1))
    response = alice_api.patch(f"/interactions/{kept.pk}", {"date": day})
    assert errors_by_field(response)["date"]["msg"] == "Give a date between 1900 and 2200."
    assert Interaction.objects.get().date == dt.date(2026, 3, 1)
