"""Contacts as vCard 4.0 (RFC 6350), written with vobject so escaping and line folding
follow the standard, and read back by Google Contacts, Apple Contacts and Android."""

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator

import vobject

from mingel import __version__
from mingel.core.identity import normalise_linkedin_url

PRODID = f"-//Mingel//Mingel {__version__}//EN"
# A fixed namespace, so the same contact keeps the same UID from one export to the next and
# an address book updates its card instead of adding a second one.
UID_NAMESPACE = uuid.UUID("5f0c4e6e-8a5e-4f55-9a56-6d696e67656c")
CARDS_PER_CHUNK = 50


def split_name(name: str) -> tuple[str, str]:
    """(given, family): the last word is taken as the family name, as address books do when
    they have only a full name; one word is a given name."""
    words = name.split()
    if len(words) < 2:
        return name.strip(), ""
    return " ".join(words[:-1]), words[-1]


def contact_card(contact: dict, events: dict[int, dict] | None = None) -> str:
    """One contact dict (from `selectors.contact_rows`) as a vCard 4.0 text; `events` maps
    event ids to their name, date and kind (`selectors.event_details`)."""
    card = vobject.vCard()
    card.add("version").value = "4.0"
    card.add("prodid").value = PRODID
    card.add("uid").value = "urn:uuid:" + str(uuid.uuid5(UID_NAMESPACE, str(contact["id"])))
    card.add("fn").value = contact["name"]
    given, family = split_name(contact["name"])
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if contact["company"]:
        card.add("org").value = [contact["company"]]
    if contact["role"]:
        card.add("title").value = contact["role"]
    if contact["email"]:
        card.add("email").value = contact["email"]
    if contact["phone"]:
        card.add("tel").value = contact["phone"]
    if contact["linkedin_url"]:
        url = card.add("url")
        url.value = contact["linkedin_url"]
        if normalise_linkedin_url(contact["linkedin_url"]):
            url.type_param = "linkedin"
    if contact["notes"]:
        card.add("note").value = contact["notes"]
    if contact["tags"]:
        card.add("categories").value = list(contact["tags"])
    # What vCard has no property for goes into extension properties (RFC 6350 6.10), which
    # other address books keep without showing, and Mingel reads back
    # (mingel/core/importers/vcard.py): a card from one Mingel account to another loses
    # nothing. The event travels by name, date and kind; the importer finds or makes it.
    if contact["talked_about"]:
        card.add("x-mingel-talked-about").value = contact["talked_about"]
    if contact["where_met"]:
        card.add("x-mingel-where-met").value = contact["where_met"]
    if contact["met_on"]:
        card.add("x-mingel-met-on").value = contact["met_on"].isoformat()
    if contact["keep_in_touch_days"]:
        card.add("x-mingel-keep-in-touch-days").value = str(contact["keep_in_touch_days"])
    event = (events or {}).get(contact["event_id"]) if contact["event_id"] else None
    if event:
        card.add("x-mingel-event").value = event["name"]
        card.add("x-mingel-event-date").value = event["date"].isoformat()
        card.add("x-mingel-event-kind").value = event["kind"]
    if contact["updated_at"]:
        rev = contact["updated_at"].astimezone(dt.UTC)
        card.add("rev").value = rev.strftime("%Y%m%dT%H%M%SZ")
    return card.serialize()


def contacts_vcard(
    contacts: Iterable[dict], events: dict[int, dict] | None = None
) -> Iterator[str]:
    """All contacts as one .vcf text, in chunks of a few cards."""
    chunk = []
    for contact in contacts:
        chunk.append(contact_card(contact, events))
        if len(chunk) == CARDS_PER_CHUNK:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)
