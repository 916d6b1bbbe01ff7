import functools
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@functools.cache
def time_zone_names() -> tuple[str, ...]:
    """The IANA time zone names this machine knows, sorted (for the profile's list)."""
    return tuple(sorted(zoneinfo.available_timezones()))


def validate_time_zone(value: str) -> None:
    """Accepts a name zoneinfo can load, like Europe/Stockholm; raises ValidationError."""
    if value not in time_zone_names():
        raise ValidationError(
            _("Choose a time zone from the list, like Europe/Stockholm."), code="time_zone"
        )
