import datetime as dt

import pytest
import time_machine

from mingel.contacts import services as contacts
from mingel.contacts.models import Interaction
from mingel.followups.models import Hidden
from mingel.testing import ContactFactory, EventFactory, TagFactory

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)  # Monday, 11:00 in Stockholm
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def met(owner, name="Anna Svensson", days_ago=1, **fields):
    return contacts.contact_create(
        owner=owner,
        name=name,
        met_on=TODAY - dt.timedelta(days=days_ago),
        talked_about="Rust in embedded systems",
        **fields,
    )


def test_it_greets_a_logged_in_user_with_today(alice_client):
    response = alice_client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/today/"


def test_it_needs_a_login(client):
    response = client.get("/today/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_it_shows_a_follow_up_for_someone_met_yesterday(alice_client, alice):
    contact = met(alice)
    response = alice_client.get("/today/")
    assert response.status_code == 200
    assert "Anna Svensson" in response.text
    assert f'id="item-follow_up-{contact.pk}"' in response.text
    assert "Rust in embedded systems" in response.text


def test_it_shows_nothing_for_someone_met_today(alice_client, alice):
    met(alice, days_ago=0)
    response = alice_client.get("/today/")
    assert "Anna Svensson" not in response.text
    assert "Nothing is waiting for you today" in response.text


def test_it_offers_a_connection_note_only_when_not_connected(alice_client, alice):
    anna = met(alice, linkedin_url="https://www.linkedin.com/in/anna")
    bert = met(alice, name="Bert Berg", linkedin_url="https://www.linkedin.com/in/bert")
    contacts.interaction_create(contact=bert, kind="linkedin", date=TODAY, direction="received")
    response = alice_client.get("/today/")
    assert response.text.count("Write a connection note") == 1
    assert f'id="item-follow_up-{anna.pk}"' in response.text
    assert f'id="item-follow_up-{bert.pk}"' in response.text  # received only: still due


def test_it_never_shows_another_users_contacts(alice_client, bob):
    met(bob, name="Bobs Contact")
    assert "Bobs Contact" not in alice_client.get("/today/").text


def test_marking_done_logs_an_interaction_and_the_item_leaves(alice_client, alice):
    contact = met(alice)
    response = alice_client.post(
        f"/today/contacts/{contact.pk}/done/", {"type": "follow_up", "kind": "email"}
    )
    assert response.status_code == 302
    interaction = Interaction.objects.get(contact=contact, kind="email")
    assert interaction.date == TODAY
    assert interaction.direction == "sent"
    page = alice_client.get("/today/").text
    assert f'id="item-follow_up-{contact.pk}"' not in page
    assert "Small steps count" in page


def test_marking_done_with_htmx_returns_a_note(alice_client, alice):
    contact = met(alice)
    response = alice_client.post(
        f"/today/contacts/{contact.pk}/done/",
        {"type": "follow_up", "kind": "message"},
        headers={"hx-request": "true"},
    )
    assert response.status_code == 200
    assert response.text.startswith('<li class="card today-note"')
    assert "Anna Svensson" in response.text


@pytest.mark.parametrize(
    ("days", "back_on"),
    [
        pytest.param(1, 1, id="a-day"),
        pytest.param(7, 7, id="a-week"),
        pytest.param(45, 45, id="45"),
    ],
)
def test_snoozing_hides_the_item_for_that_many_days(alice_client, alice, days, back_on):
    contact = met(alice)
    alice_client.post(f"/today/contacts/{contact.pk}/snooze/", {"type": "follow_up", "days": days})
    assert "Anna Svensson" not in alice_client.get("/today/").text
    with time_machine.travel(NOW + dt.timedelta(days=back_on - 1), tick=False):
        assert "Anna Svensson" not in alice_client.get("/today/").text
    if back_on < 30:
        with time_machine.travel(NOW + dt.timedelta(days=back_on), tick=False):
            assert "Anna Svensson" in alice_client.get("/today/").text


@pytest.mark.parametrize(
    "days",
    [pytest.param(0, id="zero"), pytest.param(400, id="too-many"), pytest.param("x", id="x")],
)
def test_it_refuses_a_bad_snooze(alice_client, alice, days):
    contact = met(alice)
    response = alice_client.post(
        f"/today/contacts/{contact.pk}/snooze/", {"type": "follow_up", "days": days}, follow=True
    )
    assert "from 1 to 365" in response.text
    assert not Hidden.objects.exists()
    assert "Anna Svensson" in response.text


def test_not_now_hides_a_follow_up_until_it_is_overdue(alice_client, alice):
    contact = met(alice)
    alice_client.post(f"/today/contacts/{contact.pk}/skip/", {"type": "follow_up"})
    assert "Anna Svensson" not in alice_client.get("/today/").text
    with time_machine.travel(NOW + dt.timedelta(days=7), tick=False):
        assert "Anna Svensson" in alice_client.get("/today/").text


@pytest.mark.parametrize(
    "action",
    [
        pytest.param("done", id="done"),
        pytest.param("snooze", id="snooze"),
        pytest.param("skip", id="skip"),
    ],
)
def test_another_users_contact_is_a_404(bob_client, alice, action):
    contact = met(alice)
    response = bob_client.post(
        f"/today/contacts/{contact.pk}/{action}/", {"type": "follow_up", "days": 3}
    )
    assert response.status_code == 404
    assert not Interaction.objects.exclude(kind="met").exists()
    assert not Hidden.objects.exists()


def test_another_users_event_is_a_404(bob_client, alice):
    event = EventFactory(owner=alice)
    assert bob_client.post(f"/today/events/{event.pk}/skip/").status_code == 404


def test_it_lists_keep_in_touch_by_own_interval_and_by_tag(alice_client, alice):
    mentor = TagFactory(owner=alice, name="mentor", keep_in_touch_days=60)
    own = ContactFactory(owner=alice, name="Own Interval", keep_in_touch_days=30)
    contacts.interaction_create(contact=own, kind="call", date=TODAY - dt.timedelta(days=31))
    tagged = ContactFactory(owner=alice, name="Tagged Mentor")
    tagged.tags.add(mentor)
    contacts.interaction_create(contact=tagged, kind="email", date=TODAY - dt.timedelta(days=61))
    fresh = ContactFactory(owner=alice, name="Fresh Mentor")
    fresh.tags.add(mentor)
    contacts.interaction_create(contact=fresh, kind="email", date=TODAY - dt.timedelta(days=60))
    page = alice_client.get("/today/").text
    assert "Own Interval" in page
    assert "Tagged Mentor" in page
    assert "Fresh Mentor" not in page


def test_a_logged_call_restarts_keep_in_touch(alice_client, alice):
    contact = ContactFactory(owner=alice, name="Caller", keep_in_touch_days=30)
    contacts.interaction_create(contact=contact, kind="email", date=TODAY - dt.timedelta(days=90))
    assert "Caller" in alice_client.get("/today/").text
    contacts.interaction_create(contact=contact, kind="call", date=TODAY - dt.timedelta(days=2))
    assert "Caller" not in alice_client.get("/today/").text


def test_it_suggests_a_few_dormant_contacts_to_reconnect_with(alice_client, alice):
    for n in range(10):
        contact = ContactFactory(owner=alice, name=f"Old Friend {n}")
        for k in range(n):
            contacts.interaction_create(
                contact=contact, kind="coffee", date=dt.date(2024, 1, 1) + dt.timedelta(days=k)
            )
    page = alice_client.get("/today/").text
    shown = [n for n in range(10) if f"Old Friend {n}<" in page]
    assert shown == [7, 8, 9]
    assert "Reconnect" in page


def test_it_lists_events_of_the_next_two_weeks(alice_client, alice):
    EventFactory(owner=alice, name="Rust meetup", date=TODAY + dt.timedelta(days=3))
    EventFactory(owner=alice, name="Far away fair", date=TODAY + dt.timedelta(days=20))
    EventFactory(owner=alice, name="Past meetup", date=TODAY - dt.timedelta(days=1))
    page = alice_client.get("/today/").text
    assert "Rust meetup" in page
    assert "Far away fair" not in page
    assert "Past meetup" not in page


def test_today_is_the_users_own_day(alice_client, alice):
    alice.time_zone = "Pacific/Auckland"
    alice.save()
    met(alice, days_ago=0)  # met on the server's Monday
    with time_machine.travel(dt.datetime(2026, 11, 23, 11, 30, tzinfo=dt.UTC), tick=False):
        # 00:30 on Tuesday in Auckland: the meeting was yesterday there.
        assert "Anna Svensson" in alice_client.get("/today/").text


def many(owner, n):
    """n contacts of every sort: follow-ups, keep in touch by own or tag interval, dormant;
    some snoozed; an event."""
    mentor = TagFactory(owner=owner, name="mentor", keep_in_touch_days=60)
    for i in range(n):
        contact = ContactFactory(
            owner=owner, met_on=TODAY - dt.timedelta(days=i % 40), keep_in_touch_days=i % 3 or None
        )
        contact.tags.add(mentor)
        contacts.interaction_create(
            contact=contact, kind="email", date=dt.date(2024, 1, 1) + dt.timedelta(days=i)
        )
        if i % 7 == 0:
            Hidden.objects.create(
                owner=owner,
                item_type="keep_in_touch",
                contact=contact,
                until=TODAY + dt.timedelta(days=3),
            )
    EventFactory(owner=owner, date=TODAY + dt.timedelta(days=1))


# Session, user, reminder settings, hidden items, interval tags, then one query each for
# follow-ups, keep in touch, the week's reconnects and events.
PAGE_QUERIES = 9


@pytest.mark.parametrize("n", [pytest.param(30, id="30"), pytest.param(300, id="300")])
def test_the_page_uses_a_fixed_number_of_queries(alice_client, alice, django_assert_num_queries, n):
    many(alice, n)
    alice_client.get("/today/")  # picks the week's reconnects
    with django_assert_num_queries(PAGE_QUERIES):
        response = alice_client.get("/today/")
    assert response.status_code == 200
    assert response.text.count('class="card today-item') >= 10


@pytest.mark.parametrize("n", [pytest.param(30, id="30"), pytest.param(300, id="300")])
def test_the_api_uses_a_fixed_number_of_queries(alice_api, alice, django_assert_num_queries, n):
    many(alice, n)
    alice_api.get("/today")
    # The token instead of session and user.
    with django_assert_num_queries(PAGE_QUERIES - 1):
        response = alice_api.get("/today")
    assert len(response.json()["items"]) >= 10


def test_today_is_the_users_own_day_behind_utc(alice_client, alice, alice_api):
    alice.time_zone = "America/Los_Angeles"
    alice.save()
    contact = contacts.contact_create(owner=alice, name="Anna Svensson", met_on=TODAY)
    # 05:00 UTC on Tuesday is still Monday evening in Los Angeles: met today, not due yet.
    with time_machine.travel(dt.datetime(2026, 11, 24, 5, 0, tzinfo=dt.UTC), tick=False):
        assert "Anna Svensson" not in alice_client.get("/today/").text
        assert alice_api.get("/today").json()["items"] == []
        # Marking something done now logs it on Monday, the user's date.
        alice_client.post(f"/today/contacts/{contact.pk}/done/", {"type": "follow_up"})
    assert Interaction.objects.get(contact=contact, kind="message").date == TODAY


def test_the_follow_up_comes_due_at_the_users_midnight(alice_client, alice, alice_api):
    alice.time_zone = "America/Los_Angeles"
    alice.save()
    contact = contacts.contact_create(owner=alice, name="Anna Svensson", met_on=TODAY)
    with time_machine.travel(dt.datetime(2026, 11, 24, 7, 59, tzinfo=dt.UTC), tick=False):
        assert "Anna Svensson" not in alice_client.get("/today/").text  # 23:59 in LA
    with time_machine.travel(dt.datetime(2026, 11, 24, 8, 1, tzinfo=dt.UTC), tick=False):
        assert "Anna Svensson" in alice_client.get("/today/").text  # 00:01 in LA
        [item] = alice_api.get("/today").json()["items"]
    assert (item["contact_id"], item["due"]) == (contact.pk, "2026-11-24")


def test_a_snooze_counts_days_from_the_users_date(alice, alice_api):
    alice.time_zone = "Pacific/Auckland"
    alice.save()
    contact = met(alice)
    # 11:30 UTC on Monday is already Tuesday 00:30 in Auckland.
    with time_machine.travel(dt.datetime(2026, 11, 23, 11, 30, tzinfo=dt.UTC), tick=False):
        response = alice_api.post(
            "/today/snooze", {"contact_id": contact.pk, "type": "follow_up", "days": 1}
        )
    assert response.json()["until"] == "2026-11-25"


def test_a_snoozed_keep_in_touch_item_stays_away_and_others_move_up(alice_client, alice):
    friends = []
    for n in range(12):
        friend = ContactFactory(owner=alice, name=f"Friend {n:02d}", keep_in_touch_days=30)
        contacts.interaction_create(
            contact=friend, kind="call", date=TODAY - dt.timedelta(days=60 - n)
        )
        friends.append(friend)
    page = alice_client.get("/today/").text
    assert "Friend 00" in page
    assert "Friend 10" not in page  # the first ten, the longest waiting first
    assert "More are waiting" in page
    alice_client.post(
        f"/today/contacts/{friends[0].pk}/snooze/", {"type": "keep_in_touch", "days": 7}
    )
    page = alice_client.get("/today/").text
    assert "Friend 00" not in page
    assert "Friend 10" in page
