"""The week's reconnect picks follow the data: people entered or imported after the first
visit of the week are suggested the same week, never more than the weekly number."""

import datetime as dt

import pytest
import time_machine

from mingel.contacts import services as contacts
from mingel.core.importers import linkedin
from mingel.followups.models import ReconnectPick, ReminderSettings
from mingel.imports import services as imports

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)  # a Wednesday
TODAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def old_friend(owner, name, year=2018):
    return contacts.contact_create(owner=owner, name=name, met_on=dt.date(year, 5, 4))


def reconnects(page: str) -> str:
    """The reconnect section of the today page ('' when there is none)."""
    start = page.find('id="h-reconnect"')
    if start < 0:
        return ""
    return page[start : page.find("</section>", start)]


def test_people_entered_by_hand_after_the_first_visit_are_suggested(alice_client, alice):
    assert reconnects(alice_client.get("/today/").text) == ""  # a new, empty account
    old_friend(alice, "Karin Kvist", 2018)
    old_friend(alice, "Olle Ek", 2019)
    section = reconnects(alice_client.get("/today/").text)
    assert "Karin Kvist" in section
    assert "Olle Ek" in section


def test_a_linkedin_import_after_the_first_visit_is_suggested(alice_client, alice, tmp_path):
    alice_client.get("/today/")
    export = tmp_path / "Connections.csv"
    export.write_text(
        "Notes:\n"
        '"When exporting your connection data, you may notice that some of the email '
        'addresses are missing."\n'
        "\n"
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Sara,Lind,https://www.linkedin.com/in/saralind,,Ericsson,Developer,12 Mar 2018\n"
        "Jonas,Berg,https://www.linkedin.com/in/jonasberg,,Klarna,Tester,03 Sep 2019\n"
        "Nora,Ny,https://www.linkedin.com/in/noranu,,Spotify,Designer,01 Nov 2026\n",
        encoding="utf-8",
    )
    summary = imports.import_records(owner=alice, records=linkedin.parse(export))
    assert summary.created == 3
    section = reconnects(alice_client.get("/today/").text)
    assert "Sara Lind" in section
    assert "Jonas Berg" in section
    assert "Nora Ny" not in section  # connected this month: not dormant


def test_an_edit_that_makes_someone_dormant_counts_the_same_week(alice_client, alice):
    karin = contacts.contact_create(owner=alice, name="Karin Kvist")  # added today
    assert "Karin Kvist" not in reconnects(alice_client.get("/today/").text)
    with time_machine.travel(NOW + dt.timedelta(minutes=5), tick=False):
        contacts.contact_update(contact=karin, met_on=dt.date(2019, 2, 1))
    assert "Karin Kvist" in reconnects(alice_client.get("/today/").text)


def test_new_people_fill_free_places_only(alice_client, alice):
    first = old_friend(alice, "Karin Kvist", 2019)
    alice_client.get("/today/")
    for n in range(5):
        old_friend(alice, f"Later Friend {n}", 2018)
    section = reconnects(alice_client.get("/today/").text)
    assert "Karin Kvist" in section  # a pick made earlier in the week stays
    assert section.count('class="card today-item') == 3
    picks = ReconnectPick.objects.filter(owner=alice).order_by("rank")
    assert picks[0].contact_id == first.pk
    assert [p.rank for p in picks] == [0, 1, 2]


def test_a_reconnect_done_does_not_bring_another_the_same_week(alice_client, alice):
    friends = [old_friend(alice, f"Old Friend {n}") for n in range(5)]
    picked = list(ReconnectPick.objects.values_list("contact_id", flat=True))
    assert picked == []
    alice_client.get("/today/")
    picked = list(ReconnectPick.objects.order_by("rank").values_list("contact_id", flat=True))
    assert len(picked) == 3
    alice_client.post(f"/today/contacts/{picked[0]}/done/", {"type": "reconnect", "kind": "email"})
    old_friend(alice, "Newly Added", 2018)
    section = reconnects(alice_client.get("/today/").text)
    assert section.count('class="card today-item') == 2
    assert "Newly Added" not in section
    assert ReconnectPick.objects.count() == 3
    assert {f.pk for f in friends} >= set(picked)


def test_the_weekly_number_still_rules(alice_client, alice):
    ReminderSettings.objects.create(user=alice, reconnects_per_week=1)
    alice_client.get("/today/")
    old_friend(alice, "Karin Kvist")
    old_friend(alice, "Olle Ek")
    section = reconnects(alice_client.get("/today/").text)
    assert section.count('class="card today-item') == 1


def test_next_week_starts_afresh(alice_client, alice):
    for n in range(4):
        old_friend(alice, f"Old Friend {n}")
    alice_client.get("/today/")
    assert ReconnectPick.objects.filter(week=dt.date(2026, 11, 23)).count() == 3
    with time_machine.travel(NOW + dt.timedelta(days=7), tick=False):
        alice_client.get("/today/")
    assert ReconnectPick.objects.filter(week=dt.date(2026, 11, 23)).count() == 0
    assert ReconnectPick.objects.filter(week=dt.date(2026, 11, 30)).count() == 3


def test_a_visit_with_nothing_changed_picks_nothing_anew(
    alice_client, alice, django_assert_num_queries
):
    old_friend(alice, "Karin Kvist")
    alice_client.get("/today/")
    # Session, user, settings with the stamp, hidden, tags, follow-ups, keep in touch,
    # reconnects, events: the same as before picks followed the data.
    with django_assert_num_queries(9):
        alice_client.get("/today/")


def test_once_the_week_is_full_the_contacts_are_not_looked_at_again(alice_client, alice):
    for n in range(3):
        old_friend(alice, f"Old Friend {n}")
    alice_client.get("/today/")
    prefs = ReminderSettings.objects.get(user=alice)
    assert prefs.reconnect_stamp == "full"
    old_friend(alice, "Newly Added")
    section = reconnects(alice_client.get("/today/").text)
    assert section.count('class="card today-item') == 3
    assert "Newly Added" not in section
