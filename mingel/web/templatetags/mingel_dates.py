"""Dates in running text, per language: "1 dec. 2026" in Swedish, "1 Dec 2026" in English.

Django's own formats cannot write Swedish short months: "M" capitalises them ("Okt",
"Maj") and "N" has no full stops ("dec"). The short month names therefore live in the
web app's catalog, under the context "short month". Form inputs and <time datetime>
keep ISO dates; these filters are for what people read.

    {% load mingel_dates %}
    {{ event.date|day }}          1 dec. 2026 / 1 Dec 2026
    {{ item.date|day_month }}     1 dec. / 1 Dec
    {{ month|short_month }}       dec. / Dec
    {{ contact.met_on|natural }}  i dag, i går, i morgon, else as |day
"""

import datetime as dt

from django import template
from django.utils import timezone
from django.utils.translation import pgettext, pgettext_lazy

register = template.Library()

SHORT_MONTHS = {
    1: pgettext_lazy("short month", "Jan"),
    2: pgettext_lazy("short month", "Feb"),
    3: pgettext_lazy("short month", "Mar"),
    4: pgettext_lazy("short month", "Apr"),
    5: pgettext_lazy("short month", "May"),
    6: pgettext_lazy("short month", "Jun"),
    7: pgettext_lazy("short month", "Jul"),
    8: pgettext_lazy("short month", "Aug"),
    9: pgettext_lazy("short month", "Sep"),
    10: pgettext_lazy("short month", "Oct"),
    11: pgettext_lazy("short month", "Nov"),
    12: pgettext_lazy("short month", "Dec"),
}


def as_date(value) -> dt.date | None:
    """The calendar date of a date or datetime (an aware datetime in the user's time zone);
    None for anything else, which the filters render as an empty string."""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, dt.date):
        return value
    return None


@register.filter
def short_month(value) -> str:
    day = as_date(value)
    return str(SHORT_MONTHS[day.month]) if day else ""


@register.filter
def day_month(value) -> str:
    day = as_date(value)
    if not day:
        return ""
    return pgettext("day and month", "%(day)s %(month)s") % {
        "day": day.day,
        "month": SHORT_MONTHS[day.month],
    }


@register.filter
def day(value) -> str:
    day = as_date(value)
    if not day:
        return ""
    return pgettext("day, month and year", "%(day)s %(month)s %(year)s") % {
        "day": day.day,
        "month": SHORT_MONTHS[day.month],
        "year": day.year,
    }


@register.filter
def natural(value) -> str:
    """Today, yesterday or tomorrow in words (in the active time zone), else as `day`."""
    day_ = as_date(value)
    if not day_:
        return ""
    offset = (day_ - timezone.localdate()).days
    if offset == 0:
        return pgettext("relative day", "today")
    if offset == -1:
        return pgettext("relative day", "yesterday")
    if offset == 1:
        return pgettext("relative day", "tomorrow")
    return day(day_)


@register.filter
def day_time(value) -> str:
    """A moment as its day and the time of day: "1 dec. 2026 kl. 14:05", "1 Dec 2026, 14:05"."""
    if not isinstance(value, dt.datetime):
        return day(value)
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return pgettext("day and time of day", "%(day)s, %(time)s") % {
        "day": day(local),
        "time": local.strftime("%H:%M"),
    }
