"""Import pages: upload, (for CSV) choose columns, preview, apply, follow the progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mingel.core.importers.model import FileError
from mingel.imports import progress, reasons, selectors, services, storage
from mingel.imports.forms import MappingForm, UploadForm


@login_required
@require_http_methods(["GET", "POST"])
def import_start(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.import_job_create(
                owner=request.user,
                source=form.cleaned_data["source"],
                upload=form.cleaned_data["file"],
            )
        except FileError as exc:
            form.add_error("file", reasons.file_reason(exc.code, exc.line, exc.params))
        except storage.TooLarge:
            form.add_error("file", _("The file is too large."))
        else:
            return redirect("import_detail", import_id=job.pk)
    context = {"form": form, "recent": selectors.recent_imports(owner=request.user)}
    return TemplateResponse(request, "imports/start.html", context)


def job_context(job) -> dict:
    return {
        "job": job,
        "done_rows": progress.rows_done(job),
        "errors": error_rows(job.preview if job.status == "preview" else job.result),
        "warnings": error_rows(
            job.preview if job.status == "preview" else job.result, key="warnings"
        ),
        "updates": update_rows(job.preview if job.status == "preview" else {}),
        "failure": job.failure and reasons.file_reason(**job.failure),
    }


def update_rows(summary: dict) -> list[dict]:
    """The preview's sample of existing contacts an import fills in, each with its
    changes as (field name, new value, whether it adds to what is there): an import only
    fills empty fields, so the old value of a field is always empty; tags and LinkedIn
    connection dates are added beside the ones there."""
    rows = []
    for sample in summary.get("samples", {}).get("update", []):
        changes = [
            (reasons.field_name(field), value, field in ("tags", "linkedin"))
            for field, value in sample.get("values", [])
        ]
        rows.append({**sample, "changed": changes})
    return rows


def error_rows(summary: dict, key: str = "errors") -> list[dict]:
    """The summary's row errors (or, with key="warnings", its rows imported with a value
    moved), each with its line and the reason in the user's language."""
    return [
        {"line": e["line"], "reason": reasons.reason(e["code"], e["params"])}
        for e in (summary or {}).get(key, [])
    ]


@login_required
def import_detail(request, import_id):
    job = selectors.get_import_for_user(request.user, import_id)
    if job.status == "mapping":
        return redirect("import_mapping", import_id=job.pk)
    job = services.import_job_check_stale(job=job)
    return TemplateResponse(request, "imports/detail.html", job_context(job))


@login_required
def import_progress(request, import_id):
    """The status block alone: what the running page polls."""
    job = services.import_job_check_stale(
        job=selectors.get_import_for_user(request.user, import_id)
    )
    return TemplateResponse(request, "imports/detail.html#status", job_context(job))


@login_required
@require_http_methods(["GET", "POST"])
def import_mapping(request, import_id):
    job = selectors.get_import_for_user(request.user, import_id)
    if job.source != "csv" or job.status not in ("mapping", "preview"):
        return redirect("import_detail", import_id=job.pk)
    form = MappingForm(
        request.POST or None,
        headers=job.headers,
        initial_mapping=job.mapping,
        samples=job.samples,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.import_job_map(job=job, mapping=form.mapping())
        except FileError as exc:
            form.add_error(None, reasons.file_reason(exc.code, exc.line, exc.params))
        else:
            return redirect("import_detail", import_id=job.pk)
    return TemplateResponse(request, "imports/mapping.html", {"job": job, "form": form})


@require_POST
@login_required
def import_apply(request, import_id):
    job = selectors.get_import_for_user(request.user, import_id)
    if job.status == "mapping":
        return redirect("import_mapping", import_id=job.pk)
    if not services.import_job_start(job=job):
        messages.info(request, _("This import has already started."))
    return redirect("import_detail", import_id=job.pk)


@require_POST
@login_required
def import_cancel(request, import_id):
    job = selectors.get_import_for_user(request.user, import_id)
    if job.status == "running":
        messages.error(request, _("A running import cannot be cancelled."))
        return redirect("import_detail", import_id=job.pk)
    services.import_job_cancel(job=job)
    messages.success(request, _("The upload was removed."))
    return redirect("import_start")
