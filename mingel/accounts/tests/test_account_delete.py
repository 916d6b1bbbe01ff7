import datetime as dt

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from mingel.accounts.models import User
from mingel.accounts.services import token_create, user_create, user_delete
from mingel.contacts import services as contacts
from mingel.testing import PASSWORD, EventFactory

pytestmark = pytest.mark.django_db


def user_relations():
    """Every (model, field) that points at the user model, in every installed app: new
    models are covered without touching this test."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    found = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is user_model:
                found.append((model, field))
    return found


def rows_of(user):
    return {
        f"{model._meta.label}.{field.name}": model._default_manager.filter(
            **{field.name: user.pk}
        ).count()
        for model, field in user_relations()
    }


def give_data(user):
    """A bit of everything a user can own; apps that add models add them here too, but the
    check below finds their rows whether or not they do."""
    event = EventFactory(owner=user)
    contact = contacts.contact_create(
        owner=user, name="Ada Lind", tags=["alumni"], met_on=dt.date(2026, 1, 2), event=event
    )
    contacts.interaction_create(contact=contact, kind="coffee", date=dt.date(2026, 1, 9))
    token_create(user=user, name="script")
    from mingel.compose.models import Draft
    from mingel.followups.models import ReminderSettings

    Draft.objects.create(owner=user, contact=contact, kind="thanks", lang="en", body="Thanks!")
    ReminderSettings.objects.create(user=user)


def test_it_knows_the_models_that_belong_to_a_user():
    labels = {model._meta.label for model, _ in user_relations()}
    assert {"contacts.Contact", "contacts.Interaction", "accounts.ApiToken"} <= labels


def test_it_deletes_the_account_after_the_password_and_leaves_nothing(client, alice, bob):
    give_data(alice)
    give_data(bob)
    client.force_login(alice)
    bob_before = rows_of(bob)
    assert sum(rows_of(alice).values()) >= 7
    response = client.post("/accounts/delete/", {"confirm": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/"
    assert "Your account and everything in it are deleted." in response.text
    assert not User.objects.filter(pk=alice.pk).exists()
    left = {name: count for name, count in rows_of(alice).items() if count}
    assert left == {}
    assert rows_of(bob) == bob_before
    assert client.get("/contacts/").status_code == 302  # logged out
    for session in Session.objects.all():
        assert session.get_decoded().get("_auth_user_id") != str(alice.pk)


def test_it_ends_the_accounts_sessions_on_other_devices(client, alice, bob):
    phone, other = Client(), Client()
    phone.force_login(alice)
    other.force_login(bob)
    client.force_login(alice)
    client.post("/accounts/delete/", {"confirm": PASSWORD})
    assert Session.objects.count() == 1  # bob's
    assert phone.get("/contacts/").status_code == 302
    assert other.get("/contacts/").status_code == 200


def test_a_wrong_password_deletes_nothing(alice_client, alice):
    give_data(alice)
    response = alice_client.post("/accounts/delete/", {"confirm": "not it"})
    assert response.status_code == 200
    assert "That is not your password." in response.text
    assert User.objects.filter(pk=alice.pk).exists()
    assert rows_of(alice)["contacts.Contact.owner"] == 1


def test_an_account_without_a_password_confirms_with_its_email(client):
    dora = user_create(email="dora@example.com", password=None)
    client.force_login(dora)
    page = client.get("/accounts/delete/")
    assert "Type your email address to confirm." in page.text
    assert client.post("/accounts/delete/", {"confirm": "eve@example.com"}).status_code == 200
    response = client.post("/accounts/delete/", {"confirm": " Dora@Example.com "})
    assert response.status_code == 302
    assert not User.objects.filter(email="dora@example.com").exists()


def test_the_confirmation_page_speaks_swedish(alice_client, alice):
    alice.language = "sv"
    alice.save()
    page = alice_client.get("/accounts/delete/")
    assert "Radera ditt konto" in page.text


def test_the_service_says_what_it_deleted(alice):
    give_data(alice)
    deleted = user_delete(user=alice)
    assert deleted["accounts.User"] == 1
    assert deleted["contacts.Contact"] == 1
    assert deleted["contacts.Interaction"] == 2  # the meeting and the coffee
