"""Duplicates already in the database: found by match key in a fixed number of queries,
merged field by field with every interaction kept, only within one owner's contacts."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from mingel.compose.models import Draft
from mingel.contacts.models import Contact, Interaction
from mingel.contacts.services import contact_create, interaction_create
from mingel.exports import selectors, services
from mingel.testing import ContactFactory, EventFactory

pytestmark = pytest.mark.django_db


def pairs_of(owner):
    return [
        (p.first["name"], p.second["name"], p.reasons)
        for p in selectors.duplicate_pairs(owner=owner)
    ]


def test_it_finds_duplicates_by_email_linkedin_and_name_with_company(alice, bob):
    contact_create(owner=alice, name="Anna Berg", email="Anna@Example.com")
    contact_create(owner=alice, name="A. Berg", email="ANNA@example.com")
    contact_create(owner=alice, name="Erik", linkedin_url="https://www.linkedin.com/in/erik/")
    contact_create(owner=alice, name="Erik L", linkedin_url="https://se.linkedin.com/in/Erik?trk=x")
    contact_create(owner=alice, name="Sara Lund", company="Spotify AB")
    contact_create(owner=alice, name="sara  lund", company="Spotify")
    contact_create(owner=alice, name="Sara Lund", company="Klarna")
    contact_create(owner=alice, name="Sara Lund")
    contact_create(owner=bob, name="Anna Berg", email="anna@example.com")
    assert pairs_of(alice) == [
        ("Anna Berg", "A. Berg", ("email",)),
        ("Erik", "Erik L", ("linkedin",)),
        ("Sara Lund", "sara  lund", ("name",)),
    ]


def test_it_pairs_every_member_of_a_group_with_the_oldest_and_names_all_reasons(alice):
    first = contact_create(owner=alice, name="Li Chen", company="Kry", email="li@kry.se")
    contact_create(owner=alice, name="Li Chen", company="Kry AB", email="li@kry.se")
    contact_create(owner=alice, name="Li Chen", company="KRY")
    pairs = selectors.duplicate_pairs(owner=alice)
    assert [p.first["id"] for p in pairs] == [first.pk, first.pk]
    assert [p.reasons for p in pairs] == [("email", "name"), ("name",)]


def test_the_duplicates_page_takes_the_same_queries_for_any_number_of_pairs(
    alice, alice_client, django_assert_num_queries
):
    def make(start, n):
        for i in range(start, start + n):
            ContactFactory(owner=alice, name=f"Dup {i}", company="Same Co")
            ContactFactory(owner=alice, name=f"Dup {i}", company="Same Co AB")

    make(0, 2)
    with django_assert_num_queries(3):  # session, user, contacts
        response = alice_client.get("/data/duplicates/")
    assert response.status_code == 200
    assert response.content.decode().count("Compare and merge") == 2
    make(2, 20)
    with django_assert_num_queries(3):
        response = alice_client.get("/data/duplicates/")
    assert response.content.decode().count("Compare and merge") == 22


def test_the_duplicates_page_shows_only_the_owners_pairs(alice, bob, alice_client):
    ContactFactory(owner=bob, name="Bobs Friend", email="friend@example.com")
    ContactFactory(owner=bob, name="Bobs Friend 2", email="friend@example.com")
    response = alice_client.get("/data/duplicates/")
    assert "Bobs Friend" not in response.content.decode()
    assert "No duplicates found" in response.content.decode()


@pytest.fixture
def pair(alice):
    keep = contact_create(
        owner=alice,
        name="Anna Berg",
        company="Spotify",
        email="anna@example.com",
        notes="Met at KTH.",
        tags=["kth"],
    )
    other = contact_create(
        owner=alice,
        name="Anna Berg-Lund",
        company="Spotify",
        email="anna@example.com",
        phone="070-123",
        notes="Likes Rust.",
        role="SRE",
        event=EventFactory(owner=alice),
        tags=["rust", "KTH"],
    )
    for day in (1, 2, 3):
        interaction_create(contact=keep, kind="email", date=dt.date(2026, 1, day))
    for day in (10, 11):
        interaction_create(contact=other, kind="call", date=dt.date(2026, 2, day))
    Draft.objects.create(owner=alice, contact=other, kind="thanks", lang="en", body="Thanks!")
    # The other record is the older one: the merge keeps the earlier creation time.
    Contact.objects.filter(pk=other.pk).update(created_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    keep.refresh_from_db()
    other.refresh_from_db()
    return keep, other


def merge_url(keep, other):
    return f"/data/duplicates/{keep.pk}/merge/{other.pk}/"


def test_the_merge_page_offers_a_choice_only_where_the_records_differ(pair, alice_client):
    keep, other = pair
    response = alice_client.get(merge_url(keep, other))
    form = response.context["form"]
    assert set(form.fields) == {"name", "role", "phone", "notes", "event"}
    assert form.fields["role"].initial == "other"  # keep has no role: take the other's
    assert form.fields["name"].initial == "keep"
    assert [c[0] for c in form.fields["notes"].choices] == ["keep", "other", "both"]


def test_merging_keeps_every_interaction_unions_tags_and_deletes_the_other(
    pair, alice, alice_client
):
    keep, other = pair
    response = alice_client.post(
        merge_url(keep, other),
        {"name": "other", "role": "other", "phone": "other", "notes": "both", "event": "keep"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/contacts/{keep.pk}/"
    assert not Contact.objects.filter(pk=other.pk).exists()
    keep.refresh_from_db()
    assert keep.name == "Anna Berg-Lund" and keep.role == "SRE" and keep.phone == "070-123"
    assert keep.notes == "Met at KTH.\n\nLikes Rust."
    assert keep.event is None
    assert sorted(keep.tags.values_list("name", flat=True)) == ["kth", "rust"]
    assert keep.interactions.count() == 5
    assert Interaction.objects.filter(owner=alice).count() == 5
    assert keep.last_interaction_on == dt.date(2026, 2, 11)
    assert keep.drafts.count() == 1
    assert keep.created_at == dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def test_it_recomputes_the_last_interaction_when_the_kept_contact_had_none(alice):
    keep = contact_create(owner=alice, name="K")
    other = contact_create(owner=alice, name="O")
    interaction_create(contact=other, kind="call", date=dt.date(2025, 5, 5))
    result = services.contacts_merge(keep=keep, other=other, values={})
    assert result.moved_interactions == 1
    keep.refresh_from_db()
    assert keep.last_interaction_on == dt.date(2025, 5, 5)


def test_a_merge_that_does_not_validate_changes_nothing(pair, alice_client):
    keep, other = pair
    Contact.objects.filter(pk=other.pk).update(notes="x" * 9999)
    response = alice_client.post(
        merge_url(keep, other),
        {"name": "keep", "role": "keep", "phone": "keep", "notes": "both", "event": "keep"},
    )
    assert response.status_code == 200
    assert "10000" in response.content.decode() or "10 000" in response.content.decode()
    assert Contact.objects.filter(pk=other.pk).exists()
    assert other.interactions.count() == 2
    keep.refresh_from_db()
    assert keep.notes == "Met at KTH."


def test_the_service_refuses_contacts_of_two_owners(alice, bob):
    mine, theirs = ContactFactory(owner=alice), ContactFactory(owner=bob)
    with pytest.raises(ValueError):
        services.contacts_merge(keep=mine, other=theirs, values={})
    with pytest.raises(ValidationError):
        services.contacts_merge(keep=mine, other=ContactFactory(owner=alice), values={"email": "x"})


def test_another_users_contact_in_either_place_gives_404(alice, bob, bob_client):
    alices = ContactFactory(owner=alice)
    bobs = ContactFactory(owner=bob)
    for url in (merge_url(bobs, alices), merge_url(alices, bobs)):
        assert bob_client.get(url).status_code == 404
        assert bob_client.post(url, {}).status_code == 404
    assert Contact.objects.filter(pk=alices.pk).exists()


def test_merging_a_contact_with_itself_gives_404(alice, alice_client):
    contact = ContactFactory(owner=alice)
    assert alice_client.get(merge_url(contact, contact)).status_code == 404
