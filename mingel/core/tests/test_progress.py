import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mingel.core import cadence, progress
from mingel.core.cadence import Touch
from mingel.core.progress import EventFacts, FollowUpMonth, NewContact, Streak, Week, Win

D = dt.date
TODAY = D(2026, 11, 25)  # a Wednesday; its week starts on Monday 23 November
MONDAY = D(2026, 11, 23)


def days(n):
    return dt.timedelta(days=n)


def event(n=1, *, date=None, goal=2, met=0, **fields):
    date = date or D(2026, 11, 10)
    return EventFacts(event_id=n, name=f"Meetup {n}", date=date, goal=goal, met=met, **fields)


# ---------------------------------------------------------------------------- first follow-up


@pytest.mark.parametrize(
    ("touches", "expected"),
    [
        pytest.param([], None, id="nothing"),
        pytest.param([Touch("met", D(2026, 11, 20))], None, id="only-the-meeting"),
        pytest.param([Touch("note", D(2026, 11, 21), "sent")], None, id="a-note"),
        pytest.param([Touch("email", D(2026, 11, 21), "received")], None, id="only-received"),
        pytest.param([Touch("email", D(2026, 11, 19), "sent")], None, id="before-meeting"),
        pytest.param([Touch("email", D(2026, 11, 20), "sent")], D(2026, 11, 20), id="same-day"),
        pytest.param(
            [Touch("coffee", D(2026, 11, 24)), Touch("message", D(2026, 11, 22), "sent")],
            D(2026, 11, 22),
            id="earliest-of-several",
        ),
        pytest.param([Touch("call", D(2026, 11, 26))], None, id="planned-after-today"),
        pytest.param([Touch("linkedin", D(2026, 11, 21), "none")], D(2026, 11, 21), id="linkedin"),
    ],
)
def test_it_finds_the_first_follow_up(touches, expected):
    assert progress.first_follow_up(D(2026, 11, 20), touches, today=TODAY) == expected


KINDS = ["met", "message", "email", "call", "meeting", "coffee", "linkedin", "note"]
touches = st.builds(
    Touch,
    kind=st.sampled_from(KINDS),
    date=st.dates(D(2026, 10, 1), D(2026, 12, 31)),
    direction=st.sampled_from(["none", "sent", "received"]),
)


@given(st.lists(touches, max_size=8), st.dates(D(2026, 10, 1), D(2026, 12, 31)))
def test_a_first_follow_up_exists_exactly_when_cadence_says_followed_up(items, met_on):
    first = progress.first_follow_up(met_on, items, today=TODAY)
    past = [t for t in items if t.date <= TODAY]
    assert (first is not None) == cadence.has_followed_up(met_on, past)
    if first is not None:
        assert met_on <= first <= TODAY


@pytest.mark.parametrize(
    ("gap", "expected"),
    [
        pytest.param(0, True, id="same-day"),
        pytest.param(1, True, id="next-day"),
        pytest.param(2, True, id="two-days"),
        pytest.param(3, False, id="three-days"),
        pytest.param(None, False, id="never"),
    ],
)
def test_it_knows_a_follow_up_within_two_days(gap, expected):
    met = D(2026, 11, 1)
    contact = NewContact(met, None if gap is None else met + days(gap))
    assert contact.followed_up_in_time is expected


# ---------------------------------------------------------------------------- events


def test_event_bars_are_past_events_oldest_first():
    events = [
        event(1, date=D(2026, 11, 10)),
        event(2, date=D(2026, 10, 1)),
        event(3, date=TODAY),
        event(4, date=TODAY + days(1)),
    ]
    bars = progress.event_bars(events, today=TODAY)
    assert [e.event_id for e in bars] == [2, 1, 3]


def test_event_bars_keep_the_latest_when_limited():
    events = [event(n, date=D(2026, 1, n)) for n in range(1, 21)]
    bars = progress.event_bars(events, today=TODAY, limit=12)
    assert [e.event_id for e in bars] == list(range(9, 21))
    assert progress.event_bars(events, today=TODAY, limit=0) == []


def test_event_bars_order_same_day_events_by_id():
    events = [event(5, date=TODAY), event(2, date=TODAY)]
    assert [e.event_id for e in progress.event_bars(events, today=TODAY)] == [2, 5]


@pytest.mark.parametrize(
    ("met", "goal", "reached"),
    [
        pytest.param(0, 2, False, id="none-yet"),
        pytest.param(1, 2, False, id="one-of-two"),
        pytest.param(2, 2, True, id="exactly"),
        pytest.param(5, 2, True, id="more"),
    ],
)
def test_an_event_reaches_its_goal_at_the_goal(met, goal, reached):
    assert event(met=met, goal=goal).reached is reached


