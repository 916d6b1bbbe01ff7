"""Writes for reminders: settings, snoozes and skips, marking items done, the week's
reconnect picks. Views, the API, the feed and the digest all come here."""

import datetime as dt
from collections import defaultdict
from collections.abc import Collection

from django.db import IntegrityError, transaction
from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Least
from django.utils import timezone
from django.utils.translation import gettext as _

from mingel.contacts import expressions as contact_expressions
from mingel.contacts import services as contact_services
from mingel.contacts.models import Contact, Interaction
from mingel.core import cadence, onboarding
from mingel.followups import expressions, selectors
from mingel.followups.models import Hidden, ReconnectPick, ReminderSettings, new_calendar_token

SETTINGS_FIELDS = ("dormant_after_months", "reconnects_per_week", "digest")
DONE_KINDS = ("message", "email", "linkedin", "call", "meeting", "coffee")


def reminder_settings_get(*, user) -> ReminderSettings:
    """The user's reminder settings, created with the defaults on first use; read with
    the stamp of the user's contacts (expressions.data_stamp) in the same query."""
    prefs = (
        ReminderSettings.objects.filter(user=user)
        .annotate(**expressions.data_stamp(), **expressions.onboarding_facts())
        .first()
    )
    if prefs is None:
        try:
            with transaction.atomic():
                prefs = ReminderSettings.objects.create(user=user)
        except IntegrityError:  # a parallel request created it first
            prefs = ReminderSettings.objects.get(user=user)
    return prefs


def reminder_settings_update(*, prefs: ReminderSettings, **fields) -> ReminderSettings:
    """Changes the given settings; the week's reconnect picks are redone on the next visit,
    since they depend on the dormancy threshold and the weekly number."""
    unknown = set(fields) - set(SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"unknown settings: {', '.join(sorted(unknown))}")
    # Compared with the stored row: a ModelForm has already written its values onto prefs.
    stored = ReminderSettings.objects.filter(pk=prefs.pk).values_list("digest", flat=True)
    if fields.get("digest", prefs.digest) != stored.first():
        prefs.digest_chosen_at = timezone.now()
    for field, value in fields.items():
        setattr(prefs, field, value)
    prefs.full_clean()
    prefs.reconnect_week = None
    prefs.save()
    return prefs


def onboarding_skip(*, prefs: ReminderSettings, step: str) -> ReminderSettings:
    """Skips one step of the first-run guide; ValueError for an unknown step."""
    prefs.onboarding_skipped = onboarding.with_skipped(prefs.onboarding_skipped, step)
    prefs.save(update_fields=["onboarding_skipped"])
    return prefs


def onboarding_dismiss(*, prefs: ReminderSettings) -> ReminderSettings:
    """Hides the first-run guide for good."""
    prefs.onboarding_dismissed = True
    prefs.save(update_fields=["onboarding_dismissed"])
    return prefs


def calendar_rotate(*, prefs: ReminderSettings) -> ReminderSettings:
    """A new feed URL; the old one stops working at once."""
    prefs.calendar_token = new_calendar_token()
    prefs.save(update_fields=["calendar_token"])
    return prefs


def calendar_disable(*, prefs: ReminderSettings) -> ReminderSettings:
    prefs.calendar_token = None
    prefs.save(update_fields=["calendar_token"])
    return prefs


def item_hide(
    *,
    owner,
    item_type: str,
    until: dt.date,
    reason: str = "snooze",
    contact: Contact | None = None,
    event=None,
) -> Hidden:
    """Hides one item until a date; a later snooze or skip of the same item replaces it."""
    if item_type not in cadence.ITEM_TYPES:
        raise ValueError(f"unknown item type {item_type!r}")
    if (contact is None) == (event is None):
        raise ValueError("hide either a contact's item or an event")
    with transaction.atomic():
        Hidden.objects.filter(
            owner=owner, item_type=item_type, contact=contact, event=event
        ).delete()
        return Hidden.objects.create(
            owner=owner,
            item_type=item_type,
            contact=contact,
            event=event,
            until=until,
            reason=reason,
        )


