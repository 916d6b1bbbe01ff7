"""From raw cell values to a `Record` or a `RowError`: the rules every importer shares.

Values are trimmed and normalised (NFC, no control characters) and checked against the
contact table's limits. Text that looks like a spreadsheet formula ("=) glad", "=SUM(A1)")
is kept as text: Mingel never evaluates it, and its CSV export puts an apostrophe before
such a cell (mingel/exports/csvfile.py), so no spreadsheet runs it either.
"""

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

from mingel.core.contact_fields import LIMITS, TAG_LIMIT, TAGS_PER_CONTACT, clean_tag_names
from mingel.core.identity import match_keys, normalise_email, normalise_linkedin_url, normalise_name
from mingel.core.importers.model import (
    DATE_RANGE,
    EVENT_NAME_LIMIT,
    INTERVAL_RANGE,
    EventRef,
    Record,
    RowError,
)
from mingel.core.textcheck import text_problem

# Control characters except tab and newline; NUL in particular, which PostgreSQL refuses.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"[\r\n\t\u2028\u2029]+")
_SPACES = re.compile(r"[ \u00a0]+")
# ASCII digits only: "\\d" and str.isdigit() also take "²", "①" or "١٢", which int() then
# refuses (or reads as a number nobody wrote).
_ISO_DATE = re.compile(r"^([0-9]{4})-?([0-9]{2})-?([0-9]{2})$", re.ASCII)
_WHOLE_NUMBER = re.compile(r"^[0-9]{1,6}$", re.ASCII)
# What a spreadsheet makes of a date: 2026-03-14, 2026/3/14, 3/14/2026 (Excel in English),
# 14/03/2026 (in British English), 14.3.2026, 14-03-2026, each perhaps with a time of day
# ("2026-03-14 00:00", "14.3.2026 0:00:00").
_SHEET_DATE = re.compile(
    r"^([0-9]{1,4})([-/.])([0-9]{1,2})\2([0-9]{1,4})"
    r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?$",
    re.ASCII,
)
DAY_FIRST, MONTH_FIRST = "dmy", "mdy"
_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]\\]+@[^@\s<>(),;:\"\[\]\\]+\.[^@\s<>(),;:\"\[\]\\.]+$")
# "Anna Berg <anna@example.se>", "<anna@example.se>": the address between the brackets.
_BRACKETED = re.compile(r"<([^<>]*)>")
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)
# What LinkedIn puts in the email column of some exports for a member who hides theirs.
_LINKEDIN_MEMBER = re.compile(r"^urn:li:", re.IGNORECASE)
_ADDRESS_LIST = re.compile(r"[,;\s]+")


def one_line(value: str) -> str:
    """A single-line value: line breaks and tabs become spaces, runs of spaces one."""
    if value.isascii() and value.isprintable() and "  " not in value:
        return value.strip()  # the common case, without the regular expressions
    value = unicodedata.normalize("NFC", _CONTROL.sub("", value or ""))
    return _SPACES.sub(" ", _LINE_BREAKS.sub(" ", value)).strip()


def multi_line(value: str) -> str:
    """A text value that keeps its line breaks (as \\n) but loses control characters."""
    value = unicodedata.normalize("NFC", _CONTROL.sub("", value or ""))
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in value.split("\n")).strip()


def valid_email(value: str) -> bool:
    return bool(_EMAIL.match(value))


def tidy_email(value: str) -> str:
    """The address in an email cell as people and address books write it:
    "<x@y.se>", "mailto:x@y.se", "Anna <x@y.se>", "x@y.com," all become "x@y.se"."""
    value = value.strip()
    if match := _BRACKETED.search(value):
        value = match.group(1)
    return _MAILTO.sub("", value.strip()).strip(" ,;.'\"<>")


def _email(line: int, raw: str) -> tuple[str, str, RowError | None]:
    """(the address, what goes to the notes, a warning) for an email cell's text. A cell
    with several addresses keeps the first and puts the others in the notes (as a card's
    second address); one that holds no address at all costs the row nothing: a LinkedIn
    member id is left out, anything else goes to the notes, each with a warning."""
    tidy = tidy_email(raw)
    if valid_email(tidy):
        return normalise_email(tidy), "", None
    parts = [tidy_email(p) for p in _ADDRESS_LIST.split(raw) if p.strip(" ,;")]
    if len(parts) > 1 and all(valid_email(p) for p in parts):
        return normalise_email(parts[0]), "\n".join(parts[1:]), None
    if _LINKEDIN_MEMBER.match(raw):
        return "", "", RowError(line, "email_member_id_left_out", {"value": raw[:80]})
    return "", raw, RowError(line, "email_to_notes", {"value": raw[:80]})


def linkedin_profile(url: str) -> str:
    """The URL to store for a LinkedIn profile, '' when `url` is not one."""
    if not normalise_linkedin_url(url):
        return ""
    return url if url.lower().startswith(("http://", "https://")) else f"https://{url}"


