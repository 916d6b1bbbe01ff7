"""What the composer writes fits the compose form (subject at most 200 characters, body at
most 5000) whatever the user typed: a value too long to be a name or a topic is left out,
or its placeholder stands in its place, counted in characters as well as in words."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mingel.core.compose import Contact, Me, Scenario, compose
from mingel.core.compose.compose import MAX_CHARS, placeholder
from mingel.core.compose.fragments import MAX_TOPIC_CHARS
from mingel.core.compose.profile import MAX_CLAUSE_CHARS, MAX_UPDATE_CHARS, person_name

SUBJECT_MAX = 200  # ComposeForm.subject
BODY_MAX = 5000  # ComposeForm.body


def word(min_size: int, max_size: int):
    """One unbroken word, as a pasted link or a held-down key gives."""
    return st.text(
        st.sampled_from("abcdefghijklmnopqrstuvwxyzåäö"), min_size=min_size, max_size=max_size
    )


@st.composite
def long_scenarios(draw):
    """Every field a short value or one long word, up to the lengths the models allow
    (contact and display name 200 and 120, notes 2000) and beyond for the rest."""

    def field(max_size: int):
        return draw(st.one_of(st.just(""), st.just("Kafka"), word(1, max_size)))

    return Scenario(
        contact=Contact(
            name=draw(st.one_of(st.just("Maja Lind"), word(1, 200))),
            company=field(2000),
            role=field(2000),
        ),
        me=Me(name=field(120), doing=field(2000), interests=field(2000), update=field(2000)),
        context=field(2000),
        event=field(2000),
        since=field(2000),
        ask=field(2000),
    )


@settings(max_examples=300, deadline=None)
@given(
    long_scenarios(),
    st.sampled_from(["connect", "thanks", "reconnect"]),
    st.sampled_from(["sv", "en"]),
    st.integers(0, 2),
)
def test_a_draft_fits_the_form_whatever_was_typed(scenario, kind, lang, variant):
    draft = compose(kind, scenario, lang=lang, variant=variant)
    assert len(draft.subject) <= SUBJECT_MAX, draft.subject
    assert len(draft.body) <= BODY_MAX, len(draft.body)
    caps = [
        (scenario.context, MAX_TOPIC_CHARS),
        (scenario.ask, MAX_TOPIC_CHARS),
        (scenario.me.interests, MAX_TOPIC_CHARS),
        (scenario.me.doing, MAX_CLAUSE_CHARS),
        (scenario.me.update, MAX_UPDATE_CHARS),
        (scenario.contact.company, MAX_CHARS["company"]),
        (scenario.contact.role, MAX_CHARS["role"]),
        (scenario.event, MAX_CHARS["event"]),
        (scenario.since, MAX_CHARS["since"]),
    ]
    # The names are written as typed (a contact's is required); a long one may hold a value.
    body = draft.body.replace(person_name(scenario.contact.name), "")
    body = body.replace(person_name(scenario.me.name), "")
    for value, cap in caps:
        if len(value) > cap:
            assert value not in body, (value[:20], cap, draft.body[:300])
    if len(scenario.event) > MAX_CHARS["event"]:
        assert scenario.event not in draft.subject


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_long_word_for_a_topic_becomes_the_placeholder(lang):
    scenario = Scenario(contact=Contact(name="Maja Lind"), context="x" * 2000, event="y" * 200)
    draft = compose("thanks", scenario, lang=lang)
    assert placeholder("context", lang) in draft.body
    assert "xxx" not in draft.body and "yyy" not in draft.subject + draft.body
    assert len(draft.subject) <= SUBJECT_MAX and len(draft.body) < 500
