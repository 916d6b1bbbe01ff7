"""The first-run guide on the today page: three steps that tick themselves off from the
data, each skippable, the whole guide dismissable for good, in both languages."""

import datetime as dt

import pytest

from mingel.contacts import services as contacts
from mingel.core.importers import linkedin
from mingel.imports import services as imports
from mingel.testing import EventFactory

pytestmark = pytest.mark.django_db


def guide(page: str) -> str:
    start = page.find('aria-labelledby="h-onboarding"')
    return page[start : page.find("</section>", start)] if start >= 0 else ""


def step(page: str, key: str) -> str:
    start = page.find(f'id="step-{key}"')
    return page[start : page.find("</li>", start)] if start >= 0 else ""


def test_a_new_user_sees_three_steps_each_saying_why(alice_client):
    page = alice_client.get("/today/").text
    assert "Getting started: three small steps" in guide(page)
    assert "Your drafts and your pitch start from" in step(page, "profile")
    assert 'href="/accounts/profile/"' in step(page, "profile")
    assert 'href="/events/new/"' in step(page, "start")
    assert 'href="/imports/"' in step(page, "start")
    assert "what they remember" in step(page, "follow_up")
    for key in ("profile", "start", "follow_up"):
        assert f'action="/welcome/steps/{key}/skip/"' in step(page, key)


def test_the_guide_is_in_swedish_for_a_swedish_user(alice_client, alice):
    alice.language = "sv"
    alice.save()
    page = alice_client.get("/today/").text
    assert "Kom igång: tre små steg" in guide(page)
    assert "Hoppa över det här steget" in step(page, "profile")


def test_the_profile_step_ticks_itself_off(alice_client, alice):
    alice.doing = "studerar datateknik på KTH"
    alice.save()
    shown = step(alice_client.get("/today/").text, "profile")
    assert "Done" in shown
    assert "/skip/" not in shown


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda owner: contacts.contact_create(owner=owner, name="Anna"), id="contact"),
        pytest.param(lambda owner: EventFactory(owner=owner), id="event"),
    ],
)
def test_a_contact_or_an_event_ticks_off_the_second_step(alice_client, alice, make):
    make(alice)
    assert "Done" in step(alice_client.get("/today/").text, "start")


def test_imported_connections_are_not_a_follow_up(alice_client, alice, tmp_path):
    export = tmp_path / "Connections.csv"
    export.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Sara,Lind,https://www.linkedin.com/in/saralind,,Ericsson,Developer,12 Mar 2018\n",
        encoding="utf-8",
    )
    imports.import_records(owner=alice, records=linkedin.parse(export))
    page = alice_client.get("/today/").text
    assert "Done" in step(page, "start")
    assert "Done" not in step(page, "follow_up")


def test_the_guide_goes_once_every_step_is_done(alice_client, alice):
    alice.interests = "Rust, open source"
    alice.save()
    anna = contacts.contact_create(owner=alice, name="Anna")
    contacts.interaction_create(contact=anna, kind="email", date=dt.date.today(), direction="sent")
    assert guide(alice_client.get("/today/").text) == ""


def test_a_skipped_step_stays_skipped_and_the_rest_remain(alice_client):
    response = alice_client.post("/welcome/steps/start/skip/")
    assert response.status_code == 302
    assert response["Location"] == "/today/"
    page = alice_client.get("/today/").text
    assert "Skipped" in step(page, "start")
    assert "/skip/" in step(page, "profile")


def test_skipping_every_step_hides_the_guide(alice_client):
    for key in ("profile", "start", "follow_up"):
        alice_client.post(f"/welcome/steps/{key}/skip/")
    assert guide(alice_client.get("/today/").text) == ""


def test_dismissed_is_for_good(alice_client, alice):
    alice_client.post("/welcome/dismiss/")
    assert guide(alice_client.get("/today/").text) == ""
    contacts.contact_create(owner=alice, name="Anna")
    assert guide(alice_client.get("/today/").text) == ""


def test_an_unknown_step_is_a_404_and_get_is_refused(alice_client):
    assert alice_client.post("/welcome/steps/nonsense/skip/").status_code == 404
    assert alice_client.get("/welcome/dismiss/").status_code == 405


def test_it_needs_a_login(client):
    response = client.post("/welcome/dismiss/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_one_users_dismissal_is_not_anothers(alice_client, bob_client):
    bob_client.post("/welcome/dismiss/")
    assert "Getting started" in guide(alice_client.get("/today/").text)


def test_a_fresh_user_page_stays_at_nine_queries(alice_client, django_assert_num_queries):
    alice_client.get("/today/")
    with django_assert_num_queries(9):
        alice_client.get("/today/")


def test_once_every_step_is_done_the_guide_is_over_for_good(alice_client, alice):
    from mingel.followups.models import ReminderSettings

    alice.interests = "Rust"
    alice.save()
    anna = contacts.contact_create(owner=alice, name="Anna")
    contacts.interaction_create(contact=anna, kind="call", date=dt.date.today())
    alice_client.get("/today/")
    assert ReminderSettings.objects.get(user=alice).onboarding_dismissed
    contacts.contact_delete(contact=anna)
    assert guide(alice_client.get("/today/").text) == ""
