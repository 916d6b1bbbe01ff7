"""DELETE /api/v1/account: the token's account and everything in it, confirmed by its
email and its password; nobody else's."""

import datetime as dt
import json

import pytest

from mingel.accounts.models import ApiToken, User
from mingel.contacts.models import Contact
from mingel.contacts.services import contact_create, interaction_create
from mingel.imports.models import ImportUpload
from mingel.testing import PASSWORD, ImportJobFactory

pytestmark = pytest.mark.django_db


def delete_account(api, body):
    data = body if isinstance(body, bytes) else json.dumps(body)
    return api.client.delete(
        "/api/v1/account", data, content_type="application/json", headers=api.headers
    )


@pytest.fixture
def alice_data(alice, bob):
    anna = contact_create(owner=alice, name="Anna Berg", tags=["alumni"])
    interaction_create(contact=anna, kind="coffee", date=dt.date(2026, 1, 9))
    contact_create(owner=bob, name="Bo Ek")
    return anna


def test_it_deletes_the_tokens_account_and_says_what_went(
    alice, bob, alice_api, alice_data, django_capture_on_commit_callbacks
):
    ImportUpload.objects.create(job=ImportJobFactory(owner=alice), seq=0, data=b"x")
    with django_capture_on_commit_callbacks(execute=True):
        response = delete_account(
            alice_api, {"confirm": " Alice@Example.com ", "password": PASSWORD}
        )
    assert response.status_code == 200, response.content
    deleted = response.json()["deleted"]
    assert deleted["accounts.User"] == 1
    assert deleted["contacts.Contact"] == 1
    assert deleted["contacts.Interaction"] == 1
    assert deleted["accounts.ApiToken"] == 1
    assert not User.objects.filter(pk=alice.pk).exists()
    assert not Contact.objects.filter(owner_id=alice.pk).exists()
    assert not ImportUpload.objects.exists()
    # bob and his data are untouched
    assert User.objects.filter(pk=bob.pk).exists()
    assert Contact.objects.filter(owner=bob).count() == 1
    # the token went with the account
    assert alice_api.get("/contacts").status_code == 401


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"confirm": "bob@example.com"}, id="another-email"),
        pytest.param({"confirm": "alice@example.com"}, id="no-password"),
        pytest.param({"confirm": "alice@example.com", "password": ""}, id="empty-password"),
        pytest.param({"confirm": "alice@example.com", "password": "guess"}, id="wrong-password"),
        pytest.param({"confirm": ""}, id="empty"),
        pytest.param({}, id="missing"),
        pytest.param(b"", id="no-body"),
        pytest.param(b"not json", id="not-json"),
    ],
)
def test_a_wrong_confirmation_is_a_422_and_deletes_nothing(alice, alice_api, alice_data, body):
    response = delete_account(alice_api, body)
    # A body that is not JSON at all is ninja's 400, as on every route.
    assert response.status_code == (400 if body == b"not json" else 422)
    assert User.objects.filter(pk=alice.pk).exists()
    assert Contact.objects.filter(owner=alice).count() == 1
    assert ApiToken.objects.filter(user=alice).exists()


def test_the_message_names_the_field(alice_api, alice_data):
    (error,) = delete_account(alice_api, {"confirm": "nope"}).json()["detail"]
    assert error["field"] == "confirm"
    assert "email address to confirm" in error["msg"]


def test_it_needs_a_token(alice, anonymous_api, alice_data):
    response = delete_account(anonymous_api, {"confirm": "alice@example.com"})
    assert response.status_code == 401
    assert User.objects.filter(pk=alice.pk).exists()


def test_bobs_token_deletes_only_bob(alice, bob, bob_api, alice_data):
    assert delete_account(bob_api, {"confirm": "alice@example.com"}).status_code == 422
    assert User.objects.filter(pk=bob.pk).exists()

    response = delete_account(bob_api, {"confirm": "bob@example.com", "password": PASSWORD})
    assert response.status_code == 200
    assert response.json()["deleted"]["contacts.Contact"] == 1
    assert not User.objects.filter(pk=bob.pk).exists()
    assert User.objects.filter(pk=alice.pk).exists()
    assert Contact.objects.filter(owner=alice).count() == 1
    assert alice_data.interactions.count() == 1
    assert alice_data.tags.count() == 1


def test_a_leaked_token_alone_cannot_erase_the_account(alice, alice_api, alice_data):
    # Issue 12: the email is no secret; the password is what proves it is the owner.
    response = delete_account(alice_api, {"confirm": "alice@example.com", "password": "x"})
    (error,) = response.json()["detail"]
    assert (response.status_code, error["field"]) == (422, "password")
    assert error["msg"] == "That is not your password."
    assert User.objects.filter(pk=alice.pk).exists()


def test_an_account_without_a_password_is_told_how(alice, alice_api, alice_data):
    alice.set_unusable_password()
    alice.save()
    response = delete_account(alice_api, {"confirm": "alice@example.com", "password": ""})
    (error,) = response.json()["detail"]
    assert (response.status_code, error["field"]) == (422, "password")
    assert "has no password" in error["msg"]
    assert User.objects.filter(pk=alice.pk).exists()
