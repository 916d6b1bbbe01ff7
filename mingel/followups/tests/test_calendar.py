import datetime as dt

import icalendar
import pytest
import time_machine

from mingel.contacts import services as contacts
from mingel.followups import services
from mingel.followups.models import ReminderSettings
from mingel.testing import ContactFactory, EventFactory

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def feed_url(user):
    prefs = services.reminder_settings_get(user=user)
    return f"/calendar/{prefs.calendar_token}.ics"


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def events_of(calendar):
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_it_serves_a_valid_calendar_with_stable_uids(client, alice):
    anna = contacts.contact_create(owner=alice, name="Anna", met_on=TODAY - dt.timedelta(days=1))
    friend = ContactFactory(owner=alice, name="Friend", keep_in_touch_days=30)
    contacts.interaction_create(contact=friend, kind="call", date=TODAY - dt.timedelta(days=20))
    fair = EventFactory(owner=alice, name="Career fair", date=TODAY + dt.timedelta(days=40))
    meetup = EventFactory(
        owner=alice, name="Meetup", date=TODAY + dt.timedelta(days=2), start_time=dt.time(18, 0)
    )
    calendar = parse(client.get(feed_url(alice)))
    assert calendar["VERSION"] == "2.0"
    events = events_of(calendar)
    assert set(events) == {
        f"followup-{anna.pk}@mingel",
        f"keepintouch-{friend.pk}@mingel",
        f"event-{fair.pk}@mingel",
        f"event-{meetup.pk}@mingel",
    }
    follow_up = events[f"followup-{anna.pk}@mingel"]
    assert follow_up.decoded("DTSTART") == TODAY
    assert str(follow_up["SUMMARY"]) == "Follow up with Anna"
    # Due after 30 days of silence: 20 days ago + 31.
    assert events[f"keepintouch-{friend.pk}@mingel"].decoded("DTSTART") == TODAY + dt.timedelta(
        days=11
    )
    assert events[f"event-{fair.pk}@mingel"].decoded("DTSTART") == fair.date
    start = events[f"event-{meetup.pk}@mingel"].decoded("DTSTART")
    assert start == dt.datetime(2026, 11, 25, 17, 0, tzinfo=dt.UTC)
    assert str(start.tzinfo) == "Europe/Stockholm"
    assert calendar.walk("VTIMEZONE")
    # Same request again: same UIDs, so calendar apps update entries in place.
    assert set(events_of(parse(client.get(feed_url(alice))))) == set(events)


def test_it_shows_a_contact_met_today_tomorrow(client, alice):
    anna = contacts.contact_create(owner=alice, name="Anna", met_on=TODAY)
    events = events_of(parse(client.get(feed_url(alice))))
    assert events[f"followup-{anna.pk}@mingel"].decoded("DTSTART") == TODAY + dt.timedelta(days=1)


def test_it_names_things_in_the_users_language(client, alice):
    alice.language = "sv"
    alice.save()
    contacts.contact_create(owner=alice, name="Anna", met_on=TODAY - dt.timedelta(days=1))
    calendar = parse(client.get(feed_url(alice)))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Hör av dig till Anna"]


def test_it_moves_a_snoozed_item_to_the_day_it_comes_back(client, alice):
    anna = contacts.contact_create(owner=alice, name="Anna", met_on=TODAY - dt.timedelta(days=1))
    services.item_snooze(owner=alice, item_type="follow_up", today=TODAY, days=3, contact=anna)
    events = events_of(parse(client.get(feed_url(alice))))
    assert events[f"followup-{anna.pk}@mingel"].decoded("DTSTART") == TODAY + dt.timedelta(days=3)


def test_it_only_holds_the_owners_items(client, alice, bob):
    contacts.contact_create(owner=bob, name="Bobs", met_on=TODAY - dt.timedelta(days=1))
    assert events_of(parse(client.get(feed_url(alice)))) == {}


@pytest.mark.parametrize(
    "token",
    [pytest.param("nope", id="unknown"), pytest.param("", id="empty-prefix")],
)
def test_an_unknown_token_is_a_404(client, alice, token):
    services.reminder_settings_get(user=alice)
    assert client.get(f"/calendar/{token}.ics").status_code == 404


def test_rotating_the_link_kills_the_old_one(alice_client, alice):
    old = feed_url(alice)
    response = alice_client.post("/today/settings/calendar/rotate/")
    assert response.status_code == 302
    new = feed_url(alice)
    assert new != old
    assert alice_client.get(old).status_code == 404
    assert alice_client.get(new).status_code == 200


def test_turning_the_link_off_kills_it(alice_client, alice):
    old = feed_url(alice)
    alice_client.post("/today/settings/calendar/off/")
    assert alice_client.get(old).status_code == 404
    assert ReminderSettings.objects.get(user=alice).calendar_token is None


def test_the_settings_page_shows_the_link_to_copy(alice_client, alice):
    page = alice_client.get("/today/settings/").text
    assert f"http://testserver{feed_url(alice)}" in page
    assert "Make a new link" in page


def test_tokens_are_long_and_unique(alice, bob):
    a = services.reminder_settings_get(user=alice).calendar_token
    b = services.reminder_settings_get(user=bob).calendar_token
    assert a != b
    assert len(a) >= 40


def test_it_saves_reminder_settings(alice_client, alice):
    response = alice_client.post(
        "/today/settings/",
        {"digest": "weekly", "dormant_after_months": 6, "reconnects_per_week": 1},
    )
    assert response.status_code == 302
    prefs = ReminderSettings.objects.get(user=alice)
    assert (prefs.digest, prefs.dormant_after_months, prefs.reconnects_per_week) == ("weekly", 6, 1)


def test_it_keeps_what_was_typed_on_bad_settings(alice_client, alice):
    response = alice_client.post(
        "/today/settings/",
        {"digest": "weekly", "dormant_after_months": 0, "reconnects_per_week": 2},
    )
    assert response.status_code == 200
    assert 'value="2"' in response.text
    assert "errors" in response.text or "error" in response.text
    assert ReminderSettings.objects.get(user=alice).digest == "off"


def test_an_entry_keeps_its_uid_when_its_date_moves(client, alice):
    anna = contacts.contact_create(owner=alice, name="Anna", met_on=TODAY - dt.timedelta(days=1))
    uid = f"followup-{anna.pk}@mingel"
    before = events_of(parse(client.get(feed_url(alice))))[uid].decoded("DTSTART")
    with time_machine.travel(NOW + dt.timedelta(days=2), tick=False):
        after = events_of(parse(client.get(feed_url(alice))))
    assert set(after) == {uid}
    assert after[uid].decoded("DTSTART") == before + dt.timedelta(days=2)  # waiting: today


def test_the_feed_is_valid_for_a_user_far_from_utc(client, alice):
    alice.time_zone = "Pacific/Auckland"
    alice.save()
    meetup = EventFactory(
        owner=alice, name="Meetup", date=TODAY + dt.timedelta(days=2), start_time=dt.time(18, 0)
    )
    calendar = parse(client.get(feed_url(alice)))
    start = events_of(calendar)[f"event-{meetup.pk}@mingel"].decoded("DTSTART")
    assert str(start.tzinfo) == "Pacific/Auckland"
    assert start.astimezone(dt.UTC) == dt.datetime(2026, 11, 25, 5, 0, tzinfo=dt.UTC)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Pacific/Auckland"]
