"""Main pages at a heavy user's size: time per request through the whole Django stack
(middleware, templates) and the number of SQL queries each makes."""

from bench.seed import heavy_user, logged_in_client, machine, percentiles, setup_django

PAGES = [
    ("contact list", "/contacts/"),
    ("contact list, sorted by last interaction", "/contacts/?sort=recent"),
    ("contact list, search", "/contacts/?q=kubernetes"),
    ("contact detail", "/contacts/{contact}/"),
    ("today", "/today/"),
]


def run() -> str:
    setup_django()
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    user = heavy_user()
    contact = user.contacts.order_by("id").first()
    client = logged_in_client(user)
    lines = [
        "# Page times at a heavy user's size",
        "",
        f"10,000 contacts, 100,000 interactions, SQLite; {machine()}. `make bench` (or "
        "`python -m bench pages`), in-process through the whole Django stack.",
        "",
        "| page | p50 ms | p95 ms | p99 ms | queries |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, url in PAGES:
        url = url.format(contact=contact.id)
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        # A full query log (its deque holds 9,000) would make the capture read 0.
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        queries = len(ctx.captured_queries)
        t = percentiles(lambda url=url: client.get(url), runs=50)
        lines.append(
            f"| {label} (`{url}`) | {t['p50']:.1f} | {t['p95']:.1f} | {t['p99']:.1f} | {queries} |"
        )
    return "\n".join(lines) + "\n"
