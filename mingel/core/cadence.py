"""When to follow up, keep in touch and reconnect: the rules behind the "today" view.

Plain values in, plain values out. Callers pass `today` as the user's own calendar date
(computed from the user's time zone), so a reminder never flips at UTC midnight.

Interactions are read by duck typing (`kind`, `date`, `direction`), so Django model
instances and the `Touch` dataclass below both work.
"""

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

FOLLOW_UP = "follow_up"
KEEP_IN_TOUCH = "keep_in_touch"
RECONNECT = "reconnect"
EVENT = "event"
ITEM_TYPES = (FOLLOW_UP, KEEP_IN_TOUCH, RECONNECT, EVENT)

# Kinds that count as reaching out after a meeting; `met` is the meeting itself and a
# `note` is the user's own memo, neither tells the contact anything.
FOLLOW_UP_KINDS = frozenset({"message", "email", "linkedin", "call", "meeting", "coffee"})
# Kinds that are a conversation by nature, whoever started it.
TWO_WAY_KINDS = frozenset({"call", "meeting", "coffee"})

FOLLOW_UP_DUE_AFTER_DAYS = 1
OVERDUE_AFTER_DAYS = 7
FOLLOW_UP_DROPS_AFTER_DAYS = 30
DORMANT_AFTER_MONTHS = 12
RECONNECTS_PER_WEEK = 3

Stage = Literal["met", "followed_up", "connected", "in_touch", "dormant"]
STAGES: tuple[Stage, ...] = ("met", "followed_up", "connected", "in_touch", "dormant")


class InteractionLike(Protocol):
    kind: str
    date: dt.date
    direction: str


@dataclass(frozen=True)
class Touch:
    """One interaction as the rules see it."""

    kind: str
    date: dt.date
    direction: str = "none"


@dataclass(frozen=True)
class Due:
    """An item on the today list: what, for whom, since when, and whether it is late."""

    type: str
    due: dt.date
    overdue: bool
    contact_id: int | None = None
    event_id: int | None = None


# ---------------------------------------------------------------------------- dates


