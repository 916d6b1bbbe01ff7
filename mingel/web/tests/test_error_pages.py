"""404 and 500 as Mingel pages in the user's language, with the nav and a way back; the
500 page even when the database is what failed. The icons and the web manifest."""

import json
import struct

import pytest
from django.db import OperationalError, connection
from django.test import Client

pytestmark = pytest.mark.django_db


def no_database(execute, sql, params, many, context):
    raise OperationalError("database is unavailable")


def health_check_fails(execute, sql, params, many, context):
    if sql.strip() == "SELECT 1":
        raise OperationalError("the health check failed")
    return execute(sql, params, many, context)


def test_an_unknown_page_is_a_mingel_404_with_the_nav(alice_client):
    response = alice_client.get("/no/such/page/")
    assert response.status_code == 404
    assert "This page is not here" in response.text
    assert '<nav aria-label="Main"' in response.text
    assert 'href="/today/">Back to Today' in response.text


def test_the_404_page_is_in_the_users_language(alice_client, alice):
    alice.language = "sv"
    alice.save()
    response = alice_client.get("/contacts/999999/")
    assert response.status_code == 404
    assert '<html lang="sv">' in response.text
    assert "<h1>Sidan finns inte</h1>" in response.text
    assert "Tillbaka till I dag" in response.text


def test_a_visitor_gets_a_way_back_to_the_start_page(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert 'href="/">Back to the start page' in response.text
    assert '<nav aria-label="Main"' not in response.text


def test_another_users_contact_is_the_same_404_page(bob_client, alice):
    from mingel.testing import ContactFactory

    contact = ContactFactory(owner=alice)
    response = bob_client.get(f"/contacts/{contact.pk}/")
    assert response.status_code == 404
    assert "This page is not here" in response.text


def test_a_server_error_is_a_mingel_page_with_the_nav(alice):
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    with connection.execute_wrapper(no_database):
        # healthz asks the database, which fails; so does the session lookup: the page
        # renders as for a visitor, in the language the browser asked for.
        response = client.get("/healthz", headers={"accept-language": "sv"})
    assert response.status_code == 500
    assert '<html lang="sv">' in response.text
    assert "Något gick fel hos oss" in response.text
    assert 'href="/">Tillbaka till startsidan' in response.text


def test_a_server_error_with_the_database_up_keeps_the_nav(alice):
    client = Client(raise_request_exception=False)
    client.force_login(alice)
    with connection.execute_wrapper(health_check_fails):  # the rest of the database works
        response = client.get("/healthz")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
    assert '<nav aria-label="Main"' in response.text
    assert 'name="csrfmiddlewaretoken"' in response.text  # log out still works


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_every_page_links_the_icons_and_the_manifest(client):
    page = client.get("/accounts/login/").text
    assert 'rel="icon" href="/static/mingel/icons/favicon.svg" type="image/svg+xml"' in page
    assert 'rel="manifest" href="/static/mingel/manifest.webmanifest"' in page
    assert '<meta name="theme-color" content="#1f5fa8">' in page


def test_the_manifest_names_mingel_and_its_icons(client):
    response = client.get("/static/mingel/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(body(response))
    assert manifest["name"] == "Mingel"
    assert manifest["theme_color"] == "#1f5fa8"
    sizes = {}
    for icon in manifest["icons"]:
        served = client.get("/static/mingel/" + icon["src"])
        assert served.status_code == 200, icon
        if icon["type"] == "image/png":
            sizes[icon["sizes"]] = png_size(body(served))
    assert sizes == {"192x192": (192, 192), "512x512": (512, 512)}


def test_the_svg_favicon_and_favicon_ico_are_served(client):
    svg = client.get("/static/mingel/icons/favicon.svg")
    assert svg["Content-Type"].startswith("image/svg+xml")
    assert b"<svg" in body(svg)
    ico = client.get("/favicon.ico")
    assert ico.status_code == 302
    assert png_size(body(client.get(ico["Location"]))) == (32, 32)