def iso_date(line: int, field: str, value: str) -> dt.date | RowError | None:
    """A date written as 2026-03-14 or 20260314: None when blank, a RowError when it is
    not a date or lies outside DATE_RANGE (year 1 and year 9999 are both real input)."""
    value = one_line(value)
    if not value:
        return None
    shown = {"field": field, "value": value[:40]}
    match = _ISO_DATE.match(value)
    try:
        day = dt.date(*(int(g) for g in match.groups())) if match else None
    except ValueError:
        day = None
    if day is None:
        return RowError(line, "bad_iso_date", shown)
    if not DATE_RANGE[0] <= day <= DATE_RANGE[1]:
        return RowError(line, "date_out_of_range", shown)
    return day


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def sheet_date(value: str, order: str | None = None) -> dt.date | None:
    """The date a spreadsheet cell means, or None when it is no date or could be two.

    Year-first forms are read as they are. With the year last, the one reading that is a
    date wins (14/03/2026 is day-first, 3/14/2026 month-first); when both are (3/4/2026),
    a dotted date is day-first (no one writes month.day.year), else `order` decides
    (DAY_FIRST or MONTH_FIRST, see date_order) and without it the cell is left unread."""
    value = value.strip()
    if match := _ISO_DATE.match(value):
        return _day(*(int(g) for g in match.groups()))
    match = _SHEET_DATE.match(value)
    if not match:
        return None
    first, separator, middle, last = match.groups()
    if len(first) == 4:
        return _day(int(first), int(middle), int(last)) if len(last) <= 2 else None
    if len(last) != 4:
        return None  # "3/4/26": which century, even
    day_first = _day(int(last), int(middle), int(first))
    month_first = _day(int(last), int(first), int(middle))
    if day_first is None or month_first is None or day_first == month_first:
        return day_first or month_first
    if separator == "." or order == DAY_FIRST:
        return day_first
    return month_first if order == MONTH_FIRST else None


def date_order(values, *, semicolons: bool = False) -> str | None:
    """How a column writes its dates with the year last: DAY_FIRST when some value can
    only be day-first (a day over 12 first), MONTH_FIRST when some can only be
    month-first; when the column says neither (or both), DAY_FIRST for a file separated
    by semicolons (Excel in Swedish and other day-first languages writes those), else
    None."""
    seen = set()
    for value in values:
        match = _SHEET_DATE.match(value.strip())
        if not match or len(match.group(1)) == 4 or match.group(2) == ".":
            continue
        first, second = int(match.group(1)), int(match.group(3))
        if first > 12 >= second:
            seen.add(DAY_FIRST)
        elif second > 12 >= first:
            seen.add(MONTH_FIRST)
        if len(seen) == 2:
            break
    if len(seen) == 1:
        return seen.pop()
    return DAY_FIRST if semicolons else None


def interval_days(line: int, value: str) -> int | RowError | None:
    """A keep-in-touch interval in whole days: None when blank, a RowError when it is not
    a number in INTERVAL_RANGE."""
    value = one_line(value)
    if not value:
        return None
    low, high = INTERVAL_RANGE
    if not _WHOLE_NUMBER.match(value) or not low <= int(value) <= high:
        return RowError(line, "bad_interval", {"value": value[:40], "low": low, "high": high})
    return int(value)


def event_ref(
    line: int, *, name: str, date: str, kind: str, met_on: dt.date | None
) -> EventRef | RowError | None:
    """The event a card names, or None. An event needs a date; a card that names none
    (not one Mingel wrote) gets the day the contact was met, when it has one."""
    name = one_line(name)
    if not name:
        return None
    if len(name) > EVENT_NAME_LIMIT:
        return RowError(line, "too_long", {"field": "event", "limit": EVENT_NAME_LIMIT})
    day = iso_date(line, "event", date)
    if isinstance(day, RowError):
        return day
    day = day or met_on
    if day is None:
        return None
    return EventRef(name=name, date=day, kind=one_line(kind).lower()[:20])


