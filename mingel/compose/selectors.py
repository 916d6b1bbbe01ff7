"""Reads for the composer, scoped through the contact's owner."""

from django.db.models import QuerySet

from mingel.compose.models import Draft
from mingel.contacts.models import Contact


def drafts_sent_to(contact: Contact) -> QuerySet[Draft]:
    """What the user has sent this contact through the composer, newest first."""
    return Draft.objects.filter(
        owner_id=contact.owner_id, contact=contact, sent_at__isnull=False
    ).order_by("-sent_at", "-id")
