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

from mingel.core.importers.clean import build_record, date_order, sheet_date
from mingel.core.importers.model import DATE_RANGE, FileError, Record, RowError
from mingel.core.importers.text import csv_rows, open_text

COLUMNS = {
    "first": ("first name",),
    "last": ("last name",),
    "url": ("url", "profile url"),
    "email": ("email address", "e-mail address"),
    "company": ("company", "current company"),
    "position": ("position", "current position"),
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
# 2016-2018 exports, in American order with the time: "1/8/18, 6:14 PM".
_LINKEDIN_US = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),?\s+\d{1,2}:\d{2}(?::\d{2})?\s*[AaPp][Mm]$", re.ASCII
)


def parse_date(value: str, order: str | None = None) -> dt.date:
    """'15 Jan 2024' (LinkedIn's form, English month names whatever the account's
    language), '15-Jan-24' (older exports, and Excel's when it saved the file), '1/8/18,
    6:14 PM' (2016-2018 exports, month first) or '2024-01-15'. What a spreadsheet wrote
    when it saved the file again ('08/01/2018', '1/8/2018 18:14') is read as
    clean.sheet_date reads it, `order` deciding a date that could be two. ValueError
    otherwise."""
    value = value.strip()
    if match := _LINKEDIN_US.match(value):
        month, day, year = match.groups()
        return dt.date(int(year) + (2000 if len(year) == 2 else 0), int(month), int(day))
    if match := _DAY_MONTH_YEAR.match(value):
        day, month, year = match.groups()
        if month.lower() not in MONTHS:
            raise ValueError(value)
        year_number = int(year) + (2000 if len(year) == 2 else 0)
        return dt.date(year_number, MONTHS[month.lower()], int(day))
    if (day := sheet_date(value, order)) is None:
        raise ValueError(value)
    return day


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
    order = _date_order(path, encoding)
    with open_text(path, encoding) as stream:
        rows, columns = _after_header(stream)
        for line, row in rows:
            if not any(cell.strip() for cell in row):
                continue
            yield _record(line, row, columns, order)


def _after_header(stream):
    """The rows after the header, and the header's columns; FileError without one."""
    rows = csv_rows(stream)
    for count, (_line, row) in enumerate(rows):
        columns = _header_index(row)
        if columns is not None:
            return rows, columns
        if count >= HEADER_WITHIN:
            break
    raise FileError("no_header", expected="First Name, Last Name, URL, Connected On")


def _date_order(path: Path, encoding: str | None) -> str | None:
    """How the file writes its dates with slashes when a spreadsheet saved it again
    (see clean.date_order): 13/01/2018 on one row says how 08/01/2018 on another is meant."""

    def values():
        with open_text(path, encoding) as stream:
            try:
                rows, columns = _after_header(stream)
                if (index := columns.get("connected")) is not None:
                    for _line, row in rows:
                        if index < len(row) and not _LINKEDIN_US.match(row[index].strip()):
                            yield row[index]
            except FileError:
                return  # the reading proper reports it

    return date_order(values())


def _record(
    line: int, row: list[str], columns: dict[str, int], order: str | None = None
) -> Record | RowError:
    def cell(key: str) -> str:
        index = columns.get(key)
        return row[index] if index is not None and index < len(row) else ""

    connected_on, notes, warnings = None, [cell(key) for key in EXTRA], []
    if date_text := cell("connected").strip():
        with contextlib.suppress(ValueError):
            connected_on = parse_date(date_text, order)
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
