import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import translation

from mingel.contacts import services
from mingel.contacts.models import Contact, Interaction
from mingel.testing import ContactFactory, InteractionFactory

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Ada Lind",
    "company": "Spotify",
    "role": "Backend engineer",
    "email": "ada@example.com",
    "phone": "+46 70 123 45 67",
    "linkedin_url": "https://se.linkedin.com/in/ada-lind",
    "met_on": "2026-03-14",
    "where_met": "Cloud meetup",
    "talked_about": "Kubernetes at scale",
    "notes": "Likes climbing",
    "tags": "cloud, Alumni, cloud",
    "keep_in_touch_days": "90",
}


def test_it_creates_a_contact_with_every_field(alice_client, alice):
    response = alice_client.post("/contacts/new/", VALID)
    contact = Contact.objects.get(owner=alice)
    assert response.status_code == 302
    assert response.url == f"/contacts/{contact.pk}/"
    assert contact.linkedin_url == "https://se.linkedin.com/in/ada-lind"
    assert contact.met_on == dt.date(2026, 3, 14)
    assert contact.keep_in_touch_days == 90
    assert sorted(t.name for t in contact.tags.all()) == ["Alumni", "cloud"]
    assert contact.last_interaction_on == dt.date(2026, 3, 14)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        pytest.param("name", "", "Enter a name", id="no-name"),
        pytest.param("email", "ada-at-example", "Enter an email address like", id="email"),
        pytest.param(
            "linkedin_url", "https://example.com/in/ada", "address of a LinkedIn profile", id="li"
        ),
        pytest.param(
            "linkedin_url",
            "https://www.linkedin.com/company/acme",
            "address of a LinkedIn profile",
            id="li-company",
        ),
        pytest.param("keep_in_touch_days", "0", "between 1 and 3650", id="interval-0"),
        pytest.param("keep_in_touch_days", "3651", "between 1 and 3650", id="interval-big"),
        pytest.param("met_on", "14/3 i fjol", "Enter a date like", id="date"),
        pytest.param("met_on", "0001-01-01", "Give a date between 1900 and 2200", id="year-1"),
        pytest.param("met_on", "2201-01-01", "Give a date between 1900 and 2200", id="year-2201"),
    ],
)
def test_it_rejects_bad_input_and_keeps_what_was_typed(alice_client, alice, field, value, message):
    response = alice_client.post("/contacts/new/", {**VALID, field: value})
    assert response.status_code == 200
    assert message in response.text
    assert not Contact.objects.exists()
    for kept in ("Kubernetes at scale", "Likes climbing", "cloud, Alumni, cloud", "Cloud meetup"):
        assert kept in response.text
    if value:
        assert f'value="{value}"' in response.text or value in response.text


def test_it_explains_errors_in_swedish(alice_client, alice):
    alice.language = "sv"
    alice.save()
    response = alice_client.post(
        "/contacts/new/", {**VALID, "linkedin_url": "https://example.com", "keep_in_touch_days": 0}
    )
    assert "Ange adressen till en LinkedIn-profil" in response.text
    assert "Välj ett intervall mellan 1 och 3650 dagar." in response.text


def test_it_accepts_a_linkedin_address_without_scheme(alice_client, alice):
    alice_client.post("/contacts/new/", {**VALID, "linkedin_url": "linkedin.com/in/ada"})
    assert Contact.objects.get().linkedin_url == "https://linkedin.com/in/ada"


