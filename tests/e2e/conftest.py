"""Browser tests: Playwright for Python driving Debian's Chromium, headless.

No browser is ever downloaded. Without Chromium the tests skip with the reason, unless
MINGEL_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

# Playwright's sync API runs an event loop in the test thread; the ORM calls that tests
# make between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("MINGEL_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(os.environ.get("MINGEL_SCREENSHOTS", "test-results"))
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium chromium-driver)"
        if os.environ.get("MINGEL_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser suite required: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def new_page(browser, viewport, locale="en-US"):
    """A page that keeps what Chromium reports about the Content-Security-Policy (a
    blocked script, style or form) in `page.csp_reports`. Give `page.wait_for_function` a
    function ("() => ..."): Playwright runs a bare expression with eval, which the policy
    forbids."""
    context = browser.new_context(viewport=viewport, locale=locale)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.csp_reports = []
    page.on(
        "console",
        lambda message: (
            page.csp_reports.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return page


def close_checking_csp(page) -> None:
    reports = list(page.csp_reports)
    page.context.close()
    assert not reports, "The Content-Security-Policy blocked something:\n" + "\n".join(reports)


@pytest.fixture(params=[pytest.param(DESKTOP, id="desktop"), pytest.param(PHONE, id="phone")])
def page(request, browser, live_server):
    """A fresh browser page at 1280 px and at 375 px; `page.base` is the server's URL."""
    page = new_page(browser, request.param)
    page.base = live_server.url
    yield page
    close_checking_csp(page)


@pytest.fixture
def phone_page(browser, live_server):
    page = new_page(browser, PHONE)
    page.base = live_server.url
    yield page
    close_checking_csp(page)


def open_menu(page) -> None:
    """Opens the header's menu where it is a disclosure (on a phone); on a wide screen the
    menu is always open and this does nothing."""
    button = page.locator("header .menu-button")
    if button.is_visible() and button.locator("xpath=..").get_attribute("open") is None:
        button.click()


def screenshot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def log_in(page, user) -> None:
    """Logs `user` in without the login form: a Django test client opens a session for
    them and its session cookie goes into the page's browser context, for `page.base`."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": page.base}]
    )


def fits_the_screen(page) -> bool:
    """True when the page is no wider than the window: nothing makes it scroll sideways
    (the document's scrollWidth is at most the window's innerWidth)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
