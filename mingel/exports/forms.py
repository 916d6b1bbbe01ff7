from django import forms
from django.utils.translation import gettext_lazy as _

from mingel.contacts.models import Contact
from mingel.exports import restore
from mingel.exports.services import MERGE_FIELDS
from mingel.web.templatetags.mingel_dates import day

# Long texts can be kept from both records; a name or an email is one or the other.
COMBINABLE = ("talked_about", "notes")


class RestoreForm(forms.Form):
    archive = forms.FileField(
        label=_("Archive file"),
        help_text=_("A .json archive downloaded from Mingel."),
    )

    def clean_archive(self):
        upload = self.cleaned_data["archive"]
        if upload.size > restore.MAX_BYTES:
            raise forms.ValidationError(_("The file is too large to be a Mingel archive."))
        try:
            self.parsed = restore.parse_archive(upload.read())
        except restore.ArchiveError as exc:
            raise forms.ValidationError(str(exc)) from None
        return upload


def shown(contact: Contact, name: str) -> str:
    """A field's value as the merge page shows it."""
    value = getattr(contact, name)
    if value is None or value == "":
        return ""
    if name == "met_on":
        return day(value)
    return str(value)


class MergeForm(forms.Form):
    """One choice per field on which the two contacts differ: keep this record's value,
    take the other's, or (for long texts) keep both."""

    def __init__(self, keep: Contact, other: Contact, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.keep, self.other = keep, other
        for name in MERGE_FIELDS:
            attname = Contact._meta.get_field(name).attname
            mine, theirs = getattr(keep, attname), getattr(other, attname)
            if mine == theirs or theirs in (None, ""):
                continue
            choices = [
                ("keep", shown(keep, name) or _("(empty)")),
                ("other", shown(other, name)),
            ]
            if name in COMBINABLE and mine:
                choices.append(("both", _("Both, this record's text first")))
            self.fields[name] = forms.ChoiceField(
                label=Contact._meta.get_field(name).verbose_name,
                choices=choices,
                initial="keep" if mine not in (None, "") else "other",
                widget=forms.RadioSelect,
            )

    def values(self) -> dict:
        """The field values the kept contact takes over, for services.contacts_merge."""
        values = {}
        for name, choice in self.cleaned_data.items():
            if choice == "other":
                values[name] = getattr(self.other, name)
            elif choice == "both":
                values[name] = f"{getattr(self.keep, name)}\n\n{getattr(self.other, name)}"
        return values
