"""The progress of a running import, as other app processes see it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections

from mingel.contacts.models import Contact
from mingel.imports import progress, services
from mingel.imports.models import ImportJob

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def linkedin_file(rows: int) -> SimpleUploadedFile:
    lines = "".join(f"Anna,Nr {i},,,Åbo Akademi,,15 Jan 2024\n" for i in range(rows))
    return SimpleUploadedFile("Connections.csv", (HEADER + lines).encode())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="progress is shared on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_another_connection_sees_the_count_while_the_import_is_uncommitted(alice, monkeypatch):
    job = services.import_job_create(owner=alice, source="linkedin", upload=linkedin_file(600))
    other = connections.create_connection("default")  # as another app process would
    seen = []

    class Watched(progress.Reporter):
        def __call__(self, rows):
            super().__call__(rows)
            with other.cursor() as cursor:
                cursor.execute("SELECT rows_done FROM imports_importjob WHERE id = %s", [job.pk])
                (done,) = cursor.fetchone()
                cursor.execute("SELECT count(*) FROM contacts_contact")
                (contacts,) = cursor.fetchone()
            seen.append((done, contacts))

    monkeypatch.setattr(progress, "Reporter", Watched)
    try:
        assert services.import_job_start(job=job)  # 600 rows: within this call
    finally:
        other.close()
    # the count was there while the import's writes were not committed yet
    assert seen == [(250, 0), (500, 0)]
    assert Contact.objects.filter(owner=alice).count() == 600
    job.refresh_from_db()
    assert job.status == "done"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="progress is shared on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_locked_job_row_is_skipped_not_waited_for(alice):
    job = services.import_job_create(owner=alice, source="linkedin", upload=linkedin_file(3))
    reporter = progress.Reporter(job.pk)
    try:
        with connection.cursor() as cursor, connection.constraint_checks_disabled():
            cursor.execute("BEGIN")
            cursor.execute("SELECT id FROM imports_importjob WHERE id = %s FOR UPDATE", [job.pk])
            reporter(250)  # returns at once instead of waiting for this lock
            cursor.execute("ROLLBACK")
        reporter(300)
    finally:
        reporter.close()
    assert ImportJob.objects.get(pk=job.pk).rows_done == 300
    assert progress.rows_done(job) == 300
    progress.forget(job.pk)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="progress is in memory on SQLite")
@pytest.mark.django_db
def test_on_sqlite_the_count_stays_in_memory(alice):
    job = services.import_job_create(owner=alice, source="linkedin", upload=linkedin_file(3))
    reporter = progress.Reporter(job.pk)
    try:
        reporter(250)
    finally:
        reporter.close()
    assert progress.rows_done(job) == 250
    job.refresh_from_db()
    assert job.rows_done == 0
    progress.forget(job.pk)
