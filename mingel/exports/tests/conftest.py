import datetime as dt

import pytest

from mingel.compose.models import Draft
from mingel.contacts.services import contact_create, interaction_create
from mingel.followups.models import ReminderSettings
from mingel.testing import EventFactory, TagFactory


@pytest.fixture
def rich_alice(alice):
    """Alice with one of everything an archive holds, including awkward values."""
    alice.doing = "Studies computer science at KTH"
    alice.interests = "Rust, accessibility"
    alice.lately = "Wrote a thesis on recommender systems.\nSecond line."
    alice.linkedin_account = "premium"
    alice.time_zone = "Europe/Helsinki"
    alice.save()
    ReminderSettings.objects.create(user=alice, dormant_after_months=4, digest="weekly")
    TagFactory(owner=alice, name="unused", keep_in_touch_days=30)
    event = EventFactory(
        owner=alice,
        name="Python Stockholm",
        date=dt.date(2026, 3, 5),
        start_time=dt.time(18, 30),
        questions=["What do you work on?", "Vad gör du?"],
        energy_before=2,
        energy_after=4,
        reviewed_at=dt.datetime(2026, 3, 6, 9, 15, 30, 123456, tzinfo=dt.UTC),
    )
    anna = contact_create(
        owner=alice,
        name="Åsa Öberg-Lind",
        company="Spotify AB",
        role="Backend developer",
        email="asa@example.com",
        phone="+46 70 123 45 67",
        linkedin_url="https://www.linkedin.com/in/asa-oberg",
        met_on=dt.date(2026, 3, 5),
        where_met="Python Stockholm",
        talked_about="Kafka, data pipelines; and migrations",
        notes='=HYPERLINK("http://evil")\nLine two, with comma; and semicolon',
        keep_in_touch_days=60,
        event=event,
        tags=["mentor", "kth, stockholm"],
    )
    interaction_create(contact=anna, kind="coffee", date=dt.date(2026, 4, 1), summary="Fika")
    bo = contact_create(owner=alice, name="Bo", tags=["mentor"])
    interaction_create(contact=bo, kind="email", date=dt.date(2025, 1, 1), direction="sent")
    Draft.objects.create(
        owner=alice,
        contact=anna,
        kind="thanks",
        lang="sv",
        body="Tack för fikat!",
        sent_at=dt.datetime(2026, 4, 2, 8, 0, tzinfo=dt.UTC),
    )
    Draft.objects.create(owner=alice, contact=bo, kind="connect", lang="en", body="Hi Bo")
    return alice
