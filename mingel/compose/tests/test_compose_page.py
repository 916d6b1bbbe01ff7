import datetime as dt

import pytest
from django.urls import reverse

from mingel.compose.models import Draft
from mingel.contacts.services import contact_create, contact_update, interaction_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def erik(alice):
    return contact_create(
        owner=alice,
        name="Erik Lund",
        company="Spotify",
        role="Backend developer",
        email="erik@example.com",
        linkedin_url="https://www.linkedin.com/in/eriklund",
        where_met="Python meetup",
        talked_about="Rust for data pipelines",
    )


def compose_url(contact, **query):
    url = reverse("contact_compose", kwargs={"contact_id": contact.pk})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_it_shows_a_form_for_the_contact(alice_client, erik):
    response = alice_client.get(compose_url(erik, kind="connect"))
    assert response.status_code == 200
    assert "Write to Erik Lund" in response.text
    assert 'name="body"' in response.text


@pytest.mark.parametrize(
    ("language", "greeting"),
    [pytest.param("en", "Hi Erik", id="en"), pytest.param("sv", "Hej Erik", id="sv")],
)
@pytest.mark.parametrize("kind", ["connect", "thanks", "reconnect"])
def test_it_drafts_a_message_from_what_it_knows(
    alice, alice_client, erik, language, greeting, kind
):
    alice.language = language
    alice.lately = {"en": "I started at Klarna", "sv": "Jag har börjat på Klarna"}[language]
    alice.save()
    topic = {"en": "Rust for data pipelines", "sv": "Rust för datapipelines"}[language]
    contact_update(contact=erik, talked_about=topic)
    response = alice_client.get(compose_url(erik, kind=kind))
    assert response.status_code == 200
    body = response.context["form"]["body"].value()
    assert greeting in body
    assert topic in body
    assert f'<html lang="{language}">' in response.text
    assert response.context["feedback"]["result"]["lang"] == language
    warnings = [f for f in response.context["feedback"]["findings"] if f["severity"] == "warning"]
    assert warnings == []


def test_it_switches_the_draft_language_and_phrasing(alice_client, erik):
    english = alice_client.get(compose_url(erik, kind="thanks", lang="en"))
    swedish = alice_client.get(compose_url(erik, kind="thanks", lang="sv"))
    other = alice_client.get(compose_url(erik, kind="thanks", lang="sv", variant=1))
    assert "Thank" in english.context["form"]["body"].value()
    assert "Tack" in swedish.context["form"]["body"].value()
    assert other.context["form"]["body"].value() != swedish.context["form"]["body"].value()
    assert "variant=2" in other.text


def test_it_uses_the_latest_interaction_when_the_topic_is_missing(alice_client, erik):
    contact_update(contact=erik, talked_about="")
    interaction_create(contact=erik, kind="coffee", date=dt.date(2026, 1, 5), summary="Kafka")
    interaction_create(
        contact=erik, kind="email", date=dt.date(2026, 2, 1), summary="My note", direction="sent"
    )
    response = alice_client.get(compose_url(erik, kind="thanks", lang="en"))
    assert "Kafka" in response.context["form"]["body"].value()


def test_it_fits_the_connection_note_to_the_account(alice, alice_client, erik):
    for account, limit in (("free", 200), ("premium", 300)):
        alice.linkedin_account = account
        alice.save()
        response = alice_client.get(compose_url(erik, kind="connect"))
        assert len(response.context["form"]["body"].value()) <= limit
        assert response.context["feedback"]["char_limit"] == limit


def test_it_offers_the_ways_to_send(alice_client, erik):
    response = alice_client.get(compose_url(erik, kind="reconnect", lang="en"))
    assert 'href="https://www.linkedin.com/in/eriklund"' in response.text
    mailto = response.context["mailto"]
    assert mailto.startswith("mailto:erik@example.com?subject=")
    assert "%0D%0A" in mailto
    assert 'data-copy="#id_body"' in response.text


def test_it_gives_bob_a_404_for_alices_contact(bob_client, erik):
    assert bob_client.get(compose_url(erik)).status_code == 404
    response = bob_client.post(compose_url(erik), {"action": "sent", "kind": "thanks"})
    assert response.status_code == 404
    assert not Draft.objects.exists()


def test_it_asks_to_log_in_first(client, erik):
    response = client.get(compose_url(erik))
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_it_marks_a_message_as_sent(alice_client, alice, erik):
    response = alice_client.post(
        compose_url(erik),
        {
            "action": "sent",
            "kind": "thanks",
            "lang": "en",
            "channel": "email",
            "subject": "",
            "body": "Hi Erik,\nthanks for the chat about Rust for data pipelines!",
        },
    )
    assert response.status_code == 302
    draft = Draft.objects.get()
    assert (draft.owner, draft.contact, draft.kind, draft.lang) == (alice, erik, "thanks", "en")
    assert draft.sent_at is not None
    interaction = erik.interactions.get()
    assert (interaction.kind, interaction.direction, interaction.summary) == (
        "email",
        "sent",
        "Hi Erik,",
    )
    erik.refresh_from_db()
    assert erik.last_interaction_on == interaction.date


def test_it_keeps_what_was_typed_when_the_message_is_empty(alice_client, erik):
    response = alice_client.post(
        compose_url(erik),
        {"action": "sent", "kind": "reconnect", "lang": "sv", "subject": "Länge sedan", "body": ""},
    )
    assert response.status_code == 200
    assert 'value="Länge sedan"' in response.text
    assert not Draft.objects.exists()
    assert not erik.interactions.exists()


@pytest.mark.parametrize("language", ["en", "sv"])
def test_a_draft_from_long_one_word_fields_can_be_marked_as_sent(alice, alice_client, language):
    alice.language = language
    alice.save()
    contact = contact_create(
        owner=alice, name="Erik Lund", where_met="m" * 200, talked_about="k" * 2000
    )
    form = alice_client.get(compose_url(contact, kind="thanks")).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    assert len(data["subject"]) <= 200 and len(data["body"]) < 1000
    assert "mmm" not in data["subject"] + data["body"] and "kkk" not in data["body"]
    response = alice_client.post(compose_url(contact), {**data, "action": "sent-anyway"})
    assert response.status_code == 302
    assert Draft.objects.get().subject == data["subject"]
