from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mingel.compose import selectors, services
from mingel.compose.forms import KINDS, CheckForm, ComposeForm
from mingel.compose.links import mailto_url
from mingel.contacts.selectors import get_contact_for_user


def _choice(request):
    """Kind, language and phrasing asked for in the query; the UI language by default."""
    kind = request.GET.get("kind", "")
    if kind not in KINDS:
        kind = "thanks"
    ui_lang = (translation.get_language() or "en")[:2]
    lang = request.GET.get("lang", "")
    if lang not in ("sv", "en"):
        lang = ui_lang if ui_lang in ("sv", "en") else "en"
    try:
        variant = max(0, int(request.GET.get("variant", "0")))
    except ValueError:
        variant = 0
    return kind, lang, variant


def _contact_page(contact) -> str:
    # The contact page lives in the contacts app; until it exists, the list stands in.
    try:
        return reverse("contact_detail", kwargs={"contact_id": contact.pk})
    except NoReverseMatch:
        return reverse("contact_list")


@login_required
def contact_compose(request, contact_id):
    contact = get_contact_for_user(request.user, contact_id)
    kind, lang, variant = _choice(request)
    if request.method == "POST":
        form = ComposeForm(request.POST)
        if form.is_valid() and request.POST.get("action") == "sent":
            data = form.cleaned_data
            services.draft_mark_sent(
                owner=request.user,
                contact=contact,
                kind=data["kind"],
                lang=data["lang"],
                subject=data["subject"],
                body=data["body"],
                channel=data["channel"],
                now=timezone.now(),
            )
            messages.success(request, _("Marked as sent to %(name)s.") % {"name": contact.name})
            return redirect(_contact_page(contact))
        kind, lang = form.data.get("kind", kind), form.data.get("lang", lang)
    else:
        form = ComposeForm(
            initial={
                "kind": kind,
                "lang": lang,
                "recipient": contact.name,
                "context": contact.talked_about,
                "channel": "email" if contact.email and kind != "thanks" else "message",
            }
        )
    context = {
        "contact": contact,
        "form": form,
        "kind": kind,
        "lang": lang,
        "variant": variant,
        "kinds": KINDS,
        "mailto": mailto_url(contact.email) if contact.email else "",
        "sent": selectors.drafts_sent_to(contact)[:10],
    }
    return TemplateResponse(request, "compose/compose.html", context)


@login_required
def message_check(request):
    form = CheckForm(request.POST or None)
    context = {"form": form}
    if request.htmx:
        return TemplateResponse(request, "compose/message_check.html#feedback", context)
    return TemplateResponse(request, "compose/message_check.html", context)
