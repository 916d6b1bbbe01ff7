"""Issue 12: a date at the edge of the calendar, stored before the 1900-2200 range was
enforced (old rows), must not break Today, the calendar feed, the API or the digest."""

import datetime as dt

import pytest
import time_machine

from mingel.contacts import services as contacts
from mingel.contacts.models import Contact, Interaction
from mingel.events.models import Event
from mingel.followups import services
from mingel.followups.models import Hidden
from mingel.testing import ContactFactory, EventFactory

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)
EDGES = [dt.date.min, dt.date.max]


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(params=EDGES, ids=["year-1", "year-9999"])
def old_rows(request, alice):
    day = request.param
    anna = ContactFactory(owner=alice, name="Anna Svensson", keep_in_touch_days=30)
    contacts.interaction_create(contact=anna, kind="call", date=dt.date(2026, 1, 1))
    bo = ContactFactory(owner=alice, name="Bo Berg")  # no interval: a reconnect candidate
    contacts.interaction_create(contact=bo, kind="call", date=dt.date(2026, 1, 1))
    EventFactory(owner=alice, name="Rust meetup")
    # Straight into the table, as an old row written before the range was checked.
    Contact.objects.filter(owner=alice).update(met_on=day, last_interaction_on=day, updated_at=NOW)
    Interaction.objects.filter(owner=alice).update(date=day)
    Event.objects.filter(owner=alice).update(date=day)
    return anna


def test_today_and_home_still_load(alice_client, old_rows):
    assert alice_client.get("/today/").status_code == 200
    assert alice_client.get("/", follow=True).status_code == 200


def test_the_api_today_still_answers(alice_api, old_rows):
    assert alice_api.get("/today").status_code == 200


def test_the_calendar_feed_still_answers(client, alice, old_rows):
    token = services.reminder_settings_get(user=alice).calendar_token
    response = client.get(f"/calendar/{token}.ics")
    assert response.status_code == 200


def test_skip_and_snooze_still_work(alice_client, alice, old_rows):
    event = Event.objects.get(owner=alice)
    posts = [
        (f"/today/contacts/{old_rows.pk}/skip/", {"type": "follow_up"}),
        (f"/today/contacts/{old_rows.pk}/skip/", {"type": "keep_in_touch"}),
        (f"/today/contacts/{old_rows.pk}/snooze/", {"type": "follow_up", "days": 7}),
        (f"/today/events/{event.pk}/skip/", {}),
        (f"/today/events/{event.pk}/snooze/", {"days": 7}),
    ]
    for url, data in posts:
        response = alice_client.post(url, data)
        assert response.status_code in (200, 302), (url, response.status_code)
    # One row per item: the snoozes replace the skips of the same item.
    assert Hidden.objects.filter(owner=alice).count() == 3


def test_the_digest_still_goes_out(alice, old_rows, mailoutbox):
    from mingel.followups import digest

    sent = digest.digest_send(user=alice, today=NOW.date())  # raised before the fix
    assert sent == bool(mailoutbox)
