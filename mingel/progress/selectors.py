"""Reads for the progress page: four queries whatever the number of contacts, with each
contact's stage and first follow-up worked out by the database."""

import datetime as dt
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass

from django.db import connections, transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce

from mingel.contacts.models import Contact, Interaction
from mingel.core import cadence, progress
from mingel.events.models import Event
from mingel.followups.models import ReminderSettings
from mingel.followups.selectors import user_zone

EVENTS_SHOWN = 12
MONTHS_SHOWN = 12
WEEKS_SHOWN = 12
WINS_SHOWN = 12

# Positive lists rather than exclusions, so the conditions read the index as they are.
ALL_KINDS = [k for k, _ in Interaction.KIND_CHOICES]
REACHING_OUT = sorted(cadence.FOLLOW_UP_KINDS)
NOT_RECEIVED = [d for d, _ in Interaction.DIRECTION_CHOICES if d != "received"]
SAID_SOMETHING = [k for k in ALL_KINDS if k not in ("met", "note")]
TWO_WAY = sorted(cadence.TWO_WAY_KINDS)
REACHING_OUT_Q = Q(kind__in=REACHING_OUT, direction__in=NOT_RECEIVED)


@dataclass(frozen=True)
class Progress:
    """Everything the progress page shows, computed by mingel.core.progress."""

    today: dt.date
    events: list[progress.EventFacts]
    follow_up_months: list[progress.FollowUpMonth]
    follow_up_total: progress.FollowUpMonth | None
    stages: dict[cadence.Stage, int]
    streak: progress.Streak
    weeks: list[progress.Week]
    wins: list[progress.Win]
    contacts: int
    events_total: int

    @property
    def is_empty(self) -> bool:
        return not self.contacts and not self.events_total and not self.streak.longest


def dormant_after_months(*, owner) -> int:
    months = (
        ReminderSettings.objects.filter(user=owner)
        .values_list("dormant_after_months", flat=True)
        .first()
    )
    return months or cadence.DORMANT_AFTER_MONTHS


def event_facts(*, owner) -> list[progress.EventFacts]:
    """All the owner's events with the number of contacts linked to each."""
    zone = user_zone(owner)
    rows = (
        Event.objects.filter(owner=owner)
        .annotate(met=Count("contacts"))
        .order_by()
        .values_list(
            "id",
            "name",
            "date",
            "goal_new_people",
            "met",
            "reviewed_at",
            "energy_before",
            "energy_after",
        )
    )
    return [
        progress.EventFacts(
            event_id=pk,
            name=name,
            date=date,
            goal=goal,
            met=met,
            reviewed_on=reviewed.astimezone(zone).date() if reviewed else None,
            energy_before=before,
            energy_after=after,
        )
        for pk, name, date, goal, met, reviewed, before, after in rows
    ]


def interactions_after_meeting(today: dt.date):
    """The outer contact's interactions on or after the day they met (any, without a
    meeting day) and not after today, as `cadence.contact_stage` sees them."""
    since_met = Coalesce(OuterRef("met_on"), Value(dt.date.min))
    return Interaction.objects.filter(
        contact=OuterRef("pk"), date__gte=since_met, date__lte=today
    ).order_by()


def last_touch(today: dt.date):
    """`cadence.last_touch` of the outer contact: its last interaction up to today, else
    the day they met, else the (UTC) day it was added."""
    latest = (
        Interaction.objects.filter(contact=OuterRef("pk"), date__lte=today)
        .order_by("-date")
        .values("date")[:1]
    )
    return Coalesce(
        # The kept last interaction day is the answer unless it lies in the future.
        Case(
            When(last_interaction_on__lte=today, then=F("last_interaction_on")),
            default=Subquery(latest),
        ),
        F("met_on"),
        # A cast the database does itself (TruncDate calls back into Python on SQLite).
        Cast("created_at", DateField()),
    )


