from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mingel.compose import selectors, services
from mingel.compose.edits import is_edited
from mingel.compose.feedback import coach_feedback, ui_lang, unfilled
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


# What the Undo after a switch posts back: the text the user had, where they had it.
UNDO_FIELDS = ("kind", "lang", "variant", "subject", "body", "recipient", "context", "channel")


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
    return kind, lang, _int(request.GET.get("variant"))


def _contact_page(contact) -> str:
    # The contact page belongs to the contacts app; where it is missing the list stands in.
    try:
        return reverse("contact_detail", kwargs={"contact_id": contact.pk})
    except NoReverseMatch:
        return reverse("contact_list")


def _compose_url(contact, kind: str, lang: str, variant: int) -> str:
    url = reverse("contact_compose", kwargs={"contact_id": contact.pk})
    return f"{url}?{urlencode({'kind': kind, 'lang': lang, 'variant': variant})}"


def _fresh_form(request, contact, kind: str, lang: str, variant: int) -> ComposeForm:
    """A form holding a newly composed draft."""
    draft = selectors.contact_draft(
        user=request.user,
        contact=contact,
        kind=kind,
        lang=lang,
        variant=variant,
        today=timezone.localdate(),
    )
    initial = selectors.compose_initial(
        contact=contact, kind=kind, lang=lang, draft=draft, variant=variant
    )
    return ComposeForm(initial=initial)


def _switch(request, contact, form: ComposeForm):
    """Another kind, language or phrasing (the target is in the query). Text the user
    has changed is never replaced without asking; once replaced it is one Undo away."""
    kind, lang, variant = _choice(request)
    if not is_edited(request.POST):
        return redirect(_compose_url(contact, kind, lang, variant))
    if request.POST.get("action") != "switch-confirmed":
        return _page(request, contact, form, confirm_switch=True)
    undo = {k: request.POST.get(k, "") for k in UNDO_FIELDS}
    undo["url"] = _compose_url(
        contact, undo["kind"] or kind, undo["lang"] or lang, _int(undo["variant"])
    )
    return _page(request, contact, _fresh_form(request, contact, kind, lang, variant), undo=undo)


def _page(request, contact, form: ComposeForm, **extra):
    """The compose page for the form as it stands: composed, as posted, or rewritten."""
    data = form.cleaned_data if form.is_bound and form.is_valid() else None
    if not form.is_bound:
        data = {k: form.initial.get(k, "") for k in ("kind", "lang", "subject", "body")}
        data |= {k: form.initial.get(k, "") for k in ("recipient", "context", "variant")}
    value = form.data if form.is_bound else form.initial
    kind = value.get("kind") if value.get("kind") in KINDS else "thanks"
    lang = value.get("lang") if value.get("lang") in ("sv", "en") else ui_lang()
    variant = _int(value.get("variant"))
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
        **extra,
    }
    return TemplateResponse(request, "compose/compose.html", context)


def _int(value) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


@login_required
def contact_compose(request, contact_id):
    """A draft for the contact to edit with the coach's feedback. Posting with
    action=sent logs it as sent (asking first while a placeholder is left), action=check
    (no JavaScript) only checks it again, action=rewrite asks the configured language
    model for a variant, and action=switch moves to another kind, language or phrasing
    (asking first when the text was changed)."""
    contact = get_contact_for_user(request.user, contact_id)
    if request.method != "POST":
        kind, lang, variant = _choice(request)
        return _page(request, contact, _fresh_form(request, contact, kind, lang, variant))
    form = ComposeForm(request.POST)
    action = request.POST.get("action")
    if action in ("switch", "switch-confirmed"):
        return _switch(request, contact, form)
    if not form.is_valid():
        return _page(request, contact, form)
    data = form.cleaned_data
    gaps = unfilled(**{k: data[k] for k in ("kind", "lang", "subject", "body")})
    if action == "sent" and gaps:
        return _page(request, contact, form, confirm_sent=gaps)
    if action in ("sent", "sent-anyway"):
        sent = {k: data[k] for k in ("kind", "lang", "subject", "body", "channel")}
        services.draft_mark_sent(owner=request.user, contact=contact, now=timezone.now(), **sent)
        messages.success(request, _("Marked as sent to %(name)s.") % {"name": contact.name})
        return redirect(_contact_page(contact))
    if action == "rewrite":
        form = _rewrite(request, form, contact)
    return _page(request, contact, form)


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
