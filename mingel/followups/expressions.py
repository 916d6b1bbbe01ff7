"""The cadence rules of `mingel.core.cadence` as SQL expressions (the follow-up rule is
in `mingel.contacts.expressions`, shared with the events app), so the database picks
the few due contacts out of thousands instead of Python looking at every one.

`tests/test_expressions.py` checks these against the plain-Python rules on varied data,
so the two cannot drift apart.
"""

import datetime as dt

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    DateField,
    Exists,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, TruncDate

from mingel.contacts.models import Contact, Interaction, Tag
from mingel.core import cadence
from mingel.events.models import Event
from mingel.followups.models import ReminderSettings


class DayNumber(Func):
    """A date as a number of days, for comparing and ordering by `date + days` without
    date functions on every row: SQLite's julianday(), PostgreSQL's date difference."""

    arity = 1
    template = "(%(expressions)s - DATE '1970-01-01')"
    output_field = FloatField()

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, template="julianday(%(expressions)s)", **extra)


def since() -> Coalesce:
    """cadence.last_touch: the last interaction, else the meeting, else the day added
    (in UTC, like `created_at.date()`)."""
    return Coalesce(
        "last_interaction_on",
        "met_on",
        TruncDate("created_at", tzinfo=dt.UTC),
        output_field=DateField(),
    )


def interval_tags(*, owner) -> list[tuple[int, list[int]]]:
    """The owner's tags that carry an interval, grouped by it, shortest first: the input
    `interval` needs. One small query (a user has a handful of such tags at most)."""
    groups: dict[int, list[int]] = {}
    rows = Tag.objects.filter(owner=owner, keep_in_touch_days__isnull=False)
    for tag_id, days in rows.order_by("keep_in_touch_days").values_list("id", "keep_in_touch_days"):
        groups.setdefault(days, []).append(tag_id)
    return list(groups.items())


def interval(tags: list[tuple[int, list[int]]]) -> Coalesce | F:
    """cadence.effective_interval: the contact's own interval, else its tags' shortest.
    Asks for each interval, shortest first, whether the contact has a tag with it: an
    index lookup per row and interval, where "the smallest of its tags' intervals" as a
    subquery would sort for every row."""
    if not tags:
        return F("keep_in_touch_days")
    through = Contact.tags.through.objects
    by_tag = Case(
        *(
            When(Exists(through.filter(contact_id=OuterRef("pk"), tag_id__in=ids)), then=days)
            for days, ids in tags
        ),
        default=None,
        output_field=IntegerField(),
    )
    return Coalesce("keep_in_touch_days", by_tag, output_field=IntegerField())


def with_keep_in_touch(contacts, tags: list[tuple[int, list[int]]]):
    """Annotates `kit_since`, `kit_interval` and `kit_due_day`: the day number
    of cadence.keep_in_touch_due_on(since, interval), NULL without an interval. `tags`
    comes from `interval_tags`."""
    # Annotated, not aliased: ordering by a selected column reuses it instead of writing
    # the whole expression out again.
    return contacts.annotate(kit_since=since(), kit_interval=interval(tags)).annotate(
        kit_due_day=DayNumber(F("kit_since")) + F("kit_interval") + 1
    )


def keep_in_touch_due_by(day: dt.date) -> Q:
    """Needs `with_keep_in_touch`: the keep-in-touch item is due on or before `day`."""
    return Q(kit_due_day__lte=day_number(day))


def day_number(day: dt.date) -> DayNumber:
    return DayNumber(Value(day, output_field=DateField()))


def dormant(cutoff: dt.date) -> Q:
    """cadence.is_dormant: the last touch (interaction, else meeting, else added) is
    before the cutoff. Written without the Coalesce so the (owner, last_interaction_on)
    index can serve the common case."""
    return (
        Q(last_interaction_on__lt=cutoff)
        | Q(last_interaction_on__isnull=True, met_on__lt=cutoff)
        | Q(last_interaction_on__isnull=True, met_on__isnull=True, created_at__date__lt=cutoff)
    )


def not_due_to_keep_in_touch(today: dt.date) -> Q:
    """Needs `with_keep_in_touch`. Spelled out because exclude() on an annotation that
    can be NULL (no interval) would drop the NULL rows too."""
    return Q(kit_due_day__isnull=True) | Q(kit_due_day__gt=day_number(today))