def item_snooze(*, owner, item_type: str, today: dt.date, days: int, contact=None, event=None):
    until = cadence.snooze_until(today, days)
    return item_hide(owner=owner, item_type=item_type, until=until, contact=contact, event=event)


def item_skip(*, owner, item_type: str, today: dt.date, contact=None, event=None) -> Hidden:
    """ "Not now": hidden until the item's next round (see cadence.skip_until)."""
    due, interval = None, None
    if event is not None:
        due = event.date
    elif item_type == cadence.FOLLOW_UP and contact.met_on:
        due = cadence.follow_up_due_on(contact.met_on)
    elif item_type == cadence.KEEP_IN_TOUCH:
        interval = selectors.contact_interval(contact)
    until = cadence.skip_until(item_type, today=today, due=due, interval=interval)
    return item_hide(
        owner=owner, item_type=item_type, until=until, reason="skip", contact=contact, event=event
    )


def item_done(*, contact: Contact, item_type: str, today: dt.date, kind: str = "") -> Interaction:
    """Logs what the user did (sent a thank-you, called, ...) so the item leaves the list and
    the keep-in-touch interval starts again."""
    if kind not in DONE_KINDS:
        kind = "message"
    summaries = {
        cadence.FOLLOW_UP: _("Followed up after meeting"),
        cadence.KEEP_IN_TOUCH: _("Kept in touch"),
        cadence.RECONNECT: _("Reconnected after a long time"),
    }
    with transaction.atomic():
        Hidden.objects.filter(owner_id=contact.owner_id, contact=contact).delete()
        return contact_services.interaction_create(
            contact=contact,
            kind=kind,
            date=today,
            summary=summaries.get(item_type, ""),
            direction="sent",
        )


def interest_variants(interests: frozenset[str]) -> set[str]:
    """Spellings to look for in SQL. SQLite's LIKE folds case for ASCII letters only, so
    "Öppen" would not match "öppen"; the capitalised and upper-case forms cover that."""
    return {v for word in interests for v in (word, word.capitalize(), word.upper())}


def reconnect_candidates(
    *, owner, today: dt.date, months: int, limit: int, interests, exclude: Collection[int] = ()
):
    """The dormant contacts that can make the week's `limit` best, with what ranks them.

    The score (cadence.reconnect_score) is closeness, which SQL can compute, plus shared
    interests, which needs words. So SQL returns the `limit` best by closeness alone (same
    tie-breaks as cadence.reconnect_picks) and every contact whose topics or tags might
    share a word with the user's interests; whoever is in neither set cannot beat those
    `limit`. Contacts in `exclude` (already picked this week) are left out. One query, or
    three with interests (the matches and their tags), however many contacts are dormant."""
    n = (
        Interaction.objects.filter(contact=OuterRef("pk"))
        .order_by()
        .values("contact")
        .annotate(n=Count("*"))
        .values("n")
    )
    dormant = (
        expressions.with_keep_in_touch(
            Contact.objects.filter(owner=owner), expressions.interval_tags(owner=owner)
        )
        .filter(expressions.dormant(cadence.dormant_cutoff(today, months)))
        .filter(expressions.not_due_to_keep_in_touch(today))
        .exclude(contact_expressions.follow_up_open(today))
        .exclude(pk__in=list(exclude))
        .exclude(
            pk__in=Hidden.objects.filter(
                owner=owner, item_type=cadence.RECONNECT, until__gt=today, contact__isnull=False
            ).values("contact_id")
        )
        .annotate(
            n=Coalesce(Subquery(n, output_field=IntegerField()), 0),
        )
        .annotate(
            closeness=Least(F("n"), Value(10))
            + Case(When(kit_interval__isnull=False, then=Value(5)), default=Value(0)),
        )
    )
    fields = ("id", "kit_since", "kit_interval", "n", "talked_about")
    best = dormant.order_by("-closeness", "-kit_since", "id").values(*fields)[:limit]
    rows = list(best)
    if interests:
        wanted = Q()
        for word in interest_variants(interests):
            wanted |= Q(talked_about__icontains=word) | Q(tags__name__iexact=word)
        seen = {row["id"] for row in rows}
        matches = dormant.filter(wanted).order_by().distinct().values(*fields)
        rows += [row for row in matches if row["id"] not in seen]
    tags: dict[int, list[str]] = defaultdict(list)
    if interests:
        links = Contact.tags.through.objects.filter(contact_id__in=[r["id"] for r in rows])
        for contact_id, name in links.values_list("contact_id", "tag__name"):
            tags[contact_id].append(name.lower())
    return [
        cadence.ReconnectCandidate(
            contact_id=row["id"],
            since=row["kit_since"],
            interactions=row["n"],
            has_interval=row["kit_interval"] is not None,
            topics=cadence.words(row["talked_about"]) | frozenset(tags[row["id"]]),
        )
        for row in rows
    ]


