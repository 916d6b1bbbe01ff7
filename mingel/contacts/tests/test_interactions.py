import datetime as dt

import pytest

from mingel.contacts import services
from mingel.contacts.models import Interaction
from mingel.testing import ContactFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(alice):
    return services.contact_create(owner=alice, name="Ada Lind")


def log(client, contact, **fields):
    data = {"kind": "coffee", "date": "2026-03-14", "direction": "none", "summary": "", **fields}
    return client.post(f"/contacts/{contact.pk}/interactions/add/", data)


def test_it_logs_an_interaction_and_restarts_the_interval(alice_client, contact):
    response = log(alice_client, contact, summary="Talked about Go")
    assert response.status_code == 302
    assert response.url == f"/contacts/{contact.pk}/"
    contact.refresh_from_db()
    assert contact.last_interaction_on == dt.date(2026, 3, 14)
    item = contact.interactions.get()
    assert (item.kind, item.summary, item.owner) == ("coffee", "Talked about Go", contact.owner)


def test_it_answers_htmx_with_the_refreshed_timeline_and_a_fresh_form(alice_client, contact):
    response = alice_client.post(
        f"/contacts/{contact.pk}/interactions/add/",
        {"kind": "call", "date": "2026-03-14", "direction": "received", "summary": "Quick call"},
        headers={"HX-Request": "true", "HX-Target": "interactions"},
    )
    assert response.status_code == 200
    html = response.text
    assert html.lstrip().startswith('<section id="interactions"')
    assert "<html" not in html
    assert "Quick call</p>" in html
    assert "Logged the interaction." in html
    assert "Quick call</textarea>" not in html


def test_it_keeps_the_typed_summary_when_the_date_is_bad(alice_client, contact):
    response = log(alice_client, contact, date="igår", summary="Met at the fair")
    assert response.status_code == 200
    assert "Enter a date like" in response.text
    assert "Met at the fair</textarea>" in response.text
    assert not Interaction.objects.filter(kind="coffee").exists()


def test_it_edits_an_interaction_and_recomputes_the_last_date(alice_client, contact):
    first = services.interaction_create(contact=contact, kind="call", date=dt.date(2026, 3, 1))
    services.interaction_create(contact=contact, kind="email", date=dt.date(2026, 2, 1))
    response = alice_client.post(
        f"/contacts/interactions/{first.pk}/edit/",
        {"kind": "meeting", "date": "2026-01-15", "direction": "none", "summary": "Lunch"},
    )
    assert response.url == f"/contacts/{contact.pk}/"
    first.refresh_from_db()
    contact.refresh_from_db()
    assert (first.kind, first.date, first.summary) == ("meeting", dt.date(2026, 1, 15), "Lunch")
    assert contact.last_interaction_on == dt.date(2026, 2, 1)


def test_it_asks_before_deleting_an_interaction_and_recomputes_the_last_date(alice_client, contact):
    older = services.interaction_create(contact=contact, kind="call", date=dt.date(2026, 1, 1))
    newer = services.interaction_create(contact=contact, kind="call", date=dt.date(2026, 3, 1))
    confirm = alice_client.get(f"/contacts/interactions/{newer.pk}/delete/")
    assert "Delete interaction?" in confirm.text
    assert Interaction.objects.filter(pk=newer.pk).exists()
    alice_client.post(f"/contacts/interactions/{newer.pk}/delete/")
    contact.refresh_from_db()
    assert list(contact.interactions.all()) == [older]
    assert contact.last_interaction_on == dt.date(2026, 1, 1)


@pytest.mark.parametrize(
    ("method", "action"),
    [
        pytest.param("get", "edit", id="edit-get"),
        pytest.param("post", "edit", id="edit-post"),
        pytest.param("get", "delete", id="delete-get"),
        pytest.param("post", "delete", id="delete-post"),
    ],
)
def test_it_gives_bob_404_on_alices_interactions(bob_client, alice, method, action):
    contact = ContactFactory(owner=alice)
    item = services.interaction_create(contact=contact, kind="call", date=dt.date(2026, 3, 1))
    data = {"kind": "note", "date": "2026-03-02", "direction": "none", "summary": "x"}
    url = f"/contacts/interactions/{item.pk}/{action}/"
    assert getattr(bob_client, method)(url, data).status_code == 404
    item.refresh_from_db()
    assert (item.kind, item.date) == ("call", dt.date(2026, 3, 1))


def test_a_date_out_of_range_is_refused_with_the_summary_kept(alice_client, contact):
    response = log(alice_client, contact, date="0001-01-01", summary="Met at the fair")
    assert "Give a date between 1900 and 2200." in response.text
    assert "Met at the fair" in response.text
    assert not contact.interactions.exists()
