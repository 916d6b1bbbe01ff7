"""Deciding, row by row, what an import does: create a contact, fill in an existing one,
or nothing (a duplicate). Pure bookkeeping: the caller loads the user's contacts into a
`Planner` once, feeds it records, and writes what it says (mingel/imports/services.py).

Two rows are one person when they share a match key (mingel.core.identity). An existing
contact is never overwritten: an import only fills fields that are empty, adds tags and
adds the LinkedIn connection date, so importing the same file twice changes nothing the
second time.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from mingel.core.contact_fields import FIELDS, TAGS_PER_CONTACT, tag_key
from mingel.core.identity import normalise_linkedin_url
from mingel.core.importers.clean import import_keys
from mingel.core.importers.model import EventRef, Record, RowError

# What an import fills in an existing contact (when empty), in the order a preview lists
# it: every field but the name, which the contact is found by.
FILLABLE = tuple(f for f in FIELDS if f != "name")
# Long texts: the planner knows of an existing contact only whether it has one, not the
# text (a heavy user's notes would fill the memory for nothing).
PRESENCE_ONLY = ("notes", "talked_about")
PREVIEW_CHARS = 120  # of a new value shown in a preview
KEY_ORDER = ("email:", "linkedin:", "name:", "bare:")
KEEP_ERRORS = 1000  # errors listed in a summary; the count covers all of them


class Person:
    """What the planner knows of one contact: an existing one (`id` set, `line` None) or
    one this import creates (`line` of the row that created it; `id` once it is written)."""

    __slots__ = (
        "company",
        "dirty",
        "email",
        "event",
        "has_notes",
        "has_talked_about",
        "id",
        "keep_in_touch_days",
        "last_interaction_on",
        "line",
        "linkedin_dates",
        "linkedin_url",
        "met_on",
        "name",
        "new_dates",
        "new_tags",
        "notes",
        "phone",
        "role",
        "tag_keys",
        "tags_left_out",
        "talked_about",
        "where_met",
    )

    def __init__(
        self,
        *,
        id=None,
        line=None,
        name="",
        has_notes=False,
        notes="",
        has_talked_about=False,
        talked_about="",
        **values,
    ):
        self.id, self.line, self.name = id, line, name
        for f in ("company", "role", "email", "phone", "linkedin_url", "where_met"):
            setattr(self, f, values.get(f, "") or "")
        self.notes = notes
        self.has_notes = has_notes or bool(notes)
        self.talked_about = talked_about
        self.has_talked_about = has_talked_about or bool(talked_about)
        self.met_on: dt.date | None = values.get("met_on")
        self.keep_in_touch_days: int | None = values.get("keep_in_touch_days")
        # An existing contact's event id, or the EventRef a new value names (the writer
        # finds or creates the event).
        self.event = values.get("event")
        self.last_interaction_on: dt.date | None = values.get("last_interaction_on")
        # Tuples, not sets: a planner holds one Person per contact, and most have no tag,
        # one connection date and nothing to change; an empty set costs 216 bytes.
        self.tag_keys: tuple[str, ...] = tuple(values.get("tag_keys", ()))
        self.linkedin_dates: tuple[dt.date, ...] = tuple(values.get("linkedin_dates", ()))
        self.dirty: tuple[str, ...] = ()
        self.new_tags: tuple[str, ...] = ()
        self.tags_left_out = 0  # by the last merge: tags beyond TAGS_PER_CONTACT
        self.new_dates: tuple[dt.date, ...] = ()

    @property
    def is_new(self) -> bool:
        return self.line is not None

    def keys(self) -> frozenset[str]:
        return import_keys(
            name=self.name, company=self.company, email=self.email, linkedin_url=self.linkedin_url
        )

    def merge(self, record: Record, *, show: bool = True) -> dict[str, str]:
        """Fills this person's empty fields from `record`, adds its tags and connection
        date. Returns what changed, in FILLABLE order then 'tags' and 'linkedin': each
        with its new value as a preview shows it (the old value is always empty: nothing
        is overwritten; for tags, the tags added; for linkedin, the connection date).
        Without `show` the values are '' (a new person's row needs none: cheaper)."""
        changed: dict[str, str] = {}
        for f in FILLABLE:
            value = getattr(record, f)
            if not value:  # '', None (an interval is never 0)
                continue
            if f in PRESENCE_ONLY:
                flag = "has_" + f
                if getattr(self, flag):
                    continue
                setattr(self, flag, True)
            elif getattr(self, f) not in (None, ""):
                continue
            setattr(self, f, value)
            changed[f] = shown(value) if show else ""
        dirty = [f for f in changed if f not in self.dirty]
        added = self.add_tags(record.tags)
        if added:
            changed["tags"] = shown(", ".join(added)) if show else ""
        day = record.connected_on
        if day is not None and day not in self.linkedin_dates:
            self.linkedin_dates += (day,)
            self.new_dates += (day,)
            if self.last_interaction_on is None or day > self.last_interaction_on:
                self.last_interaction_on = day
                if "last_interaction_on" not in self.dirty:
                    dirty.append("last_interaction_on")
            changed["linkedin"] = day.isoformat()
        if dirty:
            self.dirty += tuple(dirty)
        return changed

    def add_tags(self, tags: Iterable[str]) -> list[str]:
        """Adds the tags this person lacks (by tag_key), up to TAGS_PER_CONTACT in all;
        returns those added. Linear: one set per call, never a tuple scan per tag (a
        card of 40,000 categories took minutes)."""
        self.tags_left_out = 0
        room = TAGS_PER_CONTACT - len(self.tag_keys)
        if not tags:
            return []
        if room <= 0:
            self.tags_left_out = sum(1 for t in tags if tag_key(t) not in self.tag_keys)
            return []
        have = set(self.tag_keys)
        added: list[str] = []
        for tag in tags:
            key = tag_key(tag)
            if key in have:
                continue
            if len(added) >= room:
                self.tags_left_out += 1
                continue
            have.add(key)
            added.append(tag)
        if added:
            self.tag_keys += tuple(tag_key(t) for t in added)
            self.new_tags += tuple(added)
        return added


def shown(value) -> str:
    """A value as a preview lists it: dates in ISO form, an event by its name, long text
    cut with an ellipsis."""
    if isinstance(value, EventRef):
        value = f"{value.name} ({value.date.isoformat()})"
    elif isinstance(value, dt.date):
        value = value.isoformat()
    value = " ".join(str(value).split())
    return value if len(value) <= PREVIEW_CHARS else value[: PREVIEW_CHARS - 1] + "…"


@dataclass(frozen=True)
class Outcome:
    """What one row does. kind: create, update, duplicate or error. For update and
    duplicate, `match` is the person it matched: `match.line` set when that is an earlier
    row of the same file."""

    kind: str
    line: int
    name: str = ""
    changes: tuple[str, ...] = ()
    # (field, new value as shown) for each change; see Person.merge.
    values: tuple[tuple[str, str], ...] = ()
    match: Person | None = None
    error: RowError | None = None
    # What the row kept in another place than it said (Record.warnings).
    warnings: tuple[RowError, ...] = ()


SAMPLE = 50  # rows of each kind a preview lists


@dataclass
class Summary:
    """Counts of what an import did (or would do), the first KEEP_ERRORS errors, and the
    first SAMPLE rows of each kind for a preview to show."""

    created: int = 0
    updated: int = 0
    skipped: int = 0
    error_count: int = 0
    errors: list[RowError] = field(default_factory=list)
    warning_count: int = 0
    warnings: list[RowError] = field(default_factory=list)
    samples: dict[str, list[dict]] = field(
        default_factory=lambda: {"create": [], "update": [], "duplicate": []}
    )

    def count(self, outcome: Outcome) -> None:
        if outcome.warnings:
            self.warning_count += len(outcome.warnings)
            room = KEEP_ERRORS - len(self.warnings)
            self.warnings.extend(outcome.warnings[: max(room, 0)])
        if outcome.kind == "error":
            self.error_count += 1
            if len(self.errors) < KEEP_ERRORS and outcome.error is not None:
                self.errors.append(outcome.error)
            return
        if outcome.kind == "create":
            self.created += 1
        elif outcome.kind == "update":
            self.updated += 1
        else:
            self.skipped += 1
        sample = self.samples[outcome.kind]
        if len(sample) < SAMPLE:
            match = outcome.match
            sample.append(
                {
                    "line": outcome.line,
                    "name": outcome.name,
                    "changes": list(outcome.changes),
                    "values": [list(pair) for pair in outcome.values],
                    "match_name": match.name if match else "",
                    "match_line": match.line if match else None,
                    "match_id": match.id if match and not match.is_new else None,
                }
            )

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.skipped + self.error_count

    def to_dict(self) -> dict:
        """JSON-ready: created, updated, skipped, errors [{line, code, params}], error_count,
        warnings (the same shape: rows imported with a value moved, see Record.warnings),
        warning_count and samples."""
        return {
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped,
            "errors": [{"line": e.line, "code": e.code, "params": e.params} for e in self.errors],
            "error_count": self.error_count,
            "warnings": [
                {"line": w.line, "code": w.code, "params": w.params} for w in self.warnings
            ],
            "warning_count": self.warning_count,
            "samples": self.samples,
        }


class Planner:
    def __init__(self, existing: Iterable[Person] = ()):
        self.index: dict[str, Person] = {}
        self.pending: list[Person] = []  # new people not yet written
        self.dirty: dict[int, Person] = {}  # written people with changes to write
        for person in existing:
            self._register(person, person.keys())

    def _register(self, person: Person, keys) -> None:
        for key in keys:
            self.index.setdefault(key, person)

    def _find(self, keys, linkedin_url: str) -> Person | None:
        """The person a key points to, email first. A match by name is refused when both
        have a LinkedIn profile and the profiles differ: one person has one profile, so
        two Anna Svensson at Spotify with two profiles are two people."""
        found = [k for k in keys if k in self.index]
        for prefix in KEY_ORDER:
            for key in found:
                if not key.startswith(prefix):
                    continue
                person = self.index[key]
                by_name = prefix in ("name:", "bare:")
                if by_name and linkedin_url and person.linkedin_url:
                    profile = normalise_linkedin_url(linkedin_url)
                    if normalise_linkedin_url(person.linkedin_url) != profile:
                        continue
                return person
        return None

    def take(self, item: Record | RowError) -> Outcome:
        if isinstance(item, RowError):
            return Outcome("error", item.line, error=item)
        keys = item.keys or import_keys(
            name=item.name, company=item.company, email=item.email, linkedin_url=item.linkedin_url
        )
        person = self._find(keys, item.linkedin_url)
        if person is None:
            person = Person(line=item.line, name=item.name)
            person.merge(item, show=False)
            person.dirty = ()
            self._register(person, keys)
            self.pending.append(person)
            return Outcome("create", item.line, item.name, warnings=item.warnings)
        changes = person.merge(item)
        self._register(person, keys | person.keys())
        if changes and person.id is not None:
            self.dirty[id(person)] = person
        kind = "update" if changes and not person.is_new else "duplicate"
        warnings = item.warnings
        if person.tags_left_out:
            params = {"count": person.tags_left_out, "limit": TAGS_PER_CONTACT}
            warnings += (RowError(item.line, "tags_left_out", params),)
        return Outcome(
            kind,
            item.line,
            item.name,
            tuple(changes),
            values=tuple(changes.items()),
            match=person,
            warnings=warnings,
        )

    def take_pending(self) -> list[Person]:
        """The new people to write now; their tags and dates count as written with them."""
        batch, self.pending = self.pending, []
        return batch

    def take_dirty(self) -> list[Person]:
        batch = list(self.dirty.values())
        self.dirty.clear()
        return batch
