"""What the pages around an import show: sample values when choosing CSV columns, each
field a merge fills in on the preview, and the newest contacts first afterwards."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mingel.contacts.services import contact_create
from mingel.imports.models import ImportJob

pytestmark = pytest.mark.django_db


def upload(client, source, name, data: bytes):
    file = SimpleUploadedFile(name, data)
    return client.post(reverse("import_start"), {"source": source, "file": file})


def test_the_column_step_shows_the_first_values_of_each_column(alice, alice_client, fixture_path):
    upload(alice_client, "csv", "k.csv", fixture_path("kontakter_excel_sv.csv").read_bytes())
    job = ImportJob.objects.get(owner=alice)
    page = alice_client.get(reverse("import_mapping", kwargs={"import_id": job.pk})).text
    assert "Företag: e.g. “Sveriges Radio”, “Scania AB”, “Ingen AB”" in page
    # Two values when the column has two; the empty cell of line 3 is skipped.
    assert "E-post: e.g. “karin.mansson@example.se”</option>" in page


def test_a_column_with_nothing_in_it_says_so_and_long_values_are_cut(alice, alice_client):
    long_note = "ord " * 40
    data = f"Name,Empty,Notes\nAda,,{long_note}\nBo,,kort\n".encode()
    upload(alice_client, "csv", "x.csv", data)
    job = ImportJob.objects.get(owner=alice)
    assert job.samples == [["Ada", "Bo"], [], [("ord " * 15)[:59] + "…", "kort"]]
    page = alice_client.get(reverse("import_mapping", kwargs={"import_id": job.pk})).text
    assert "Empty (empty)</option>" in page


def test_the_preview_names_each_field_an_import_fills_in(alice, alice_client, fixture_path):
    contact_create(owner=alice, name="Anna Svensson", email="anna.svensson@example.com")
    upload(alice_client, "vcard", "google.vcf", fixture_path("google.vcf").read_bytes())
    job = ImportJob.objects.get(owner=alice)
    page = alice_client.get(reverse("import_detail", kwargs={"import_id": job.pk})).text
    changes = re.search(r'<dl class="changes">.*?</dl>', page, re.S).group(0)
    text = " ".join(re.sub(r"<[^>]+>", " ", changes).split())
    assert "Company (empty) → Spotify AB" in text
    assert "Role (empty) → Backend Engineer" in text
    assert "Phone (empty) → +46 70 123 45 67" in text
    assert "Tags adds Python, Stockholm" in text
    assert "nothing you have written is overwritten" in page


def test_the_preview_speaks_swedish_too(alice, alice_client, fixture_path):
    alice.language = "sv"
    alice.save()
    contact_create(owner=alice, name="Anna Svensson", email="anna.svensson@example.com")
    upload(alice_client, "vcard", "google.vcf", fixture_path("google.vcf").read_bytes())
    job = ImportJob.objects.get(owner=alice)
    page = alice_client.get(reverse("import_detail", kwargs={"import_id": job.pk})).text
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "Företag (tomt) → Spotify AB" in text
    assert "Taggar lägger till Python, Stockholm" in text


def test_see_your_contacts_lands_on_the_newest_first(alice, alice_client, fixture_path):
    for name in ("Aaron Först", "Ada Tidig"):
        contact_create(owner=alice, name=name)
    upload(alice_client, "vcard", "apple.vcf", fixture_path("apple.vcf").read_bytes())
    job = ImportJob.objects.get(owner=alice)
    alice_client.post(reverse("import_apply", kwargs={"import_id": job.pk}))
    done = alice_client.get(reverse("import_detail", kwargs={"import_id": job.pk})).text
    link = re.search(r'href="([^"]+)">See your contacts', done).group(1)
    assert link == "/contacts/?sort=new"
    listing = alice_client.get(link).text
    names = re.findall(r'class="contact-name" href="[^"]+">([^<]+)</a>', listing)
    assert names[:2] == ["Fika &amp; Kod AB", "Erik Lindqvist"]
    assert names[2:] == ["Ada Tidig", "Aaron Först"]
    assert '<option value="new" selected>' in listing
