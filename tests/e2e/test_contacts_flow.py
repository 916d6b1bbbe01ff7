"""The foundation's journey in a real browser, at 1280 px and at 375 px: sign up, switch
to Swedish, add a contact, find it by search, log an interaction, see it on the timeline."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import new_page, open_menu, screenshot


def sign_up(page, email):
    page.goto(page.base + "/accounts/signup/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Name").fill("Eva Ek")
    page.get_by_label("Password", exact=True).fill("a-long-enough-secret-9")
    page.get_by_label("Password confirmation").fill("a-long-enough-secret-9")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(page.base + "/today/")


def quick_add(page, name, talked_about):
    page.locator("header").get_by_role("link", name="Lägg till person").click()
    page.get_by_label("Namn").fill(name)
    page.get_by_label("Vad vi pratade om").fill(talked_about)
    page.get_by_role("button", name="Spara person").click()
    page.get_by_role("heading", name=name, level=1).wait_for()


def test_it_signs_up_switches_to_swedish_and_logs_a_coffee(page, transactional_db):
    width = page.viewport_size["width"]
    sign_up(page, f"eva-{width}@example.com")
    assert page.locator("html").get_attribute("lang") == "en"

    open_menu(page)
    page.get_by_role("button", name="Svenska").click()
    page.wait_for_url(page.base + "/today/")
    assert page.locator("html").get_attribute("lang") == "sv"
    open_menu(page)
    expect(page.get_by_role("link", name="Kontakter")).to_be_visible()

    quick_add(page, "Ada Lind", "Molnmigreringar och Rust")
    quick_add(page, "Bo Berg", "Fotboll och fika")

    open_menu(page)
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Kontakter").click()
    page.get_by_label("Sök kontakter").fill("molnmigrering")
    # htmx swaps the results in place; Bo does not talk about clouds.
    page.get_by_text("Bo Berg").wait_for(state="detached")
    assert page.get_by_role("status").first.inner_text() == "1 kontakt"
    assert "q=molnmigrering" in page.url
    screenshot(page, f"flow-search-sv-{width}")

    page.get_by_role("link", name="Ada Lind").click()
    page.get_by_role("heading", name="Ada Lind", level=1).wait_for()
    page.get_by_label("Typ").select_option("coffee")
    page.get_by_label("Sammanfattning").fill("Fika vid mässan, hon tipsade om ett meetup")
    page.get_by_role("button", name="Logga", exact=True).click()

    timeline = page.get_by_role("list", name="Tidslinje, nyast först")
    entry = timeline.get_by_role("listitem").filter(has_text="Fika vid mässan")
    entry.wait_for()
    assert "Fika" in entry.locator(".kind").inner_text()
    assert entry.locator("time").inner_text() == "i dag"
    expect(page.get_by_text("Interaktionen är loggad.")).to_be_visible()
    # The quick add logged the meeting too; the coffee, logged later, comes first.
    assert timeline.get_by_role("listitem").count() == 2
    assert "Fika vid mässan" in timeline.get_by_role("listitem").first.inner_text()
    screenshot(page, f"flow-timeline-sv-{width}")


@pytest.mark.parametrize(
    "locale, heading",
    [pytest.param("sv-SE", "Logga in", id="sv"), pytest.param("en-GB", "Log in", id="en")],
)
def test_the_login_page_speaks_the_browsers_language(browser, live_server, locale, heading):
    page = new_page(browser, {"width": 375, "height": 740}, locale=locale)
    try:
        page.goto(live_server.url + "/accounts/login/")
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert page.locator("html").get_attribute("lang") == locale[:2]
    finally:
        page.context.close()
