"""A message marked as sent keeps its whole text on the timeline, in the archive and in the
API, not only its subject."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError

from mingel.compose.services import draft_mark_sent
from mingel.contacts.models import Interaction
from mingel.exports import exporting
from mingel.exports.restore import ArchiveError, parse_archive
from mingel.exports.services import archive_restore
from mingel.testing import ContactFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 3, 16, 9, 0, tzinfo=dt.UTC)
SHORT = "Hej Ada!\nTack för pratet om Rust i går, och för boktipset."
LONG = "\n".join(
    f"Stycke {n}: tack för att du tog dig tid, det betydde mycket för mig." for n in range(8)
)


def mark_sent(owner, contact, body, subject=""):
    return draft_mark_sent(
        owner=owner,
        contact=contact,
        kind="thanks",
        lang="sv",
        body=body,
        subject=subject,
        channel="email",
        now=NOW,
    )


def test_marking_sent_keeps_the_text_that_was_sent(alice):
    contact = ContactFactory(owner=alice)
    mark_sent(alice, contact, f"  {SHORT}  ", subject="Tack för i går")
    (sent,) = Interaction.objects.filter(contact=contact)
    assert (sent.summary, sent.body, sent.direction) == ("Tack för i går", SHORT, "sent")


def test_the_timeline_shows_a_short_message_and_folds_a_long_one(alice, alice_client):
    contact = ContactFactory(owner=alice)
    mark_sent(alice, contact, SHORT)
    mark_sent(alice, contact, LONG, subject="Ett långt tack")
    html = alice_client.get(f"/contacts/{contact.pk}/").text
    assert '<blockquote class="sent-body"' in html
    assert "Tack för pratet om Rust i går, och för boktipset." in html
    folded = html[html.index('<details class="sent-body">') :]
    assert "The message as sent" in folded[: folded.index("</summary>")]
    assert "Stycke 7: tack för att du tog dig tid" in folded[: folded.index("</details>")]


def test_an_interaction_logged_by_hand_shows_no_message_block(alice, alice_client):
    contact = ContactFactory(owner=alice)
    Interaction.objects.create(
        owner=alice, contact=contact, kind="call", date=dt.date(2026, 3, 1), summary="Ringde"
    )
    assert "sent-body" not in alice_client.get(f"/contacts/{contact.pk}/").text


def test_the_archive_carries_the_text_to_another_account(alice, charlie):
    contact = ContactFactory(owner=alice)
    mark_sent(alice, contact, LONG, subject="Ett långt tack")
    document = json.loads("".join(exporting.chunks("json", alice, now=NOW)))
    (record,) = document["interactions"]
    assert record["body"] == LONG

    archive_restore(owner=charlie, parsed=parse_archive(json.dumps(document).encode()))

    (copy,) = Interaction.objects.filter(owner=charlie)
    assert (copy.summary, copy.body) == ("Ett långt tack", LONG)


def test_an_archive_from_before_the_body_still_restores(alice, charlie):
    contact = ContactFactory(owner=alice)
    mark_sent(alice, contact, SHORT)
    document = json.loads("".join(exporting.chunks("json", alice, now=NOW)))
    del document["interactions"][0]["body"]

    archive_restore(owner=charlie, parsed=parse_archive(json.dumps(document).encode()))

    assert Interaction.objects.get(owner=charlie).body == ""


def test_the_api_lists_the_text(alice, alice_api):
    contact = ContactFactory(owner=alice)
    mark_sent(alice, contact, SHORT)
    response = alice_api.get("/interactions")
    assert response.json()["items"][0]["body"] == SHORT


def test_an_archive_with_a_5_mb_message_is_refused_by_name(alice, charlie):
    contact = ContactFactory(owner=alice, name="Ada")
    mark_sent(alice, contact, SHORT)
    document = json.loads("".join(exporting.chunks("json", alice, now=NOW)))
    document["interactions"][0]["body"] = "x" * (5 * 1024 * 1024)

    with pytest.raises(ArchiveError) as info:
        archive_restore(owner=charlie, parsed=parse_archive(json.dumps(document).encode()))

    assert "interactions #1" in str(info.value) and "5000" in str(info.value)
    assert not Interaction.objects.filter(owner=charlie).exists()


def test_a_message_longer_than_a_draft_is_refused_when_marked_sent(alice):
    contact = ContactFactory(owner=alice)
    with pytest.raises(ValidationError):
        mark_sent(alice, contact, "y" * 5001)
    assert not Interaction.objects.exists()
