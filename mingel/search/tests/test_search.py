"""The contact search on a real database (SQLite's FTS5 here, PostgreSQL's tsvector when the
suite runs there): stemming in both languages, interaction summaries, the index kept in
step by the services, ranking, and owner scoping."""

import datetime as dt

import pytest

from mingel.contacts import services
from mingel.contacts.models import Contact, Interaction
from mingel.contacts.selectors import contacts_list
from mingel.search.models import SearchDocument
from mingel.search.services import search_reindex, search_reindex_all

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 3, 4)


def found(owner, q, **kw) -> list[str]:
    return [c.name for c in contacts_list(owner=owner, q=q, **kw)]


@pytest.mark.parametrize(
    ("q", "text", "expected"),
    [
        pytest.param("migration", "Cloud migrations at scale", True, id="en-plural"),
        pytest.param("engineering", "Knows many data engineers", True, id="en-stem"),
        pytest.param("migreringar", "Ledde migreringen till molnet", True, id="sv-stem"),
        pytest.param("utvecklare", "Utvecklaren bakom appen", True, id="sv-definite"),
        pytest.param("kube", "Kubernetes", True, id="prefix"),
        pytest.param("malmo", "Flyttar till Malmö", True, id="diacritics"),
        pytest.param("who knows about kafka", "Kafka pipelines", True, id="question"),
        pytest.param("kafka", "Rust for embedded", False, id="no-match"),
        pytest.param("sson", "Andersson", False, id="no-inner-substring"),
    ],
)
def test_it_finds_by_stem_and_prefix_in_both_languages(alice, q, text, expected):
    services.contact_create(owner=alice, name="Kim", notes=text)
    assert found(alice, q) == (["Kim"] if expected else [])


def test_it_searches_every_field_and_the_interaction_summaries(alice):
    services.contact_create(owner=alice, name="Ada Lind")
    services.contact_create(owner=alice, name="Bo", company="Klarna")
    services.contact_create(owner=alice, name="Cy", role="Site reliability engineer")
    services.contact_create(owner=alice, name="Di", tags=["Mentor"])
    services.contact_create(owner=alice, name="Ed", talked_about="Rust")
    services.contact_create(owner=alice, name="Fa", where_met="PyCon Sverige")
    services.contact_create(owner=alice, name="Gu", notes="Bakar surdegsbröd")
    hu = services.contact_create(owner=alice, name="Hu")
    services.interaction_create(contact=hu, kind="call", date=DAY, summary="Pratade om Elixir")
    assert found(alice, "lind") == ["Ada Lind"]
    assert found(alice, "klarna") == ["Bo"]
    assert found(alice, "reliability") == ["Cy"]
    assert found(alice, "mentor") == ["Di"]
    assert found(alice, "rust") == ["Ed"]
    assert found(alice, "pycon") == ["Fa"]
    assert found(alice, "surdeg") == ["Gu"]
    assert found(alice, "elixir") == ["Hu"]


def test_every_word_must_match_but_may_match_in_different_fields(alice):
    services.contact_create(owner=alice, name="Sara Berg", company="Klarna", notes="Kafka")
    services.contact_create(owner=alice, name="Sara Holm", company="Spotify")
    assert found(alice, "sara kafka") == ["Sara Berg"]
    assert found(alice, "sara") == ["Sara Berg", "Sara Holm"]


def test_it_ranks_names_companies_and_tags_above_topics_above_notes(alice):
    services.contact_create(owner=alice, name="Aron", notes="Har jobbat med Kubernetes")
    services.contact_create(owner=alice, name="Berit", talked_about="Kubernetes i produktion")
    services.contact_create(owner=alice, name="Cecilia", tags=["kubernetes"])
    summary = services.contact_create(owner=alice, name="Adam")
    services.interaction_create(contact=summary, kind="call", date=DAY, summary="kubernetes")
    assert found(alice, "kubernetes") == ["Cecilia", "Berit", "Adam", "Aron"]
    # the user's sort wins over best match
    assert found(alice, "kubernetes", sort="name") == ["Adam", "Aron", "Berit", "Cecilia"]