# ---------------------------------------------------------------------------- follow-up share


@pytest.mark.parametrize(
    ("met_on", "expected"),
    [
        pytest.param(TODAY, False, id="today"),
        pytest.param(TODAY - days(2), False, id="two-days-ago"),
        pytest.param(TODAY - days(3), True, id="three-days-ago"),
    ],
)
def test_the_two_day_window_closes_after_two_days(met_on, expected):
    assert progress.window_closed(met_on, TODAY) is expected


def test_follow_up_months_count_closed_windows_and_early_successes():
    contacts = [
        NewContact(D(2026, 11, 2), D(2026, 11, 3)),  # in time
        NewContact(D(2026, 11, 5), D(2026, 11, 9)),  # late: counts, not in time
        NewContact(D(2026, 11, 6)),  # never: counts, not in time
        NewContact(D(2026, 11, 24)),  # met yesterday: still has time, not counted
        NewContact(D(2026, 11, 24), D(2026, 11, 24)),  # met yesterday, done: counted
        NewContact(D(2026, 10, 30), D(2026, 10, 30)),  # October, in time
        NewContact(D(2026, 11, 26)),  # tomorrow (a typo?): ignored
    ]
    rows = progress.follow_up_months(contacts, today=TODAY, months=2)
    assert rows == [
        FollowUpMonth(D(2026, 10, 1), 1, 1),
        FollowUpMonth(D(2026, 11, 1), 4, 2),
    ]
    assert rows[1].share == 0.5
    assert rows[1].percent == 50


def test_follow_up_months_have_every_month_even_empty_ones():
    rows = progress.follow_up_months([], today=D(2026, 3, 31), months=12)
    assert [r.month for r in rows][:3] == [D(2025, 4, 1), D(2025, 5, 1), D(2025, 6, 1)]
    assert rows[-1].month == D(2026, 3, 1)
    assert len(rows) == 12
    assert all(r.met == 0 and r.share is None and r.percent is None for r in rows)


def test_follow_up_months_leave_out_contacts_met_before_the_window():
    old = NewContact(D(2025, 11, 30), D(2025, 11, 30))
    rows = progress.follow_up_months([old], today=TODAY, months=12)
    assert rows[0].month == D(2025, 12, 1)
    assert sum(r.met for r in rows) == 0


def test_follow_up_months_of_zero_months_are_empty():
    assert progress.follow_up_months([NewContact(TODAY)], today=TODAY, months=0) == []
    assert progress.follow_up_total([]) is None


def test_follow_up_total_adds_the_months_up():
    rows = [FollowUpMonth(D(2026, 10, 1), 3, 1), FollowUpMonth(D(2026, 11, 1), 1, 1)]
    total = progress.follow_up_total(rows)
    assert total == FollowUpMonth(D(2026, 10, 1), 4, 2)
    assert total.percent == 50


@pytest.mark.parametrize(
    ("met", "in_time", "percent"),
    [
        pytest.param(3, 1, 33, id="a-third"),
        pytest.param(3, 2, 67, id="two-thirds"),
        pytest.param(1, 1, 100, id="all"),
        pytest.param(4, 0, 0, id="none"),
    ],
)
def test_a_months_percent_is_rounded(met, in_time, percent):
    assert FollowUpMonth(D(2026, 1, 1), met, in_time).percent == percent


new_contacts = st.builds(
    NewContact,
    met_on=st.dates(D(2024, 1, 1), D(2026, 12, 31)),
    first_follow_up=st.one_of(st.none(), st.dates(D(2024, 1, 1), TODAY)),
)


@given(st.lists(new_contacts, max_size=30), st.integers(1, 24))
def test_follow_up_months_are_consistent(contacts, months):
    rows = progress.follow_up_months(contacts, today=TODAY, months=months)
    assert len(rows) == months
    assert rows[-1].month == D(2026, 11, 1)
    assert all(0 <= r.in_time <= r.met for r in rows)
    assert all(a.month < b.month for a, b in itertools.pairwise(rows))
    assert sum(r.met for r in rows) <= len(contacts)


# ---------------------------------------------------------------------------- stages


def test_stage_counts_list_every_stage_in_order():
    counts = progress.stage_counts(["in_touch", "met", "met", "dormant", "something else"])
    assert list(counts) == list(cadence.STAGES)
    assert counts == {"met": 2, "followed_up": 0, "connected": 0, "in_touch": 1, "dormant": 1}


def test_stage_counts_of_nobody_are_zeros():
    assert set(progress.stage_counts([]).values()) == {0}


# ---------------------------------------------------------------------------- streaks


def acts(*pairs):
    return [(d, 1) for d in pairs]


