"""Reads for the today list, the calendar feed, the digest and the API, scoped to their
owner and with a fixed number of queries whatever the number of contacts."""

import datetime as dt
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from mingel.contacts.models import Contact, Interaction, Tag
from mingel.core import cadence
from mingel.events.models import Event
from mingel.followups.models import Hidden, ReconnectPick, ReminderSettings

EVENT_DAYS = 14
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


def get_contact_for_user(user, pk) -> Contact:
    return get_object_or_404(Contact, pk=pk, owner=user)


def get_event_for_user(user, pk) -> Event:
    return get_object_or_404(Event, pk=pk, owner=user)


def settings_by_token(token: str) -> ReminderSettings | None:
    """The settings row whose calendar feed this token opens, or None (unknown/revoked)."""
    if not token:
        return None
    return (
        ReminderSettings.objects.select_related("user")
        .filter(calendar_token=token, user__is_active=True)
        .first()
    )


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


def dormant_q(cutoff: dt.date) -> Q:
    """Contacts whose last touch (interaction, else meeting, else added) is before cutoff."""
    return (
        Q(last_interaction_on__lt=cutoff)
        | Q(last_interaction_on__isnull=True, met_on__lt=cutoff)
        | Q(last_interaction_on__isnull=True, met_on__isnull=True, created_at__date__lt=cutoff)
    )


def dormant_contacts(*, owner, today: dt.date, months: int) -> QuerySet[Contact]:
    return Contact.objects.filter(owner=owner).filter(
        dormant_q(cadence.dormant_cutoff(today, months))
    )


def tag_links(*, owner) -> dict[int, tuple[list[str], list[int | None]]]:
    """For each of the owner's tagged contacts: its tag names and their intervals."""
    links: dict[int, tuple[list[str], list[int | None]]] = defaultdict(lambda: ([], []))
    rows = Contact.tags.through.objects.filter(tag__owner=owner).values_list(
        "contact_id", "tag__name", "tag__keep_in_touch_days"
    )
    for contact_id, name, days in rows:
        links[contact_id][0].append(name)
        links[contact_id][1].append(days)
    return links


def since_of(contact: Contact) -> dt.date | None:
    return cadence.last_touch(
        contact.last_interaction_on, contact.met_on, contact.created_at.date()
    )


def hidden_keys(*, owner, today: dt.date) -> set[tuple[str, int | None, int | None]]:
    rows = Hidden.objects.filter(owner=owner, until__gt=today).values_list(
        "item_type", "contact_id", "event_id"
    )
    return set(rows)


def follow_ups(*, owner, today: dt.date, ahead: int = 0) -> list[TodayItem]:
    """Contacts met 1 to 30 days ago whom the user has not reached out to since (with
    `ahead`, also those whose follow-up comes due in the next days)."""
    reached_out = Interaction.objects.filter(
        contact=OuterRef("pk"), kind__in=cadence.FOLLOW_UP_KINDS, date__gte=OuterRef("met_on")
    ).exclude(direction="received")
    linked = Interaction.objects.filter(contact=OuterRef("pk"), kind="linkedin")
    earliest = today - dt.timedelta(days=cadence.FOLLOW_UP_DROPS_AFTER_DAYS)
    contacts = (
        Contact.objects.filter(
            owner=owner, met_on__gte=earliest, met_on__lt=today + dt.timedelta(days=ahead)
        )
        .annotate(linked=Exists(linked))
        .filter(~Exists(reached_out))
        .only(*CONTACT_FIELDS)
    )
    items = []
    for contact in contacts:
        look_at = max(today, cadence.follow_up_due_on(contact.met_on))
        due = cadence.follow_up(
            contact_id=contact.pk, met_on=contact.met_on, followed_up=False, today=look_at
        )
        if due:
            connect = bool(contact.linkedin_url) and not contact.linked
            items.append(
                TodayItem(due.type, due.due, due.overdue, contact=contact, connect=connect)
            )
    return items


def keep_in_touch(*, owner, today: dt.date, horizon: int = 0) -> list[TodayItem]:
    """Contacts whose silence exceeds their interval (by `horizon` days from today: the
    feed looks ahead, the today list does not). Due dates before today stay as they are."""
    interval_tags = dict(
        Tag.objects.filter(owner=owner, keep_in_touch_days__isnull=False).values_list(
            "id", "keep_in_touch_days"
        )
    )
    condition = Q(keep_in_touch_days__isnull=False)
    if interval_tags:
        condition |= Q(
            pk__in=Contact.tags.through.objects.filter(tag_id__in=interval_tags).values(
                "contact_id"
            )
        )
    contacts = Contact.objects.filter(owner=owner).filter(condition).only(*CONTACT_FIELDS)
    tag_days: dict[int, list[int]] = defaultdict(list)
    if interval_tags:
        rows = Contact.tags.through.objects.filter(
            tag_id__in=interval_tags, contact__owner=owner
        ).values_list("contact_id", "tag_id")
        for contact_id, tag_id in rows:
            tag_days[contact_id].append(interval_tags[tag_id])
    look_at = today + dt.timedelta(days=horizon)
    items = []
    for contact in contacts:
        interval = cadence.effective_interval(contact.keep_in_touch_days, tag_days[contact.pk])
        due = cadence.keep_in_touch(
            contact_id=contact.pk, since=since_of(contact), interval=interval, today=look_at
        )
        if due:
            overdue = cadence.is_overdue(due.due, today)
            items.append(TodayItem(due.type, due.due, overdue, contact=contact))
    return items


def reconnects(*, owner, today: dt.date, prefs: ReminderSettings) -> list[TodayItem]:
    """The week's picks that are still dormant (a reconnect logged this week removes one)."""
    months = prefs.dormant_after_months
    picks = ReconnectPick.objects.filter(
        owner=owner, week=cadence.week_start(today)
    ).select_related("contact")
    items = []
    for pick in picks:
        since = since_of(pick.contact)
        if cadence.is_dormant(since, today, months):
            due = cadence.dormant_since(since, months)
            items.append(TodayItem(cadence.RECONNECT, due, False, contact=pick.contact))
    return items


def upcoming_events(*, owner, today: dt.date, days: int = EVENT_DAYS) -> list[TodayItem]:
    events = Event.objects.filter(
        owner=owner, date__gte=today, date__lte=today + dt.timedelta(days=days)
    ).order_by("date", "start_time", "id")
    return [TodayItem(cadence.EVENT, e.date, False, event=e) for e in events]


def today_items(*, owner, today: dt.date, prefs: ReminderSettings) -> list[TodayItem]:
    """Everything due today, one item per contact (a follow-up wins over keep in touch,
    which wins over a reconnect), minus what the user snoozed or skipped."""
    hidden = hidden_keys(owner=owner, today=today)
    seen: set[int] = set()
    items = []
    groups = (
        follow_ups(owner=owner, today=today),
        keep_in_touch(owner=owner, today=today),
        reconnects(owner=owner, today=today, prefs=prefs),
    )
    for group in groups:
        for item in sorted(group, key=lambda i: (i.due, i.contact.name, i.contact.pk)):
            if item.contact.pk in seen or (item.type, item.contact.pk, None) in hidden:
                continue
            seen.add(item.contact.pk)
            items.append(item)
    for item in upcoming_events(owner=owner, today=today):
        if (item.type, None, item.event.pk) not in hidden:
            items.append(item)
    return items
