import datetime as dt

import pytest

from mingel.contacts import services
from mingel.testing import ContactFactory, TagFactory

pytestmark = pytest.mark.django_db


def names_in(response):
    return [c.name for c in response.context["page"]]


def test_it_lists_the_users_contacts_with_company_role_tags_and_last_date(alice_client, alice):
    contact = services.contact_create(
        owner=alice, name="Ada Lind", company="Spotify", role="Engineer", tags=["alumni"]
    )
    services.interaction_create(contact=contact, kind="call", date=dt.date(2025, 3, 4))
    response = alice_client.get("/contacts/")
    assert response.status_code == 200
    html = response.text
    assert "Ada Lind" in html
    assert "Engineer, Spotify" in html
    assert '<span class="tag">alumni</span>' in html
    assert '<time datetime="2025-03-04">4 Mar 2025</time>' in html


def test_it_formats_the_last_date_for_swedish(alice_client, alice):
    alice.language = "sv"
    alice.save()
    contact = services.contact_create(owner=alice, name="Ada Lind")
    services.interaction_create(contact=contact, kind="call", date=dt.date(2025, 3, 4))
    html = alice_client.get("/contacts/").text
    assert '<time datetime="2025-03-04">4 mars 2025</time>' in html
    assert "Senast i kontakt" in html


def test_it_never_lists_another_users_contacts(alice_client, alice, bob):
    ContactFactory(owner=alice, name="Ada Lind")
    ContactFactory(owner=bob, name="Bertil Bob")
    assert names_in(alice_client.get("/contacts/")) == ["Ada Lind"]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        pytest.param("ada", ["Ada Lind"], id="name"),
        pytest.param("KLARNA", ["Bo Ek"], id="company-any-case"),
        pytest.param("kubernetes", ["Ada Lind"], id="talked-about"),
        pytest.param("ek klarna", ["Bo Ek"], id="every-word"),
        pytest.param("nobody", [], id="no-match"),
    ],
)
def test_it_searches(alice_client, alice, q, expected):
    ContactFactory(owner=alice, name="Ada Lind", company="Spotify", talked_about="Kubernetes")
    ContactFactory(owner=alice, name="Bo Ek", company="Klarna", talked_about="Rust")
    assert names_in(alice_client.get("/contacts/", {"q": q})) == expected


def test_it_filters_by_tag_and_shows_the_users_tags_as_chips(alice_client, alice, bob):
    services.contact_create(owner=alice, name="Ada", tags=["Alumni"])
    services.contact_create(owner=alice, name="Bo", tags=["cloud"])
    TagFactory(owner=bob, name="bobs-secret-tag")
    response = alice_client.get("/contacts/", {"tag": "alumni"})
    assert names_in(response) == ["Ada"]
    assert "?tag=cloud" in response.text
    assert "bobs-secret-tag" not in response.text


def test_it_sorts_by_name_or_by_last_interaction(alice_client, alice):
    never = services.contact_create(owner=alice, name="Anna Aldrig")
    old = services.contact_create(owner=alice, name="Bo Gammal")
    new = services.contact_create(owner=alice, name="Cecilia Ny")
    services.interaction_create(contact=old, kind="call", date=dt.date(2024, 1, 1))
    services.interaction_create(contact=new, kind="call", date=dt.date(2026, 1, 1))
    assert names_in(alice_client.get("/contacts/")) == [never.name, old.name, new.name]
    by_recent = names_in(alice_client.get("/contacts/", {"sort": "recent"}))
    assert by_recent == [new.name, old.name, never.name]


def test_it_paginates_fifty_per_page_and_keeps_the_search(alice_client, alice):
    for n in range(55):  # equally good matches: best match first, then by name
        ContactFactory(owner=alice, name=f"Person {n:02}", company="Acme", role="Engineer")
    first = alice_client.get("/contacts/", {"q": "acme"})
    assert len(first.context["page"]) == 50
    assert "?q=acme&amp;page=2" in first.text
    second = alice_client.get("/contacts/", {"q": "acme", "page": 2})
    assert names_in(second) == [f"Person {n}" for n in range(50, 55)]


def test_it_answers_htmx_with_only_the_results(alice_client, alice):
    ContactFactory(owner=alice, name="Ada Lind")
    response = alice_client.get(
        "/contacts/", {"q": "ada"}, headers={"HX-Request": "true", "HX-Target": "results"}
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="results"')
    assert "Ada Lind" in response.text
    assert "<html" not in response.text


def test_it_lists_60_tagged_contacts_in_a_fixed_number_of_queries(
    alice_client, alice, django_assert_max_num_queries
):
    tags = [TagFactory(owner=alice, name=f"t{n}") for n in range(3)]
    for n in range(60):
        contact = ContactFactory(owner=alice, name=f"Person {n:02}")
        contact.tags.set(tags)
    # session, user, count, the user's tags, the page of contacts, their tags
    with django_assert_max_num_queries(6):
        response = alice_client.get("/contacts/")
    assert response.text.count('class="card contact-row"') == 50


def test_it_sends_anonymous_visitors_to_the_login_page(client):
    response = client.get("/contacts/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")
