"""Reads for events and favourite questions, always scoped to their owner."""

import datetime as dt
import zoneinfo

from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    QuerySet,
    Value,
    When,
)
from django.shortcuts import get_object_or_404
from django.utils import timezone

from mingel.contacts import expressions as contact_expressions
from mingel.contacts.models import Contact
from mingel.core.events import questions as bank
from mingel.events.models import CaptureKey, Event, FavouriteQuestion


def user_today(user, now: dt.datetime | None = None) -> dt.date:
    """The user's own calendar date (the API has no middleware that activates the zone)."""
    try:
        zone = zoneinfo.ZoneInfo(user.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return (now or timezone.now()).astimezone(zone).date()


def events_with_counts(owner) -> QuerySet[Event]:
    """The owner's events, each with `met_count`: the contacts linked to it, counted in the
    same query (one GROUP BY, not one count per event)."""
    return Event.objects.filter(owner=owner).annotate(met_count=Count("contacts"))


def get_event_for_user(user, pk) -> Event:
    """The user's event with this id and its `met_count`, or 404 (also for another user's)."""
    return get_object_or_404(events_with_counts(user), pk=pk)


def events_list(*, owner, today: dt.date) -> QuerySet[Event]:
    """Upcoming events first, soonest first (today counts as upcoming), then past events,
    latest first; each with `met_count`."""
    upcoming = When(date__gte=today, then=Value(0))
    return events_with_counts(owner).order_by(
        Case(upcoming, default=Value(1), output_field=IntegerField()),
        # Each of these has a value on one side of today only (NULL on the other), so the
        # upcoming rows sort by date ascending and the past rows by date descending.
        Case(When(date__gte=today, then=F("date"))).asc(nulls_last=True),
        Case(When(date__lt=today, then=F("date"))).desc(nulls_last=True),
        F("start_time").asc(nulls_first=True),
        "-id",
    )


def event_contacts(event: Event, *, today: dt.date | None = None) -> QuerySet[Contact]:
    """The people met at the event, in the order they were captured. With `today`, each
    has `needs_follow_up`: a thank-you is due today or tomorrow and not sent yet (the
    today list's follow-up rule, see contacts.expressions.follow_up_open)."""
    contacts = event.contacts.order_by("created_at", "id")
    if today is not None:
        contacts = contacts.annotate(
            needs_follow_up=ExpressionWrapper(
                contact_expressions.follow_up_open(today, ahead=1), output_field=BooleanField()
            )
        )
    return contacts


def favourite_texts(owner) -> list[str]:
    return list(FavouriteQuestion.objects.filter(owner=owner).values_list("text", flat=True))


def question_groups(*, owner, lang: str, chosen: list[str] = ()) -> list[tuple[str, list[str]]]:
    """The questions to pick from, as (group, texts): the event's chosen ones first, then
    the user's favourites, then the bank's groups in `lang`. Each text appears once."""
    shown: set[str] = set()

    def fresh(texts):
        result = [t for t in texts if t not in shown]
        shown.update(result)
        return result

    groups = [("chosen", fresh(chosen)), ("favourites", fresh(favourite_texts(owner)))]
    for group in bank.GROUPS:
        groups.append((group, fresh(q.text for q in bank.questions(lang, group))))
    return [(name, texts) for name, texts in groups if texts]


def captured_contact(*, owner, key: str) -> Contact | None:
    """The contact an earlier capture with this key made for this owner, or None."""
    found = CaptureKey.objects.filter(owner=owner, key=key).select_related("contact").first()
    return found.contact if found else None
