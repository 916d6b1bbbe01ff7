import datetime as dt

import pytest
import time_machine
from django.core import mail
from django_tasks_db.models import DBTaskResult
from typer.testing import CliRunner

from mingel.cli import app
from mingel.contacts import services as contacts
from mingel.followups import digest, services, tasks
from mingel.followups.models import ReminderSettings
from mingel.testing import run_queued_tasks

pytestmark = pytest.mark.django_db
MONDAY = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)  # 09:00 in Stockholm
TODAY = dt.date(2026, 11, 23)


def opt_in(user, kind="daily"):
    prefs = services.reminder_settings_get(user=user)
    return services.reminder_settings_update(prefs=prefs, digest=kind)


def met_yesterday(user, name="Anna Svensson"):
    return contacts.contact_create(owner=user, name=name, met_on=TODAY - dt.timedelta(days=1))


def test_it_sends_a_daily_digest_once_per_day(alice):
    opt_in(alice)
    met_yesterday(alice)
    assert digest.send_due_digests(MONDAY) == 1
    assert digest.send_due_digests(MONDAY + dt.timedelta(hours=3)) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    assert "Follow up with Anna Svensson" in message.body
    assert "http://127.0.0.1:8000/today/" in message.body
    assert message.subject == "Mingel: 1 small thing to do"
    assert digest.send_due_digests(MONDAY + dt.timedelta(days=1)) == 1
    assert len(mail.outbox) == 2


def test_a_weekly_digest_goes_out_once_a_week(alice):
    opt_in(alice, "weekly")
    met_yesterday(alice)
    sent = [digest.send_due_digests(MONDAY + dt.timedelta(days=n)) for n in range(8)]
    assert sent == [1, 0, 0, 0, 0, 0, 0, 1]


def test_it_writes_in_the_users_language(alice, bob):
    alice.language = "sv"
    alice.save()
    for user in (alice, bob):
        opt_in(user)
        met_yesterday(user)
    digest.send_due_digests(MONDAY)
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert "Hör av dig till Anna Svensson" in by_recipient["alice@example.com"].body
    assert by_recipient["alice@example.com"].subject.startswith("Mingel: 1 ")
    assert "Follow up with Anna Svensson" in by_recipient["bob@example.com"].body


def test_nothing_for_users_who_did_not_opt_in(alice, bob):
    met_yesterday(alice)
    services.reminder_settings_get(user=bob)
    met_yesterday(bob)
    assert digest.send_due_digests(MONDAY) == 0
    assert mail.outbox == []


def test_nothing_when_nothing_is_due(alice):
    opt_in(alice)
    assert digest.send_due_digests(MONDAY) == 0
    assert mail.outbox == []


def test_it_waits_for_the_users_morning(alice):
    opt_in(alice)
    met_yesterday(alice)
    assert digest.send_due_digests(dt.datetime(2026, 11, 23, 4, 0, tzinfo=dt.UTC)) == 0
    assert digest.send_due_digests(dt.datetime(2026, 11, 23, 6, 0, tzinfo=dt.UTC)) == 1


def test_a_worker_that_lost_the_claim_sends_nothing(alice):
    prefs = opt_in(alice)
    met_yesterday(alice)
    stale = ReminderSettings.objects.get(pk=prefs.pk)
    assert digest.claim(prefs, TODAY) is True
    assert digest.claim(stale, TODAY) is False


def test_a_failed_send_is_retried_next_run(alice, settings):
    opt_in(alice)
    met_yesterday(alice)
    settings.MAILERS = {"default": {"BACKEND": "mingel.followups.tests.test_digest.BrokenBackend"}}
    assert digest.send_due_digests(MONDAY) == 0
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    assert digest.send_due_digests(MONDAY) == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("SMTP server is down")


def test_the_command_sends_and_reports(alice):
    opt_in(alice)
    met_yesterday(alice)
    with time_machine.travel(MONDAY, tick=False):
        result = CliRunner().invoke(app, ["digest"])
        again = CliRunner().invoke(app, ["digest"])
    assert result.exit_code == 0
    assert result.output.strip() == "sent 1 digest"
    assert again.output.strip() == "sent 0 digests"
    assert len(mail.outbox) == 1


def waiting_checks():
    return DBTaskResult.objects.filter(
        task_path="mingel.followups.tasks.digests_send", status="READY"
    )


def test_the_digest_task_sends_once_and_queues_its_next_run(transactional_db, alice):
    opt_in(alice)
    met_yesterday(alice)
    with time_machine.travel(MONDAY, tick=False):
        assert tasks.digests_schedule() is True
        assert tasks.digests_schedule() is False  # one is waiting already: no second chain
        run_queued_tasks()
        assert len(mail.outbox) == 1
        (following,) = waiting_checks()
        assert following.run_after == MONDAY + tasks.EVERY
        run_queued_tasks()  # not due yet: nothing runs
        assert waiting_checks().get() == following
    with time_machine.travel(MONDAY + tasks.EVERY, tick=False):
        run_queued_tasks()
        (third,) = waiting_checks()
    assert third.run_after == MONDAY + 2 * tasks.EVERY
    assert len(mail.outbox) == 1  # the day's digest went out in the first run only
    assert ReminderSettings.objects.get(user=alice).digest_period == TODAY