def shift(day: dt.date, days: int) -> dt.date:
    """`day` plus `days` (minus when negative), clamped to date.min..date.max: a date
    stored at the edge of the calendar (year 1, year 9999) must never break the rules."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier, clamped to the month's end
    (31 March minus one month is 28 or 29 February), and to date.min/date.max."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    if year < dt.MINYEAR:
        return dt.date.min
    if year > dt.MAXYEAR:
        return dt.date.max
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def week_start(day: dt.date) -> dt.date:
    """Monday of the ISO week `day` is in."""
    return shift(day, -day.weekday())


def is_overdue(due: dt.date, today: dt.date) -> bool:
    """Late once a whole week has passed since the item came due."""
    return (today - due).days >= OVERDUE_AFTER_DAYS


# ---------------------------------------------------------------------------- follow-ups


def is_follow_up_action(kind: str, direction: str) -> bool:
    """True for an interaction that reaches out to the contact: not the meeting itself,
    not a private note and not something only received."""
    return kind in FOLLOW_UP_KINDS and direction != "received"


def has_followed_up(met_on: dt.date | None, interactions: Iterable[InteractionLike]) -> bool:
    """Whether any reaching-out interaction exists on or after the day they met."""
    return any(
        is_follow_up_action(i.kind, i.direction) and (met_on is None or i.date >= met_on)
        for i in interactions
    )


def follow_up_due_on(met_on: dt.date) -> dt.date:
    return shift(met_on, FOLLOW_UP_DUE_AFTER_DAYS)


def follow_up_last_day(met_on: dt.date) -> dt.date:
    """The last day a follow-up stays on the list; after it, it quietly drops off."""
    return shift(met_on, FOLLOW_UP_DROPS_AFTER_DAYS)


def follow_up(
    *, contact_id: int | None, met_on: dt.date | None, followed_up: bool, today: dt.date
) -> Due | None:
    """The follow-up item for a contact met on `met_on`, or None when there is none:
    no meeting date, already followed up, not due yet (met today or later), or more than
    30 days ago (the contact stays, only the reminder goes)."""
    if met_on is None or followed_up:
        return None
    due = follow_up_due_on(met_on)
    if today < due or today > follow_up_last_day(met_on):
        return None
    return Due(FOLLOW_UP, due, is_overdue(due, today), contact_id=contact_id)


# ---------------------------------------------------------------------------- keep in touch


def effective_interval(own: int | None, tag_intervals: Iterable[int | None] = ()) -> int | None:
    """The contact's own interval, else the shortest of its tags' intervals, else None."""
    if own:
        return own
    intervals = [days for days in tag_intervals if days]
    return min(intervals) if intervals else None


def last_touch(
    last_interaction_on: dt.date | None, met_on: dt.date | None, added_on: dt.date | None
) -> dt.date | None:
    """The date the silence is counted from: the last interaction, else the meeting, else
    the day the contact was added."""
    return last_interaction_on or met_on or added_on


def keep_in_touch_due_on(since: dt.date, interval: int) -> dt.date:
    """The first day on which the time since `since` exceeds the interval."""
    return shift(since, interval + 1)


def keep_in_touch(
    *, contact_id: int | None, since: dt.date | None, interval: int | None, today: dt.date
) -> Due | None:
    """The keep-in-touch item, or None when no interval applies, nothing to count from,
    or the time since the last interaction does not exceed the interval yet."""
    if not interval or since is None:
        return None
    due = keep_in_touch_due_on(since, interval)
    if today < due:
        return None
    return Due(KEEP_IN_TOUCH, due, is_overdue(due, today), contact_id=contact_id)


# ---------------------------------------------------------------------------- dormancy


def dormant_cutoff(today: dt.date, months: int = DORMANT_AFTER_MONTHS) -> dt.date:
    """Contacts whose last touch is before this date are dormant."""
    return months_before(today, months)


def is_dormant(since: dt.date | None, today: dt.date, months: int = DORMANT_AFTER_MONTHS) -> bool:
    """No interaction for longer than `months` calendar months. Without any date to count
    from, a contact is not dormant: there is no silence to name."""
    return since is not None and since < dormant_cutoff(today, months)


def dormant_since(since: dt.date, months: int = DORMANT_AFTER_MONTHS) -> dt.date:
    """The first day the contact counts as dormant (used as the item's due date)."""
    # A calendar month is at least 28 days, so this first guess is never dormant yet;
    # months_before only grows with the date, so the first day that is, is the answer.
    day = shift(since, 28 * months)
    while not is_dormant(since, day, months):
        if day == dt.date.max:
            return day
        day = shift(day, 1)
    return day


# ---------------------------------------------------------------------------- stages


def contact_stage(
    *,
    interactions: Iterable[InteractionLike],
    today: dt.date,
    met_on: dt.date | None = None,
    added_on: dt.date | None = None,
    dormant_after_months: int = DORMANT_AFTER_MONTHS,
) -> Stage:
    """Where a contact is in its life cycle, derived from its interactions:

    - "dormant": no interaction (or meeting) for longer than the dormancy threshold;
    - "in_touch": a real exchange after meeting: something received from the contact,
      or a call, meeting or coffee;
    - "connected": a LinkedIn connection is logged;
    - "followed_up": the user reached out (message, email, ...) after meeting;
    - "met": none of the above yet.

    Interactions dated after `today` are ignored (a planned coffee is not contact yet).
    """
    past = [i for i in interactions if i.date <= today]
    latest = max((i.date for i in past), default=None)
    if is_dormant(last_touch(latest, met_on, added_on), today, dormant_after_months):
        return "dormant"
    after_meeting = [i for i in past if met_on is None or i.date >= met_on]
    if any(
        (i.direction == "received" and i.kind not in ("met", "note")) or i.kind in TWO_WAY_KINDS
        for i in after_meeting
    ):
        return "in_touch"
    if any(i.kind == "linkedin" for i in after_meeting):
        return "connected"
    if has_followed_up(met_on, after_meeting):
        return "followed_up"
    return "met"


# ---------------------------------------------------------------------------- what to write

MEETING_KINDS = frozenset({"met", "meeting", "coffee"})


def write_kinds(
    *,
    interactions: Iterable[InteractionLike],
    today: dt.date,
    met_on: dt.date | None = None,
    added_on: dt.date | None = None,
    dormant_after_months: int = DORMANT_AFTER_MONTHS,
) -> tuple[str, ...]:
    """The kinds of message that fit a contact now, in the order to offer them:

    - "thanks" after a recent meeting: met (the meeting date, or a met, meeting or coffee
      interaction) in the last 30 days, today included;
    - "connect" while no LinkedIn connection is logged;
    - "reconnect" when the contact is dormant (see is_dormant).

    Interactions dated after `today` are ignored, as in contact_stage.
    """
    past = [i for i in interactions if i.date <= today]
    meetings = [i.date for i in past if i.kind in MEETING_KINDS]
    if met_on is not None and met_on <= today:
        meetings.append(met_on)
    last_met = max(meetings, default=None)
    latest = max((i.date for i in past), default=None)
    kinds = []
    if last_met is not None and (today - last_met).days <= FOLLOW_UP_DROPS_AFTER_DAYS:
        kinds.append("thanks")
    if not any(i.kind == "linkedin" for i in past):
        kinds.append("connect")
    if is_dormant(last_touch(latest, met_on, added_on), today, dormant_after_months):
        kinds.append("reconnect")
    return tuple(kinds)


# ---------------------------------------------------------------------------- snooze, skip


def snooze_until(today: dt.date, days: int) -> dt.date:
    """Hidden until this date (the item shows again on it)."""
    if days < 1:
        raise ValueError("snooze for at least one day")
    return shift(today, days)


def skip_until(
    item_type: str,
    *,
    today: dt.date,
    due: dt.date | None = None,
    interval: int | None = None,
) -> dt.date:
    """ "Not now": hidden until the item's next round.

    - follow-up: until it becomes overdue (one more nudge), or tomorrow if it already is;
    - keep in touch: until one more interval has passed (as if contacted today);
    - reconnect: until next Monday, when the week's suggestions are picked again;
    - event: until the day after the event, i.e. gone.
    """
    if item_type == FOLLOW_UP and due is not None:
        overdue_on = shift(due, OVERDUE_AFTER_DAYS)
        return overdue_on if overdue_on > today else shift(today, 1)
    if item_type == KEEP_IN_TOUCH and interval:
        return keep_in_touch_due_on(today, interval)
    if item_type == EVENT and due is not None:
        return shift(max(due, today), 1)
    return shift(week_start(today), 7)


# ---------------------------------------------------------------------------- reconnects

WORD = re.compile(r"\w{3,}", re.UNICODE)


def words(text: str) -> frozenset[str]:
    """Lower-case words of three letters or more; enough to match interests to topics."""
    return frozenset(w.lower() for w in WORD.findall(text or "") if not w.isdigit())


@dataclass(frozen=True)
class ReconnectCandidate:
    """A dormant contact with what makes it worth a reconnect."""

    contact_id: int
    since: dt.date
    interactions: int = 0
    has_interval: bool = False
    topics: frozenset[str] = frozenset()


def reconnect_score(candidate: ReconnectCandidate, interests: frozenset[str]) -> int:
    """Closeness: past interactions (capped, so one chatty contact does not win by volume
    alone), a keep-in-touch interval the user once set, and shared interests."""
    shared = len(candidate.topics & interests)
    return min(candidate.interactions, 10) + (5 if candidate.has_interval else 0) + 4 * shared


def reconnect_picks(
    candidates: Iterable[ReconnectCandidate],
    *,
    interests: frozenset[str] = frozenset(),
    limit: int = RECONNECTS_PER_WEEK,
) -> list[ReconnectCandidate]:
    """The `limit` most valuable candidates, best first. Ties go to the more recently
    dormant (warmer) contact, then the lower id, so the order is fully deterministic."""
    if limit <= 0:
        return []
    ranked = sorted(
        candidates,
        key=lambda c: (-reconnect_score(c, interests), -c.since.toordinal(), c.contact_id),
    )
    return ranked[:limit]


def reconnect_item(candidate: ReconnectCandidate, *, today: dt.date, months: int) -> Due:
    due = dormant_since(candidate.since, months)
    return Due(RECONNECT, due, False, contact_id=candidate.contact_id)


def event_item(*, event_id: int, date: dt.date) -> Due:
    return Due(EVENT, date, False, event_id=event_id)


def order_items(items: Sequence[Due]) -> list[Due]:
    """One list in a calm order: follow-ups, keep in touch, reconnects, then events;
    within a group the oldest due first (events: the soonest)."""
    rank = {t: n for n, t in enumerate(ITEM_TYPES)}
    return sorted(items, key=lambda i: (rank[i.type], i.due, i.contact_id or 0, i.event_id or 0))
