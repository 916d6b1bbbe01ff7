"""Upload, columns, preview, apply and progress pages, without and with htmx."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mingel.accounts.services import user_delete
from mingel.contacts.models import Contact
from mingel.imports import progress, services, storage
from mingel.imports.models import ImportJob, ImportUpload
from mingel.testing import ImportJobFactory, run_queued_tasks

pytestmark = pytest.mark.django_db


def upload(client, source, path, name=None):
    data = SimpleUploadedFile(name or path.name, path.read_bytes())
    return client.post(reverse("import_start"), {"source": source, "file": data})


def test_it_shows_the_upload_form_with_a_link_from_the_contacts(alice_client):
    assert reverse("import_start") in alice_client.get(reverse("contact_list")).text
    page = alice_client.get(reverse("import_start"))
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.text


def test_it_previews_a_linkedin_file_then_imports_it(alice, alice_client, fixture_path):
    response = upload(alice_client, "linkedin", fixture_path("Connections.csv"))
    job = ImportJob.objects.get(owner=alice)
    assert response.url == reverse("import_detail", kwargs={"import_id": job.pk})
    assert storage.exists(job)
    page = alice_client.get(response.url)
    assert page.status_code == 200
    assert "Anna Svensson" in page.text
    assert "spreadsheet formula" not in page.text  # text is text, Sara's company too
    assert "line 12" in page.text and "31 Feb 2024" in page.text
    assert not Contact.objects.exists()

    done = alice_client.post(reverse("import_apply", kwargs={"import_id": job.pk}), follow=True)
    job.refresh_from_db()
    assert job.status == "done" and job.result["created"] == 7
    assert Contact.objects.filter(owner=alice).count() == 7
    assert "See your contacts" in done.text
    assert not storage.exists(job)


def test_a_second_apply_does_nothing(alice, alice_client, fixture_path):
    upload(alice_client, "linkedin", fixture_path("Connections.csv"))
    job = ImportJob.objects.get(owner=alice)
    url = reverse("import_apply", kwargs={"import_id": job.pk})
    alice_client.post(url)
    page = alice_client.post(url, follow=True)
    assert "already started" in page.text
    assert Contact.objects.count() == 7


def test_a_broken_file_is_refused_on_the_form(alice, alice_client, tmp_path):
    path = tmp_path / "cut.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Anna\n")
    page = upload(alice_client, "vcard", path)
    assert page.status_code == 200
    assert "Line 1: the card that starts here has no END:VCARD" in page.text
    assert not ImportJob.objects.exists()
    assert not ImportUpload.objects.exists()


def test_the_wrong_kind_of_file_is_refused_with_the_reason(alice_client, fixture_path):
    page = upload(alice_client, "linkedin", fixture_path("google.vcf"))
    assert "No header row was found" in page.text


def test_csv_goes_through_the_column_step(alice, alice_client, fixture_path):
    response = upload(alice_client, "csv", fixture_path("kontakter_excel_sv.csv"))
    job = ImportJob.objects.get(owner=alice)
    assert job.status == "mapping"
    columns = reverse("import_mapping", kwargs={"import_id": job.pk})
    assert alice_client.get(response.url).url == columns
    page = alice_client.get(columns)
    assert "Företag" in page.text
    assert (
        '<option value="1" selected>Företag: e.g. “Sveriges Radio”, “Scania AB”, '
        "“Ingen AB”</option>" in page.text
    )

    early = alice_client.post(reverse("import_apply", kwargs={"import_id": job.pk}))
    assert early.url == columns and not Contact.objects.exists()
    refused = alice_client.post(columns, {"company": "1"})
    assert "choose a column for the name" in refused.text.lower()
    assert (
        '<option value="1" selected>Företag: e.g. “Sveriges Radio”, “Scania AB”, '
        "“Ingen AB”</option>" in refused.text
    )

    preview = alice_client.post(columns, {"name": "0", "company": "1", "email": "3"}, follow=True)
    assert "Karin Månsson" in preview.text and "line 4" in preview.text
    alice_client.post(reverse("import_apply", kwargs={"import_id": job.pk}))
    karin = Contact.objects.get(owner=alice, name="Karin Månsson")
    assert (karin.company, karin.email, karin.role) == (
        "Sveriges Radio",
        "karin.mansson@example.se",
        "",
    )


def test_cancel_removes_the_upload(alice, alice_client, fixture_path):
    upload(alice_client, "vcard", fixture_path("apple.vcf"))
    job = ImportJob.objects.get(owner=alice)
    response = alice_client.post(reverse("import_cancel", kwargs={"import_id": job.pk}))
    assert response.url == reverse("import_start")
    assert not ImportJob.objects.exists() and not ImportUpload.objects.exists()


def test_a_failed_import_says_why_and_that_nothing_was_imported(alice, alice_client):
    job = ImportJobFactory(owner=alice)  # its upload is gone
    alice_client.post(reverse("import_apply", kwargs={"import_id": job.pk}))
    page = alice_client.get(reverse("import_detail", kwargs={"import_id": job.pk}))
    assert "Nothing was imported" in page.text
    assert "The file cannot be opened" in page.text


def test_the_progress_block_polls_while_running(alice, alice_client):
    job = ImportJobFactory(owner=alice, status="running", preview={"created": 400})
    progress.report(job.pk, 250)
    try:
        url = reverse("import_progress", kwargs={"import_id": job.pk})
        block = alice_client.get(url, headers={"hx-request": "true"})
        assert block.text.lstrip().startswith('<section id="import-status"')
        assert 'hx-trigger="every 1s"' in block.text
        assert '<progress max="400" value="250"' in block.text
    finally:
        progress.forget(job.pk)
    # another process runs it: the count comes from the job's row
    ImportJob.objects.filter(pk=job.pk).update(rows_done=300, started_at=timezone.now())
    block = alice_client.get(url, headers={"hx-request": "true"})
    assert '<progress max="400" value="300"' in block.text
    job.status = "done"
    job.result = {"created": 400, "updated": 0, "skipped": 0, "errors": [], "error_count": 0}
    job.save()
    block = alice_client.get(url)
    assert "hx-trigger" not in block.text and "Done" in block.text


def test_a_job_left_running_by_a_restart_is_marked_failed(alice, alice_client):
    job = ImportJobFactory(owner=alice, status="running")
    page = alice_client.get(reverse("import_detail", kwargs={"import_id": job.pk}))
    assert "interrupted" in page.text
    job.refresh_from_db()
    assert job.status == "failed"


def test_the_start_page_lists_recent_imports_in_few_queries(
    alice, alice_client, django_assert_max_num_queries
):
    for _ in range(7):
        ImportJobFactory(owner=alice)
    with django_assert_max_num_queries(8):
        page = alice_client.get(reverse("import_start"))
    assert page.text.count('<li class="card">') == 5


IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.mark.django_db(transaction=True)
def test_a_large_import_is_queued_and_the_worker_applies_it(alice, monkeypatch, fixture_path):
    from django.test import Client

    monkeypatch.setattr(services, "INLINE_ROWS", 0)
    client = Client()
    client.force_login(alice)
    upload(client, "linkedin", fixture_path("Connections.csv"))
    job = ImportJob.objects.get(owner=alice)
    client.post(reverse("import_apply", kwargs={"import_id": job.pk}))
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "mingel.imports.tasks.import_job_run"
    assert queued.args_kwargs == {"args": [job.pk], "kwargs": {}}
    page = client.get(reverse("import_detail", kwargs={"import_id": job.pk}))
    assert 'hx-trigger="every' in page.text and not Contact.objects.exists()

    run_queued_tasks()

    job.refresh_from_db()
    assert job.status == "done" and job.result["created"] == 7
    assert Contact.objects.filter(owner=alice).count() == 7
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert not storage.exists(job)


def test_a_queued_import_runs_when_the_claim_commits(
    alice, alice_client, monkeypatch, fixture_path, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    monkeypatch.setattr(services, "INLINE_ROWS", 0)
    upload(alice_client, "linkedin", fixture_path("Connections.csv"))
    job = ImportJob.objects.get(owner=alice)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        alice_client.post(reverse("import_apply", kwargs={"import_id": job.pk}))
    job.refresh_from_db()
    assert job.status == "running" and not Contact.objects.exists()
    for callback in callbacks:
        callback()
    job.refresh_from_db()
    assert job.status == "done" and Contact.objects.filter(owner=alice).count() == 7


def test_a_queued_import_of_a_deleted_job_is_skipped(alice):
    from mingel.imports.tasks import import_job_run

    job = ImportJobFactory(owner=alice, status="failed")
    assert import_job_run.call(job.pk) == "gone"
    assert import_job_run.call(job.pk + 1000) == "gone"
    job.refresh_from_db()
    assert job.status == "failed"


def test_the_preview_speaks_swedish(alice, alice_client, fixture_path):
    alice.language = "sv"
    alice.save()
    upload(alice_client, "linkedin", fixture_path("Connections.csv"))
    job = ImportJob.objects.get(owner=alice)
    page = alice_client.get(reverse("import_detail", kwargs={"import_id": job.pk}))
    assert "Det här händer" in page.text
    assert "rad 12" in page.text and "”31 Feb 2024” går inte att läsa som ett datum" in page.text
    assert "kalkylarksformel" not in page.text


def test_apply_reads_the_upload_from_the_database_not_a_local_file(
    alice, alice_client, fixture_path, temp_dir
):
    """As when the apply lands on another app process: nothing of the upload is on this
    machine, only in the database."""
    upload(alice_client, "linkedin", fixture_path("Connections.csv"))
    job = ImportJob.objects.get(owner=alice)
    assert not any(temp_dir.iterdir())  # the preview's copy is gone
    alice_client.post(reverse("import_apply", kwargs={"import_id": job.pk}))
    job.refresh_from_db()
    assert job.status == "done" and job.result["created"] == 7
    assert not any(temp_dir.iterdir()) and not ImportUpload.objects.exists()


def test_a_csv_upload_waits_in_the_database_for_its_columns(alice, alice_client, fixture_path):
    upload(alice_client, "csv", fixture_path("kontakter_excel_sv.csv"))
    job = ImportJob.objects.get(owner=alice)
    columns = reverse("import_mapping", kwargs={"import_id": job.pk})
    preview = alice_client.post(columns, {"name": "0", "company": "1"}, follow=True)
    assert "Karin Månsson" in preview.text


def test_a_large_upload_is_kept_in_parts_and_comes_back_byte_for_byte(alice, monkeypatch):
    monkeypatch.setattr(storage, "PART_BYTES", 1000)
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    rows = "".join(f"Anna,Nr {i},,,Åbo Akademi,,15 Jan 2024\n" for i in range(120))
    data = header.encode() + rows.encode() + bytes(range(256))
    job = services.import_job_create(
        owner=alice, source="linkedin", upload=SimpleUploadedFile("big.csv", data)
    )
    assert ImportUpload.objects.filter(job=job).count() == len(data) // 1000 + 1
    with storage.local_copy(job) as path:
        assert path.read_bytes() == data
    assert not path.exists()


def test_a_file_over_a_megabyte_round_trips(alice, temp_dir):
    data = bytes(range(256)) * (5 * 1024 + 7)  # 1.3 MB
    job = ImportJobFactory(owner=alice)
    with storage.temp_copy([data[:70_000], data[70_000:]]) as path:
        assert storage.store(job, path) == len(data)
    assert [len(p) for p in storage.parts(job)] == [storage.PART_BYTES, len(data) - 2**20]
    with storage.local_copy(job) as path:
        assert path.read_bytes() == data
    assert not any(temp_dir.iterdir())


def test_a_too_large_upload_leaves_nothing(alice, monkeypatch, temp_dir):
    monkeypatch.setattr(storage, "MAX_BYTES", 10)
    with pytest.raises(storage.TooLarge):
        services.import_job_create(
            owner=alice, source="vcard", upload=SimpleUploadedFile("a.vcf", b"x" * 11)
        )
    assert not ImportJob.objects.exists() and not ImportUpload.objects.exists()
    assert not any(temp_dir.iterdir())


def test_stale_uploads_are_removed(alice, alice_client, fixture_path):
    upload(alice_client, "vcard", fixture_path("apple.vcf"))
    job = ImportJob.objects.get(owner=alice)
    storage.remove_stale(now=job.created_at + dt.timedelta(seconds=storage.KEEP_SECONDS - 1))
    assert storage.exists(job)
    storage.remove_stale(now=job.created_at + dt.timedelta(seconds=storage.KEEP_SECONDS + 1))
    assert not storage.exists(job)
    page = alice_client.post(reverse("import_apply", kwargs={"import_id": job.pk}), follow=True)
    assert "The file cannot be opened" in page.text


def test_deleting_the_account_deletes_its_uploads(alice, bob, alice_client, fixture_path):
    upload(alice_client, "vcard", fixture_path("apple.vcf"))
    bob_job = ImportJobFactory(owner=bob)
    ImportUpload.objects.create(job=bob_job, seq=0, data=b"bob")
    user_delete(user=alice)
    assert list(ImportUpload.objects.values_list("job__owner", flat=True)) == [bob.pk]


def test_an_interval_in_unicode_digits_is_a_row_error_on_the_mapping_step(
    alice, alice_client, fixture_path
):
    upload(alice_client, "csv", fixture_path("keep_in_touch_unicode_digits.csv"))
    job = ImportJob.objects.get(owner=alice)
    columns = reverse("import_mapping", kwargs={"import_id": job.pk})
    mapping = {"name": "0", "email": "1", "keep_in_touch_days": "2"}
    preview = alice_client.post(columns, mapping, follow=True)
    assert preview.status_code == 200
    job.refresh_from_db()
    assert job.preview["created"] == 1
    assert [e["line"] for e in job.preview["errors"]] == [2, 3]
    assert {e["code"] for e in job.preview["errors"]} == {"bad_interval"}


def test_a_card_with_an_interval_in_superscript_is_a_row_error(alice, alice_client, fixture_path):
    response = upload(alice_client, "vcard", fixture_path("mingel_keep_in_touch_superscript.vcf"))
    assert response.status_code == 302
    job = ImportJob.objects.get(owner=alice)
    assert job.preview["created"] == 1
    assert [(e["line"], e["code"]) for e in job.preview["errors"]] == [(1, "bad_interval")]


def test_the_column_samples_are_gone_once_the_import_is_done(alice, alice_client, fixture_path):
    upload(alice_client, "csv", fixture_path("kontakter_excel_sv.csv"))
    job = ImportJob.objects.get(owner=alice)
    assert job.samples
    columns = reverse("import_mapping", kwargs={"import_id": job.pk})
    alice_client.post(columns, {"name": "0", "company": "1"})
    alice_client.post(reverse("import_apply", kwargs={"import_id": job.pk}))
    job.refresh_from_db()
    assert job.status == "done" and job.samples == []


def test_the_column_samples_are_gone_when_the_job_fails_or_goes_stale(
    alice, alice_client, fixture_path
):
    upload(alice_client, "csv", fixture_path("kontakter_excel_sv.csv"))
    job = ImportJob.objects.get(owner=alice)
    job.started_at = timezone.now() - services.STALE_AFTER * 2
    ImportJob.objects.filter(pk=job.pk).update(status="running", started_at=job.started_at)
    job.refresh_from_db()
    services.import_job_check_stale(job=job)
    job.refresh_from_db()
    assert job.status == "failed" and job.samples == []

    upload(alice_client, "csv", fixture_path("kontakter_excel_sv.csv"))
    waiting = ImportJob.objects.filter(owner=alice, status="mapping").get()
    assert waiting.samples
    storage.remove_stale(now=waiting.created_at + dt.timedelta(seconds=storage.KEEP_SECONDS + 1))
    waiting.refresh_from_db()
    assert waiting.samples == []


def test_cancelling_leaves_no_column_samples(alice, alice_client, fixture_path):
    upload(alice_client, "csv", fixture_path("kontakter_excel_sv.csv"))
    job = ImportJob.objects.get(owner=alice)
    alice_client.post(reverse("import_cancel", kwargs={"import_id": job.pk}))
    assert not ImportJob.objects.exclude(samples=[]).exists()


def test_a_date_that_could_be_two_is_kept_in_the_notes_and_the_preview_says_so(
    alice, alice_client, fixture_path
):
    upload(alice_client, "csv", fixture_path("excel_comma_dates_that_could_be_two.csv"))
    job = ImportJob.objects.get(owner=alice)
    columns = reverse("import_mapping", kwargs={"import_id": job.pk})
    page = alice_client.post(columns, {"name": "0", "met_on": "1", "notes": "2"}, follow=True)
    assert "Rows imported with something to check" in page.text
    assert (
        "the date you met “3/4/2026” could be read day first or month first; "
        "it was put in the notes" in page.text
    )
    job.refresh_from_db()
    assert (job.preview["created"], job.preview["error_count"]) == (4, 0)
    alice_client.post(reverse("import_apply", kwargs={"import_id": job.pk}))
    anna = Contact.objects.get(owner=alice, name="Anna Berg")
    assert (anna.met_on, anna.notes) == (None, "Likes padel\n\n3/4/2026")
    alice.language = "sv"
    alice.save()
    done = alice_client.get(reverse("import_detail", kwargs={"import_id": job.pk}))
    assert "Rader som importerades med något att kontrollera" in done.text
    assert "”1/1/1066” ligger inte mellan 1900 och 2200" in done.text
