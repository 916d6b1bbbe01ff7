"""The private calendar feed (RFC 5545): due follow-ups, keep-in-touch reminders, the
week's reconnect suggestions and upcoming events, so reminders reach the user's own
calendar without the app being open.

Contact reminders are all-day events on the day they are due, or today when that day has
passed (a calendar shows what is waiting now, not a pile in the past); a snoozed item
moves to the day it comes back. UIDs are stable, so a calendar updates an entry in place
when its date moves instead of adding a copy.
"""

import datetime as dt

import icalendar
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mingel.core import cadence
from mingel.followups import links, selectors, services
from mingel.followups.models import ReminderSettings

LOOK_AHEAD_DAYS = 30
FEED_LIMIT = 100
EVENT_DAYS = 365
# Events store a start time but no end; two hours is a typical meetup or after-work.
EVENT_LENGTH = dt.timedelta(hours=2)
UID_PREFIX = {
    cadence.FOLLOW_UP: "followup",
    cadence.KEEP_IN_TOUCH: "keepintouch",
    cadence.RECONNECT: "reconnect",
    cadence.EVENT: "event",
}


def uid(item) -> str:
    target = item.contact.pk if item.contact is not None else item.event.pk
    return f"{UID_PREFIX[item.type]}-{target}@mingel"


def title(item) -> str:
    """The item's one-line title in the active language (also used by the API and digest)."""
    if item.type == cadence.FOLLOW_UP:
        return _("Follow up with %(name)s") % {"name": item.contact.name}
    if item.type == cadence.KEEP_IN_TOUCH:
        return _("Keep in touch with %(name)s") % {"name": item.contact.name}
    if item.type == cadence.RECONNECT:
        return _("Reconnect with %(name)s") % {"name": item.contact.name}
    return item.event.name


def feed_items(*, user, prefs: ReminderSettings, today: dt.date):
    """Items for the feed: like the today list, plus follow-ups and keep-in-touch reminders
    coming due in the next days, and events further ahead. Snoozed items move to the day
    they come back. At most FEED_LIMIT per kind of contact reminder, the most urgent first,
    so a calendar app is not flooded with hundreds of all-day entries."""
    services.reconnect_picks_refresh(owner=user, prefs=prefs, today=today)
    hidden = selectors.hidden_keys(owner=user, today=today)
    follow, _more = selectors.follow_ups(owner=user, today=today, ahead=1, limit=FEED_LIMIT)
    keep, _more = selectors.keep_in_touch(
        owner=user,
        today=today,
        horizon=LOOK_AHEAD_DAYS,
        ahead=1,
        limit=FEED_LIMIT,
    )
    again = selectors.reconnects(owner=user, today=today, prefs=prefs)
    seen: set[int] = set()
    for item in follow + keep + again:
        if item.contact.pk in seen:
            continue
        seen.add(item.contact.pk)
        back = hidden.get((item.type, item.contact.pk, None), today)
        yield item, max(item.due, today, back)
    events = selectors.upcoming_events(owner=user, today=today, days=EVENT_DAYS, hidden=hidden)
    for item in events:
        yield item, item.due


def build(*, user, prefs: ReminderSettings, now: dt.datetime | None = None) -> bytes:
    now = now or timezone.now()
    zone = selectors.user_zone(user)
    today = selectors.user_today(user, now)
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Mingel//Reminders//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    with translation.override(user.language or settings.LANGUAGE_CODE):
        cal.add("x-wr-calname", _("Mingel reminders"))
        for item, day in feed_items(user=user, prefs=prefs, today=today):
            cal.add_component(vevent(item, day, zone, now))
    cal.add_missing_timezones()
    return cal.to_ical()


def vevent(item, day: dt.date, zone, now: dt.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid(item))
    event.add("dtstamp", now.astimezone(dt.UTC))
    event.add("summary", title(item))
    if item.type == cadence.EVENT and item.event.start_time is not None:
        start = dt.datetime.combine(day, item.event.start_time, tzinfo=zone)
        event.add("dtstart", start)
        event.add("dtend", start + EVENT_LENGTH)
    else:
        event.add("dtstart", day)
        event.add("dtend", cadence.shift(day, 1))
        event.add("transp", "TRANSPARENT")
    if item.type == cadence.EVENT:
        if item.event.place:
            event.add("location", item.event.place)
        path = links.event_url(item.event.pk)
    else:
        path = links.compose_url(item.contact.pk, item.compose_kind)
        if item.contact.talked_about:
            event.add("description", item.contact.talked_about)
    if path:
        event.add("url", settings.SITE_URL + path)
    return event
