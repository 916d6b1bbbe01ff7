"""Sign-up while `mingel serve --host 0.0.0.0` serves the embedded app on the network:
the laptop itself may create an account, a device on the same Wi-Fi may not (unless
MINGEL_SIGNUP=open), and is told so in its language."""

import pytest

from mingel import config
from mingel.accounts.models import User
from mingel.testing import PASSWORD

pytestmark = pytest.mark.django_db

LAPTOP = ["laptop", "laptop.local", "192.168.1.23"]
PHONE = "192.168.1.40"
NEW_USER = {
    "email": "eve@example.com",
    "password1": "a long enough passphrase 42",
    "password2": "a long enough passphrase 42",
}


@pytest.fixture
def serving_network(settings):
    """The settings as `mingel serve --host 0.0.0.0` makes them, MINGEL_SIGNUP unset."""
    settings.SIGNUP = config.signup({"MINGEL_SERVE_HOST": "0.0.0.0"})
    settings.MACHINE_ADDRESSES = LAPTOP
    settings.ALLOWED_HOSTS = ["*"]
    return settings


def test_a_device_on_the_network_is_told_sign_up_is_closed(client, serving_network):
    response = client.get("/accounts/signup/", REMOTE_ADDR=PHONE, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    assert "You cannot create an account on this Mingel." in response.text
    assert 'name="password1"' not in response.text
    assert 'href="/accounts/login/"' in response.text


def test_it_says_so_in_swedish(client, serving_network):
    response = client.get("/accounts/signup/", REMOTE_ADDR=PHONE, HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == 403
    assert "Det går inte att skapa ett konto här." in response.text


def test_a_device_on_the_network_cannot_post_an_account(client, serving_network):
    response = client.post("/accounts/signup/", NEW_USER, REMOTE_ADDR=PHONE)
    assert response.status_code == 403
    assert not User.objects.filter(email="eve@example.com").exists()


def test_the_login_page_on_the_phone_offers_no_sign_up(client, serving_network, alice):
    page = client.get("/accounts/login/", REMOTE_ADDR=PHONE).text
    assert 'href="/accounts/signup/"' not in page


@pytest.mark.parametrize(
    "remote",
    [
        pytest.param("127.0.0.1", id="localhost"),
        pytest.param("192.168.1.23", id="the-laptops-own-lan-address"),
    ],
)
def test_the_machine_itself_can_still_sign_up(client, serving_network, remote):
    assert client.get("/accounts/login/", REMOTE_ADDR=remote).text.count("/accounts/signup/")
    response = client.post("/accounts/signup/", NEW_USER, REMOTE_ADDR=remote)
    assert response.status_code == 302
    assert User.objects.filter(email="eve@example.com").exists()


def test_mingel_signup_open_lets_the_network_sign_up(client, serving_network):
    serving_network.SIGNUP = config.signup(
        {"MINGEL_SERVE_HOST": "0.0.0.0", "MINGEL_SIGNUP": "open"}
    )
    response = client.post("/accounts/signup/", NEW_USER, REMOTE_ADDR=PHONE)
    assert response.status_code == 302
    assert User.objects.filter(email="eve@example.com").exists()


def test_the_phone_logs_in_to_the_existing_account(client, serving_network, alice):
    response = client.post(
        "/accounts/login/",
        {"username": alice.email, "password": PASSWORD},
        REMOTE_ADDR=PHONE,
    )
    assert response.status_code == 302


def test_a_fresh_install_does_not_invite_the_phone_to_create_the_first_account(
    client, serving_network
):
    phone = client.get("/", REMOTE_ADDR=PHONE, HTTP_ACCEPT_LANGUAGE="en").text
    assert "Create the first account" not in phone
    assert 'href="/accounts/signup/"' not in phone
    laptop = client.get("/", REMOTE_ADDR="127.0.0.1", HTTP_ACCEPT_LANGUAGE="en").text
    assert "Create the first account" in laptop
