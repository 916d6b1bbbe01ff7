import re

import pytest

from mingel.accounts import services
from mingel.accounts.models import User

pytestmark = pytest.mark.django_db

VALID = {
    "display_name": "Alice A.",
    "doing": "Studying computer science at KTH",
    "interests": "cloud, Rust, open source",
    "lately": "Built a small Kubernetes operator.",
    "linkedin_account": "premium",
    "language": "en",
    "time_zone": "Europe/Helsinki",
}


def test_it_shows_the_profile_filled_in(alice_client, alice):
    alice.doing = "Backend developer"
    alice.save()
    response = alice_client.get("/accounts/profile/")
    assert response.status_code == 200
    assert 'value="Alice Andersson"' in response.text
    assert 'value="Backend developer"' in response.text
    assert '<option value="Europe/Stockholm">' in response.text  # the time zone list


def test_it_saves_every_profile_field(alice_client, alice):
    response = alice_client.post("/accounts/profile/", VALID)
    assert response.status_code == 302
    alice.refresh_from_db()
    assert {name: getattr(alice, name) for name in VALID} == VALID
    assert alice.connect_note_limit == 300


def test_saving_swedish_switches_the_interface_to_swedish(alice_client, alice):
    response = alice_client.post("/accounts/profile/", VALID | {"language": "sv"}, follow=True)
    assert '<html lang="sv">' in response.text
    assert "Din profil är sparad." in response.text
    assert alice_client.cookies["mingel_language"].value == "sv"
    # The profile wins over what the browser asks for.
    page = alice_client.get("/contacts/", headers={"accept-language": "en"})
    assert '<html lang="sv">' in page.text


def test_browsers_choice_follows_accept_language_again(alice_client, alice):
    alice_client.post("/accounts/profile/", VALID | {"language": "sv"})
    alice_client.post("/accounts/profile/", VALID | {"language": ""})
    alice.refresh_from_db()
    assert alice.language == ""
    assert alice_client.cookies["mingel_language"].value == ""  # deleted
    page = alice_client.get("/contacts/", headers={"accept-language": "en"})
    assert '<html lang="en">' in page.text
    page = alice_client.get("/contacts/", headers={"accept-language": "sv-SE,sv;q=0.9"})
    assert '<html lang="sv">' in page.text


@pytest.mark.parametrize(
    "field, value, message",
    [
        pytest.param("time_zone", "Mars/Olympus", "Choose a time zone from the list", id="zone"),
        pytest.param("time_zone", "", "This field is required", id="no-zone"),
        pytest.param("linkedin_account", "gold", "Select a valid choice", id="linkedin"),
        pytest.param("language", "de", "Select a valid choice", id="language"),
        pytest.param("display_name", "x" * 121, "at most 120 characters", id="long-name"),
    ],
)
def test_it_rejects_bad_input_and_keeps_what_was_typed(alice_client, alice, field, value, message):
    response = alice_client.post("/accounts/profile/", VALID | {field: value})
    assert response.status_code == 200
    assert message in response.text
    assert 'value="Studying computer science at KTH"' in response.text
    alice.refresh_from_db()
    assert alice.doing == ""  # nothing saved
    assert alice.time_zone == "Europe/Stockholm"


def test_a_rejected_form_does_not_show_the_bad_name_in_the_page_header(alice_client, alice):
    response = alice_client.post("/accounts/profile/", VALID | {"time_zone": "Nowhere"})
    assert response.context["user"].display_name == "Alice Andersson"


def test_the_service_rejects_an_unknown_zone_and_leaves_the_user_unchanged(alice):
    with pytest.raises(services.ValidationError) as error:
        services.profile_update(user=alice, time_zone="Europe/Atlantis", doing="x")
    assert "time_zone" in error.value.error_dict
    assert alice.time_zone == "Europe/Stockholm" and alice.doing == ""
    assert User.objects.get(pk=alice.pk).doing == ""


def test_the_service_refuses_fields_that_are_not_profile_fields(alice):
    with pytest.raises(TypeError):
        services.profile_update(user=alice, is_staff=True)


def test_it_shows_the_profile_in_a_fixed_number_of_queries(
    alice_client, alice, django_assert_num_queries
):
    for n in range(5):
        services.token_create(user=alice, name=f"t{n}")
    # session, user, tokens
    with django_assert_num_queries(3):
        response = alice_client.get("/accounts/profile/")
    assert response.text.count('class="card token-row"') == 5


def test_it_sends_anonymous_visitors_to_log_in(client):
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_language_picker_names_each_language_in_itself(alice_client, alice, language):
    alice.language = language
    alice.save()
    html = alice_client.get("/accounts/profile/").text
    assert re.search(r'<option value="sv"( selected)?>Svenska</option>', html)
    assert re.search(r'<option value="en"( selected)?>English</option>', html)
    assert "Engelska" not in html
