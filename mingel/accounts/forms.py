from django import forms
from django.contrib.auth.forms import BaseUserCreationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mingel.accounts.models import User
from mingel.accounts.services import PROFILE_FIELDS
from mingel.accounts.validators import validate_time_zone


def apply_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Shows a service's validation errors on the form: on the field when the form has it,
    else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


class SignupForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "display_name")
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }
        help_texts = {"display_name": _("Used to sign off the messages Mingel drafts for you.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # With a context of their own: django.contrib.auth's Swedish catalog, which wins over
        # ours for the same text, says "Lösenordsbekräftelse" here.
        self.fields["password2"].label = pgettext_lazy("signup", "Password confirmation")
        self.fields["password2"].help_text = pgettext_lazy(
            "signup", "Type the same password again, to be sure it is right."
        )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this email already exists."))
        return email


LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


class ProfileForm(forms.ModelForm):
    """The profile. Bound to a copy of the user: the service does the writing, and a
    rejected form must not leave bad values on the user the rest of the request shows."""

    class Meta:
        model = User
        fields = PROFILE_FIELDS
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "lately": forms.Textarea(attrs={"rows": 3}),
            "time_zone": forms.TextInput(
                attrs={"list": "time-zones", "autocomplete": "off", "spellcheck": "false"}
            ),
        }
        help_texts = {
            "display_name": _("Used to sign off the messages Mingel drafts for you."),
            "doing": _("For example: studying computer science at KTH, second year."),
            "interests": _("A few topics, separated by commas."),
            "lately": _("A project, a course or a job: the news you can share when you reconnect."),
            "linkedin_account": _("LinkedIn limits the note sent with a connection request."),
            "language": _("Browser's choice uses the language your browser is set to."),
            "time_zone": _("Dates and reminders follow it. For example: Europe/Stockholm."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each language by its own name, in either interface: a Swedish speaker who has
        # landed in English looks for "Svenska", not "Swedish".
        self.fields["language"].choices = [
            (code, LANGUAGE_NAMES.get(code, label))
            for code, label in self.fields["language"].choices
        ]

    def clean_time_zone(self):
        value = self.cleaned_data["time_zone"].strip()
        validate_time_zone(value)
        return value


class TokenCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=100,
        required=False,
        help_text=_("Something to recognise it by, such as the script or device that uses it."),
    )


class DeleteAccountForm(forms.Form):
    """Asks for the password (or, for an account without one, the email address) so that
    nobody deletes an account by a slip of the finger or at a borrowed computer."""

    confirm = forms.CharField(max_length=254, strip=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        field = self.fields["confirm"]
        if user.has_usable_password():
            field.label = _("Your password")
            field.widget = forms.PasswordInput(attrs={"autocomplete": "current-password"})
        else:
            field.label = _("Your email address")
            field.widget = forms.EmailInput(attrs={"autocomplete": "off"})

    def clean_confirm(self):
        value = self.cleaned_data["confirm"]
        if self.user.has_usable_password():
            if not self.user.check_password(value):
                raise forms.ValidationError(_("That is not your password."), code="mismatch")
        elif value.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(
                _("That is not the email address of this account."), code="mismatch"
            )
        return value


class ResetPasswordForm(PasswordResetForm):
    """Django's reset form, also for accounts created without a password (by the CLI),
    which can only get one through a reset."""

    def get_users(self, email):
        return User.objects.filter(email__iexact=email.strip(), is_active=True)
