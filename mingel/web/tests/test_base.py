"""The page frame every page shares: the header's menu and the flash messages."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_flash_messages_are_a_status_region_around_a_plain_list(alice_client):
    html = alice_client.post("/contacts/quick/", {"name": "Anna"}, follow=True).text
    block = re.search(r'<div class="messages" role="status">\s*<ul>(.*?)</ul>\s*</div>', html, re.S)
    assert block, "the messages are one status region holding a list"
    assert "Added Anna." in block.group(1)
    # A list and its items keep their own roles (axe: listitem, aria-allowed-role).
    assert not re.search(r"<(ul|ol|li)\b[^>]*\brole=", html)


def test_no_status_region_without_messages(alice_client):
    assert 'class="messages"' not in alice_client.get("/contacts/").text


def test_the_nav_is_inside_a_menu_disclosure(alice_client):
    html = alice_client.get("/contacts/").text
    menu = html[html.index('<details class="menu"') : html.index("</details>")]
    assert '<summary class="menu-button">' in menu
    for path in ("/today/", "/contacts/", "/events/", "/progress/", "/data/"):
        assert f'href="{path}"' in menu
    assert 'action="/accounts/logout/"' in menu


def test_logged_out_pages_have_no_menu_but_the_language_switch(client):
    html = client.get("/accounts/login/").text
    assert 'class="menu"' not in html
    assert 'class="langswitch"' in html
