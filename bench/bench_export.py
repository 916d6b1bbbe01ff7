"""Exports at a heavy user's size: the time to stream each download through the whole
Django stack, its size, its queries, and the peak Python memory while it is written; then
restoring the archive into a fresh account and listing duplicates."""

import time
import tracemalloc

from bench.seed import heavy_user, logged_in_client, machine, percentiles, setup_django

DOWNLOADS = [
    ("vCard 4.0", "/data/export/contacts.vcf"),
    ("CSV", "/data/export/contacts.csv"),
    ("JSON archive", "/data/export/archive.json"),
]


def consume(client, url) -> int:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return sum(len(chunk) for chunk in response.streaming_content)


def timed(fn):
    """(result, wall seconds, CPU seconds of this process) of one call. The CPU time is
    the steadier figure on a machine shared with other jobs."""
    t0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - t0, time.process_time() - c0


def peak_mb(fn) -> float:
    """Peak MB of Python allocations during one call (tracemalloc slows it, so it is a
    separate run from the timed one)."""
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1e6


class Rollback(Exception):
    pass


def restore_figures(archive: bytes) -> tuple[tuple, tuple, float, dict]:
    """Parse and restore the heavy archive into a throwaway account, rolled back after."""
    from django.db import transaction

    from mingel.accounts.models import User
    from mingel.exports import restore, services

    parsed, *parse_times = timed(lambda: restore.parse_archive(archive))
    peak = peak_mb(lambda: restore.parse_archive(archive))
    try:
        with transaction.atomic():
            fresh = User.objects.create_user("bench-restore@example.com", "x")
            counts, *write_times = timed(
                lambda: services.archive_restore(owner=fresh, parsed=parsed)
            )
            raise Rollback
    except Rollback:
        pass
    return parse_times, write_times, peak, counts


def run() -> str:
    setup_django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mingel.exports.selectors import duplicate_pairs

    user = heavy_user()
    client = logged_in_client(user)
    lines = [
        "# Export, restore and duplicates at a heavy user's size",
        "",
        f"10,000 contacts, 100,000 interactions, 60 events, SQLite; {machine()}. "
        "`python -m bench export`. Downloads are streamed through the whole Django stack "
        "(test client); peak memory is tracemalloc's peak of Python allocations during a "
        "second run. The machine is shared with other engineers' jobs, so times are noisy.",
        "",
        "| download | wall s | CPU s | size MB | peak memory MB | queries |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    archive = b""
    for label, url in DOWNLOADS:
        # Count now: the next request's start clears the query log (reset_queries).
        with CaptureQueriesContext(connection) as ctx:
            size, wall, cpu = timed(lambda url=url: consume(client, url))
        queries = len(ctx.captured_queries)
        peak = peak_mb(lambda url=url: consume(client, url))
        lines.append(
            f"| {label} (`{url}`) | {wall:.2f} | {cpu:.2f} | {size / 1e6:.1f} | {peak:.1f} "
            f"| {queries} |"
        )
        if url.endswith(".json"):
            response = client.get(url)
            archive = b"".join(response.streaming_content)
    (parse_wall, parse_cpu), (write_wall, write_cpu), parse_peak, counts = restore_figures(archive)
    lines += [
        "",
        "## Restoring that archive into an empty account",
        "",
        f"Restored {counts['contacts']:,} contacts, {counts['interactions']:,} interactions, "
        f"{counts['events']} events, {counts['tags']} tags (in a transaction rolled back after).",
        "",
        "| step | wall s | CPU s | peak memory MB |",
        "|---|---:|---:|---:|",
        f"| read and check (`restore.parse_archive`) | {parse_wall:.2f} | {parse_cpu:.2f} "
        f"| {parse_peak:.0f} |",
        f"| write (`services.archive_restore`) | {write_wall:.2f} | {write_cpu:.2f} | |",
        "",
        "The archive is read whole (it is checked completely before anything is written), "
        "so restoring needs memory in proportion to the archive.",
    ]
    with CaptureQueriesContext(connection) as ctx:
        client.get("/data/duplicates/")
    queries = len(ctx.captured_queries)
    pairs = len(duplicate_pairs(owner=user))
    t = percentiles(lambda: client.get("/data/duplicates/"), runs=20, warmup=2)
    lines += [
        "",
        "## Duplicates list",
        "",
        f"{pairs:,} candidate pairs among the 10,000 contacts (the seed repeats names at "
        "the same companies); the page shows the first 200.",
        "",
        "| page | p50 ms | p95 ms | queries |",
        "|---|---:|---:|---:|",
        f"| duplicates (`/data/duplicates/`) | {t['p50']:.0f} | {t['p95']:.0f} | {queries} |",
    ]
    return "\n".join(lines) + "\n"
