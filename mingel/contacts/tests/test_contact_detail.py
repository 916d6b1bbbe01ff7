import datetime as dt

import pytest
import time_machine

from mingel.contacts import services
from mingel.testing import ContactFactory, InteractionFactory, TagFactory


def test_it_shows_the_contact_and_its_timeline_newest_first(alice_client, alice):
    contact = ContactFactory(owner=alice, name="Ada Lind", company="Spotify", role="Engineer")
    contact.tags.add(TagFactory(owner=alice, name="alumni"))
    InteractionFactory(contact=contact, date=dt.date(2026, 1, 5), summary="Older coffee")
    InteractionFactory(contact=contact, date=dt.date(2026, 3, 1), summary="Newer email")
    response = alice_client.get(f"/contacts/{contact.pk}/")
    assert response.status_code == 200
    html = response.text
    assert "Ada Lind" in html and "Spotify" in html and "alumni" in html
    assert html.index("Newer email") < html.index("Older coffee")


def test_it_defaults_the_interaction_date_to_the_users_today(alice_client, alice):
    alice.time_zone = "Pacific/Auckland"
    alice.save()
    contact = ContactFactory(owner=alice)
    # 12:30 UTC on 1 March is already 2 March in Auckland.
    with time_machine.travel(dt.datetime(2026, 3, 1, 12, 30, tzinfo=dt.UTC), tick=False):
        response = alice_client.get(f"/contacts/{contact.pk}/")
    assert 'value="2026-03-02"' in response.text


@pytest.mark.parametrize("interactions", [pytest.param(1, id="one"), pytest.param(30, id="thirty")])
def test_it_shows_the_detail_page_in_a_fixed_number_of_queries(
    alice_client, alice, django_assert_max_num_queries, interactions
):
    contact = services.contact_create(owner=alice, name="Ada", tags=["a", "b", "c"])
    for day in range(interactions):
        services.interaction_create(contact=contact, kind="call", date=dt.date(2026, 1, 1 + day))
    # session, user, contact, its tags, its interactions
    with django_assert_max_num_queries(5):
        response = alice_client.get(f"/contacts/{contact.pk}/")
    assert response.text.count('class="event kind-call"') == interactions


def test_it_gives_bob_404_on_alices_contact(bob_client, alice):
    contact = ContactFactory(owner=alice)
    assert bob_client.get(f"/contacts/{contact.pk}/").status_code == 404
