"""Reads for the composer, scoped through the contact's owner."""

from django.db.models import QuerySet

from mingel.compose.models import Draft
from mingel.contacts.models import Contact


def drafts_sent_to(contact: Contact) -> QuerySet[Draft]:
    """What the user has sent this contact through the composer, newest first."""
    return Draft.objects.filter(
        owner_id=contact.owner_id, contact=contact, sent_at__isnull=False
    ).order_by("-sent_at", "-id")


def compose_initial(*, contact: Contact, kind: str, lang: str, draft=None) -> dict:
    """The compose form's starting values: the draft (when there is one) with what the
    coach needs to judge it, and the channel the contact can be reached on."""
    return {
        "kind": kind,
        "lang": lang,
        "subject": draft.subject if draft else "",
        "body": draft.body if draft else "",
        "recipient": contact.name,
        "context": contact.talked_about,
        "channel": "email" if contact.email and kind == "reconnect" else "message",
    }
