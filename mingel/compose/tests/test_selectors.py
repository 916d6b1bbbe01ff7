import datetime as dt

import pytest

from mingel.compose.selectors import compose_scenario, since_phrase
from mingel.contacts.services import contact_create
from mingel.testing import EventFactory

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("last", "lang", "expected"),
    [
        pytest.param(None, "en", "", id="never"),
        pytest.param(dt.date(2024, 3, 1), "en", "2024", id="years-ago"),
        pytest.param(dt.date(2026, 3, 1), "en", "March 2026", id="months-ago-en"),
        pytest.param(dt.date(2026, 3, 1), "sv", "mars 2026", id="months-ago-sv"),
    ],
)
def test_it_says_since_when(last, lang, expected):
    assert since_phrase(last, lang=lang, today=TODAY) == expected


def test_it_builds_the_scenario_from_profile_and_contact(alice):
    alice.doing, alice.interests, alice.lately = "IT student", "Rust", "Started a thesis"
    event = EventFactory(owner=alice, name="PyCon Sweden")
    contact = contact_create(
        owner=alice,
        name="Erik Lund",
        company="Spotify",
        role="Developer",
        where_met="a bar",
        event=event,
        met_on=dt.date(2023, 5, 2),
        talked_about="Kafka",
    )
    scenario = compose_scenario(user=alice, contact=contact, lang="en", today=TODAY)
    assert scenario.contact.name == "Erik Lund"
    assert (scenario.contact.company, scenario.contact.role) == ("Spotify", "Developer")
    assert scenario.me.name == "Alice Andersson"
    assert (scenario.me.doing, scenario.me.interests) == ("IT student", "Rust")
    assert scenario.me.update == "Started a thesis"
    assert (scenario.context, scenario.event, scenario.since) == ("Kafka", "PyCon Sweden", "2023")
