"""Forms for the composer and the message check; they validate, the views act."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mingel.compose.models import Draft

KINDS = ("connect", "thanks", "reconnect")
KIND_CHOICES = Draft.KIND_CHOICES
LANG_CHOICES = Draft.LANG_CHOICES
CHANNEL_CHOICES = [("message", _("LinkedIn message")), ("email", _("Email"))]


class CheckForm(forms.Form):
    """Any message with what the coach needs to judge it."""

    kind = forms.ChoiceField(label=_("Kind of message"), choices=KIND_CHOICES, initial="thanks")
    lang = forms.ChoiceField(
        label=_("Language"),
        choices=[("auto", _("Detect")), *LANG_CHOICES],
        initial="auto",
        required=False,
    )
    recipient = forms.CharField(label=_("Recipient's name"), max_length=200, required=False)
    context = forms.CharField(
        label=_("What you talked about"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    subject = forms.CharField(label=_("Subject"), max_length=200, required=False)
    body = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )

    def clean_lang(self):
        return self.cleaned_data.get("lang") or "auto"


class ComposeForm(forms.Form):
    """A draft to a known contact; kind and language come from the page's links."""

    kind = forms.ChoiceField(choices=KIND_CHOICES, widget=forms.HiddenInput)
    lang = forms.ChoiceField(choices=LANG_CHOICES, widget=forms.HiddenInput)
    recipient = forms.CharField(max_length=200, required=False, widget=forms.HiddenInput)
    context = forms.CharField(max_length=2000, required=False, widget=forms.HiddenInput)
    channel = forms.ChoiceField(
        label=_("Sent as"),
        choices=CHANNEL_CHOICES,
        initial="message",
        required=False,
        widget=forms.RadioSelect,
    )
    subject = forms.CharField(label=_("Subject"), max_length=200, required=False)
    body = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 9})
    )

    def clean_channel(self):
        return self.cleaned_data.get("channel") or "message"
