"""The today list at a heavy user's size: the page and GET /api/v1/today through the whole
Django stack, the calendar feed, and the weekly reconnect pick, with their SQL queries."""

import datetime as dt
import os
import statistics
import time

from bench.seed import heavy_user, logged_in_client, machine, setup_django

RUNS = 200


def timings(cases, runs: int, warmup: int = 3) -> dict[str, dict[str, float]]:
    """Per case: wall-clock p50/p95/p99 in ms, and the median CPU time of this process.

    The cases take turns (one call of each per round), so a burst of other work on this
    shared machine hits them all alike instead of one row. CPU time does not count waiting
    for a core (SQLite runs in-process, so the database's work is in it)."""
    for _ in range(warmup):
        for _label, fn in cases:
            fn()
    wall: dict[str, list[float]] = {label: [] for label, _fn in cases}
    cpu: dict[str, list[float]] = {label: [] for label, _fn in cases}
    for _ in range(runs):
        for label, fn in cases:
            w, c = time.perf_counter(), time.process_time()
            fn()
            cpu[label].append((time.process_time() - c) * 1000)
            wall[label].append((time.perf_counter() - w) * 1000)
    result = {}
    for label, times in wall.items():
        q = statistics.quantiles(times, n=100, method="inclusive")
        result[label] = {
            "p50": q[49],
            "p95": q[94],
            "p99": q[98],
            "cpu": statistics.median(cpu[label]),
        }
    return result


def count_queries(fn) -> int:
    from django.db import connection

    calls = []

    def counter(execute, sql, params, many, context):
        calls.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        fn()
    return len(calls)


def run() -> str:
    setup_django()
    from django.test import Client

    from mingel.accounts.services import token_create
    from mingel.followups import selectors, services
    from mingel.followups.models import ReminderSettings

    user = heavy_user()
    client = logged_in_client(user)
    token = token_create(user=user, name="bench")[1]
    api = Client(headers={"authorization": f"Bearer {token}"})
    prefs = services.reminder_settings_get(user=user)
    today = selectors.user_today(user)
    feed = f"/calendar/{prefs.calendar_token}.ics"

    def pick():
        ReminderSettings.objects.filter(pk=prefs.pk).update(reconnect_week=None)
        prefs.reconnect_week = None
        services.reconnect_picks_refresh(owner=user, prefs=prefs, today=today)

    cases = [
        ("today page (`/today/`)", lambda: client.get("/today/")),
        ("for comparison: contact list (`/contacts/`)", lambda: client.get("/contacts/")),
        ("API (`GET /api/v1/today`)", lambda: api.get("/api/v1/today")),
        ("calendar feed (`/calendar/<token>.ics`)", lambda: client.get(feed)),
        ("weekly reconnect pick (first visit of a week)", pick),
    ]
    for label, fn in cases[:4]:
        response = fn()
        assert response.status_code == 200, (label, response.status_code)
    # How much is due, for the description; not timed.
    due = {
        "follow-ups": len(selectors.follow_ups(owner=user, today=today)[0]),
        "keep in touch": len(selectors.keep_in_touch(owner=user, today=today)[0]),
        "reconnect suggestions": len(selectors.reconnects(owner=user, today=today, prefs=prefs)),
        "events in two weeks": len(selectors.upcoming_events(owner=user, today=today)),
    }
    lines = [
        "# The today list at a heavy user's size",
        "",
        f"10,000 contacts, 100,000 interactions, 60 events, SQLite; {machine()}. "
        "`python -m bench today`, in-process through the whole Django stack (the API with a "
        "bearer token). Due today for this user: "
        + ", ".join(f"{n} {what}" for what, n in due.items())
        + f"; the page shows the first {selectors.TODAY_LIMIT} of each contact group.",
        "",
        "| what | p50 ms | p95 ms | p99 ms | CPU ms (median) | queries |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    queries = {label: count_queries(fn) for label, fn in cases}
    figures = timings(cases[:3], runs=RUNS) | timings(cases[3:], runs=RUNS // 5)
    for label, _fn in cases:
        t = figures[label]
        lines.append(
            f"| {label} | {t['p50']:.1f} | {t['p95']:.1f} | {t['p99']:.1f} | {t['cpu']:.1f} "
            f"| {queries[label]} |"
        )
    lines += [
        "",
        "The page and the API each read the settings, then one query per group (follow-ups, "
        "keep in touch, reconnects, events), the page adds the session and the user, the API "
        "the token. The pick runs once a week per user (or after a settings change).",
        f"Measured {dt.date.today().isoformat()}, load average {os.getloadavg()[0]:.1f} at "
        "the end (2 cores, shared with other work): compare with the contact list row, and "
        "see the CPU column, which waiting for a core does not inflate.",
    ]
    return "\n".join(lines) + "\n"