def test_it_edits_a_contact_and_its_tags(alice_client, alice):
    contact = services.contact_create(owner=alice, name="Ada", tags=["old", "keep"])
    form = alice_client.get(f"/contacts/{contact.pk}/edit/")
    assert 'value="old, keep"' in form.text or 'value="keep, old"' in form.text
    response = alice_client.post(
        f"/contacts/{contact.pk}/edit/", {"name": "Ada Lind", "tags": "keep, new"}
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.name == "Ada Lind"
    assert sorted(t.name for t in contact.tags.all()) == ["keep", "new"]


def test_it_keeps_the_typed_edit_on_error(alice_client, alice):
    contact = services.contact_create(owner=alice, name="Ada")
    response = alice_client.post(
        f"/contacts/{contact.pk}/edit/", {"name": "Ada Lind", "email": "nope"}
    )
    assert 'value="Ada Lind"' in response.text
    contact.refresh_from_db()
    assert contact.name == "Ada"


def test_it_asks_before_deleting_and_deletes_the_interactions_too(alice_client, alice):
    contact = ContactFactory(owner=alice, name="Ada Lind")
    InteractionFactory(contact=contact)
    confirm = alice_client.get(f"/contacts/{contact.pk}/delete/")
    assert "Delete Ada Lind?" in confirm.text
    assert "the 1 interaction logged with it" in confirm.text
    assert Contact.objects.exists()
    response = alice_client.post(f"/contacts/{contact.pk}/delete/", follow=True)
    assert response.redirect_chain[-1][0] == "/contacts/"
    assert "Deleted Ada Lind." in response.text
    assert not Contact.objects.exists()
    assert not Interaction.objects.exists()


def test_it_quick_adds_a_person_met_today(alice_client, alice):
    with time_machine.travel(dt.datetime(2026, 3, 14, 18, 0, tzinfo=dt.UTC), tick=False):
        response = alice_client.post(
            "/contacts/quick/", {"name": "Bo Ek", "talked_about": "Rust in embedded"}
        )
    contact = Contact.objects.get(owner=alice)
    assert response.url == f"/contacts/{contact.pk}/"
    assert contact.met_on == dt.date(2026, 3, 14)
    assert contact.talked_about == "Rust in embedded"
    met = contact.interactions.get()
    assert (met.kind, met.summary) == ("met", "Rust in embedded")


def test_it_keeps_the_quick_note_when_the_name_is_missing(alice_client, alice):
    response = alice_client.post("/contacts/quick/", {"name": " ", "talked_about": "Rust"})
    assert "Enter a name" in response.text
    assert "Rust</textarea>" in response.text
    assert not Contact.objects.exists()


def test_it_offers_quick_add_on_every_logged_in_page(alice_client, alice):
    contact = ContactFactory(owner=alice)
    for url in ("/contacts/", f"/contacts/{contact.pk}/", "/contacts/new/"):
        assert (
            'class="button primary quickadd" href="/contacts/quick/"' in alice_client.get(url).text
        )


def test_it_marks_the_current_page_in_the_nav(alice_client, alice):
    html = alice_client.get("/contacts/").text
    assert '<a href="/contacts/" aria-current="page">' in html


@pytest.mark.parametrize(
    ("method", "path"),
    [
        pytest.param("get", "/contacts/{id}/edit/", id="edit-get"),
        pytest.param("post", "/contacts/{id}/edit/", id="edit-post"),
        pytest.param("get", "/contacts/{id}/delete/", id="delete-get"),
        pytest.param("post", "/contacts/{id}/delete/", id="delete-post"),
        pytest.param("post", "/contacts/{id}/interactions/add/", id="interaction-add"),
    ],
)
def test_it_gives_bob_404_on_alices_contact_pages(bob_client, alice, method, path):
    contact = ContactFactory(owner=alice, name="Ada")
    url = path.format(id=contact.pk)
    response = getattr(bob_client, method)(url, {"name": "Hacked", "kind": "note"})
    assert response.status_code == 404
    contact.refresh_from_db()
    assert contact.name == "Ada"
    assert not contact.interactions.exists()


def test_a_date_out_of_range_is_explained_in_swedish(alice_client, alice):
    alice.language = "sv"
    alice.save()
    response = alice_client.post("/contacts/new/", {**VALID, "met_on": "0001-01-01"})
    assert "Ange ett datum mellan 1900 och 2200." in response.text
    assert not Contact.objects.exists()


def test_the_services_refuse_a_date_the_importer_would_refuse(alice):
    """Whatever writes a contact (page, API, CLI) stores only dates an import reads back."""
    with translation.override("en"), pytest.raises(ValidationError) as info:
        services.contact_create(owner=alice, name="Ada", met_on=dt.date(1, 1, 1))
    with translation.override("en"):  # the message is lazy: worded when read
        assert info.value.message_dict == {"met_on": ["Give a date between 1900 and 2200."]}
    ada = services.contact_create(owner=alice, name="Ada", met_on=dt.date(1900, 1, 1))
    with pytest.raises(ValidationError):
        services.contact_update(contact=ada, met_on=dt.date(9999, 12, 31))
    ada.refresh_from_db()
    assert ada.met_on == dt.date(1900, 1, 1)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        pytest.param("notes", "red \x1b[31m", "invisible control character", id="escape"),
        pytest.param("company", "Acme\x07", "invisible control character", id="bell"),
        pytest.param("where_met", "Kista\x00", "Null characters are not allowed", id="nul"),
    ],
)
def test_text_that_cannot_be_stored_is_a_clear_form_error(
    alice_client, alice, field, value, message
):
    response = alice_client.post("/contacts/new/", {**VALID, field: value})
    assert response.status_code == 200
    assert message in response.text
    assert not Contact.objects.exists()
    assert "Kubernetes at scale" in response.text


def test_an_interaction_refuses_control_characters_in_swedish(alice_client, alice):
    alice.language = "sv"
    alice.save()
    contact = ContactFactory(owner=alice, name="Ada")
    response = alice_client.post(
        f"/contacts/{contact.pk}/interactions/add/",
        {"kind": "note", "date": "2026-03-01", "direction": "none", "summary": "hej\x1b"},
    )
    assert "osynligt styrtecken" in response.text
    assert not Interaction.objects.exists()
