"""The records of a stored upload, read by the importer its source names."""

from collections.abc import Iterator
from pathlib import Path

from mingel.core.importers import csvfile, linkedin, vcard
from mingel.core.importers.model import Record, RowError
from mingel.imports import storage


def records(job) -> Iterator[Record | RowError]:
    """The job's file as records, streamed from a temporary copy of the stored upload that
    is removed when the records run out (or are abandoned); FileError when it cannot be
    read."""
    with storage.local_copy(job) as path:
        yield from parse(job, path)


def parse(job, path: Path) -> Iterator[Record | RowError]:
    if job.source == "linkedin":
        return linkedin.parse(path, job.encoding or None)
    if job.source == "vcard":
        return vcard.parse(path, job.encoding or None)
    layout = csvfile.Layout(job.encoding, job.delimiter or ",", tuple(job.headers))
    mapping = {field: int(index) for field, index in job.mapping.items()}
    return csvfile.parse(path, layout, mapping)
