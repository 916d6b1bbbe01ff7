"""The cadence rules of `mingel.core.cadence` as SQL expressions, so the database picks
the few due contacts out of thousands instead of Python looking at every one.

`tests/test_expressions.py` checks these against the plain-Python rules on varied data,
so the two cannot drift apart.
"""

import datetime as dt

from django.db.models import (
    Case,
    DateField,
    Exists,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncDate

from mingel.contacts.models import Contact, Interaction, Tag
from mingel.core import cadence
from mingel.events.models import Event


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


def reached_out() -> Exists:
    """cadence.has_followed_up: a reaching-out interaction on or after the meeting."""
    return Exists(
        Interaction.objects.filter(
            contact=OuterRef("pk"),
            kind__in=cadence.FOLLOW_UP_KINDS,
            date__gte=OuterRef("met_on"),
        ).exclude(direction="received")
    )


def follow_up_open(today: dt.date, ahead: int = 0) -> Q:
    """Contacts whose follow-up is on the list today (cadence.follow_up), or comes due
    within `ahead` days: met 1 to 30 days ago and not reached out to since."""
    earliest = today - dt.timedelta(days=cadence.FOLLOW_UP_DROPS_AFTER_DAYS)
    latest = today - dt.timedelta(days=cadence.FOLLOW_UP_DUE_AFTER_DAYS) + dt.timedelta(ahead)
    return Q(met_on__gte=earliest, met_on__lte=latest) & ~reached_out()


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


def data_stamp(owner: str = "user") -> dict[str, Subquery]:
    """Annotations that change whenever the owner's contacts may have changed in a way
    that matters for reconnects: the newest contact (created or imported), the latest
    contact edit, the newest interaction. Each is one index lookup or a scan of the
    owner's contacts only, folded into the query that reads the reminder settings, so
    the today page asks the database nothing more. `owner` names the field pointing to
    the user in the outer query."""
    contacts = Contact.objects.filter(owner=OuterRef(owner)).order_by()
    interactions = Interaction.objects.filter(owner=OuterRef(owner)).order_by()
    return {
        "stamp_contact": Subquery(contacts.order_by("-id").values("id")[:1]),
        "stamp_edit": Subquery(contacts.order_by("-updated_at").values("updated_at")[:1]),
        "stamp_interaction": Subquery(interactions.order_by("-id").values("id")[:1]),
    }


def stamp_text(contact: int | None, edit: dt.datetime | None, interaction: int | None) -> str:
    """The three values of `data_stamp` as one string to store and compare."""
    return f"{contact or 0}:{edit.isoformat() if edit else '-'}:{interaction or 0}"


def onboarding_facts(owner: str = "user") -> dict[str, Exists]:
    """What the first-run guide ticks off, as annotations for the settings query: any
    contact, any event, any follow-up the user sent. Imported LinkedIn connections are
    not a follow-up (they come with no direction); logged messages, calls and meetings
    are, and anything marked sent."""
    sent = Q(direction="sent") | (
        Q(kind__in=cadence.FOLLOW_UP_KINDS - {"linkedin"}) & ~Q(direction="received")
    )
    return {
        "has_contacts": Exists(Contact.objects.filter(owner=OuterRef(owner))),
        "has_events": Exists(Event.objects.filter(owner=OuterRef(owner))),
        "has_followed_up": Exists(Interaction.objects.filter(sent, owner=OuterRef(owner))),
    }
