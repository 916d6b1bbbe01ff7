import datetime as dt

import pytest
import time_machine

from mingel.contacts.services import contact_create
from mingel.events.models import Event
from mingel.testing import ContactFactory, EventFactory

pytestmark = pytest.mark.django_db

EVENT_KEYS = {
    "id", "name", "kind", "date", "start_time", "place", "goal_new_people", "questions",
    "pitch", "mention", "notes", "met_count", "goal_reached",
}  # fmt: skip


def errors_by_field(response) -> dict:
    assert response.status_code == 422, response.content
    return {error["field"]: error for error in response.json()["detail"]}


@pytest.fixture
def frozen():
    with time_machine.travel(dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC), tick=False):
        yield


def test_it_creates_an_event(alice, alice_api):
    response = alice_api.post(
        "/events",
        {
            "name": "Career fair at Chalmers",
            "kind": "career_fair",
            "date": "2026-04-02",
            "start_time": "10:00",
            "place": "Gothenburg",
            "goal_new_people": 3,
            "questions": ["Do you take thesis students?", " ", "Do you take thesis students?"],
            "pitch": "Hi, I'm Alice.",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == EVENT_KEYS
    event = Event.objects.get(owner=alice)
    assert body["id"] == event.pk
    assert body["kind"] == "career_fair"
    assert body["date"] == "2026-04-02"
    assert body["start_time"] == "10:00:00"
    assert body["questions"] == ["Do you take thesis students?"]
    assert (body["met_count"], body["goal_reached"]) == (0, False)


def test_defaults_are_the_modest_ones(alice_api):
    body = alice_api.post("/events", {"name": "Meetup", "date": "2026-04-02"}).json()
    assert (body["kind"], body["goal_new_people"], body["questions"]) == ("meetup", 2, [])


@pytest.mark.parametrize(
    ("data", "field"),
    [
        pytest.param({"name": "", "date": "2026-04-02"}, "name", id="blank-name"),
        pytest.param({"name": "X"}, "date", id="no-date"),
        pytest.param({"name": "X", "date": "2026-04-02", "kind": "party"}, "kind", id="kind"),
        pytest.param({"name": "X", "date": "2026-04-02", "goal_new_people": 0},
                     "goal_new_people", id="goal-zero"),
        pytest.param({"name": "X", "date": "2026-04-02", "goal_new_people": 51},
                     "goal_new_people", id="goal-too-big"),
        pytest.param({"name": "X", "date": "2026-04-02", "questions": ["q"] * 13},
                     "questions", id="too-many-questions"),
        pytest.param({"name": "X", "date": "2026-04-02", "questions": [f"q{n}" for n in range(13)]},
                     "questions", id="too-many-distinct-questions"),
        pytest.param({"name": "X", "date": "2026-04-02", "pitch": "w " * 1001}, "pitch",
                     id="pitch-too-long"),
    ],
)  # fmt: skip
def test_it_refuses_bad_input_with_one_error_per_field(alice_api, data, field):
    assert set(errors_by_field(alice_api.post("/events", data))) == {field}
    assert not Event.objects.exists()


def test_met_count_and_goal_reached_follow_the_linked_contacts(alice, alice_api):
    event = EventFactory(owner=alice, goal_new_people=2)
    contact_create(owner=alice, name="Sara", event=event)
    body = alice_api.get(f"/events/{event.pk}").json()
    assert (body["met_count"], body["goal_reached"]) == (1, False)
    contact_create(owner=alice, name="Omar", event=event)
    body = alice_api.get(f"/events/{event.pk}").json()
    assert (body["met_count"], body["goal_reached"]) == (2, True)


def test_it_lists_upcoming_first_then_past_with_counts(frozen, alice, bob, alice_api):
    today = dt.date(2026, 3, 10)
    past = EventFactory(owner=alice, name="past", date=today - dt.timedelta(days=3))
    EventFactory(owner=alice, name="later", date=today + dt.timedelta(days=9))
    EventFactory(owner=alice, name="soon", date=today + dt.timedelta(days=1))
    EventFactory(owner=bob, name="bob's")
    ContactFactory.create_batch(2, owner=alice, event=past)
    body = alice_api.get("/events").json()
    assert body["count"] == 3
    assert [e["name"] for e in body["items"]] == ["soon", "later", "past"]
    assert body["items"][2]["met_count"] == 2


def test_the_list_pages_with_limit_and_offset(alice, alice_api):
    for n in range(5):
        EventFactory(owner=alice, name=f"E{n}", date=dt.date(2020, 1, 1) + dt.timedelta(days=n))
    body = alice_api.get("/events", limit=2, offset=3).json()
    assert body["count"] == 5
    assert [e["name"] for e in body["items"]] == ["E1", "E0"]


@pytest.mark.parametrize("count", [2, 25])
def test_the_list_makes_the_same_queries_for_any_number(
    alice, alice_api, django_assert_num_queries, count
):
    for _ in range(count):
        ContactFactory(owner=alice, event=EventFactory(owner=alice))
    # token lookup, its last_used_at, the page of events with counts, the total count
    with django_assert_num_queries(4):
        assert alice_api.get("/events").status_code == 200


def test_put_replaces_and_patch_changes_only_what_is_sent(alice, alice_api):
    event = EventFactory(owner=alice, name="Meetup", place="KTH", notes="bring cards")
    body = alice_api.patch(f"/events/{event.pk}", {"goal_new_people": 4}).json()
    assert (body["goal_new_people"], body["place"], body["notes"]) == (4, "KTH", "bring cards")
    body = alice_api.put(f"/events/{event.pk}", {"name": "Renamed", "date": "2026-05-01"}).json()
    assert (body["name"], body["place"], body["notes"], body["goal_new_people"]) == (
        "Renamed",
        "",
        "",
        2,
    )


def test_patch_with_bad_values_changes_nothing(alice, alice_api):
    event = EventFactory(owner=alice, name="Meetup")
    errors = errors_by_field(alice_api.patch(f"/events/{event.pk}", {"name": ""}))
    assert set(errors) == {"name"}
    event.refresh_from_db()
    assert event.name == "Meetup"


def test_delete_keeps_the_contacts(alice, alice_api):
    event = EventFactory(owner=alice)
    contact = contact_create(owner=alice, name="Sara", event=event)
    assert alice_api.delete(f"/events/{event.pk}").status_code == 204
    assert not Event.objects.exists()
    contact.refresh_from_db()
    assert contact.event is None


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_another_users_event_is_404(alice, bob_api, method):
    event = EventFactory(owner=alice, name="Alice's")
    call = getattr(bob_api, method)
    args = (f"/events/{event.pk}",)
    if method in ("put", "patch"):
        args += ({"name": "Hijacked", "date": "2026-01-01"},)
    response = call(*args)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}
    event.refresh_from_db()
    assert event.name == "Alice's"


def test_another_users_events_are_not_listed(alice, bob_api):
    EventFactory(owner=alice)
    assert bob_api.get("/events").json() == {"items": [], "count": 0}


def test_contacts_take_an_event_id_of_ones_own_only(alice, bob, alice_api):
    mine = EventFactory(owner=alice)
    theirs = EventFactory(owner=bob)
    created = alice_api.post("/contacts", {"name": "Sara", "event_id": mine.pk})
    assert created.json()["event_id"] == mine.pk
    assert alice_api.get(f"/events/{mine.pk}").json()["met_count"] == 1
    refused = alice_api.post("/contacts", {"name": "Omar", "event_id": theirs.pk})
    assert set(errors_by_field(refused)) == {"event_id"}


def test_it_needs_a_token(anonymous_api):
    assert anonymous_api.get("/events").status_code == 401
    assert anonymous_api.get("/questions").status_code == 401


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_it_lists_the_question_bank(alice_api, lang):
    body = alice_api.get("/questions", lang=lang).json()
    assert body["count"] == len(body["items"]) >= 40
    assert set(body["items"][0]) == {"lang", "group", "text"}
    assert {q["lang"] for q in body["items"]} == {lang}
    assert {q["group"] for q in body["items"]} == {"openers", "follow_ups", "career", "tech"}


def test_it_filters_questions_by_group(alice_api):
    body = alice_api.get("/questions", lang="sv", group="tech").json()
    assert {q["group"] for q in body["items"]} == {"tech"}
    assert body["items"][0]["text"] == "Vilken teknik använder ni mest?"


def test_questions_default_to_the_users_language(alice, alice_api):
    alice.language = "sv"
    alice.save()
    assert alice_api.get("/questions").json()["items"][0]["lang"] == "sv"


@pytest.mark.parametrize(
    ("params", "field"),
    [pytest.param({"lang": "de"}, "lang", id="lang"), pytest.param({"group": "x"}, "group")],
)
def test_it_refuses_an_unknown_language_or_group(alice_api, params, field):
    assert set(errors_by_field(alice_api.get("/questions", **params))) == {field}


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31"])
def test_an_event_date_out_of_range_is_a_422_naming_the_date(alice, alice_api, day):
    # Issue 12: a year-1 event (and the contacts captured on it) once broke Today.
    response = alice_api.post("/events", {"name": "Old", "date": day})
    assert response.status_code == 422, response.content
    (error,) = response.json()["detail"]
    assert (error["field"], error["msg"]) == ("date", "Give a date between 1900 and 2200.")
    event = alice_api.post("/events", {"name": "Ok", "date": "2026-04-02"}).json()
    response = alice_api.patch(f"/events/{event['id']}", {"date": day})
    assert response.status_code == 422
    assert alice_api.get(f"/events/{event['id']}").json()["date"] == "2026-04-02"
