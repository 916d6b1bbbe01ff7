"""The coach in the browser: live feedback while typing, in Swedish and in English."""

import re

import pytest
from playwright.sync_api import expect

from mingel.testing import UserFactory
from tests.e2e.conftest import log_in, screenshot

LANGUAGES = [pytest.param("en", id="en"), pytest.param("sv", id="sv")]
DESPERATE = {"en": "I really need a job!!", "sv": "Jag behöver verkligen ett jobb!!"}


def eva(language):
    return UserFactory(
        email=f"eva-{language}@example.com", display_name="Eva Ek", language=language
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_shows_live_feedback_on_the_check_page(page, transactional_db, language):
    log_in(page, eva(language))
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


MESSY_NOTE = "Pratade om hur hon fick sitt första jobb…"


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_it_turns_a_messy_note_into_a_draft_that_keeps_edits(page, transactional_db):
    from mingel.contacts.services import contact_create

    user = eva("en")
    log_in(page, user)
    maja = contact_create(owner=user, name="Maja Lind", talked_about=MESSY_NOTE)
    page.goto(f"{page.base}/contacts/{maja.pk}/compose/?kind=thanks&lang=en")
    body = page.locator("#id_body")
    draft = body.input_value()
    assert "Hi Maja" in draft
    for swedish in ("Pratade", "hon", "första", "jobb"):
        assert swedish not in draft
    assert "[what you talked about]" in draft

    # The gap is listed and marked; a click selects it in the text.
    gap = page.locator('#feedback [data-gap="[what you talked about]"]')
    expect(gap).to_be_visible()
    expect(page.locator("#feedback mark.placeholder").first).to_be_attached()
    expect(body).to_have_class(re.compile("has-gaps"))
    gap.click()
    selected = body.evaluate("a => a.value.slice(a.selectionStart, a.selectionEnd)")
    assert selected == "[what you talked about]"
    page.get_by_role("button", name="Copy").click()
    expect(page.locator("#copy-status")).to_contain_text("[what you talked about]")

    # The coach's summary is in sight with the text: beside it, or right under it.
    text, summary = box(page, "#id_body"), box(page, "[data-coach-summary]")
    if page.viewport_size["width"] >= 900:
        assert summary["x"] >= text["x"] + text["width"]
        assert summary["y"] < text["y"] + text["height"]
    else:
        below = summary["y"] - (text["y"] + text["height"])
        assert 0 <= below < 80, below
        assert summary["height"] < 120
        expect(page.locator("[data-coach-details]")).not_to_have_attribute("open", "")
    screenshot(page, f"compose-gaps-{page.viewport_size['width']}")

    # An edited text is not replaced by another phrasing without asking, and is one
    # Undo away after replacing.
    edited = draft.replace("[what you talked about]", "how you got your first job")
    body.fill(edited)
    expect(gap).to_have_count(0)
    page.locator('[data-switch="phrasing"]').click()
    expect(page.locator("#confirm-switch")).to_be_visible()
    assert page.locator("#id_body").input_value() == edited.replace("\r\n", "\n")
    page.get_by_role("button", name="Replace my text").click()
    expect(page.locator("#undo-switch")).to_be_visible()
    assert page.locator("#id_body").input_value() != edited
    page.get_by_role("button", name="Undo").click()
    expect(page.locator("#id_body")).to_have_value(edited)
    screenshot(page, f"compose-undo-{page.viewport_size['width']}")
    # The restored text is the user's own: the language switch asks too.
    page.get_by_role("button", name="Svenska", exact=True).click()
    expect(page.locator("#confirm-switch")).to_be_visible()
    expect(page.locator("#id_body")).to_have_value(edited)


def test_without_javascript_an_edit_is_kept_by_a_confirm_step(browser, live_server):
    from mingel.contacts.services import contact_create

    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, java_script_enabled=False
    )
    page = context.new_page()
    page.base = live_server.url
    try:
        user = eva("sv")
        log_in(page, user)
        maja = contact_create(owner=user, name="Maja Lind", talked_about=MESSY_NOTE)
        page.goto(f"{page.base}/contacts/{maja.pk}/compose/?kind=thanks&lang=sv")
        body = page.locator("#id_body")
        assert "hur du fick ditt första jobb" in body.input_value()
        body.fill("Hej Maja! Tack för pratet om ditt första jobb.")
        page.get_by_role("button", name="English", exact=True).click()
        expect(page.locator("#confirm-switch")).to_be_visible()
        page.get_by_role("button", name="Behåll min text").click()
        expect(page.locator("#id_body")).to_have_value(
            "Hej Maja! Tack för pratet om ditt första jobb."
        )
        expect(page.locator("#confirm-switch")).to_have_count(0)
    finally:
        context.close()


def test_enter_in_the_subject_checks_the_text_and_switches_nothing(page, transactional_db):
    from mingel.contacts.services import contact_create

    user = eva("sv")
    log_in(page, user)
    tom = contact_create(owner=user, name="Tom Berg", talked_about="- hans sidoprojekt\n- TODO")
    page.goto(f"{page.base}/contacts/{tom.pk}/compose/?kind=thanks&lang=sv")
    assert "ditt sidoprojekt" in page.locator("#id_body").input_value()
    subject = page.locator("#id_subject")
    subject.fill("Tack för i går, Tom")
    subject.press("Enter")
    page.wait_for_load_state()
    expect(page.locator("#id_subject")).to_have_value("Tack för i går, Tom")
    expect(page.locator('.kinds [aria-current="page"]')).to_have_text("Tackmeddelande")
    expect(page.locator("#confirm-switch")).to_have_count(0)
