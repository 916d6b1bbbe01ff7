"""Reads for the composer, scoped through the contact's owner."""

import datetime as dt

from django.db.models import QuerySet
from django.utils import translation
from django.utils.formats import date_format

from mingel.compose.edits import fingerprint
from mingel.compose.models import Draft
from mingel.contacts.models import Contact
from mingel.core import compose as composer


def drafts_sent_to(contact: Contact) -> QuerySet[Draft]:
    """What the user has sent this contact through the composer, newest first."""
    return Draft.objects.filter(
        owner_id=contact.owner_id, contact=contact, sent_at__isnull=False
    ).order_by("-sent_at", "-id")


def compose_initial(
    *, contact: Contact, kind: str, lang: str, draft: composer.Draft, variant: int = 0
) -> dict:
    """The compose form's starting values: the draft with what the coach needs to judge
    it (the topic as the draft states it, not the raw note, which may be in the other
    language), its fingerprint, and the channel a reconnect email goes by when the
    contact has an address."""
    return {
        "kind": kind,
        "lang": lang,
        "variant": variant,
        "original": fingerprint(draft.subject, draft.body),
        "subject": draft.subject,
        "body": draft.body,
        "recipient": contact.name,
        "context": draft.context,
        "channel": "email" if contact.email and kind == "reconnect" else "message",
    }


def talked_about(contact: Contact) -> str:
    """What the two talked about: the contact's note, else the summary of the latest
    interaction that has one (not the user's own sent messages)."""
    if contact.talked_about.strip():
        return contact.talked_about
    summaries = (
        contact.interactions.exclude(summary="")
        .exclude(direction="sent")
        .order_by("-date", "-id")
        .values_list("summary", flat=True)
    )
    return summaries.first() or ""


def since_phrase(last: dt.date | None, *, lang: str, today: dt.date) -> str:
    """When the two were last in touch, as the composer writes it after "since": the year
    when it is more than a year ago, else the month ("March 2025", "mars 2025")."""
    if last is None:
        return ""
    if (today - last).days > 365:
        return str(last.year)
    with translation.override(lang):
        return date_format(last, "F Y")


def compose_scenario(*, user, contact: Contact, lang: str, today: dt.date) -> composer.Scenario:
    """Everything Mingel knows about the user and the contact, as the composer wants it."""
    event = contact.event.name if contact.event_id else contact.where_met
    return composer.Scenario(
        contact=composer.Contact(name=contact.name, company=contact.company, role=contact.role),
        me=composer.Me(
            name=user.name, doing=user.doing, interests=user.interests, update=user.lately
        ),
        context=talked_about(contact),
        event=event,
        since=since_phrase(contact.last_interaction_on or contact.met_on, lang=lang, today=today),
    )


def contact_draft(
    *, user, contact: Contact, kind: str, lang: str, variant: int, today: dt.date
) -> composer.Draft:
    """A composed draft for the contact; `variant` cycles through the phrasings."""
    scenario = compose_scenario(user=user, contact=contact, lang=lang, today=today)
    limit = user.connect_note_limit if kind == "connect" else None
    return composer.compose(kind, scenario, lang=lang, variant=variant, limit=limit)
