"""Starring a question in the bank: "Your favourites" follows at once, without a reload,
and the keyboard focus stays on the star."""

from playwright.sync_api import expect

from mingel.events.models import FavouriteQuestion
from mingel.testing import UserFactory
from tests.e2e.conftest import log_in

QUESTION = "What brings you here today?"


def test_starring_updates_the_favourites_at_once(page, transactional_db):
    user = UserFactory(email="eva@example.com", display_name="Eva Ek", language="en")
    log_in(page, user)
    page.goto(page.base + "/events/questions/?lang=en")
    favourites = page.locator("section", has=page.get_by_role("heading", name="Your favourites"))
    expect(favourites.get_by_text("No favourites yet.")).to_be_visible()
    openers = page.locator("section", has=page.get_by_role("heading", name="Openers"))
    star = openers.locator(".star-form", has_text=QUESTION).get_by_role("button")
    star.focus()
    page.keyboard.press("Enter")

    expect(favourites.get_by_text(QUESTION)).to_be_visible()
    expect(star).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("document.activeElement.id") == "star-openers-0"
    assert FavouriteQuestion.objects.filter(owner=user, text=QUESTION).exists()

    # Unstarring from the favourites puts out the star in its group as well.
    favourites.locator(".star-form", has_text=QUESTION).get_by_role("button").click()
    expect(favourites.get_by_text("No favourites yet.")).to_be_visible()
    expect(star).to_have_attribute("aria-pressed", "false")
    assert not FavouriteQuestion.objects.exists()
