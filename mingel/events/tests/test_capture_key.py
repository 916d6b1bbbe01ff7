"""A capture sent twice with the same key (its answer lost on flaky venue Wi-Fi) adds the
person once; keys are the owner's own, and a plain form post needs none."""

import datetime as dt
from unittest import mock

import pytest

from mingel.contacts.models import Contact, Interaction
from mingel.events import selectors, services
from mingel.events.models import CaptureKey
from mingel.testing import EventFactory

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}
KEY = "0b6a9f3e-2c1d-4e5f-8a7b-9c0d1e2f3a4b"


@pytest.fixture
def event(alice):
    return EventFactory(owner=alice, name="Meetup at KTH", date=dt.date(2026, 4, 2))


def test_it_returns_the_first_contact_for_a_repeated_key(alice, event):
    first = services.event_capture(event=event, name="Sara Lind", capture_key=KEY)
    again = services.event_capture(event=event, name="Sara Lind", capture_key=KEY)
    assert again == first
    assert Contact.objects.filter(owner=alice).count() == 1
    assert Interaction.objects.filter(owner=alice).count() == 1  # one "met", not two
    assert CaptureKey.objects.get().contact == first


def test_different_owners_with_the_same_key_each_get_their_own_contact(alice, bob, event):
    bobs_event = EventFactory(owner=bob)
    alices = services.event_capture(event=event, name="Sara", capture_key=KEY)
    bobs = services.event_capture(event=bobs_event, name="Omar", capture_key=KEY)
    assert alices != bobs
    assert (alices.owner, bobs.owner) == (alice, bob)
    assert bobs.name == "Omar"
    assert selectors.captured_contact(owner=bob, key=KEY) == bobs


def test_without_a_key_every_capture_creates(alice, event):
    services.event_capture(event=event, name="Sara")
    services.event_capture(event=event, name="Sara")
    assert Contact.objects.filter(owner=alice).count() == 2
    assert not CaptureKey.objects.exists()


def test_a_refused_capture_keeps_its_key_free(alice, event):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.event_capture(event=event, name="", capture_key=KEY)
    contact = services.event_capture(event=event, name="Sara", capture_key=KEY)
    assert CaptureKey.objects.get().contact == contact


def test_it_survives_a_twin_request_that_wins_the_race(alice, event):
    """Both requests look the key up before either has saved it; the second insert hits
    the unique constraint, its savepoint takes its contact away, and it answers with the
    winner's contact."""
    winner = {}
    real_lookup = selectors.captured_contact

    def lookup_while_the_twin_saves(*, owner, key):
        if winner:
            return real_lookup(owner=owner, key=key)
        winner["looked"] = True
        # the twin's lookup runs the real query (it goes first) and then it saves
        winner["contact"] = services.event_capture(event=event, name="Sara", capture_key=key)
        return None  # ours looked before the twin had saved

    with mock.patch.object(selectors, "captured_contact", lookup_while_the_twin_saves):
        contact = services.event_capture(event=event, name="Sara", capture_key=KEY)
    assert contact == winner["contact"]
    assert Contact.objects.filter(owner=alice).count() == 1
    assert Interaction.objects.filter(owner=alice).count() == 1


def test_the_view_answers_a_resend_with_the_same_success(alice_client, alice, event):
    url = f"/events/{event.pk}/capture/"
    data = {"name": "Sara Lind", "talked_about": "Rust", "capture_key": KEY}
    first = alice_client.post(url, data, **JSON)
    again = alice_client.post(url, data, **JSON)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert first.json()["met_count"] == 1
    assert Contact.objects.filter(owner=alice).count() == 1


def test_the_plain_form_post_is_idempotent_with_a_key_too(alice_client, alice, event):
    url = f"/events/{event.pk}/capture/"
    for _ in range(2):
        response = alice_client.post(url, {"name": "Sara", "capture_key": KEY})
        assert response.status_code == 302
    assert Contact.objects.filter(owner=alice).count() == 1


def test_the_plain_form_post_without_a_key_still_creates(alice_client, alice, event):
    response = alice_client.post(f"/events/{event.pk}/capture/", {"name": "Sara"})
    assert response.status_code == 302
    assert Contact.objects.get(owner=alice).name == "Sara"


def test_another_users_key_never_matters(alice_client, bob_client, alice, bob, event):
    bobs_event = EventFactory(owner=bob)
    bob_client.post(f"/events/{bobs_event.pk}/capture/", {"name": "Omar", "capture_key": KEY})
    body = alice_client.post(
        f"/events/{event.pk}/capture/", {"name": "Sara", "capture_key": KEY}, **JSON
    ).json()
    assert body["name"] == "Sara"
    assert Contact.objects.get(owner=alice).name == "Sara"
    assert Contact.objects.get(owner=bob).name == "Omar"


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("short", id="too-short"),
        pytest.param("x" * 65, id="too-long"),
        pytest.param("<script>alert(1)</script>-padding", id="odd-characters"),
    ],
)
def test_a_damaged_key_is_refused_with_a_message_and_keeps_the_text(alice_client, event, key):
    data = {"name": "Sara", "talked_about": "Rust and embedded", "capture_key": key}
    page = alice_client.post(f"/events/{event.pk}/capture/", data)
    assert page.status_code == 422
    assert "Rust and embedded" in page.text
    assert "Something went wrong on the way. Press save again" in page.text
    assert 'name="capture_key" id="id_capture_key">' in page.text  # saving again works
    as_json = alice_client.post(f"/events/{event.pk}/capture/", data, **JSON)
    assert set(as_json.json()["errors"]) == {"capture_key"}
    assert not Contact.objects.exists()


def test_the_fallback_key_of_hex_digits_is_accepted(alice_client, alice, event):
    data = {"name": "Sara", "capture_key": "0123456789abcdef0123456789abcdef"}
    assert alice_client.post(f"/events/{event.pk}/capture/", data).status_code == 302
    assert CaptureKey.objects.get(owner=alice).key == data["capture_key"]


def test_deleting_the_contact_forgets_its_key(alice, event):
    contact = services.event_capture(event=event, name="Sara", capture_key=KEY)
    contact.delete()
    assert not CaptureKey.objects.exists()


def test_the_damaged_key_message_speaks_swedish(alice_client, alice, event):
    alice.language = "sv"
    alice.save()
    data = {"name": "Sara", "capture_key": "short"}
    body = alice_client.post(f"/events/{event.pk}/capture/", data, **JSON).json()
    assert body["errors"]["capture_key"][0]["message"].startswith("Något gick fel på vägen.")


def test_the_card_has_a_waiting_text_for_a_save_that_got_no_answer(alice_client, alice, event):
    url = f"/events/{event.pk}/card/"
    assert "No answer came back. Saved on this phone" in alice_client.get(url).text
    alice.language = "sv"
    alice.save()
    assert "Inget svar kom tillbaka. Sparat i telefonen" in alice_client.get(url).text
