import pytest

pytestmark = pytest.mark.django_db


def test_it_shows_the_login_page_in_swedish_for_swedish_browsers(client):
    response = client.get("/accounts/login/", headers={"accept-language": "sv"})
    assert response.status_code == 200
    assert "Logga in" in response.text
    assert '<html lang="sv">' in response.text


def test_it_shows_the_login_page_in_english_for_english_browsers(client):
    response = client.get("/accounts/login/", headers={"accept-language": "en"})
    assert "Log in" in response.text
    assert "Logga in" not in response.text


def test_it_logs_in_with_email_and_password(client, alice):
    response = client.post(
        "/accounts/login/",
        {"username": "alice@example.com", "password": "correct-horse-battery-staple"},
    )
    assert response.status_code == 302
    assert client.get("/contacts/").status_code == 200


def test_it_keeps_the_email_after_a_wrong_password(client, alice):
    response = client.post("/accounts/login/", {"username": "alice@example.com", "password": "no"})
    assert response.status_code == 200
    assert 'value="alice@example.com"' in response.text
