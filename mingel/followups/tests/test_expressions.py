"""The SQL versions of the cadence rules pick exactly the contacts the plain-Python rules
in mingel.core.cadence would, on varied data (own and tag intervals, no dates at all,
interactions of every kind and direction, dates around every boundary)."""

import datetime as dt
import random

import pytest

from mingel.contacts import services as contacts
from mingel.contacts.models import Contact
from mingel.core import cadence
from mingel.followups import selectors, services
from mingel.testing import TagFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 23)
KINDS = ["met", "message", "email", "call", "meeting", "coffee", "linkedin", "note"]


def seed(owner, n=120, rng_seed=5):
    rng = random.Random(rng_seed)
    tags = [
        TagFactory(owner=owner, name="mentor", keep_in_touch_days=60),
        TagFactory(owner=owner, name="friend", keep_in_touch_days=14),
        TagFactory(owner=owner, name="kth"),
    ]
    for i in range(n):
        met_on = rng.choice([None, TODAY - dt.timedelta(days=rng.randint(0, 40))])
        if rng.random() < 0.3 and met_on:
            met_on = TODAY - dt.timedelta(days=rng.randint(0, 900))
        contact = contacts.contact_create(
            owner=owner,
            name=f"Person {i}",
            met_on=met_on,
            keep_in_touch_days=rng.choice([None, None, 7, 30, 90]),
        )
        contact.tags.add(*rng.sample(tags, rng.choice([0, 1, 2])))
        for _ in range(rng.choice([0, 0, 1, 2, 3])):
            start = met_on or TODAY - dt.timedelta(days=800)
            date = start + dt.timedelta(days=rng.randint(-5, max(0, (TODAY - start).days)))
            contacts.interaction_create(
                contact=contact,
                kind=rng.choice(KINDS),
                date=min(date, TODAY),
                direction=rng.choice(["sent", "received", "none"]),
            )


def python_rules(owner, today, horizon=0):
    """Every contact run through the core rules, the slow way."""
    follow, keep = set(), set()
    for contact in Contact.objects.filter(owner=owner).prefetch_related("interactions", "tags"):
        item = cadence.follow_up(
            contact_id=contact.pk,
            met_on=contact.met_on,
            followed_up=cadence.has_followed_up(contact.met_on, contact.interactions.all()),
            today=today,
        )
        if item:
            follow.add(contact.pk)
            continue
        interval = cadence.effective_interval(
            contact.keep_in_touch_days, [t.keep_in_touch_days for t in contact.tags.all()]
        )
        since = selectors.since_of(contact)
        look_at = today + dt.timedelta(days=horizon)
        if cadence.keep_in_touch(
            contact_id=contact.pk, since=since, interval=interval, today=look_at
        ):
            keep.add(contact.pk)
    return follow, keep


@pytest.mark.parametrize("days_later", [0, 1, 6, 7, 29, 30, 31, 60])
def test_sql_and_python_agree_on_who_is_due(alice, days_later):
    seed(alice)
    today = TODAY + dt.timedelta(days=days_later)
    follow, keep = python_rules(alice, today)
    sql_follow = {i.contact.pk for i in selectors.follow_ups(owner=alice, today=today)[0]}
    sql_keep = {i.contact.pk for i in selectors.keep_in_touch(owner=alice, today=today)[0]}
    assert sql_follow == follow
    assert sql_keep == keep
    assert follow or keep  # the data does exercise the rules


def test_the_limit_keeps_the_longest_waiting_and_says_there_is_more(alice):
    seed(alice)
    everything, more = selectors.keep_in_touch(owner=alice, today=TODAY)
    assert not more
    first, more = selectors.keep_in_touch(owner=alice, today=TODAY, limit=5)
    assert more
    assert [i.contact.pk for i in first] == [i.contact.pk for i in everything[:5]]
    dues = [i.due for i in everything]
    assert dues == sorted(dues)


def test_the_weekly_picks_are_the_best_by_the_core_ranking(alice):
    alice.interests = "Rust, embedded systems"
    alice.save()
    rng = random.Random(3)
    for i in range(40):
        contact = contacts.contact_create(
            owner=alice,
            name=f"Old {i}",
            met_on=dt.date(2023, 1, 1) + dt.timedelta(days=i),
            talked_about=rng.choice(["Rust on microcontrollers", "Embedded Linux", "sales", ""]),
            keep_in_touch_days=rng.choice([None, None, 1200, 300]),
        )
        for k in range(rng.randint(0, 14)):
            contacts.interaction_create(
                contact=contact, kind="note", date=dt.date(2024, 1, 1) + dt.timedelta(days=k)
            )
    prefs = services.reminder_settings_get(user=alice)
    # Every dormant contact, ranked by the core, the slow way:
    candidates = []
    for contact in Contact.objects.filter(owner=alice).prefetch_related("interactions"):
        since = selectors.since_of(contact)
        interval = contact.keep_in_touch_days
        if cadence.keep_in_touch(contact_id=0, since=since, interval=interval, today=TODAY):
            continue  # due to keep in touch: listed there, not suggested
        candidates.append(
            cadence.ReconnectCandidate(
                contact_id=contact.pk,
                since=since,
                interactions=len(contact.interactions.all()),
                has_interval=contact.keep_in_touch_days is not None,
                topics=cadence.words(contact.talked_about),
            )
        )
    expected = cadence.reconnect_picks(
        candidates, interests=cadence.words(alice.interests), limit=3
    )
    services.reconnect_picks_refresh(owner=alice, prefs=prefs, today=TODAY)
    picked = [i.contact.pk for i in selectors.reconnects(owner=alice, today=TODAY, prefs=prefs)]
    assert picked == [c.contact_id for c in expected]
