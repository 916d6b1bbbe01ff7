"""The "Your data" page: downloads, restoring an archive, and merging duplicates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from mingel.contacts.selectors import get_contact_for_user
from mingel.exports import exporting, selectors, services
from mingel.exports.forms import MergeForm, RestoreForm
from mingel.exports.restore import ArchiveError

MAX_PAIRS_SHOWN = 200


def your_data_response(request, form):
    context = {
        "form": form,
        "counts": selectors.account_counts(request.user),
    }
    return TemplateResponse(request, "exports/your_data.html", context)


def restored_text(counts: dict) -> str:
    """ "Archive restored: 3 contacts, 1 interaction, 2 events." with each count's own plural."""
    n = counts
    return _("Archive restored: %(contacts)s, %(interactions)s, %(events)s.") % {
        "contacts": ngettext("%(counter)s contact", "%(counter)s contacts", n["contacts"])
        % {"counter": n["contacts"]},
        "interactions": ngettext(
            "%(counter)s interaction", "%(counter)s interactions", n["interactions"]
        )
        % {"counter": n["interactions"]},
        "events": ngettext("%(counter)s event", "%(counter)s events", n["events"])
        % {"counter": n["events"]},
    }


@login_required
def your_data(request):
    return your_data_response(request, RestoreForm())


def download(owner, kind: str):
    """A streamed download: the file is written while it is sent, never held whole."""
    spec = exporting.FORMATS[kind]
    day = timezone.localdate().isoformat()
    response = StreamingHttpResponse(
        exporting.chunks(kind, owner, now=timezone.now()),
        content_type=spec.content_type,
    )
    response["Content-Disposition"] = f'attachment; filename="{spec.filename(day)}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def export_vcard(request):
    return download(request.user, "vcard")


@login_required
def export_csv(request):
    return download(request.user, "csv")


@login_required
def export_csv_excel(request):
    return download(request.user, "csv-excel")


@login_required
def export_archive(request):
    return download(request.user, "json")


@login_required
@require_POST
def archive_restore(request):
    form = RestoreForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            counts = services.archive_restore(owner=request.user, parsed=form.parsed)
        except ArchiveError as exc:
            form.add_error("archive", str(exc))
        else:
            messages.success(request, restored_text(counts))
            return redirect("your_data")
    return your_data_response(request, form)


@login_required
def duplicates(request):
    pairs = selectors.duplicate_pairs(owner=request.user)
    context = {"pairs": pairs[:MAX_PAIRS_SHOWN], "total": len(pairs)}
    return TemplateResponse(request, "exports/duplicates.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def contact_merge(request, contact_id, other_contact_id):
    keep = get_contact_for_user(request.user, contact_id)
    other = get_contact_for_user(request.user, other_contact_id)
    if keep.pk == other.pk:
        raise Http404
    form = MergeForm(keep, other, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.contacts_merge(keep=keep, other=other, values=form.values())
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                ngettext(
                    "Merged into %(name)s; %(count)s interaction moved.",
                    "Merged into %(name)s; %(count)s interactions moved.",
                    result.moved_interactions,
                )
                % {"name": result.contact.name, "count": result.moved_interactions},
            )
            return redirect("contact_detail", contact_id=keep.pk)
    context = {"form": form, "keep": keep, "other": other}
    return TemplateResponse(request, "exports/merge.html", context)
