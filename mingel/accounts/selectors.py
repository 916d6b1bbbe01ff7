"""Reads for accounts, always scoped to the user."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from mingel.accounts.models import ApiToken


def get_token_for_user(user, pk) -> ApiToken:
    """The user's API token with this id, or 404 (also for another user's token)."""
    return get_object_or_404(ApiToken, pk=pk, user=user)


def tokens_for_user(user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")
