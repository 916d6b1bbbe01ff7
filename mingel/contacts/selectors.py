"""Reads for contacts and interactions, always scoped to their owner."""

from django.db.models import Exists, F, OuterRef, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from mingel.contacts.models import Contact, Interaction, Tag
from mingel.search import selectors as search_selectors

SORTS = {
    "name": ("name", "id"),
    "-name": ("-name", "-id"),
    # PostgreSQL sorts NULL first when descending, SQLite last: say where contacts with no
    # interaction go, so both databases list them the same way.
    "recent": (F("last_interaction_on").desc(nulls_last=True), "name", "id"),
    "oldest": (F("last_interaction_on").asc(nulls_first=True), "name", "id"),
    "new": ("-created_at", "-id"),
}


def get_contact_for_user(user, pk) -> Contact:
    """The user's contact with this id, or 404 (also for another user's contact)."""
    return get_object_or_404(Contact, pk=pk, owner=user)


# The owner's "suggest reconnecting after" setting (followups.ReminderSettings), read by
# the reminders' write_links tag; None when the owner never saved reminder settings.
DORMANT_MONTHS = "owner_dormant_after_months"


def get_contact_detail_for_user(user, pk) -> Contact:
    """As get_contact_for_user, with what the detail page shows fetched too: the tags,
    and the owner's dormancy setting as DORMANT_MONTHS (a join in the same query, named
    by its path so contacts does not import the reminders app)."""
    contacts = Contact.objects.prefetch_related(
        Prefetch("tags", queryset=Tag.objects.order_by("name"))
    ).annotate(**{DORMANT_MONTHS: F("owner__reminder_settings__dormant_after_months")})
    return get_object_or_404(contacts, pk=pk, owner=user)


def get_interaction_for_user(user, pk) -> Interaction:
    return get_object_or_404(Interaction.objects.select_related("contact"), pk=pk, owner=user)


def contacts_list(*, owner, q: str = "", tag: str = "", sort: str = "") -> QuerySet[Contact]:
    """The owner's contacts, filtered and sorted, with their tags prefetched.

    `q` goes through the full-text search (`mingel.search`): every word must match a name,
    company, role, tag, topic, note or interaction summary, by prefix or by its Swedish or
    English stem. With `q`, the default sort (an empty or unknown `sort`, or "relevance")
    is best match first; without `q` it is by name."""
    contacts = Contact.objects.filter(owner=owner)
    order = SORTS.get(sort, SORTS["name"])
    if q.strip():
        ranked = sort not in SORTS
        contacts = search_selectors.contacts_matching(contacts, q, ranked=ranked)
        if ranked:
            order = search_selectors.RANKED
    if tag:
        contacts = contacts.filter(tags__owner=owner, tags__name__iexact=tag)
    return contacts.order_by(*order).prefetch_related(
        Prefetch("tags", queryset=Tag.objects.order_by("name"))
    )


def contact_timeline(contact: Contact) -> QuerySet[Interaction]:
    return contact.interactions.order_by("-date", "-id")


def tags_for_user(owner) -> QuerySet[Tag]:
    """The owner's tags that some contact has, by name, in one query: the filter offers
    no tag that would find nobody. A tag whose last contact went (deleted, edited,
    merged) stays in the table with any keep-in-touch interval set on it, and is in use
    again as soon as a contact gets it."""
    in_use = Contact.tags.through.objects.filter(tag_id=OuterRef("pk"))
    return Tag.objects.filter(owner=owner).filter(Exists(in_use)).order_by("name")


def interactions_list(*, owner, contact: Contact | None = None) -> QuerySet[Interaction]:
    """The owner's interactions, newest first, optionally of one (already scoped) contact."""
    interactions = Interaction.objects.filter(owner=owner)
    if contact is not None:
        interactions = interactions.filter(contact=contact)
    return interactions.order_by("-date", "-id")
