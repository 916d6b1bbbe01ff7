"""Reading an archive back: every record is checked before anything is written, so a bad
archive is refused whole with a message that says where it is wrong.

`parse_archive` returns unsaved model instances with the archive's ids still attached;
`services.archive_restore` writes them and links them by their new ids.
"""

import datetime as dt
import json
import zoneinfo
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _

from mingel.accounts.models import User
from mingel.compose.models import Draft
from mingel.contacts.models import Contact, Interaction, Tag
from mingel.contacts.validators import stored_text_errors
from mingel.events.models import Event
from mingel.exports import archive
from mingel.followups.models import ReminderSettings

# An archive is read whole; a heavy user's (10,000 contacts, 100,000 interactions) is
# about 30 MB, so this leaves ample room without letting one upload exhaust the server.
MAX_BYTES = 200 * 1024 * 1024


class ArchiveError(ValueError):
    """An archive that cannot be restored; the message says why, for the user."""


@dataclass
class Parsed:
    """A checked archive: unsaved objects, each with `archive_id` (and the archive ids of
    what it links to) set as plain attributes."""

    profile: dict
    reminder_settings: dict | None
    tags: list[Tag] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in archive.SECTIONS}


class NotANumber(ValueError):
    pass


def no_constant(name: str):
    """Infinity, -Infinity and NaN: Python's json reads them, JSON has none."""
    raise NotANumber(name)


