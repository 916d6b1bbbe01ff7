import re

import pytest
from django.core import mail

from mingel.accounts.services import user_create
from mingel.testing import PASSWORD

pytestmark = pytest.mark.django_db

NEW = "a-brand-new-secret-42"


def test_it_changes_the_password_and_stays_logged_in(alice_client, alice):
    response = alice_client.post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 302 and response.url == "/accounts/profile/"
    alice.refresh_from_db()
    assert alice.check_password(NEW)
    assert alice_client.get("/accounts/profile/").status_code == 200


def test_a_wrong_old_password_changes_nothing(alice_client, alice):
    response = alice_client.post(
        "/accounts/password/",
        {"old_password": "nope", "new_password1": NEW, "new_password2": NEW},
    )
    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in response.text
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_the_change_page_speaks_swedish(alice_client, alice):
    alice.language = "sv"
    alice.save()
    response = alice_client.get("/accounts/password/")
    assert "Byt lösenord" in response.text


def reset_link(message) -> str:
    return re.search(r"https?://\S+/accounts/password/reset/\S+/", message.body)[0]


def test_it_resets_a_forgotten_password_by_email(client, alice):
    response = client.post("/accounts/password/reset/", {"email": "ALICE@example.com"})
    assert response.status_code == 302 and response.url == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    assert message.subject == "Choose a new Mingel password"
    link = reset_link(message)
    form = client.get(link, follow=True)
    assert "Choose a new password" in form.text
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}, follow=True
    )
    assert "Your new password is saved" in done.text
    alice.refresh_from_db()
    assert alice.check_password(NEW)
    # The link works once.
    assert "does not work any more" in client.get(link, follow=True).text


def test_it_writes_the_reset_email_in_swedish_for_a_swedish_browser(client, alice):
    client.post(
        "/accounts/password/reset/", {"email": alice.email}, headers={"accept-language": "sv"}
    )
    assert mail.outbox[0].subject == "Välj ett nytt lösenord till Mingel"
    assert "Hej," in mail.outbox[0].body


def test_it_does_not_tell_whether_an_address_has_an_account(client, alice):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    assert response.status_code == 302 and response.url == "/accounts/password/reset/sent/"
    assert mail.outbox == []


def test_an_account_made_without_a_password_can_get_one_by_reset(client):
    user_create(email="dora@example.com", password=None)
    client.post("/accounts/password/reset/", {"email": "dora@example.com"})
    assert len(mail.outbox) == 1


def test_the_login_page_links_to_the_reset(client):
    assert "/accounts/password/reset/" in client.get("/accounts/login/").text
