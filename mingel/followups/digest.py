"""The optional email digest: what is due, daily or weekly, in the user's language.

`send_due_digests` is safe to run as often as you like and from several processes at
once: each user's period is claimed with a filtered update() before anything is sent, so
a digest goes out at most once per day (daily) or week (weekly). `mingel digest` runs it
once (for cron or a systemd timer); the background task `followups.tasks.digests_send`
runs it every 15 minutes wherever a task worker runs (inside `mingel serve` in embedded
mode), so reminders do not depend on a cron job somebody forgot to set up.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from mingel.core import cadence
from mingel.followups import feed, selectors, services
from mingel.followups.models import ReminderSettings

log = logging.getLogger(__name__)
# Not in the small hours: the digest waits until the user's morning.
SEND_FROM_HOUR = 7
# A digest still unsent this long after it came due means no scheduler is running.
OVERDUE_AFTER = dt.timedelta(hours=2)


def period_of(kind: str, today: dt.date) -> dt.date:
    """The first day of the period a digest covers: the day, or the week's Monday."""
    return cadence.week_start(today) if kind == "weekly" else today


def due_period(prefs: ReminderSettings, now: dt.datetime) -> dt.date | None:
    """The period to send for now, or None (digest off, too early, or already sent)."""
    if prefs.digest not in ("daily", "weekly"):
        return None
    local = now.astimezone(selectors.user_zone(prefs.user))
    if local.hour < SEND_FROM_HOUR:
        return None
    period = period_of(prefs.digest, local.date())
    if prefs.digest_period is not None and prefs.digest_period >= period:
        return None
    return period


def is_overdue(prefs: ReminderSettings, now: dt.datetime) -> bool:
    """True when the digest for the current period should have been sent a while ago
    (OVERDUE_AFTER) and has not: no task worker runs (`mingel serve` in embedded mode,
    `mingel worker` in hosted mode), nor a cron job or timer running `mingel digest`.
    Not late when the digest was chosen less than OVERDUE_AFTER ago: the next check
    sends it."""
    before = now - OVERDUE_AFTER
    if prefs.digest_chosen_at is not None and prefs.digest_chosen_at > before:
        return False
    return due_period(prefs, before) is not None and due_period(prefs, now) is not None


def claim(prefs: ReminderSettings, period: dt.date) -> bool:
    """Marks the period as sent unless another worker did first; True if this one won."""
    won = (
        ReminderSettings.objects.filter(pk=prefs.pk, digest=prefs.digest)
        .filter(Q(digest_period__isnull=True) | Q(digest_period__lt=period))
        .update(digest_period=period)
    )
    return won == 1


def digest_send(*, user, today: dt.date) -> bool:
    """Sends one digest of what is due today; False (nothing sent) when nothing is due."""
    prefs = services.today_prepare(owner=user, today=today)
    today_list = selectors.today_list(owner=user, today=today, prefs=prefs)
    items = today_list.items
    if not items:
        return False
    with translation.override(user.language or settings.LANGUAGE_CODE):
        lines = [{"item": item, "title": feed.title(item)} for item in items]
        context = {
            "user": user,
            "lines": lines,
            "more": bool(today_list.more),
            "today_url": settings.SITE_URL + reverse("today"),
            "settings_url": settings.SITE_URL + reverse("reminder_settings"),
        }
        subject = ngettext(
            "Mingel: %(count)d small thing to do",
            "Mingel: %(count)d small things to do",
            len(items),
        ) % {"count": len(items)}
        body = render_to_string("followups/digest.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    return True


def send_due_digests(now: dt.datetime | None = None) -> int:
    """Sends every digest that is due; returns how many went out."""
    now = now or timezone.now()
    sent = 0
    rows = ReminderSettings.objects.select_related("user").filter(
        digest__in=("daily", "weekly"), user__is_active=True
    )
    for prefs in rows.iterator():
        period = due_period(prefs, now)
        if period is None or not claim(prefs, period):
            continue
        try:
            if digest_send(user=prefs.user, today=selectors.user_today(prefs.user, now)):
                ReminderSettings.objects.filter(pk=prefs.pk).update(digest_sent_at=now)
                sent += 1
        except Exception:
            # Give the period back, so the next run tries again instead of skipping it.
            ReminderSettings.objects.filter(pk=prefs.pk, digest_period=period).update(
                digest_period=prefs.digest_period
            )
            log.exception("digest for user %s failed", prefs.user_id)
    return sent