# Stored as the stamp when the week's picks are all made: nothing can be added until the
# next week, so the stamp is not worth reading (see data_stamp).
PICKS_FULL = "full"

# The settings query reads these facts on every visit of the today page, so they are
# written as SQL: the same correlated subqueries built with the ORM cost about 0.5 ms
# each to compile (measured at 10,000 contacts: 4 ms of a 30 ms page), as SQL next to
# nothing. Standard SQL that SQLite and PostgreSQL both run; CASE is evaluated lazily by
# both, so a subquery in a branch not taken is not run. The outer table is the
# reminder settings' own (a query on ReminderSettings, unaliased).
SETTINGS = f'"{ReminderSettings._meta.db_table}"'
TABLES = {
    "contacts": f'"{Contact._meta.db_table}"',
    "interactions": f'"{Interaction._meta.db_table}"',
    "events": f'"{Event._meta.db_table}"',
}
NEWEST_CONTACT = (
    'SELECT "id" FROM {contacts} WHERE "owner_id" = {s}."user_id" ORDER BY "id" DESC LIMIT 1'
)
LATEST_EDIT = 'SELECT MAX("updated_at") FROM {contacts} WHERE "owner_id" = {s}."user_id"'
NEWEST_INTERACTION = (
    'SELECT "id" FROM {interactions} WHERE "owner_id" = {s}."user_id" ORDER BY "id" DESC LIMIT 1'
)


def data_stamp(*, when_needed: bool = True) -> dict[str, RawSQL]:
    """Annotations for a ReminderSettings query that change whenever the owner's
    contacts may have changed in a way that matters for reconnects: the newest contact
    (created or imported), the latest contact edit, the newest interaction.

    `when_needed`: NULL without reading the contacts when the week's picks are all made
    (the stored stamp is PICKS_FULL): the latest edit is a scan of the owner's contacts
    (about 5 ms at 10,000), which most visits of a heavy user can then skip."""
    stamp = {
        "stamp_contact": (NEWEST_CONTACT, IntegerField()),
        "stamp_edit": (LATEST_EDIT, CharField()),
        "stamp_interaction": (NEWEST_INTERACTION, IntegerField()),
    }
    annotations = {}
    for name, (sql, field) in stamp.items():
        sql = f"({sql.format(s=SETTINGS, **TABLES)})"
        if when_needed:
            sql = f'(CASE WHEN {SETTINGS}."reconnect_stamp" = %s THEN NULL ELSE {sql} END)'
        annotations[name] = RawSQL(sql, (PICKS_FULL,) if when_needed else (), output_field=field)
    return annotations


def stamp_text(contact: int | None, edit, interaction: int | None) -> str:
    """The three values of `data_stamp` as one string to store and compare (the latest
    edit as the database gives it: text from SQLite, a datetime from PostgreSQL)."""
    return f"{contact or 0}:{edit or '-'}:{interaction or 0}"


def onboarding_facts() -> dict[str, RawSQL]:
    """What the first-run guide ticks off, as annotations for a ReminderSettings query:
    any contact, any event, any follow-up the user sent. Imported LinkedIn connections
    are not a follow-up (they come with no direction); logged messages, calls and
    meetings are, and anything marked sent. False, without reading, once the guide is
    over (onboarding_dismissed)."""
    kinds = sorted(cadence.FOLLOW_UP_KINDS - {"linkedin"})
    marks = ", ".join(["%s"] * len(kinds))
    facts = {
        "has_contacts": ('SELECT 1 FROM {contacts} WHERE "owner_id" = {s}."user_id"', ()),
        "has_events": ('SELECT 1 FROM {events} WHERE "owner_id" = {s}."user_id"', ()),
        "has_followed_up": (
            'SELECT 1 FROM {interactions} WHERE "owner_id" = {s}."user_id" '
            'AND ("direction" = \'sent\' OR ("kind" IN (' + marks + ") "
            "AND \"direction\" <> 'received'))",
            tuple(kinds),
        ),
    }
    return {
        name: RawSQL(
            f'(CASE WHEN {SETTINGS}."onboarding_dismissed" THEN FALSE '
            f"ELSE EXISTS ({sql.format(s=SETTINGS, **TABLES)}) END)",
            params,
            output_field=BooleanField(),
        )
        for name, (sql, params) in facts.items()
    }
