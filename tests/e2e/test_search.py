"""The contact search in the browser: results follow what is typed, with the reason."""

from mingel.contacts import services
from mingel.testing import UserFactory
from tests.e2e.conftest import log_in, screenshot


def test_typing_part_of_a_word_finds_who_knows_about_it(page, transactional_db):
    user = UserFactory(email="sam@example.com", display_name="Sam", language="en")
    log_in(page, user)
    services.contact_create(owner=user, name="Aron Berg", notes="Ledde migreringen till Kubernetes")
    services.contact_create(owner=user, name="Bea Holm", company="Klarna")
    page.goto(page.base + "/contacts/")
    page.get_by_label("Search contacts").fill("kube")
    page.locator("#results mark").wait_for()
    rows = page.locator("#results .contact-row")
    assert rows.count() == 1
    assert "Aron Berg" in rows.first.inner_text()
    assert page.locator("#results mark").first.inner_text() == "Kubernetes"
    assert "q=kube" in page.url
    screenshot(page, f"search-{page.viewport_size['width']}")
    page.get_by_label("Search contacts").fill("migreringar")
    page.wait_for_function(
        "() => document.querySelector('#results mark')?.textContent === 'migreringen'"
    )
