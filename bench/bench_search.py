"""Contact search at a heavy user's size: rebuilding the index, then a mix of queries in
Swedish and English, each timed as the contact list needs it (count, first page of 50 with
tags, "why it matched" excerpts), and a few through the whole page.

Runs on the database the settings give: SQLite in .bench-data/ by default, PostgreSQL with
DATABASE_URL set (the figures file then says so).
"""

import statistics
import time

from bench.seed import heavy_user, logged_in_client, machine, percentiles, setup_django

QUERIES = [
    "kubernetes",
    "kube",
    "migration",
    "migreringar",
    "molnet",
    "maskininlärning",
    "machine learning",
    "rust embedded",
    "tillgänglighet",
    "accessibility",
    "klarna",
    "spotify developer",
    "anna",
    "andersson data",
    "examensarbete",
    "recommender",
    "säkerhet",
    "penetrationstester",
    "kafka",
    "mentor",
    "sommarjobb praktik",
    "who knows about shaders",
]
PAGES = ["kubernetes", "migreringar", "mentor"]


def run() -> str:
    setup_django()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mingel.contacts.selectors import contacts_list
    from mingel.search import selectors
    from mingel.search.services import search_reindex_all

    user = heavy_user()
    started = time.perf_counter()
    indexed = search_reindex_all(owner=user)
    reindex_s = time.perf_counter() - started

    def search(q: str) -> tuple[int, list]:
        contacts = contacts_list(owner=user, q=q)
        count = contacts.count()
        page = list(contacts[:50])
        selectors.attach_matches(page, q)
        return count, page

    vendor = connection.vendor
    lines = [
        f"# Contact search at a heavy user's size ({vendor})",
        "",
        f"10,000 contacts, 100,000 interactions; {machine()}. `python -m bench search` "
        "(PostgreSQL: with `DATABASE_URL` set). Each query is timed as the contact list "
        'runs it: count, first page of 50 with tags, and the "why it matched" excerpts. '
        "The machine's 2 cores are shared with other work, so single figures can be noisy.",
        "",
        f"Rebuilding the index (`search_reindex_all`, {indexed:,} contacts): "
        f"**{reindex_s:.1f} s**.",
        "",
        "| query | matches | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|",
    ]
    every: list[float] = []
    for q in QUERIES:
        count, _ = search(q)
        samples: list[float] = []

        def timed(q=q, samples=samples):
            t0 = time.perf_counter()
            search(q)
            samples.append((time.perf_counter() - t0) * 1000)

        t = percentiles(timed, runs=40, warmup=3)
        every.extend(samples[3:])
        lines.append(f"| `{q}` | {count:,} | {t['p50']:.1f} | {t['p95']:.1f} | {t['p99']:.1f} |")
    q = statistics.quantiles(every, n=100, method="inclusive")
    lines += [
        "",
        f"**All {len(QUERIES)} queries together ({len(every)} runs): p50 {q[49]:.1f} ms, "
        f"p95 {q[94]:.1f} ms, p99 {q[98]:.1f} ms** (target: p95 ≤ 30 ms on SQLite).",
        "",
        "Through the whole contact list page (middleware, template, session):",
        "",
        "| page | p50 ms | p95 ms | p99 ms | queries |",
        "|---|---:|---:|---:|---:|",
    ]
    client = logged_in_client(user)
    for q in PAGES:
        url = f"/contacts/?q={q}"
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        t = percentiles(lambda url=url: client.get(url), runs=30)
        lines.append(
            f"| `{url}` | {t['p50']:.1f} | {t['p95']:.1f} | {t['p99']:.1f} "
            f"| {len(ctx.captured_queries)} |"
        )
    return "\n".join(lines) + "\n"
