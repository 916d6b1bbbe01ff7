"""The account itself in the JSON API: deleting it, with the email and the password as
confirmation (a token alone, leaked or borrowed, must not be enough to erase an account)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Router, Schema

from mingel.accounts import services
from mingel.api.schemas import InSchema

router = Router()


class AccountDeleteIn(InSchema):
    confirm: str = ""
    password: str = ""


class AccountDeletedOut(Schema):
    deleted: dict[str, int]


@router.delete("/account", response=AccountDeletedOut, tags=["your data"])
def account_delete(request, payload: AccountDeleteIn):
    """Deletes the token's account and everything in it, for good: contacts, interactions,
    events, drafts, reminders, tokens and sessions. `confirm` must be the account's email
    and `password` its password; otherwise it is a 422 naming the field and nothing is
    deleted. An account without a password (made by the CLI) cannot be deleted this way.
    Says how many rows of each kind went."""
    user = request.auth
    if payload.confirm.strip().casefold() != user.email.casefold():
        message = _("Type the account's email address to confirm.")
        raise ValidationError({"confirm": ValidationError(message, code="confirm")})
    if not user.has_usable_password():
        message = _(
            "This account has no password: set one first (forgot password), or delete "
            "the account on the profile page."
        )
        raise ValidationError({"password": ValidationError(message, code="no_password")})
    if not user.check_password(payload.password):
        message = _("That is not your password.")
        raise ValidationError({"password": ValidationError(message, code="mismatch")})
    return {"deleted": services.user_delete(user=user)}