@pytest.mark.parametrize(
    ("action_days", "expected"),
    [
        pytest.param([], Streak(0, False, 0), id="nothing"),
        pytest.param(acts(TODAY), Streak(1, True, 1), id="this-week"),
        pytest.param(acts(MONDAY), Streak(1, True, 1), id="monday-counts"),
        pytest.param(acts(MONDAY - days(1)), Streak(1, False, 1), id="last-week-still-alive"),
        pytest.param(acts(MONDAY - days(8)), Streak(0, False, 1), id="two-weeks-ago-broken"),
        pytest.param(
            acts(TODAY, TODAY - days(7), TODAY - days(14)), Streak(3, True, 3), id="three-in-a-row"
        ),
        pytest.param(
            acts(MONDAY - days(1), MONDAY - days(8), MONDAY - days(15)),
            Streak(3, False, 3),
            id="three-ending-last-week",
        ),
        pytest.param(
            acts(TODAY, *(MONDAY - days(7 * n) for n in range(2, 7))),
            Streak(1, True, 5),
            id="a-gap-breaks-it-longest-stays",
        ),
        pytest.param(acts(TODAY + days(1)), Streak(0, False, 0), id="future-ignored"),
        pytest.param([(TODAY, 0)], Streak(0, False, 0), id="zero-count-ignored"),
        pytest.param(acts(TODAY, TODAY, TODAY), Streak(1, True, 1), id="same-day-once"),
    ],
)
def test_it_counts_weeks_in_a_row(action_days, expected):
    assert progress.streak(action_days, today=TODAY) == expected


def test_streaks_cross_the_new_year():
    today = D(2027, 1, 6)  # week 1 of 2027 starts on Monday 4 January
    days_ = acts(D(2026, 12, 24), D(2026, 12, 31), D(2027, 1, 5))
    assert progress.streak(days_, today=today) == Streak(3, True, 3)


def test_runs_join_consecutive_mondays():
    mondays = [MONDAY - days(7 * n) for n in (0, 1, 3, 4, 5)]
    assert progress.runs(mondays) == [(MONDAY - days(21), 3), (MONDAY, 2)]


def test_recent_weeks_add_up_actions_per_week_oldest_first():
    action_days = [(TODAY, 2), (MONDAY, 1), (MONDAY - days(1), 4), (MONDAY - days(30), 9)]
    weeks = progress.recent_weeks(action_days, today=TODAY, weeks=3)
    assert weeks == [
        Week(MONDAY - days(14), 0),
        Week(MONDAY - days(7), 4),
        Week(MONDAY, 3),
    ]


@given(st.lists(st.tuples(st.dates(D(2025, 1, 1), D(2026, 12, 31)), st.integers(0, 3))))
def test_a_streak_is_never_longer_than_the_longest(action_days):
    result = progress.streak(action_days, today=TODAY)
    assert 0 <= result.weeks <= result.longest
    weeks = progress.action_weeks(action_days, today=TODAY)
    assert sum(n for _, n in progress.runs(weeks)) == len(weeks)
    assert result.this_week == (MONDAY in weeks)
    # Weeks are days too: the selector sums per week once and passes the weeks on.
    assert progress.action_weeks(weeks.items(), today=TODAY) == weeks
    assert progress.streak(weeks.items(), today=TODAY) == result


# ---------------------------------------------------------------------------- wins


def kinds(wins):
    return [(w.kind, w.count) for w in wins]


def test_event_wins_celebrate_goals_and_first_steps_never_misses():
    events = [
        event(1, date=D(2026, 11, 1), goal=2, met=3),
        event(2, date=D(2026, 11, 8), goal=3, met=1),
        event(3, date=D(2026, 11, 15), goal=2, met=0),
        event(4, date=TODAY + days(3), goal=1, met=1),  # upcoming: not yet
    ]
    wins = progress.event_wins(events, today=TODAY)
    assert wins == [
        Win("goal_reached", D(2026, 11, 1), 3, 1, "Meetup 1"),
        Win("met_at_event", D(2026, 11, 8), 1, 2, "Meetup 2"),
    ]


@pytest.mark.parametrize(
    ("before", "after", "won"),
    [
        pytest.param(2, 4, True, id="more-energy"),
        pytest.param(3, 3, False, id="same"),
        pytest.param(4, 2, False, id="less-is-no-failure-just-no-win"),
        pytest.param(None, 4, False, id="not-given"),
    ],
)
def test_more_energy_after_an_event_is_a_win(before, after, won):
    e = event(goal=5, energy_before=before, energy_after=after, reviewed_on=D(2026, 11, 11))
    wins = progress.event_wins([e], today=TODAY)
    assert (Win("energy_up", D(2026, 11, 11), 0, 1, "Meetup 1") in wins) is won


