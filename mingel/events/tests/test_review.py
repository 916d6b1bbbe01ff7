import datetime as dt

import pytest

from mingel.events import services
from mingel.testing import ContactFactory

pytestmark = pytest.mark.django_db

# Words that would frame a small step as a failure; the review never uses them.
FAILURE_WORDS = ("fail", "missed", "only", "didn't", "not reached", "misslyck", "bara", "inte nått")


@pytest.fixture
def event(alice):
    return services.event_create(
        owner=alice, name="Fair", date=dt.date(2026, 3, 1), goal_new_people=3
    )


def test_it_saves_the_reflection_and_energy(alice_client, event):
    response = alice_client.post(
        f"/events/{event.pk}/review/",
        {"reflection": "Asking about their work was easy.", "energy_before": "2",
         "energy_after": "4"},
    )  # fmt: skip
    assert response.status_code == 302
    assert response.url == f"/events/{event.pk}/"
    event.refresh_from_db()
    assert event.reflection == "Asking about their work was easy."
    assert (event.energy_before, event.energy_after) == (2, 4)
    assert event.reviewed_at is not None
    detail = alice_client.get(response.url).text
    assert "Asking about their work was easy." in detail
    assert "more energy than you came with" in detail


def test_energy_must_be_one_to_five_and_the_text_is_kept(alice_client, event):
    response = alice_client.post(
        f"/events/{event.pk}/review/", {"reflection": "Keep me", "energy_before": "9"}
    )
    assert response.status_code == 200
    assert "energy_before" in response.context["form"].errors
    assert "Keep me" in response.text
    event.refresh_from_db()
    assert event.reviewed_at is None


@pytest.mark.parametrize(
    ("met", "expected"),
    [
        pytest.param(0, "You went. Showing up is the first step, and it counts.", id="none"),
        pytest.param(1, "You talked to 1 new person. That is a real step", id="one-of-three"),
        pytest.param(3, "You reached your goal: 3 new people. Well done!", id="reached"),
    ],
)
def test_every_outcome_reads_as_a_win(alice_client, alice, event, met, expected):
    people = ContactFactory.create_batch(met, owner=alice, event=event)
    html = alice_client.get(f"/events/{event.pk}/review/").text
    assert expected in html
    assert all(p.name in html for p in people)
    outcome = html[html.index('class="outcome') : html.index("</div>", html.index("outcome"))]
    assert not any(word in outcome.lower() for word in FAILURE_WORDS)


@pytest.mark.parametrize("met", [0, 1, 3])
def test_every_outcome_reads_as_a_win_in_swedish(alice_client, alice, event, met):
    alice.language = "sv"
    alice.save()
    ContactFactory.create_batch(met, owner=alice, event=event)
    html = alice_client.get(f"/events/{event.pk}/review/").text
    outcome = html[html.index('class="outcome') : html.index("</div>", html.index("outcome"))]
    assert any(w in outcome for w in ("räknas", "riktigt steg", "Snyggt jobbat"))
    assert not any(word in outcome.lower() for word in FAILURE_WORDS)


def test_a_draining_evening_gets_a_kind_word(alice_client, event):
    services.event_review(event=event, energy_before=4, energy_after=2)
    html = alice_client.get(f"/events/{event.pk}/").text
    assert "It took energy, which is normal." in html
