"""Events on the today page: coming up until they are over; a reviewed event leaves and
offers its follow-ups instead."""

import datetime as dt

import pytest
import time_machine

from mingel.contacts import services as contacts
from mingel.followups.selectors import FOLLOW_UPS_AT_MOST
from mingel.testing import ContactFactory, EventFactory

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 23, 20, 0, tzinfo=dt.UTC)  # Monday evening in Stockholm
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def section(page: str, heading_id: str) -> str:
    start = page.find(f'id="{heading_id}"')
    return page[start : page.find("</section>", start)] if start >= 0 else ""


def item(page: str, item_id: str) -> str:
    start = page.find(f'id="{item_id}"')
    return page[start : page.find("</li>", start)] if start >= 0 else ""


def test_an_event_later_on_can_be_snoozed(alice_client, alice):
    fair = EventFactory(owner=alice, name="Career fair", date=TODAY + dt.timedelta(days=3))
    shown = item(alice_client.get("/today/").text, f"item-event-{fair.pk}")
    assert "Career fair" in shown
    assert f"/today/events/{fair.pk}/snooze/" in shown


def test_an_event_today_offers_its_card_and_review_not_a_snooze(alice_client, alice):
    meetup = EventFactory(owner=alice, name="Rust meetup", date=TODAY)
    shown = item(alice_client.get("/today/").text, f"item-event-{meetup.pk}")
    assert "Rust meetup" in shown
    assert "snooze" not in shown
    assert f"/events/{meetup.pk}/review/" in shown
    assert f"/events/{meetup.pk}/card/" in shown


def test_a_reviewed_event_leaves_coming_up_and_offers_its_follow_ups(alice_client, alice):
    meetup = EventFactory(owner=alice, name="Rust meetup", date=TODAY, reviewed_at=NOW)
    anna = contacts.contact_create(owner=alice, name="Anna Ek", met_on=TODAY, event=meetup)
    contacts.contact_create(owner=alice, name="Bo Ek", met_on=TODAY, event=meetup)
    page = alice_client.get("/today/").text
    assert "Rust meetup" not in section(page, "h-events")
    after = item(page, f"item-after-{meetup.pk}")
    assert "2 people you met there still need a follow-up" in after
    assert f'href="/events/{meetup.pk}/#people"' in after
    detail = alice_client.get(f"/events/{meetup.pk}/").text
    people = detail[detail.find('id="people"') :]
    assert f"/contacts/{anna.pk}/compose/?kind=thanks" in people


def test_the_follow_ups_of_a_reviewed_event_go_when_sent(alice_client, alice):
    meetup = EventFactory(owner=alice, name="Rust meetup", date=TODAY, reviewed_at=NOW)
    anna = contacts.contact_create(owner=alice, name="Anna Ek", met_on=TODAY, event=meetup)
    bo = contacts.contact_create(owner=alice, name="Bo Ek", met_on=TODAY, event=meetup)
    contacts.interaction_create(contact=anna, kind="message", date=TODAY, direction="sent")
    page = alice_client.get("/today/").text
    assert "1 person you met there still needs a follow-up" in item(page, f"item-after-{meetup.pk}")
    contacts.interaction_create(contact=bo, kind="email", date=TODAY, direction="sent")
    page = alice_client.get("/today/").text
    assert "Rust meetup" not in page
    detail = alice_client.get(f"/events/{meetup.pk}/").text
    assert "?kind=thanks" not in detail[detail.find('id="people"') :]


def test_the_count_after_an_event_is_exact_past_the_follow_up_cap(alice_client, alice):
    # More people met at one event than the today list reads follow-ups at most: the
    # count is still all of them. One followed up is not counted; one snoozed is (the
    # snooze puts the follow-up off, it is still to do).
    fair = EventFactory(owner=alice, name="Big fair", date=TODAY, reviewed_at=NOW)
    people = [
        ContactFactory(owner=alice, name=f"Person {i:03}", met_on=TODAY, event=fair)
        for i in range(FOLLOW_UPS_AT_MOST + 2)
    ]
    contacts.interaction_create(contact=people[0], kind="email", date=TODAY, direction="sent")
    with time_machine.travel(NOW + dt.timedelta(days=1), tick=False):
        snooze = {"type": "follow_up", "days": 7}
        alice_client.post(f"/today/contacts/{people[1].pk}/snooze/", snooze)
        after = item(alice_client.get("/today/").text, f"item-after-{fair.pk}")
    assert f"{FOLLOW_UPS_AT_MOST + 1} people you met there still need a follow-up" in after


def test_a_reviewed_event_with_everyone_followed_up_is_gone(alice_client, alice):
    EventFactory(owner=alice, name="Quiet meetup", date=TODAY, reviewed_at=NOW)
    page = alice_client.get("/today/").text
    assert "Quiet meetup" not in page
    assert "Nothing is waiting for you today" in page


def test_the_page_still_makes_nine_queries_with_events(
    alice_client, alice, django_assert_num_queries
):
    meetup = EventFactory(owner=alice, name="Rust meetup", date=TODAY, reviewed_at=NOW)
    contacts.contact_create(owner=alice, name="Anna Ek", met_on=TODAY, event=meetup)
    EventFactory(owner=alice, name="Fair", date=TODAY + dt.timedelta(days=2))
    alice_client.get("/today/")
    with django_assert_num_queries(9):
        page = alice_client.get("/today/").text
    assert "Fair" in page and "Rust meetup" in page


def test_another_users_reviewed_event_never_shows(alice_client, bob):
    meetup = EventFactory(owner=bob, name="Bobs meetup", date=TODAY, reviewed_at=NOW)
    contacts.contact_create(owner=bob, name="Anna Ek", met_on=TODAY, event=meetup)
    assert "Bobs meetup" not in alice_client.get("/today/").text
