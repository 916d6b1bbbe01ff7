"""Words people see, where another catalog or a helper used to get them wrong: Django's
auth catalog turning "Email" into an address and the confirmation into a noun chain,
capitalize() writing "Linkedin", a count of 0 in a sentence, "Idag" for "i dag"."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mingel.contacts import services as contacts
from mingel.imports.models import ImportJob

pytestmark = pytest.mark.django_db


@pytest.fixture
def swedish(alice, alice_client):
    alice.language = "sv"
    alice.save()
    return alice_client


def test_the_swedish_signup_asks_to_repeat_the_password(client):
    html = client.get("/accounts/signup/", HTTP_ACCEPT_LANGUAGE="sv").text
    assert "Upprepa lösenordet" in html
    assert "Lösenordsbekräftelse" not in html


def test_an_email_interaction_is_a_mejl_not_an_address(swedish, alice):
    anna = contacts.contact_create(owner=alice, name="Anna")
    contacts.interaction_create(contact=anna, kind="email", date=dt.date(2026, 3, 4))
    html = swedish.get(f"/contacts/{anna.pk}/").text
    assert '<option value="email">Mejl</option>' in html
    assert "E-postadress</option>" not in html


def test_today_is_two_words_in_swedish(swedish):
    html = swedish.get("/today/").text
    assert "<h1>I dag</h1>" in html
    assert "Idag" not in html and "idag" not in html


def test_deleting_a_contact_with_no_interactions_mentions_none(swedish, alice):
    anna = contacts.contact_create(owner=alice, name="Anna")
    html = swedish.get(f"/contacts/{anna.pk}/delete/").text
    assert "Kontakten tas bort. Det går inte att ångra." in html
    assert " 0 " not in html


def test_your_data_counts_in_the_singular_too(alice_client, alice):
    contacts.contact_create(owner=alice, name="Anna")
    html = alice_client.get(reverse("your_data")).text
    assert "Your account holds 1 contact, 0 logged interactions and 0 events." in html


def test_column_labels_keep_linkedin_s_capitals(alice_client):
    header = "Namn,LinkedIn\nAnna,https://www.linkedin.com/in/anna\n"
    data = SimpleUploadedFile("people.csv", header.encode())
    alice_client.post(reverse("import_start"), {"source": "csv", "file": data})
    job = ImportJob.objects.get()
    html = alice_client.get(reverse("import_mapping", kwargs={"import_id": job.pk})).text
    assert "LinkedIn profile" in html
    assert "Linkedin" not in html
