from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from mingel.accounts.models import User
from mingel.core import onboarding
from mingel.followups import services as followups


def home(request):
    """Logged in: the user's start page. Otherwise a welcome that, on a fresh install with
    no accounts yet, invites the visitor to create the first one."""
    if request.user.is_authenticated:
        return redirect("today")
    fresh_install = not User.objects.exists()
    return TemplateResponse(request, "web/welcome.html", {"fresh_install": fresh_install})


@require_POST
def set_language(request):
    """Switches the interface language; a logged-in user keeps the choice in the profile."""
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return HttpResponse(status=400)
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    if request.user.is_authenticated and request.user.language != language:
        request.user.language = language
        request.user.save(update_fields=["language"])
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        httponly=False,
    )
    return response


def healthz(request):
    """For load balancers: answers 200 when the database does."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@require_POST
@login_required
def onboarding_skip(request, step):
    """Skips one step of the first-run guide on the today page."""
    if step not in onboarding.STEPS:
        raise Http404
    prefs = followups.reminder_settings_get(user=request.user)
    followups.onboarding_skip(prefs=prefs, step=step)
    return redirect("today")


@require_POST
@login_required
def onboarding_dismiss(request):
    """Hides the first-run guide for good."""
    prefs = followups.reminder_settings_get(user=request.user)
    followups.onboarding_dismiss(prefs=prefs)
    return redirect("today")
