"""Deleting a heavy account (10,000 contacts, 100,000 interactions, tags, events) with all
its data: the time the user waits after confirming. Runs inside a transaction that is rolled
back, so the seeded user stays for the other benchmarks (the commit's own fsync is not
counted)."""

import time

from bench.seed import heavy_user, machine, setup_django


class Rollback(Exception):
    pass


def run() -> str:
    setup_django()
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from mingel.accounts.services import user_delete

    timings, deleted, queries = [], {}, 0
    for _ in range(3):
        user = heavy_user()  # delete() clears the instance's pk: fetch it afresh each time
        try:
            with transaction.atomic():
                with CaptureQueriesContext(connection) as ctx:
                    started = time.perf_counter()
                    deleted = user_delete(user=user)
                    timings.append(time.perf_counter() - started)
                queries = len(ctx.captured_queries)
                raise Rollback
        except Rollback:
            pass
    rows = sum(deleted.values())
    per_model = ", ".join(f"{label} {count:,}" for label, count in sorted(deleted.items()))
    return (
        "# Deleting a heavy account\n\n"
        f"SQLite; {machine()}. `python -m bench account_delete`; the delete runs in a "
        "transaction that is rolled back, three times.\n\n"
        "| rows deleted | queries | best s | worst s |\n|---:|---:|---:|---:|\n"
        f"| {rows:,} | {queries} | {min(timings):.2f} | {max(timings):.2f} |\n\n"
        f"Rows per model: {per_model}.\n"
    )
