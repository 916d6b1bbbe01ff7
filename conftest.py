"""Fixtures every suite shares: three users and their logged-in clients.

alice owns the data under test, bob is another user who must never see it, and charlie
has no data at all. "bob gets 404" is then one line in any test.
"""

import pytest

from mingel.testing import UserFactory


@pytest.fixture
def alice(db):
    return UserFactory(email="alice@example.com", display_name="Alice Andersson")


@pytest.fixture
def bob(db):
    return UserFactory(email="bob@example.com", display_name="Bob Berg")


@pytest.fixture
def charlie(db):
    return UserFactory(email="charlie@example.com", display_name="")


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(alice, bob):
    from django.test import Client

    other = Client()
    other.force_login(bob)
    return other


class ApiClient:
    """A Django test client that speaks JSON to /api/v1/ with a user's bearer token.

    Goes through the whole stack (URLs, middleware, auth), unlike ninja's TestClient."""

    def __init__(self, token: str | None):
        from django.test import Client

        self.client = Client()
        self.headers = {"authorization": f"Bearer {token}"} if token else {}

    def request(self, method: str, path: str, data=None, **params):
        import json

        url = "/api/v1" + path
        call = getattr(self.client, method.lower())
        if method.upper() == "GET":
            return call(url, params, headers=self.headers)
        if method.upper() == "DELETE":
            return call(url, headers=self.headers)
        body = json.dumps(data if data is not None else {})
        return call(url, body, content_type="application/json", headers=self.headers)

    def get(self, path, **params):
        return self.request("GET", path, **params)

    def post(self, path, data=None):
        return self.request("POST", path, data)

    def put(self, path, data=None):
        return self.request("PUT", path, data)

    def patch(self, path, data=None):
        return self.request("PATCH", path, data)

    def delete(self, path):
        return self.request("DELETE", path)


@pytest.fixture
def alice_api(alice):
    from mingel.accounts.services import token_create

    return ApiClient(token_create(user=alice, name="tests")[1])


@pytest.fixture
def bob_api(alice, bob):
    from mingel.accounts.services import token_create

    return ApiClient(token_create(user=bob, name="tests")[1])


@pytest.fixture
def anonymous_api(db):
    return ApiClient(None)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests create many users; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
