"""The delete-account page offers the exports before anything is deleted."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_delete_page_links_to_the_archive_and_the_vcard(alice, alice_client):
    page = alice_client.get(reverse("account_delete")).text
    assert "Take your data with you first" in page
    offer = page.index("Take your data with you first")
    assert offer < page.index("Delete my account and all its data")  # before the button
    for name in ("export_archive", "export_vcard", "your_data"):
        assert f'href="{reverse(name)}"' in page
    # And the links work: the archive downloads from there.
    response = alice_client.get(reverse("export_archive"))
    assert response.status_code == 200 and response.streaming


def test_the_offer_speaks_swedish(alice, alice_client):
    alice.language = "sv"
    alice.save()
    page = alice_client.get(reverse("account_delete")).text
    assert "Ta med dig din data först" in page
    assert "Ladda ner allt (arkiv)" in page
