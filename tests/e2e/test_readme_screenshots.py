"""The README's screenshots, taken from a seeded account so they always show the current
pages. `MINGEL_UPDATE_SCREENSHOTS=1` writes them to docs/screenshots/ (commit the PNGs);
otherwise they go to test-results/ like every other browser test's."""

import datetime as dt
import os
from pathlib import Path

from mingel.contacts import services
from mingel.testing import UserFactory
from tests.e2e.conftest import SHOTS, log_in, new_page

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PEOPLE = [
    ("Ada Lind", "Spotify", "Backend engineer", ["cloud", "career fair"], "Kubernetes at scale"),
    ("Bo Berg", "Klarna", "Recruiter", ["recruiting"], "Summer internships for 2027"),
    ("Chen Wei", "KTH", "PhD student", ["alumni", "rust"], "Rust in embedded systems"),
    ("Dalia Haddad", "Ericsson", "Product owner", ["5g"], "Going from developer to PO"),
    ("Erik Nyström", "Volvo Cars", "Data engineer", ["cloud"], "Streaming telemetry"),
]


def seed(today):
    user = UserFactory(email="readme@example.com", display_name="Eva Ek", language="en")
    first = None
    for n, (name, company, role, tags, talked) in enumerate(PEOPLE):
        contact = services.contact_create(
            owner=user,
            name=name,
            company=company,
            role=role,
            tags=tags,
            talked_about=talked,
            where_met="Tech career fair, KTH",
            met_on=today - dt.timedelta(days=30 + 7 * n),
        )
        first = first or contact
    services.interaction_create(
        contact=first,
        kind="email",
        date=today - dt.timedelta(days=29),
        summary="Thanked her for the chat and sent the article on operators",
        direction="sent",
    )
    services.interaction_create(
        contact=first,
        kind="coffee",
        date=today - dt.timedelta(days=3),
        summary="Coffee at Espresso House: she explained their on-call rota",
        direction="none",
    )
    return user, first


def test_it_takes_the_readme_screenshots(browser, live_server, transactional_db):
    folder = DOCS if os.environ.get("MINGEL_UPDATE_SCREENSHOTS") == "1" else SHOTS
    folder.mkdir(parents=True, exist_ok=True)
    user, ada = seed(dt.date.today())
    for name, viewport, path in [
        ("contacts-desktop", {"width": 1280, "height": 760}, "/contacts/"),
        ("contact-phone", {"width": 375, "height": 812}, f"/contacts/{ada.pk}/"),
    ]:
        page = new_page(browser, viewport)
        page.base = live_server.url
        try:
            log_in(page, user)
            page.goto(page.base + path)
            page.get_by_role("heading", level=1).wait_for()
            page.screenshot(path=str(folder / f"{name}.png"))
        finally:
            page.context.close()
    assert (folder / "contacts-desktop.png").stat().st_size > 10_000
