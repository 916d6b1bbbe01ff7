import collections
import datetime as dt
import random
import re

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from mingel.contacts import services as contacts
from mingel.contacts.models import Interaction
from mingel.core import cadence, progress
from mingel.followups.models import ReminderSettings
from mingel.progress import selectors
from mingel.testing import ContactFactory, EventFactory, InteractionFactory

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)  # Wednesday, 11:00 in Stockholm
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def days(n):
    return dt.timedelta(days=n)


def met_at(owner, event, name, *, follow_up_after=None):
    """A contact met at `event`, followed up `follow_up_after` days later (or never)."""
    contact = contacts.contact_create(owner=owner, name=name, met_on=event.date, event=event)
    if follow_up_after is not None:
        contacts.interaction_create(
            contact=contact,
            kind="email",
            date=event.date + days(follow_up_after),
            direction="sent",
        )
    return contact


@pytest.fixture
def alices_progress(alice):
    """Two events in November: the goal reached at one, a first step at the other."""
    fair = EventFactory(
        owner=alice,
        name="Tekniska mässan",
        date=TODAY - days(20),
        goal_new_people=2,
        reviewed_at=NOW - dt.timedelta(days=19),
        energy_before=2,
        energy_after=4,
    )
    meetup = EventFactory(owner=alice, name="Rust meetup", date=TODAY - days(6), goal_new_people=3)
    met_at(alice, fair, "Anna Svensson", follow_up_after=1)
    met_at(alice, fair, "Bert Berg", follow_up_after=5)
    met_at(alice, meetup, "Cecilia Chen")
    EventFactory(owner=alice, name="Next week's meetup", date=TODAY + days(7))
    return fair, meetup


