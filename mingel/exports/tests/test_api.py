"""Exports, restore, duplicates and merge through the JSON API."""

import datetime as dt
import json

import pytest
import vobject

from mingel.accounts.services import token_create
from mingel.contacts.models import Contact
from mingel.contacts.services import contact_create, interaction_create
from mingel.exports import exporting

pytestmark = pytest.mark.django_db


def download(api, fmt):
    response = api.client.get(f"/api/v1/export/{fmt}", headers=api.headers)
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content)


def post_raw(api, path, data: bytes):
    return api.client.post(
        "/api/v1" + path, data, content_type="application/json", headers=api.headers
    )


def test_it_streams_each_export(rich_alice, alice_api):
    assert len(list(vobject.readComponents(download(alice_api, "vcard").decode()))) == 2
    assert download(alice_api, "csv").startswith(b"\xef\xbb\xbf")
    assert json.loads(download(alice_api, "json"))["format"] == "mingel-archive"
    assert alice_api.get("/export/xml").status_code == 422


def test_it_restores_an_archive_sent_as_the_body(rich_alice, charlie):
    archive = "".join(exporting.chunks("json", rich_alice, now=dt.datetime.now(dt.UTC)))
    from conftest import ApiClient

    api = ApiClient(token_create(user=charlie)[1])
    response = post_raw(api, "/restore", archive.encode())
    assert response.status_code == 200
    assert response.json() == {
        "tags": 3,
        "events": 1,
        "contacts": 2,
        "interactions": 3,
        "drafts": 2,
    }
    again = post_raw(api, "/restore", archive.encode())
    assert again.status_code == 409 and "empty account" in again.json()["detail"]


def test_a_bad_archive_is_a_422_and_writes_nothing(alice_api, alice):
    response = post_raw(alice_api, "/restore", b'{"format": "mingel-archive", "version": 9}')
    assert response.status_code == 422
    assert "version 9" in response.json()["detail"][0]["msg"]
    assert not Contact.objects.filter(owner=alice).exists()


def test_it_lists_duplicates_and_merges_a_pair(alice, alice_api):
    keep = contact_create(owner=alice, name="Anna Berg", email="anna@example.com")
    other = contact_create(
        owner=alice, name="Anna Berg-Lund", email="ANNA@example.com", role="SRE", tags=["x"]
    )
    interaction_create(contact=other, kind="call", date=dt.date(2026, 2, 1))
    (pair,) = alice_api.get("/duplicates").json()
    assert (pair["first"]["id"], pair["second"]["id"], pair["reasons"]) == (
        keep.pk,
        other.pk,
        ["email"],
    )
    response = alice_api.post(f"/contacts/{keep.pk}/merge/{other.pk}", {"name": "other"})
    assert response.status_code == 200, response.content
    merged = response.json()
    assert merged["name"] == "Anna Berg-Lund"
    assert merged["role"] == "SRE"  # this contact's role was empty: the other's by default
    assert merged["email"] == "anna@example.com" and merged["tags"] == ["x"]
    assert not Contact.objects.filter(pk=other.pk).exists()
    assert keep.interactions.count() == 1


def test_a_merge_with_an_unknown_field_or_choice_is_a_422(alice, alice_api):
    keep = contact_create(owner=alice, name="A", notes="n")
    other = contact_create(owner=alice, name="B", notes="m")
    url = f"/contacts/{keep.pk}/merge/{other.pk}"
    assert alice_api.post(url, {"password": "other"}).status_code == 422
    assert alice_api.post(url, {"name": "both"}).status_code == 422
    assert alice_api.post(url, {"name": "maybe"}).status_code == 422
    assert Contact.objects.filter(pk=other.pk).exists()


def test_another_users_contacts_are_a_404(alice, bob, bob_api):
    alices = contact_create(owner=alice, name="A")
    bobs = contact_create(owner=bob, name="B")
    for path in (
        f"/contacts/{bobs.pk}/merge/{alices.pk}",
        f"/contacts/{alices.pk}/merge/{bobs.pk}",
    ):
        response = bob_api.post(path, {})
        assert response.status_code == 404 and response.json() == {"detail": "Not Found"}
    assert Contact.objects.filter(pk=alices.pk).exists()
