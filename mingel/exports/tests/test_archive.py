"""The JSON archive: a lossless round trip into an empty account, refused into a full one,
all or nothing, and a clear message for every kind of bad file."""

import datetime as dt
import json

import pytest

from mingel.compose.models import Draft
from mingel.contacts.models import Contact, Interaction, Tag
from mingel.contacts.services import contact_create
from mingel.events.models import Event
from mingel.exports import exporting, restore, services
from mingel.followups.models import ReminderSettings
from mingel.testing import UserFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.UTC)


def export(user) -> str:
    return "".join(exporting.chunks("json", user, now=NOW))


def restore_into(user, text: str):
    return services.archive_restore(owner=user, parsed=restore.parse_archive(text.encode()))


def without_ids(document: dict) -> dict:
    """The archive with each id replaced by the record's position, links likewise: what
    must survive a round trip unchanged."""
    document = dict(document)
    positions = {
        name: {r["id"]: i for i, r in enumerate(document[name])} for name in ("events", "contacts")
    }
    for name in ("tags", "events", "contacts", "interactions", "drafts"):
        records = []
        for record in document[name]:
            record = {k: v for k, v in record.items() if k != "id"}
            if name == "contacts" and record["event"] is not None:
                record["event"] = positions["events"][record["event"]]
            if "contact" in record:
                record["contact"] = positions["contacts"][record["contact"]]
            records.append(record)
        document[name] = records
    return document


def test_it_round_trips_everything_into_a_fresh_account(rich_alice, charlie):
    first = json.loads(export(rich_alice))
    counts = restore_into(charlie, export(rich_alice))
    assert counts == {"tags": 3, "events": 1, "contacts": 2, "interactions": 3, "drafts": 2}
    second = json.loads(export(charlie))
    assert without_ids(second) == without_ids(first)
    # Ids are new; creation times are kept.
    assert {c["id"] for c in second["contacts"]}.isdisjoint(c["id"] for c in first["contacts"])
    assert second["contacts"][0]["created_at"] == first["contacts"][0]["created_at"]


def test_restored_links_point_at_the_restored_records(rich_alice, charlie):
    restore_into(charlie, export(rich_alice))
    asa = Contact.objects.get(owner=charlie, name="Åsa Öberg-Lind")
    assert asa.event.owner == charlie and asa.event.name == "Python Stockholm"
    assert sorted(asa.tags.values_list("name", flat=True)) == ["kth, stockholm", "mentor"]
    assert set(asa.tags.values_list("owner", flat=True)) == {charlie.pk}
    assert asa.interactions.count() == 2
    assert asa.last_interaction_on == dt.date(2026, 4, 1)
    assert Draft.objects.get(owner=charlie, kind="thanks").contact == asa
    charlie.refresh_from_db()
    assert charlie.time_zone == "Europe/Helsinki" and charlie.linkedin_account == "premium"
    assert charlie.email == "charlie@example.com"
    settings = ReminderSettings.objects.get(user=charlie)
    assert settings.digest == "weekly" and settings.dormant_after_months == 4
    assert rich_alice.reminder_settings.calendar_token != settings.calendar_token
    # Alice's data is untouched.
    assert Contact.objects.filter(owner=rich_alice).count() == 2


def test_it_restores_an_empty_archive(charlie):
    fresh = UserFactory()
    assert restore_into(fresh, export(charlie)) == dict.fromkeys(
        ("tags", "events", "contacts", "interactions", "drafts"), 0
    )


@pytest.mark.parametrize(
    "existing",
    [
        pytest.param(lambda u: contact_create(owner=u, name="Already here"), id="contact"),
        pytest.param(lambda u: Tag.objects.create(owner=u, name="t"), id="tag"),
        pytest.param(
            lambda u: Event.objects.create(owner=u, name="e", date=dt.date(2026, 1, 1)),
            id="event",
        ),
    ],
)
def test_it_refuses_an_account_that_is_not_empty(rich_alice, charlie, existing):
    existing(charlie)
    before = (Contact.objects.count(), Interaction.objects.count(), Tag.objects.count())
    text = export(rich_alice)
    with pytest.raises(services.AccountNotEmpty, match="empty account"):
        restore_into(charlie, text)
    assert (Contact.objects.count(), Interaction.objects.count(), Tag.objects.count()) == before
    charlie.refresh_from_db()
    assert charlie.time_zone != "Europe/Helsinki"


def test_it_writes_nothing_when_the_database_refuses_part_way(rich_alice, charlie, monkeypatch):
    """All or nothing: a failure while writing drafts (the last section) leaves no trace."""
    text = export(rich_alice)
    counts = (Contact.objects.count(), Interaction.objects.count(), Event.objects.count())

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    real = services.create_keeping_created_at

    def failing_on_drafts(model, objects):
        if model is Draft:
            broken()
        return real(model, objects)

    monkeypatch.setattr(services, "create_keeping_created_at", failing_on_drafts)
    with pytest.raises(RuntimeError):
        restore_into(charlie, text)
    assert (Contact.objects.count(), Interaction.objects.count(), Event.objects.count()) == counts
    assert not Tag.objects.filter(owner=charlie).exists()
    assert not ReminderSettings.objects.filter(user=charlie).exists()
    charlie.refresh_from_db()
    assert charlie.doing == ""


def corrupt(document: dict, change) -> bytes:
    change(document)
    return json.dumps(document).encode()


def set_path(path, value):
    def change(document):
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


