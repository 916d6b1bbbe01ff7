"""Reads for accounts, always scoped to the user."""

from datetime import timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from mingel import config
from mingel.accounts.models import ApiToken, Attempt


def signup_open(request) -> bool:
    """Whether this request may create an account (settings.SIGNUP, see config.signup):
    with "local", only when it comes from this machine itself."""
    if settings.SIGNUP == "local":
        return config.is_own_address(
            request.META.get("REMOTE_ADDR", ""), settings.MACHINE_ADDRESSES
        )
    return settings.SIGNUP == "open"


def get_token_for_user(user, pk) -> ApiToken:
    """The user's API token with this id, or 404 (also for another user's token)."""
    return get_object_or_404(ApiToken, pk=pk, user=user)


def tokens_for_user(user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or behind the proxy (MINGEL_BEHIND_PROXY) the
    last address in X-Forwarded-For, the one our proxy appended (the ones before it are
    whatever the client chose to send)."""
    if settings.BEHIND_PROXY:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "")


def account_key(email: str) -> str:
    return f"account:{email.strip().lower()[:250]}"


def throttle_keys(*, email: str, address: str) -> list[tuple[str, int]]:
    """The keys an attempt counts under, each with its own limit (settings.THROTTLE)."""
    keys = [(f"address:{address}", "per_address")]
    if email.strip():
        keys.insert(0, (account_key(email), "per_account"))
    return keys


def throttle_wait(*, kind: str, email: str, address: str) -> timedelta | None:
    """How long until another attempt of this kind is allowed, or None when it is now:
    an account or a client address with its limit of attempts within the window waits
    until the oldest of them leaves the window."""
    limits = settings.THROTTLE[kind]
    window = timedelta(minutes=limits["minutes"])
    now = timezone.now()
    waits = []
    for key, limit_name in throttle_keys(email=email, address=address):
        limit = limits[limit_name]
        recent = Attempt.objects.filter(kind=kind, key=key, at__gt=now - window).order_by("-at")
        times = list(recent.values_list("at", flat=True)[:limit])
        if len(times) >= limit:
            waits.append(times[-1] + window - now)
    return max(waits) if waits else None
