"""Importing one whole file in one go, without the preview pages: what `mingel import` and
`POST /api/v1/imports/{source}` share. The file is read by the importer its source names
and written by `services.import_records`, all or nothing."""

from pathlib import Path

from django.utils.translation import gettext as _

from mingel.core.importers import csvfile, linkedin, vcard
from mingel.core.importers.plan import Summary
from mingel.core.importers.text import detect_encoding
from mingel.imports import reasons, services

SOURCES = ("linkedin", "vcard", "csv")


class MappingError(Exception):
    """The CSV mapping asked for cannot be used; nothing was imported. `usage` when the
    overrides themselves are malformed (rather than the file lacking a name column)."""

    def __init__(self, message: str, *, usage: bool):
        super().__init__(message)
        self.usage = usage


def csv_mapping(layout: csvfile.Layout, overrides, option: str = "--map") -> dict[str, int]:
    """The guessed mapping with `field=Header` overrides (headers matched ignoring case).
    `option` is how the caller names the overrides in messages."""
    mapping = csvfile.guess_mapping(layout.headers)
    folded = [h.casefold() for h in layout.headers]
    for item in overrides:
        field, sep, header = item.partition("=")
        field = field.strip()
        if not sep or field not in csvfile.FIELDS:
            message = _("%(option)s wants FIELD=HEADER with FIELD one of %(fields)s")
            fields = ", ".join(csvfile.FIELDS)
            raise MappingError(message % {"option": option, "fields": fields}, usage=True)
        if header.strip().casefold() not in folded:
            message = _("%(option)s %(item)s: the file has no column %(header)s")
            params = {"option": option, "item": item, "header": repr(header.strip())}
            raise MappingError(message % params, usage=True)
        mapping[field] = folded.index(header.strip().casefold())
    if problem := csvfile.mapping_problem(mapping):
        message = _("%(reason)s (use %(option)s name=HEADER)")
        raise MappingError(
            message % {"reason": reasons.reason(problem), "option": option}, usage=False
        )
    return mapping


def import_file(
    *, owner, source: str, path: Path, dry_run: bool = False, mapping=(), option="--map"
) -> dict:
    """Imports the file at `path` for `owner` and returns the summary {created, updated,
    skipped, errors: [{line, reason}], warnings: [{line, reason}]}. Raises FileError or
    OSError (the file cannot be read as a whole) or MappingError (a CSV's mapping cannot
    be used); nothing is imported then."""
    if source not in SOURCES:
        raise ValueError(f"unknown import source {source!r}")
    if source == "csv":
        layout = csvfile.layout(path)
        records = csvfile.parse(path, layout, csv_mapping(layout, mapping, option))
    else:
        parse = linkedin.parse if source == "linkedin" else vcard.parse
        records = parse(path, detect_encoding(path))
    return summary_json(services.import_records(owner=owner, records=records, dry_run=dry_run))


def summary_json(summary: Summary) -> dict:
    return {
        "created": summary.created,
        "updated": summary.updated,
        "skipped": summary.skipped,
        "errors": [
            {"line": e.line, "reason": reasons.reason(e.code, e.params)} for e in summary.errors
        ],
        # Rows imported with a value moved to the notes or left out (Record.warnings).
        "warnings": [
            {"line": w.line, "reason": reasons.reason(w.code, w.params)} for w in summary.warnings
        ],
    }
