"""The progress page at a heavy user's size: the whole request, its queries, and where
the time goes (each query, the plain-Python rules, the template).

Besides wall-clock times this reports CPU time of the benchmark process (SQLite runs in
it), which other work on a shared machine inflates much less than wall-clock time.
"""

import datetime as dt
import os
import statistics
import time

from bench.seed import heavy_user, logged_in_client, machine, percentiles, setup_django

URL = "/progress/"


def cpu_ms(fn, runs: int = 30) -> tuple[float, float]:
    """Median CPU time of the process and median wall-clock time per call, in ms."""
    fn()
    cpu, wall = [], []
    for _ in range(runs):
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu.append((time.process_time() - c0) * 1000)
        wall.append((time.perf_counter() - w0) * 1000)
    return statistics.median(cpu), statistics.median(wall)


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def run() -> str:
    setup_django()
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from mingel.core import cadence, progress
    from mingel.followups.selectors import user_today
    from mingel.progress import charts, selectors

    user = heavy_user()
    client = logged_in_client(user)
    today = user_today(user)
    response = client.get(URL)
    assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as ctx:
        client.get(URL)
    queries = len(ctx.captured_queries)
    contacts = user.contacts.count()
    interactions = user.interactions.count()
    load = os.getloadavg()[0]
    page = percentiles(lambda: client.get(URL), runs=60)
    page_cpu, _ = cpu_ms(lambda: client.get(URL), runs=60)
    best = min(timed(lambda: client.get(URL)) for _ in range(20))

    months = selectors.dormant_after_months(owner=user)
    events = selectors.event_facts(owner=user)
    stages, new = selectors.contact_summary(owner=user, today=today, dormant_after_months=months)
    since = cadence.week_start(today) - dt.timedelta(weeks=selectors.WEEKS_SHOWN - 1)
    days = selectors.action_days(owner=user, today=today, counted_since=since)
    days += [(e.date, 1) for e in events]
    days = list(progress.action_weeks(days, today=today).items())
    data = selectors.progress_for(owner=user, today=today)

    def rules():
        progress.follow_up_months(new, today=today)
        progress.stage_counts(stages.elements())
        progress.streak(days, today=today)
        progress.recent_weeks(days, today=today)
        progress.wins(events=events, contacts=new, action_days=days, today=today, limit=12)

    def render():
        with translation.override("sv"):
            render_to_string(
                "progress/progress.html", {"progress": data, "charts": charts.build(data)}
            )

    parts = [
        ("query: events with people met", lambda: selectors.event_facts(owner=user)),
        (
            "query: stage and first follow-up of every contact, counted",
            lambda: selectors.contact_summary(owner=user, today=today, dormant_after_months=months),
        ),
        (
            "query: interactions per day",
            lambda: selectors.action_days(owner=user, today=today, counted_since=since),
        ),
        ("rules (mingel.core.progress)", rules),
        ("template with charts", render),
    ]
    lines = [
        "# Progress page at a heavy user's size",
        "",
        f"{contacts:,} contacts, {interactions:,} interactions, {len(events)} events, "
        f"{connection.vendor}; {machine()}; load average {load:.1f} when the run started. "
        "`python -m bench progress`, in-process through the whole Django stack.",
        "",
        "| page | p50 ms | p95 ms | p99 ms | best ms | CPU p50 ms | queries |",
        "|---|---:|---:|---:|---:|---:|---:|",
        f"| progress (`{URL}`) | {page['p50']:.1f} | {page['p95']:.1f} | {page['p99']:.1f} "
        f"| {best:.1f} | {page_cpu:.1f} | {queries} |",
        "",
        "Where the time goes (medians of 30 calls; a PostgreSQL server's own work shows in "
        "the wall-clock time only):",
        "",
        "| part | CPU ms | wall ms |",
        "|---|---:|---:|",
    ]
    for label, fn in parts:
        cpu, wall = cpu_ms(fn)
        lines.append(f"| {label} | {cpu:.1f} | {wall:.1f} |")
    lines += [
        "",
        "CPU time leaves out waiting for the processor, so on a shared machine it and the "
        "best of 20 runs are the better guesses of the time on an idle one; wall-clock "
        "percentiles include that waiting.",
        f"Stages: {', '.join(f'{k} {v:,}' for k, v in data.stages.items())}; "
        f"{data.streak.weeks} weeks in a row; computed for {dt.date.isoformat(today)}.",
    ]
    return "\n".join(lines) + "\n"
