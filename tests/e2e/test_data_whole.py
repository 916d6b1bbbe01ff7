"""Data that stays whole, in the browser: the sent text folded on the timeline, the two
CSV files, and an import preview that says what it fills in, on a phone and a desktop."""

import datetime as dt

from django.utils import timezone
from playwright.sync_api import expect

from mingel.compose.services import draft_mark_sent
from mingel.contacts.services import contact_create
from mingel.core.importers.tests.conftest import FIXTURES
from mingel.testing import UserFactory
from tests.e2e.conftest import fits_the_screen, log_in, screenshot

LONG = "\n\n".join(
    f"Stycke {n}: tack för att du tog dig tid att prata om Rust och jobbet på Spotify."
    for n in range(6)
)


def eva():
    return UserFactory(email="eva@example.com", display_name="Eva Ek", language="en")


def test_the_sent_text_is_folded_on_the_timeline_and_opens(page, transactional_db):
    user = eva()
    log_in(page, user)
    ada = contact_create(owner=user, name="Ada Lind", met_on=dt.date(2026, 3, 1))
    draft_mark_sent(
        owner=user,
        contact=ada,
        kind="thanks",
        lang="sv",
        body=LONG,
        subject="Tack för i går",
        channel="email",
        now=timezone.now(),
    )
    page.goto(f"{page.base}/contacts/{ada.pk}/")
    sent = page.locator("details.sent-body")
    expect(sent.locator("summary")).to_have_text("The message as sent")
    expect(page.get_by_text("Stycke 5:")).to_be_hidden()
    sent.locator("summary").click()
    expect(page.get_by_text("Stycke 5:")).to_be_visible()
    assert fits_the_screen(page)
    screenshot(page, f"timeline-sent-body-{page.viewport_size['width']}")


def test_your_data_offers_both_csv_files(page, transactional_db):
    user = eva()
    log_in(page, user)
    contact_create(owner=user, name="Åsa Öberg, PhD", company="Fika; Kod AB")
    page.goto(page.base + "/data/")
    with page.expect_download() as info:
        page.get_by_role("link", name="Contacts for Excel (semicolons)").click()
    excel = info.value.path().read_bytes()
    assert excel.startswith(b"\xef\xbb\xbf") and b"Name;Company;" in excel
    with page.expect_download() as info:
        page.get_by_role("link", name="Contacts as CSV (commas)").click()
    assert b"Name,Company," in info.value.path().read_bytes()
    assert fits_the_screen(page)


def test_the_preview_lists_what_an_import_fills_in(page, transactional_db):
    user = eva()
    log_in(page, user)
    contact_create(owner=user, name="Anna Svensson", email="anna.svensson@example.com")
    page.goto(page.base + "/imports/")
    page.get_by_label("vCard file").check()
    page.get_by_label("File", exact=True).set_input_files(str(FIXTURES / "google.vcf"))
    page.get_by_role("button", name="Read the file").click()
    changes = page.locator("dl.changes")
    expect(changes).to_contain_text("Spotify AB")
    expect(changes).to_contain_text("(empty)")
    assert fits_the_screen(page)
    screenshot(page, f"import-preview-changes-{page.viewport_size['width']}")
    page.get_by_role("button", name="Import", exact=True).click()
    page.get_by_role("link", name="See your contacts").click()
    expect(page.locator(".contact-name").first).to_have_text("Mikael Nyström")


def test_the_column_step_shows_sample_values_and_fits(page, transactional_db):
    log_in(page, eva())
    page.goto(page.base + "/imports/")
    page.get_by_label("Spreadsheet (CSV)").check()
    page.get_by_label("File", exact=True).set_input_files(
        str(FIXTURES / "mingel_excel_semicolons_sv.csv")
    )
    page.get_by_role("button", name="Read the file").click()
    company = page.get_by_label("Company")
    expect(company.locator("option:checked")).to_have_text("Företag: e.g. “Fika; Kod AB”")
    assert fits_the_screen(page)
    screenshot(page, f"import-columns-samples-{page.viewport_size['width']}")
    page.get_by_role("button", name="Show what will happen").click()
    # Eve's note that looks like a formula is text: all three rows come in.
    expect(page.locator(".import-counts")).to_contain_text("3 new contacts")
    expect(page.locator(".import-counts")).to_contain_text("0 rows with errors")
