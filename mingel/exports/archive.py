"""The JSON archive of everything a user has: its format (docs/archive.md) and the writer.

The archive is written record by record, so a heavy user's 100,000 interactions never sit
in memory as one document. Ids in the archive are the exporting database's; they only link
records inside the archive (a contact's "event", an interaction's "contact") and are
replaced when the archive is restored.
"""

import datetime as dt
import json
from collections.abc import Iterable, Iterator

from mingel.accounts.services import PROFILE_FIELDS
from mingel.core import contact_fields
from mingel.exports import selectors
from mingel.followups.models import ReminderSettings

FORMAT = "mingel-archive"
VERSION = 1

# The calendar token is a secret capability, and the digest bookkeeping belongs to the
# server that sent the digests: neither travels in an archive.
REMINDER_FIELDS = ("dormant_after_months", "reconnects_per_week", "digest")
TAG_FIELDS = ("id", "name", "keep_in_touch_days")
EVENT_FIELDS = (
    "id",
    "name",
    "kind",
    "date",
    "start_time",
    "place",
    "goal_new_people",
    "questions",
    "pitch",
    "mention",
    "notes",
    "reflection",
    "energy_before",
    "energy_after",
    "reviewed_at",
    "created_at",
)
# "event" is the id of an event in the archive, "tags" a list of tag names. A contact's
# last interaction date is not stored: it follows from its interactions.
CONTACT_FIELDS = ("id", *contact_fields.FIELDS, "tags", "created_at")
# "body" (the text of a sent message) came later: archives without it restore as before.
INTERACTION_FIELDS = (
    "id",
    "contact",
    "kind",
    "date",
    "summary",
    "body",
    "direction",
    "created_at",
)
DRAFT_FIELDS = ("id", "contact", "kind", "lang", "subject", "body", "sent_at", "created_at")
SECTIONS = ("tags", "events", "contacts", "interactions", "drafts")
RECORDS_PER_CHUNK = 500


def encode(value):
    """JSON for the values the models hold: dates and times in ISO 8601, datetimes in UTC
    with their microseconds (DjangoJSONEncoder would cut them to milliseconds)."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to an archive")


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=encode)


def renamed(rows: Iterable[dict], names: dict[str, str]) -> Iterator[dict]:
    """Rows with database column names (contact_id) given their archive names (contact)."""
    for row in rows:
        yield {names.get(key, key): value for key, value in row.items()}


def profile_of(user) -> dict:
    return {field: getattr(user, field) for field in PROFILE_FIELDS}


def reminder_settings_of(user) -> dict | None:
    """The user's reminder settings, or None when they never saved any."""
    return ReminderSettings.objects.filter(user=user).values(*REMINDER_FIELDS).first()


def section_rows(owner, name: str) -> Iterator[dict]:
    if name == "tags":
        return selectors.rows(selectors.tags_of(owner), TAG_FIELDS)
    if name == "events":
        return selectors.rows(selectors.events_of(owner), EVENT_FIELDS)
    if name == "contacts":
        return contact_records(owner)
    if name == "interactions":
        fields = [f if f != "contact" else "contact_id" for f in INTERACTION_FIELDS]
        rows = selectors.rows(selectors.interactions_of(owner), fields)
        return renamed(rows, {"contact_id": "contact"})
    fields = [f if f != "contact" else "contact_id" for f in DRAFT_FIELDS]
    return renamed(selectors.rows(selectors.drafts_of(owner), fields), {"contact_id": "contact"})


def contact_records(owner) -> Iterator[dict]:
    tags = selectors.contact_tag_names(owner)
    fields = [f if f != "event" else "event_id" for f in CONTACT_FIELDS if f != "tags"]
    for row in renamed(selectors.rows(selectors.contacts_of(owner), fields), {"event_id": "event"}):
        row["tags"] = tags.get(row["id"], [])
        yield {field: row[field] for field in CONTACT_FIELDS}


def archive_chunks(owner, *, now: dt.datetime) -> Iterator[str]:
    """The archive as JSON text in chunks: a header object, then one record per line in
    each section, so the file is also readable and diffable by a person."""
    head = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now,
        "profile": profile_of(owner),
        "reminder_settings": reminder_settings_of(owner),
    }
    yield dumps(head)[:-1]  # leave the object open for the sections
    for name in SECTIONS:
        yield f',\n"{name}": ['
        chunk = []
        separator = "\n"
        for record in section_rows(owner, name):
            chunk.append(separator + dumps(record))
            separator = ",\n"
            if len(chunk) == RECORDS_PER_CHUNK:
                yield "".join(chunk)
                chunk = []
        yield "".join(chunk) + "\n]"
    yield "\n}\n"
