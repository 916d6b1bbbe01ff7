from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mingel.compose import selectors, services
from mingel.compose.feedback import coach_feedback, ui_lang
from mingel.compose.forms import KINDS, CheckForm, ComposeForm
from mingel.compose.links import mailto_url
from mingel.contacts.selectors import get_contact_for_user
from mingel.core.compose import Draft as DraftText
from mingel.core.compose.rewrite import LlmConfig, rewrite

REWRITE_FAILURES = {
    "timeout": gettext_lazy("The language model did not answer in time."),
    "unreachable": gettext_lazy("The language model could not be reached."),
    "http": gettext_lazy("The language model answered with an error."),
    "invalid": gettext_lazy("The language model's answer could not be used."),
}


def _rewrite(request, form: ComposeForm, contact):
    """The form with its text rewritten by the configured language model, or the form as
    it was and a message saying why not: what the user wrote is never lost."""
    config = LlmConfig.from_env()
    data = form.cleaned_data
    if config is None:
        messages.error(request, _("No language model is configured."))
        return form
    draft = DraftText(data["lang"], data["kind"], data["subject"], data["body"])
    limit = request.user.connect_note_limit if data["kind"] == "connect" else None
    result = rewrite(draft, config, recipient=data["recipient"] or contact.name, limit=limit)
    if result.ok:
        post = request.POST.copy()
        post["subject"], post["body"] = result.draft.subject, result.draft.body
        rewritten = ComposeForm(post)
        if rewritten.is_valid():
            messages.success(
                request, _("Rewritten by the language model. Read it through before sending.")
            )
            return rewritten
    reason = REWRITE_FAILURES.get(result.failure, REWRITE_FAILURES["invalid"])
    messages.warning(request, _("%(reason)s Your draft is unchanged.") % {"reason": reason})
    return form


def _choice(request) -> tuple[str, str, int]:
    """Kind, message language and phrasing asked for in the query; by default a
    thank-you in the interface language."""
    kind = request.GET.get("kind", "")
    if kind not in KINDS:
        kind = "thanks"
    lang = request.GET.get("lang", "")
    if lang not in ("sv", "en"):
        lang = ui_lang()
    try:
        variant = max(0, int(request.GET.get("variant", "0")))
    except ValueError:
        variant = 0
    return kind, lang, variant


def _contact_page(contact) -> str:
    # The contact page belongs to the contacts app; where it is missing the list stands in.
    try:
        return reverse("contact_detail", kwargs={"contact_id": contact.pk})
    except NoReverseMatch:
        return reverse("contact_list")


@login_required
def contact_compose(request, contact_id):
    """A draft for the contact to edit with the coach's feedback; posting with
    action=sent logs it as sent, action=check (no JavaScript) only checks it again, and
    action=rewrite asks the configured language model for a variant."""
    contact = get_contact_for_user(request.user, contact_id)
    kind, lang, variant = _choice(request)
    if request.method == "POST":
        form = ComposeForm(request.POST)
        valid = form.is_valid()
        if valid and request.POST.get("action") == "sent":
            sent = {k: form.cleaned_data[k] for k in ("kind", "lang", "subject", "body", "channel")}
            services.draft_mark_sent(
                owner=request.user, contact=contact, now=timezone.now(), **sent
            )
            messages.success(request, _("Marked as sent to %(name)s.") % {"name": contact.name})
            return redirect(_contact_page(contact))
        if valid and request.POST.get("action") == "rewrite":
            form = _rewrite(request, form, contact)
        data = form.cleaned_data if valid else None
        kind = form.data.get("kind") if form.data.get("kind") in KINDS else kind
        lang = form.data.get("lang") if form.data.get("lang") in ("sv", "en") else lang
    else:
        draft = selectors.contact_draft(
            user=request.user,
            contact=contact,
            kind=kind,
            lang=lang,
            variant=variant,
            today=timezone.localdate(),
        )
        data = selectors.compose_initial(contact=contact, kind=kind, lang=lang, draft=draft)
        form = ComposeForm(initial=data)
    feedback = None
    if data:
        feedback = coach_feedback(
            user=request.user,
            **{k: data[k] for k in ("kind", "lang", "subject", "body", "recipient", "context")},
        )
    context = {
        "contact": contact,
        "form": form,
        "kind": kind,
        "lang": lang,
        "variant": variant,
        "feedback": feedback,
        "mailto": mailto_url(contact.email, form["subject"].value(), form["body"].value() or "")
        if contact.email
        else "",
        "sent": selectors.drafts_sent_to(contact)[:10],
        "can_rewrite": LlmConfig.from_env() is not None,
    }
    return TemplateResponse(request, "compose/compose.html", context)


@login_required
def message_check(request):
    """Any message checked by the coach; for htmx only the feedback partial, which the
    compose page uses too."""
    form = CheckForm(request.POST or None)
    feedback = None
    if form.is_bound and form.is_valid():
        feedback = coach_feedback(user=request.user, **form.cleaned_data)
    context = {"form": form, "feedback": feedback}
    if request.htmx:
        return TemplateResponse(request, "compose/message_check.html#feedback", context)
    return TemplateResponse(request, "compose/message_check.html", context)
