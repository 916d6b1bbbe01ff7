"""Bearer-token authentication for the API."""

from django.utils import translation
from ninja.security import HttpBearer

from mingel.accounts.services import token_authenticate


class TokenAuth(HttpBearer):
    """`Authorization: Bearer mgl_...`; the token's user becomes `request.auth` and
    `request.user`, and messages in error answers follow the user's language setting."""

    def authenticate(self, request, token):
        user = token_authenticate(token.strip())
        if user is None:
            return None
        request.user = user
        if user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return user
