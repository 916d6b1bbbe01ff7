"""A contact page offers to write each kind of message that fits the contact now."""

import datetime as dt

import pytest
import time_machine

from mingel.contacts import services as contacts
from mingel.followups.models import ReminderSettings

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def write_links(page: str) -> str:
    start = page.find('class="actions write-links"')
    return page[start : page.find("</p>", start)] if start >= 0 else ""


def test_after_a_recent_meeting_it_offers_thanks_and_connect(alice_client, alice):
    anna = contacts.contact_create(owner=alice, name="Anna", met_on=TODAY - dt.timedelta(days=1))
    links = write_links(alice_client.get(f"/contacts/{anna.pk}/").text)
    assert f"/contacts/{anna.pk}/compose/?kind=thanks" in links
    assert f"/contacts/{anna.pk}/compose/?kind=connect" in links
    assert "kind=reconnect" not in links
    assert links.index("kind=thanks") < links.index("kind=connect")


def test_a_logged_linkedin_connection_drops_connect(alice_client, alice):
    anna = contacts.contact_create(owner=alice, name="Anna", met_on=TODAY - dt.timedelta(days=1))
    contacts.interaction_create(contact=anna, kind="linkedin", date=TODAY, direction="sent")
    links = write_links(alice_client.get(f"/contacts/{anna.pk}/").text)
    assert "kind=connect" not in links
    assert "kind=thanks" in links


def test_a_dormant_contact_gets_a_reconnect_link(alice_client, alice):
    olle = contacts.contact_create(owner=alice, name="Olle", met_on=dt.date(2018, 4, 2))
    contacts.interaction_create(contact=olle, kind="linkedin", date=dt.date(2018, 4, 3))
    page = alice_client.get(f"/contacts/{olle.pk}/").text
    links = write_links(page)
    assert f"/contacts/{olle.pk}/compose/?kind=reconnect" in links
    assert "Write a reconnect email" in links
    assert "kind=thanks" not in links and "kind=connect" not in links


def test_the_links_are_in_swedish_for_a_swedish_user(alice_client, alice):
    alice.language = "sv"
    alice.save()
    olle = contacts.contact_create(owner=alice, name="Olle", met_on=dt.date(2018, 4, 2))
    links = write_links(alice_client.get(f"/contacts/{olle.pk}/", HTTP_ACCEPT_LANGUAGE="sv").text)
    assert "Skriv ett mejl och återknyt kontakten" in links
    assert "Skriv en kontaktförfrågan" in links


def test_the_links_lead_to_a_composer_that_opens(alice_client, alice):
    olle = contacts.contact_create(owner=alice, name="Olle", met_on=dt.date(2018, 4, 2))
    response = alice_client.get(f"/contacts/{olle.pk}/compose/?kind=reconnect")
    assert response.status_code == 200
    assert "Olle" in response.text


@pytest.mark.parametrize(
    ("months", "last_touch", "offered"),
    [
        # Six months without contact: dormant for a user who says 3 months.
        pytest.param(3, dt.date(2026, 5, 20), True, id="3-months"),
        # Eighteen months: not yet dormant for a user who says 24.
        pytest.param(24, dt.date(2025, 5, 20), False, id="24-months"),
    ],
)
def test_the_reconnect_link_follows_the_users_dormancy_setting(
    alice_client, alice, months, last_touch, offered
):
    # The default (12 months) would say the opposite in both cases; the today list
    # uses the user's setting, and so must the contact page.
    ReminderSettings.objects.update_or_create(user=alice, defaults={"dormant_after_months": months})
    eva = contacts.contact_create(owner=alice, name="Eva", met_on=dt.date(2024, 1, 10))
    contacts.interaction_create(contact=eva, kind="linkedin", date=last_touch)
    links = write_links(alice_client.get(f"/contacts/{eva.pk}/").text)
    assert ("kind=reconnect" in links) is offered


def test_reading_the_setting_costs_the_contact_page_no_query(
    alice_client, alice, django_assert_num_queries
):
    # session, user, the contact with its owner's setting (a join), its tags, its
    # interactions: as mingel/contacts/tests/test_query_counts.py without a setting.
    ReminderSettings.objects.update_or_create(user=alice, defaults={"dormant_after_months": 3})
    eva = contacts.contact_create(owner=alice, name="Eva", met_on=dt.date(2024, 1, 10))
    with django_assert_num_queries(5):
        page = alice_client.get(f"/contacts/{eva.pk}/").text
    assert "kind=reconnect" in write_links(page)
