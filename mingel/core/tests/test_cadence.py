import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from mingel.core import cadence
from mingel.core.cadence import Due, ReconnectCandidate, Touch

D = dt.date
TODAY = D(2026, 11, 23)  # a Monday


def days(n):
    return dt.timedelta(days=n)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        pytest.param(D(2026, 11, 23), 12, D(2025, 11, 23), id="a-year"),
        pytest.param(D(2026, 3, 31), 1, D(2026, 2, 28), id="clamps-to-february"),
        pytest.param(D(2028, 3, 31), 1, D(2028, 2, 29), id="leap-february"),
        pytest.param(D(2026, 1, 15), 1, D(2025, 12, 15), id="across-new-year"),
        pytest.param(D(2026, 1, 15), 0, D(2026, 1, 15), id="zero"),
        pytest.param(D(2026, 5, 31), 27, D(2024, 2, 29), id="many-months"),
    ],
)
def test_it_counts_calendar_months_back(day, months, expected):
    assert cadence.months_before(day, months) == expected


@pytest.mark.parametrize(
    ("kind", "direction", "expected"),
    [
        pytest.param("message", "sent", True, id="message-sent"),
        pytest.param("email", "none", True, id="email-no-direction"),
        pytest.param("linkedin", "sent", True, id="linkedin"),
        pytest.param("call", "none", True, id="call"),
        pytest.param("meeting", "none", True, id="meeting"),
        pytest.param("coffee", "none", True, id="coffee"),
        pytest.param("email", "received", False, id="only-received"),
        pytest.param("met", "none", False, id="the-meeting-itself"),
        pytest.param("note", "sent", False, id="a-private-note"),
    ],
)
def test_it_knows_what_counts_as_a_follow_up(kind, direction, expected):
    assert cadence.is_follow_up_action(kind, direction) is expected


@pytest.mark.parametrize(
    ("touches", "expected"),
    [
        pytest.param([], False, id="nothing"),
        pytest.param([Touch("met", D(2026, 11, 20))], False, id="only-met"),
        pytest.param([Touch("email", D(2026, 11, 21), "sent")], True, id="email-after"),
        pytest.param([Touch("email", D(2026, 11, 20), "sent")], True, id="same-day"),
        pytest.param([Touch("email", D(2026, 11, 19), "sent")], False, id="before-meeting"),
        pytest.param([Touch("note", D(2026, 11, 21))], False, id="note"),
    ],
)
def test_it_finds_a_follow_up_on_or_after_the_meeting(touches, expected):
    assert cadence.has_followed_up(D(2026, 11, 20), touches) is expected


@pytest.mark.parametrize(
    ("met_on", "followed_up", "expected"),
    [
        pytest.param(None, False, None, id="no-meeting-date"),
        pytest.param(TODAY, False, None, id="met-today-not-due-yet"),
        pytest.param(TODAY + days(2), False, None, id="met-in-the-future"),
        pytest.param(TODAY - days(1), False, Due("follow_up", TODAY, False, 7), id="met-yesterday"),
        pytest.param(TODAY - days(1), True, None, id="already-followed-up"),
        pytest.param(
            TODAY - days(7), False, Due("follow_up", TODAY - days(6), False, 7), id="day-7-on-time"
        ),
        pytest.param(
            TODAY - days(8), False, Due("follow_up", TODAY - days(7), True, 7), id="day-8-overdue"
        ),
        pytest.param(
            TODAY - days(30), False, Due("follow_up", TODAY - days(29), True, 7), id="day-30-stays"
        ),
        pytest.param(TODAY - days(31), False, None, id="day-31-drops-off"),
    ],
)
def test_it_reminds_to_follow_up_the_day_after(met_on, followed_up, expected):
    item = cadence.follow_up(contact_id=7, met_on=met_on, followed_up=followed_up, today=TODAY)
    assert item == expected


@pytest.mark.parametrize(
    ("own", "tags", "expected"),
    [
        pytest.param(None, [], None, id="none"),
        pytest.param(30, [60, 10], 30, id="own-wins"),
        pytest.param(None, [60, 90], 60, id="shortest-tag"),
        pytest.param(None, [None, 90], 90, id="tags-without-interval-ignored"),
        pytest.param(0, [14], 14, id="zero-means-unset"),
    ],
)
def test_it_picks_the_keep_in_touch_interval(own, tags, expected):
    assert cadence.effective_interval(own, tags) == expected


