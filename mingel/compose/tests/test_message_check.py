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
