"""The tag filter offers only tags some contact has; tags are never cut short in silence."""

import re

import pytest
from django.core.exceptions import ValidationError

from mingel.contacts import services
from mingel.contacts.models import Contact, Tag
from mingel.contacts.selectors import tags_for_user
from mingel.exports.services import contacts_merge
from mingel.testing import ContactFactory

pytestmark = pytest.mark.django_db


def chips(client) -> list[str]:
    """The names on the tag filter of the contact list ([] when it is not shown)."""
    html = client.get("/contacts/").text
    nav = re.search(r'<nav class="chips".*?</nav>', html, re.S)
    return re.findall(r"<a [^>]*>([^<]*)</a>", nav.group(0)) if nav else []


def test_a_tag_leaves_the_filter_with_its_last_contact(alice, alice_client):
    ada = services.contact_create(owner=alice, name="Ada", tags=["alumni", "cloud"])
    services.contact_create(owner=alice, name="Bo", tags=["cloud"])
    assert chips(alice_client) == ["All", "alumni", "cloud"]

    services.contact_delete(contact=ada)

    assert chips(alice_client) == ["All", "cloud"]


def test_a_tag_edited_away_leaves_the_filter(alice, alice_client):
    ada = services.contact_create(owner=alice, name="Ada", tags=["alumni", "cloud"])
    response = alice_client.post(f"/contacts/{ada.pk}/edit/", {"name": "Ada", "tags": "cloud"})
    assert response.status_code == 302
    assert chips(alice_client) == ["All", "cloud"]


def test_no_tag_left_means_no_filter_at_all(alice, alice_client):
    ada = services.contact_create(owner=alice, name="Ada", tags=["alumni"])
    services.contact_update(contact=ada, tags=[])
    assert chips(alice_client) == []


def test_a_merge_keeps_both_contacts_tags_in_the_filter(alice, alice_client):
    ada = services.contact_create(owner=alice, name="Ada", tags=["alumni"])
    twin = services.contact_create(owner=alice, name="Ada L", tags=["mentor"])
    contacts_merge(keep=ada, other=twin, values={})
    assert chips(alice_client) == ["All", "alumni", "mentor"]


def test_the_unused_tag_keeps_its_interval_for_when_it_comes_back(alice):
    ada = services.contact_create(owner=alice, name="Ada", tags=["mentor"])
    Tag.objects.filter(owner=alice, name="mentor").update(keep_in_touch_days=30)
    services.contact_update(contact=ada, tags=[])
    assert list(tags_for_user(alice)) == []

    services.contact_update(contact=ada, tags=["Mentor"])

    (tag,) = tags_for_user(alice)
    assert (tag.name, tag.keep_in_touch_days) == ("mentor", 30)


def test_the_filter_is_one_query_and_another_users_tags_stay_out(
    alice, bob, django_assert_num_queries
):
    services.contact_create(owner=alice, name="Ada", tags=["alumni"])
    services.contact_create(owner=bob, name="Bo", tags=["bobs"])
    ContactFactory(owner=alice)
    with django_assert_num_queries(1):
        assert [t.name for t in tags_for_user(alice)] == ["alumni"]


def test_a_tag_longer_than_50_characters_is_refused_not_cut(alice, alice_client):
    long_tag = "x" * 51
    with pytest.raises(ValidationError) as info:
        services.contact_create(owner=alice, name="Ada", tags=[long_tag])
    assert "at most 50 characters" in info.value.message_dict["tags"][0]

    response = alice_client.post("/contacts/new/", {"name": "Ada", "tags": f"ok, {long_tag}"})

    assert response.status_code == 200
    assert "at most 50 characters" in response.text
    assert not Contact.objects.filter(owner=alice).exists()
    assert not Tag.objects.filter(owner=alice).exists()


def test_a_10000_character_tag_through_the_api_is_a_422(alice, alice_api):
    response = alice_api.post("/contacts", {"name": "Ada", "tags": ["y" * 10_000]})
    assert response.status_code == 422
    assert not Contact.objects.filter(owner=alice).exists()


def test_a_nul_in_the_tag_or_search_of_the_address_is_left_out(alice, alice_client):
    # PostgreSQL refused the query (a 500); SQLite looked for a tag no one has.
    services.contact_create(owner=alice, name="Ada", tags=["go"])
    services.contact_create(owner=alice, name="Bo")
    for params in ({"tag": "g\x00o"}, {"q": "A\x00da"}):
        response = alice_client.get("/contacts/", params)
        assert response.status_code == 200
        assert ">Ada</a>" in response.text and ">Bo</a>" not in response.text