@pytest.mark.parametrize(
    ("since", "interval", "expected"),
    [
        pytest.param(TODAY - days(30), None, None, id="no-interval"),
        pytest.param(None, 30, None, id="nothing-to-count-from"),
        pytest.param(TODAY - days(30), 30, None, id="exactly-the-interval-not-yet"),
        pytest.param(TODAY - days(31), 30, Due("keep_in_touch", TODAY, False, 7), id="exceeds"),
        pytest.param(
            TODAY - days(37), 30, Due("keep_in_touch", TODAY - days(6), False, 7), id="six-late"
        ),
        pytest.param(
            TODAY - days(38), 30, Due("keep_in_touch", TODAY - days(7), True, 7), id="overdue"
        ),
        pytest.param(TODAY, 1, None, id="just-talked"),
    ],
)
def test_it_is_due_when_the_silence_exceeds_the_interval(since, interval, expected):
    item = cadence.keep_in_touch(contact_id=7, since=since, interval=interval, today=TODAY)
    assert item == expected


@pytest.mark.parametrize(
    ("last", "met", "added", "expected"),
    [
        pytest.param(D(2026, 5, 1), D(2026, 1, 1), D(2025, 1, 1), D(2026, 5, 1), id="last"),
        pytest.param(None, D(2026, 1, 1), D(2025, 1, 1), D(2026, 1, 1), id="met"),
        pytest.param(None, None, D(2025, 1, 1), D(2025, 1, 1), id="added"),
        pytest.param(None, None, None, None, id="nothing"),
    ],
)
def test_it_counts_silence_from_the_last_touch(last, met, added, expected):
    assert cadence.last_touch(last, met, added) == expected


def test_any_interaction_restarts_the_interval():
    before = cadence.keep_in_touch(contact_id=1, since=TODAY - days(90), interval=60, today=TODAY)
    after = cadence.keep_in_touch(contact_id=1, since=TODAY - days(1), interval=60, today=TODAY)
    assert before is not None
    assert after is None


@pytest.mark.parametrize(
    ("since", "months", "expected"),
    [
        pytest.param(None, 12, False, id="no-date"),
        pytest.param(D(2025, 11, 23), 12, False, id="exactly-a-year"),
        pytest.param(D(2025, 11, 22), 12, True, id="a-year-and-a-day"),
        pytest.param(D(2026, 5, 22), 6, True, id="custom-six-months"),
        pytest.param(D(2026, 5, 23), 6, False, id="custom-six-months-boundary"),
    ],
)
def test_it_calls_long_silences_dormant(since, months, expected):
    assert cadence.is_dormant(since, TODAY, months) is expected


@given(
    since=st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 1, 1)),
    months=st.integers(min_value=1, max_value=60),
)
def test_dormant_since_is_the_first_dormant_day(since, months):
    first = cadence.dormant_since(since, months)
    assert cadence.is_dormant(since, first, months)
    assert not cadence.is_dormant(since, first - days(1), months)


def touches(*items):
    return [Touch(*item) for item in items]


MET = D(2026, 10, 1)


@pytest.mark.parametrize(
    ("interactions", "expected"),
    [
        pytest.param(touches(("met", MET)), "met", id="just-met"),
        pytest.param(touches(("met", MET), ("note", D(2026, 10, 2))), "met", id="a-note-only"),
        pytest.param(
            touches(("met", MET), ("email", D(2026, 10, 2), "sent")), "followed_up", id="thanked"
        ),
        pytest.param(
            touches(("met", MET), ("email", D(2026, 9, 2), "sent")), "met", id="email-before-met"
        ),
        pytest.param(
            touches(("met", MET), ("linkedin", D(2026, 10, 2), "sent")),
            "connected",
            id="linkedin",
        ),
        pytest.param(
            touches(("met", MET), ("linkedin", D(2026, 10, 2)), ("email", D(2026, 10, 5), "sent")),
            "connected",
            id="linkedin-then-email",
        ),
        pytest.param(
            touches(("met", MET), ("email", D(2026, 10, 3), "received")),
            "in_touch",
            id="they-wrote-back",
        ),
        pytest.param(
            touches(("met", MET), ("coffee", D(2026, 11, 1))), "in_touch", id="had-coffee"
        ),
        pytest.param(
            touches(("met", MET), ("coffee", D(2026, 12, 1))), "met", id="future-coffee-ignored"
        ),
        pytest.param(
            touches(("met", D(2024, 1, 1)), ("coffee", D(2024, 2, 1))), "dormant", id="long-ago"
        ),
    ],
)
def test_it_derives_the_stage_from_interactions(interactions, expected):
    met_on = next(i.date for i in interactions if i.kind == "met")
    stage = cadence.contact_stage(interactions=interactions, today=TODAY, met_on=met_on)
    assert stage == expected


def test_a_contact_without_dates_is_just_met():
    assert cadence.contact_stage(interactions=[], today=TODAY) == "met"


def test_an_old_contact_without_interactions_is_dormant():
    stage = cadence.contact_stage(interactions=[], today=TODAY, added_on=D(2020, 1, 1))
    assert stage == "dormant"


