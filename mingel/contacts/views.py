"""Contact and interaction pages. Every page works without JavaScript; htmx requests get
the fragment they swap (template partials of the same page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mingel.contacts import selectors, services
from mingel.contacts.forms import ContactForm, InteractionForm, QuickAddForm, apply_service_errors
from mingel.core.textcheck import without_problems
from mingel.search import selectors as search_selectors

PER_PAGE = 50
# "" is best match when searching, by name otherwise.
LIST_SORTS = ("", "name", "recent", "new")


@login_required
def contact_list(request):
    # PostgreSQL refuses a NUL in a query: taken out, as typing it could not have meant it.
    q = without_problems(request.GET.get("q", "")).strip()
    tag = without_problems(request.GET.get("tag", "")).strip()
    sort = request.GET.get("sort", "")
    if sort not in LIST_SORTS:
        sort = ""
    contacts = selectors.contacts_list(owner=request.user, q=q, tag=tag, sort=sort)
    page = Paginator(contacts, PER_PAGE).get_page(request.GET.get("page"))
    if q:
        page.object_list = list(page.object_list)
        search_selectors.attach_matches(page.object_list, q)
    template = "contacts/contact_list.html"
    if request.htmx and request.htmx.target == "results":
        template += "#results"
    context = {
        "page": page,
        "q": q,
        "tag": tag,
        "sort": sort,
        "tags": selectors.tags_for_user(request.user),
    }
    return TemplateResponse(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def contact_create(request):
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            contact = services.contact_create(owner=request.user, **form.service_fields())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved %(name)s.") % {"name": contact.name})
            return redirect("contact_detail", contact_id=contact.pk)
    return TemplateResponse(request, "contacts/contact_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def contact_quick_add(request):
    form = QuickAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            contact = services.contact_create(
                owner=request.user, met_on=timezone.localdate(), **form.cleaned_data
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Added %(name)s.") % {"name": contact.name})
            return redirect("contact_detail", contact_id=contact.pk)
    return TemplateResponse(request, "contacts/quick_add.html", {"form": form})


def detail_response(request, contact, interaction_form, *, partial=False):
    template = "contacts/contact_detail.html" + ("#interactions" if partial else "")
    context = {
        "contact": contact,
        "timeline": selectors.contact_timeline(contact),
        "interaction_form": interaction_form,
    }
    return TemplateResponse(request, template, context)


@login_required
def contact_detail(request, contact_id):
    contact = selectors.get_contact_detail_for_user(request.user, contact_id)
    return detail_response(request, contact, InteractionForm())


@login_required
@require_http_methods(["GET", "POST"])
def contact_edit(request, contact_id):
    contact = selectors.get_contact_for_user(request.user, contact_id)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_update(contact=contact, **form.service_fields())
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved %(name)s.") % {"name": contact.name})
            return redirect("contact_detail", contact_id=contact.pk)
    return TemplateResponse(
        request, "contacts/contact_form.html", {"form": form, "contact": contact}
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_delete(request, contact_id):
    contact = selectors.get_contact_for_user(request.user, contact_id)
    if request.method == "POST":
        services.contact_delete(contact=contact)
        messages.success(request, _("Deleted %(name)s.") % {"name": contact.name})
        return redirect("contact_list")
    count = contact.interactions.count()
    return TemplateResponse(
        request, "contacts/contact_delete.html", {"contact": contact, "count": count}
    )


@login_required
@require_http_methods(["GET", "POST"])
def interaction_add(request, contact_id):
    """Logs an interaction. htmx gets the refreshed timeline and a fresh form back; a plain
    post is redirected to the contact, or shown the page again with the errors."""
    contact = selectors.get_contact_detail_for_user(request.user, contact_id)
    if request.method == "GET":
        return redirect("contact_detail", contact_id=contact.pk)
    form = InteractionForm(request.POST)
    if form.is_valid():
        try:
            services.interaction_create(contact=contact, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if request.htmx:
                response = detail_response(request, contact, InteractionForm(), partial=True)
                response.context_data["logged"] = True
                return response
            messages.success(request, _("Logged the interaction."))
            return redirect("contact_detail", contact_id=contact.pk)
    return detail_response(request, contact, form, partial=bool(request.htmx))


@login_required
@require_http_methods(["GET", "POST"])
def interaction_edit(request, interaction_id):
    interaction = selectors.get_interaction_for_user(request.user, interaction_id)
    form = InteractionForm(request.POST or None, instance=interaction)
    if request.method == "POST" and form.is_valid():
        try:
            services.interaction_update(interaction=interaction, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved the interaction."))
            return redirect("contact_detail", contact_id=interaction.contact_id)
    context = {"form": form, "interaction": interaction, "contact": interaction.contact}
    return TemplateResponse(request, "contacts/interaction_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def interaction_delete(request, interaction_id):
    interaction = selectors.get_interaction_for_user(request.user, interaction_id)
    if request.method == "POST":
        services.interaction_delete(interaction=interaction)
        messages.success(request, _("Deleted the interaction."))
        return redirect("contact_detail", contact_id=interaction.contact_id)
    context = {"interaction": interaction, "contact": interaction.contact}
    return TemplateResponse(request, "contacts/interaction_delete.html", context)
