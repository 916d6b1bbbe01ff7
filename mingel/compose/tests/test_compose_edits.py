"""The compose page never loses what the user wrote, and shows the gaps left to fill in."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from mingel.compose.edits import fingerprint, is_edited
from mingel.compose.feedback import short_quote
from mingel.compose.models import Draft
from mingel.contacts.services import contact_create
from mingel.core.coach.check import WEIGHTS

pytestmark = pytest.mark.django_db

MESSY = "Pratade om hur hon fick sitt första jobb…"


@pytest.fixture
def maja(alice):
    return contact_create(owner=alice, name="Maja Lind", talked_about=MESSY)


def url(contact, query=""):
    return reverse("contact_compose", kwargs={"contact_id": contact.pk}) + query


def composed(client, contact, query="?kind=thanks&lang=en"):
    """The form's values as the page composed them."""
    form = client.get(url(contact, query)).context["form"]
    return {name: form[name].value() or "" for name in form.fields}


def test_it_switches_at_once_when_the_text_is_untouched(alice_client, maja):
    data = composed(alice_client, maja)
    response = alice_client.post(
        url(maja, "?kind=thanks&lang=en&variant=1"), {**data, "action": "switch"}
    )
    assert response.status_code == 302
    assert response.url.endswith("?kind=thanks&lang=en&variant=1")


def test_it_asks_before_replacing_an_edited_text_and_keeps_it_meanwhile(alice_client, maja):
    data = composed(alice_client, maja)
    edited = data["body"].replace("[what you talked about]", "your first job at Klarna")
    response = alice_client.post(
        url(maja, "?kind=thanks&lang=sv"), {**data, "body": edited, "action": "switch"}
    )
    assert response.status_code == 200
    assert response.context["confirm_switch"]
    assert response.context["form"]["body"].value() == edited
    assert "You have changed the text." in response.text
    assert 'value="switch-confirmed"' in response.text


def test_a_confirmed_switch_replaces_the_text_and_offers_undo(alice_client, maja):
    data = composed(alice_client, maja)
    edited = data["body"] + "\nPS. Thanks for the book tip!"
    response = alice_client.post(
        url(maja, "?kind=thanks&lang=sv"),
        {**data, "body": edited, "action": "switch-confirmed"},
    )
    assert response.status_code == 200
    assert response.context["lang"] == "sv"
    assert "hur du fick ditt första jobb" in response.context["form"]["body"].value()
    undo = response.context["undo"]
    assert undo["body"] == edited and undo["lang"] == "en"
    assert "PS. Thanks for the book tip!" in response.text  # in the Undo form

    back = alice_client.post(undo["url"], {**undo, "action": "check"})
    assert back.context["form"]["body"].value() == edited
    assert back.context["lang"] == "en"
    # Restored text is the user's own: the next switch asks again.
    again = alice_client.post(
        url(maja, "?kind=connect&lang=en"), {**undo, "original": "", "action": "switch"}
    )
    assert again.status_code == 200 and again.context["confirm_switch"]


def test_it_marks_the_gaps_to_fill_in(alice_client, maja):
    response = alice_client.get(url(maja, "?kind=thanks&lang=en"))
    body = response.context["form"]["body"].value()
    assert "[what you talked about]" in body and "Pratade" not in body
    assert [g["text"] for g in response.context["feedback"]["placeholders"]] == [
        "[what you talked about]"
    ]
    assert 'data-gap="[what you talked about]"' in response.text
    assert '<mark class="placeholder" title="Gap to fill in">[what you talked about]</mark>' in (
        response.text
    )
    # The coach compares the draft with the topic it states, not the Swedish note.
    assert response.context["form"]["context"].value() == ""
    assert response.context["feedback"]["warning_count"] == 1


def test_an_empty_profile_leaves_a_gap_for_the_update_not_an_invented_one(alice_client, maja):
    response = alice_client.get(url(maja, "?kind=reconnect&lang=sv"))
    body = response.context["form"]["body"].value()
    assert "[en kort uppdatering om vad du gjort sedan sist]" in body
    assert "det har hänt mycket" not in body
    feedback = response.context["feedback"]
    assert [f["rule"] for f in feedback["findings"] if f["severity"] == "warning"] == [
        "placeholder"
    ]
    assert feedback["result"]["score"] == 100 - WEIGHTS["placeholder"]


