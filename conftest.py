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
