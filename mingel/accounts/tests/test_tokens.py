import re

import pytest

from mingel.accounts.models import ApiToken, hash_token
from mingel.accounts.services import token_create

pytestmark = pytest.mark.django_db


def test_it_creates_a_token_and_shows_its_value_once(alice_client, alice, alice_api):
    response = alice_client.post("/accounts/tokens/new/", {"name": "my script"})
    assert response.status_code == 200
    raw = re.search(r'value="(mgl_[^"]+)"', response.text)[1]
    token = ApiToken.objects.get(user=alice, name="my script")
    assert token.token_hash == hash_token(raw)
    assert raw not in str(ApiToken.objects.filter(pk=token.pk).values().get())
    # The profile lists it by name and hint, never by value.
    profile = alice_client.get("/accounts/profile/").text
    assert "my script" in profile and token.hint in profile and raw not in profile


def test_the_new_token_works_against_the_api(alice_client, alice):
    response = alice_client.post("/accounts/tokens/new/", {"name": ""})
    raw = re.search(r'value="(mgl_[^"]+)"', response.text)[1]
    api = alice_client.get("/api/v1/contacts", headers={"authorization": f"Bearer {raw}"})
    assert api.status_code == 200


def test_it_shows_when_a_token_was_last_used(alice_client, alice):
    token, raw = token_create(user=alice, name="cron")
    assert "never used" in alice_client.get("/accounts/profile/").text
    alice_client.get("/api/v1/contacts", headers={"authorization": f"Bearer {raw}"})
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert "last used" in alice_client.get("/accounts/profile/").text


def test_it_asks_before_revoking_then_revokes(alice_client, alice):
    token, raw = token_create(user=alice, name="old phone")
    page = alice_client.get(f"/accounts/tokens/{token.pk}/revoke/")
    assert page.status_code == 200 and "old phone" in page.text
    assert ApiToken.objects.filter(pk=token.pk).exists()
    response = alice_client.post(f"/accounts/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    api = alice_client.get("/api/v1/contacts", headers={"authorization": f"Bearer {raw}"})
    assert api.status_code == 401


def test_bob_cannot_revoke_alices_token(bob_client, alice):
    token, _ = token_create(user=alice)
    assert bob_client.get(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    assert bob_client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_a_too_long_name_creates_nothing_and_says_why(alice_client, alice):
    response = alice_client.post("/accounts/tokens/new/", {"name": "x" * 101}, follow=True)
    assert "The token name is too long." in response.text
    assert not ApiToken.objects.filter(user=alice).exists()


def test_getting_the_create_url_goes_back_to_the_profile(alice_client):
    response = alice_client.get("/accounts/tokens/new/")
    assert response.status_code == 302 and response.url == "/accounts/profile/"
