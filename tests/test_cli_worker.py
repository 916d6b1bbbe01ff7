"""`mingel worker`: django-tasks-db's worker on a fresh data directory, as hosted mode runs
it beside the app processes. A real process; the queue read back from the SQLite file."""

import sqlite3
import subprocess
import sys

from tests.test_cli_serve import clean_env


def mingel(data, *args):
    return subprocess.run(
        [sys.executable, "-m", "mingel", *args],
        env=clean_env(data),
        capture_output=True,
        text=True,
        timeout=120,
    )


def digest_checks(data) -> list[str]:
    with sqlite3.connect(data / "mingel.sqlite3") as db:
        rows = db.execute(
            "SELECT status FROM django_tasks_database_dbtaskresult "
            "WHERE task_path = 'mingel.followups.tasks.digests_send' ORDER BY enqueued_at"
        )
        return [status for (status,) in rows]


def test_a_worker_queues_the_digest_check_runs_it_and_it_queues_the_next(tmp_path):
    data = tmp_path / "data"
    done = mingel(data, "worker", "--batch", "--no-startup-delay")
    assert done.returncode == 0, done.stderr
    assert digest_checks(data) == ["SUCCESSFUL", "READY"]
    again = mingel(data, "worker", "--batch", "--no-startup-delay")
    assert again.returncode == 0, again.stderr
    assert digest_checks(data) == ["SUCCESSFUL", "READY"]  # the next one is not due yet


def test_an_option_the_worker_does_not_know_is_a_usage_error(tmp_path):
    done = mingel(tmp_path / "data", "worker", "--batch", "--no-such-option")
    assert done.returncode == 2
    assert done.stderr.strip() == "mingel: unrecognized arguments: --no-such-option"
