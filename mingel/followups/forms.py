from django import forms
from django.utils.translation import gettext_lazy as _

from mingel.core import cadence
from mingel.followups.models import ReminderSettings
from mingel.followups.services import DONE_KINDS

CONTACT_TYPES = [(t, t) for t in (cadence.FOLLOW_UP, cadence.KEEP_IN_TOUCH, cadence.RECONNECT)]


class ItemForm(forms.Form):
    """Which of a contact's items an action is about, and how (done kind, snooze days)."""

    type = forms.ChoiceField(choices=CONTACT_TYPES)
    kind = forms.ChoiceField(choices=[(k, k) for k in DONE_KINDS], required=False)
    days = forms.IntegerField(
        label=_("days"), min_value=1, max_value=365, required=False, initial=7
    )


class ReminderSettingsForm(forms.ModelForm):
    class Meta:
        model = ReminderSettings
        fields = ["digest", "dormant_after_months", "reconnects_per_week"]
        help_texts = {
            "digest": _("A short email with what is due, in your language. Off by default."),
            "dormant_after_months": _("People you have not been in touch with for this long."),
            "reconnects_per_week": _("A few at a time is plenty. 0 turns them off."),
        }
