"""Forms for the event pages. They validate and keep what was typed; the services write."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from mingel.contacts.forms import DATE_WIDGET, validate_linkedin_profile_url
from mingel.events.models import Event
from mingel.events.services import MAX_QUESTIONS

ENERGY_CHOICES = [(n, str(n)) for n in range(1, 6)]


class AnyQuestionField(forms.MultipleChoiceField):
    """Checkboxes of questions; any text is a valid choice, since the event's own questions
    and favourites are offered beside the bank's."""

    def valid_value(self, value):
        return 0 < len(value) <= 300


class EventForm(forms.ModelForm):
    questions = AnyQuestionField(label=_("Questions to have ready"), required=False)
    own_questions = forms.CharField(
        label=_("Your own questions"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One question a line."),
    )

    class Meta:
        model = Event
        fields = (
            "name",
            "kind",
            "date",
            "start_time",
            "place",
            "goal_new_people",
            "pitch",
            "mention",
            "notes",
        )
        labels = {
            "name": _("Name"),
            "kind": _("Kind"),
            "date": _("Date"),
            "start_time": _("Starts at"),
            "place": _("Place"),
            "goal_new_people": _("New people to talk to"),
            "pitch": _("Your pitch"),
            "mention": _("Interests or projects to mention"),
            "notes": _("Notes"),
        }
        help_texts = {
            "goal_new_people": _("Keep it small. Two good conversations make a good evening."),
            "pitch": _("Who you are, what you do or study, what you are curious about."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "off"}),
            "date": DATE_WIDGET,
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "goal_new_people": forms.NumberInput(attrs={"min": 1, "max": 50}),
            "pitch": forms.Textarea(attrs={"rows": 4}),
            "mention": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "name": {"required": _("Give the event a name, like “Meetup at KTH”.")},
            "date": {
                "required": _("Enter the date of the event."),
                "invalid": _("Enter a date like 2026-03-14."),
            },
            "start_time": {"invalid": _("Enter a time like 18:00.")},
            "goal_new_people": {
                "min_value": _("Choose a goal between 1 and 50 people."),
                "max_value": _("Choose a goal between 1 and 50 people."),
                "invalid": _("Enter the goal as a whole number."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("questions", list(self.instance.questions or []))

    def chosen(self) -> list[str]:
        """The questions to show as ticked: as posted, else the event's."""
        if self.is_bound:
            return self.data.getlist("questions") if hasattr(self.data, "getlist") else []
        return list(self.initial.get("questions") or [])

    def clean(self):
        cleaned = super().clean()
        own = (cleaned.get("own_questions") or "").splitlines()
        cleaned["all_questions"] = [*cleaned.get("questions", []), *own]
        if len({q.strip().casefold() for q in cleaned["all_questions"] if q.strip()}) > (
            MAX_QUESTIONS
        ):
            self.add_error(
                "questions",
                ngettext(
                    "Pick at most %(max)s question; three to five are plenty for one evening.",
                    "Pick at most %(max)s questions; three to five are plenty for one evening.",
                    MAX_QUESTIONS,
                )
                % {"max": MAX_QUESTIONS},
            )
        return cleaned

    def service_fields(self) -> dict:
        """The cleaned values as keyword arguments for event_create / event_update."""
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields}
        fields["questions"] = self.cleaned_data["all_questions"]
        return fields


class CaptureForm(forms.Form):
    """The seconds-long capture at the event: a name and what you talked about."""

    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        error_messages={"required": _("Enter a name, so you can find this person again.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "words", "enterkeyhint": "next"}
        ),
    )
    talked_about = forms.CharField(
        label=_("What you talked about"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    company = forms.CharField(label=_("Company"), required=False, max_length=200)
    role = forms.CharField(label=_("Role"), required=False, max_length=200)
    linkedin_url = forms.URLField(
        label=_("LinkedIn profile"),
        required=False,
        max_length=300,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://www.linkedin.com/in/…"}),
    )

    # Made by the pocket card's script when a capture starts (a UUID, or its fallback of
    # hex digits); a plain form post without JavaScript has none, and that is fine.
    capture_key = forms.CharField(
        required=False,
        max_length=64,
        widget=forms.HiddenInput,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9-]{16,64}$",
                message=_(
                    "Something went wrong on the way. Press save again; "
                    "what you typed is still here."
                ),
            )
        ],
    )

    def clean_linkedin_url(self):
        url = self.cleaned_data["linkedin_url"]
        if url:
            validate_linkedin_profile_url(url)
        return url


class ReviewForm(forms.ModelForm):
    energy_before = forms.TypedChoiceField(
        label=_("Energy before (1 = drained, 5 = full of energy)"),
        choices=ENERGY_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    energy_after = forms.TypedChoiceField(
        label=_("Energy after (1 = drained, 5 = full of energy)"),
        choices=ENERGY_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Event
        fields = ("reflection", "energy_before", "energy_after")
        labels = {"reflection": _("A short reflection")}
        help_texts = {
            "reflection": _("What went well? What would you like to try next time?"),
        }
        widgets = {"reflection": forms.Textarea(attrs={"rows": 4})}
