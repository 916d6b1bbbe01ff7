from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from mingel.contacts.validators import validate_date_in_range


class Event(models.Model):
    """Something the user goes to: a meetup, a study visit, a career fair."""

    KIND_CHOICES = [
        ("meetup", _("Meetup")),
        ("study_visit", _("Study visit")),
        ("career_fair", _("Career fair")),
        ("conference", _("Conference")),
        ("after_work", _("After-work")),
        ("other", _("Other")),
    ]

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="events"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES, default="meetup")
    date = models.DateField(_("date"), validators=[validate_date_in_range])
    start_time = models.TimeField(_("starts at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    goal_new_people = models.PositiveSmallIntegerField(
        _("new people to talk to"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    questions = models.JSONField(_("prepared questions"), default=list, blank=True)
    pitch = models.TextField(_("pitch"), max_length=2000, blank=True)
    mention = models.TextField(_("interests or projects to mention"), max_length=1000, blank=True)
    notes = models.TextField(_("notes"), max_length=5000, blank=True)
    reflection = models.TextField(_("reflection"), max_length=5000, blank=True)
    energy_before = models.PositiveSmallIntegerField(
        _("energy before"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    energy_after = models.PositiveSmallIntegerField(
        _("energy after"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["owner", "date"])]

    def __str__(self):
        return self.name


class FavouriteQuestion(models.Model):
    """A question the user wants at hand for every event: from the bank or their own.
    Kept as text, so a favourite survives changes to the bank's data files."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourite_questions"
    )
    text = models.CharField(_("question"), max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "text"], name="favourite_unique_per_owner")
        ]

    def __str__(self):
        return self.text


class CaptureKey(models.Model):
    """The random key the pocket card sends with a capture. A phone that never got the
    answer sends the same capture again with the same key; the key finds the contact made
    the first time, so the person is not added twice. Scoped to the owner: another user's
    keys never match."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="capture_keys"
    )
    key = models.CharField(max_length=64)
    # Deleting the contact forgets the key with it: a resend after that makes it again.
    contact = models.ForeignKey(
        "contacts.Contact", on_delete=models.CASCADE, related_name="capture_keys"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "key"], name="capture_key_unique_per_owner")
        ]

    def __str__(self):
        return self.key
