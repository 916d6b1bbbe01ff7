"""Reads for the today list, the calendar feed, the digest and the API, scoped to their
owner and with a fixed number of queries whatever the number of contacts."""

import datetime as dt
import zoneinfo
from collections.abc import Collection
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from mingel.contacts import expressions as contact_expressions
from mingel.contacts.models import Contact, Interaction
from mingel.core import cadence, onboarding
from mingel.events.models import Event
from mingel.followups import expressions
from mingel.followups.models import Hidden, ReconnectPick, ReminderSettings

EVENT_DAYS = 14
# Items per group on the today page, the API and the digest: the most urgent first, and a
# count of the rest. A heavy user can have thousands of contacts due; a wall of them helps
# nobody, and the next ones move up as the first are done.
TODAY_LIMIT = 10
# Open follow-ups read at once; past this (an imported attendee list, say) the today list
# shows the first ones with "more" and lets the database leave the rest out of keep in touch.
FOLLOW_UPS_AT_MOST = 300
CONTACT_FIELDS = (
    "id",
    "owner_id",
    "name",
    "company",
    "role",
    "email",
    "linkedin_url",
    "met_on",
    "talked_about",
    "keep_in_touch_days",
    "last_interaction_on",
    "created_at",
    "event_id",
)


@dataclass
class TodayItem:
    """One line of the today list: a cadence.Due with the contact or event it is about."""

    type: str
    due: dt.date
    overdue: bool
    contact: Contact | None = None
    event: Event | None = None
    # A follow-up with someone whose LinkedIn profile is known but who is not connected yet.
    connect: bool = False
    # An event that takes place today: no snooze (there is no later today), a review.
    is_today: bool = False

    @property
    def key(self) -> str:
        return f"{self.type}-{self.contact.pk if self.contact else self.event.pk}"

    @property
    def compose_kind(self) -> str:
        return "thanks" if self.type == cadence.FOLLOW_UP else "reconnect"


