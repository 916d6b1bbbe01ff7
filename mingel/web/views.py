from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from mingel.accounts.models import User


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
