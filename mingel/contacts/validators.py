"""Validators the contact and event models share: the forms, the API (through the
services' full_clean) and the archive restore (through the model fields) all use them."""

import datetime as dt
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mingel.core.importers.model import DATE_RANGE
from mingel.core.textcheck import CONTROL, NUL, SURROGATE, text_problem


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


def text_problem_message(problem: str) -> str:
    """What text_problem found, in the user's language (forms and API alike)."""
    return str(
        {
            NUL: _("The text holds a NUL character, which cannot be stored."),
            CONTROL: _("The text holds an invisible control character, which cannot be stored."),
            SURROGATE: _("The text holds a broken character (half of a UTF-16 pair)."),
        }[problem]
    )


def stored_text_errors(values: dict) -> dict[str, str]:
    """{field: message} for each text value (or text in a list) that cannot be stored."""
    errors = {}
    for name, value in values.items():
        items = value if isinstance(value, list | tuple) else (value,)
        for item in items:
            if isinstance(item, str) and (problem := text_problem(item)):
                errors[name] = text_problem_message(problem)
                break
    return errors


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
