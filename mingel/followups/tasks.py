"""The email digest as a background task that queues its own next run.

The queue has no clock of its own, so the check is a chain: `digests_send` sends what is
due (digest.send_due_digests, which claims each user's period before sending, so a run
twice over never sends twice) and then queues the next check EVERY later. The chain is
started by whoever starts a worker (`mingel serve` in embedded mode, `mingel worker` in
hosted mode) through `digests_schedule`, which adds a check only when none is waiting:
restarts do not pile chains up, and two chains that meet merge into one.

The chain also clears the queue's finished results older than KEEP_RESULTS (with the
package's own `prune_db_task_results`), so a personal install that runs for years does
not keep a row for every check it ever made.
"""

import datetime as dt

from django.db import transaction
from django.tasks import TaskResultStatus, task
from django.utils import timezone

from mingel.followups import digest

EVERY = dt.timedelta(minutes=15)
KEEP_RESULTS = dt.timedelta(days=14)


@task
def digests_send() -> int:
    """Sends the digests that are due now, then queues the next check; returns how many
    were sent."""
    try:
        return digest.send_due_digests()
    finally:
        if digests_schedule(after=EVERY):
            results_prune()


def digests_schedule(*, after: dt.timedelta = dt.timedelta(0)) -> bool:
    """Queues a digest check to run `after` from now, unless one is already waiting.
    True when this queued one. Only a queue that runs tasks later (the database backend)
    can hold a chain; with any other backend nothing is queued and False comes back."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    backend = digests_send.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return False
    waiting = DBTaskResult.objects.filter(
        backend_name=backend.alias,
        task_path=digests_send.module_path,
        status=TaskResultStatus.READY,
    )
    # The check and the enqueue in one transaction: on SQLite it takes the write lock
    # first (IMMEDIATE), so two workers finishing at once cannot both see an empty queue.
    with transaction.atomic():
        if waiting.exists():
            return False
        digests_send.using(run_after=timezone.now() + after).enqueue()
    return True


def results_prune() -> None:
    """Deletes the queue's results that finished more than KEEP_RESULTS ago."""
    from django.core.management import call_command

    call_command("prune_db_task_results", min_age_days=KEEP_RESULTS.days, verbosity=0)