def user_zone(user) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(user.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def user_today(user, now: dt.datetime | None = None) -> dt.date:
    """The user's own calendar date: at 00:30 in Stockholm it is already tomorrow there."""
    return (now or timezone.now()).astimezone(user_zone(user)).date()


def dormant_after_months(*, owner) -> int:
    """The owner's "suggest reconnecting after" months; the default when the owner never
    saved reminder settings."""
    months = (
        ReminderSettings.objects.filter(user=owner)
        .values_list("dormant_after_months", flat=True)
        .first()
    )
    return months or cadence.DORMANT_AFTER_MONTHS


def settings_by_token(token: str) -> ReminderSettings | None:
    """The settings row whose calendar feed this token opens, or None (unknown/revoked)."""
    if not token:
        return None
    return (
        ReminderSettings.objects.select_related("user")
        .filter(calendar_token=token, user__is_active=True)
        .annotate(**expressions.data_stamp())
        .first()
    )


def data_stamp_of(prefs: ReminderSettings) -> str:
    """The stamp of the user's contacts (expressions.data_stamp): from the annotations
    when the settings were read with them (and they were not skipped), else with one
    query."""
    if hasattr(prefs, "stamp_contact") and prefs.reconnect_stamp != expressions.PICKS_FULL:
        values = (prefs.stamp_contact, prefs.stamp_edit, prefs.stamp_interaction)
    else:
        values = (
            ReminderSettings.objects.filter(pk=prefs.pk)
            .annotate(**expressions.data_stamp(when_needed=False))
            .values_list("stamp_contact", "stamp_edit", "stamp_interaction")
            .get()
        )
    return expressions.stamp_text(*values)


def onboarding_steps(*, user, prefs: ReminderSettings) -> list[onboarding.Step]:
    """The first-run guide's steps to show on the today page (none once done, skipped or
    dismissed). Ticked off from the facts read with the settings when there (the today
    page), else with one query, whose answer is kept on `prefs`."""
    if not hasattr(prefs, "has_contacts"):
        facts = (
            ReminderSettings.objects.filter(pk=prefs.pk)
            .annotate(**expressions.onboarding_facts())
            .values("has_contacts", "has_events", "has_followed_up")
            .get()
        )
        for name, value in facts.items():  # kept for the next caller of this request
            setattr(prefs, name, value)
    steps = onboarding.steps(
        profile=bool(user.doing.strip() or user.interests.strip()),
        started=prefs.has_contacts or prefs.has_events,
        followed_up=prefs.has_followed_up,
        skipped=onboarding.parse_skipped(prefs.onboarding_skipped),
    )
    return onboarding.to_show(steps, dismissed=prefs.onboarding_dismissed)


def contact_interval(contact: Contact) -> int | None:
    """The contact's effective keep-in-touch interval (own, else its tags' shortest)."""
    if contact.keep_in_touch_days:
        return contact.keep_in_touch_days
    return cadence.effective_interval(
        None,
        contact.tags.filter(keep_in_touch_days__isnull=False).values_list(
            "keep_in_touch_days", flat=True
        ),
    )


def since_of(contact: Contact) -> dt.date | None:
    return cadence.last_touch(
        contact.last_interaction_on, contact.met_on, contact.created_at.date()
    )


Hiddens = dict[tuple[str, int | None, int | None], dt.date]


def hidden_keys(*, owner, today: dt.date) -> Hiddens:
    """What the user snoozed or skipped, by (type, contact id, event id): until when."""
    rows = Hidden.objects.filter(owner=owner, until__gt=today)
    return {(h.item_type, h.contact_id, h.event_id): h.until for h in rows}


def hidden_ids(hidden: Hiddens | None, item_type: str) -> list[int]:
    return [contact for (kind, contact, _e) in hidden or () if kind == item_type and contact]


def without_hidden(contacts, *, owner, today: dt.date, item_type: str, hidden: Hiddens | None):
    """Leaves out the contacts whose item of this type is hidden. A subquery rather than
    the ids: a user may have skipped hundreds. Nothing to add when nothing is hidden."""
    if not hidden_ids(hidden, item_type):
        return contacts
    ids = Hidden.objects.filter(
        owner=owner, item_type=item_type, until__gt=today, contact__isnull=False
    ).values("contact_id")
    return contacts.exclude(pk__in=ids)


def first(rows, limit: int | None) -> tuple[list, bool]:
    """The first `limit` rows (all without a limit), and whether there are more. One row
    more is asked for instead of counting them all: counting would make the database
    find every due contact, where the first few only need a top-N sort."""
    if limit is None:
        return list(rows), False
    rows = list(rows[: limit + 1])
    return rows[:limit], len(rows) > limit


def follow_ups(
    *,
    owner,
    today: dt.date,
    ahead: int = 0,
    limit: int | None = None,
) -> tuple[list[TodayItem], bool]:
    """Contacts met 1 to 30 days ago whom the user has not reached out to since (with
    `ahead`, also those whose follow-up comes due in the next days), oldest first; and
    whether there are more than `limit`."""
    linked = Interaction.objects.filter(contact=OuterRef("pk"), kind="linkedin")
    contacts = Contact.objects.filter(owner=owner).filter(
        contact_expressions.follow_up_open(today, ahead)
    )
    contacts = (
        contacts.annotate(linked=Exists(linked))
        .only(*CONTACT_FIELDS)
        .order_by("met_on", "name", "id")
    )
    rows, more = first(contacts, limit)
    items = []
    for contact in rows:
        look_at = max(today, cadence.follow_up_due_on(contact.met_on))
        due = cadence.follow_up(
            contact_id=contact.pk, met_on=contact.met_on, followed_up=False, today=look_at
        )
        if due:
            connect = bool(contact.linkedin_url) and not contact.linked
            items.append(
                TodayItem(due.type, due.due, due.overdue, contact=contact, connect=connect)
            )
    return items, more


def keep_in_touch(
    *,
    owner,
    today: dt.date,
    horizon: int = 0,
    ahead: int = 0,
    limit: int | None = None,
    hidden: Hiddens | None = None,
    following: Collection[int] | None = None,
) -> tuple[list[TodayItem], bool]:
    """Contacts whose silence exceeds their interval by `horizon` days from today (the
    feed looks ahead, the today list does not), the longest due first, and whether there
    are more than `limit`. A contact with an open follow-up (see `follow_ups`, same
    `ahead`) is left out: one item per contact, and the follow-up says more. Callers that
    already have those contacts' ids pass them as `following`, which spares the database
    the check on every row."""
    look_at = today + dt.timedelta(days=horizon)
    contacts = expressions.with_keep_in_touch(
        Contact.objects.filter(owner=owner), expressions.interval_tags(owner=owner)
    ).filter(expressions.keep_in_touch_due_by(look_at))
    if following is None:
        contacts = contacts.exclude(contact_expressions.follow_up_open(today, ahead))
    elif following:
        contacts = contacts.exclude(pk__in=following)
    contacts = without_hidden(
        contacts, owner=owner, today=today, item_type=cadence.KEEP_IN_TOUCH, hidden=hidden
    )
    contacts = contacts.only(*CONTACT_FIELDS).order_by("kit_due_day", "name", "id")
    rows, more = first(contacts, limit)
    items = []
    for contact in rows:
        due = cadence.keep_in_touch(
            contact_id=contact.pk,
            since=contact.kit_since,
            interval=contact.kit_interval,
            today=look_at,
        )
        if due:
            overdue = cadence.is_overdue(due.due, today)
            items.append(TodayItem(due.type, due.due, overdue, contact=contact))
    return items, more


def reconnects(
    *, owner, today: dt.date, prefs: ReminderSettings, hidden: Hiddens | None = None
) -> list[TodayItem]:
    """The week's picks (see services.reconnect_picks_refresh) that are still dormant: a
    reconnect logged this week removes one. The picks were chosen among contacts with
    nothing else due, so the few are checked here in Python."""
    months = prefs.dormant_after_months
    picks = (
        ReconnectPick.objects.filter(owner=owner, week=cadence.week_start(today))
        .select_related("contact")
        .only(*(f"contact__{f}" for f in CONTACT_FIELDS), "contact_id", "rank")
        .order_by("rank")
    )
    skip = set(hidden_ids(hidden, cadence.RECONNECT))
    items = []
    for pick in picks:
        since = since_of(pick.contact)
        if pick.contact_id not in skip and cadence.is_dormant(since, today, months):
            due = cadence.dormant_since(since, months)
            items.append(TodayItem(cadence.RECONNECT, due, False, contact=pick.contact))
    return items


def upcoming_events(
    *, owner, today: dt.date, days: int = EVENT_DAYS, hidden: Hiddens | None = None
) -> list[TodayItem]:
    """Events of the next `days` days, today's included, that are not over: an event
    reviewed is over, whatever its date."""
    events = Event.objects.filter(
        owner=owner,
        date__gte=today,
        date__lte=today + dt.timedelta(days=days),
        reviewed_at__isnull=True,
    ).order_by("date", "start_time", "id")
    hidden = hidden or {}
    return [event_item(e, today=today) for e in events if (cadence.EVENT, None, e.pk) not in hidden]


def event_item(event: Event, *, today: dt.date) -> TodayItem:
    return TodayItem(cadence.EVENT, event.date, False, event=event, is_today=event.date == today)


def open_follow_ups_at_event(today: dt.date) -> Coalesce:
    """For an Event query: how many people met at the event still need a follow-up,
    due today or tomorrow (met at the event today, the thank-you is due tomorrow).
    Snoozed ones count: the snooze puts the follow-up off, it is still to do. Counted
    by the database, so it is exact however many there are."""
    waiting = (
        Contact.objects.filter(owner=OuterRef("owner"), event=OuterRef("pk"))
        .filter(contact_expressions.follow_up_open(today, ahead=1))
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(waiting, output_field=IntegerField()), 0)


def events_for_today(
    *,
    owner,
    today: dt.date,
    days: int = EVENT_DAYS,
    hidden: Hiddens | None = None,
) -> tuple[list[TodayItem], list[TodayItem]]:
    """In one query: the events coming up (as upcoming_events), and the events reviewed
    in the last 30 days whose people still need a follow-up, the latest first, with how
    many as `open_follow_ups` (open_follow_ups_at_event). A reviewed event leaves
    "coming up" and offers its follow-ups instead."""
    earliest = today - dt.timedelta(days=cadence.FOLLOW_UP_DROPS_AFTER_DAYS)
    events = (
        Event.objects.filter(
            owner=owner, date__gte=earliest, date__lte=today + dt.timedelta(days=days)
        )
        .filter(
            Q(reviewed_at__isnull=True, date__gte=today)
            | Q(reviewed_at__isnull=False, date__lte=today)
        )
        .annotate(open_follow_ups=open_follow_ups_at_event(today))
        .order_by("date", "start_time", "id")
    )
    hidden = hidden or {}
    coming, after = [], []
    for event in events:
        if event.reviewed_at is None:
            if (cadence.EVENT, None, event.pk) not in hidden:
                coming.append(event_item(event, today=today))
        elif event.open_follow_ups:
            after.append(TodayItem(cadence.EVENT, event.date, False, event=event))
    return coming, after[::-1]


@dataclass
class Today:
    """The today list: the first items of each group, and which groups have more."""

    items: list[TodayItem]
    more: set[str]
    # Reviewed events whose people still need a follow-up: on the page, not in the API.
    after: list[TodayItem] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.items or self.after)


