"""Where uploads wait between preview and apply: in the database, as ImportUpload rows of
about 1 MB each, so that whichever app process gets the next request (the apply, the
column step) finds the file; no process keeps anything of its own. Not the session (too
large) and not memory (a 30,000-row file would sit there for as long as the user thinks).

The parsers read a file path, so the process that reads an upload writes it back to a
temporary file (mode 0600, in tempfile.gettempdir()) for as long as it reads, then
removes it. Nothing holds a whole file in memory: uploads are copied a piece at a time.
Deleting the job deletes its pieces (cancel, done, stale clean-up, account deletion)."""

import datetime as dt
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.utils import timezone

from mingel.core.importers.model import FileError
from mingel.imports.models import ImportJob, ImportUpload

# Uploads nobody applied or cancelled are removed after this long.
KEEP_SECONDS = 24 * 3600
MAX_BYTES = 50 * 1024 * 1024
PART_BYTES = 1024 * 1024


class TooLarge(Exception):
    pass


@contextmanager
def temp_copy(chunks: Iterable[bytes]) -> Iterator[Path]:
    """The chunks written to a temporary file, removed on leaving. TooLarge past
    MAX_BYTES, with nothing left behind."""
    with tempfile.NamedTemporaryFile(
        prefix="mingel-import-", suffix=".upload", delete_on_close=False
    ) as out:
        size = 0
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_BYTES:
                raise TooLarge
            out.write(chunk)
        out.close()
        yield Path(out.name)


def store(job, path: Path) -> int:
    """Keeps the file at `path` as the (saved) job's upload; returns its size."""
    size = 0
    with open(path, "rb") as source:
        for seq, part in enumerate(iter(lambda: source.read(PART_BYTES), b"")):
            ImportUpload.objects.create(job=job, seq=seq, data=part)
            size += len(part)
    return size


def parts(job) -> Iterator[bytes]:
    """The job's upload, a piece at a time (one query per piece)."""
    ids = ImportUpload.objects.filter(job=job).order_by("seq").values_list("pk", flat=True)
    for pk in list(ids):
        yield ImportUpload.objects.values_list("data", flat=True).get(pk=pk)


def exists(job) -> bool:
    return ImportUpload.objects.filter(job=job).exists()


@contextmanager
def local_copy(job) -> Iterator[Path]:
    """The job's upload as a temporary file, removed on leaving. FileError("unreadable")
    when it is gone (removed as stale, or the job was applied already)."""
    if not exists(job):
        raise FileError("unreadable")
    with temp_copy(parts(job)) as path:
        yield path


def remove(job) -> None:
    """Removes the job's upload and what was read of it for the column step (the first
    values of each column: names and addresses nobody needs once the job is over)."""
    ImportUpload.objects.filter(job=job).delete()
    ImportJob.objects.filter(pk=job.pk).exclude(samples=[]).update(samples=[])
    job.samples = []


def remove_stale(now: dt.datetime | None = None) -> None:
    """Removes the uploads (anybody's) that waited longer than KEEP_SECONDS: their jobs
    stay, and say the file is gone if applied."""
    cutoff = (now or timezone.now()) - dt.timedelta(seconds=KEEP_SECONDS)
    ImportUpload.objects.filter(job__created_at__lt=cutoff).delete()
    ImportJob.objects.filter(created_at__lt=cutoff).exclude(samples=[]).update(samples=[])
