"""Failed logins and reset mails are limited per account and per client address, and a
throttled login is refused before the password is hashed (issue 12)."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail

from mingel.accounts.models import Attempt
from mingel.testing import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
RESET = "/accounts/password/reset/"


class CountingHasher(MD5PasswordHasher):
    """The tests' hasher, counting every password it hashes or checks."""

    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    CountingHasher.calls = 0
    return CountingHasher


def wrong_login(client, email="alice@example.com", address="203.0.113.5"):
    return client.post(LOGIN, {"username": email, "password": "wrong"}, REMOTE_ADDR=address)


def test_the_sixth_wrong_login_gets_429_without_hashing_the_password(
    client, alice, counting_hasher
):
    for _ in range(5):
        assert wrong_login(client).status_code == 200
    hashed = counting_hasher.calls
    assert hashed >= 5

    response = client.post(
        LOGIN,
        {"username": "Alice@Example.com", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.5",
        headers={"accept-language": "en"},
    )

    assert response.status_code == 429
    assert counting_hasher.calls == hashed
    assert "Too many attempts; try again in 15 minutes." in response.text
    assert int(response["Retry-After"]) > 14 * 60
    assert client.get("/contacts/").status_code == 302  # still logged out


def test_the_wait_is_told_in_swedish(client, alice):
    for _ in range(5):
        wrong_login(client)
    response = client.post(
        LOGIN,
        {"username": "alice@example.com", "password": "wrong"},
        REMOTE_ADDR="203.0.113.5",
        headers={"accept-language": "sv"},
    )
    assert response.status_code == 429
    assert "För många försök. Försök igen om 15 minuter." in response.text


def test_another_account_from_another_address_still_logs_in(client, alice, bob):
    for _ in range(6):
        wrong_login(client)
    response = client.post(
        LOGIN,
        {"username": bob.email, "password": PASSWORD},
        REMOTE_ADDR="198.51.100.7",
    )
    assert response.status_code == 302


def test_one_address_is_throttled_across_accounts(client, db):
    for number in range(20):
        wrong_login(client, email=f"guess{number}@example.com")
    assert wrong_login(client, email="someone-else@example.com").status_code == 429
    assert (
        wrong_login(client, email="someone-else@example.com", address="198.51.100.7").status_code
        == 200
    )


def test_a_correct_login_after_the_window_works(client, alice):
    for _ in range(6):
        wrong_login(client)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=16)
    with time_machine.travel(later, tick=False):
        response = client.post(
            LOGIN,
            {"username": "alice@example.com", "password": PASSWORD},
            REMOTE_ADDR="203.0.113.5",
        )
    assert response.status_code == 302


def test_a_correct_login_forgets_the_failures(client, alice):
    for _ in range(4):
        wrong_login(client)
    client.post(LOGIN, {"username": "alice@example.com", "password": PASSWORD})
    client.post("/accounts/logout/")
    assert not Attempt.objects.filter(key="account:alice@example.com").exists()


def test_behind_the_proxy_the_address_is_the_one_the_proxy_added(client, alice, settings):
    settings.BEHIND_PROXY = True
    for number in range(5):
        # The client makes up the first address; the proxy appends the real one.
        client.post(
            LOGIN,
            {"username": "alice@example.com", "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 203.0.113.5",
        )
    assert Attempt.objects.filter(key="address:203.0.113.5").count() == 5
    assert not Attempt.objects.filter(key="address:10.0.0.2").exists()


def test_reset_mail_is_sent_at_most_three_times_an_hour(client, alice):
    for _ in range(3):
        assert client.post(RESET, {"email": "alice@example.com"}).status_code == 302
    response = client.post(RESET, {"email": "alice@example.com"}, headers={"accept-language": "en"})
    assert response.status_code == 429
    assert "Too many attempts; try again in 60 minutes." in response.text
    assert len(mail.outbox) == 3


def test_reset_mail_is_limited_per_client_too(client, alice):
    for number in range(10):
        client.post(RESET, {"email": f"nobody{number}@example.com"})
    assert client.post(RESET, {"email": "alice@example.com"}).status_code == 429
    assert len(mail.outbox) == 0
