"""Reads for exports and the duplicates list, always scoped to their owner.

Exports read rows as dicts through `.iterator()`, so a heavy user's 100,000 interactions
stream through in chunks instead of being held as model instances; the tags of all contacts
come in one query up front, so the number of queries does not grow with the data.
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from mingel.compose.models import Draft
from mingel.contacts.models import Contact, Interaction, Tag
from mingel.contacts.services import CONTACT_FIELDS
from mingel.core.identity import match_keys
from mingel.events.models import Event

CHUNK = 2000

CONTACT_VALUES = (
    "id",
    *(f"{name}_id" if name == "event" else name for name in CONTACT_FIELDS),
    "last_interaction_on",
    "created_at",
    "updated_at",
)


def contact_tag_names(owner) -> dict[int, list[str]]:
    """Contact id -> its tag names in alphabetical order; one query for all contacts."""
    names: dict[int, list[str]] = {}
    rows = (
        Contact.tags.through.objects.filter(tag__owner=owner)
        .order_by("tag__name", "tag_id")
        .values_list("contact_id", "tag__name")
    )
    for contact_id, name in rows.iterator(chunk_size=CHUNK):
        names.setdefault(contact_id, []).append(name)
    return names


def event_names(owner) -> dict[int, str]:
    return dict(Event.objects.filter(owner=owner).values_list("id", "name"))


def event_details(owner) -> dict[int, dict]:
    """Event id -> {"name", "date", "kind"}, what a vCard says of a contact's event."""
    rows = Event.objects.filter(owner=owner).values("id", "name", "date", "kind")
    return {row.pop("id"): row for row in rows}


def contact_rows(owner) -> Iterator[dict]:
    """The owner's contacts as dicts in name order, each with "tags" (a list of names).

    Two queries however many contacts there are."""
    tags = contact_tag_names(owner)
    rows = Contact.objects.filter(owner=owner).order_by("name", "id").values(*CONTACT_VALUES)
    for row in rows.iterator(chunk_size=CHUNK):
        row["tags"] = tags.get(row["id"], [])
        yield row


def rows(queryset, fields) -> Iterator[dict]:
    """Rows of `queryset` as dicts of `fields`, in id order, fetched in chunks."""
    return queryset.order_by("id").values(*fields).iterator(chunk_size=CHUNK)


def tags_of(owner):
    return Tag.objects.filter(owner=owner)


def events_of(owner):
    return Event.objects.filter(owner=owner)


def contacts_of(owner):
    return Contact.objects.filter(owner=owner)


def interactions_of(owner):
    return Interaction.objects.filter(owner=owner)


def drafts_of(owner):
    return Draft.objects.filter(owner=owner)


def account_has_data(owner) -> bool:
    """Whether the account holds any contact, tag or event (interactions and drafts belong
    to contacts, so they cannot exist without one)."""
    return contacts_of(owner).exists() or tags_of(owner).exists() or events_of(owner).exists()


DUPLICATE_VALUES = ("id", "name", "company", "role", "email", "linkedin_url")
# Which key two contacts share, in the order the duplicates list names the reasons.
KEY_KINDS = ("email", "linkedin", "name")


@dataclass(frozen=True)
class DuplicatePair:
    """Two contacts (as dicts of DUPLICATE_VALUES) that share at least one match key;
    `first` is the older record, the one a merge keeps by default."""

    first: dict
    second: dict
    reasons: tuple[str, ...]

    @property
    def people(self) -> tuple[dict, dict]:
        return (self.first, self.second)


def duplicate_pairs(*, owner) -> list[DuplicatePair]:
    """Pairs of the owner's contacts that look like one person, in one query.

    Contacts are grouped by each match key (core.identity); in a group of several, each is
    paired with the oldest, so merging the pairs one by one folds the whole group together.
    """
    contacts = {}
    groups: dict[str, list[int]] = defaultdict(list)
    rows = Contact.objects.filter(owner=owner).order_by("id").values(*DUPLICATE_VALUES)
    for row in rows.iterator(chunk_size=CHUNK):
        keys = match_keys(
            name=row["name"],
            company=row["company"],
            email=row["email"],
            linkedin_url=row["linkedin_url"],
        )
        if keys:
            contacts[row["id"]] = row
        for key in keys:
            groups[key].append(row["id"])
    reasons: dict[tuple[int, int], set[str]] = defaultdict(set)
    for key, ids in groups.items():
        for other in ids[1:]:
            reasons[(ids[0], other)].add(key.split(":", 1)[0])
    return [
        DuplicatePair(
            first=contacts[a],
            second=contacts[b],
            reasons=tuple(k for k in KEY_KINDS if k in reasons[(a, b)]),
        )
        for a, b in sorted(reasons)
    ]


def account_counts(owner) -> dict[str, int]:
    return {
        "contacts": contacts_of(owner).count(),
        "interactions": interactions_of(owner).count(),
        "events": events_of(owner).count(),
    }