def test_it_needs_a_login(client):
    response = client.get("/progress/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_it_is_in_the_navigation(alice_client):
    response = alice_client.get("/progress/")
    assert '<a href="/progress/" aria-current="page">Progress</a>' in response.text


def test_it_has_a_kind_word_before_there_is_anything(alice_client):
    response = alice_client.get("/progress/")
    assert response.status_code == 200
    assert "Nothing to show yet." in response.text
    assert "<svg" not in response.text


def test_it_shows_the_charts_and_wins_in_english(alice_client, alices_progress):
    response = alice_client.get("/progress/")
    text = response.text
    assert response.status_code == 200
    assert "People met per event" in text
    assert "Tekniska mässan" in text
    assert "2/2 ✓" in text  # the fair: goal reached
    assert "1/3" in text  # the meetup: a first step
    assert "Next week&#x27;s meetup" not in text  # upcoming: no bar yet
    assert "Goal reached at Tekniska mässan: 2 new people." in text
    assert "You talked to 1 new person at Rust meetup." in text
    assert "You left Tekniska mässan with more energy than you came with." in text
    assert "Your first event reviewed." in text
    assert "Your first follow-up within two days." in text
    # Anna in time, Bert late, Cecilia's window closed without one: 1 of 3
    followed = "Of 3 new people in the last 12 months, you followed up with 1 within two days"
    assert f"{followed} (33%)." in text
    assert "weeks in a row" in text
    assert "The lines mark 50% and 100%." in text
    assert "<td>33%</td>" in text


def test_it_shows_the_charts_and_wins_in_swedish(alice, alice_client, alices_progress):
    alice.language = "sv"
    alice.save()
    text = alice_client.get("/progress/").text
    assert "<h1>Framsteg</h1>" in text
    assert "Nya personer per evenemang" in text
    assert "Målet nått på Tekniska mässan: 2 nya personer." in text
    assert "Du pratade med 1 ny person på Rust meetup." in text
    assert "Kontakter per fas" in text
    assert '<th scope="row">Träffad</th><td>1</td>' in text  # a stage, not the interaction kind
    assert "Visa som tabell" in text
    assert (
        "Av 3 nya personer de senaste 12 månaderna följde du upp 1 inom två dagar (33 %)." in text
    )
    assert "Linjerna markerar 50 % och 100 %." in text
    assert "<td>33 %</td>" in text
    assert "Progress" not in text


def test_svg_numbers_are_not_localized(alice, alice_client, alices_progress):
    alice.language = "sv"
    alice.save()
    text = alice_client.get("/progress/").text
    # A Swedish decimal comma would break the coordinates.
    assert not re.search(r'(?:x|y|width|height|x1|x2|y1|y2)="[0-9]+,[0-9]', text)
    assert re.search(r'width="[0-9]+\.[0-9]"', text)


def test_every_chart_has_a_text_alternative(alice_client, alices_progress):
    text = alice_client.get("/progress/").text
    charts = re.findall(r'<svg role="img" aria-labelledby="([\w-]+) ([\w-]+)"', text)
    assert len(charts) == 4
    for title, desc in charts:
        assert f'<title id="{title}">' in text
        assert f'<desc id="{desc}">' in text
    assert text.count("<table>") == 4
    assert '<th scope="row">Tekniska mässan</th>' in text


def test_the_stage_table_counts_contacts(alice, alice_client, alices_progress):
    anna = alice.contacts.get(name="Anna Svensson")
    contacts.interaction_create(contact=anna, kind="coffee", date=TODAY - days(2))
    text = alice_client.get("/progress/").text
    assert '<th scope="row">In touch</th><td>1</td>' in text
    assert '<th scope="row">Followed up</th><td>1</td>' in text  # Bert
    assert '<th scope="row">Met</th><td>1</td>' in text  # Cecilia


def test_it_never_shows_another_users_data(alice_client, bob, alices_progress):
    event = EventFactory(owner=bob, name="Bobs hemliga mingel", date=TODAY - days(3))
    for n in range(4):
        met_at(bob, event, f"Bobs kontakt {n}", follow_up_after=0)
    text = alice_client.get("/progress/").text
    assert "Bobs hemliga mingel" not in text
    assert "Of 3 new people" in text
    assert '<th scope="row">Met</th><td>1</td>' in text


def test_another_user_sees_only_their_own(bob_client, alices_progress):
    text = bob_client.get("/progress/").text
    assert "Tekniska mässan" not in text
    assert "Nothing to show yet." in text


def test_it_makes_the_same_few_queries_whatever_the_amount(
    alice, alice_client, alices_progress, django_assert_num_queries
):
    # session, user, reminder settings, events, contacts, interactions per day; and on
    # PostgreSQL the statement that keeps JIT off for the contacts query
    queries = 6 + (connection.vendor == "postgresql")
    with django_assert_num_queries(queries):
        alice_client.get("/progress/")
    for n in range(30):
        event = EventFactory(owner=alice, date=TODAY - days(n + 1))
        met_at(alice, event, f"Person {n}", follow_up_after=n % 4)
    with django_assert_num_queries(queries):
        response = alice_client.get("/progress/")
    assert response.status_code == 200


def test_it_uses_the_users_dormancy_setting(alice):
    contact = contacts.contact_create(owner=alice, name="Old Friend", met_on=TODAY - days(200))
    rows = selectors.contact_rows(owner=alice, today=TODAY, dormant_after_months=12)
    assert rows[0][3] == "met"
    ReminderSettings.objects.create(user=alice, dormant_after_months=6)
    assert selectors.dormant_after_months(owner=alice) == 6
    data = selectors.progress_for(owner=alice, today=TODAY)
    assert data.stages["dormant"] == 1
    assert contact.pk == rows[0][0]


def test_streak_and_weeks_count_interactions_and_past_events(alice):
    contact = ContactFactory(owner=alice)
    InteractionFactory(contact=contact, date=TODAY - days(7), kind="note", direction="none")
    EventFactory(owner=alice, date=TODAY - days(14))
    EventFactory(owner=alice, date=TODAY + days(1))  # upcoming: not an action yet
    data = selectors.progress_for(owner=alice, today=TODAY)
    assert data.streak == progress.Streak(weeks=2, this_week=False, longest=2)
    assert [w.actions for w in data.weeks[-3:]] == [1, 1, 0]


# ------------------------------------------------ the database mirrors the core's rules

KINDS = [k for k, _ in InteractionFactory._meta.model.KIND_CHOICES]
DIRECTIONS = ["none", "sent", "received"]


def random_contacts(owner, rng, n=80):
    """Contacts of every shape: with and without a meeting day, interactions before,
    on and after it, some in the future, some long ago, with and without the kept
    last interaction day (the factory skips it, the services keep it)."""
    made = []
    for i in range(n):
        met_on = rng.choice([None, TODAY - days(rng.randint(-30, 900))])  # some ahead: typos
        contact = ContactFactory(owner=owner, met_on=met_on)
        for _ in range(rng.randint(0, 5)):
            base = met_on or TODAY - days(400)
            date = base + days(rng.randint(-20, 450))
            kind, direction = rng.choice(KINDS), rng.choice(DIRECTIONS)
            if i % 2:
                contacts.interaction_create(
                    contact=contact, kind=kind, date=date, direction=direction
                )
            else:
                InteractionFactory(contact=contact, kind=kind, date=date, direction=direction)
        made.append(contact)
    return made


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("months", [3, 12])
def test_the_stage_query_agrees_with_cadence(alice, seed, months):
    made = random_contacts(alice, random.Random(seed))
    rows = {
        pk: row
        for pk, *row in selectors.contact_rows(
            owner=alice, today=TODAY, dormant_after_months=months
        )
    }
    for contact in made:
        interactions = list(contact.interactions.all())
        expected = cadence.contact_stage(
            interactions=interactions,
            today=TODAY,
            met_on=contact.met_on,
            added_on=timezone.localtime(contact.created_at, dt.UTC).date(),
            dormant_after_months=months,
        )
        met, first, stage = rows[contact.pk]
        assert stage == expected, (contact.met_on, [(i.kind, i.date) for i in interactions])
        assert met == contact.met_on
        if contact.met_on:
            assert first == progress.first_follow_up(contact.met_on, interactions, today=TODAY)
        else:
            assert first is None
    assert set(rows) == {c.pk for c in made}


@pytest.mark.parametrize("seed", [4, 5])
def test_the_counted_contacts_give_what_the_rows_give(alice, bob, seed):
    rng = random.Random(seed)
    random_contacts(alice, rng)
    random_contacts(bob, rng, n=5)
    rows = selectors.contact_rows(owner=alice, today=TODAY, dormant_after_months=12)
    stages, contacts = selectors.contact_summary(owner=alice, today=TODAY, dormant_after_months=12)
    assert stages == collections.Counter(row[3] for row in rows)
    expected = [progress.NewContact(met, first) for _, met, first, _ in rows if met]
    assert sorted(c.met_on for c in contacts) == sorted(c.met_on for c in expected)
    assert sorted(c.first_follow_up for c in contacts if c.followed_up_in_time) == sorted(
        c.first_follow_up for c in expected if c.followed_up_in_time
    )
    for months in (1, 12, 40):
        assert progress.follow_up_months(
            contacts, today=TODAY, months=months
        ) == progress.follow_up_months(expected, today=TODAY, months=months)
    assert progress.wins(events=[], contacts=contacts, action_days=[], today=TODAY) == (
        progress.wins(events=[], contacts=expected, action_days=[], today=TODAY)
    )


@pytest.mark.parametrize("seed", [6, 7])
def test_action_days_count_recent_days_and_mark_earlier_ones(alice, bob, seed):
    rng = random.Random(seed)
    random_contacts(alice, rng, n=30)
    random_contacts(bob, rng, n=5)
    since = TODAY - days(80)
    found = dict(selectors.action_days(owner=alice, today=TODAY, counted_since=since))
    per_day = collections.Counter(i.date for i in alice.interactions.all() if i.date <= TODAY)
    assert found == {day: n if day >= since else 1 for day, n in per_day.items()}
    assert selectors.action_days(owner=bob, today=TODAY - days(5000), counted_since=since) == []


def test_the_covering_index_is_there():
    """The contacts app's model declares it (so a table rebuild on SQLite keeps it) and its
    migration 0002 creates it, also on databases where the progress app's first migration
    made it with plain SQL before."""
    names = [index.name for index in Interaction._meta.indexes]
    assert "progress_interaction_cover" in names
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "contacts_interaction")
    index = constraints["progress_interaction_cover"]
    assert index["index"]
    assert index["columns"] == ["contact_id", "date", "kind", "direction"]


def test_a_broken_run_shows_the_best_run_not_a_zero(alice, alice_client):
    contact = ContactFactory(owner=alice)
    for weeks_ago in (5, 6, 7):
        InteractionFactory(contact=contact, date=TODAY - days(7 * weeks_ago))
    text = alice_client.get("/progress/").text
    assert "Your best run so far: 3 weeks" in text
    assert "0 weeks in a row" not in text
    assert "One small step this week starts a new run" in text


def test_postgresql_runs_the_contacts_query_without_jit(alice):
    if connection.vendor != "postgresql":
        pytest.skip("JIT is PostgreSQL's")
    selectors.contact_rows(owner=alice, today=TODAY, dormant_after_months=12)
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")  # SET LOCAL lasts until the test's transaction ends
        assert cursor.fetchone()[0] == "off"
