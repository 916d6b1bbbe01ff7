"""Writes of the exports app: restoring an archive and merging two contacts.

Every write of a restore or a merge happens inside these functions, in one transaction,
so whatever must follow a change of contacts (a search index, for one) has one place to
hook in.
"""

from dataclasses import dataclass

from django.db import connection, transaction

from mingel.accounts.models import User
from mingel.compose.models import Draft
from mingel.contacts.models import Contact, Interaction, Tag
from mingel.contacts.services import CONTACT_FIELDS, contact_refresh_last_interaction
from mingel.events.models import Event
from mingel.exports import selectors
from mingel.exports.restore import ArchiveError, Parsed, check_lengths
from mingel.followups.models import ReminderSettings
from mingel.search.services import search_reindex, search_reindex_all

BATCH = 1000
# A merge picks among the fields a user edits on the contact form.
MERGE_FIELDS = CONTACT_FIELDS


class AccountNotEmpty(ArchiveError):
    """Restoring into an account that already holds data would mix two sets of contacts."""


def create_keeping_created_at(model, objects: list) -> list:
    """bulk_create, then the archive's creation times put back: `auto_now_add` overwrites
    them on insert, and when a contact was added matters (the "new" sort, draft history).

    One UPDATE by primary key per row through executemany: bulk_update() builds a CASE
    expression per batch in Python, which takes minutes for 100,000 interactions."""
    model.objects.bulk_create(objects, batch_size=BATCH)
    field = model._meta.get_field("created_at")
    quote = connection.ops.quote_name
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {quote(field.column)} = %s "
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )
    rows = [
        (field.get_db_prep_value(obj.archive_created_at, connection), obj.pk)
        for obj in objects
        if obj.archive_created_at is not None
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH * 10):
            cursor.executemany(sql, rows[start : start + BATCH * 10])
    return objects


@transaction.atomic
def archive_restore(*, owner: User, parsed: Parsed) -> dict[str, int]:
    """Writes a checked archive into `owner`'s account and returns how many records of each
    kind it restored. Refuses (AccountNotEmpty, nothing written) when the account already
    has contacts, tags or events; all or nothing."""
    from django.utils.translation import gettext as _

    # Lock the account row so two restores into one empty account cannot both pass the
    # check below (SQLite serialises writers anyway).
    User.objects.select_for_update().filter(pk=owner.pk).first()
    if selectors.account_has_data(owner):
        raise AccountNotEmpty(
            _(
                "Your account already has contacts, tags or events. An archive can only be "
                "restored into an empty account, so nothing was changed."
            )
        )
    if parsed.profile:
        for name, value in parsed.profile.items():
            setattr(owner, name, value)
        owner.save(update_fields=list(parsed.profile))
    if parsed.reminder_settings is not None:
        ReminderSettings.objects.update_or_create(user=owner, defaults=parsed.reminder_settings)

    for tag in parsed.tags:
        tag.owner = owner
    Tag.objects.bulk_create(parsed.tags, batch_size=BATCH)
    events = {}
    for event in parsed.events:
        event.owner = owner
        events[event.archive_id] = event
    create_keeping_created_at(Event, parsed.events)

    # The denormalised date of each contact's latest interaction, known before the insert.
    latest = {}
    for interaction in parsed.interactions:
        key = interaction.archive_contact
        if key not in latest or interaction.date > latest[key]:
            latest[key] = interaction.date
    contacts = {}
    for contact in parsed.contacts:
        contact.owner = owner
        contact.event = events.get(contact.archive_event)
        contact.last_interaction_on = latest.get(contact.archive_id)
        contacts[contact.archive_id] = contact
    create_keeping_created_at(Contact, parsed.contacts)
    through = Contact.tags.through
    through.objects.bulk_create(
        [through(contact_id=c.pk, tag_id=t.pk) for c in parsed.contacts for t in c.tag_objects],
        batch_size=BATCH,
    )
    for name, model in (("interactions", Interaction), ("drafts", Draft)):
        objects = getattr(parsed, name)
        for obj in objects:
            obj.owner = owner
            obj.contact = contacts[obj.archive_contact]
        create_keeping_created_at(model, objects)

    search_reindex_all(owner=owner)
    return parsed.counts()


@dataclass(frozen=True)
class MergeResult:
    contact: Contact
    moved_interactions: int
    moved_drafts: int


@transaction.atomic
def contacts_merge(*, keep: Contact, other: Contact, values: dict) -> MergeResult:
    """Merges `other` into `keep`, both of one owner: `keep` takes the given field values,
    the union of both contacts' tags, every interaction and draft of `other`, and the
    earlier creation time; `other` is deleted. ValidationError (nothing changed) when the
    chosen values do not fit together, e.g. combined notes that are too long."""
    if keep.owner_id != other.owner_id or keep.pk == other.pk:
        raise ValueError("merge needs two different contacts of one owner")
    unknown = set(values) - set(MERGE_FIELDS)
    if unknown:
        raise TypeError(f"unknown contact fields: {', '.join(sorted(unknown))}")
    for name, value in values.items():
        setattr(keep, name, value)
    keep.created_at = min(keep.created_at, other.created_at)
    keep.full_clean()
    check_lengths(keep)
    keep.save()
    keep.tags.add(*other.tags.all())
    moved = Interaction.objects.filter(contact=other).update(contact=keep)
    drafts = Draft.objects.filter(contact=other).update(contact=keep)
    contact_refresh_last_interaction(keep)
    other.delete()
    search_reindex(contact_ids=[keep.pk])
    return MergeResult(contact=keep, moved_interactions=moved, moved_drafts=drafts)
