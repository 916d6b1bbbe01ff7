from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Draft(models.Model):
    """A message written with the composer; once sent it stays here, so the user can see
    exactly what went out to a contact."""

    KIND_CHOICES = [
        ("connect", _("Connection note")),
        ("thanks", _("Thank-you message")),
        ("reconnect", _("Reconnect email")),
    ]
    LANG_CHOICES = [("sv", _("Swedish")), ("en", _("English"))]

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts"
    )
    contact = models.ForeignKey("contacts.Contact", on_delete=models.CASCADE, related_name="drafts")
    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES)
    lang = models.CharField(_("language"), max_length=2, choices=LANG_CHOICES)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("message"), max_length=5000)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["contact", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.contact_id})"