def stage_case(*, today: dt.date, dormant_after_months: int) -> Case:
    """`cadence.contact_stage` as a database expression: the same conditions, tested in
    the same order, so that a heavy user's 10,000 stages take one query and each contact
    stops at the first condition that holds (tests compare the two on the same data)."""
    after = interactions_after_meeting(today)
    exchange = Q(kind__in=TWO_WAY) | Q(kind__in=SAID_SOMETHING, direction="received")
    cutoff = cadence.dormant_cutoff(today, dormant_after_months)
    return Case(
        When(Q(since__lt=cutoff), then=Value("dormant")),
        When(Exists(after.filter(exchange)), then=Value("in_touch")),
        When(Exists(after.filter(kind="linkedin")), then=Value("connected")),
        When(Exists(after.filter(REACHING_OUT_Q)), then=Value("followed_up")),
        default=Value("met"),
        output_field=CharField(),
    )


def contacts_with_stage(*, owner, today: dt.date, dormant_after_months: int):
    """The owner's contacts annotated with their `stage` and `met` (met_on as text: see
    `as_date`), and `progress.first_follow_up` of each as an expression for the caller to
    annotate with (once: a subquery named twice runs twice). Correlated subqueries
    rather than a join and GROUP BY: each reads a few entries of the covering index
    (contact, date, kind, direction) on interactions and stops at the first match (a join
    reading all of them took twice as long on SQLite)."""
    first = (
        interactions_after_meeting(today).filter(REACHING_OUT_Q).order_by("date").values("date")[:1]
    )
    return (
        Contact.objects.filter(owner=owner)
        .order_by()
        .annotate(
            since=last_touch(today),
            met=Cast("met_on", CharField()),
            stage=stage_case(today=today, dormant_after_months=dormant_after_months),
        )
    ), Subquery(first)


def contact_rows(*, owner, today: dt.date, dormant_after_months: int) -> list[tuple]:
    """(id, met_on, first follow-up, stage) of every contact of the owner; the first
    follow-up for contacts with a meeting day only."""
    contacts, first = contacts_with_stage(
        owner=owner, today=today, dormant_after_months=dormant_after_months
    )
    query = contacts.annotate(first=Case(When(met_on__isnull=False, then=first))).values_list(
        "id", "met", "first", "stage"
    )
    return [(pk, as_date(met), as_date(first), stage) for pk, met, first, stage in raw_rows(query)]


