"""Writes for accounts and API tokens."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from mingel.accounts.models import ApiToken, User, hash_token


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
