import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from mingel.core import cadence


def new_calendar_token() -> str:
    """An unguessable capability: whoever holds the URL can read the feed, nothing else."""
    return secrets.token_urlsafe(32)


class ReminderSettings(models.Model):
    """A user's reminder preferences and the digest's bookkeeping, one row per user.

    Kept out of accounts.User so reminders can change without touching the account model.
    """

    DIGEST_CHOICES = [
        ("off", _("Off")),
        ("daily", _("Daily")),
        ("weekly", _("Weekly (Mondays)")),
    ]

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    dormant_after_months = models.PositiveSmallIntegerField(
        _("suggest reconnecting after (months without contact)"),
        default=cadence.DORMANT_AFTER_MONTHS,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    reconnects_per_week = models.PositiveSmallIntegerField(
        _("reconnect suggestions per week"),
        default=cadence.RECONNECTS_PER_WEEK,
        validators=[MaxValueValidator(20)],
    )
    digest = models.CharField(
        _("email digest"), max_length=10, choices=DIGEST_CHOICES, default="off"
    )
    calendar_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, default=new_calendar_token
    )
    # The start of the last day (daily) or week (weekly) a digest went out for; claimed
    # with a filtered update() so two workers never send the same digest.
    digest_period = models.DateField(null=True, blank=True, editable=False)
    # When a digest last actually went out (a period with nothing due sends nothing); the
    # settings page shows it, so a scheduler that stopped running does not go unnoticed.
    digest_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When the digest was last turned on or changed: no "late" warning for a period that
    # began before the user asked for a digest.
    digest_chosen_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Monday of the week the reconnect suggestions were last picked for.
    reconnect_week = models.DateField(null=True, blank=True, editable=False)
    # What the contacts looked like when the picks were made (see expressions.data_stamp):
    # when it changes (a new contact, an import, an edit), the week's picks are topped up,
    # so people entered after the first visit of the week do not wait for next Monday.
    reconnect_stamp = models.CharField(max_length=100, blank=True, default="", editable=False)
    # The first-run guide on the today page (mingel.core.onboarding): steps the user
    # skipped (comma-separated) and whether it is over for good (dismissed, or every
    # step done or skipped).
    onboarding_skipped = models.CharField(max_length=100, blank=True, default="", editable=False)
    onboarding_dismissed = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("reminder settings")

    def __str__(self):
        return f"reminders of {self.user_id}"


class Hidden(models.Model):
    """An item the user snoozed ("remind me in a week") or skipped ("not now"); it stays
    off the today list, the feed and the digest until `until`."""

    TYPE_CHOICES = [
        (cadence.FOLLOW_UP, _("Follow-up")),
        (cadence.KEEP_IN_TOUCH, _("Keep in touch")),
        (cadence.RECONNECT, _("Reconnect")),
        (cadence.EVENT, _("Event")),
    ]
    REASON_CHOICES = [("snooze", _("Snoozed")), ("skip", _("Not now"))]

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hidden_reminders"
    )
    item_type = models.CharField(max_length=20, choices=TYPE_CHOICES)
    contact = models.ForeignKey(
        "contacts.Contact", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    event = models.ForeignKey(
        "events.Event", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    until = models.DateField()
    reason = models.CharField(max_length=10, choices=REASON_CHOICES, default="snooze")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "until"])]

    def __str__(self):
        return f"{self.item_type} hidden until {self.until}"


class ReconnectPick(models.Model):
    """One of the week's reconnect suggestions. Picking is the costly part (it ranks every
    dormant contact), so it runs once a week per user and the today view only reads these."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reconnect_picks"
    )
    contact = models.ForeignKey("contacts.Contact", on_delete=models.CASCADE, related_name="+")
    week = models.DateField()
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["rank"]
        indexes = [models.Index(fields=["owner", "week"])]

    def __str__(self):
        return f"reconnect {self.contact_id} in week {self.week}"
