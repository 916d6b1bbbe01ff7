"""The composer's phrasing choices, limits and graceful degradation."""

import pytest

from mingel.core.coach import check
from mingel.core.compose import Contact, Scenario, compose, variant_count
from mingel.core.compose.compose import phrasings
from mingel.core.compose.fragments import placeholders_in

FULL_EN = Scenario.from_dict(
    {
        "me": {"name": "Lina Ek", "update": "Started as a developer at Klarna."},
        "contact": {"name": "Anna Berg", "company": "Spotify", "role": "data engineer"},
        "context": "testing in production",
        "event": "PyCon Sweden",
        "since": "2021",
        "ask": "moving into data engineering",
    }
)
FULL_SV = Scenario.from_dict(
    {
        "me": {"name": "Lina Ek", "update": "Började som utvecklare på Klarna."},
        "contact": {"name": "Anna Berg", "company": "Spotify", "role": "dataingenjör"},
        "context": "testning i produktion",
        "event": "PyCon Sweden",
        "since": "2021",
        "ask": "att gå över till data engineering",
    }
)
FULL = {"en": FULL_EN, "sv": FULL_SV}
TOPIC = {"en": "testing in production", "sv": "testning i produktion"}
BARE = Scenario(contact=Contact(name="Anna"))


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("kind", ["connect", "thanks", "reconnect"])
def test_it_offers_at_least_three_distinct_phrasings(kind, lang):
    assert variant_count(kind, lang) >= 3
    bodies = {compose(kind, FULL[lang], lang=lang, variant=v).body for v in range(3)}
    assert len(bodies) == 3


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("kind", ["connect", "thanks", "reconnect"])
def test_it_writes_around_the_conversation_and_degrades_without_it(kind, lang):
    full = compose(kind, FULL[lang], lang=lang)
    assert "Anna" in full.body and TOPIC[lang] in full.body
    assert full.placeholders == () and full.context == TOPIC[lang]
    bare = compose(kind, BARE, lang=lang)
    assert bare.body.startswith(("Hi Anna", "Hello Anna", "Hej Anna", "Hallå Anna", "Dear Anna"))
    assert "None" not in bare.body and "{" not in bare.body


def test_it_names_the_silence_in_the_subject_and_sums_up_the_update():
    draft = compose("reconnect", FULL_EN, lang="en")
    assert draft.subject.startswith("Long time no see")
    assert "A quick update from me: I started as a developer at Klarna." in draft.body
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
        assert "great talking about observability" in draft.body


def test_it_drops_whole_topics_to_fit_never_half_a_phrase():
    topics = [
        "observability and tracing at scale",
        "incident reviews without blame",
        "how your team runs on-call rotations",
        "chaos engineering in production",
    ]
    many = Scenario(
        contact=Contact(name="Anna Berg", company="Spotify"),
        context="\n".join(f"- {t}" for t in topics),
        event="the SRE meetup in Stockholm",
    )
    narrow = compose("connect", many, lang="en", limit=200)
    wide = compose("connect", many, lang="en", limit=300)
    assert len(narrow.body) <= 200 and len(wide.body) <= 300
    assert len(narrow.context) < len(wide.context)
    for draft in (narrow, wide):
        wholes = [", ".join(topics[: n - 1]) + " and " + topics[n - 1] for n in (2, 3, 4)]
        assert draft.context in [topics[0], *wholes], draft.context
        assert f"about {draft.context} at the SRE meetup" in draft.body


def test_it_needs_a_contact_name():
    with pytest.raises(ValueError, match=r"contact\.name"):
        Scenario.from_dict({"contact": {"company": "Spotify"}})
    with pytest.raises(ValueError, match="object"):
        Scenario.from_dict(["Anna"])


def test_it_ignores_values_of_the_wrong_type():
    scenario = Scenario.from_dict({"contact": {"name": "Anna", "company": None}, "event": 3})
    assert scenario.contact.company == "" and scenario.event == ""


def test_a_long_update_shrinks_to_its_first_sentence_before_the_message_turns_to_the_writer():
    scenario = Scenario.from_dict(
        {
            "contact": {"name": "Maja Lind"},
            "me": {"name": "Alex Moreno", "update": "Tog examen i juni. Nu jobbar jag på Klarna."},
            "context": "molntjänster och Terraform",
        }
    )
    draft = compose("reconnect", scenario, lang="sv", variant=2)
    assert "En kort uppdatering: jag tog examen i juni." in draft.body
    assert "Klarna" not in draft.body
    assert "Klarna" in compose("reconnect", scenario, lang="sv", variant=0).body


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("name", ["context", "update"])
def test_the_composers_placeholders_are_gaps_the_coach_finds(lang, name):
    gap = phrasings(lang)["placeholders"][name]
    body = f"Hej Anna! {gap}." if lang == "sv" else f"Hi Anna, {gap}."
    findings = check(body, kind="thanks", lang=lang).findings
    found = [body[f.start : f.end] for f in findings if f.rule == "placeholder"]
    assert gap in found
    assert placeholders_in(body) == [gap]