def reconnect_picks_refresh(*, owner, prefs: ReminderSettings, today: dt.date) -> None:
    """Picks the week's reconnect suggestions: the few most valuable dormant contacts
    (cadence.reconnect_picks) that are not due otherwise and not hidden.

    Once a week (or after a settings change) the picks start afresh. Within the week they
    follow the data: when the contacts changed since the last pick (a new contact, an
    import, an edit; see expressions.data_stamp), free places are filled, never more than
    the weekly number in all; a pick already made stays, done or not, so marking a
    reconnect sent does not bring another one the same week. Nothing is read or written
    when neither the week nor the contacts changed, and the contacts are not even looked
    at once the week's picks are all made (expressions.PICKS_FULL)."""
    week = cadence.week_start(today)
    same_week = prefs.reconnect_week == week
    if same_week and prefs.reconnect_stamp == expressions.PICKS_FULL:
        return
    stamp = selectors.data_stamp_of(prefs)
    if same_week and prefs.reconnect_stamp == stamp:
        return
    kept = []
    if same_week:
        kept = list(
            ReconnectPick.objects.filter(owner=owner, week=week)
            .order_by("rank")
            .values_list("contact_id", flat=True)
        )
    room = prefs.reconnects_per_week - len(kept)
    picks = []
    if room > 0:
        interests = cadence.words(getattr(owner, "interests", ""))
        candidates = reconnect_candidates(
            owner=owner,
            today=today,
            months=prefs.dormant_after_months,
            limit=room,
            interests=interests,
            exclude=kept,
        )
        picks = cadence.reconnect_picks(candidates, interests=interests, limit=room)
    if len(kept) + len(picks) >= prefs.reconnects_per_week:
        stamp = expressions.PICKS_FULL
    with transaction.atomic():
        # Claimed with a filtered update, so two requests at once do not both add picks.
        claimed = ReminderSettings.objects.filter(
            pk=prefs.pk, reconnect_week=prefs.reconnect_week, reconnect_stamp=prefs.reconnect_stamp
        ).update(reconnect_week=week, reconnect_stamp=stamp)
        prefs.reconnect_week, prefs.reconnect_stamp = week, stamp
        if not claimed:
            return
        old = ReconnectPick.objects.filter(owner=owner)
        (old.exclude(week=week) if same_week else old).delete()
        ReconnectPick.objects.bulk_create(
            ReconnectPick(owner=owner, contact_id=p.contact_id, week=week, rank=len(kept) + n)
            for n, p in enumerate(picks)
        )


def onboarding_finish_if_done(*, user, prefs: ReminderSettings) -> None:
    """Once every step of the first-run guide is done or skipped, the guide is finished
    for good, as if dismissed: it does not come back if data is deleted later, and its
    facts are not read again."""
    if prefs.onboarding_dismissed:
        return
    if not selectors.onboarding_steps(user=user, prefs=prefs):
        onboarding_dismiss(prefs=prefs)


def today_prepare(*, owner, today: dt.date) -> ReminderSettings:
    """Everything the today list needs written before it is read: the settings row, the
    week's reconnect picks, the first-run guide finished once done."""
    prefs = reminder_settings_get(user=owner)
    reconnect_picks_refresh(owner=owner, prefs=prefs, today=today)
    onboarding_finish_if_done(user=owner, prefs=prefs)
    return prefs
