from playwright.sync_api import expect

from tests.e2e.conftest import screenshot


def test_it_signs_up_from_the_welcome_page(page, db):
    page.goto(page.base + "/")
    page.get_by_role("link", name="Create an account").first.click()
    page.get_by_label("Email").fill("eva@example.com")
    page.get_by_label("Name").fill("Eva")
    page.get_by_label("Password", exact=True).fill("a-long-enough-secret-9")
    page.get_by_label("Password confirmation").fill("a-long-enough-secret-9")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(page.base + "/today/")
    expect(page.get_by_role("heading", name="Today")).to_be_visible()
    screenshot(page, f"today-empty-{page.viewport_size['width']}")
