from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.template import loader
from django.template.response import TemplateResponse
from django.templatetags.static import static
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


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the icon."""
    return HttpResponseRedirect(static("mingel/icons/favicon-32.png"))


PLAIN_500 = "<!doctype html><title>Server error</title><h1>Server error (500)</h1>"


def server_error(request):
    """The 500 page: a Mingel page in the active language with a way back. Whatever broke
    must not break this page too, so it renders with a plain context (no context
    processors); the user, for the nav, only when the database still answers; and if even
    that fails, a line of plain HTML."""
    context = {"request": request, "user": None}
    try:
        context["csrf_token"] = get_token(request)
        if request.user.is_authenticated:
            context["user"] = request.user
    except Exception:  # the database or the session may be what failed
        context["user"] = None
    try:
        html = loader.get_template("500.html").render(context)
    except Exception:  # a page for an error must not raise one
        html = PLAIN_500
    return HttpResponseServerError(html)
