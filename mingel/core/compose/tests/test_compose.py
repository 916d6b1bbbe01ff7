"""The composer's phrasing choices, limits and graceful degradation."""

import pytest

from mingel.core.compose import Contact, Scenario, compose, variant_count

FULL = Scenario.from_dict(
    {
        "me": {"name": "Lina Ek", "update": "Started as a developer at Klarna."},
        "contact": {"name": "Anna Berg", "company": "Spotify", "role": "data engineer"},
        "context": "testing in production",
        "event": "PyCon Sweden",
        "since": "2021",
        "ask": "moving into data engineering",
    }
)
BARE = Scenario(contact=Contact(name="Anna"))


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("kind", ["connect", "thanks", "reconnect"])
def test_it_offers_at_least_three_distinct_phrasings(kind, lang):
    assert variant_count(kind, lang) >= 3
    bodies = {compose(kind, FULL, lang=lang, variant=v).body for v in range(3)}
    assert len(bodies) == 3


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("kind", ["connect", "thanks", "reconnect"])
def test_it_writes_around_the_conversation_and_degrades_without_it(kind, lang):
    full = compose(kind, FULL, lang=lang)
    assert "Anna" in full.body and "testing in production" in full.body
    bare = compose(kind, BARE, lang=lang)
    assert bare.body.startswith(("Hi Anna", "Hello Anna", "Hej Anna", "Hallå Anna", "Dear Anna"))
    assert "None" not in bare.body and "{" not in bare.body


def test_it_names_the_silence_in_the_subject_and_sums_up_the_update():
    draft = compose("reconnect", FULL, lang="en")
    assert draft.subject.startswith("Long time no see")
    assert "started as a developer at Klarna" in draft.body
    assert "2021" in draft.body and "moving into data engineering" in draft.body


def test_it_fits_connect_notes_to_the_limit():
    long = Scenario(
        contact=Contact(name="Anna Berg", company="Spotify"),
        context=" ".join(["observability, tracing and incident reviews"] * 6),
        event="the very long annual conference on site reliability engineering",
    )
    for limit in (200, 300):
        draft = compose("connect", long, lang="en", limit=limit)
        assert len(draft.body) <= limit
        assert "observability" in draft.body
    assert len(compose("connect", long, lang="en", limit=300).body) > 200


def test_it_needs_a_contact_name():
    with pytest.raises(ValueError, match=r"contact\.name"):
        Scenario.from_dict({"contact": {"company": "Spotify"}})
    with pytest.raises(ValueError, match="object"):
        Scenario.from_dict(["Anna"])


def test_it_ignores_values_of_the_wrong_type():
    scenario = Scenario.from_dict({"contact": {"name": "Anna", "company": None}, "event": 3})
    assert scenario.contact.company == "" and scenario.event == ""