def build_record(
    line: int,
    *,
    name: str,
    company: str = "",
    role: str = "",
    email: str = "",
    phone: str = "",
    linkedin_url: str = "",
    notes: str = "",
    tags: Iterable[str] = (),
    connected_on: dt.date | None = None,
    met_on: str = "",
    where_met: str = "",
    talked_about: str = "",
    keep_in_touch_days: str = "",
    event_name: str = "",
    event_date: str = "",
    event_kind: str = "",
    date_order: str | None = None,
    extra_notes: Iterable[str] = (),
    warnings: Iterable[RowError] = (),
) -> Record | RowError:
    """A clean record, or the first reason this row cannot become one.

    The last seven are raw text, as Mingel's own cards carry them (X-MINGEL-*). A
    `met_on` that is no date in DATE_RANGE (or could be two: `date_order` decides those,
    see sheet_date) does not cost the row: its text joins the notes, and the record says
    so in a warning; nor does an email cell that holds no address (see _email).
    `extra_notes` are values with no field of their own (a second phone number), for the
    notes; `warnings` what the importer already had to say about the row. A row with no
    name is named after its company, else its email address."""
    values = {
        "name": one_line(name),
        "company": one_line(company),
        "role": one_line(role),
        "email": one_line(email),
        "phone": one_line(phone),
        "linkedin_url": one_line(linkedin_url),
        "where_met": where_met and one_line(where_met),
        "talked_about": talked_about and multi_line(talked_about),
        "notes": notes and multi_line(notes),
    }
    met_day = interval = event = None
    warnings = tuple(warnings)
    if values["email"]:
        values["email"], moved, warning = _email(line, values["email"])
        extra_notes = [*extra_notes, moved]
        warnings += (warning,) if warning else ()
    if extra := "\n".join(filter(None, (one_line(v) for v in extra_notes))):
        values["notes"] = "\n\n".join(filter(None, [values["notes"], extra]))
    # Only Mingel's own files have these; other rows skip the checks (30,000-row imports).
    if met_on or keep_in_touch_days or event_name:
        met_text = one_line(met_on)
        met_day, warning = _met_on(line, met_text, date_order)
        if warning:
            warnings += (warning,)
            values["notes"] = "\n\n".join(filter(None, [values["notes"], met_text]))
        interval = interval_days(line, keep_in_touch_days)
        if isinstance(interval, RowError):
            return interval
        event = event_ref(line, name=event_name, date=event_date, kind=event_kind, met_on=met_day)
        if isinstance(event, RowError):
            return event
        if event is None and (lost := one_line(event_name)):
            # An event with no date cannot be made; its name still says where you met.
            if values["where_met"]:
                values["notes"] = "\n\n".join(filter(None, [values["notes"], lost]))
            else:
                values["where_met"] = lost
    clean_tags, too_long = clean_tag_names(tags)
    values["name"] = values["name"] or values["company"] or values["email"]
    if not values["name"]:
        return RowError(line, "no_name")
    for field, value in values.items():
        if len(value) > LIMITS[field]:
            return RowError(line, "too_long", {"field": field, "limit": LIMITS[field]})
        if problem := text_problem(value):
            return RowError(line, "bad_text", {"field": field, "problem": problem})
    for tag in clean_tags:
        if problem := text_problem(tag):
            return RowError(line, "bad_text", {"field": "tags", "problem": problem})
    if too_long:
        return RowError(line, "tag_too_long", {"limit": TAG_LIMIT, "value": too_long[:20]})
    if len(clean_tags) > TAGS_PER_CONTACT:
        return RowError(
            line, "too_many_tags", {"count": len(clean_tags), "limit": TAGS_PER_CONTACT}
        )
    keys = import_keys(
        name=values["name"],
        company=values["company"],
        email=values["email"],
        linkedin_url=values["linkedin_url"],
    )
    if url := values["linkedin_url"]:
        # A LinkedIn profile address gave a key; anything else did not.
        if not any(k.startswith("linkedin:") for k in keys):
            return RowError(line, "bad_linkedin", {"value": url[:80]})
        if not url.lower().startswith(("http://", "https://")):
            values["linkedin_url"] = f"https://{url}"
    return Record(
        line=line,
        tags=tuple(clean_tags),
        connected_on=connected_on,
        met_on=met_day,
        keep_in_touch_days=interval,
        event=event,
        keys=keys,
        warnings=warnings,
        **values,
    )


def _met_on(line: int, value: str, order: str | None) -> tuple[dt.date | None, RowError | None]:
    """The day a row says you met, and a warning when it says one that cannot be read."""
    if not value:
        return None, None
    day = sheet_date(value, order)
    if day is not None and DATE_RANGE[0] <= day <= DATE_RANGE[1]:
        return day, None
    if day is not None:
        code = "date_to_notes_out_of_range"
    elif _SHEET_DATE.match(value):
        code = "date_to_notes_ambiguous" if _could_be_two(value) else "date_to_notes"
    else:
        code = "date_to_notes"
    return None, RowError(line, code, {"field": "met_on", "value": value[:40]})


def _could_be_two(value: str) -> bool:
    return sheet_date(value, DAY_FIRST) is not None and sheet_date(value, MONTH_FIRST) is not None


def import_keys(*, name: str, company: str, email: str, linkedin_url: str) -> frozenset[str]:
    """The identity match keys; for a person with none (a name and perhaps a phone
    number: many phone contacts), the bare name. Without it, importing such a file twice
    would create everyone twice; with it, two people of the same name and nothing else
    become one, which nothing in the file could tell apart anyway."""
    keys = match_keys(name=name, company=company, email=email, linkedin_url=linkedin_url)
    # A name of punctuation only normalises to nothing: then its exact (folded) spelling.
    if keys or not (bare := normalise_name(name) or name.strip().casefold()):
        return keys
    return frozenset({f"bare:{bare}"})
