"""The today list, snoozing and the calendar link in the JSON API. Same selectors and
services as the pages; another user's contact or event is a 404 here too."""

import datetime as dt
from typing import Literal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from mingel.api.schemas import InSchema
from mingel.contacts.selectors import get_contact_for_user
from mingel.core import cadence
from mingel.events.selectors import get_event_for_user
from mingel.followups import feed, links, selectors, services

router = Router(tags=["today"])

ItemType = Literal["follow_up", "keep_in_touch", "reconnect", "event"]


class TodayFilters(InSchema):
    limit: int = Field(selectors.TODAY_LIMIT, ge=1, le=500)


class TodayItemOut(Schema):
    type: ItemType
    contact_id: int | None
    event_id: int | None
    due: dt.date
    overdue: bool
    title: str


class TodayOut(Schema):
    items: list[TodayItemOut]
    more: list[ItemType] = Field(description="Types with more items due than listed.")


class SnoozeIn(InSchema):
    type: ItemType
    contact_id: int | None = None
    event_id: int | None = None
    days: int = Field(7, ge=1, le=365)


class SnoozeOut(Schema):
    type: ItemType
    contact_id: int | None
    event_id: int | None
    until: dt.date


class CalendarOut(Schema):
    url: str | None = Field(description="The private feed URL; null when turned off.")


@router.get("/today", response=TodayOut)
def today(request, filters: Query[TodayFilters]):
    """What is due today in the user's time zone: follow-ups, keep in touch, the week's
    reconnect suggestions and the next two weeks' events; up to `limit` follow-ups and
    keep-in-touch items, the longest waiting first."""
    user = request.auth
    day = selectors.user_today(user)
    prefs = services.today_prepare(owner=user, today=day)
    listed = selectors.today_list(owner=user, today=day, prefs=prefs, limit=filters.limit)
    with translation.override(user.language or settings.LANGUAGE_CODE):
        items = [
            {
                "type": item.type,
                "contact_id": item.contact.pk if item.contact else None,
                "event_id": item.event.pk if item.event else None,
                "due": item.due,
                "overdue": item.overdue,
                "title": feed.title(item),
            }
            for item in listed.items
        ]
    return {"items": items, "more": sorted(listed.more)}


@router.post("/today/snooze", response=SnoozeOut)
def today_snooze(request, payload: SnoozeIn):
    """Hides one item for `days` days ("remind me in a week"). A contact's item needs
    `contact_id`, an event `event_id`; another user's is a 404."""
    user = request.auth
    contact = event = None
    if payload.type == cadence.EVENT:
        if payload.event_id is None:
            raise ValidationError({"event_id": _("Say which event to snooze.")}, code="required")
        event = get_event_for_user(user, payload.event_id)
    else:
        if payload.contact_id is None:
            raise ValidationError(
                {"contact_id": _("Say which contact to snooze.")}, code="required"
            )
        contact = get_contact_for_user(user, payload.contact_id)
    hidden = services.item_snooze(
        owner=user,
        item_type=payload.type,
        today=selectors.user_today(user),
        days=payload.days,
        contact=contact,
        event=event,
    )
    return {
        "type": hidden.item_type,
        "contact_id": hidden.contact_id,
        "event_id": hidden.event_id,
        "until": hidden.until,
    }


def calendar_url(request, prefs) -> str | None:
    if not prefs.calendar_token:
        return None
    return request.build_absolute_uri(links.feed_path(prefs.calendar_token))


@router.get("/calendar", response=CalendarOut)
def calendar(request):
    """The private calendar feed URL (iCalendar) to subscribe to."""
    prefs = services.reminder_settings_get(user=request.auth)
    return {"url": calendar_url(request, prefs)}


@router.post("/calendar/rotate", response=CalendarOut)
def calendar_rotate(request):
    """Revokes the feed URL and returns a new one (also turns a switched-off feed on)."""
    prefs = services.calendar_rotate(prefs=services.reminder_settings_get(user=request.auth))
    return {"url": calendar_url(request, prefs)}
