"""The follow-up rule of `mingel.core.cadence` as an SQL expression on contacts.

Here, beside the contacts it reads, so that the events app (who still needs a follow-up
after an event) and the reminders app (the today list) share it without importing each
other. `mingel/followups/tests/test_expressions.py` checks it against the plain-Python
rule.
"""

import datetime as dt

from django.db.models import Exists, OuterRef, Q

from mingel.contacts.models import Interaction
from mingel.core import cadence


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
