"""`mingel import`: the command line's way into the same import the pages use."""

from pathlib import Path

from mingel.accounts.models import User
from mingel.core.importers.model import FileError
from mingel.imports import files, reasons


class CommandError(Exception):
    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


def run(*, source: str, path: str, email: str, dry_run: bool, mapping: list[str]) -> dict:
    """The summary {created, updated, skipped, errors: [{line, reason}]}; CommandError
    (nothing imported) when the user is unknown or the file cannot be read as a whole."""
    owner = User.objects.filter(email__iexact=email.strip()).first()
    if owner is None:
        raise CommandError(f"no user with email {email}")
    try:
        return files.import_file(
            owner=owner, source=source, path=Path(path), dry_run=dry_run, mapping=mapping
        )
    except files.MappingError as exc:
        raise CommandError(str(exc), 2 if exc.usage else 1) from exc
    except FileError as exc:
        raise CommandError(
            f"{path}: {reasons.file_reason(exc.code, exc.line, exc.params)}; nothing imported"
        ) from exc
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
