"""Events on a phone (375 px): plan in Swedish, the pocket card, two quick captures, the
review; and a pocket card that stays readable and keeps what was typed when offline."""

import datetime as dt
import json
import re

from playwright.sync_api import expect

from mingel.contacts.models import Contact
from mingel.events import services
from mingel.testing import UserFactory
from tests.e2e.conftest import fits_the_screen, log_in, screenshot


def eva(language, **profile):
    return UserFactory(email=f"eva-{language}@example.com", language=language, **profile)


def capture(page, name, talked_about, save="Spara person"):
    """At most two taps: open the form (unless it is open, with the cursor in the name after
    the last save), type, Enter to move on, type, save."""
    if not page.locator("#capture-form").is_visible():
        page.locator("#capture > summary").click()
    assert page.evaluate("document.activeElement.name") == "name"
    page.keyboard.type(name)
    page.keyboard.press("Enter")
    page.keyboard.type(talked_about)
    page.get_by_role("button", name=save).click()


def test_it_plans_an_event_captures_two_people_and_reviews_it(phone_page, transactional_db):
    page = phone_page
    user = eva("sv", display_name="Eva Ek", doing="Läser datateknik på KTH", interests="spel")
    log_in(page, user)
    page.goto(page.base + "/events/")
    page.get_by_role("link", name="Planera ett evenemang").click()
    pitch = page.get_by_label("Din presentation").input_value()
    assert pitch.startswith("Hej, jag heter Eva Ek. Just nu läser jag datateknik på KTH.")
    page.get_by_label("Namn").fill("Mingel på KTH")
    page.get_by_label("Datum").fill(dt.date.today().isoformat())
    page.get_by_label("Vad fick dig att komma hit i dag?").check()
    page.get_by_text("Följdfrågor").click()
    page.get_by_label("Hur kom du in på det?").check()
    page.get_by_label("Egna frågor").fill("Vilken kurs skulle du läsa igen?")
    # the estimate follows the typing
    page.get_by_label("Din presentation").fill("Hej! " * 80)
    page.get_by_text("Det är över en halv minut.").wait_for()
    page.get_by_label("Din presentation").fill("Hej, jag heter Eva och pluggar datateknik.")
    page.get_by_text("(7 ord)").wait_for()
    assert fits_the_screen(page)
    screenshot(page, "plan-form-sv-375")
    page.get_by_role("button", name="Planera", exact=True).click()
    page.get_by_role("heading", name="Mingel på KTH").wait_for()

    page.get_by_role("link", name="Fickkort").click()
    assert page.locator("#progress").inner_text() == "0 av 2"
    expect(page.get_by_text("Vilken kurs skulle du läsa igen?")).to_be_visible()
    expect(page.get_by_text("Lyssna mer än du pratar.")).to_be_visible()
    assert fits_the_screen(page)
    screenshot(page, "pocket-card-sv-375")

    capture(page, "Sara Lind", "Rust på Klarna")
    page.locator("#progress", has_text="1 av 2").wait_for()
    capture(page, "Omar Haddad", "exjobb om tillgänglighet")
    page.locator("#progress", has_text="2 av 2").wait_for()
    expect(page.get_by_text("Målet är nått.")).to_be_visible()
    assert page.locator("#met-list li").all_inner_texts() == ["Sara Lind", "Omar Haddad"]
    screenshot(page, "pocket-card-sv-375-reached")
    # a reload shows the same, from the server
    page.reload()
    assert page.locator("#progress").inner_text() == "2 av 2"
    assert Contact.objects.filter(event__name="Mingel på KTH").count() == 2

    page.get_by_role("link", name="Hemma igen? Skriv en kort återblick").click()
    expect(page.get_by_text("Du nådde ditt mål: 2 nya personer.")).to_be_visible()
    page.get_by_label("En kort reflektion").fill("Det gick lättare än jag trodde.")
    page.get_by_role("group", name="Energi före").get_by_label("2").check()
    page.get_by_role("group", name="Energi efter").get_by_label("4").check()
    page.get_by_role("button", name="Spara återblicken").click()
    page.get_by_text("Återblicken är sparad.").wait_for()
    expect(page.get_by_text("Det gick lättare än jag trodde.")).to_be_visible()
    expect(page.get_by_text("mer energi än du kom med")).to_be_visible()
    assert fits_the_screen(page)
    screenshot(page, "event-reviewed-sv-375")


