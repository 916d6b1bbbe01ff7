import pytest

from mingel.events import services
from mingel.events.models import FavouriteQuestion

pytestmark = pytest.mark.django_db


def test_the_bank_page_lists_every_group_in_the_chosen_language(alice_client):
    html = alice_client.get("/events/questions/?lang=sv").text
    assert "Vad fick dig att komma hit i dag?" in html
    assert "Vilket verktyg skulle du inte klara dig utan på jobbet?" in html
    for group in ("Openers", "Follow-up questions", "Career", "Tech"):
        assert f">{group}</h2>" in html


def test_it_stars_and_unstars_a_question(alice_client, alice):
    text = "What brings you here today?"
    response = alice_client.post(
        "/events/questions/favourite/", {"text": text, "next": "/events/questions/?lang=en"}
    )
    assert response.status_code == 302
    assert response.url == "/events/questions/?lang=en"
    assert list(FavouriteQuestion.objects.values_list("owner", "text")) == [(alice.pk, text)]
    alice_client.post("/events/questions/favourite/", {"text": text})
    assert not FavouriteQuestion.objects.exists()


def test_htmx_gets_the_star_back(alice_client):
    response = alice_client.post(
        "/events/questions/favourite/",
        {"text": "Why?", "next": "/events/questions/?lang=sv"},
        HTTP_HX_REQUEST="true",
    )
    assert 'aria-pressed="true"' in response.text
    assert 'name="next" value="/events/questions/?lang=sv"' in response.text
    assert "<html" not in response.text


def test_htmx_gets_the_favourites_updated_with_the_star(alice_client, alice):
    text = "Vad fick dig att komma hit i dag?"
    post = {"text": text, "next": "/events/questions/?lang=sv"}
    html = alice_client.post("/events/questions/favourite/", post, HTTP_HX_REQUEST="true").text
    favourites = html[html.index('id="fav-title"') : html.index('class="own-favourite"')]
    assert text in favourites
    # The twin of the star, in its group, is lit too; the groups stay in Swedish.
    assert html.count('aria-pressed="true"') == 2
    assert 'id="star-openers-0"' in html

    html = alice_client.post("/events/questions/favourite/", post, HTTP_HX_REQUEST="true").text
    favourites = html[html.index('id="fav-title"') : html.index('class="own-favourite"')]
    assert text not in favourites
    assert 'aria-pressed="true"' not in html


def test_it_never_redirects_elsewhere(alice_client):
    response = alice_client.post(
        "/events/questions/favourite/", {"text": "Why?", "next": "https://evil.example/"}
    )
    assert response.url == "/events/questions/"


def test_an_empty_question_is_refused_kindly(alice_client):
    response = alice_client.post("/events/questions/favourite/", {"text": "  "}, follow=True)
    assert "Write the question first." in response.text
    assert not FavouriteQuestion.objects.exists()


def test_favourites_are_per_user_and_come_first_when_planning(alice_client, alice, bob):
    services.favourite_toggle(owner=alice, text="My own favourite?")
    services.favourite_toggle(owner=bob, text="Bob's favourite?")
    html = alice_client.get("/events/new/").text
    assert html.index("My own favourite?") < html.index("What brings you here today?")
    assert "Bob&#x27;s favourite?" not in html
    assert "Bob's favourite?" not in alice_client.get("/events/questions/").text
