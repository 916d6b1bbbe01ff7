"""Writes for contacts, tags and interactions. Views, the API and the CLI all come here."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from mingel.contacts.models import Contact, Interaction, Tag
from mingel.core import contact_fields
from mingel.search.services import search_reindex

CONTACT_FIELDS = contact_fields.FIELDS
INTERACTION_FIELDS = ("kind", "date", "summary", "body", "direction")


def clean_tag_names(names: Iterable[str]) -> list[str]:
    """The tags as the importers clean them too (core.contact_fields.clean_tag_names).

    A tag longer than a tag may be is a ValidationError on "tags" (never cut short in
    silence: two long tags cut to the same start would become one)."""
    tags, too_long = contact_fields.clean_tag_names(names)
    if too_long:
        raise ValidationError(
            {
                "tags": _("A tag can be at most %(limit)s characters: “%(tag)s…”.")
                % {"limit": contact_fields.TAG_LIMIT, "tag": too_long[:20]}
            },
            code="max_length",
        )
    return tags


def tags_get_or_create(*, owner, names: Iterable[str]) -> list[Tag]:
    wanted = clean_tag_names(names)
    key = contact_fields.tag_key
    existing = {key(t.name): t for t in Tag.objects.filter(owner=owner)}
    tags = []
    for name in wanted:
        tag = existing.get(key(name))
        if tag is None:
            tag = Tag.objects.create(owner=owner, name=name)
            existing[key(name)] = tag
        tags.append(tag)
    return tags


@transaction.atomic
def contact_create(*, owner, name: str, tags: Iterable[str] = (), **fields) -> Contact:
    """Creates a contact; a `met_on` date also logs the meeting on its timeline."""
    unknown = set(fields) - set(CONTACT_FIELDS)
    if unknown:
        raise TypeError(f"unknown contact fields: {', '.join(sorted(unknown))}")
    contact = Contact(owner=owner, name=name, **fields)
    contact.full_clean()
    contact.save()
    if tags:
        contact.tags.set(tags_get_or_create(owner=owner, names=tags))
    if contact.met_on:
        _interaction_add(
            contact=contact,
            kind="met",
            date=contact.met_on,
            summary=contact.talked_about,
        )
    search_reindex(contact_ids=[contact.pk])
    return contact


@transaction.atomic
def contact_update(*, contact: Contact, tags: Iterable[str] | None = None, **fields) -> Contact:
    """Changes the given fields (and the tags, when given); other fields stay as they are."""
    unknown = set(fields) - set(CONTACT_FIELDS)
    if unknown:
        raise TypeError(f"unknown contact fields: {', '.join(sorted(unknown))}")
    for field, value in fields.items():
        setattr(contact, field, value)
    contact.full_clean()
    contact.save()
    if tags is not None:
        contact.tags.set(tags_get_or_create(owner=contact.owner, names=tags))
    search_reindex(contact_ids=[contact.pk])
    return contact


def contact_delete(*, contact: Contact) -> None:
    """Deletes the contact, its interactions and (by cascade) its search document."""
    contact.delete()


def contact_refresh_last_interaction(contact: Contact) -> None:
    """Recomputes the denormalised date of the contact's latest interaction."""
    latest = contact.interactions.aggregate(latest=Max("date"))["latest"]
    if latest != contact.last_interaction_on:
        contact.last_interaction_on = latest
        Contact.objects.filter(pk=contact.pk).update(last_interaction_on=latest)


@transaction.atomic
def interaction_create(
    *,
    contact: Contact,
    kind: str,
    date: dt.date,
    summary: str = "",
    direction: str = "none",
    body: str = "",
) -> Interaction:
    """Logs an interaction; any interaction restarts the contact's keep-in-touch interval.
    `body` is the text of a message that was sent, when there is one."""
    interaction = _interaction_add(
        contact=contact, kind=kind, date=date, summary=summary, direction=direction, body=body
    )
    search_reindex(contact_ids=[contact.pk])
    return interaction


def _interaction_add(
    *,
    contact: Contact,
    kind: str,
    date: dt.date,
    summary: str,
    direction: str = "none",
    body: str = "",
) -> Interaction:
    """interaction_create without the search reindex, for callers that reindex anyway."""
    interaction = Interaction(
        owner_id=contact.owner_id,
        contact=contact,
        kind=kind,
        date=date,
        summary=summary,
        body=body,
        direction=direction,
    )
    interaction.full_clean()
    interaction.save()
    if contact.last_interaction_on is None or date > contact.last_interaction_on:
        contact.last_interaction_on = date
        Contact.objects.filter(pk=contact.pk).update(last_interaction_on=date)
    return interaction


@transaction.atomic
def interaction_update(*, interaction: Interaction, **fields) -> Interaction:
    unknown = set(fields) - set(INTERACTION_FIELDS) - {"contact"}
    if unknown:
        raise TypeError(f"unknown interaction fields: {', '.join(sorted(unknown))}")
    old_contact = interaction.contact
    for field, value in fields.items():
        setattr(interaction, field, value)
    interaction.full_clean()
    interaction.save()
    contact_refresh_last_interaction(interaction.contact)
    if old_contact.pk != interaction.contact_id:
        contact_refresh_last_interaction(old_contact)
    search_reindex(contact_ids={old_contact.pk, interaction.contact_id})
    return interaction


@transaction.atomic
def interaction_delete(*, interaction: Interaction) -> None:
    contact = interaction.contact
    interaction.delete()
    contact_refresh_last_interaction(contact)
    search_reindex(contact_ids=[contact.pk])
