"""A new user's first week, in a real browser, in each language: Swedish on a 375 px
phone, English at 1280 px.

Sign up on a fresh install, follow the first-run guide (profile, then import a LinkedIn
Connections.csv of people last in touch in 2018-2019), find those dormant people
suggested on Today the same week, write to one from the contact page, then plan an
event, hold it (quick capture on the pocket card), review it, and see it leave Today
for its follow-ups. axe checks every page on the way; the screenshots go to
docs/screenshots/first-week-*.png with MINGEL_UPDATE_SCREENSHOTS=1 (commit them), else to
test-results/ like every other browser test's.
"""

import datetime as dt
import os
import zoneinfo
from pathlib import Path

import pytest
from playwright.sync_api import expect

from mingel.accounts.models import User
from mingel.contacts.models import Contact, Interaction
from mingel.events.models import Event
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.conftest import DESKTOP, PHONE, SHOTS, fits_the_screen, new_page

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

# LinkedIn's export as it comes: a notes preamble, then the header row.
NOTE = (
    "When exporting your connection data, you may notice that some of the email addresses "
    "are missing. You will only see email addresses for connections who have allowed "
    "their connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email."
)
CONNECTIONS = f"""Notes:
"{NOTE}"

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Sara,Lind,https://www.linkedin.com/in/saralind,sara.lind@example.com,Ericsson,Developer,12 Mar 2018
Jonas,Berg,https://www.linkedin.com/in/jonasberg,,Klarna,Test Engineer,03 Sep 2019
Maja,Holm,https://www.linkedin.com/in/majaholm,,Spotify,Data Scientist,21 Nov 2018
Omar,Haddad,https://www.linkedin.com/in/omarhaddad,,KTH,PhD Student,05 Feb 2019
"""

TEXTS = {
    "sv": {
        "guide": "Kom igång: tre små steg",
        "done": "Klart",
        "reconnect": "Återknyt kontakten",
        "write_reconnect": "Skriv ett mejl och återknyt kontakten",
        "save_person": "Spara person",
        "after": "1 person du träffade där väntar fortfarande på att du hör av dig.",
        "see_who": "Se vilka",
        "write_thanks": "Skriv ett tack",
        "doing": "Jag pluggar datateknik på KTH",
        "interests": "Rust, tillgänglighet",
        "event": "Mingel på KTH",
    },
    "en": {
        "guide": "Getting started: three small steps",
        "done": "Done",
        "reconnect": "Reconnect",
        "write_reconnect": "Write a reconnect email",
        "save_person": "Save person",
        "after": "1 person you met there still needs a follow-up.",
        "see_who": "See who",
        "write_thanks": "Write a thank-you",
        "doing": "I study computer engineering at KTH",
        "interests": "Rust, accessibility",
        "event": "Cloud meetup",
    },
}

WALKS = [
    pytest.param("sv", PHONE, "sv-SE", id="sv-375"),
    pytest.param("en", DESKTOP, "en-US", id="en-1280"),
]


class Walk:
    """The browser page with the checks every page visit gets: axe, no sideways scroll."""

    def __init__(self, page, lang: str):
        self.page, self.lang, self.t = page, lang, TEXTS[lang]
        self.visited: list[str] = []

    def check(self):
        self.page.wait_for_load_state()
        assert_no_axe_violations(self.page)
        assert fits_the_screen(self.page), self.page.url
        self.visited.append(self.page.url)

    def go(self, path: str):
        self.page.goto(self.page.base + path)
        self.check()

    def click(self, locator):
        locator.click()
        self.check()

    def submit(self, form_selector: str = "main form.form"):
        self.click(self.page.locator(form_selector).locator("button[type=submit]").first)

    def shot(self, step: str):
        folder = DOCS if os.environ.get("MINGEL_UPDATE_SCREENSHOTS") == "1" else SHOTS
        folder.mkdir(parents=True, exist_ok=True)
        name = f"first-week-{self.lang}-{self.page.viewport_size['width']}-{step}.png"
        self.page.screenshot(path=str(folder / name), full_page=True)


def stockholm_today() -> dt.date:
    return dt.datetime.now(zoneinfo.ZoneInfo("Europe/Stockholm")).date()


