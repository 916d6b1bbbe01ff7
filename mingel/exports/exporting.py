"""The three downloads, as chunks of text the web views stream and the CLI prints."""

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from mingel.exports import archive, csvfile, selectors, vcard


@dataclass(frozen=True)
class Format:
    content_type: str
    extension: str
    stem: str

    def filename(self, day: str) -> str:
        return f"mingel-{self.stem}-{day}.{self.extension}"


FORMATS = {
    "vcard": Format("text/vcard; charset=utf-8", "vcf", "contacts"),
    "csv": Format("text/csv; charset=utf-8", "csv", "contacts"),
    # Semicolons, for Excel in Swedish (see csvfile).
    "csv-excel": Format("text/csv; charset=utf-8", "csv", "contacts-excel"),
    "json": Format("application/json; charset=utf-8", "json", "archive"),
}


def chunks(kind: str, owner, *, now: dt.datetime) -> Iterator[str]:
    """The export of `owner`'s data in the format `kind` (a key of FORMATS)."""
    writers: dict[str, Callable[[], Iterator[str]]] = {
        "vcard": lambda: vcard.contacts_vcard(
            selectors.contact_rows(owner), selectors.event_details(owner)
        ),
        "csv": lambda: csvfile.contacts_csv(
            selectors.contact_rows(owner), selectors.event_names(owner)
        ),
        "csv-excel": lambda: csvfile.contacts_csv(
            selectors.contact_rows(owner), selectors.event_names(owner), dialect="excel"
        ),
        "json": lambda: archive.archive_chunks(owner, now=now),
    }
    return writers[kind]()