def test_the_dormancy_threshold_is_configurable():
    interactions = touches(("email", D(2026, 4, 1), "sent"))
    assert cadence.contact_stage(interactions=interactions, today=TODAY) == "followed_up"
    stage = cadence.contact_stage(interactions=interactions, today=TODAY, dormant_after_months=6)
    assert stage == "dormant"


@given(
    st.lists(
        st.builds(
            Touch,
            kind=st.sampled_from(["met", "message", "email", "call", "coffee", "linkedin", "note"]),
            date=st.dates(min_value=D(2020, 1, 1), max_value=D(2027, 12, 31)),
            direction=st.sampled_from(["none", "sent", "received"]),
        ),
        max_size=8,
    )
)
def test_the_stage_is_always_one_of_five_and_order_free(interactions):
    stage = cadence.contact_stage(interactions=interactions, today=TODAY)
    assert stage in cadence.STAGES
    assert cadence.contact_stage(interactions=interactions[::-1], today=TODAY) == stage


@pytest.mark.parametrize(
    ("item_type", "due", "interval", "expected"),
    [
        pytest.param(
            "follow_up", TODAY - days(1), None, TODAY + days(6), id="follow-up-until-late"
        ),
        pytest.param("follow_up", TODAY - days(9), None, TODAY + days(1), id="late-one-more-day"),
        pytest.param("keep_in_touch", TODAY - days(3), 30, TODAY + days(31), id="one-interval"),
        pytest.param("reconnect", TODAY - days(3), None, D(2026, 11, 30), id="next-monday"),
        pytest.param("event", TODAY + days(4), None, TODAY + days(5), id="event-gone"),
    ],
)
def test_not_now_hides_until_the_next_round(item_type, due, interval, expected):
    until = cadence.skip_until(item_type, today=TODAY, due=due, interval=interval)
    assert until == expected


def test_reconnect_skip_on_sunday_is_the_next_day():
    assert cadence.skip_until("reconnect", today=D(2026, 11, 29)) == D(2026, 11, 30)


@pytest.mark.parametrize("n", [1, 7, 30])
def test_snooze_takes_any_number_of_days(n):
    assert cadence.snooze_until(TODAY, n) == TODAY + days(n)


def test_snooze_refuses_zero_days():
    with pytest.raises(ValueError, match="at least one day"):
        cadence.snooze_until(TODAY, 0)


def candidate(contact_id, **kw):
    kw.setdefault("since", D(2024, 1, 1))
    return ReconnectCandidate(contact_id=contact_id, **kw)


def test_it_suggests_a_few_reconnects_not_a_wall():
    picks = cadence.reconnect_picks([candidate(i) for i in range(500)])
    assert len(picks) == 3


@pytest.mark.parametrize(
    ("candidates", "interests", "expected"),
    [
        pytest.param(
            [candidate(1), candidate(2, interactions=6), candidate(3, interactions=2)],
            frozenset(),
            [2, 3, 1],
            id="more-interactions-first",
        ),
        pytest.param(
            [candidate(1, interactions=4), candidate(2, has_interval=True)],
            frozenset(),
            [2, 1],
            id="interval-set-counts",
        ),
        pytest.param(
            [candidate(1, interactions=3), candidate(2, topics=frozenset({"rust"}))],
            frozenset({"rust", "cloud"}),
            [2, 1],
            id="shared-interests",
        ),
        pytest.param(
            [candidate(1, since=D(2023, 1, 1)), candidate(2, since=D(2024, 6, 1))],
            frozenset(),
            [2, 1],
            id="warmer-first-on-ties",
        ),
        pytest.param([candidate(9), candidate(4)], frozenset(), [4, 9], id="then-by-id"),
    ],
)
def test_it_ranks_reconnects_by_closeness(candidates, interests, expected):
    picks = cadence.reconnect_picks(candidates, interests=interests, limit=5)
    assert [p.contact_id for p in picks] == expected


def test_no_reconnects_when_the_weekly_budget_is_zero():
    assert cadence.reconnect_picks([candidate(1)], limit=0) == []


@given(st.lists(st.integers(min_value=0, max_value=30), max_size=30), st.randoms())
def test_the_ranking_ignores_input_order(counts, rnd):
    items = [candidate(i, interactions=n) for i, n in enumerate(counts)]
    shuffled = items[:]
    rnd.shuffle(shuffled)
    assert cadence.reconnect_picks(items, limit=5) == cadence.reconnect_picks(shuffled, limit=5)


def test_words_are_lower_case_and_skip_short_ones():
    assert cadence.words("Cloud, AI and Rust 2026") == frozenset({"cloud", "and", "rust"})