def test_it_asks_before_marking_a_message_with_gaps_as_sent(alice_client, maja):
    data = composed(alice_client, maja)
    response = alice_client.post(url(maja), {**data, "action": "sent"})
    assert response.status_code == 200
    assert response.context["confirm_sent"] == ["[what you talked about]"]
    assert not Draft.objects.exists()
    response = alice_client.post(url(maja), {**data, "action": "sent-anyway"})
    assert response.status_code == 302
    assert Draft.objects.get().body == data["body"].replace("\r\n", "\n").strip()


SENT = {"kind": "thanks", "lang": "en", "channel": "email", "subject": ""}


@pytest.mark.parametrize(
    ("subject", "body", "gaps"),
    [
        pytest.param("", "Hi Maja, the slides: [slides](https://x.se). Thanks!", [], id="link"),
        pytest.param("", "Hi Maja, thanks for the chat [1] at the meetup!", [], id="number"),
        pytest.param("", "Hi {first_name}, thanks for the chat!", ["{first_name}"], id="braces"),
        pytest.param("", "Hi Maja, I start at XXX in March.", ["XXX"], id="xxx"),
        pytest.param("", "Hi Maja, thanks for [x] at the meetup!", ["[x]"], id="one-letter"),
        pytest.param("", "Hi Maja, see you at <company>!", ["<company>"], id="angle"),
        pytest.param("Thanks, [name]", "Hi Maja, thanks for the chat!", ["[name]"], id="subject"),
    ],
)
def test_the_page_and_mark_as_sent_take_the_coachs_gaps(alice_client, maja, subject, body, gaps):
    data = {**SENT, "subject": subject, "body": body}
    checked = alice_client.post(url(maja), {**data, "action": "check"})
    feedback = checked.context["feedback"]
    coach_gaps = [body[f["start"] : f["end"]] for f in feedback["result"]["findings"]]
    listed = [g["text"] for g in feedback["placeholders"]]
    assert listed == [g for g in gaps if g in body] and set(listed) <= set(coach_gaps)
    for gap in listed:
        assert f'data-gap="{escape(gap)}"' in checked.text

    response = alice_client.post(url(maja), {**data, "action": "sent"})
    if gaps:
        assert response.status_code == 200
        assert response.context["confirm_sent"] == gaps
        assert not Draft.objects.exists()
    else:
        assert response.status_code == 302
        assert Draft.objects.get().body == body


def test_findings_show_the_rules_name_a_short_quote_and_plain_severity(alice, alice_client):
    alice.language = "sv"
    alice.save()
    body = "Hej! " + "Jag behöver verkligen ett jobb, vilket jobb som helst, " * 3 + "snälla!!"
    response = alice_client.post(
        reverse("message_check"),
        {"kind": "thanks", "lang": "sv", "recipient": "Erik Lund", "body": body},
    )
    text = response.text
    assert "Låter desperat" in text and "Mottagarens namn saknas" in text
    assert "Att ändra" in text and ">no-name<" not in text
    quotes = [q for f in response.context["feedback"]["findings"] for q in f["quotes"]]
    assert quotes and all(len(q) <= 61 for q in quotes)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("I really need", "I really need"),
        ("word " * 20, "word word word word word word word word word word word word…"),
        ("Hi!\n\n  there", "Hi! there"),
    ],
)
def test_a_quote_is_the_passage_shortened_at_a_word(text, quoted):
    assert short_quote(text) == quoted


def test_a_draft_is_edited_when_its_text_differs_from_the_fingerprint():
    original = fingerprint("Hej", "Hej Maja!\nTack.")
    assert not is_edited({"subject": "Hej", "body": "Hej Maja!\r\nTack.\r\n", "original": original})
    assert is_edited({"subject": "Hej", "body": "Hej Maja! Tack!", "original": original})
    assert is_edited({"subject": "", "body": "", "original": ""}) is True
