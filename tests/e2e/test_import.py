"""Importing LinkedIn connections in the browser: upload, preview, import, and the progress
block that htmx polls until the import is done."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from mingel.contacts.models import Contact
from mingel.imports import services
from mingel.testing import UserFactory
from mingel.worker import InProcessWorker
from tests.e2e.conftest import fits_the_screen, log_in, screenshot

FIXTURES = Path(__file__).resolve().parents[2] / "mingel/core/importers/tests/fixtures"


@pytest.fixture
def worker(transactional_db):
    """Starts the task worker that `mingel serve` runs in its process, beside the live
    server, for the tasks queued so far.

    In batch mode, started once the task is queued: the test database is SQLite in memory
    with a shared cache, where the worker's exclusive claim makes other connections fail
    at once ("table is locked") instead of waiting as they do on the database file. While
    it works, the page's polls may meet such a moment; htmx then polls again."""
    started = []

    def start():
        started.append(InProcessWorker(interval=0.1, batch=True).start())

    yield start
    for running in started:
        running.stop(timeout=30)


def test_it_previews_and_imports_a_linkedin_export(page, worker, monkeypatch):
    monkeypatch.setattr(services, "INLINE_ROWS", 0)  # queued for the worker, with polling
    user = UserFactory(email="eva-en@example.com", display_name="Eva Ek", language="en")
    log_in(page, user)
    page.goto(page.base + "/contacts/")
    page.get_by_role("link", name="Import contacts").click()
    page.get_by_label("LinkedIn connections").check()
    page.get_by_label("File", exact=True).set_input_files(str(FIXTURES / "Connections.csv"))
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_role("heading", name="What will happen")).to_be_visible()
    expect(page.get_by_text("31 Feb 2024")).to_be_visible()
    screenshot(page, f"import-preview-{page.viewport_size['width']}")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("[hx-trigger^=every]")).to_be_visible()  # queued: the page polls
    worker()
    page.get_by_role("heading", name="Done").wait_for()
    page.get_by_role("link", name="See your contacts").click()
    expect(page.get_by_role("link", name="Anna Svensson")).to_be_visible()
    assert Contact.objects.filter(owner=user).count() == 7  # Lisa Holm without her date
    assert fits_the_screen(page)


def test_the_column_step_in_swedish(phone_page, transactional_db):
    page = phone_page
    log_in(page, UserFactory(email="eva-sv@example.com", display_name="Eva Ek", language="sv"))
    page.goto(page.base + "/imports/")
    page.get_by_label("Kalkylark (CSV)").check()
    page.get_by_label("Fil", exact=True).set_input_files(str(FIXTURES / "kontakter_excel_sv.csv"))
    page.get_by_role("button", name="Läs filen").click()
    assert page.get_by_label("Företag").input_value() == "1"
    page.get_by_role("button", name="Visa vad som händer").click()
    expect(page.get_by_role("heading", name="Det här händer")).to_be_visible()
    # Row 4 has a company only: it is named after it, not refused.
    expect(page.get_by_text("raden saknar namn")).to_have_count(0)
