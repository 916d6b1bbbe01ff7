import datetime as dt

import pytest

from mingel.contacts.models import Contact
from mingel.events import services
from mingel.testing import ContactFactory, EventFactory

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def event(alice):
    return services.event_create(
        owner=alice,
        name="Meetup at KTH",
        date=dt.date(2026, 4, 2),
        goal_new_people=2,
        questions=["What brings you here today?", "How did you get into that?"],
        pitch="Hi, I'm Alice. I study computer science.",
        mention="my thesis on accessibility",
    )


def test_the_card_has_goal_progress_questions_pitch_and_reminders(alice_client, alice, event):
    ContactFactory(owner=alice, event=event, name="Sara Lind")
    html = alice_client.get(f"/events/{event.pk}/card/").text
    assert "Talk to 2 new people" in html
    assert '<strong id="progress" aria-live="polite">1 of 2</strong>' in html
    assert "What brings you here today?" in html
    assert "I study computer science." in html
    assert "my thesis on accessibility" in html
    assert "Listen more than you talk." in html
    assert "Look for one person on their own" in html
    assert "A break is fine." in html
    assert "Sara Lind" in html
    assert "events/card.js" in html


def test_the_card_speaks_swedish(alice_client, alice, event):
    alice.language = "sv"
    alice.save()
    ContactFactory(owner=alice, event=event)
    html = alice_client.get(f"/events/{event.pk}/card/").text
    assert "1 av 2" in html
    assert "Prata med 2 nya personer" in html
    assert "Lyssna mer än du pratar." in html
    assert "+ Jag träffade någon" in html


def test_the_card_needs_no_request_after_loading(alice_client, event):
    """Everything it shows is in the page; the only scripts and styles are our own files."""
    html = alice_client.get(f"/events/{event.pk}/card/").text
    assert "hx-get" not in html
    assert "hx-trigger" not in html
    assert "http://" not in html.replace('"http://www.w3.org', "")
    assert "//cdn" not in html


def test_it_captures_a_person_linked_to_the_event_on_its_date(alice_client, alice, event):
    response = alice_client.post(
        f"/events/{event.pk}/capture/",
        {"name": "Sara Lind", "talked_about": "Rust at Klarna", "company": "Klarna"},
    )
    assert response.status_code == 302
    assert response.url == f"/events/{event.pk}/card/"
    contact = Contact.objects.get(owner=alice)
    assert (contact.name, contact.talked_about, contact.company) == (
        "Sara Lind",
        "Rust at Klarna",
        "Klarna",
    )
    assert contact.event == event
    assert contact.met_on == event.date
    assert contact.where_met == "Meetup at KTH"
    [met] = contact.interactions.all()
    assert (met.kind, met.date, met.summary) == ("met", event.date, "Rust at Klarna")
    assert "1 of 2" in alice_client.get(response.url).text


def test_the_script_gets_json_with_the_new_progress(alice_client, alice, event):
    ContactFactory(owner=alice, event=event)
    response = alice_client.post(f"/events/{event.pk}/capture/", {"name": "Sara"}, **JSON)
    assert response.status_code == 201
    body = response.json()
    assert body["name"] == "Sara"
    assert (body["met_count"], body["goal"], body["goal_reached"]) == (2, 2, True)
    assert body["progress"] == "2 of 2"
    assert body["message"] == "Saved Sara."


def test_the_json_progress_is_swedish_for_a_swedish_user(alice_client, alice, event):
    alice.language = "sv"
    alice.save()
    body = alice_client.post(f"/events/{event.pk}/capture/", {"name": "Sara"}, **JSON).json()
    assert body["progress"] == "1 av 2"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        pytest.param({"name": ""}, "name", id="no-name"),
        pytest.param({"name": "Sara", "linkedin_url": "https://example.com/x"}, "linkedin_url",
                     id="not-linkedin"),
    ],
)  # fmt: skip
def test_bad_input_keeps_what_was_typed(alice_client, event, data, field):
    data = {"talked_about": "Rust and embedded", **data}
    page = alice_client.post(f"/events/{event.pk}/capture/", data)
    assert page.status_code == 422
    assert "Rust and embedded" in page.text
    assert " open>" in page.text  # the capture form stays open
    as_json = alice_client.post(f"/events/{event.pk}/capture/", data, **JSON)
    assert as_json.status_code == 422
    assert set(as_json.json()["errors"]) == {field}
    assert not Contact.objects.exists()


def test_capture_takes_posts_only(alice_client, event):
    assert alice_client.get(f"/events/{event.pk}/capture/").status_code == 405


def test_the_goal_reached_note_shows_once_the_goal_is_met(alice_client, alice, event):
    url = f"/events/{event.pk}/card/"
    assert 'id="reached" class="win small" hidden' in alice_client.get(url).text
    ContactFactory.create_batch(2, owner=alice, event=event)
    assert 'id="reached" class="win small">' in alice_client.get(url).text


def test_the_card_makes_few_queries(alice_client, alice, event, django_assert_num_queries):
    ContactFactory.create_batch(20, owner=alice, event=event)
    # session, user, the event with its count, the people met
    with django_assert_num_queries(4):
        alice_client.get(f"/events/{event.pk}/card/")


def test_another_users_event_is_404_for_capture(bob_client, event):
    response = bob_client.post(f"/events/{event.pk}/capture/", {"name": "X"}, **JSON)
    assert response.status_code == 404
    assert not Contact.objects.exists()


def test_an_event_elsewhere_counts_only_its_own_people(alice_client, alice, event):
    other = EventFactory(owner=alice)
    ContactFactory(owner=alice, event=other)
    assert "0 of 2" in alice_client.get(f"/events/{event.pk}/card/").text


@pytest.mark.parametrize("day", [dt.date.min, dt.date.max], ids=["year-1", "year-9999"])
def test_a_capture_on_an_old_out_of_range_event_is_refused_clearly(alice_client, alice, event, day):
    # Issue 12: an event row stored before the 1900-2200 range (an old row) must not pass
    # its date on to a new contact, nor answer with a 500.
    from mingel.events.models import Event

    Event.objects.filter(pk=event.pk).update(date=day)
    response = alice_client.post(f"/events/{event.pk}/capture/", {"name": "Sara"}, **JSON)
    assert response.status_code == 422
    assert "Give a date between 1900 and 2200." in response.content.decode()
    response = alice_client.post(f"/events/{event.pk}/capture/", {"name": "Sara"})
    assert response.status_code == 422
    assert "Give a date between 1900 and 2200." in response.text
    assert not Contact.objects.filter(owner=alice).exists()
