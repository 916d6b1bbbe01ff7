import copy
import math

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from mingel.accounts import selectors, services
from mingel.accounts.forms import (
    DeleteAccountForm,
    ProfileForm,
    ResetPasswordForm,
    SignupForm,
    TokenCreateForm,
    apply_service_errors,
)
from mingel.accounts.models import Attempt
from mingel.accounts.validators import time_zone_names


def signup(request):
    if not selectors.signup_open(request):
        return TemplateResponse(request, "accounts/signup_closed.html", status=403)
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        user.language = translation.get_language() or ""
        user.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("home")
    return TemplateResponse(request, "accounts/signup.html", {"form": form})


def remember_language(response, language: str):
    """Keeps the language cookie in step with the profile, so the choice survives logging
    out; "browser's choice" drops the cookie and lets Accept-Language decide again."""
    if language:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, language, max_age=365 * 24 * 3600, samesite="Lax"
        )
    else:
        response.delete_cookie(settings.LANGUAGE_COOKIE_NAME, samesite="Lax")
    return response


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=copy.copy(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.profile_update(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            language = request.user.language
            translation.activate(language or translation.get_language_from_request(request))
            messages.success(request, _("Saved your profile."))
            return remember_language(redirect("profile"), language)
    context = {
        "form": form,
        "tokens": selectors.tokens_for_user(request.user),
        "token_form": TokenCreateForm(),
        "time_zones": time_zone_names(),
    }
    return TemplateResponse(request, "accounts/profile.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def password_change(request):
    form = PasswordChangeForm(user=request.user, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        # Keeps this session logged in; every other session of the user ends.
        update_session_auth_hash(request, form.user)
        messages.success(request, _("Your password is changed."))
        return redirect("profile")
    return TemplateResponse(request, "accounts/password_change.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def token_create(request):
    """Shows the new token's value, once: only its hash is kept, so it is rendered here
    and not carried through a redirect in the session."""
    if request.method == "GET":
        return redirect("profile")
    form = TokenCreateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The token name is too long."))
        return redirect("profile")
    token, raw = services.token_create(user=request.user, name=form.cleaned_data["name"])
    context = {"token": token, "raw": raw}
    return TemplateResponse(request, "accounts/token_created.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke(request, token_id):
    token = selectors.get_token_for_user(request.user, token_id)
    if request.method == "POST":
        services.token_revoke(token=token)
        messages.success(request, _("Token %(hint)s… revoked.") % {"hint": token.hint})
        return redirect("profile")
    return TemplateResponse(request, "accounts/token_revoke.html", {"token": token})


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_delete(user=request.user)
        logout(request)
        messages.success(request, _("Your account and everything in it are deleted."))
        return redirect("home")
    return TemplateResponse(request, "accounts/account_delete.html", {"form": form})


def throttled_message(wait) -> str:
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    return ngettext(
        "Too many attempts; try again in %(minutes)d minute.",
        "Too many attempts; try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def throttled(view, form, wait):
    """The page again, with a 429 and the wait, without looking at the password."""
    context = view.get_context_data(form=form, throttled=throttled_message(wait))
    response = view.render_to_response(context, status=429)
    response["Retry-After"] = str(math.ceil(wait.total_seconds()))
    return response


class LoginView(auth_views.LoginView):
    """Django's login, throttled per account and per client address: the count is checked
    before the form hashes the password, so a throttled attempt costs no CPU."""

    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        email = request.POST.get("username", "")
        address = selectors.client_address(request)
        wait = selectors.throttle_wait(kind=Attempt.LOGIN, email=email, address=address)
        if wait:
            form = self.form_class(request, initial={"username": email.strip()[:254]})
            return throttled(self, form, wait)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        services.attempts_clear(kind=Attempt.LOGIN, email=form.get_user().email)
        return super().form_valid(form)

    def form_invalid(self, form):
        services.attempt_record(
            kind=Attempt.LOGIN,
            email=self.request.POST.get("username", ""),
            address=selectors.client_address(self.request),
        )
        return super().form_invalid(form)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, with a limit on the mails per email address and per client."""

    form_class = ResetPasswordForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        address = selectors.client_address(self.request)
        wait = selectors.throttle_wait(kind=Attempt.RESET, email=email, address=address)
        if wait:
            return throttled(self, self.form_class(initial={"email": email}), wait)
        services.attempt_record(kind=Attempt.RESET, email=email, address=address)
        return super().form_valid(form)
