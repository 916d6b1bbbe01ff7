"""Where uploads wait between preview and apply: one file per job under the data folder,
in a folder per user, named by the job's random token. Not the session (too large) and
not memory (a 30,000-row file would sit there for as long as the user thinks)."""

import time
from pathlib import Path

from django.conf import settings

# Uploads nobody applied or cancelled are removed after this long.
KEEP_SECONDS = 24 * 3600
MAX_BYTES = 50 * 1024 * 1024


class TooLarge(Exception):
    pass


def folder(owner_id: int) -> Path:
    return Path(settings.DATA_DIR) / "imports" / str(owner_id)


def path_for(job) -> Path:
    return folder(job.owner_id) / f"{job.token}.upload"


def save(chunks, target: Path) -> int:
    """Writes the chunks to `target` (mode 0600); returns the size. TooLarge past
    MAX_BYTES, with nothing left behind."""
    target.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    try:
        with open(target, "wb") as out:
            target.chmod(0o600)
            for chunk in chunks:
                size += len(chunk)
                if size > MAX_BYTES:
                    raise TooLarge
                out.write(chunk)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return size


def remove(job) -> None:
    path_for(job).unlink(missing_ok=True)


def remove_stale(owner_id: int, now: float | None = None) -> None:
    now = now or time.time()
    base = folder(owner_id)
    if not base.is_dir():
        return
    for path in base.glob("*.upload"):
        if now - path.stat().st_mtime > KEEP_SECONDS:
            path.unlink(missing_ok=True)


def remove_all(owner_id: int) -> None:
    """Every upload of one user (for deleting an account)."""
    base = folder(owner_id)
    if base.is_dir():
        for path in base.glob("*.upload"):
            path.unlink(missing_ok=True)
        base.rmdir()
