"""Contacts as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Å, Ä and
Ö right), CRLF line ends, a header row, and cells that a spreadsheet would run as formulas
neutralised.

Two dialects. The plain one separates cells with commas: Google Sheets, Numbers,
LibreOffice and Excel in English read it. Excel in Swedish (and other languages that write
decimals with a comma) splits a CSV on semicolons and shows a comma file as one column:
the Excel dialect is for it. (A "sep=;" first line would work in every Excel, but Excel
then ignores the byte-order mark and garbles Å, Ä and Ö.)"""

import csv
import io
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext_lazy as _

from mingel.core.importers.csvfile import EXPORT_FIELDS, FORMULA_STARTS, TAG_SEPARATOR

BOM = "\ufeff"
# A cell starting with one of FORMULA_STARTS is a formula (or starts one after a tab or
# line break) in Excel, LibreOffice and Google Sheets; "=HYPERLINK(...)" in a contact's
# notes must not run when the user opens the export. OWASP's advice: prefix an apostrophe.
# Mingel's importer knows its own export by the header and takes the apostrophe off.

LABELS = {
    "name": _("Name"),
    "company": _("Company"),
    "role": _("Role"),
    "email": _("Email"),
    "phone": _("Phone"),
    "linkedin_url": _("LinkedIn"),
    "met_on": _("Met on"),
    "where_met": _("Where we met"),
    "talked_about": _("What we talked about"),
    "notes": _("Notes"),
    "tags": _("Tags"),
    "keep_in_touch_days": _("Keep in touch every (days)"),
    "last_interaction_on": _("Last interaction"),
    "event": _("Event"),
}
COLUMNS = [(field, LABELS[field]) for field in EXPORT_FIELDS]
ROWS_PER_CHUNK = 200
DELIMITERS = {"plain": ",", "excel": ";"}


def neutralise(value: str) -> str:
    """The cell's text, with a leading apostrophe when a spreadsheet would read a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = TAG_SEPARATOR.join(value)
    return neutralise(value.isoformat() if hasattr(value, "isoformat") else str(value))


def contacts_csv(
    contacts: Iterable[dict], events: dict[int, str], dialect: str = "plain"
) -> Iterator[str]:
    """The CSV text in chunks: BOM and header first, then rows of the contact dicts from
    `selectors.contact_rows` (`events` maps event ids to names). `dialect` is "plain"
    (commas) or "excel" (semicolons); both end lines with CRLF.

    The header is translated now, in the caller's language: the chunks may be produced
    after the request's language is no longer active."""
    header = [str(label) for _field, label in COLUMNS]
    return _chunks(header, contacts, events, DELIMITERS[dialect])


def _chunks(header: list[str], contacts: Iterable[dict], events: dict[int, str], delimiter):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    yield BOM + buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    for n, contact in enumerate(contacts, 1):
        contact["event"] = events.get(contact["event_id"]) if contact["event_id"] else None
        writer.writerow([cell(contact[field]) for field, _label in COLUMNS])
        if n % ROWS_PER_CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()
