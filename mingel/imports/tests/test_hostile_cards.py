"""The worst real values through the whole import: each is a row error that says why, the
rest of the file imports, and what an import keeps for pages stays small."""

import datetime as dt
import json
import time

import pytest
from django.utils import translation

from mingel.contacts.models import Contact, Interaction
from mingel.core.importers import vcard
from mingel.events.models import Event
from mingel.imports import reasons, services

pytestmark = pytest.mark.django_db


def test_year_1_year_9999_and_a_10000_character_tag_are_reported(alice, fixture_path):
    path = fixture_path("hostile_year_1_9999_and_huge_tag.vcf")
    summary = services.import_records(owner=alice, records=vcard.parse(path))
    assert (summary.created, summary.error_count, summary.warning_count) == (3, 3, 2)
    with translation.override("en"):
        said = [reasons.reason(e.code, e.params) for e in summary.errors]
        noted = [reasons.reason(w.code, w.params) for w in summary.warnings]
    assert said == [
        "a tag is longer than 50 characters (“taggentaggentaggenta…”)",
        "the event “9999-12-31” is too far from today to be right; correct it and import again",
        "the keep-in-touch interval “99999999999999999999” is not a number of days from 1 to 3650",
    ]
    assert noted == [
        "the date you met “0001-01-01” is not between 1900 and 2200; it was put in the notes",
        "the date you met “2026-02-30” is not a date Mingel can read; it was put in the notes",
    ]
    bo = Contact.objects.get(owner=alice, name="Bo Birthday")
    assert bo.met_on == dt.date(2026, 3, 1)
    ada = Contact.objects.get(owner=alice, name="Ada Year One")
    assert (ada.met_on, ada.notes) == (None, "0001-01-01")
    assert not Event.objects.filter(owner=alice).exists()


def card(*props: str) -> str:
    return "\r\n".join(["BEGIN:VCARD", "VERSION:4.0", *props, "END:VCARD", ""])


def test_an_event_kind_mingel_does_not_know_becomes_other(alice, tmp_path):
    path = tmp_path / "c.vcf"
    path.write_text(
        card(
            "FN:Ada",
            "X-MINGEL-EVENT:Hackathon",
            "X-MINGEL-EVENT-DATE:2026-04-01",
            "X-MINGEL-EVENT-KIND:<script>alert(1)</script>",
        )
        + card("FN:Bo", "X-MINGEL-EVENT:Utan datum", "X-MINGEL-WHERE-MET:Kista"),
        encoding="utf-8",
    )
    services.import_records(owner=alice, records=vcard.parse(path))
    event = Event.objects.get(owner=alice)
    assert (event.name, event.date, event.kind) == ("Hackathon", dt.date(2026, 4, 1), "other")
    # An event with no date cannot be made; its name is kept in the notes, not dropped.
    bo = Contact.objects.get(owner=alice, name="Bo")
    assert (bo.event, bo.where_met, bo.notes) == (None, "Kista", "Utan datum")


def test_a_5_mb_note_leaves_the_others_and_the_preview_small(alice, tmp_path):
    folded = "\r\n ".join("x" * 74 for _ in range(5 * 1024 * 1024 // 74))
    path = tmp_path / "big.vcf"
    path.write_text(
        card("FN:Ada") + card("FN:Big", f"NOTE:{folded}") + card("FN:Bo"), encoding="utf-8"
    )
    started = time.perf_counter()
    summary = services.import_records(owner=alice, records=vcard.parse(path))
    seconds = time.perf_counter() - started
    assert (summary.created, summary.error_count) == (2, 1)
    assert reasons.reason(summary.errors[0].code, summary.errors[0].params) == (
        "the card that starts here is larger than 4 MB, so it was left out"
    )
    assert len(json.dumps(summary.to_dict())) < 2000
    assert seconds < 10, seconds  # read past in one pass, not parsed


def test_a_long_talked_about_shows_cut_in_the_preview(alice, tmp_path):
    from mingel.contacts.services import contact_create

    contact_create(owner=alice, name="Ada", email="ada@example.com")
    path = tmp_path / "c.vcf"
    path.write_text(
        card("FN:Ada", "EMAIL:ada@example.com", "X-MINGEL-TALKED-ABOUT:" + "ord " * 400),
        encoding="utf-8",
    )
    summary = services.import_records(owner=alice, records=vcard.parse(path), dry_run=True)
    (sample,) = summary.samples["update"]
    ((field, shown),) = sample["values"]
    assert field == "talked_about" and len(shown) == 120 and shown.endswith("…")
    assert not Interaction.objects.exists()


def test_a_card_with_40000_categories_is_refused_at_once(alice, tmp_path):
    categories = ",".join(f"tagg{i}" for i in range(40_000))
    path = tmp_path / "many.vcf"
    path.write_text(
        card("FN:Many", f"CATEGORIES:{categories}") + card("FN:Bo", "CATEGORIES:a,b,c,d,e"),
        encoding="utf-8",
    )
    started = time.perf_counter()
    summary = services.import_records(owner=alice, records=vcard.parse(path))
    seconds = time.perf_counter() - started
    assert (summary.created, summary.error_count) == (1, 1)
    with translation.override("en"):
        said = reasons.reason(summary.errors[0].code, summary.errors[0].params)
    assert said == "the row has 40000 tags; a contact can have at most 50"
    with translation.override("sv"):
        said = reasons.reason(summary.errors[0].code, summary.errors[0].params)
    assert said == "raden har 40000 taggar; en kontakt kan ha högst 50"
    assert not Contact.objects.filter(owner=alice, name="Many").exists()
    bo = Contact.objects.get(owner=alice, name="Bo")
    assert sorted(bo.tags.values_list("name", flat=True)) == ["a", "b", "c", "d", "e"]
    assert seconds < 5, seconds  # a guard only: it took about a minute before


def test_tags_of_many_rows_for_one_contact_stop_at_the_limit(alice, tmp_path):
    path = tmp_path / "rows.vcf"
    rows = "".join(
        card(
            "FN:Ada",
            "EMAIL:ada@example.com",
            "CATEGORIES:" + ",".join(f"t{r}-{i}" for i in range(40)),
        )
        for r in range(3)
    )
    path.write_text(rows, encoding="utf-8")
    summary = services.import_records(owner=alice, records=vcard.parse(path))
    ada = Contact.objects.get(owner=alice, name="Ada")
    assert ada.tags.count() == 50
    assert summary.warning_count == 2
    with translation.override("en"):
        said = [reasons.reason(w.code, w.params) for w in summary.warnings]
    assert said == [
        "30 tags were not added: a contact can have at most 50",
        "40 tags were not added: a contact can have at most 50",
    ]