BAD = [
    pytest.param(b"", "not valid JSON", id="empty-file"),
    pytest.param(b"\xff\xfe{", "not UTF-8", id="binary"),
    pytest.param(b'{"format": "mingel-archive", "version": 1, ', "not valid JSON", id="cut-off"),
    pytest.param(b"[1, 2]", "not a Mingel archive", id="a-list"),
    pytest.param(b'{"format": "vcard"}', "not a Mingel archive", id="other-format"),
    pytest.param(b'{"format": "mingel-archive", "version": 2}', "version 2", id="newer-version"),
    pytest.param(set_path(["contacts", 0, "name"], ""), "contacts #1", id="blank-name"),
    pytest.param(set_path(["contacts", 0, "company"], None), "company", id="null-text"),
    pytest.param(set_path(["contacts", 0, "email"], "not-an-email"), "email", id="bad-email"),
    pytest.param(set_path(["contacts", 0, "met_on"], "15 Jan 2024"), "met_on", id="bad-date"),
    pytest.param(set_path(["contacts", 0, "met_on"], "0001-01-01"), "met_on", id="year-1"),
    pytest.param(set_path(["interactions", 0, "date"], "0001-01-01"), "date", id="year-1-touch"),
    pytest.param(set_path(["events", 0, "date"], "9999-12-31"), "date", id="year-9999-event"),
    pytest.param(
        set_path(["contacts", 0, "linkedin_url"], "https://evil.example/in/anna"),
        "contacts #1.*linkedin_url",
        id="not-linkedin",
    ),
    pytest.param(set_path(["contacts", 0, "name"], "x" * 201), "name", id="too-long"),
    pytest.param(set_path(["contacts", 0, "notes"], "x" * 10001), "notes", id="long-text"),
    pytest.param(set_path(["contacts", 0, "event"], 999), "event 999", id="dangling-event"),
    pytest.param(set_path(["contacts", 0, "tags"], ["nope"]), "nope", id="unknown-tag"),
    pytest.param(set_path(["contacts", 0, "tags"], "mentor"), "tags", id="tags-not-list"),
    pytest.param(set_path(["contacts", 0, "surprise"], 1), "surprise", id="unknown-field"),
    pytest.param(set_path(["contacts", 0, "name"], {"a": 1}), "name", id="nested-value"),
    pytest.param(
        lambda d: d["contacts"][1].update(id=d["contacts"][0]["id"]),
        "repeats the id",
        id="repeated-id",
    ),
    pytest.param(set_path(["contacts", 0, "id"], "1"), "no valid id", id="string-id"),
    pytest.param(set_path(["contacts", 0], "Anna"), "not an object", id="record-not-object"),
    pytest.param(set_path(["contacts"], {}), "not a list", id="section-not-list"),
    pytest.param(set_path(["interactions", 0, "contact"], 999), "contact 999", id="orphan"),
    pytest.param(set_path(["interactions", 0, "kind"], "telepathy"), "kind", id="bad-choice"),
    pytest.param(set_path(["drafts", 0, "contact"], None), "contact None", id="draft-orphan"),
    pytest.param(set_path(["events", 0, "energy_after"], 9), "energy_after", id="out-of-range"),
    pytest.param(set_path(["events", 0, "questions"], [1]), "questions", id="bad-questions"),
    pytest.param(set_path(["tags", 1, "name"], "UNUSED"), "tag name", id="repeated-tag"),
    pytest.param(set_path(["profile", "time_zone"], "Mars/Base"), "time_zone", id="bad-zone"),
    pytest.param(set_path(["profile", "language"], "fi"), "language", id="bad-language"),
    pytest.param(set_path(["profile", "password"], "x"), "password", id="profile-extra"),
    pytest.param(set_path(["reminder_settings", "digest"], "hourly"), "reminder", id="bad-digest"),
    # Text a database cannot store: SQLite kept NUL, PostgreSQL refuses it; no UTF-8 holds
    # a lone surrogate. Infinity and NaN are no JSON, and an id must fit 64 bits.
    pytest.param(
        set_path(["contacts", 0, "name"], "An\x00na"), "contacts #1 is invalid: name", id="nul"
    ),
    pytest.param(set_path(["contacts", 0, "notes"], "\ud800"), "notes", id="surrogate"),
    pytest.param(set_path(["tags", 0, "name"], "a\x1bb"), "tags #1", id="control-in-tag"),
    pytest.param(set_path(["events", 0, "questions"], ["ok", "\x00"]), "questions", id="nul-q"),
    pytest.param(
        set_path(["contacts", 0, "keep_in_touch_days"], float("inf")), "Infinity", id="infinity"
    ),
    pytest.param(set_path(["events", 0, "goal_new_people"], float("nan")), "NaN", id="nan"),
    pytest.param(set_path(["contacts", 0, "id"], 2**64), "no valid id", id="huge-id"),
    pytest.param(set_path(["profile", "display_name"], "A\x00"), "display_name", id="nul-profile"),
]


@pytest.mark.parametrize(("damage", "message"), BAD)
def test_it_refuses_a_bad_archive_with_a_clear_message_and_writes_nothing(
    rich_alice, charlie, damage, message
):
    if callable(damage):
        damage = corrupt(json.loads(export(rich_alice)), damage)
    with pytest.raises(restore.ArchiveError, match=message) as caught:
        services.archive_restore(owner=charlie, parsed=restore.parse_archive(damage))
    assert "\n" not in str(caught.value)
    assert not Contact.objects.filter(owner=charlie).exists()
    assert not Tag.objects.filter(owner=charlie).exists()


def test_it_accepts_a_byte_order_mark_and_naive_times(rich_alice, charlie):
    document = json.loads(export(rich_alice))
    document["drafts"][0]["sent_at"] = "2026-04-02T08:00:00"
    restore_into(charlie, "\ufeff" + json.dumps(document))
    assert Draft.objects.get(owner=charlie, kind="thanks").sent_at == dt.datetime(
        2026, 4, 2, 8, 0, tzinfo=dt.UTC
    )
