"""The account itself in the JSON API: deleting it, with the email as confirmation."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Router, Schema

from mingel.accounts import services
from mingel.api.schemas import InSchema

router = Router()


class AccountDeleteIn(InSchema):
    confirm: str = ""


class AccountDeletedOut(Schema):
    deleted: dict[str, int]


@router.delete("/account", response=AccountDeletedOut, tags=["your data"])
def account_delete(request, payload: AccountDeleteIn):
    """Deletes the token's account and everything in it, for good: contacts, interactions,
    events, drafts, reminders, tokens and sessions. `confirm` must be the account's email;
    otherwise it is a 422 and nothing is deleted. Says how many rows of each kind went."""
    user = request.auth
    if payload.confirm.strip().casefold() != user.email.casefold():
        message = _("Type the account's email address to confirm.")
        raise ValidationError({"confirm": ValidationError(message, code="confirm")})
    return {"deleted": services.user_delete(user=user)}