def test_items_come_in_a_calm_order():
    items = [
        Due("event", TODAY + days(2), False, event_id=1),
        Due("reconnect", TODAY - days(100), False, contact_id=3),
        Due("keep_in_touch", TODAY - days(1), False, contact_id=2),
        Due("follow_up", TODAY, False, contact_id=5),
        Due("follow_up", TODAY - days(2), False, contact_id=6),
    ]
    ordered = cadence.order_items(items)
    assert [(i.type, i.contact_id or i.event_id) for i in ordered] == [
        ("follow_up", 6),
        ("follow_up", 5),
        ("keep_in_touch", 2),
        ("reconnect", 3),
        ("event", 1),
    ]


def test_a_reconnect_item_is_due_from_the_first_dormant_day():
    item = cadence.reconnect_item(candidate(3, since=D(2025, 1, 10)), today=TODAY, months=12)
    assert item == Due("reconnect", D(2026, 1, 11), False, contact_id=3)


@pytest.mark.parametrize(
    ("touches", "met_on", "added_on", "expected"),
    [
        pytest.param([], TODAY - days(2), TODAY, ("thanks", "connect"), id="met-recently"),
        pytest.param([], TODAY, TODAY, ("thanks", "connect"), id="met-today"),
        pytest.param([], TODAY - days(31), TODAY, ("connect",), id="met-a-month-ago"),
        pytest.param([], TODAY + days(3), TODAY, ("connect",), id="meeting-planned"),
        pytest.param(
            [Touch("coffee", TODAY - days(5))], None, TODAY, ("thanks", "connect"), id="coffee"
        ),
        pytest.param(
            [Touch("linkedin", TODAY - days(1), "sent")],
            TODAY - days(2),
            TODAY,
            ("thanks",),
            id="connected",
        ),
        pytest.param([], None, D(2018, 5, 4), ("connect", "reconnect"), id="added-long-ago"),
        pytest.param(
            [Touch("linkedin", D(2019, 3, 1))], None, TODAY, ("reconnect",), id="linked-dormant"
        ),
        pytest.param([], None, TODAY, ("connect",), id="added-today"),
        pytest.param(
            [Touch("linkedin", TODAY + days(2))], None, TODAY, ("connect",), id="future-ignored"
        ),
    ],
)
def test_it_offers_the_kinds_of_message_that_fit(touches, met_on, added_on, expected):
    kinds = cadence.write_kinds(interactions=touches, today=TODAY, met_on=met_on, added_on=added_on)
    assert kinds == expected


# ---------------------------------------------------------------------------- edges of the calendar

any_date = st.dates(min_value=dt.date.min, max_value=dt.date.max)


@given(day=any_date, today=any_date, interval=st.integers(1, 3650), days=st.integers(1, 3650))
@example(day=dt.date.min, today=dt.date(2026, 11, 23), interval=30, days=7)
@example(day=dt.date.max, today=dt.date(2026, 11, 23), interval=30, days=7)
@example(day=dt.date.max, today=dt.date.max, interval=3650, days=3650)
@example(day=dt.date.min, today=dt.date.min, interval=1, days=1)
def test_no_date_breaks_the_rules(day, today, interval, days):
    # A contact met on 0001-01-01 or 9999-12-31 (old rows, imports) must not break Today.
    for due in (
        cadence.follow_up(contact_id=1, met_on=day, followed_up=False, today=today),
        cadence.keep_in_touch(contact_id=1, since=day, interval=interval, today=today),
    ):
        assert due is None or dt.date.min <= due.due <= dt.date.max
    cadence.is_dormant(day, today)
    assert cadence.dormant_since(day) >= day
    cadence.reconnect_item(ReconnectCandidate(1, day), today=today, months=12)
    touches = [Touch("met", day), Touch("email", today, "sent")]
    cadence.contact_stage(interactions=touches, today=today, met_on=day, added_on=day)
    cadence.write_kinds(interactions=touches, today=today, met_on=day, added_on=day)
    assert cadence.week_start(day) <= day
    assert cadence.snooze_until(today, days) >= today
    for item_type in cadence.ITEM_TYPES:
        assert cadence.skip_until(item_type, today=today, due=day, interval=interval) >= today


def test_the_last_day_clamps_instead_of_raising():
    last, first = dt.date.max, dt.date.min
    assert cadence.snooze_until(last, 7) == last
    assert cadence.skip_until(cadence.RECONNECT, today=last) == last
    assert cadence.skip_until(cadence.FOLLOW_UP, today=last, due=last) == last
    assert cadence.dormant_cutoff(first) == first
    assert (
        cadence.follow_up(contact_id=1, met_on=first, followed_up=False, today=dt.date(2026, 1, 1))
        is None
    )
