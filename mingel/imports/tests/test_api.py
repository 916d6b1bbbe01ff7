"""POST /api/v1/imports/{source}: the file as the body, the `mingel import --json` summary
back; a file that cannot be read is a 422 and imports nothing."""

import tempfile
from pathlib import Path
from urllib.parse import urlencode

import pytest

from mingel.contacts.models import Contact, Interaction, Tag
from mingel.imports import storage
from mingel.imports.models import ImportUpload

pytestmark = pytest.mark.django_db


def post_file(api, source, data: bytes, **params):
    query = urlencode(params, doseq=True)
    url = f"/api/v1/imports/{source}" + (f"?{query}" if query else "")
    return api.client.post(url, data, content_type="text/plain", headers=api.headers)


def nothing_left():
    """Nothing of the file stays behind: no temporary copy (the temp folder is the test's
    own, see conftest.py), no stored upload."""
    return not any(Path(tempfile.gettempdir()).iterdir()) and not ImportUpload.objects.exists()


def test_it_imports_linkedin_and_a_second_time_changes_nothing(alice, alice_api, fixture_path):
    data = fixture_path("Connections.csv").read_bytes()
    response = post_file(alice_api, "linkedin", data)
    assert response.status_code == 200, response.content
    summary = response.json()
    assert set(summary) == {"created", "updated", "skipped", "errors", "warnings"}
    assert [w["line"] for w in summary["warnings"]] == [12]
    # Line 12's "31 Feb 2024" costs Lisa Holm the date, not her place.
    assert (summary["created"], summary["updated"], summary["skipped"]) == (7, 0, 0)
    assert [e["line"] for e in summary["errors"]] == [9]
    assert summary["errors"][0]["reason"] == "the row has no name"
    assert Contact.objects.filter(owner=alice).count() == 7
    interactions = Interaction.objects.filter(owner=alice).count()
    assert nothing_left()

    again = post_file(alice_api, "linkedin", data).json()
    assert (again["created"], again["updated"], again["skipped"]) == (0, 0, 7)
    assert Contact.objects.filter(owner=alice).count() == 7
    assert Interaction.objects.filter(owner=alice).count() == interactions
    assert nothing_left()


def test_it_imports_a_vcard_file(alice, alice_api, fixture_path):
    response = post_file(alice_api, "vcard", fixture_path("google.vcf").read_bytes())
    assert response.status_code == 200, response.content
    assert response.json()["created"] == 2
    assert Contact.objects.filter(owner=alice).count() == 2


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(alice, alice_api, fixture_path):
    data = fixture_path("kontakter_excel_sv.csv").read_bytes()
    response = post_file(alice_api, "csv", data, dry_run="true")
    assert response.status_code == 200, response.content
    assert response.json()["created"] == 3  # the row with a company only is named after it
    assert not Contact.objects.exists() and not Tag.objects.exists()
    assert nothing_left()


def test_csv_uses_the_guessed_mapping_unless_map_says_otherwise(alice, alice_api, fixture_path):
    data = fixture_path("kontakter_excel_sv.csv").read_bytes()
    response = post_file(alice_api, "csv", data, map=["role=Anteckningar", "company=taggar"])
    assert response.status_code == 200, response.content
    assert response.json()["created"] == 2
    karin = Contact.objects.get(owner=alice, name="Karin Månsson")
    assert karin.role == "Träffades på Fikameetup"
    assert karin.company == "Media, Stockholm"
    assert karin.email == "karin.mansson@example.se"  # guessed


def test_csv_guessed_mapping(alice, alice_api, fixture_path):
    data = fixture_path("kontakter_excel_sv.csv").read_bytes()
    assert post_file(alice_api, "csv", data).status_code == 200
    karin = Contact.objects.get(owner=alice, name="Karin Månsson")
    assert (karin.company, karin.role) == ("Sveriges Radio", "Utvecklare")


@pytest.mark.parametrize(
    "mapping, message",
    [
        pytest.param(["nickname=Namn"], "map wants FIELD=HEADER", id="bad-field"),
        pytest.param(["name=Nope"], "the file has no column 'Nope'", id="bad-header"),
    ],
)
def test_a_bad_map_is_a_422(alice, alice_api, fixture_path, mapping, message):
    data = fixture_path("kontakter_excel_sv.csv").read_bytes()
    response = post_file(alice_api, "csv", data, map=mapping)
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["field"] == "map" and message in error["msg"]
    assert not Contact.objects.exists()
    assert nothing_left()


def test_a_csv_without_a_name_column_is_a_422(alice, alice_api):
    response = post_file(alice_api, "csv", b"Colour,Size\nred,4\n")
    assert response.status_code == 422
    assert "choose a column for the name" in response.json()["detail"][0]["msg"]


def test_a_file_that_cannot_be_read_is_a_422_and_imports_nothing(alice, alice_api, fixture_path):
    cut = fixture_path("google.vcf").read_bytes() + b"BEGIN:VCARD\nVERSION:3.0\nFN:X\n"
    response = post_file(alice_api, "vcard", cut)
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert "has no END:VCARD" in error["msg"] and "Nothing was imported" in error["msg"]
    assert not Contact.objects.exists()
    assert nothing_left()

    response = post_file(alice_api, "vcard", b"hello, world\n")
    assert response.status_code == 422
    assert "not a vCard file" in response.json()["detail"][0]["msg"]
    assert not Contact.objects.exists()


def test_a_too_large_file_is_a_422(alice, alice_api, fixture_path, monkeypatch):
    monkeypatch.setattr(storage, "MAX_BYTES", 100)
    response = post_file(alice_api, "vcard", fixture_path("google.vcf").read_bytes())
    assert response.status_code == 422
    assert "too large" in response.json()["detail"][0]["msg"]
    assert not Contact.objects.exists()
    assert nothing_left()


def test_an_unknown_source_is_a_422(alice_api):
    assert post_file(alice_api, "xml", b"<x/>").status_code == 422


def test_it_answers_in_the_users_language(alice, alice_api):
    alice.language = "sv"
    alice.save(update_fields=["language"])
    response = post_file(alice_api, "vcard", b"hello\n")
    assert response.status_code == 422
    assert "Inget importerades" in response.json()["detail"][0]["msg"]


def test_it_needs_a_token(anonymous_api, fixture_path):
    response = post_file(anonymous_api, "vcard", fixture_path("google.vcf").read_bytes())
    assert response.status_code == 401
    assert not Contact.objects.exists()


def test_it_imports_into_the_tokens_account_only(alice, bob, bob_api, fixture_path):
    from mingel.contacts.services import contact_create

    anna = contact_create(owner=alice, name="Anna Svensson", company="Spotify")
    response = post_file(bob_api, "linkedin", fixture_path("Connections.csv").read_bytes())
    assert response.json()["created"] == 7
    assert Contact.objects.filter(owner=bob).count() == 7
    assert list(Contact.objects.filter(owner=alice)) == [anna]
    anna.refresh_from_db()
    assert anna.linkedin_url == "" and not anna.interactions.exists()
