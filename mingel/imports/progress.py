"""How far running imports have got, readable from every app process.

An import writes everything in one transaction, so the page polling it cannot read its
progress from that transaction before it commits. The import reports every few hundred
rows to a `Reporter`, which keeps the count twice:

- in this process's memory (always): the process running the import answers its own
  polling from here, and `known` tells it which imports it is running;
- on PostgreSQL, in the job's `rows_done` column too, written through a second database
  connection of its own in autocommit, so the count is committed at once and every app
  process behind the load balancer shows it. The update skips a job row that is locked
  (`FOR UPDATE SKIP LOCKED`) rather than wait, and a failing update only stops the
  reporting, never the import.

On SQLite the import's transaction holds the database's one write lock, so a second
connection could not write the count until the import is over; there the count stays in
memory only. That loses nothing: a SQLite file is served by processes on one machine, and
Mingel serves it from one process (waitress with threads, the task worker that runs large
imports in a thread beside them; see mingel/worker.py).

The page reads `rows_done(job)`: the larger of the column and the memory."""

import logging
import threading

from django.db import DatabaseError, connections

from mingel.imports.models import ImportJob

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_rows: dict[int, int] = {}


def report(job_id: int, rows: int) -> None:
    with _lock:
        _rows[job_id] = rows


def in_memory(job_id: int) -> int:
    with _lock:
        return _rows.get(job_id, 0)


def rows_done(job) -> int:
    """How many rows of `job` were read so far, as any process can tell."""
    return max(job.rows_done or 0, in_memory(job.pk))


def known(job_id: int) -> bool:
    with _lock:
        return job_id in _rows


def forget(job_id: int) -> None:
    with _lock:
        _rows.pop(job_id, None)


def shared() -> bool:
    """Whether progress goes to the database (see the module's docstring)."""
    return connections["default"].vendor == "postgresql"


class Reporter:
    """Reports one import's progress; `close()` when the import is over."""

    def __init__(self, job_id: int):
        self.job_id = job_id
        self.connection = connections.create_connection("default") if shared() else None
        report(job_id, 0)

    def __call__(self, rows: int) -> None:
        report(self.job_id, rows)
        if self.connection is None:
            return
        table = ImportJob._meta.db_table
        try:
            with self.connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET rows_done = %s WHERE id = "
                    f"(SELECT id FROM {table} WHERE id = %s FOR UPDATE SKIP LOCKED)",
                    [rows, self.job_id],
                )
        except DatabaseError:
            logger.warning("import %s: progress not shared", self.job_id, exc_info=True)
            self.close()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