def load(data: bytes) -> dict:
    """The archive's JSON object; ArchiveError when it is not JSON or too large."""
    if len(data) > MAX_BYTES:
        raise ArchiveError(_("The file is too large to be a Mingel archive."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ArchiveError(_("The file is not a Mingel archive (it is not UTF-8 text).")) from None
    try:
        document = json.loads(text, parse_constant=no_constant)
    except NotANumber as exc:
        raise ArchiveError(
            _("The file is not a Mingel archive (%(value)s is not a number JSON allows).")
            % {"value": exc.args[0]}
        ) from None
    except (json.JSONDecodeError, RecursionError) as exc:
        line = getattr(exc, "lineno", "?")
        raise ArchiveError(
            _("The file is not a Mingel archive (not valid JSON, line %(line)s).") % {"line": line}
        ) from None
    if not isinstance(document, dict) or document.get("format") != archive.FORMAT:
        raise ArchiveError(_("The file is not a Mingel archive."))
    if document.get("version") != archive.VERSION:
        raise ArchiveError(
            _("This archive has version %(version)s; this Mingel reads version %(ours)s.")
            % {"version": document.get("version"), "ours": archive.VERSION}
        )
    return document


def where(section: str, index: int, record) -> str:
    """How a message names a record: its section and position, and its name when it has one."""
    label = f"{section} #{index + 1}"
    name = record.get("name") if isinstance(record, dict) else None
    # A name that cannot be stored cannot be shown either (a lone surrogate breaks UTF-8).
    if isinstance(name, str) and name and not stored_text_errors({"name": name}):
        label += f" ({name[:60]})"
    return label


def first_error(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        name, errors = next(iter(error.message_dict.items()))
        return f"{name}: {errors[0]}"
    return error.messages[0]


def check_lengths(obj) -> None:
    """ValidationError when a text is longer than its field allows. full_clean() does not
    check a TextField's max_length (only its form field does), so an archive or a merge
    could otherwise store notes no form would accept."""
    for f in obj._meta.concrete_fields:
        value = getattr(obj, f.attname)
        if f.max_length and isinstance(value, str) and len(value) > f.max_length:
            try:
                MaxLengthValidator(f.max_length)(value)
            except ValidationError as exc:
                raise ValidationError({f.name: exc.messages}) from None


def clean_values(model, values: dict) -> dict:
    """The record's values converted and checked by their model fields (dates from ISO
    strings, choices, ranges, lengths); ValidationError naming the first bad field.

    Like Model.clean_fields() for the given fields only, plus the length of text fields,
    and without building each field's default first: an archive has 100,000 of these."""
    cleaned = {}
    for name, raw in values.items():
        f = model._meta.get_field(name)
        try:
            if raw is None and not f.null:
                raise ValidationError(f.error_messages["null"], code="null")
            if f.blank and raw in f.empty_values:
                cleaned[name] = None if f.null else raw
                continue
            value = f.clean(raw, None)
            if f.max_length and isinstance(value, str) and len(value) > f.max_length:
                MaxLengthValidator(f.max_length)(value)
        except ValidationError as exc:
            raise ValidationError({name: exc.messages}) from None
        cleaned[name] = value
    return cleaned


def make_aware(value):
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def build(model, section: str, index: int, record, fields, links=()) -> object:
    """A checked, unsaved instance of `model` from one archive record.

    `links` are fields holding archive ids of other records; they are kept as attributes
    named after the field, for the caller to check and resolve."""
    if not isinstance(record, dict):
        raise ArchiveError(
            _("%(where)s is not an object.") % {"where": where(section, index, record)}
        )
    unknown = sorted(set(record) - set(fields))
    if unknown:
        raise ArchiveError(
            _("%(where)s has an unknown field: %(field)s.")
            % {"where": where(section, index, record), "field": unknown[0]}
        )
    if not is_id(record.get("id")):
        raise ArchiveError(
            _("%(where)s has no valid id.") % {"where": where(section, index, record)}
        )
    values = {k: v for k, v in record.items() if k not in links and k not in ("id", "tags")}
    nested = [k for k, v in values.items() if isinstance(v, dict | list) and k != "questions"]
    if nested:
        raise ArchiveError(
            _("%(where)s is invalid: %(error)s")
            % {"where": where(section, index, record), "error": nested[0]}
        )
    if bad := stored_text_errors(values):
        name, message = next(iter(bad.items()))
        raise ArchiveError(
            _("%(where)s is invalid: %(error)s")
            % {"where": where(section, index, record), "error": f"{name}: {message}"}
        )
    try:
        obj = model(**clean_values(model, values))
    except ValidationError as exc:
        raise ArchiveError(
            _("%(where)s is invalid: %(error)s")
            % {"where": where(section, index, record), "error": first_error(exc)}
        ) from None
    for f in ("created_at", "reviewed_at", "sent_at"):
        if hasattr(obj, f):
            setattr(obj, f, make_aware(getattr(obj, f)))
    # Kept apart: saving overwrites created_at (auto_now_add); the service puts it back.
    obj.archive_created_at = getattr(obj, "created_at", None)
    obj.archive_id = record["id"]
    for link in links:
        setattr(obj, f"archive_{link}", record.get(link))
    return obj


def is_id(value) -> bool:
    # Within a 64-bit integer: a larger one would overflow the database's lookup.
    return isinstance(value, int) and not isinstance(value, bool) and -(2**63) <= value < 2**63


def section(document: dict, name: str) -> list:
    records = document.get(name, [])
    if not isinstance(records, list):
        raise ArchiveError(_("The archive's %(section)s is not a list.") % {"section": name})
    return records


def unique_ids(objects, name: str) -> dict:
    by_id = {}
    for index, obj in enumerate(objects):
        if obj.archive_id in by_id:
            raise ArchiveError(
                _("%(where)s repeats the id %(id)s.")
                % {"where": f"{name} #{index + 1}", "id": obj.archive_id}
            )
        by_id[obj.archive_id] = obj
    return by_id


def check_link(obj, name: str, index: int, link: str, targets: dict, *, required: bool):
    value = getattr(obj, f"archive_{link}")
    if value is None and not required:
        return
    if not is_id(value) or value not in targets:
        raise ArchiveError(
            _("%(where)s refers to %(link)s %(id)s, which is not in the archive.")
            % {
                "where": where(name, index, {"name": getattr(obj, "name", "")}),
                "link": link,
                "id": value,
            }
        )


def parse_profile(document: dict) -> dict:
    profile = document.get("profile", {})
    if not isinstance(profile, dict):
        raise ArchiveError(_("The archive's profile is not an object."))
    unknown = sorted(set(profile) - set(archive.PROFILE_FIELDS))
    if unknown:
        raise ArchiveError(
            _("The profile has an unknown field: %(field)s.") % {"field": unknown[0]}
        )
    if bad := stored_text_errors(profile):
        name, message = next(iter(bad.items()))
        raise ArchiveError(_("The profile is invalid: %(error)s") % {"error": f"{name}: {message}"})
    clean = {}
    for name, value in profile.items():
        try:
            clean[name] = User._meta.get_field(name).clean(value, None)
        except ValidationError as exc:
            raise ArchiveError(
                _("The profile is invalid: %(error)s") % {"error": f"{name}: {exc.messages[0]}"}
            ) from None
    if "time_zone" in clean and clean["time_zone"] not in zoneinfo.available_timezones():
        raise ArchiveError(
            _("The profile is invalid: %(error)s")
            % {"error": f"time_zone: {clean['time_zone'][:64]}"}
        )
    return clean


def parse_reminder_settings(document: dict) -> dict | None:
    settings = document.get("reminder_settings")
    if settings is None:
        return None
    if not isinstance(settings, dict) or set(settings) - set(archive.REMINDER_FIELDS):
        raise ArchiveError(_("The archive's reminder settings are invalid."))
    try:
        return {
            name: ReminderSettings._meta.get_field(name).clean(value, None)
            for name, value in settings.items()
        }
    except ValidationError as exc:
        raise ArchiveError(
            _("The archive's reminder settings are invalid: %(error)s") % {"error": exc.messages[0]}
        ) from None


def parse_archive(data: bytes) -> Parsed:
    """A checked archive, or ArchiveError naming the first problem found."""
    document = load(data)
    parsed = Parsed(
        profile=parse_profile(document), reminder_settings=parse_reminder_settings(document)
    )
    parsed.tags = [
        build(Tag, "tags", i, r, archive.TAG_FIELDS)
        for i, r in enumerate(section(document, "tags"))
    ]
    unique_ids(parsed.tags, "tags")
    tag_names = {}
    for index, tag in enumerate(parsed.tags):
        if tag.name.lower() in tag_names:
            raise ArchiveError(
                _("%(where)s repeats the tag name %(name)s.")
                % {"where": where("tags", index, {}), "name": tag.name}
            )
        tag_names[tag.name.lower()] = tag
    parsed.events = [
        build(Event, "events", i, r, archive.EVENT_FIELDS)
        for i, r in enumerate(section(document, "events"))
    ]
    for index, event in enumerate(parsed.events):
        if not isinstance(event.questions, list) or not all(
            isinstance(q, str) for q in event.questions
        ):
            raise ArchiveError(
                _("%(where)s is invalid: %(error)s")
                % {"where": where("events", index, {"name": event.name}), "error": "questions"}
            )
    events = unique_ids(parsed.events, "events")
    parsed.contacts = []
    for index, record in enumerate(section(document, "contacts")):
        contact = build(
            Contact, "contacts", index, record, archive.CONTACT_FIELDS, links=("event",)
        )
        check_link(contact, "contacts", index, "event", events, required=False)
        contact.tag_objects = parse_contact_tags(record, index, tag_names)
        parsed.contacts.append(contact)
    contacts = unique_ids(parsed.contacts, "contacts")
    for name, model, fields in (
        ("interactions", Interaction, archive.INTERACTION_FIELDS),
        ("drafts", Draft, archive.DRAFT_FIELDS),
    ):
        objects = []
        for index, record in enumerate(section(document, name)):
            obj = build(model, name, index, record, fields, links=("contact",))
            check_link(obj, name, index, "contact", contacts, required=True)
            objects.append(obj)
        unique_ids(objects, name)
        setattr(parsed, name, objects)
    return parsed


def parse_contact_tags(record: dict, index: int, tag_names: dict) -> list[Tag]:
    names = record.get("tags", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ArchiveError(
            _("%(where)s is invalid: %(error)s")
            % {"where": where("contacts", index, record), "error": "tags"}
        )
    missing = [n for n in names if n.lower() not in tag_names]
    if missing:
        raise ArchiveError(
            _("%(where)s has the tag %(name)s, which is not in the archive's tags.")
            % {"where": where("contacts", index, record), "name": missing[0]}
        )
    # "Mentor" and "mentor" are one tag; link it once.
    return list({n.lower(): tag_names[n.lower()] for n in names}.values())