def today_list(
    *, owner, today: dt.date, prefs: ReminderSettings, limit: int = TODAY_LIMIT
) -> Today:
    """Everything due today, one item per contact (a follow-up wins over keep in touch,
    which wins over a reconnect), minus what the user snoozed or skipped: at most `limit`
    follow-ups and keep-in-touch items, the longest waiting first. Six queries,
    whatever the number of contacts."""
    hidden = hidden_keys(owner=owner, today=today)
    # All open follow-ups, snoozed ones too: there are only as many as people met in the
    # last 30 days, and keep in touch must leave them all out.
    opened, overflow = follow_ups(owner=owner, today=today, limit=FOLLOW_UPS_AT_MOST)
    following = None if overflow else {item.contact.pk for item in opened}
    visible = [i for i in opened if (i.type, i.contact.pk, None) not in hidden]
    follow, more_follow = visible[:limit], len(visible) > limit or overflow
    keep, more_keep = keep_in_touch(
        owner=owner, today=today, limit=limit, hidden=hidden, following=following
    )
    shown = {item.contact.pk for item in follow + keep}
    again = [
        item
        for item in reconnects(owner=owner, today=today, prefs=prefs, hidden=hidden)
        if item.contact.pk not in shown
    ]
    events, after = events_for_today(owner=owner, today=today, hidden=hidden)
    more = {cadence.FOLLOW_UP} if more_follow else set()
    if more_keep:
        more.add(cadence.KEEP_IN_TOUCH)
    return Today(follow + keep + again + events, more, after)