def test_two_checks_at_once_send_one_digest_and_leave_one_check(transactional_db, alice):
    opt_in(alice)
    met_yesterday(alice)
    with time_machine.travel(MONDAY, tick=False):
        # Two workers that each started a chain (say, two `mingel worker` at once).
        tasks.digests_send.enqueue()
        tasks.digests_send.enqueue()
        run_queued_tasks()
    assert len(mail.outbox) == 1
    assert waiting_checks().count() == 1
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2


def test_the_check_clears_old_results_of_the_queue(transactional_db, alice):
    old = tasks.digests_send.enqueue().id
    recent = tasks.digests_send.enqueue().id
    DBTaskResult.objects.update(status="SUCCESSFUL")
    DBTaskResult.objects.filter(id=old).update(finished_at=MONDAY - dt.timedelta(days=15))
    DBTaskResult.objects.filter(id=recent).update(finished_at=MONDAY - dt.timedelta(days=13))
    with time_machine.travel(MONDAY, tick=False):
        tasks.digests_schedule()
        run_queued_tasks()
    assert not DBTaskResult.objects.filter(id=old).exists()
    assert DBTaskResult.objects.filter(id=recent).exists()
    assert waiting_checks().count() == 1


def test_the_task_with_an_immediate_backend_sends_and_queues_nothing(alice, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    opt_in(alice)
    met_yesterday(alice)
    with time_machine.travel(MONDAY, tick=False):
        result = tasks.digests_send.enqueue()
        tasks.digests_send.enqueue()
    assert result.return_value == 1
    assert len(mail.outbox) == 1


def test_the_settings_page_says_when_the_last_digest_went_out(alice, alice_client):
    opt_in(alice)
    met_yesterday(alice)
    with time_machine.travel(MONDAY, tick=False):
        assert "No digest has been sent yet." in alice_client.get("/today/settings/").text
        digest.send_due_digests(MONDAY)
        page = alice_client.get("/today/settings/").text
    assert "Last digest sent: 23 Nov 2026, 09:00." in page
    assert "The digest is late" not in page


def test_the_settings_page_warns_when_no_scheduler_sent_the_digest(alice, alice_client):
    with time_machine.travel(MONDAY - dt.timedelta(days=3), tick=False):
        opt_in(alice)
    # Due from 07:00 in Stockholm; at 08:30 a scheduler may still be on its way.
    with time_machine.travel(MONDAY - dt.timedelta(minutes=30), tick=False):
        assert "The digest is late" not in alice_client.get("/today/settings/").text
    with time_machine.travel(MONDAY + dt.timedelta(hours=1), tick=False):
        assert "The digest is late" in alice_client.get("/today/settings/").text
        digest.send_due_digests()  # nothing due: checked, nothing sent, no longer late
        page = alice_client.get("/today/settings/").text
    assert "The digest is late" not in page
    assert "No digest has been sent yet." in page
    assert "Last checked for the period starting 23 Nov 2026" in page


@pytest.mark.parametrize(
    ("kind", "now", "late"),
    [
        pytest.param("off", MONDAY + dt.timedelta(hours=5), False, id="off"),
        pytest.param("daily", MONDAY - dt.timedelta(hours=1), False, id="daily-at-8"),
        pytest.param("daily", MONDAY + dt.timedelta(hours=1), True, id="daily-at-10"),
        pytest.param("weekly", MONDAY + dt.timedelta(days=2), True, id="weekly-on-wednesday"),
    ],
)
def test_when_a_digest_counts_as_late(alice, kind, now, late):
    with time_machine.travel(MONDAY - dt.timedelta(days=3), tick=False):
        prefs = opt_in(alice, kind)
    assert digest.is_overdue(prefs, now) is late


def test_a_digest_just_turned_on_is_not_late(alice, alice_client):
    with time_machine.travel(MONDAY + dt.timedelta(hours=3), tick=False):  # noon in Stockholm
        alice_client.post(
            "/today/settings/",
            {"digest": "daily", "dormant_after_months": 12, "reconnects_per_week": 3},
        )
        assert "The digest is late" not in alice_client.get("/today/settings/").text
    with time_machine.travel(MONDAY + dt.timedelta(hours=6), tick=False):
        assert "The digest is late" in alice_client.get("/today/settings/").text


def test_a_long_list_says_there_is_more_in_the_app(alice):
    opt_in(alice)
    for n in range(12):
        met_yesterday(alice, name=f"Person {n}")
    digest.send_due_digests(MONDAY)
    [message] = mail.outbox
    assert message.body.count("Follow up with") == 10
    assert "And more in the app." in message.body


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        pytest.param({}, True, id="embedded-default-on"),
        pytest.param({"MINGEL_WORKER_IN_PROCESS": "0"}, False, id="embedded-off"),
        pytest.param({"DATABASE_URL": "postgres://db/mingel"}, False, id="hosted-default-off"),
        pytest.param(
            {"DATABASE_URL": "postgres://db/mingel", "MINGEL_WORKER_IN_PROCESS": "yes"},
            True,
            id="hosted-on",
        ),
    ],
)
def test_serve_runs_the_worker_in_embedded_mode_unless_turned_off(monkeypatch, env, expected):
    from mingel.cli import worker_in_process

    for name in ("MINGEL_WORKER_IN_PROCESS", "DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert worker_in_process() is expected
