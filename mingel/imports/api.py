"""Imports in the JSON API, for scripts: the file as the request body, imported in one
go like `mingel import` (no preview pages; `dry_run` says what would happen)."""

from typing import Literal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from mingel.api.errors import field_error
from mingel.api.schemas import InSchema
from mingel.core.importers.model import FileError
from mingel.imports import files, reasons, storage

router = Router()
CHUNK = 64 * 1024


class ImportParams(InSchema):
    dry_run: bool = False
    map: list[str] = Field(default_factory=list)


class RowErrorOut(Schema):
    line: int
    reason: str


class ImportSummaryOut(Schema):
    created: int
    updated: int
    skipped: int
    errors: list[RowErrorOut]
    # Rows imported with a value moved to the notes or left out.
    warnings: list[RowErrorOut] = []


class ErrorsOut(Schema):
    detail: list[dict]


def nothing_imported(reason: str) -> ValidationError:
    message = _("%(reason)s. Nothing was imported.") % {"reason": reason.rstrip(".")}
    return ValidationError(message, code="invalid_file")


@router.post(
    "/imports/{source}",
    response={200: ImportSummaryOut, 422: ErrorsOut},
    tags=["your data"],
)
def file_import(request, source: Literal["linkedin", "vcard", "csv"], params: Query[ImportParams]):
    """Imports contacts from a LinkedIn Connections.csv, a vCard file or a CSV file sent as
    the request body, like `mingel import --json`: existing contacts only get their empty
    fields filled, so sending a file twice changes nothing the second time. `dry_run=true`
    only says what would happen. For CSV, `map=field=Header` (repeatable) picks the column
    for a field; other fields keep the guessed column. A file that cannot be read as a
    whole is a 422 naming the problem, and nothing is imported."""
    owner = request.auth
    try:
        with storage.temp_copy(iter(lambda: request.read(CHUNK), b"")) as path:
            return files.import_file(
                owner=owner,
                source=source,
                path=path,
                dry_run=params.dry_run,
                mapping=params.map,
                option="map",
            )
    except storage.TooLarge:
        raise nothing_imported(_("The file is too large")) from None
    except FileError as exc:
        raise nothing_imported(reasons.file_reason(exc.code, exc.line, exc.params)) from None
    except files.MappingError as exc:
        return Status(422, {"detail": [field_error(["query", "map"], str(exc), "invalid_map")]})
