"""The progress page on a phone, in Swedish: the charts draw, each has its text alternative."""

import datetime as dt

from playwright.sync_api import expect

from mingel.contacts import services as contacts
from mingel.testing import EventFactory, UserFactory
from tests.e2e.conftest import fits_the_screen, log_in, screenshot


def some_progress(user):
    today = dt.date.today()
    fair = EventFactory(
        owner=user, name="Tekniska mässan", date=today - dt.timedelta(days=9), goal_new_people=2
    )
    meetup = EventFactory(
        owner=user, name="Rust-meetup", date=today - dt.timedelta(days=2), goal_new_people=3
    )
    for name, event, follow_up in [
        ("Anna Svensson", fair, 1),
        ("Bert Berg", fair, None),
        ("Cecilia Chen", meetup, 0),
    ]:
        contact = contacts.contact_create(owner=user, name=name, met_on=event.date, event=event)
        if follow_up is not None:
            contacts.interaction_create(
                contact=contact,
                kind="email",
                date=event.date + dt.timedelta(days=follow_up),
                direction="sent",
            )


def test_it_draws_the_charts_with_text_alternatives_in_swedish(phone_page, transactional_db):
    page = phone_page
    user = UserFactory(email="eva-progress@example.com", display_name="Eva Ek", language="sv")
    some_progress(user)
    log_in(page, user)
    page.goto(page.base + "/progress/")

    expect(page.get_by_role("heading", name="Framsteg", level=1)).to_be_visible()
    charts = page.locator('svg[role="img"]')
    assert charts.count() == 4
    for n in range(4):
        chart = charts.nth(n)
        chart.scroll_into_view_if_needed()
        expect(chart).to_be_visible()
        box = chart.bounding_box()
        assert box["width"] > 250 and box["x"] >= 0 and box["x"] + box["width"] <= 375
        # aria-labelledby points at a title and a description that exist and say something
        for ref in chart.get_attribute("aria-labelledby").split():
            assert page.locator(f"#{ref}").text_content().strip()

    events_chart = page.get_by_role("img", name="Nya personer per evenemang jämfört med målet")
    expect(events_chart).to_be_visible()
    assert "2/2 ✓" in events_chart.text_content()
    assert "1/3" in events_chart.text_content()
    assert page.locator("#chart-events rect.bar").count() == 2

    # Nothing sticks out sideways on a 375 px screen.
    assert fits_the_screen(page)

    # The table behind the events chart opens and reads in Swedish.
    section = page.locator("section", has=page.locator("#h-events"))
    section.get_by_text("Visa som tabell").click()
    table = section.get_by_role("table", name="Nya personer per evenemang")
    expect(table).to_be_visible()
    expect(table.get_by_role("rowheader", name="Tekniska mässan")).to_be_visible()
    expect(table.get_by_role("columnheader", name="Mål")).to_be_visible()

    stages = page.locator("section", has=page.locator("#h-stages"))
    stages.get_by_text("Visa som tabell").click()
    expect(stages.get_by_role("rowheader", name="Uppföljd")).to_be_visible()

    expect(page.get_by_text("Målet nått på Tekniska mässan: 2 nya personer.")).to_be_visible()
    screenshot(page, "progress-sv-375")
