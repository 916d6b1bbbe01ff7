"""Writes for composed messages: marking one as sent logs it on the contact's timeline."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from mingel.compose.models import Draft
from mingel.contacts.models import Contact
from mingel.contacts.services import interaction_create

SUMMARY_LENGTH = 200


def sent_interaction_kind(kind: str, channel: str) -> str:
    """A connection note goes with a LinkedIn invitation; the others by message or email."""
    if kind == "connect":
        return "linkedin"
    return "email" if channel == "email" else "message"


def sent_summary(subject: str, body: str) -> str:
    """The subject when there is one, else the message's first non-blank line."""
    first_line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    summary = subject.strip() or first_line
    if len(summary) > SUMMARY_LENGTH:
        summary = summary[: SUMMARY_LENGTH - 1].rstrip() + "…"
    return summary


@transaction.atomic
def draft_mark_sent(
    *,
    owner,
    contact: Contact,
    kind: str,
    lang: str,
    body: str,
    subject: str = "",
    channel: str = "message",
    now: dt.datetime,
) -> Draft:
    """Keeps the text that was sent and logs a sent interaction dated today in the
    user's time zone, which also restarts the contact's keep-in-touch interval."""
    if contact.owner_id != owner.pk:
        raise ValueError("the contact belongs to another user")
    draft = Draft(
        owner=owner,
        contact=contact,
        kind=kind,
        lang=lang,
        subject=subject.strip(),
        body=body.strip(),
        sent_at=now,
    )
    draft.full_clean()
    draft.save()
    interaction_create(
        contact=contact,
        kind=sent_interaction_kind(kind, channel),
        date=timezone.localdate(now),
        summary=sent_summary(subject, body),
        body=draft.body,
        direction="sent",
    )
    return draft
