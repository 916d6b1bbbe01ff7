"""The background task worker: django-tasks-db's own, run either in `mingel serve`'s
process (embedded mode) or as `mingel worker` processes (hosted mode).

Tasks are rows in the database (`django_tasks_db`); a worker claims one at a time with
a locked select, so any number of workers may run against one database and a task runs
once. In embedded mode there is one process and one SQLite file, so `mingel serve` runs
the package's `Worker` in a daemon thread beside the web server instead of asking the
user to start a second command.
"""

import logging
import threading
import time

from django.utils.crypto import get_random_string

log = logging.getLogger(__name__)
QUEUES = ["default"]
# How long the worker waits before it looks for new tasks again when the queue is empty.
INTERVAL = 1.0


class InProcessWorker:
    """django-tasks-db's worker in a daemon thread; `stop()` ends it after the task it is
    running (the thread is a daemon, so a server that exits does not wait for it). With
    `batch` it ends by itself once the queue has nothing ready."""

    def __init__(self, *, interval: float = INTERVAL, batch: bool = False):
        from django_tasks_db.management.commands.db_worker import Worker

        self.worker = Worker(
            queue_names=QUEUES,
            interval=interval,
            batch=batch,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=f"serve-{get_random_string(26)}",
            excluded_queue_names=[],
        )
        self.interval = interval
        self.thread = threading.Thread(target=self.run, name="mingel-worker", daemon=True)

    def start(self) -> "InProcessWorker":
        self.thread.start()
        return self

    def run(self) -> None:
        # The package's worker sets signal handlers only in its command, which needs the
        # main thread; here the server owns the signals, so the worker loop is run bare.
        # A database error outside a task (the file briefly unavailable, say) ends its
        # loop: it is started again rather than leaving the server without a worker.
        while self.worker.running:
            try:
                self.worker.run()
                return  # stopped, or a batch done
            except Exception:
                log.exception("the task worker stopped; starting it again")
                time.sleep(self.interval)

    def stop(self, timeout: float | None = None) -> None:
        self.worker.running = False
        self.thread.join(timeout)


def start_in_process(*, interval: float = INTERVAL) -> InProcessWorker:
    """Starts the worker in this process, with the digest check queued (see
    followups.tasks.digests_schedule)."""
    from mingel.followups.tasks import digests_schedule

    digests_schedule()
    return InProcessWorker(interval=interval).start()
