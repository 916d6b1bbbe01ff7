"""The compose page's optional "rewrite" action against a tiny local language-model server:
the rewrite replaces the text and is coached; a slow model leaves the text as it was and
says why, in the user's language."""

import threading
from http.server import ThreadingHTTPServer

import pytest
from django.urls import reverse

from mingel.contacts.services import contact_create
from mingel.core.compose.tests.test_rewrite import GOOD_RECONNECT, Model

pytestmark = pytest.mark.django_db


@pytest.fixture
def model(monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Model)
    server.mode, server.answer, server.requests = "ok", GOOD_RECONNECT, []
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("MINGEL_LLM_BASE_URL", f"http://127.0.0.1:{server.server_address[1]}/v1")
    monkeypatch.setenv("MINGEL_LLM_MODEL", "tiny")
    monkeypatch.setenv("MINGEL_LLM_TIMEOUT", "0.5")
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def ola(alice):
    return contact_create(owner=alice, name="Ola Berg", talked_about="Kafka")


def url(contact):
    return reverse("contact_compose", kwargs={"contact_id": contact.pk})


TYPED = {
    "kind": "reconnect",
    "lang": "en",
    "recipient": "Ola Berg",
    "context": "Kafka",
    "subject": "Hello",
    "body": "Hi Ola, how are you? I wrote this myself.",
    "action": "rewrite",
}


def test_there_is_no_rewrite_button_without_a_model(alice_client, ola, monkeypatch):
    monkeypatch.delenv("MINGEL_LLM_BASE_URL", raising=False)
    response = alice_client.get(url(ola))
    assert 'value="rewrite"' not in response.text
    response = alice_client.post(url(ola), TYPED)
    assert "No language model is configured." in response.text
    assert "I wrote this myself." in response.text


def test_the_model_rewrites_the_draft_and_the_coach_checks_it(alice_client, ola, model):
    assert 'value="rewrite"' in alice_client.get(url(ola)).text
    response = alice_client.post(url(ola), TYPED)
    assert response.status_code == 200
    form = response.context["form"]
    assert form["subject"].value() == "Long time no see - a question about data teams"
    assert form["body"].value().startswith("Hi Ola,\n\nIt's been three years")
    assert "Rewritten by the language model." in response.text
    assert response.context["feedback"]["result"]["kind"] == "reconnect"
    (request,) = model.requests
    assert "I wrote this myself." in request["body"]["messages"][1]["content"]


def test_a_slow_model_leaves_the_text_as_typed_and_says_so_in_swedish(
    alice, alice_client, ola, model
):
    alice.language = "sv"
    alice.save()
    model.mode = "slow"
    response = alice_client.post(url(ola), TYPED)
    assert response.status_code == 200
    assert response.context["form"]["body"].value() == TYPED["body"]
    assert "Språkmodellen svarade inte i tid. Ditt utkast är oförändrat." in response.text


def test_bob_cannot_rewrite_alices_draft(bob_client, ola, model):
    assert bob_client.post(url(ola), TYPED).status_code == 404
    assert model.requests == []
