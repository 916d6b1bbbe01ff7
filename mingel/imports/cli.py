"""`mingel import`: the command line's way into the same import the pages use."""

from pathlib import Path

from mingel.accounts.models import User
from mingel.core.importers import csvfile, linkedin, vcard
from mingel.core.importers.model import FileError
from mingel.core.importers.text import detect_encoding
from mingel.imports import reasons, services


class CommandError(Exception):
    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def csv_mapping(layout: csvfile.Layout, overrides: list[str]) -> dict[str, int]:
    """The guessed mapping with `field=Header` overrides (headers matched ignoring case)."""
    mapping = csvfile.guess_mapping(layout.headers)
    folded = [h.casefold() for h in layout.headers]
    for item in overrides:
        field, sep, header = item.partition("=")
        field = field.strip()
        if not sep or field not in csvfile.FIELDS:
            raise CommandError(
                f"--map wants FIELD=HEADER with FIELD one of {', '.join(csvfile.FIELDS)}", 2
            )
        if header.strip().casefold() not in folded:
            raise CommandError(f"--map {item}: the file has no column {header.strip()!r}", 2)
        mapping[field] = folded.index(header.strip().casefold())
    if problem := csvfile.mapping_problem(mapping):
        raise CommandError(reasons.reason(problem) + " (use --map name=HEADER)")
    return mapping


def run(*, source: str, path: str, email: str, dry_run: bool, mapping: list[str]) -> dict:
    """The summary {created, updated, skipped, errors: [{line, reason}]}; CommandError
    (nothing imported) when the user is unknown or the file cannot be read as a whole."""
    owner = User.objects.filter(email__iexact=email.strip()).first()
    if owner is None:
        raise CommandError(f"no user with email {email}")
    file = Path(path)
    try:
        if source == "csv":
            layout = csvfile.layout(file)
            records = csvfile.parse(file, layout, csv_mapping(layout, mapping))
        else:
            parse = linkedin.parse if source == "linkedin" else vcard.parse
            records = parse(file, detect_encoding(file))
        summary = services.import_records(owner=owner, records=records, dry_run=dry_run)
    except FileError as exc:
        raise CommandError(
            f"{path}: {reasons.file_reason(exc.code, exc.line, exc.params)}; nothing imported"
        ) from exc
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
    return {
        "created": summary.created,
        "updated": summary.updated,
        "skipped": summary.skipped,
        "errors": [
            {"line": e.line, "reason": reasons.reason(e.code, e.params)} for e in summary.errors
        ],
    }
