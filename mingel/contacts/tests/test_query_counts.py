"""The main pages cost the same number of queries for 1 row as for many: no N+1.

Each test runs the same page with a small and a larger data set and asserts one exact
count, so a query added per row fails both ways."""

import datetime as dt

import pytest

from mingel.contacts import services
from mingel.testing import ContactFactory, TagFactory

SIZES = [pytest.param(1, id="1"), pytest.param(60, id="60")]


def seed_contacts(owner, n):
    tags = [TagFactory(owner=owner, name=f"tag{i}") for i in range(3)]
    for i in range(n):
        contact = ContactFactory(owner=owner, name=f"Person {i:02}", talked_about="cloud")
        contact.tags.set(tags[: 1 + i % 3])
        services.interaction_create(contact=contact, kind="call", date=dt.date(2026, 1, 1))


# session, user, count, the page of contacts, their tags, the user's tags
LIST_QUERIES = 6


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize(
    "params",
    [
        pytest.param({}, id="plain"),
        pytest.param({"q": "cloud person"}, id="search"),
        pytest.param({"tag": "tag0"}, id="tag"),
        pytest.param({"sort": "recent"}, id="recent"),
        pytest.param({"page": "2"}, id="page2"),
    ],
)
def test_the_contact_list_costs_the_same_for_1_or_60_contacts(
    alice_client, alice, django_assert_num_queries, n, params
):
    seed_contacts(alice, n)
    with django_assert_num_queries(LIST_QUERIES):
        response = alice_client.get("/contacts/", params)
    assert response.status_code == 200


# session, user, the contact, its tags, its interactions
DETAIL_QUERIES = 5


@pytest.mark.parametrize("n", [pytest.param(1, id="1"), pytest.param(40, id="40")])
def test_the_contact_detail_costs_the_same_for_1_or_40_interactions(
    alice_client, alice, django_assert_num_queries, n
):
    contact = services.contact_create(owner=alice, name="Ada", tags=["a", "b", "c"])
    for day in range(n):
        services.interaction_create(
            contact=contact, kind="email", date=dt.date(2026, 1, 1) + dt.timedelta(days=day)
        )
    with django_assert_num_queries(DETAIL_QUERIES):
        response = alice_client.get(f"/contacts/{contact.pk}/")
    assert response.text.count('class="event kind-email"') == n


@pytest.mark.parametrize("n", SIZES)
def test_the_contact_list_fragment_for_htmx_costs_no_more(
    alice_client, alice, django_assert_num_queries, n
):
    seed_contacts(alice, n)
    with django_assert_num_queries(LIST_QUERIES):
        response = alice_client.get(
            "/contacts/", {"q": "person"}, headers={"HX-Request": "true", "HX-Target": "results"}
        )
    assert "<html" not in response.text
