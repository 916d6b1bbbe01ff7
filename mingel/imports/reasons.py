"""Why a row or a file could not be imported, in the user's language. The importers in
mingel/core/importers give a code and parameters; the words live here."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

FIELD_NAMES = {
    "name": gettext_lazy("name"),
    "first_name": gettext_lazy("first name"),
    "last_name": gettext_lazy("last name"),
    "company": gettext_lazy("company"),
    "role": gettext_lazy("role"),
    "email": gettext_lazy("email"),
    "phone": gettext_lazy("phone"),
    "linkedin_url": gettext_lazy("LinkedIn profile"),
    "notes": gettext_lazy("notes"),
    "tags": gettext_lazy("tags"),
    "met_on": gettext_lazy("date you met"),
    "where_met": gettext_lazy("where you met"),
    "talked_about": gettext_lazy("what you talked about"),
    "keep_in_touch_days": gettext_lazy("keep-in-touch interval"),
    "event": gettext_lazy("event"),
    "linkedin": gettext_lazy("LinkedIn connection"),
    "connected_on": gettext_lazy("date you connected on LinkedIn"),
}


PROBLEM_NAMES = {
    "nul": gettext_lazy("a NUL character"),
    "control": gettext_lazy("an invisible control character"),
    "surrogate": gettext_lazy("half of a UTF-16 pair"),
}


def field_name(field: str) -> str:
    return str(FIELD_NAMES.get(field, field))


def reason(code: str, params: dict | None = None) -> str:
    """One sentence for a row error or file error code."""
    p = dict(params or {})
    if "field" in p:
        p["field"] = field_name(p["field"])
    if "problem" in p:
        p["problem"] = str(PROBLEM_NAMES.get(p["problem"], p["problem"]))
    texts = {
        # Rows
        "formula": _(
            "the %(field)s looks like a spreadsheet formula (%(value)s), which is not "
            "imported for safety"
        ),
        "no_name": _("the row has no name"),
        "too_long": _("the %(field)s is longer than %(limit)s characters"),
        "tag_too_long": _("a tag is longer than %(limit)s characters (“%(value)s…”)"),
        "too_many_tags": _("the row has %(count)s tags; a contact can have at most %(limit)s"),
        "bad_text": _("the %(field)s holds a character that cannot be stored (%(problem)s)"),
        "bad_email": _("“%(value)s” is not an email address"),
        "bad_linkedin": _("“%(value)s” is not a LinkedIn profile address"),
        "bad_date": _("“%(value)s” is not a date like 15 Jan 2024"),
        "bad_vcard": _("this card cannot be read (%(detail)s)"),
        "bad_iso_date": _("the %(field)s “%(value)s” is not a date like 2026-03-14"),
        "date_out_of_range": _(
            "the %(field)s “%(value)s” is too far from today to be right; "
            "correct it and import again"
        ),
        # Rows imported with a value moved (Record.warnings)
        "date_to_notes": _(
            "the %(field)s “%(value)s” is not a date Mingel can read; it was put in the notes"
        ),
        "date_to_notes_ambiguous": _(
            "the %(field)s “%(value)s” could be read day first or month first; "
            "it was put in the notes"
        ),
        "date_to_notes_out_of_range": _(
            "the %(field)s “%(value)s” is not between 1900 and 2200; it was put in the notes"
        ),
        "tags_left_out": _("%(count)s tags were not added: a contact can have at most %(limit)s"),
        "email_to_notes": _("“%(value)s” is not an email address; it was put in the notes"),
        "email_member_id_left_out": _(
            "“%(value)s” is a LinkedIn member id, not an email address; it was left out"
        ),
        "bad_interval": _(
            "the keep-in-touch interval “%(value)s” is not a number of days "
            "from %(low)s to %(high)s"
        ),
        # Files
        "unreadable": _("the file cannot be opened; please upload it again"),
        "no_header": _("no header row was found (expected %(expected)s)"),
        "bad_quoting": _("a quotation mark is not closed or is out of place (%(detail)s)"),
        "huge_field": _("a cell is larger than 128 kB, so this is probably not a contact list"),
        "bad_encoding": _("the file's characters cannot be read"),
        "not_vcard": _("this is not a vCard file (each card starts with BEGIN:VCARD)"),
        "no_end": _("the card that starts here has no END:VCARD; the file looks cut off"),
        "card_too_large": _("the card that starts here is larger than 4 MB, so it was left out"),
        "no_name_column": _("choose a column for the name, or for the first and last name"),
        "interrupted": _("the import was interrupted (the server restarted)"),
        "internal": _("something went wrong on our side"),
    }
    text = texts.get(code, code)
    try:
        return text % p
    except (KeyError, TypeError, ValueError):
        return text


def file_reason(code: str, line: int = 0, params: dict | None = None) -> str:
    text = reason(code, params)
    if line:
        return _("Line %(line)s: %(reason)s") % {"line": line, "reason": text}
    return text[:1].upper() + text[1:]
