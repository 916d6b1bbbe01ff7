"""Validators the contact and event models share."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mingel.core.importers.model import DATE_RANGE


def validate_date_in_range(value: dt.date) -> None:
    """A contact's or event's date must lie in DATE_RANGE, the dates Mingel's importer
    reads back: a date a form stored and the importer refused (year 1) would lose the
    whole contact on its way from an export to an import."""
    first, last = DATE_RANGE
    if value is not None and not first <= value <= last:
        raise ValidationError(
            _("Give a date between %(first)s and %(last)s."),
            code="date_out_of_range",
            params={"first": first.year, "last": last.year},
        )
