import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from mingel.events import services
from mingel.events.models import Event
from mingel.testing import ContactFactory, EventFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def frozen():
    with time_machine.travel(dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC), tick=False):
        yield


def names(events):
    return [e.name for e in events]


def test_it_lists_upcoming_events_soonest_first_then_past_ones_latest_first(
    frozen, alice, bob, alice_client
):
    for name, days in [("later", 9), ("past-old", -30), ("today", 0), ("soon", 2), ("past", -1)]:
        EventFactory(owner=alice, name=name, date=TODAY + dt.timedelta(days=days))
    EventFactory(owner=bob, name="bob's")
    response = alice_client.get("/events/")
    assert response.status_code == 200
    assert names(response.context["upcoming"]) == ["today", "soon", "later"]
    assert names(response.context["past"]) == ["past", "past-old"]
    assert "bob's" not in response.text


def test_it_shows_met_of_goal_on_each_row(frozen, alice, alice_client):
    event = EventFactory(owner=alice, name="Fair", date=TODAY, goal_new_people=3)
    ContactFactory.create_batch(2, owner=alice, event=event)
    assert "Met 2 of 3" in alice_client.get("/events/").text


@pytest.mark.parametrize("count", [1, 30])
def test_the_list_makes_the_same_few_queries_for_any_number_of_events(
    frozen, alice, alice_client, django_assert_num_queries, count
):
    for n in range(count):
        event = EventFactory(owner=alice, date=TODAY + dt.timedelta(days=n - count // 2))
        ContactFactory(owner=alice, event=event)
    # session, user, events with their counts (one GROUP BY)
    with django_assert_num_queries(3):
        assert alice_client.get("/events/").status_code == 200


def test_an_empty_list_invites_to_plan(alice_client):
    alice_client.get("/")  # sets nothing; the list itself says what to do
    assert "Nothing planned yet" in alice_client.get("/events/").text


def test_the_plan_form_starts_with_a_pitch_from_the_profile(alice, alice_client):
    alice.doing = "Studying computer science at KTH"
    alice.interests = "accessibility"
    alice.save()
    response = alice_client.get("/events/new/")
    form = response.context["form"]
    assert form.initial["pitch"].startswith(
        "Hi, I'm Alice Andersson. Right now I'm studying computer science at KTH."
    )
    assert form.initial["mention"] == "accessibility"
    assert "What brings you here today?" in response.text  # the bank, to pick from


def test_the_plan_form_is_swedish_for_a_swedish_user(alice, alice_client):
    alice.language = "sv"
    alice.doing = "Läser datateknik på KTH"
    alice.save()
    response = alice_client.get("/events/new/")
    pitch = response.context["form"].initial["pitch"]
    assert pitch.startswith("Hej, jag heter Alice Andersson. Just nu läser jag datateknik på KTH.")
    assert "Vad fick dig att komma hit i dag?" in response.text
    assert "Planera ett evenemang" in response.text


def test_it_plans_an_event_with_picked_and_own_questions(alice, alice_client):
    response = alice_client.post(
        "/events/new/",
        {
            "name": "Meetup at KTH",
            "kind": "meetup",
            "date": "2026-04-02",
            "start_time": "18:00",
            "place": "KTH Library",
            "goal_new_people": "2",
            "questions": ["How did you get into that?", "What brings you here today?"],
            "own_questions": "Which course would you take again?\n\n  ",
            "pitch": "Hi, I'm Alice.",
        },
    )
    event = Event.objects.get(owner=alice)
    assert response.status_code == 302
    assert response.url == f"/events/{event.pk}/"
    assert event.questions == [
        "How did you get into that?",
        "What brings you here today?",
        "Which course would you take again?",
    ]
    assert event.start_time == dt.time(18, 0)
    assert event.pitch == "Hi, I'm Alice."


def test_bad_input_keeps_what_was_typed(alice_client):
    response = alice_client.post(
        "/events/new/",
        {
            "name": "",
            "kind": "meetup",
            "date": "someday",
            "goal_new_people": "0",
            "questions": ["What brings you here today?"],
            "own_questions": "My own question?",
            "pitch": "My pitch words",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"name", "date", "goal_new_people"}
    assert "Enter a date like 2026-03-14." in response.text
    assert "My own question?" in response.text
    assert "My pitch words" in response.text
    html = response.text
    checked = 'value="What brings you here today?" checked'
    assert checked in html
    assert not Event.objects.exists()


def test_it_refuses_too_many_questions(alice_client):
    own = "\n".join(f"Question {n}?" for n in range(13))
    response = alice_client.post(
        "/events/new/",
        {"name": "X", "kind": "meetup", "date": "2026-04-02", "goal_new_people": "2",
         "own_questions": own},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Pick at most 12 questions" in response.text
    assert "Question 12?" in response.text


def test_it_edits_an_event_and_shows_its_own_questions_ticked(alice, alice_client):
    event = services.event_create(
        owner=alice, name="Fair", date=TODAY, questions=["My special question?"]
    )
    page = alice_client.get(f"/events/{event.pk}/edit/")
    assert 'value="My special question?" checked' in page.text
    response = alice_client.post(
        f"/events/{event.pk}/edit/",
        {"name": "Career fair", "kind": "career_fair", "date": "2026-03-12",
         "goal_new_people": "3", "questions": ["My special question?"]},
    )  # fmt: skip
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.name, event.kind, event.goal_new_people) == ("Career fair", "career_fair", 3)
    assert event.questions == ["My special question?"]


def test_the_detail_page_shows_plan_people_and_pitch_time(alice, alice_client):
    event = services.event_create(
        owner=alice,
        name="Fair",
        date=timezone.localdate(),
        questions=["What brings you here today?"],
        pitch="word " * 80,
    )
    ContactFactory(owner=alice, event=event, name="Sara Lind", talked_about="Rust")
    html = alice_client.get(f"/events/{event.pk}/").text
    assert "Sara Lind" in html
    assert "What brings you here today?" in html
    assert "About 34 seconds to say (80 words)." in html
    assert "over half a minute" in html


def test_delete_asks_first_and_keeps_the_people(alice, alice_client):
    event = EventFactory(owner=alice, name="Fair")
    contact = ContactFactory(owner=alice, event=event)
    page = alice_client.get(f"/events/{event.pk}/delete/")
    assert "Delete Fair?" in page.text
    assert "The 1 person you met stays in your contacts." in page.text
    assert Event.objects.filter(pk=event.pk).exists()
    response = alice_client.post(f"/events/{event.pk}/delete/")
    assert response.status_code == 302
    assert response.url == "/events/"
    assert not Event.objects.filter(pk=event.pk).exists()
    contact.refresh_from_db()
    assert contact.event is None


def test_the_pitch_estimate_fragment(alice_client):
    response = alice_client.post("/events/pitch/estimate/", {"pitch": "Hi, I'm Alice."})
    assert "About 1 second to say (3 words)." in response.text


def test_practice_page_has_the_pitch_and_a_timer(alice, alice_client):
    event = EventFactory(owner=alice, pitch="Hi, I'm Alice and I like Rust.")
    html = alice_client.get(f"/events/{event.pk}/practice/").text
    assert "Hi, I&#x27;m Alice and I like Rust." in html
    assert 'id="timer-start"' in html
    assert "events/practice.js" in html


def test_the_nav_links_to_events(alice_client):
    assert 'href="/events/"' in alice_client.get("/events/questions/").text


def test_pages_need_a_login(client):
    response = client.get("/events/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("page", ["", "card/", "review/", "edit/", "practice/"])
@pytest.mark.parametrize("people", [1, 15])
def test_event_pages_make_the_same_few_queries_for_any_number_of_people(
    alice, alice_client, django_assert_max_num_queries, page, people
):
    event = EventFactory(owner=alice, pitch="Hi.")
    ContactFactory.create_batch(people, owner=alice, event=event)
    # session, user, the event with its count, then the people met or the favourites
    with django_assert_max_num_queries(4):
        assert alice_client.get(f"/events/{event.pk}/{page}").status_code == 200


@pytest.mark.parametrize(
    ("language", "fast"),
    [
        pytest.param("en", "That was quick: at an easy pace this takes about 3 seconds.", id="en"),
        pytest.param("sv", "Det gick fort: i lugn takt tar det ungefär 3 sekunder.", id="sv"),
    ],
)
def test_the_practice_timer_knows_when_a_run_is_too_fast(alice_client, alice, language, fast):
    alice.language = language
    alice.save()
    event = EventFactory(owner=alice, pitch="Hi, I'm Alice and I like Rust.")
    html = alice_client.get(f"/events/{event.pk}/practice/", HTTP_ACCEPT_LANGUAGE=language).text
    # Seven words: 3 seconds at 140 words a minute; under 60 % of that (2 s) is too fast.
    assert 'data-fast-below="2"' in html
    assert fast in html


@pytest.mark.parametrize("date", ["0001-01-01", "1899-12-31", "2201-01-01"])
def test_an_event_date_the_importer_would_refuse_is_refused_here(alice, alice_client, date):
    response = alice_client.post(
        "/events/new/", {"name": "Meetup", "kind": "meetup", "date": date, "goal_new_people": "3"}
    )
    assert response.status_code == 200
    assert "Give a date between 1900 and 2200." in response.text
    assert 'min="1900-01-01"' in response.text and 'max="2200-12-31"' in response.text
    assert not Event.objects.exists()
