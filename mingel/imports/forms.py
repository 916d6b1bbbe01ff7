from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from mingel.core.importers import csvfile
from mingel.imports import reasons, storage
from mingel.imports.models import ImportJob


class UploadForm(forms.Form):
    source = forms.ChoiceField(
        label=_("What are you importing?"),
        choices=ImportJob.SOURCE_CHOICES,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(label=_("File"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > storage.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB.") % {"mb": storage.MAX_BYTES >> 20}
            )
        return upload


def column_label(index: int, header: str, samples) -> str:
    """A column as the mapping form offers it: its header (or its number), then what the
    first rows hold, so the user sees which column is which."""
    name = header or _("column %(n)s") % {"n": index + 1}
    if not samples:
        return _("%(column)s (empty)") % {"column": name}
    values = ", ".join(f"“{value}”" for value in samples)
    return _("%(column)s: e.g. %(values)s") % {"column": name, "values": values}


class MappingForm(forms.Form):
    """One select per contact field: which column of the file fills it (or none)."""

    def __init__(self, *args, headers, initial_mapping, samples=(), **kwargs):
        super().__init__(*args, **kwargs)
        # No samples at all: a job read before they were kept; show the headers alone.
        choices = [("", _("(not in the file)"))] + [
            (str(i), column_label(i, header, samples[i] if i < len(samples) else ()))
            if samples
            else (str(i), header or _("column %(n)s") % {"n": i + 1})
            for i, header in enumerate(headers)
        ]
        self.column_count = len(headers)
        for field in csvfile.FIELDS:
            index = initial_mapping.get(field)
            self.fields[field] = forms.ChoiceField(
                label=capfirst(reasons.field_name(field)),
                choices=choices,
                required=False,
                initial="" if index is None else str(index),
            )

    def mapping(self) -> dict[str, int]:
        return {f: int(v) for f, v in self.cleaned_data.items() if v not in ("", None)}

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if problem := csvfile.mapping_problem(self.mapping()):
            raise forms.ValidationError(reasons.reason(problem).capitalize() + ".")
        return cleaned
