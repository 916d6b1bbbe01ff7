import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_shows_the_check_page_with_a_nav_link(alice_client):
    response = alice_client.get(reverse("message_check"))
    assert response.status_code == 200
    assert f'href="{reverse("message_check")}"' in response.text
    assert 'name="body"' in response.text


def test_it_keeps_what_was_typed(alice_client):
    response = alice_client.post(
        reverse("message_check"),
        {"kind": "thanks", "lang": "en", "recipient": "Erik", "subject": "Hej", "body": ""},
    )
    assert response.status_code == 200
    assert 'value="Erik"' in response.text
    assert 'value="Hej"' in response.text


def test_it_finds_what_is_wrong_with_a_desperate_message(alice_client):
    response = alice_client.post(
        reverse("message_check"),
        {
            "kind": "connect",
            "lang": "en",
            "recipient": "Erik Lund",
            "body": "I really need a job!!",
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'data-rule="desperate"' in response.text
    assert 'data-rule="no-name"' in response.text
    assert response.text.count('data-rule="desperate"') == 1
    assert "<q>I really need</q>" in response.text
    assert "<q>!!</q>" in response.text
    assert '<mark title="Sounds desperate, Their name is missing">I really need</mark>' in (
        response.text
    )
    assert "of 200 characters" in response.text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        pytest.param("en", ["Fix", "Sounds desperate", "pleading"], id="en"),
        pytest.param("sv", ["Att ändra", "Låter desperat", "bönfallande"], id="sv"),
    ],
)
def test_it_explains_findings_in_the_interface_language(alice, alice_client, language, expected):
    alice.language = language
    alice.save()
    response = alice_client.post(
        reverse("message_check"),
        {"kind": "thanks", "lang": "en", "body": "Send me a job now!!"},
    )
    assert response.status_code == 200
    assert 'data-rule="desperate"' in response.text
    for text in expected:
        assert text in response.text


def test_it_uses_the_premium_limit_for_connection_notes(alice, alice_client):
    alice.linkedin_account = "premium"
    alice.save()
    body = "Hi Erik, " + "thanks for the great talk about Rust pipelines. " * 5
    response = alice_client.post(
        reverse("message_check"),
        {"kind": "connect", "lang": "en", "recipient": "Erik", "body": body},
        headers={"HX-Request": "true"},
    )
    assert "of 300 characters" in response.text
    assert 'data-rule="too-long"' not in response.text
