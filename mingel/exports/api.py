"""Exports, restore and merging in the JSON API, for scripts: the same services and the
same owner scoping as the pages."""

from typing import Literal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Body, Router, Schema, Status

from mingel.contacts.schemas import ContactOut
from mingel.contacts.selectors import get_contact_detail_for_user, get_contact_for_user
from mingel.exports import restore, selectors, services
from mingel.exports.forms import MergeForm
from mingel.exports.views import download

router = Router()


class DuplicateContact(Schema):
    id: int
    name: str
    company: str
    role: str
    email: str
    linkedin_url: str


class DuplicateOut(Schema):
    first: DuplicateContact
    second: DuplicateContact
    reasons: list[str]


class RestoreOut(Schema):
    tags: int
    events: int
    contacts: int
    interactions: int
    drafts: int


class Conflict(Schema):
    detail: str


Choice = Literal["keep", "other", "both"]


@router.get("/export/{format}", tags=["your data"])
def export(request, format: Literal["vcard", "csv", "json"], excel: bool = False):
    """The user's contacts as vCard 4.0 or CSV, or everything as a JSON archive
    (docs/archive.md), streamed as a file download. `excel=true` with csv: cells
    separated by semicolons, for Excel in Swedish (the default separates by commas)."""
    return download(request.auth, "csv-excel" if format == "csv" and excel else format)


@router.post("/restore", response={200: RestoreOut, 409: Conflict}, tags=["your data"])
def archive_restore(request):
    """Restores a JSON archive sent as the request body into the user's account, which must
    be empty (409 otherwise). A bad archive is a 422 naming the problem; nothing is written."""
    data = request.read(restore.MAX_BYTES + 1)
    try:
        parsed = restore.parse_archive(data)
        return services.archive_restore(owner=request.auth, parsed=parsed)
    except services.AccountNotEmpty as exc:
        return Status(409, {"detail": str(exc)})
    except restore.ArchiveError as exc:
        raise ValidationError(str(exc), code="invalid_archive") from None


@router.get("/duplicates", response=list[DuplicateOut], tags=["your data"])
def duplicates(request):
    """Pairs of the user's contacts that share an email, a LinkedIn profile, or a name at
    the same company; `first` is the older record."""
    return selectors.duplicate_pairs(owner=request.auth)


@router.post(
    "/contacts/{int:contact_id}/merge/{int:other_contact_id}",
    response=ContactOut,
    tags=["your data"],
)
def contact_merge(
    request, contact_id: int, other_contact_id: int, payload: Body[dict[str, Choice]]
):
    """Merges the other contact into this one. The body picks, per field on which they
    differ, "keep" (this contact's value), "other", or "both" (notes, talked_about); a field
    left out takes the merge page's default (this contact's value unless it is empty).
    Interactions, drafts and tags of both are kept; the other contact is deleted."""
    keep = get_contact_for_user(request.auth, contact_id)
    other = get_contact_for_user(request.auth, other_contact_id)
    if keep.pk == other.pk:
        raise Http404
    unknown = sorted(set(payload) - set(services.MERGE_FIELDS))
    if unknown:
        raise ValidationError({unknown[0]: _("There is no such field to merge.")})
    defaults = {name: field.initial for name, field in MergeForm(keep, other).fields.items()}
    form = MergeForm(keep, other, data=defaults | payload)
    if not form.is_valid():
        raise ValidationError(dict(form.errors))
    services.contacts_merge(keep=keep, other=other, values=form.values())
    return get_contact_detail_for_user(request.auth, keep.pk)