def test_the_pocket_card_stays_readable_and_keeps_captures_offline(phone_page, transactional_db):
    page = phone_page
    user = eva("sv", display_name="Eva Ek")
    log_in(page, user)
    event = services.event_create(
        owner=user,
        name="Arbetsmarknadsdag",
        date=dt.date.today(),
        questions=["Tar ni emot exjobbare eller praktikanter?"],
        pitch="Hej, jag heter Eva.",
    )
    page.goto(f"{page.base}/events/{event.pk}/card/")
    page.context.set_offline(True)
    page.get_by_text("Du är offline. Kortet går fortfarande att läsa").wait_for()
    expect(page.get_by_text("Tar ni emot exjobbare eller praktikanter?")).to_be_visible()
    expect(page.get_by_text("Hej, jag heter Eva.")).to_be_visible()
    assert page.locator("#progress").inner_text() == "0 av 2"

    capture(page, "Li Chen", "sommarjobb på Ericsson")
    status = page.locator("#capture-status")
    status.get_by_text("Du är offline. Sparat i telefonen, väntar på att skickas: 1.").wait_for()
    queued = page.evaluate(f"localStorage.getItem('mingel:capture:{event.pk}:queue')")
    assert "Li Chen" in queued and "sommarjobb på Ericsson" in queued
    screenshot(page, "pocket-card-offline-sv-375")
    # half-typed text survives too, until it is sent
    page.get_by_label("Namn").fill("Ada")
    assert "Ada" in page.evaluate(f"localStorage.getItem('mingel:capture:{event.pk}')")
    assert not Contact.objects.exists()

    page.context.set_offline(False)
    page.locator("#progress", has_text="1 av 2").wait_for()
    assert Contact.objects.get().name == "Li Chen"
    assert page.evaluate(f"localStorage.getItem('mingel:capture:{event.pk}:queue')") is None
    assert page.get_by_label("Namn").input_value() == "Ada"

    # The same queued save sent again (say, by a second tab that flushed the same queue)
    # carries the same key: the server answers with Li Chen and adds no one.
    page.evaluate(
        "([key, queue]) => { localStorage.setItem(key, queue);"
        " window.dispatchEvent(new Event('online')); }",
        [f"mingel:capture:{event.pk}:queue", queued],
    )
    page.wait_for_function(
        f"() => localStorage.getItem('mingel:capture:{event.pk}:queue') === null"
    )
    assert Contact.objects.count() == 1
    assert page.locator("#met-list li").all_inner_texts() == ["Li Chen"]
    assert page.locator("#progress").inner_text() == "1 av 2"
    assert page.get_by_label("Namn").input_value() == "Ada"


def test_the_same_journey_in_english_with_the_practice_timer(phone_page, transactional_db):
    page = phone_page
    log_in(page, eva("en", display_name="Eva Ek", doing="computer science at KTH"))
    page.goto(page.base + "/events/new/")
    page.get_by_label("Name").fill("Cloud meetup")
    page.get_by_label("Kind").select_option("meetup")
    page.get_by_label("Date").fill(dt.date.today().isoformat())
    page.get_by_label("Which talk are you most looking forward to?").check()
    page.get_by_role("button", name="Plan it").click()
    page.get_by_role("heading", name="Cloud meetup").wait_for()

    page.get_by_role("link", name="Practise the pitch").click()
    expect(page.get_by_text("Hi, I'm Eva Ek.")).to_be_visible()
    page.get_by_role("button", name="Start").click()
    page.locator("#clock", has_text="0:01").wait_for()
    page.get_by_role("button", name="Stop").click()
    # A second for a pitch of several seconds at an easy pace is rushed.
    expect(page.get_by_text("That was quick")).to_be_visible()

    page.goto(page.base + "/events/")
    page.get_by_role("link", name="Pocket card").click()
    assert page.locator("#progress").inner_text() == "0 of 2"
    capture(page, "Sara Lind", "Kubernetes at Spotify", save="Save person")
    page.locator("#progress", has_text="1 of 2").wait_for()
    capture(page, "Li Chen", "summer internships", save="Save person")
    page.locator("#progress", has_text="2 of 2").wait_for()
    assert fits_the_screen(page)
    screenshot(page, "pocket-card-en-375-reached")

    page.get_by_role("link", name="Home again? Write a short review").click()
    expect(page.get_by_text("You reached your goal: 2 new people. Well done!")).to_be_visible()
    page.get_by_label("A short reflection").fill("Questions about their work were easy.")
    page.get_by_role("group", name="Energy before").get_by_label("3").check()
    page.get_by_role("button", name="Save the review").click()
    page.get_by_text("Saved your review.").wait_for()
    expect(page.get_by_text("Questions about their work were easy.")).to_be_visible()


