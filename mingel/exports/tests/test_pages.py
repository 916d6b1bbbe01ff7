"""The "Your data" page and restoring an archive by upload."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mingel.contacts.models import Contact
from mingel.exports import exporting
from mingel.testing import ContactFactory

pytestmark = pytest.mark.django_db


def archive_of(user) -> bytes:
    text = "".join(exporting.chunks("json", user, now=dt.datetime.now(dt.UTC)))
    return text.encode()


def upload(client, data: bytes, name="archive.json"):
    return client.post("/data/restore/", {"archive": SimpleUploadedFile(name, data)})


def test_the_page_links_every_download_and_is_in_the_nav(alice, alice_client):
    ContactFactory(owner=alice)
    html = alice_client.get("/data/").content.decode()
    for url in (
        "/data/export/contacts.vcf",
        "/data/export/contacts.csv",
        "/data/export/contacts-excel.csv",
        "/data/export/archive.json",
    ):
        assert f'href="{url}"' in html
    assert 'href="/data/duplicates/"' in html
    assert 'href="/data/" aria-current="page"' in html
    assert "1 contact," in html


def test_the_page_speaks_swedish(alice, alice_client):
    alice.language = "sv"
    alice.save()
    html = alice_client.get("/data/").content.decode()
    assert "Din data" in html and "Återställ" in html


def test_it_restores_an_uploaded_archive_into_an_empty_account(rich_alice, charlie, client):
    client.force_login(charlie)
    response = upload(client, archive_of(rich_alice))
    assert response.status_code == 302 and response["Location"] == "/data/"
    assert Contact.objects.filter(owner=charlie).count() == 2
    assert "2 contacts, 3 interactions, 1 event." in client.get("/data/").content.decode()


def test_it_explains_a_bad_upload_and_writes_nothing(charlie, client):
    client.force_login(charlie)
    response = upload(client, b"BEGIN:VCARD\r\nEND:VCARD\r\n", name="contacts.vcf")
    assert response.status_code == 200
    assert "not a Mingel archive" in response.content.decode()
    assert not Contact.objects.filter(owner=charlie).exists()


def test_it_refuses_to_restore_into_an_account_with_data(rich_alice, alice_client):
    response = upload(alice_client, archive_of(rich_alice))
    assert response.status_code == 200
    assert "empty account" in response.content.decode()
    assert Contact.objects.filter(owner=rich_alice).count() == 2


def test_restore_needs_a_file_and_a_post(alice_client):
    assert "This field is required" in alice_client.post("/data/restore/").content.decode()
    assert alice_client.get("/data/restore/").status_code == 405


def test_the_pages_need_a_login(client):
    for url in ("/data/", "/data/duplicates/", "/data/export/archive.json"):
        assert client.get(url).status_code == 302
