from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mingel.contacts.validators import validate_date_in_range, validate_linkedin_profile_url
from mingel.core.contact_fields import LIMITS, TAG_LIMIT


class Tag(models.Model):
    """A user's label for contacts; may carry a default keep-in-touch interval."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tags"
    )
    name = models.CharField(_("tag"), max_length=TAG_LIMIT)
    keep_in_touch_days = models.PositiveIntegerField(
        _("keep in touch every (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint("owner", Lower("name"), name="tag_unique_name_per_owner"),
        ]

    def __str__(self):
        return self.name


class Contact(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=LIMITS["name"])
    company = models.CharField(_("company"), max_length=LIMITS["company"], blank=True)
    role = models.CharField(_("role"), max_length=LIMITS["role"], blank=True)
    email = models.EmailField(_("email"), max_length=LIMITS["email"], blank=True)
    phone = models.CharField(_("phone"), max_length=LIMITS["phone"], blank=True)
    linkedin_url = models.URLField(
        _("LinkedIn profile"),
        max_length=LIMITS["linkedin_url"],
        blank=True,
        validators=[validate_linkedin_profile_url],
    )
    met_on = models.DateField(
        _("met on"), null=True, blank=True, validators=[validate_date_in_range]
    )
    where_met = models.CharField(_("where we met"), max_length=LIMITS["where_met"], blank=True)
    talked_about = models.TextField(
        _("what we talked about"), max_length=LIMITS["talked_about"], blank=True
    )
    notes = models.TextField(_("notes"), max_length=LIMITS["notes"], blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="contacts", verbose_name=_("tags"))
    keep_in_touch_days = models.PositiveIntegerField(
        _("keep in touch every (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("event"),
    )
    # Kept by the interaction services, so lists and reminders need no aggregate over
    # 100,000 interactions.
    last_interaction_on = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        indexes = [
            models.Index(fields=["owner", "name"]),
            models.Index(fields=["owner", "last_interaction_on"]),
            models.Index(fields=["owner", "met_on"]),
        ]

    def __str__(self):
        return self.name

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else ""


class Interaction(models.Model):
    KIND_CHOICES = [
        ("met", _("Met")),
        ("message", _("Message")),
        # A context of its own: django.contrib.auth's catalog turns a bare "Email" into
        # "E-postadress" (an address), which is wrong for a kind of interaction.
        ("email", pgettext_lazy("interaction kind", "Email")),
        ("call", _("Call")),
        ("meeting", _("Meeting")),
        ("coffee", _("Coffee")),
        ("linkedin", _("LinkedIn connection")),
        ("note", _("Note")),
    ]
    DIRECTION_CHOICES = [
        ("none", _("None")),
        ("sent", _("Sent")),
        ("received", _("Received")),
    ]

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interactions"
    )
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="interactions")
    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES, default="note")
    date = models.DateField(_("date"), validators=[validate_date_in_range])
    summary = models.TextField(_("summary"), max_length=5000, blank=True)
    # The whole text of a message Mingel composed and the user marked as sent (the summary
    # is its subject or first line). As long as a draft may be.
    # (A TextField's max_length binds forms only; the validator makes full_clean check it.)
    body = models.TextField(
        _("message"), max_length=5000, blank=True, validators=[MaxLengthValidator(5000)]
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=DIRECTION_CHOICES, default="none"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["contact", "date"]),
            models.Index(fields=["owner", "date"]),
            # Covering for the progress page's per-contact stage and first follow-up: the
            # database answers from the index alone (named when the progress app added it).
            models.Index(
                fields=["contact", "date", "kind", "direction"], name="progress_interaction_cover"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date}"

    @property
    def body_is_long(self) -> bool:
        """Whether the timeline folds the sent text away (more than a few short lines)."""
        return len(self.body) > 280 or self.body.count("\n") >= 4