def test_half_typed_text_comes_back_after_a_reload(phone_page, transactional_db):
    page = phone_page
    user = eva("en")
    log_in(page, user)
    event = services.event_create(owner=user, name="Meetup", date=dt.date.today())
    page.goto(f"{page.base}/events/{event.pk}/card/")
    page.locator("#capture > summary").click()
    page.keyboard.type("Ada Lovelace")
    page.keyboard.press("Enter")
    page.keyboard.type("engines")
    page.reload()
    assert page.get_by_label("Name").input_value() == "Ada Lovelace"
    assert page.get_by_label("What you talked about").input_value() == "engines"
    page.get_by_role("button", name="Save person").click()
    page.locator("#progress", has_text="1 of 2").wait_for()
    page.reload()
    assert page.get_by_label("Name").input_value() == ""


def test_a_save_whose_answer_is_lost_is_sent_again_and_adds_the_person_once(
    phone_page, transactional_db
):
    """Flaky venue Wi-Fi: the save reaches the server, the answer never comes back. The
    phone queues it with its key and sends it again when the phone is unlocked; one
    contact, also after a reload and a resend straight to the server. The
    page has no crypto.randomUUID here (as over plain http), so the fallback key is used."""
    page = phone_page
    page.add_init_script("delete Crypto.prototype.randomUUID")
    user = eva("en")
    log_in(page, user)
    event = services.event_create(owner=user, name="Career fair", date=dt.date.today())
    queue_key = f"mingel:capture:{event.pk}:queue"
    page.goto(f"{page.base}/events/{event.pk}/card/")

    def answer_lost(route):
        route.fetch()  # the server gets it and saves...
        route.abort("connectionreset")  # ...and the phone hears nothing

    page.route("**/capture/", answer_lost)
    capture(page, "Li Chen", "summer internships", save="Save person")
    page.get_by_text("No answer came back. Saved on this phone, waiting to be sent: 1.").wait_for()
    assert Contact.objects.get().name == "Li Chen"
    [queued] = json.loads(page.evaluate(f"localStorage.getItem('{queue_key}')"))
    assert re.fullmatch(r"[0-9a-f]{32}", queued["capture_key"])
    # the next capture starts with a key of its own
    page.locator("#capture-form textarea").fill("x")
    assert page.locator("input[name=capture_key]").input_value() not in ("", queued["capture_key"])

    page.unroute("**/capture/")
    # still "online" all along, so no online event: unlocking the phone sends what waits
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    page.locator("#progress", has_text="1 of 2").wait_for()
    page.wait_for_function(f"() => localStorage.getItem('{queue_key}') === null")
    assert Contact.objects.count() == 1
    assert page.locator("#met-list li").all_inner_texts() == ["Li Chen"]
    page.reload()
    assert page.locator("#met-list li").all_inner_texts() == ["Li Chen"]

    # and a resend of the very same form data, straight to the server, changes nothing
    token = page.locator("#capture-form input[name=csrfmiddlewaretoken]").input_value()
    response = page.request.post(
        f"{page.base}/events/{event.pk}/capture/",
        form={**queued, "csrfmiddlewaretoken": token},
        headers={"Accept": "application/json"},
    )
    assert response.status == 201
    assert response.json()["name"] == "Li Chen"
    assert response.json()["met_count"] == 1
    assert Contact.objects.count() == 1
