"""Validators the contact and event models share: the forms, the API (through the
services' full_clean) and the archive restore (through the model fields) all use them."""

import datetime as dt
from urllib.parse import urlsplit

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


def validate_linkedin_profile_url(value: str) -> None:
    """Accepts linkedin.com profile addresses (/in/<name>), also on country subdomains.
    The one rule for the form, the API and the archive restore (issue 12)."""
    parts = urlsplit(value)
    host = (parts.hostname or "").lower()
    on_linkedin = host == "linkedin.com" or host.endswith(".linkedin.com")
    segments = [s for s in parts.path.split("/") if s]
    if not on_linkedin or len(segments) < 2 or segments[0] not in ("in", "pub"):
        raise ValidationError(
            _(
                "Enter the address of a LinkedIn profile, "
                "like https://www.linkedin.com/in/your-name."
            ),
            code="linkedin",
        )
