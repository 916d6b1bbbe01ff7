"""Reads for contacts and interactions, always scoped to their owner."""

from django.db.models import F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from mingel.contacts.models import Contact, Interaction, Tag

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


def get_contact_detail_for_user(user, pk) -> Contact:
    """As get_contact_for_user, with what the detail page shows (tags) fetched too."""
    contacts = Contact.objects.prefetch_related(
        Prefetch("tags", queryset=Tag.objects.order_by("name"))
    )
    return get_object_or_404(contacts, pk=pk, owner=user)


def get_interaction_for_user(user, pk) -> Interaction:
    return get_object_or_404(Interaction.objects.select_related("contact"), pk=pk, owner=user)


def contacts_search_filter(q: str) -> Q:
    """A plain substring match over the text fields and tags, every word must match."""
    condition = Q()
    for word in q.split():
        condition &= (
            Q(name__icontains=word)
            | Q(company__icontains=word)
            | Q(role__icontains=word)
            | Q(talked_about__icontains=word)
            | Q(notes__icontains=word)
            | Q(tags__name__icontains=word)
        )
    return condition


def contacts_list(*, owner, q: str = "", tag: str = "", sort: str = "name") -> QuerySet[Contact]:
    """The owner's contacts, filtered and sorted, with their tags prefetched."""
    contacts = Contact.objects.filter(owner=owner)
    if q.strip():
        matching = Contact.objects.filter(owner=owner).filter(contacts_search_filter(q))
        contacts = contacts.filter(pk__in=matching.values("pk"))
    if tag:
        contacts = contacts.filter(tags__owner=owner, tags__name__iexact=tag)
    order = SORTS.get(sort, SORTS["name"])
    return contacts.order_by(*order).prefetch_related(
        Prefetch("tags", queryset=Tag.objects.order_by("name"))
    )


def contact_timeline(contact: Contact) -> QuerySet[Interaction]:
    return contact.interactions.order_by("-date", "-id")


def tags_for_user(owner) -> QuerySet[Tag]:
    return Tag.objects.filter(owner=owner).order_by("name")


def interactions_list(*, owner, contact: Contact | None = None) -> QuerySet[Interaction]:
    """The owner's interactions, newest first, optionally of one (already scoped) contact."""
    interactions = Interaction.objects.filter(owner=owner)
    if contact is not None:
        interactions = interactions.filter(contact=contact)
    return interactions.order_by("-date", "-id")
