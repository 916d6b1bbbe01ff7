"""The profile in the browser: saving Swedish switches the interface, a new API token is
shown once and can be revoked."""

from playwright.sync_api import expect

from mingel.testing import UserFactory
from tests.e2e.conftest import log_in, screenshot


def english_user(email):
    return UserFactory(email=email, display_name="Eva Ek", language="en")


def test_saving_swedish_in_the_profile_switches_the_interface(page, transactional_db):
    width = page.viewport_size["width"]
    log_in(page, english_user(f"eva-{width}@example.com"))
    page.goto(page.base + "/accounts/profile/")
    page.get_by_label("What I do or study").fill("Studying computer science at KTH")
    page.get_by_label("Time zone").fill("Europe/Helsinki")
    page.get_by_label("Language").select_option("sv")
    page.get_by_role("button", name="Save profile").click()
    page.get_by_role("heading", name="Profil", level=1).wait_for()
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.get_by_text("Din profil är sparad.")).to_be_visible()
    assert page.get_by_label("Tidszon").input_value() == "Europe/Helsinki"
    screenshot(page, f"profile-sv-{width}")


def test_a_new_token_is_shown_once_and_can_be_revoked(page, transactional_db):
    width = page.viewport_size["width"]
    log_in(page, english_user(f"tina-{width}@example.com"))
    page.goto(page.base + "/accounts/profile/")
    page.get_by_label("Token name").fill("my laptop")
    page.get_by_role("button", name="Create a token").click()
    raw = page.get_by_label("Token “my laptop”").input_value()
    assert raw.startswith("mgl_")
    page.get_by_role("link", name="Done").click()
    row = page.locator(".token-row").filter(has_text="my laptop")
    assert "never used" in row.inner_text()
    assert raw not in page.content()
    row.get_by_role("link", name="Revoke").click()
    page.get_by_role("button", name="Revoke").click()
    page.get_by_text("You have no API tokens.").wait_for()
