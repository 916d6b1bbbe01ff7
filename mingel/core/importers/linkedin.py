"""LinkedIn's Connections.csv (Settings > Data privacy > Get a copy of your data).

The file starts with a few lines of notes (how many has changed over the years), then the
header row First Name, Last Name, URL, Email Address, Company, Position, Connected On.
Email Address is usually empty: members choose whether connections may download it, and
some exports put a member id (urn:li:member:...) there instead. Exports of 2016-2018 wrote
dates as "1/8/18, 6:14 PM" and some had Address, Websites and Instant Messengers columns.
"""

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from mingel.core.importers.clean import build_record
from mingel.core.importers.model import DATE_RANGE, FileError, Record, RowError
from mingel.core.importers.text import csv_rows, open_text

COLUMNS = {
    "first": ("first name",),
    "last": ("last name",),
    "url": ("url", "profile url"),
    "email": ("email address", "e-mail address"),
    "company": ("company",),
    "position": ("position",),
    "connected": ("connected on",),
    # Older exports: no field of their own, so the notes.
    "address": ("address",),
    "websites": ("websites",),
    "messengers": ("instant messengers",),
}
EXTRA = ("address", "websites", "messengers")
# The header is found within the first rows; past that the file is not a LinkedIn export.
HEADER_WITHIN = 50
MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*[ -](\d{2}|\d{4})$", re.ASCII)
# 2016-2018 exports, in American order: "1/8/18, 6:14 PM" (or without the time).
_MONTH_DAY_YEAR = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$",
    re.ASCII,
)


def parse_date(value: str) -> dt.date:
    """'15 Jan 2024' (LinkedIn's form, English month names whatever the account's
    language), '15-Jan-24' (older exports, and Excel's when it saved the file), '1/8/18,
    6:14 PM' (2016-2018 exports, month first) or '2024-01-15'. ValueError otherwise."""
    value = value.strip()
    if match := _MONTH_DAY_YEAR.match(value):
        month, day, year = match.groups()
        return dt.date(int(year) + (2000 if len(year) == 2 else 0), int(month), int(day))
    if match := _DAY_MONTH_YEAR.match(value):
        day, month, year = match.groups()
        if month.lower() not in MONTHS:
            raise ValueError(value)
        year_number = int(year) + (2000 if len(year) == 2 else 0)
        return dt.date(year_number, MONTHS[month.lower()], int(day))
    return dt.date.fromisoformat(value)


def _header_index(row: list[str]) -> dict[str, int] | None:
    cells = [c.strip().lstrip("\ufeff").casefold() for c in row]
    if "first name" not in cells or "last name" not in cells:
        return None
    found = {}
    for key, titles in COLUMNS.items():
        if title := next((t for t in titles if t in cells), None):
            found[key] = cells.index(title)
    return found


def parse(path: Path, encoding: str | None = None) -> Iterator[Record | RowError]:
    """Each connection as a Record (or a RowError), in file order. FileError when the file
    has no LinkedIn header or cannot be read as CSV."""
    with open_text(path, encoding) as stream:
        rows = csv_rows(stream)
        columns = None
        for count, (_line, row) in enumerate(rows):
            columns = _header_index(row)
            if columns is not None or count >= HEADER_WITHIN:
                break
        if columns is None:
            raise FileError("no_header", expected="First Name, Last Name, URL, Connected On")
        for line, row in rows:
            if not any(cell.strip() for cell in row):
                continue
            yield _record(line, row, columns)


def _record(line: int, row: list[str], columns: dict[str, int]) -> Record | RowError:
    def cell(key: str) -> str:
        index = columns.get(key)
        return row[index] if index is not None and index < len(row) else ""

    connected_on, notes, warnings = None, [cell(key) for key in EXTRA], []
    if date_text := cell("connected").strip():
        with contextlib.suppress(ValueError):
            connected_on = parse_date(date_text)
        if connected_on is None or not DATE_RANGE[0] <= connected_on <= DATE_RANGE[1]:
            # The person matters more than the day: the text goes to the notes.
            connected_on = None
            notes.append(date_text)
            params = {"field": "connected_on", "value": date_text[:40]}
            warnings.append(RowError(line, "date_to_notes", params))
    return build_record(
        line,
        name=f"{cell('first').strip()} {cell('last').strip()}",
        company=cell("company"),
        role=cell("position"),
        email=cell("email"),
        linkedin_url=cell("url"),
        connected_on=connected_on,
        extra_notes=notes,
        warnings=warnings,
    )
