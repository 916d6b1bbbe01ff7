"""The search as the contact list page, the API and the CLI show it."""

import datetime as dt

import pytest
from typer.testing import CliRunner

from mingel.cli import app
from mingel.contacts import services
from mingel.contacts.models import Contact
from mingel.testing import ContactFactory

pytestmark = pytest.mark.django_db


def names_in(response):
    return [c.name for c in response.context["page"]]


def test_it_lists_best_matches_first_and_says_why_a_row_matched(alice_client, alice):
    services.contact_create(owner=alice, name="Aron", notes="Har migrerat allt till Kubernetes")
    services.contact_create(owner=alice, name="Berit", company="Kubernetes AB")
    response = alice_client.get("/contacts/", {"q": "kubernetes"})
    assert names_in(response) == ["Berit", "Aron"]
    html = response.text
    assert "Notes: Har migrerat allt till <mark>Kubernetes</mark>" in html
    assert html.count('class="match') == 1  # Berit's row shows its company already
    assert '<option value="" selected>Best match</option>' in html


def test_it_quotes_the_interaction_that_matched(alice_client, alice):
    ada = services.contact_create(owner=alice, name="Ada")
    services.interaction_create(
        contact=ada, kind="call", date=dt.date(2026, 3, 4), summary="Pratade om <b>Elixir</b>"
    )
    html = alice_client.get("/contacts/", {"q": "elixir"}).text
    assert "<mark>Elixir</mark>" in html
    assert "&lt;b&gt;" in html  # the summary is escaped, not trusted
    assert "4 Mar 2026" in html


def test_it_says_why_in_swedish(alice_client, alice):
    alice.language = "sv"
    alice.save()
    services.contact_create(owner=alice, name="Ada", talked_about="Migreringar")
    html = alice_client.get("/contacts/", {"q": "migrering"}).text
    assert "Pratade om: <mark>Migreringar</mark>" in html
    assert "Bästa träff" in html


def test_the_users_sort_still_applies_to_a_search(alice_client, alice):
    services.contact_create(owner=alice, name="Aron", notes="Kubernetes")
    services.contact_create(owner=alice, name="Berit", company="Kubernetes AB")
    assert names_in(alice_client.get("/contacts/", {"q": "kube", "sort": "name"})) == [
        "Aron",
        "Berit",
    ]


def test_a_search_page_makes_a_fixed_number_of_queries(
    alice_client, alice, django_assert_max_num_queries
):
    for n in range(60):
        contact = services.contact_create(owner=alice, name=f"P{n:02}", tags=["x", "y"])
        services.interaction_create(
            contact=contact, kind="call", date=dt.date(2026, 1, 1), summary="Kafka"
        )
    # session, user, count, the user's tags, the page, its tags, the matching interactions
    with django_assert_max_num_queries(7):
        response = alice_client.get("/contacts/", {"q": "kafka"})
    assert response.text.count("<mark>Kafka</mark>") == 50


def test_the_api_ranks_and_counts_like_the_page(alice, alice_api):
    services.contact_create(owner=alice, name="Aron", notes="Kubernetes")
    services.contact_create(owner=alice, name="Berit", tags=["kubernetes"])
    services.contact_create(owner=alice, name="Cy")
    body = alice_api.get("/contacts", q="kubernetes", limit=1).json()
    assert body["count"] == 2
    assert [c["name"] for c in body["items"]] == ["Berit"]


def test_the_cli_reindexes_one_user_or_everyone(alice, bob):
    Contact.objects.bulk_create([Contact(owner=alice, name="Ada", company="Volvo")])
    ContactFactory(owner=bob, name="Bo")
    result = CliRunner().invoke(app, ["reindex", "--user", "ALICE@example.com"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "indexed 1 contact"
    assert CliRunner().invoke(app, ["reindex"]).output.strip() == "indexed 2 contacts"


def test_the_cli_refuses_an_unknown_user(db):
    result = CliRunner().invoke(app, ["reindex", "--user", "nobody@example.com"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "mingel: no user with email nobody@example.com"
