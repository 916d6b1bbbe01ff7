import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from mingel.events import selectors, services
from mingel.events.models import FavouriteQuestion

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 4, 2)


def test_it_cleans_the_questions_it_stores(alice):
    event = services.event_create(
        owner=alice, name="Fair", date=DAY, questions=["  Why?  ", "why?", "", "How?"]
    )
    assert event.questions == ["Why?", "How?"]


@pytest.mark.parametrize(
    "questions",
    [pytest.param("Why?", id="not-a-list"), pytest.param([f"Q{n}?" for n in range(13)], id="13")],
)
def test_it_refuses_questions_that_are_not_a_short_list(alice, questions):
    with pytest.raises(ValidationError) as error:
        services.event_create(owner=alice, name="Fair", date=DAY, questions=questions)
    assert set(error.value.error_dict) == {"questions"}


def test_it_refuses_unknown_fields(alice):
    with pytest.raises(TypeError, match="unknown event fields: owner"):
        services.event_update(
            event=services.event_create(owner=alice, name="Fair", date=DAY), owner=alice
        )


def test_capture_goes_through_the_contacts_service(alice):
    event = services.event_create(owner=alice, name="Fair", date=DAY)
    contact = services.event_capture(event=event, name="Sara", talked_about="Go")
    assert (contact.event, contact.met_on, contact.last_interaction_on) == (event, DAY, DAY)
    assert selectors.get_event_for_user(alice, event.pk).met_count == 1


def test_capture_refuses_a_blank_name(alice):
    event = services.event_create(owner=alice, name="Fair", date=DAY)
    with pytest.raises(ValidationError):
        services.event_capture(event=event, name="")


def test_review_records_when(alice):
    event = services.event_create(owner=alice, name="Fair", date=DAY)
    now = dt.datetime(2026, 4, 2, 22, 0, tzinfo=dt.UTC)
    services.event_review(event=event, reflection="Fine", energy_before=3, now=now)
    event.refresh_from_db()
    assert (event.reflection, event.energy_before, event.energy_after) == ("Fine", 3, None)
    assert event.reviewed_at == now


def test_favourites_toggle_per_user_and_trim(alice, bob):
    assert services.favourite_toggle(owner=alice, text="  Why   not? ") is True
    assert services.favourite_toggle(owner=bob, text="Why not?") is True
    assert selectors.favourite_texts(alice) == ["Why not?"]
    assert services.favourite_toggle(owner=alice, text="Why not?") is False
    assert FavouriteQuestion.objects.get().owner == bob


def test_question_groups_show_each_text_once(alice):
    services.favourite_toggle(owner=alice, text="What brings you here today?")
    groups = dict(selectors.question_groups(owner=alice, lang="en", chosen=["Mine?", "Why not?"]))
    assert groups["chosen"] == ["Mine?", "Why not?"]
    assert groups["favourites"] == ["What brings you here today?"]
    assert "What brings you here today?" not in groups["openers"]
    everything = [t for texts in groups.values() for t in texts]
    assert len(everything) == len(set(everything))


def test_it_refuses_a_date_an_import_would_refuse(alice):
    with translation.override("en"), pytest.raises(ValidationError) as info:
        services.event_create(owner=alice, name="Meetup", date=dt.date(1, 1, 1))
    with translation.override("en"):  # the message is lazy: worded when read
        assert info.value.message_dict == {"date": ["Give a date between 1900 and 2200."]}
    event = services.event_create(owner=alice, name="Meetup", date=dt.date(2200, 12, 31))
    with pytest.raises(ValidationError):
        services.event_update(event=event, date=dt.date(1899, 12, 31))