@pytest.mark.parametrize(("lang", "viewport", "locale"), WALKS)
def test_the_first_week(browser, live_server, transactional_db, tmp_path, lang, viewport, locale):
    page = new_page(browser, viewport, locale=locale)
    page.base = live_server.url
    walk = Walk(page, lang)
    t = walk.t
    export = tmp_path / "Connections.csv"
    export.write_text(CONNECTIONS, encoding="utf-8")
    try:
        # Day 1: a fresh install invites the first account.
        walk.go("/")
        walk.click(page.locator('main a[href="/accounts/signup/"]').first)
        page.locator("#id_email").fill(f"nora-{lang}@example.com")
        page.locator("#id_display_name").fill("Nora Nilsson")
        page.locator("#id_password1").fill("a calm evening walk 42")
        page.locator("#id_password2").fill("a calm evening walk 42")
        walk.submit()
        assert page.url == page.base + "/today/"
        user = User.objects.get(email=f"nora-{lang}@example.com")
        assert user.language == lang
        guide = page.locator("section.onboarding")
        expect(guide.get_by_role("heading", name=t["guide"])).to_be_visible()
        walk.shot("1-welcome")

        # Step 1: the profile, which drafts and the pitch start from.
        walk.click(page.locator("#step-profile a.button.primary"))
        page.locator("#id_doing").fill(t["doing"])
        page.locator("#id_interests").fill(t["interests"])
        walk.submit()
        walk.go("/today/")
        expect(page.locator("#step-profile .onboarding-status")).to_have_text(f"✓ {t['done']}")

        # Step 2: import LinkedIn connections last in touch in 2018-2019.
        walk.click(page.locator('#step-start a[href="/imports/"]'))
        page.locator('input[name="source"][value="linkedin"]').check()
        page.locator('input[type="file"]').set_input_files(str(export))
        walk.submit("main form.import-upload")
        walk.click(page.locator("main form.actions button.primary"))
        page.locator('a[href="/contacts/?sort=new"]').wait_for()
        walk.check()
        assert Contact.objects.filter(owner=user).count() == 4

        # The same week, Today suggests a few of them to reconnect with.
        walk.go("/today/")
        expect(page.locator("#step-start .onboarding-status")).to_have_text(f"✓ {t['done']}")
        reconnects = page.locator('section[aria-labelledby="h-reconnect"]')
        expect(reconnects.get_by_role("heading", name=t["reconnect"])).to_be_visible()
        assert reconnects.locator("li.today-item").count() == 3  # the weekly number
        walk.shot("2-reconnect")

        # Write to one of them from the contact page.
        walk.click(reconnects.locator("li.today-item .today-head a").first)
        walk.click(page.locator(".write-links").get_by_role("link", name=t["write_reconnect"]))
        assert "kind=reconnect" in page.url
        walk.shot("3-compose")
        walk.click(page.locator('button[name="action"][value="sent"]'))
        assert Interaction.objects.filter(owner=user, direction="sent").count() == 1

        # Every step done: the guide has gone by itself.
        walk.go("/today/")
        expect(page.locator("section.onboarding")).to_have_count(0)

        # Later that week: plan an event for today...
        walk.go("/events/new/")
        page.locator("#id_name").fill(t["event"])
        page.locator("#id_date").fill(stockholm_today().isoformat())
        walk.submit()
        event = Event.objects.get(owner=user)
        walk.go("/today/")
        coming = page.locator(f"#item-event-{event.pk}")
        expect(coming).to_be_visible()
        assert coming.locator("form.today-snooze").count() == 0  # no snooze on the day
        walk.shot("4-event-today")

        # ...hold it: quick capture on the pocket card...
        walk.click(coming.locator(f'a[href="/events/{event.pk}/card/"]'))
        page.locator("#capture > summary").click()
        page.keyboard.type("Lea Berg")
        page.keyboard.press("Enter")
        page.keyboard.type("Rust i inbyggda system" if lang == "sv" else "Rust on embedded")
        page.get_by_role("button", name=t["save_person"]).click()
        page.locator("#met-list li", has_text="Lea Berg").wait_for()
        walk.check()
        walk.shot("5-pocket-card")

        # ...and review it.
        walk.go(f"/events/{event.pk}/review/")
        page.locator("#id_reflection").fill("Bra kväll." if lang == "sv" else "A good evening.")
        walk.submit()
        event.refresh_from_db()
        assert event.reviewed_at is not None

        # The reviewed event leaves Coming up and offers its follow-up instead.
        walk.go("/today/")
        expect(page.locator(f"#item-event-{event.pk}")).to_have_count(0)
        after = page.locator(f"#item-after-{event.pk}")
        expect(after).to_contain_text(t["after"])
        walk.shot("6-after-event")
        walk.click(after.get_by_role("link", name=t["see_who"]))
        people = page.locator("#people")
        expect(people.get_by_role("link", name=t["write_thanks"])).to_be_visible()
        assert len(walk.visited) >= 18
    finally:
        page.context.close()
