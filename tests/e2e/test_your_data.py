"""Your data in the browser: download the archive, find duplicates and merge them, on a
phone and on a desktop."""

import datetime as dt
import json

from playwright.sync_api import expect

from mingel.contacts.models import Contact
from mingel.contacts.services import contact_create, interaction_create
from mingel.testing import UserFactory
from tests.e2e.conftest import fits_the_screen, log_in, open_menu, screenshot


def test_it_downloads_the_archive_and_merges_a_duplicate(page, transactional_db, tmp_path):
    user = UserFactory(email="eva@example.com", display_name="Eva Ek", language="en")
    log_in(page, user)
    anna = contact_create(owner=user, name="Anna Berg", email="anna@example.com")
    other = contact_create(owner=user, name="Anna Berg-Lund", email="ANNA@example.com")
    interaction_create(contact=anna, kind="coffee", date=dt.date(2026, 1, 5))
    interaction_create(contact=other, kind="call", date=dt.date(2026, 2, 5))
    width = page.viewport_size["width"]

    page.goto(page.base + "/contacts/")
    open_menu(page)
    page.get_by_role("link", name="Your data").click()
    expect(page.get_by_role("heading", name="Your data")).to_be_visible()
    assert fits_the_screen(page)
    screenshot(page, f"your-data-{width}")
    with page.expect_download() as info:
        page.get_by_role("link", name="Everything as an archive").click()
    path = tmp_path / "archive.json"
    info.value.save_as(path)
    archive = json.loads(path.read_text(encoding="utf-8"))
    assert archive["format"] == "mingel-archive" and len(archive["contacts"]) == 2

    page.get_by_role("link", name="Find duplicates").click()
    page.get_by_role("link", name="Compare and merge").click()
    assert fits_the_screen(page)
    screenshot(page, f"merge-{width}")
    page.get_by_label("Anna Berg-Lund").check()
    page.get_by_role("button", name="Merge").click()
    page.wait_for_url(f"{page.base}/contacts/{anna.pk}/")
    expect(page.get_by_role("heading", name="Anna Berg-Lund")).to_be_visible()
    assert Contact.objects.filter(owner=user).count() == 1
    assert Contact.objects.get(owner=user).interactions.count() == 2
