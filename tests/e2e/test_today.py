"""The today list in a real browser: a due follow-up is listed, writing the thank-you
from it and marking it sent makes it leave; snoozing takes an item away until later."""

import datetime as dt

from playwright.sync_api import expect

from mingel.contacts import services as contacts
from mingel.followups import selectors
from mingel.followups.models import Hidden
from mingel.testing import UserFactory
from tests.e2e.conftest import log_in, screenshot


def eva():
    return UserFactory(email="eva@example.com", display_name="Eva Ek", language="en")


def met_yesterday(user, name):
    yesterday = selectors.user_today(user) - dt.timedelta(days=1)
    return contacts.contact_create(
        owner=user, name=name, met_on=yesterday, talked_about="Rust on microcontrollers"
    )


def item(page, contact):
    return page.locator(f"#item-follow_up-{contact.pk}")


def test_a_follow_up_leaves_once_the_thank_you_is_sent(page, transactional_db):
    user = eva()
    log_in(page, user)
    anna = met_yesterday(user, "Anna Svensson")
    page.goto(page.base + "/")
    page.wait_for_url(page.base + "/today/")
    expect(item(page, anna)).to_be_visible()
    assert "Rust on microcontrollers" in item(page, anna).inner_text()
    screenshot(page, f"today-{page.viewport_size['width']}")

    item(page, anna).get_by_role("link", name="Write a thank-you").click()
    page.wait_for_url(f"{page.base}/contacts/{anna.pk}/compose/?kind=thanks")
    assert "Anna" in page.locator("textarea").first.input_value()
    page.get_by_role("button", name="Mark as sent").click()
    page.wait_for_load_state()

    page.goto(page.base + "/today/")
    assert item(page, anna).count() == 0
    expect(page.get_by_text("Nothing is waiting for you today")).to_be_visible()


def test_snoozing_takes_an_item_away_until_later(page, transactional_db):
    user = eva()
    log_in(page, user)
    anna = met_yesterday(user, "Anna Svensson")
    bert = met_yesterday(user, "Bert Berg")
    page.goto(page.base + "/today/")
    card = item(page, bert)
    card.locator("summary", has_text="More").click()
    card.get_by_label("Remind me in").fill("3")
    card.get_by_role("button", name="Snooze").click()
    # htmx swaps the card for a short note, without a page load.
    page.get_by_role("status").filter(has_text="Snoozed for 3 days.").wait_for()
    assert item(page, bert).count() == 0
    expect(item(page, anna)).to_be_visible()
    hidden = Hidden.objects.get(contact=bert)
    assert hidden.until == selectors.user_today(user) + dt.timedelta(days=3)

    page.reload()
    assert item(page, bert).count() == 0
    expect(item(page, anna)).to_be_visible()

    item(page, anna).locator("summary", has_text="More").click()
    item(page, anna).get_by_role("button", name="Not now").click()
    page.get_by_role("status").filter(has_text="Not now").wait_for()
    page.reload()
    expect(page.get_by_text("Nothing is waiting for you today")).to_be_visible()
