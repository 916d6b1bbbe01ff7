import pytest
from django.urls import reverse

from mingel.compose.models import Draft
from mingel.contacts.services import contact_create

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
