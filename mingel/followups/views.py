from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from mingel.contacts.selectors import get_contact_for_user
from mingel.core import cadence
from mingel.events.selectors import get_event_for_user
from mingel.followups import digest, feed, links, selectors, services
from mingel.followups.forms import ItemForm, ReminderSettingsForm


def decorate(items):
    """Adds the links each item needs; kept out of the selectors, which know no URLs."""
    for item in items:
        if item.contact is not None:
            item.compose_url = links.compose_url(item.contact.pk, item.compose_kind)
            item.connect_url = item.connect and links.compose_url(item.contact.pk, "connect")
            item.url = links.contact_url(item.contact.pk)
        else:
            item.url = links.event_url(item.event.pk)
            item.review_url = links.first_url(("event_review", {"event_id": item.event.pk}, ""))
            item.card_url = links.first_url(("event_card", {"event_id": item.event.pk}, ""))
    return items


@login_required
def today(request):
    day = selectors.user_today(request.user)
    prefs = services.today_prepare(owner=request.user, today=day)
    today = selectors.today_list(owner=request.user, today=day, prefs=prefs)
    items = decorate(today.items)
    groups = {t: [i for i in items if i.type == t] for t in cadence.ITEM_TYPES}
    more = {t: t in today.more for t in cadence.ITEM_TYPES}
    after = decorate(today.after)
    context = {
        "items": items or after,
        "groups": groups,
        "more": more,
        "after": after,
        "today": day,
        "onboarding": selectors.onboarding_steps(user=request.user, prefs=prefs),
    }
    return TemplateResponse(request, "followups/today.html", context)


def answer(request, text: str, *, ok: bool = True):
    """htmx swaps the item for a one-line note; without JS, back to the list with a message."""
    if request.htmx:
        return TemplateResponse(request, "followups/today.html#note", {"note": text, "ok": ok})
    (messages.success if ok else messages.error)(request, text)
    return redirect("today")


@require_POST
@login_required
def contact_done(request, contact_id):
    contact = get_contact_for_user(request.user, contact_id)
    form = ItemForm(request.POST)
    if not form.is_valid():
        return answer(request, _("That did not work; please try again."), ok=False)
    day = selectors.user_today(request.user)
    services.item_done(
        contact=contact,
        item_type=form.cleaned_data["type"],
        today=day,
        kind=form.cleaned_data["kind"],
    )
    return answer(request, _("Done: %(name)s. Small steps count!") % {"name": contact.name})


@require_POST
@login_required
def contact_snooze(request, contact_id):
    contact = get_contact_for_user(request.user, contact_id)
    return hide(request, contact=contact, snooze=True)


@require_POST
@login_required
def contact_skip(request, contact_id):
    contact = get_contact_for_user(request.user, contact_id)
    return hide(request, contact=contact, snooze=False)


@require_POST
@login_required
def event_snooze(request, event_id):
    event = get_event_for_user(request.user, event_id)
    return hide(request, event=event, snooze=True)


@require_POST
@login_required
def event_skip(request, event_id):
    event = get_event_for_user(request.user, event_id)
    return hide(request, event=event, snooze=False)


def hide(request, *, contact=None, event=None, snooze: bool):
    data = request.POST.copy()
    if event is not None:
        data["type"] = cadence.FOLLOW_UP  # events have one item; the form wants a type
    form = ItemForm(data)
    if not form.is_valid() or (snooze and not form.cleaned_data["days"]):
        return answer(request, _("Please give a number of days from 1 to 365."), ok=False)
    item_type = cadence.EVENT if event is not None else form.cleaned_data["type"]
    day = selectors.user_today(request.user)
    if snooze:
        days = form.cleaned_data["days"]
        services.item_snooze(
            owner=request.user,
            item_type=item_type,
            today=day,
            days=days,
            contact=contact,
            event=event,
        )
        text = ngettext("Snoozed for %(days)d day.", "Snoozed for %(days)d days.", days) % {
            "days": days
        }
    else:
        services.item_skip(
            owner=request.user, item_type=item_type, today=day, contact=contact, event=event
        )
        text = _("Not now. It will come back later.")
    return answer(request, text)


@login_required
def reminder_settings(request):
    prefs = services.reminder_settings_get(user=request.user)
    form = ReminderSettingsForm(request.POST or None, instance=prefs)
    if request.method == "POST" and form.is_valid():
        services.reminder_settings_update(
            prefs=prefs, **{f: form.cleaned_data[f] for f in form.Meta.fields}
        )
        messages.success(request, _("Reminder settings saved."))
        return redirect("reminder_settings")
    feed_url = None
    if prefs.calendar_token:
        feed_url = request.build_absolute_uri(links.feed_path(prefs.calendar_token))
    context = {
        "form": form,
        "prefs": prefs,
        "feed_url": feed_url,
        "digest_overdue": digest.is_overdue(prefs, timezone.now()),
    }
    return TemplateResponse(request, "followups/settings.html", context)


@require_POST
@login_required
def calendar_rotate(request):
    prefs = services.reminder_settings_get(user=request.user)
    services.calendar_rotate(prefs=prefs)
    messages.success(request, _("New calendar link made. The old one no longer works."))
    return redirect("reminder_settings")


@require_POST
@login_required
def calendar_disable(request):
    prefs = services.reminder_settings_get(user=request.user)
    services.calendar_disable(prefs=prefs)
    messages.success(request, _("Calendar link turned off."))
    return redirect("reminder_settings")


def calendar_feed(request, token):
    """The private iCalendar feed. No login: the unguessable token is the key."""
    prefs = selectors.settings_by_token(token)
    if prefs is None:
        raise Http404
    body = feed.build(user=prefs.user, prefs=prefs)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response
