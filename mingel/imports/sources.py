"""The records of a stored upload, read by the importer its source names."""

from collections.abc import Iterator

from mingel.core.importers import csvfile, linkedin, vcard
from mingel.core.importers.model import Record, RowError
from mingel.imports import storage


def records(job) -> Iterator[Record | RowError]:
    """The job's file as records, streamed; FileError when it cannot be read."""
    path = storage.path_for(job)
    if job.source == "linkedin":
        return linkedin.parse(path, job.encoding or None)
    if job.source == "vcard":
        return vcard.parse(path, job.encoding or None)
    layout = csvfile.Layout(job.encoding, job.delimiter or ",", tuple(job.headers))
    mapping = {field: int(index) for field, index in job.mapping.items()}
    return csvfile.parse(path, layout, mapping)
