"""Forms for the contact pages. They validate and keep what was typed; the services write."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mingel.contacts.models import Contact, Interaction
from mingel.contacts.validators import stored_text_errors, validate_linkedin_profile_url
from mingel.core import contact_fields
from mingel.core.importers.model import DATE_RANGE

# The browser's date picker keeps to the range the model accepts (validate_date_in_range).
DATE_WIDGET = forms.DateInput(
    attrs={"type": "date", "min": DATE_RANGE[0].isoformat(), "max": DATE_RANGE[1].isoformat()},
    format="%Y-%m-%d",
)
INTERVAL_MESSAGES = {
    "min_value": _("Choose an interval between 1 and 3650 days."),
    "max_value": _("Choose an interval between 1 and 3650 days."),
    "invalid": _("Enter the interval as a whole number of days."),
}


def split_tags(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def apply_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Shows a service's validation errors on the form: on the field when the form has it,
    else above the form, so nothing the model rejects is ever silently lost."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


class StoredText:
    """Form-wide: text a database cannot store (see mingel.core.textcheck) is a clear
    error on its field, not a server error."""

    def clean(self):
        cleaned = super().clean()
        for name, message in stored_text_errors(cleaned).items():
            self.add_error(name, message)
        return cleaned


class ContactForm(StoredText, forms.ModelForm):
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=500,
        help_text=_("Separate tags with commas, e.g. cloud, alumni, career fair."),
    )
    keep_in_touch_days = forms.IntegerField(
        label=_("Keep in touch every (days)"),
        required=False,
        min_value=1,
        max_value=3650,
        error_messages=INTERVAL_MESSAGES,
        help_text=_("Leave empty for no reminder."),
    )

    class Meta:
        model = Contact
        # Every field of a contact but its event, which the event pages set.
        fields = tuple(f for f in contact_fields.FIELDS if f != "event")
        labels = {
            "name": _("Name"),
            "company": _("Company"),
            "role": _("Role"),
            "email": _("Email"),
            "phone": _("Phone"),
            "linkedin_url": _("LinkedIn profile"),
            "met_on": _("Met on"),
            "where_met": _("Where we met"),
            "talked_about": _("What we talked about"),
            "notes": _("Notes"),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "linkedin_url": forms.URLInput(attrs={"placeholder": "https://www.linkedin.com/in/…"}),
            "met_on": DATE_WIDGET,
            "talked_about": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "name": {"required": _("Enter a name, so you can find this person again.")},
            "email": {"invalid": _("Enter an email address like name@example.com.")},
            "met_on": {"invalid": _("Enter a date like 2026-03-14.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["tags"] = ", ".join(t.name for t in self.instance.tags.all())

    def clean_linkedin_url(self):
        url = self.cleaned_data["linkedin_url"]
        if url:
            validate_linkedin_profile_url(url)
        return url

    def clean_tags(self):
        return split_tags(self.cleaned_data["tags"])

    def service_fields(self) -> dict:
        """The cleaned values as keyword arguments for contact_create / contact_update."""
        return {name: self.cleaned_data[name] for name in (*self.Meta.fields, "tags")}


class QuickAddForm(StoredText, forms.Form):
    """The seconds-long capture at an event: a name and the one thing you talked about."""

    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        error_messages={"required": _("Enter a name, so you can find this person again.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autofocus": True}),
    )
    talked_about = forms.CharField(
        label=_("What we talked about"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One concrete thing helps you follow up tomorrow."),
    )


class InteractionForm(StoredText, forms.ModelForm):
    class Meta:
        model = Interaction
        fields = ("kind", "date", "direction", "summary")
        labels = {
            "kind": _("Kind"),
            "date": _("Date"),
            "direction": _("Direction"),
            "summary": _("Summary"),
        }
        widgets = {
            "date": DATE_WIDGET,
            "summary": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {"date": {"invalid": _("Enter a date like 2026-03-14.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())
            self.initial.setdefault("kind", "message")
