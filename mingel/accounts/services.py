"""Writes for accounts and API tokens."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from mingel.accounts.models import ApiToken, Attempt, User, hash_token
from mingel.accounts.selectors import account_key, throttle_keys
from mingel.accounts.validators import validate_time_zone

PROFILE_FIELDS = (
    "display_name",
    "doing",
    "interests",
    "lately",
    "linkedin_account",
    "language",
    "time_zone",
)


@transaction.atomic
def user_create(*, email: str, password: str | None, **profile) -> User:
    """Creates an account; raises ValidationError for a bad or taken email or a weak password.

    Without a password the account can only log in after a password reset."""
    email = (email or "").strip().lower()
    validate_email(email)
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": "An account with this email already exists."})
    user = User(email=email, **profile)
    if password:
        validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


def profile_update(*, user: User, **fields) -> User:
    """Saves the profile fields given; raises ValidationError and leaves `user` as it was
    when a value is invalid (an unknown time zone, a text too long, a wrong choice)."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown profile fields: {', '.join(sorted(unknown))}")
    before = {name: getattr(user, name) for name in fields}
    for name, value in fields.items():
        setattr(user, name, value)
    try:
        if "time_zone" in fields:
            try:
                validate_time_zone(user.time_zone)
            except ValidationError as error:
                raise ValidationError({"time_zone": error.error_list}) from None
        user.full_clean(exclude=["password", "email", "last_login"], validate_unique=False)
    except ValidationError:
        for name, value in before.items():
            setattr(user, name, value)
        raise
    user.save(update_fields=list(fields))
    return user


@transaction.atomic
def user_delete(*, user: User) -> dict[str, int]:
    """Deletes the account and everything it owns (contacts, interactions, tags, events,
    drafts, reminders, tokens, imports and their uploads: every row with a foreign key to
    it cascades), and ends its sessions on every device.

    Returns how many rows of each model went, keyed by model label."""
    user_id = user.pk
    _, per_model = user.delete()
    ended = sessions_end(user_id=user_id)
    if ended:
        per_model = {**per_model, Session._meta.label: ended}
    return {label: count for label, count in per_model.items() if count}


def sessions_end(*, user_id: int) -> int:
    """Deletes the database sessions logged in as this user id; returns how many.

    Sessions do not say whose they are without being decoded, so this reads them all: fine
    for a rare action, even with tens of thousands of sessions."""
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return 0
    ours = [
        session.pk
        for session in Session.objects.iterator(chunk_size=2000)
        if session.get_decoded().get(SESSION_KEY) == str(user_id)
    ]
    for start in range(0, len(ours), 500):
        Session.objects.filter(pk__in=ours[start : start + 500]).delete()
    return len(ours)


def token_create(*, user: User, name: str = "") -> tuple[ApiToken, str]:
    """Creates a token and returns it with its raw value, which is not stored anywhere."""
    raw = ApiToken.new_raw_value()
    token = ApiToken.objects.create(
        user=user, name=name[:100], token_hash=hash_token(raw), hint=raw[:8]
    )
    return token, raw


def token_revoke(*, token: ApiToken) -> None:
    token.delete()


def token_authenticate(raw: str) -> User | None:
    """The active user that owns this raw token, or None."""
    if not raw or not raw.startswith(ApiToken.PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=hash_token(raw), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    # Touch at most once a minute: every API call writing a row would serialise readers.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def attempt_record(*, kind: str, email: str, address: str) -> None:
    """Counts a failed login or a reset request against the account and the client
    address; drops attempts older than a day, so the table stays small."""
    now = timezone.now()
    Attempt.objects.bulk_create(
        Attempt(kind=kind, key=key, at=now)
        for key, _limit in throttle_keys(email=email, address=address)
    )
    Attempt.objects.filter(at__lt=now - timedelta(days=1)).delete()


def attempts_clear(*, kind: str, email: str) -> None:
    """Forgets an account's failed logins once its password is given right."""
    Attempt.objects.filter(kind=kind, key=account_key(email)).delete()