class DaysInTime(Func):
    """Days from the second date to the first when fewer than `capped`, else NULL (also
    when either is NULL). Each date is named once: a subquery named twice runs twice."""

    output_field = IntegerField()

    def __init__(self, later, earlier, *, capped: int):
        self.capped = int(capped)
        super().__init__(later, earlier)

    def as_sql(self, compiler, connection, **extra):
        # PostgreSQL: date - date is a number of days; LEAST skips a NULL, so NULL gives
        # `capped` and then NULL.
        template = f"NULLIF(LEAST(%(expressions)s, {self.capped}), {self.capped})"
        return super().as_sql(compiler, connection, template=template, arg_joiner=" - ", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        # SQLite's MIN of two values is NULL when either is.
        template = (
            f"NULLIF(CAST(MIN(julianday(%(expressions)s), {self.capped}) AS INTEGER), "
            f"{self.capped})"
        )
        return super().as_sql(
            compiler, connection, template=template, arg_joiner=") - julianday(", **extra
        )


def contact_summary(
    *, owner, today: dt.date, dormant_after_months: int
) -> tuple[Counter, list[progress.NewContact]]:
    """The owner's contacts per stage, and a `NewContact` for each contact with a meeting
    day. Only a first follow-up in time counts (`NewContact.followed_up_in_time`), so the
    database gives the days to it only when within the time (else NULL): contacts met on
    the same day are then mostly alike, and the rows are counted before their dates are
    parsed (a heavy user's 10,000 contacts make about 2,500 kinds)."""
    contacts, first = contacts_with_stage(
        owner=owner, today=today, dormant_after_months=dormant_after_months
    )
    within = progress.FOLLOW_UP_WITHIN_DAYS
    query = contacts.annotate(after=DaysInTime(first, "met_on", capped=within + 1)).values_list(
        "stage", "met", "after"
    )
    stages: Counter[str] = Counter()
    new: list[progress.NewContact] = []
    # As the driver returns them: Counter counts tuples of text and numbers at C speed.
    for (stage, met, after), n in Counter(raw_rows(query)).items():
        stages[stage] += n
        if met is not None:
            met_on = as_date(met)
            in_time = None if after is None else met_on + dt.timedelta(days=after)
            new += [progress.NewContact(met_on, in_time)] * n
    return stages, new


def as_date(value) -> dt.date | None:
    """A date from the driver's value: a date already (PostgreSQL) or ISO text (SQLite)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def raw_rows(query) -> list[tuple]:
    """The query's rows as the database driver returns them. Django's own converters parse
    SQLite's date strings one by one in Python, 40,000 calls for a heavy user's contacts,
    which took longer than the query; `as_date` does the same with the C parser."""
    sql, params = query.query.sql_with_params()
    connection = connections[query.db]
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    # The planner prices 10,000 correlated index lookups high enough to compile the query
    # with JIT first, which alone takes longer than running it. SET LOCAL needs a
    # transaction; inside one already (a test, ATOMIC_REQUESTS), it lasts until its end.
    outer = nullcontext() if connection.in_atomic_block else transaction.atomic(using=query.db)
    with outer, connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(sql, params)
        return cursor.fetchall()


def action_days(*, owner, today: dt.date, counted_since: dt.date) -> list[tuple[dt.date, int]]:
    """The days up to today with interactions (the events are added by the caller): from
    `counted_since` on with their number of interactions, before it with 1, as there only
    whether a week had any matters (streaks). One query: the days before are found by
    jumping from one to the next in the (owner, date) index, about 1,800 lookups for a
    heavy user instead of reading all 100,000 entries."""
    table = connection_table(Interaction)
    sql = f"""
        WITH RECURSIVE days (day) AS (
            SELECT MIN(date) FROM {table} WHERE owner_id = %s AND date < %s
            UNION ALL
            SELECT (SELECT MIN(date) FROM {table} WHERE owner_id = %s AND date > days.day
                    AND date < %s)
            FROM days WHERE days.day IS NOT NULL
        )
        SELECT day, 1 FROM days WHERE day IS NOT NULL
        UNION ALL
        SELECT date, COUNT(*) FROM {table}
        WHERE owner_id = %s AND date >= %s AND date <= %s GROUP BY date
    """
    since = min(counted_since, today + dt.timedelta(days=1))  # none after today either
    params = [owner.pk, since, owner.pk, since, owner.pk, since, today]
    with connections[Interaction.objects.db].cursor() as cursor:
        cursor.execute(sql, params)
        return [(as_date(day), n) for day, n in cursor.fetchall()]


def connection_table(model) -> str:
    return connections[model.objects.db].ops.quote_name(model._meta.db_table)


def progress_for(*, owner, today: dt.date) -> Progress:
    months = dormant_after_months(owner=owner)
    events = event_facts(owner=owner)
    stages, contacts = contact_summary(owner=owner, today=today, dormant_after_months=months)
    counted_since = cadence.week_start(today) - dt.timedelta(weeks=WEEKS_SHOWN - 1)
    days = action_days(owner=owner, today=today, counted_since=counted_since)
    days += [(e.date, 1) for e in events]
    # Summed per week once: the rules below accept a week's Monday as a day.
    days = list(progress.action_weeks(days, today=today).items())
    month_rows = progress.follow_up_months(contacts, today=today, months=MONTHS_SHOWN)
    return Progress(
        today=today,
        events=progress.event_bars(events, today=today, limit=EVENTS_SHOWN),
        follow_up_months=month_rows,
        follow_up_total=progress.follow_up_total(month_rows),
        stages=progress.stage_counts(stages.elements()),
        streak=progress.streak(days, today=today),
        weeks=progress.recent_weeks(days, today=today, weeks=WEEKS_SHOWN),
        wins=progress.wins(
            events=events, contacts=contacts, action_days=days, today=today, limit=WINS_SHOWN
        ),
        contacts=stages.total(),
        events_total=len(events),
    )
