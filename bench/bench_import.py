"""Importing a 30,000-row LinkedIn Connections.csv: time and peak memory of the preview
(dry run), the import into an empty account and into the heavy user's (10,000 contacts,
100,000 interactions), and the re-import of the same file (all duplicates)."""

import datetime as dt
import os
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench.seed import COMPANIES, FIRST, LAST, ROLES, heavy_user, machine, setup_django

ROWS = 30_000
NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses'
    " are missing. You will only see email addresses for connections who have allowed their"
    ' connections to see or download their email address using this setting."\n\n'
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def write_connections(path: Path, rows: int = ROWS) -> None:
    """A realistic export: unique profile URLs, one email in ten, quoted positions."""
    rng = random.Random(6)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(NOTES + HEADER)
        for i in range(rows):
            day = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(4700))
            first, last = rng.choice(FIRST), rng.choice(LAST)
            email = f"{first}.{last}{i}@example.com".lower() if i % 10 == 0 else ""
            out.write(
                f"{first},{last},https://www.linkedin.com/in/{first}-{last}-{i:x}".lower()
                + f',{email},{rng.choice(COMPANIES)},"{rng.choice(ROLES)}, team {i % 40}",'
                + f"{day.day:02d} {MONTHS[day.month - 1]} {day.year}\n"
            )


def timed_import(owner, path: Path, *, dry_run=False, trace=False):
    """((wall seconds, CPU seconds), summary, peak Python heap in MB or None)."""
    from mingel.core.importers import linkedin
    from mingel.core.importers.text import detect_encoding
    from mingel.imports import services

    if trace:
        tracemalloc.start()
    t0, c0 = time.perf_counter(), time.process_time()
    summary = services.import_records(
        owner=owner, records=linkedin.parse(path, detect_encoding(path)), dry_run=dry_run
    )
    seconds = (time.perf_counter() - t0, time.process_time() - c0)
    peak = None
    if trace:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return seconds, summary, peak


def timed_pages(owner, path: Path):
    """((create seconds, apply seconds) as (wall, CPU) pairs, the job applied)."""
    from django.core.files import File

    from mingel.imports import services

    t0, c0 = time.perf_counter(), time.process_time()
    with open(path, "rb") as f:
        job = services.import_job_create(
            owner=owner, source="linkedin", upload=File(f, name="Connections.csv")
        )
    t1, c1 = time.perf_counter(), time.process_time()
    job = services.import_job_apply(job=job)
    t2, c2 = time.perf_counter(), time.process_time()
    return ((t1 - t0, c1 - c0), (t2 - t1, c2 - c1)), job


def fresh_user(label: str):
    from mingel.accounts.models import User

    email = f"import-bench-{label}@example.com"
    User.objects.filter(email=email).delete()
    return User.objects.create_user(email, "import-bench-password")


def run() -> str:
    setup_django()
    from django.db import connection, transaction

    from mingel.contacts.models import Contact
    from mingel.core.importers.plan import Summary

    heavy = heavy_user()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Connections.csv"
        write_connections(path)
        size_mb = path.stat().st_size / 2**20
        results = []

        user = fresh_user("empty")
        seconds, summary, _ = timed_import(user, path, dry_run=True)
        results.append(("preview (dry run), empty account", seconds, summary))
        seconds, summary, _ = timed_import(user, path)
        results.append(("import into an empty account", seconds, summary))
        assert Contact.objects.filter(owner=user).count() == ROWS
        seconds, summary, _ = timed_import(user, path)
        results.append(("same file again (all duplicates)", seconds, summary))

        # Rolled back, so the heavy user stays as seeded for this and other benchmarks.
        with transaction.atomic():
            seconds, summary, _ = timed_import(heavy, path)
            transaction.set_rollback(True)
        results.append(("import into the heavy user's 10,000 contacts", seconds, summary))

        # As the import pages do it: the upload kept in the database in 1 MB parts with the
        # preview, then read back to a temporary file by the apply, progress reported.
        paged = fresh_user("pages")
        seconds, job = timed_pages(paged, path)
        results.append(("pages: upload kept in the database + preview", seconds[0], job.preview))
        results.append(("pages: apply (upload read back, progress shared)", seconds[1], job.result))
        assert Contact.objects.filter(owner=paged).count() == ROWS
        paged.delete()

        traced = fresh_user("traced")
        _, _, peak_preview = timed_import(traced, path, dry_run=True, trace=True)
        _, _, peak = timed_import(traced, path, trace=True)
        traced.delete()
        user.delete()

    lines = [
        "# Importing a 30,000-row LinkedIn export",
        "",
        f"`python -m bench import`; {connection.vendor}; {machine()}. The file "
        f"({ROWS:,} connections, {size_mb:.1f} MB, LinkedIn's notes before the header) is "
        "generated by the benchmark. The time is the whole import as `mingel import linkedin`"
        " runs it: encoding detection, parsing, duplicate checks, writing contacts and their"
        " LinkedIn interactions in one transaction. The `pages:` rows run it as the import"
        " pages do: the upload is kept in the database (1 MB parts) with its preview, and the"
        " apply reads it back to a temporary file and shares its progress (on PostgreSQL"
        " through a second connection, every 250 rows).",
        "",
        "| run | wall s | CPU s | created | updated | skipped | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, (wall, cpu), s in results:
        if isinstance(s, dict):  # a job's preview or result
            s = Summary(**{k: s[k] for k in ("created", "updated", "skipped", "error_count")})
        lines.append(
            f"| {label} | {wall:.2f} | {cpu:.2f} | {s.created:,} | {s.updated:,} "
            f"| {s.skipped:,} | {s.error_count:,} |"
        )
    lines += [
        "",
        "Memory (tracemalloc, Python heap at its peak during one call, import into an empty"
        " account):",
        "",
        f"- import: **{peak:.1f} MB** peak; preview: {peak_preview:.1f} MB peak "
        f"(the file is {size_mb:.1f} MB and is never held: rows stream through; what grows "
        "with the row count is the duplicate index, one small entry per person).",
        "",
        f"Load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores."
        " The machine is shared with other work: wall time stretches with the load, CPU time"
        " (this process's own"
        + (
            ", SQLite's work included as it runs in-process)"
            if connection.vendor == "sqlite"
            else "; the database server's work is not in it)"
        )
        + " much less. Run with DATABASE_URL set for PostgreSQL; figures for it are in"
        " `import-postgresql.md`.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    os.environ.setdefault("MINGEL_DATA_DIR", str(Path(__file__).parent.parent / ".bench-data"))
    print(run())
