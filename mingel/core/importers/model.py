"""The values importers produce: one `Record` per person read, one `RowError` per row that
could not be read, and `FileError` for a file that cannot be read as a whole.

Reasons are codes with parameters, not sentences: the web and the CLI word them in the
user's language (see mingel/imports/reasons.py)."""

import datetime as dt
from dataclasses import dataclass, field

from mingel.core.contact_fields import TEXT_FIELDS


class FileError(Exception):
    """The file cannot be read as a whole (wrong format, unterminated vCard, broken
    quoting...). Nothing of it may be imported. `code` and `params` say why; `line` is
    where reading stopped, 0 when unknown."""

    def __init__(self, code: str, line: int = 0, **params):
        self.code = code
        self.line = line
        self.params = params
        super().__init__(f"{code} at line {line}: {params}" if line else f"{code}: {params}")


@dataclass(frozen=True)
class RowError:
    """A row that was read but cannot become a contact; the rest of the file still can."""

    line: int
    code: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class EventRef:
    """The event a contact was met at, as a card names it; the importer finds the user's
    event of that name and date, or creates it. `kind` is Mingel's kind id, or ''."""

    name: str
    date: dt.date
    kind: str = ""


@dataclass(frozen=True)
class Record:
    """One person as a source file describes them, already cleaned and within limits.

    `line` is the line of the file where the person starts (1-based)."""

    line: int
    name: str
    company: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    connected_on: dt.date | None = None
    # What only Mingel's own cards carry (X-MINGEL-* properties, see exports/vcard.py).
    met_on: dt.date | None = None
    where_met: str = ""
    talked_about: str = ""
    keep_in_touch_days: int | None = None
    event: EventRef | None = None
    # The keys this person is matched by (see plan.import_keys); build_record fills them.
    keys: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # What was read but not as written (a date or an email cell that went to the notes,
    # a LinkedIn member id left out): the row still imports, and the preview and `mingel
    # import` say what happened. RowError's shape: line, code, params.
    warnings: tuple[RowError, ...] = ()

    def fields(self) -> dict[str, str]:
        """The contact's plain text fields, by name."""
        return {name: getattr(self, name) for name in TEXT_FIELDS}


EVENT_NAME_LIMIT = 200
# The keep-in-touch interval a contact accepts, in days.
INTERVAL_RANGE = (1, 3650)
# Dates a contact or event may carry. A card may say anything (year 1, year 9999): such a
# date is refused with a reason rather than stored, so lists and reminders never meet it.
DATE_RANGE = (dt.date(1900, 1, 1), dt.date(2200, 12, 31))
