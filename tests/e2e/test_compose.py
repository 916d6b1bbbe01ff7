"""The coach in the browser: live feedback while typing, in Swedish and in English."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from mingel.testing import UserFactory
from tests.e2e.conftest import screenshot

LANGUAGES = [pytest.param("en", id="en"), pytest.param("sv", id="sv")]
DESPERATE = {"en": "I really need a job!!", "sv": "Jag behöver verkligen ett jobb!!"}


def log_in(page, language):
    user = UserFactory(
        email=f"eva-{language}@example.com", display_name="Eva Ek", language=language
    )
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": page.base}]
    )
    return user


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_shows_live_feedback_on_the_check_page(page, transactional_db, language):
    log_in(page, language)
    page.goto(page.base + "/check/")
    body = page.locator("#id_body")
    body.fill(DESPERATE[language])
    desperate = page.locator('#feedback [data-rule="desperate"]')
    desperate.wait_for()
    expect(page.locator("#feedback mark").first).to_be_visible()
    screenshot(page, f"check-{language}-{page.viewport_size['width']}")
    body.fill("Thanks for the talk yesterday." if language == "en" else "Tack för pratet igår.")
    desperate.wait_for(state="detached")
    expect(page.locator("#feedback .score")).to_be_visible()
