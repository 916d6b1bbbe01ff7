"""Forms for the composer and the message check; they validate, the views act."""

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mingel.compose.models import Draft

KINDS = ("connect", "thanks", "reconnect")


def live(trigger: str = "input changed delay:400ms") -> dict:
    """htmx attributes that post the whole form to the check page as the user types and
    swap in its feedback; a newer request replaces one still under way."""
    return {
        "hx-post": reverse_lazy("message_check"),
        "hx-trigger": trigger,
        "hx-target": "#feedback",
        "hx-sync": "closest form:replace",
    }


KIND_CHOICES = Draft.KIND_CHOICES
LANG_CHOICES = Draft.LANG_CHOICES
CHANNEL_CHOICES = [("message", _("LinkedIn message")), ("email", pgettext_lazy("channel", "Email"))]


class CheckForm(forms.Form):
    """Any message with what the coach needs to judge it."""

    kind = forms.ChoiceField(
        label=_("Kind of message"),
        choices=KIND_CHOICES,
        initial="thanks",
        widget=forms.Select(attrs=live("change")),
    )
    lang = forms.ChoiceField(
        label=_("Language"),
        choices=[("auto", _("Detect")), *LANG_CHOICES],
        initial="auto",
        required=False,
        widget=forms.Select(attrs=live("change")),
    )
    recipient = forms.CharField(
        label=_("Recipient's name"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=live()),
    )
    context = forms.CharField(
        label=_("What you talked about"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, **live()}),
    )
    subject = forms.CharField(
        label=_("Subject"), max_length=200, required=False, widget=forms.TextInput(attrs=live())
    )
    body = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8, **live()})
    )

    def clean_lang(self):
        return self.cleaned_data.get("lang") or "auto"


class ComposeForm(forms.Form):
    """A draft to a known contact; kind and language come from the page's links."""

    kind = forms.ChoiceField(choices=KIND_CHOICES, widget=forms.HiddenInput)
    lang = forms.ChoiceField(choices=LANG_CHOICES, widget=forms.HiddenInput)
    variant = forms.IntegerField(min_value=0, required=False, widget=forms.HiddenInput)
    # A fingerprint of the draft as composed (see edits.py); empty once it is the user's.
    original = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    recipient = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)
    context = forms.CharField(max_length=2000, required=False, widget=forms.HiddenInput)
    channel = forms.ChoiceField(
        label=_("Send as"),
        choices=CHANNEL_CHOICES,
        initial="message",
        required=False,
        widget=forms.RadioSelect,
    )
    subject = forms.CharField(
        label=_("Subject"), max_length=200, required=False, widget=forms.TextInput(attrs=live())
    )
    body = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 9, **live()})
    )

    def clean_channel(self):
        return self.cleaned_data.get("channel") or "message"
