"""Event pages: plan, list, pocket card with quick capture, review, question bank.
Every page works without JavaScript; the pocket card's script only adds offline safety."""

from urllib.parse import parse_qs, urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mingel.contacts.forms import apply_service_errors
from mingel.core.events import pitch, review
from mingel.core.events import questions as bank
from mingel.events import selectors, services
from mingel.events.forms import CaptureForm, EventForm, ReviewForm

# What a row of the event list shows; the long texts stay in the database.
LIST_FIELDS = ("name", "kind", "date", "start_time", "place", "goal_new_people", "reviewed_at")


def ui_lang() -> str:
    lang = (get_language() or "en")[:2]
    return lang if lang in bank.LANGS else "en"


def progress_text(met: int, goal: int) -> str:
    return _("%(met)s of %(goal)s") % {"met": met, "goal": goal}


@login_required
def event_list(request):
    today = timezone.localdate()
    events = list(selectors.events_list(owner=request.user, today=today).only(*LIST_FIELDS))
    context = {
        "upcoming": [e for e in events if e.date >= today],
        "past": [e for e in events if e.date < today],
    }
    return TemplateResponse(request, "events/event_list.html", context)


def form_response(request, form, event=None):
    context = {
        "form": form,
        "event": event,
        "groups": selectors.question_groups(
            owner=request.user, lang=ui_lang(), chosen=form.chosen()
        ),
        "chosen": set(form.chosen()),
        "estimate": pitch.estimate(form["pitch"].value() or ""),
    }
    return TemplateResponse(request, "events/event_form.html", context)


def save_event(request, form, event=None):
    """Saves a valid form through the services; None when they refused (errors on form)."""
    try:
        if event is None:
            return services.event_create(owner=request.user, **form.service_fields())
        return services.event_update(event=event, **form.service_fields())
    except ValidationError as error:
        apply_service_errors(form, error)
        return None


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request):
    user = request.user
    initial = {
        "pitch": pitch.build_pitch(
            ui_lang(), name=user.display_name, doing=user.doing, interests=user.interests
        ),
        "mention": user.interests,
    }
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        event = save_event(request, form)
        if event is not None:
            messages.success(request, _("Planned %(name)s.") % {"name": event.name})
            return redirect("event_detail", event_id=event.pk)
    return form_response(request, form)


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, event_id):
    event = selectors.get_event_for_user(request.user, event_id)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid() and save_event(request, form, event):
        messages.success(request, _("Saved %(name)s.") % {"name": event.name})
        return redirect("event_detail", event_id=event.pk)
    return form_response(request, form, event)


@login_required
def event_detail(request, event_id):
    event = selectors.get_event_for_user(request.user, event_id)
    context = {
        "event": event,
        "people": selectors.event_contacts(event, today=selectors.user_today(request.user)),
        "estimate": pitch.estimate(event.pitch),
        "can_review": event.date <= timezone.localdate(),
        **review_context(event),
    }
    return TemplateResponse(request, "events/event_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def event_delete(request, event_id):
    event = selectors.get_event_for_user(request.user, event_id)
    if request.method == "POST":
        services.event_delete(event=event)
        messages.success(request, _("Deleted %(name)s.") % {"name": event.name})
        return redirect("event_list")
    return TemplateResponse(request, "events/event_delete.html", {"event": event})


def card_response(request, event, form, *, status=200):
    context = {
        "event": event,
        "people": list(selectors.event_contacts(event).only("id", "name")),
        "progress": progress_text(event.met_count, event.goal_new_people),
        "reached": review.goal_reached(event.met_count, event.goal_new_people),
        "form": form,
    }
    return TemplateResponse(request, "events/event_card.html", context, status=status)


@login_required
def event_card(request, event_id):
    event = selectors.get_event_for_user(request.user, event_id)
    return card_response(request, event, CaptureForm())


def wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_POST
def event_capture(request, event_id):
    """Adds a person met at the event. The pocket card's script asks for JSON (so it can
    keep what was typed when the answer never comes); a plain form post is redirected."""
    event = selectors.get_event_for_user(request.user, event_id)
    form = CaptureForm(request.POST)
    if form.is_valid():
        try:
            contact = services.event_capture(event=event, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            message = _("Saved %(name)s.") % {"name": contact.name}
            if wants_json(request):
                met = event.contacts.count()  # counted again: another tab may add too
                goal = event.goal_new_people
                return JsonResponse(
                    {
                        "id": contact.pk,
                        "name": contact.name,
                        "met_count": met,
                        "goal": goal,
                        "progress": progress_text(met, goal),
                        "goal_reached": review.goal_reached(met, goal),
                        "message": message,
                    },
                    status=201,
                )
            messages.success(request, message)
            return redirect("event_card", event_id=event.pk)
    if wants_json(request):
        return JsonResponse({"errors": form.errors.get_json_data()}, status=422)
    return card_response(request, event, form, status=422)


def review_context(event) -> dict:
    return {
        "outcome": review.outcome(event.met_count, event.goal_new_people),
        "energy": review.energy_change(event.energy_before, event.energy_after),
    }


@login_required
@require_http_methods(["GET", "POST"])
def event_review(request, event_id):
    event = selectors.get_event_for_user(request.user, event_id)
    form = ReviewForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_review(event=event, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("Saved your review. Well done for going."))
            return redirect("event_detail", event_id=event.pk)
    context = {
        "event": event,
        "form": form,
        "people": selectors.event_contacts(event),
        **review_context(event),
    }
    return TemplateResponse(request, "events/event_review.html", context)


@login_required
def event_practice(request, event_id):
    event = selectors.get_event_for_user(request.user, event_id)
    estimate = pitch.estimate(event.pitch)
    context = {
        "event": event,
        "estimate": estimate,
        "limit": pitch.LONG_AFTER_SECONDS,
        "fast_below": pitch.too_fast_below(estimate.seconds),
    }
    return TemplateResponse(request, "events/event_practice.html", context)


@login_required
@require_POST
def pitch_estimate(request):
    """The estimate of a pitch being typed (htmx swaps it in under the field)."""
    context = {"estimate": pitch.estimate(request.POST.get("pitch", ""))}
    return TemplateResponse(request, "events/pitch_estimate.html", context)


def bank_context(user, lang: str) -> dict:
    if lang not in bank.LANGS:
        lang = ui_lang()
    groups = [(g, [q.text for q in bank.questions(lang, g)]) for g in bank.GROUPS]
    return {"lang": lang, "groups": groups, "favourites": selectors.favourite_texts(user)}


@login_required
def question_bank(request):
    context = bank_context(request.user, request.GET.get("lang") or ui_lang())
    return TemplateResponse(request, "events/question_bank.html", context)


@login_required
@require_POST
def question_favourite(request):
    text = request.POST.get("text", "")
    try:
        services.favourite_toggle(owner=request.user, text=text)
    except ValidationError:
        messages.error(request, _("Write the question first."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = reverse("question_bank")
    if request.htmx:
        # The whole bank comes back, so "Your favourites" changes at once with the star.
        lang = parse_qs(urlsplit(target).query).get("lang", [""])[0] or ui_lang()
        context = {**bank_context(request.user, lang), "next": target}
        return TemplateResponse(request, "events/question_bank.html#bank", context)
    return redirect(target)
