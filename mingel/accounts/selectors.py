"""Reads for accounts, always scoped to the user."""

from django.conf import settings
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from mingel import config
from mingel.accounts.models import ApiToken


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
