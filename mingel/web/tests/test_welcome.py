import pytest

pytestmark = pytest.mark.django_db


def test_it_invites_the_first_user_on_a_fresh_install(client):
    response = client.get("/", headers={"accept-language": "en"})
    assert "Create the first account" in response.text
    assert 'href="/accounts/signup/"' in response.text


def test_it_stops_inviting_once_an_account_exists(client, alice):
    response = client.get("/", headers={"accept-language": "en"})
    assert "Create the first account" not in response.text


def test_it_switches_language_and_remembers_it_for_a_user(alice_client, alice):
    response = alice_client.post("/language/", {"language": "sv", "next": "/contacts/"})
    assert response.status_code == 302
    assert response["Location"] == "/contacts/"
    alice.refresh_from_db()
    assert alice.language == "sv"
    assert "Kontakter" in alice_client.get("/contacts/").text


def test_it_refuses_to_redirect_elsewhere(client):
    response = client.post("/language/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_it_answers_health_checks(client):
    assert client.get("/healthz").json() == {"status": "ok"}
