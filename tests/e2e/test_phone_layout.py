"""The header and the cards on a 375 px phone: the header stays one short row with a menu
that opens without JavaScript, and a 200-character word never makes a page wider than
the screen."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from mingel.contacts import services as contacts
from mingel.events import services as events
from mingel.followups import selectors
from mingel.testing import UserFactory
from tests.e2e.conftest import DESKTOP, PHONE, log_in, new_page, screenshot

LONG_WORD = "https://example.com/" + "x" * 180
assert len(LONG_WORD) == 200

# The widest element on the page and its right edge: anything past the viewport makes the
# page scroll sideways on a phone.
WIDEST = """() => {
  let worst = {right: 0, what: ""};
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.width && el.checkVisibility() && box.right > worst.right) {
      worst = {right: box.right, what: el.tagName + "." + el.className};
    }
  }
  return {right: worst.right, what: worst.what,
          scroll: document.documentElement.scrollWidth, inner: window.innerWidth};
}"""


def eva(language="en"):
    return UserFactory(email="eva@example.com", display_name="Eva Ek", language=language)


@pytest.fixture
def phone(browser, live_server):
    page = new_page(browser, PHONE)
    page.base = live_server.url
    yield page
    page.context.close()


def expanded(page, name: str) -> bool | None:
    """The expanded state Chromium gives assistive technology for the control named `name`
    (a <summary> has it natively, from its <details>' open attribute)."""
    cdp = page.context.new_cdp_session(page)
    try:
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    for node in nodes:
        if node.get("ignored") or node.get("name", {}).get("value") != name:
            continue
        for prop in node.get("properties", []):
            if prop["name"] == "expanded":
                return prop["value"]["value"]
    return None


def header_height(page) -> float:
    return page.locator("header.top").bounding_box()["height"]


def test_the_header_is_one_short_row_with_a_menu(phone, transactional_db):
    user = eva()
    log_in(phone, user)
    event = events.event_create(owner=user, name="Rust meetup", date=dt.date(2026, 12, 3))
    for path in ("/today/", "/contacts/", f"/events/{event.pk}/card/"):
        phone.goto(phone.base + path)
        assert header_height(phone) <= 64, path
    screenshot(phone, "pocket-card-375")
    nav = phone.get_by_role("navigation", name="Main")
    expect(nav).to_be_hidden()

    menu = phone.locator("summary", has_text="Menu")
    assert expanded(phone, "Menu") is False
    menu.focus()
    # The app's focus ring, not the browser's thin default.
    phone.keyboard.press("Shift+Tab")
    phone.keyboard.press("Tab")
    assert phone.evaluate("getComputedStyle(document.activeElement).outlineWidth") == "3px"
    phone.keyboard.press("Enter")
    expect(nav.get_by_role("link", name="Your data")).to_be_visible()
    assert expanded(phone, "Menu") is True
    # The open menu lies over the page; the header itself does not grow.
    assert header_height(phone) <= 64
    screenshot(phone, "menu-open-375")
    # Escape closes it and puts the focus back on its button, as in any menu.
    phone.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    assert phone.evaluate("document.activeElement.classList.contains('menu-button')")
    # A tap outside closes it too.
    menu.click()
    expect(nav).to_be_visible()
    phone.mouse.click(180, PHONE["height"] - 20)
    expect(nav).to_be_hidden()
    menu.click()
    nav.get_by_role("link", name="Progress").click()
    phone.wait_for_url(phone.base + "/progress/")
    expect(nav).to_be_hidden()


def test_the_swedish_header_fits_one_row_too(phone, transactional_db):
    log_in(phone, eva(language="sv"))
    phone.goto(phone.base + "/today/")
    assert phone.locator("html").get_attribute("lang") == "sv"
    assert header_height(phone) <= 64
    button = phone.locator("summary", has_text="Meny").bounding_box()
    assert button["x"] + button["width"] <= PHONE["width"]
    screenshot(phone, "header-sv-375")


def test_the_menu_opens_without_javascript(browser, live_server, transactional_db):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.base = live_server.url
    log_in(page, eva())
    page.goto(page.base + "/contacts/")
    page.locator("summary", has_text="Menu").click()
    expect(page.get_by_role("link", name="Check a message")).to_be_visible()
    page.get_by_role("button", name="Svenska").click()
    page.wait_for_url(page.base + "/contacts/")
    assert page.locator("html").get_attribute("lang") == "sv"
    context.close()


@pytest.mark.parametrize(
    ("language", "nav_name", "link", "button"),
    [
        pytest.param("en", "Main", "Your data", "Menu", id="en"),
        pytest.param("sv", "Huvudmeny", "Din data", "Meny", id="sv"),
    ],
)
def test_on_a_wide_screen_the_menu_is_open_without_its_button(
    browser, live_server, db, language, nav_name, link, button
):
    page = new_page(browser, DESKTOP)
    page.base = live_server.url
    log_in(page, eva(language=language))
    page.goto(page.base + "/contacts/")
    nav = page.get_by_role("navigation", name=nav_name)
    expect(nav.get_by_role("link", name=link)).to_be_visible()
    expect(page.locator("summary", has_text=button)).to_be_hidden()
    assert header_height(page) <= 64
    page.context.close()


def test_a_200_character_word_never_widens_a_page(phone, transactional_db):
    user = eva()
    log_in(phone, user)
    yesterday = selectors.user_today(user) - dt.timedelta(days=1)
    anna = contacts.contact_create(
        owner=user,
        name="Anna " + "Lång" * 45,
        company=LONG_WORD,
        met_on=yesterday,
        talked_about=LONG_WORD,
        notes=f"See {LONG_WORD} before we meet.",
        where_met=LONG_WORD,
        tags=["x" * 50],
    )
    # Logged on another contact: an interaction would settle Anna's follow-up on Today.
    bo = contacts.contact_create(owner=user, name="Bo Berg", notes=LONG_WORD)
    contacts.interaction_create(
        contact=bo, kind="coffee", date=yesterday, summary=f"Talked about {LONG_WORD}"
    )
    event = events.event_create(
        owner=user, name=LONG_WORD, date=selectors.user_today(user), place=LONG_WORD
    )
    for path in (
        "/today/",
        "/contacts/",
        f"/contacts/{anna.pk}/",
        f"/contacts/{bo.pk}/",
        "/events/",
        f"/events/{event.pk}/",
        f"/events/{event.pk}/card/",
    ):
        phone.goto(phone.base + path)
        widest = phone.evaluate(WIDEST)
        assert widest["scroll"] <= widest["inner"], (path, widest)
        assert widest["right"] <= widest["inner"], (path, widest)
    phone.goto(phone.base + "/today/")
    expect(phone.locator(f"#item-follow_up-{anna.pk}")).to_be_visible()
    screenshot(phone, "today-long-word-375")


def test_a_today_card_shows_one_action_and_tucks_the_rest_away(phone, transactional_db):
    user = eva()
    log_in(phone, user)
    yesterday = selectors.user_today(user) - dt.timedelta(days=1)
    anna = contacts.contact_create(
        owner=user, name="Anna Svensson", met_on=yesterday, linkedin_url=""
    )
    card = phone.locator(f"#item-follow_up-{anna.pk}")
    phone.goto(phone.base + "/today/")
    expect(card.get_by_role("link", name="Write a thank-you")).to_be_visible()
    expect(card.get_by_role("button", name="Mark as sent")).to_be_hidden()
    card.locator("summary", has_text="More").click()
    card.get_by_role("button", name="Mark as sent").click()
    phone.get_by_role("status").filter(has_text="Anna").wait_for()
    assert phone.locator(f"#item-follow_up-{anna.pk}").count() == 0
