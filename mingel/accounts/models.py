import hashlib
import secrets

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A Mingel account; the profile fields live here because every request needs the
    language and time zone, and the composer needs the rest."""

    LANGUAGE_CHOICES = [("", _("Browser's choice")), ("sv", _("Swedish")), ("en", _("English"))]
    LINKEDIN_CHOICES = [
        ("free", _("Free (200-character notes)")),
        ("premium", _("Premium (300-character notes)")),
    ]

    email = models.EmailField(_("email"), unique=True)
    display_name = models.CharField(_("name"), max_length=120, blank=True)
    doing = models.CharField(_("what I do or study"), max_length=200, blank=True)
    interests = models.CharField(_("interests"), max_length=300, blank=True)
    lately = models.TextField(_("what I have done lately"), max_length=1000, blank=True)
    linkedin_account = models.CharField(
        _("LinkedIn account"), max_length=10, choices=LINKEDIN_CHOICES, default="free"
    )
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Stockholm")
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    def __str__(self):
        return self.email

    @property
    def name(self) -> str:
        """The name to show and sign with: the display name, else the email's local part."""
        return self.display_name or self.email.split("@")[0]

    @property
    def connect_note_limit(self) -> int:
        """LinkedIn's limit on a connection note for this user's account type."""
        return 300 if self.linkedin_account == "premium" else 200


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A personal API token. Only its hash is stored; the raw value is shown once."""

    PREFIX = "mgl_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.hint}… ({self.name})"

    @classmethod
    def new_raw_value(cls) -> str:
        return cls.PREFIX + secrets.token_urlsafe(32)


class Attempt(models.Model):
    """One failed login or one password-reset request, kept for the throttle window:
    counted in the database so that every app process sees the same count. `key` is
    "account:<email>" or "address:<client address>"."""

    LOGIN = "login"
    RESET = "reset"
    KIND_CHOICES = [(LOGIN, "login"), (RESET, "reset")]

    kind = models.CharField(max_length=10, choices=KIND_CHOICES)
    key = models.CharField(max_length=300)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["kind", "key", "at"])]

    def __str__(self):
        return f"{self.kind} {self.key} {self.at:%Y-%m-%d %H:%M}"