def test_the_index_follows_edits_and_deletes(alice):
    contact = services.contact_create(owner=alice, name="Ada", company="Klarna")
    services.contact_update(contact=contact, company="Spotify", tags=["rust"])
    assert found(alice, "klarna") == []
    assert found(alice, "spotify rust") == ["Ada"]
    services.contact_update(contact=contact, tags=[])
    assert found(alice, "rust") == []
    services.contact_delete(contact=contact)
    assert found(alice, "spotify") == []
    assert not SearchDocument.objects.exists()


def test_the_index_follows_interactions_created_changed_moved_and_deleted(alice):
    ada = services.contact_create(owner=alice, name="Ada")
    bo = services.contact_create(owner=alice, name="Bo")
    call = services.interaction_create(contact=ada, kind="call", date=DAY, summary="Elixir")
    assert found(alice, "elixir") == ["Ada"]
    services.interaction_update(interaction=call, summary="Erlang")
    assert found(alice, "elixir") == []
    assert found(alice, "erlang") == ["Ada"]
    services.interaction_update(interaction=call, contact=bo)
    assert found(alice, "erlang") == ["Bo"]
    services.interaction_delete(interaction=call)
    assert found(alice, "erlang") == []


def test_a_contact_met_on_a_day_is_indexed_once_with_its_meeting(alice):
    services.contact_create(owner=alice, name="Ada", met_on=DAY, talked_about="Rust")
    assert SearchDocument.objects.count() == 1
    assert found(alice, "rust") == ["Ada"]


def test_bob_never_finds_alices_contacts(alice, bob):
    ada = services.contact_create(owner=alice, name="Ada Lind", company="Klarna", tags=["rust"])
    services.interaction_create(contact=ada, kind="call", date=DAY, summary="Elixir")
    services.contact_create(owner=bob, name="Bob's own")
    for q in ["ada", "klarna", "rust", "elixir", "a"]:
        assert found(bob, q) == []
    assert found(alice, "ada") == ["Ada Lind"]


def test_bob_never_finds_alices_contacts_through_the_page_or_the_api(alice, bob_client, bob_api):
    services.contact_create(owner=alice, name="Ada Lind", notes="Kubernetes")
    assert "Ada Lind" not in bob_client.get("/contacts/", {"q": "kubernetes"}).text
    body = bob_api.get("/contacts", q="kubernetes").json()
    assert body == {"items": [], "count": 0}


def test_a_query_without_words_finds_nothing(alice):
    services.contact_create(owner=alice, name="Ada")
    assert found(alice, "!!! ---") == []
    assert found(alice, "   ") == ["Ada"]


def test_quotes_and_query_syntax_are_plain_text(alice):
    services.contact_create(owner=alice, name="Ada", notes='She said "NEAR" and OR AND')
    for q in ['"near', "or*", "NEAR(a b)", "a:b", "{head}: ada", "ada & | !", "'"]:
        contacts_list(owner=alice, q=q).count()  # no syntax error from either engine
    assert found(alice, '"ada"') == ["Ada"]


def test_bulk_writes_are_found_after_reindexing(alice, bob):
    Contact.objects.bulk_create(
        [Contact(owner=alice, name="Imported Ida", company="Volvo"), Contact(owner=bob, name="B")]
    )
    assert found(alice, "volvo") == []
    ida = Contact.objects.get(name="Imported Ida")
    Interaction.objects.create(owner=alice, contact=ida, date=DAY, summary="Batterier")
    assert search_reindex(contact_ids=[ida.pk]) == 1
    assert found(alice, "batteri volvo") == ["Imported Ida"]
    assert search_reindex_all(owner=alice) == 1
    assert SearchDocument.objects.filter(owner=bob).count() == 0
    assert search_reindex_all() == 2
    assert found(alice, "volvo") == ["Imported Ida"]


def test_reindexing_a_deleted_contact_drops_it(alice):
    contact = services.contact_create(owner=alice, name="Ada")
    pk = contact.pk
    Contact.objects.filter(pk=pk).delete()
    assert search_reindex(contact_ids=[pk]) == 0
    assert found(alice, "ada") == []