def test_milestone_wins_are_dated_by_the_nth_time():
    dates = [D(2026, 1, n) for n in (9, 1, 5, 3, 7, 2)]
    wins = progress.milestone_wins("x", dates, (1, 5, 10))
    assert wins == [Win("x", D(2026, 1, 1), 1), Win("x", D(2026, 1, 7), 5)]


def test_streak_wins_come_once_per_milestone():
    first_run = [MONDAY - days(7 * n) for n in range(20, 17, -1)]  # 3 weeks
    second_run = [MONDAY - days(7 * n) for n in range(4, -1, -1)]  # 5 weeks, to this week
    wins = progress.streak_wins(acts(*first_run, *second_run), today=TODAY)
    assert kinds(wins) == [("weeks_in_a_row", 2), ("weeks_in_a_row", 3), ("weeks_in_a_row", 5)]
    # 2 and 3 were reached in the first run, on the Sundays of its 2nd and 3rd week
    assert wins[0].date == first_run[1] + days(6)
    assert wins[1].date == first_run[2] + days(6)
    # 5 is reached this week, which is not over: dated today
    assert wins[2].date == TODAY


def test_wins_gather_everything_newest_first():
    events = [
        event(1, date=D(2026, 11, 1), goal=2, met=2, reviewed_on=D(2026, 11, 2)),
        event(2, date=D(2026, 11, 20), goal=2, met=1, reviewed_on=D(2026, 11, 21)),
    ]
    contacts = [
        NewContact(D(2026, 11, 1), D(2026, 11, 2)),
        NewContact(D(2026, 11, 1), D(2026, 11, 10)),  # late: no in-time win
        NewContact(D(2026, 11, 20)),
    ]
    action_days = acts(D(2026, 11, 2), D(2026, 11, 10), D(2026, 11, 20))
    wins = progress.wins(events=events, contacts=contacts, action_days=action_days, today=TODAY)
    assert kinds(wins) == [
        ("weeks_in_a_row", 3),  # weeks of 2, 10 and 20 November: reached Sun 22 Nov
        ("met_at_event", 1),  # 20 Nov
        ("weeks_in_a_row", 2),  # Sunday 15 November
        ("events_reviewed", 1),  # 2 Nov (same day: by kind)
        ("follow_ups_in_time", 1),  # 2 Nov
        ("goal_reached", 2),  # 1 Nov
        ("people_met", 1),  # 1 Nov
    ]
    assert wins == sorted(wins, key=lambda w: w.date, reverse=True)


def test_wins_can_be_limited():
    contacts = [NewContact(D(2026, 1, 1) + days(n)) for n in range(30)]
    wins = progress.wins(events=[], contacts=contacts, action_days=[], today=TODAY, limit=2)
    assert kinds(wins) == [("people_met", 25), ("people_met", 10)]


def test_nothing_done_yet_means_no_wins_and_no_reproach():
    assert progress.wins(events=[], contacts=[], action_days=[], today=TODAY) == []


def test_wins_never_lie_in_the_future():
    events = [event(1, date=TODAY + days(1), goal=1, met=1, reviewed_on=TODAY + days(1))]
    contacts = [NewContact(TODAY + days(1))]
    wins = progress.wins(events=events, contacts=contacts, action_days=[], today=TODAY)
    assert wins == []


WIN_KINDS = {
    "goal_reached",
    "met_at_event",
    "energy_up",
    "events_reviewed",
    "follow_ups_in_time",
    "people_met",
    "weeks_in_a_row",
}
events_strategy = st.builds(
    EventFacts,
    event_id=st.integers(1, 1000),
    name=st.just("E"),
    date=st.dates(D(2025, 1, 1), D(2026, 12, 31)),
    goal=st.integers(1, 5),
    met=st.integers(0, 6),
    reviewed_on=st.one_of(st.none(), st.dates(D(2025, 1, 1), D(2026, 12, 31))),
    energy_before=st.one_of(st.none(), st.integers(1, 5)),
    energy_after=st.one_of(st.none(), st.integers(1, 5)),
)


@given(
    st.lists(events_strategy, max_size=8),
    st.lists(new_contacts, max_size=30),
    st.lists(st.tuples(st.dates(D(2025, 1, 1), D(2026, 12, 31)), st.integers(1, 3))),
)
def test_wins_are_only_wins_up_to_today_newest_first(events, contacts, action_days):
    wins = progress.wins(events=events, contacts=contacts, action_days=action_days, today=TODAY)
    assert {w.kind for w in wins} <= WIN_KINDS
    assert all(w.date <= TODAY for w in wins)
    assert [w.date for w in wins] == sorted((w.date for w in wins), reverse=True)
    assert all(w.count >= 0 for w in wins)
