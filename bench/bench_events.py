"""Event pages at a heavy user's size (60 events, 1,000 of 10,000 contacts linked to
them): time per request through the whole Django stack, and SQL queries per request."""

import os

from bench.seed import heavy_user, logged_in_client, machine, percentiles, setup_django

PAGES = [
    ("event list", "/events/"),
    ("event detail", "/events/{event}/"),
    ("pocket card", "/events/{event}/card/"),
    ("review", "/events/{event}/review/"),
    ("plan form (edit)", "/events/{event}/edit/"),
    ("question bank", "/events/questions/"),
]


def load() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def run() -> str:
    setup_django()
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from mingel.accounts.services import token_create

    user = heavy_user()
    # The busiest event: the one with the most people met.
    event = user.events.annotate(n=Count("contacts")).order_by("-n", "id").first()
    linked = user.contacts.filter(event__isnull=False).count()
    client = logged_in_client(user)
    api = Client(headers={"authorization": f"Bearer {token_create(user=user, name='bench')[1]}"})
    lines = [
        "# Event pages at a heavy user's size",
        "",
        f"{user.events.count()} events, {user.contacts.count():,} contacts ({linked:,} linked "
        f"to events; the measured event has {event.n} people met), SQLite; {machine()}. "
        "`python -m bench events`, in-process through the whole Django stack.",
        "",
        # The machine is shared; a high load inflates every figure, so say what it was.
        f"Load average when measured: {load()} (1, 5, 15 min).",
        "",
        "| page | p50 ms | p95 ms | p99 ms | queries |",
        "|---|---:|---:|---:|---:|",
    ]
    targets = [(label, client, url.format(event=event.id)) for label, url in PAGES]
    targets += [
        ("API event list", api, "/api/v1/events"),
        ("API event", api, f"/api/v1/events/{event.id}"),
        ("API questions", api, "/api/v1/questions?lang=sv"),
    ]
    for label, who, url in targets:
        response = who.get(url)
        assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as ctx:
            who.get(url)
        queries = len(ctx.captured_queries)
        t = percentiles(lambda who=who, url=url: who.get(url), runs=50)
        lines.append(
            f"| {label} (`{url}`) | {t['p50']:.1f} | {t['p95']:.1f} | {t['p99']:.1f} | {queries} |"
        )
    lines += ["", f"Load average after: {load()}."]
    return "\n".join(lines) + "\n"
