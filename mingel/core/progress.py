"""Progress over time: people met per event, follow-ups in time, stages, streaks and wins.

Plain values in, plain values out; callers pass `today` (the user's own calendar date).
Everything here counts what went well: a missed goal is never a number of its own, it is
simply a bar that is shorter than its goal line, and the wins list only ever grows.

Contacts come in as `NewContact` (the day met and the first follow-up), and stages as
names computed by `cadence.contact_stage` or by a query that mirrors it.
"""

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from mingel.core import cadence
from mingel.core.cadence import InteractionLike, Stage

FOLLOW_UP_WITHIN_DAYS = 2
FOLLOW_UP_MILESTONES = (1, 5, 10, 25, 50, 100, 250, 500, 1000)
PEOPLE_MILESTONES = (1, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
STREAK_MILESTONES = (2, 3, 5, 10, 26, 52)
REVIEW_MILESTONES = (1, 5, 10, 25, 50)


# ---------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class EventFacts:
    """One event as progress sees it: its goal and how many contacts are linked to it."""

    event_id: int
    name: str
    date: dt.date
    goal: int
    met: int = 0
    reviewed_on: dt.date | None = None
    energy_before: int | None = None
    energy_after: int | None = None

    @property
    def reached(self) -> bool:
        return self.met >= self.goal


class NewContact(NamedTuple):
    """A contact met on `met_on`, and the day the user first reached out to them on or
    after it (up to today), if they have (see `first_follow_up`). A named tuple: a heavy
    user has 10,000 of these per page view, and a tuple is quickest to make."""

    met_on: dt.date
    first_follow_up: dt.date | None = None

    @property
    def followed_up_in_time(self) -> bool:
        """Reached out within two days of meeting (the same day counts)."""
        return (
            self.first_follow_up is not None
            and (self.first_follow_up - self.met_on).days <= FOLLOW_UP_WITHIN_DAYS
        )


def first_follow_up(
    met_on: dt.date, interactions: Iterable[InteractionLike], *, today: dt.date
) -> dt.date | None:
    """The first day on or after `met_on`, and not after today, with an interaction that
    reaches out to the contact (see `cadence.is_follow_up_action`), or None."""
    return min(
        (
            i.date
            for i in interactions
            if met_on <= i.date <= today and cadence.is_follow_up_action(i.kind, i.direction)
        ),
        default=None,
    )


# ---------------------------------------------------------------------------- events


def event_bars(
    events: Iterable[EventFacts], *, today: dt.date, limit: int = 12
) -> list[EventFacts]:
    """The last `limit` events up to today, oldest first (the order a chart reads in).
    Upcoming events are left out: nobody has been met there yet, and that is no failure."""
    past = sorted((e for e in events if e.date <= today), key=lambda e: (e.date, e.event_id))
    return past[-limit:] if limit > 0 else []


# ---------------------------------------------------------------------------- follow-ups


@dataclass(frozen=True)
class FollowUpMonth:
    """New contacts of one month whose two-day window has closed, and how many of them
    were followed up within it."""

    month: dt.date  # the first day of the month
    met: int
    in_time: int

    @property
    def share(self) -> float | None:
        """In time divided by met, or None for a month without new contacts."""
        return self.in_time / self.met if self.met else None

    @property
    def percent(self) -> int | None:
        return None if self.share is None else round(self.share * 100)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def window_closed(met_on: dt.date, today: dt.date) -> bool:
    """Whether the two days to follow up in are over (someone met yesterday still has
    time, so they count neither for nor against the share yet)."""
    return (today - met_on).days > FOLLOW_UP_WITHIN_DAYS


def counts_for_share(contact: NewContact, today: dt.date) -> bool:
    if contact.met_on > today:
        return False
    return contact.followed_up_in_time or window_closed(contact.met_on, today)


def follow_up_months(
    contacts: Iterable[NewContact], *, today: dt.date, months: int = 12
) -> list[FollowUpMonth]:
    """The share of new contacts followed up within two days, per calendar month of
    meeting, for the last `months` months up to this one (oldest first; months without
    new contacts are included with met=0 so the chart's axis stays regular)."""
    if months <= 0:
        return []
    first = month_start(cadence.months_before(today, months - 1))
    met: Counter[dt.date] = Counter()
    in_time: Counter[dt.date] = Counter()
    for c in contacts:
        if c.met_on < first or not counts_for_share(c, today):
            continue
        key = month_start(c.met_on)
        met[key] += 1
        in_time[key] += c.followed_up_in_time
    result = []
    for n in range(months - 1, -1, -1):
        key = month_start(cadence.months_before(today, n))
        result.append(FollowUpMonth(key, met[key], in_time[key]))
    return result


def follow_up_total(rows: Sequence[FollowUpMonth]) -> FollowUpMonth | None:
    """All months together (dated by the first month), or None without any months."""
    if not rows:
        return None
    return FollowUpMonth(rows[0].month, sum(r.met for r in rows), sum(r.in_time for r in rows))


# ---------------------------------------------------------------------------- stages


def stage_counts(stages: Iterable[str]) -> dict[Stage, int]:
    """How many contacts are in each stage (see `cadence.contact_stage`), every stage
    present and in `cadence.STAGES` order; unknown names are ignored."""
    counts = Counter(stages)
    return {s: counts[s] for s in cadence.STAGES}


# ---------------------------------------------------------------------------- streaks


@dataclass(frozen=True)
class Week:
    start: dt.date  # Monday
    actions: int


@dataclass(frozen=True)
class Streak:
    """Weeks in a row with at least one networking action.

    `weeks` ends this week, or last week while this week has no action yet (a week that
    is not over has not broken anything). `longest` is the best run ever."""

    weeks: int
    this_week: bool
    longest: int


def action_weeks(action_days: Iterable[tuple[dt.date, int]], *, today: dt.date) -> Counter:
    """Actions per week (keyed by Monday) from (day, count) pairs, up to today."""
    weeks: Counter[dt.date] = Counter()
    for day, count in action_days:
        if day <= today and count > 0:
            weeks[cadence.week_start(day)] += count
    return weeks


def runs(weeks: Iterable[dt.date]) -> list[tuple[dt.date, int]]:
    """Runs of consecutive weeks as (last Monday of the run, length), oldest first."""
    result: list[tuple[dt.date, int]] = []
    for monday in sorted(set(weeks)):
        if result and monday - result[-1][0] == dt.timedelta(days=7):
            result[-1] = (monday, result[-1][1] + 1)
        else:
            result.append((monday, 1))
    return result


def streak(action_days: Iterable[tuple[dt.date, int]], *, today: dt.date) -> Streak:
    weeks = action_weeks(action_days, today=today)
    this = cadence.week_start(today)
    last = this - dt.timedelta(days=7)
    all_runs = runs(weeks)
    current = 0
    if all_runs and all_runs[-1][0] in (this, last):
        current = all_runs[-1][1]
    return Streak(current, this in weeks, max((n for _, n in all_runs), default=0))


def recent_weeks(
    action_days: Iterable[tuple[dt.date, int]], *, today: dt.date, weeks: int = 12
) -> list[Week]:
    """The last `weeks` weeks up to this one with their number of actions, oldest first."""
    counts = action_weeks(action_days, today=today)
    this = cadence.week_start(today)
    return [
        Week(this - dt.timedelta(days=7 * n), counts[this - dt.timedelta(days=7 * n)])
        for n in range(weeks - 1, -1, -1)
    ]


# ---------------------------------------------------------------------------- wins

GOAL_REACHED = "goal_reached"
MET_AT_EVENT = "met_at_event"
ENERGY_UP = "energy_up"
EVENTS_REVIEWED = "events_reviewed"
FOLLOW_UPS_IN_TIME = "follow_ups_in_time"
PEOPLE_MET = "people_met"
WEEKS_IN_A_ROW = "weeks_in_a_row"


@dataclass(frozen=True)
class Win:
    """Something that went well. `count` and `event_name` fill the sentence the page
    shows for `kind`; `date` is when it happened."""

    kind: str
    date: dt.date
    count: int = 0
    event_id: int | None = None
    event_name: str = ""


def milestone_wins(kind: str, days: Iterable[dt.date], milestones: Sequence[int]) -> list[Win]:
    """A win for each milestone reached, dated by the day the n-th thing happened."""
    ordered = sorted(days)
    return [Win(kind, ordered[n - 1], n) for n in milestones if n <= len(ordered)]


def event_wins(events: Iterable[EventFacts], *, today: dt.date) -> list[Win]:
    wins = []
    for e in events:
        if e.date > today:
            continue
        if e.met and e.reached:
            wins.append(Win(GOAL_REACHED, e.date, e.met, e.event_id, e.name))
        elif e.met:
            wins.append(Win(MET_AT_EVENT, e.date, e.met, e.event_id, e.name))
        if (
            e.energy_before is not None
            and e.energy_after is not None
            and e.energy_after > e.energy_before
        ):
            wins.append(Win(ENERGY_UP, e.reviewed_on or e.date, 0, e.event_id, e.name))
    return wins


def streak_wins(action_days: Iterable[tuple[dt.date, int]], *, today: dt.date) -> list[Win]:
    """A win for each streak milestone the first time a run reached it, dated by the
    Sunday of the week that reached it (or today, for this week)."""
    wins = []
    reached: set[int] = set()
    for end, length in runs(action_weeks(action_days, today=today)):
        start = end - dt.timedelta(days=7 * (length - 1))
        for n in STREAK_MILESTONES:
            if n <= length and n not in reached:
                reached.add(n)
                sunday = start + dt.timedelta(days=7 * (n - 1) + 6)
                wins.append(Win(WEEKS_IN_A_ROW, min(sunday, today), n))
    return wins


def wins(
    *,
    events: Iterable[EventFacts],
    contacts: Iterable[NewContact],
    action_days: Iterable[tuple[dt.date, int]],
    today: dt.date,
    limit: int | None = None,
) -> list[Win]:
    """Every small win up to today, newest first (ties: in a fixed order by kind and count).

    Goals reached or people met at an event, more energy after an event than before,
    the first (5th, 10th...) event reviewed, the first (5th, 10th...) follow-up within two
    days, the first (10th, 25th...) new person met, and 2, 3, 5... weeks in a row."""
    events = list(events)
    contacts = list(contacts)
    action_days = list(action_days)
    found = event_wins(events, today=today)
    reviewed = [e.reviewed_on for e in events if e.reviewed_on and e.reviewed_on <= today]
    found += milestone_wins(EVENTS_REVIEWED, reviewed, REVIEW_MILESTONES)
    in_time = [c.first_follow_up for c in contacts if c.followed_up_in_time]
    found += milestone_wins(FOLLOW_UPS_IN_TIME, in_time, FOLLOW_UP_MILESTONES)
    met = [c.met_on for c in contacts if c.met_on <= today]
    found += milestone_wins(PEOPLE_MET, met, PEOPLE_MILESTONES)
    found += streak_wins(action_days, today=today)
    found = [w for w in found if w.date <= today]
    found.sort(key=lambda w: (-w.date.toordinal(), w.kind, -w.count, w.event_id or 0))
    return found if limit is None else found[:limit]
