import datetime as dt

import pytest
import time_machine

from mingel.contacts import services as contacts
from mingel.followups import services
from mingel.followups.models import Hidden, ReminderSettings
from mingel.testing import ContactFactory, EventFactory

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)  # Monday, 11:00 in Stockholm
TODAY = dt.date(2026, 11, 23)
ITEM_KEYS = {"type", "contact_id", "event_id", "due", "overdue", "title"}


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def met(owner, name="Anna Svensson", days_ago=1):
    return contacts.contact_create(
        owner=owner, name=name, met_on=TODAY - dt.timedelta(days=days_ago)
    )


def errors_by_field(response) -> dict:
    assert response.status_code == 422, response.content
    return {error["field"]: error for error in response.json()["detail"]}


def test_it_lists_what_is_due_today(alice, bob, alice_api):
    anna = met(alice)
    late = met(alice, name="Late Larsson", days_ago=9)
    friend = ContactFactory(owner=alice, name="Friend", keep_in_touch_days=30)
    contacts.interaction_create(contact=friend, kind="call", date=TODAY - dt.timedelta(days=40))
    meetup = EventFactory(owner=alice, name="Rust meetup", date=TODAY + dt.timedelta(days=2))
    met(bob, name="Not Alice's")
    response = alice_api.get("/today")
    assert response.status_code == 200
    body = response.json()
    assert all(set(item) == ITEM_KEYS for item in body["items"])
    assert body["more"] == []
    rows = [(i["type"], i["contact_id"], i["event_id"], i["due"], i["overdue"], i["title"])
            for i in body["items"]]  # fmt: skip
    assert rows == [
        ("follow_up", late.pk, None, "2026-11-15", True, "Follow up with Late Larsson"),
        ("follow_up", anna.pk, None, "2026-11-23", False, "Follow up with Anna Svensson"),
        ("keep_in_touch", friend.pk, None, "2026-11-14", True, "Keep in touch with Friend"),
        ("event", None, meetup.pk, "2026-11-25", False, "Rust meetup"),
    ]


def test_titles_are_in_the_users_language(alice, alice_api):
    alice.language = "sv"
    alice.save()
    met(alice)
    [item] = alice_api.get("/today").json()["items"]
    assert item["title"] == "Hör av dig till Anna Svensson"


def test_it_lists_the_first_few_and_says_there_are_more(alice, alice_api):
    for n in range(5):
        met(alice, name=f"Person {n}", days_ago=n + 1)
    body = alice_api.get("/today", limit=2).json()
    assert [i["title"] for i in body["items"]] == [
        "Follow up with Person 4",
        "Follow up with Person 3",
    ]
    assert body["more"] == ["follow_up"]
    assert errors_by_field(alice_api.get("/today", limit=0))["limit"]


def test_it_needs_a_token(anonymous_api):
    assert anonymous_api.get("/today").status_code == 401
    assert anonymous_api.get("/calendar").status_code == 401
    assert anonymous_api.post("/calendar/rotate").status_code == 401
    assert anonymous_api.post("/today/snooze", {"type": "follow_up"}).status_code == 401


def test_snoozing_hides_an_item_for_that_many_days(alice, alice_api):
    anna = met(alice)
    response = alice_api.post(
        "/today/snooze", {"contact_id": anna.pk, "type": "follow_up", "days": 3}
    )
    assert response.status_code == 200
    assert response.json() == {
        "type": "follow_up",
        "contact_id": anna.pk,
        "event_id": None,
        "until": "2026-11-26",
    }
    assert alice_api.get("/today").json()["items"] == []
    with time_machine.travel(NOW + dt.timedelta(days=3), tick=False):
        assert [i["contact_id"] for i in alice_api.get("/today").json()["items"]] == [anna.pk]


def test_an_event_can_be_snoozed_too(alice, alice_api):
    meetup = EventFactory(owner=alice, date=TODAY + dt.timedelta(days=5))
    response = alice_api.post("/today/snooze", {"event_id": meetup.pk, "type": "event", "days": 7})
    assert response.status_code == 200
    assert alice_api.get("/today").json()["items"] == []


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        pytest.param({"type": "follow_up", "days": 3}, "contact_id", id="no-contact"),
        pytest.param({"type": "event", "days": 3}, "event_id", id="no-event"),
        pytest.param({"type": "birthday", "contact_id": 1}, "type", id="bad-type"),
        pytest.param({"type": "follow_up", "contact_id": 1, "days": 0}, "days", id="zero-days"),
        pytest.param({"type": "follow_up", "contact_id": 1, "days": 366}, "days", id="too-many"),
        pytest.param(
            {"type": "follow_up", "contact_id": 1, "days": "x"}, "days", id="not-a-number"
        ),
    ],
)
def test_bad_snoozes_are_422_and_change_nothing(alice, alice_api, payload, field):
    anna = met(alice)
    payload = {**payload, **({"contact_id": anna.pk} if "contact_id" in payload else {})}
    assert field in errors_by_field(alice_api.post("/today/snooze", payload))
    assert not Hidden.objects.exists()


def test_another_users_contact_or_event_is_a_404(alice, bob_api):
    anna = met(alice)
    meetup = EventFactory(owner=alice)
    response = bob_api.post("/today/snooze", {"contact_id": anna.pk, "type": "follow_up"})
    assert response.status_code == 404
    response = bob_api.post("/today/snooze", {"event_id": meetup.pk, "type": "event"})
    assert response.status_code == 404
    assert not Hidden.objects.exists()


def test_it_never_lists_another_users_items(alice, bob_api):
    met(alice)
    EventFactory(owner=alice, date=TODAY + dt.timedelta(days=1))
    assert bob_api.get("/today").json() == {"items": [], "more": []}


def test_it_gives_the_calendar_link_and_rotates_it(alice, alice_api, client):
    url = alice_api.get("/calendar").json()["url"]
    token = ReminderSettings.objects.get(user=alice).calendar_token
    assert url == f"http://testserver/calendar/{token}.ics"
    assert client.get(url).status_code == 200
    response = alice_api.post("/calendar/rotate")
    assert response.status_code == 200
    new = response.json()["url"]
    assert new != url
    assert client.get(url).status_code == 404
    assert client.get(new).status_code == 200
    assert alice_api.get("/calendar").json()["url"] == new


def test_each_user_gets_their_own_calendar_link(alice, bob, alice_api, bob_api):
    alice_url = alice_api.get("/calendar").json()["url"]
    bob_url = bob_api.get("/calendar").json()["url"]
    assert alice_url != bob_url
    bob_api.post("/calendar/rotate")
    assert alice_api.get("/calendar").json()["url"] == alice_url


def test_a_turned_off_link_is_null_until_rotated(alice, alice_api):
    services.calendar_disable(prefs=services.reminder_settings_get(user=alice))
    assert alice_api.get("/calendar").json() == {"url": None}
    assert alice_api.post("/calendar/rotate").json()["url"].endswith(".ics")
