"""The practice timer's verdicts, with the browser's clock under the test's control: too
fast (under 60 % of the estimate at 140 words a minute), a good length, too long."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from mingel.events import services as events
from mingel.testing import UserFactory
from tests.e2e.conftest import log_in

# 35 words: about 15 seconds at 140 words a minute, so under 9 seconds is rushed.
PITCH = " ".join(["Hi, I'm Eva and I study computer science at KTH."] * 3 + ["Why?"] * 5)


@pytest.mark.parametrize(
    ("seconds", "verdict"),
    [
        pytest.param(5, "That was quick: at an easy pace this takes about 15 seconds.", id="fast"),
        pytest.param(12, "Under half a minute", id="good"),
        pytest.param(40, "Over half a minute", id="long"),
    ],
)
def test_the_timer_says_how_the_run_went(phone_page, transactional_db, seconds, verdict):
    page = phone_page
    user = UserFactory(email="eva@example.com", display_name="Eva Ek", language="en")
    log_in(page, user)
    event = events.event_create(owner=user, name="Meetup", date=dt.date(2026, 12, 3), pitch=PITCH)
    page.clock.install()
    page.goto(f"{page.base}/events/{event.pk}/practice/")
    expect(page.get_by_text("About 15 seconds to say (35 words).")).to_be_visible()
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(seconds * 1000 + 100)
    page.get_by_role("button", name="Stop").click()
    expect(page.locator("#timer-result")).to_contain_text(verdict)
