"""What a contact holds, in plain Python: the one definition the importers, the contact
forms and services, and the exports read (core may not import Django, so the Django side
reads this, not the other way round)."""

import re
import unicodedata
from collections.abc import Iterable

# A contact's own fields, in the order the contact form shows them: what the contact
# services accept, an import may fill in (all but the name, which it matches on) and an
# archive carries. "event" is the event you met at.
FIELDS = (
    "name",
    "company",
    "role",
    "email",
    "phone",
    "linkedin_url",
    "met_on",
    "where_met",
    "talked_about",
    "notes",
    "keep_in_touch_days",
    "event",
)
# The text fields and the characters the contact table takes in each (Contact's
# max_length reads them).
LIMITS = {
    "name": 200,
    "company": 200,
    "role": 200,
    "email": 254,
    "phone": 50,
    "linkedin_url": 300,
    "where_met": 200,
    "talked_about": 2000,
    "notes": 10000,
}
TEXT_FIELDS = tuple(f for f in FIELDS if f in LIMITS)
TAG_LIMIT = 50  # characters in a tag's name (Tag.name's max_length)
# Tags an import gives one contact: a card with 40,000 categories is no address book.
TAGS_PER_CONTACT = 50

# Control characters (tab and line breaks become spaces below); NUL in particular, which
# PostgreSQL refuses.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def tag_key(name: str) -> str:
    """What two spellings of one tag share: "Data" and "data", "Straße" and "STRASSE"."""
    return name.casefold()


def clean_tag_names(names: Iterable[str]) -> tuple[list[str], str]:
    """(the tags, the first one longer than TAG_LIMIT or ''): each on one line (NFC, no
    control characters, runs of white space one space), blanks and repeats (by tag_key)
    dropped, the first spelling kept. A tag too long is never cut short in silence: two
    long tags cut to the same start would become one; the caller says no instead."""
    seen: dict[str, str] = {}
    for name in names:
        name = " ".join(unicodedata.normalize("NFC", _CONTROL.sub("", str(name))).split())
        if len(name) > TAG_LIMIT:
            return list(seen.values()), name
        if name and tag_key(name) not in seen:
            seen[tag_key(name)] = name
    return list(seen.values()), ""
