"""vCard 2.1, 3.0 and 4.0 files, as Google, Apple, Android, Outlook and Monica write them.

The file is cut into cards here, line by line, and each card is read on its own with
vobject's line parser (unfolding, parameters, quoted-printable): memory stays bounded by
CARD_LIMIT, and each card keeps its own line number.
2.1 quirks (quoted-printable values with CHARSET, bare TYPE parameters) are vobject's;
Apple's `item1.` groups need nothing special since only the property name matters.

A file that is not all cards (text outside BEGIN/END, a card without its END) cannot be
read as a whole: FileError, and nothing of it is imported. A card larger than CARD_LIMIT
(a 5 MB NOTE, a photo gone wrong) is a row error: it is read past, the others import.

Values are decoded here, not by vobject (see _texts): vobject keeps a text value only up
to its first unescaped comma, and real cards are full of those.
"""

import base64
import io
from collections.abc import Iterator
from pathlib import Path

import vobject

from mingel.core.importers.clean import build_record, linkedin_profile, one_line
from mingel.core.importers.model import FileError, Record, RowError
from mingel.core.importers.text import open_text

# A card with a large photo runs to a few hundred kB; beyond this it is not a contact.
CARD_LIMIT = 4 * 1024 * 1024
# Google puts every contact in its "myContacts" group; that is not a tag anyone chose.
# "starred" is: it stays, as the same contact's Google CSV keeps it (csvfile.SYSTEM_LABELS).
SYSTEM_CATEGORIES = {"mycontacts"}


def cards(stream) -> Iterator[tuple[int, str | None]]:
    """(line of BEGIN:VCARD, the card's text) for each card in the stream; the text is
    None for a card larger than CARD_LIMIT, which is read past, never held."""
    start, lines, size = 0, [], 0
    for number, raw, whole in _lines(stream):
        marker = raw.strip().upper() if whole and len(raw) < 64 else ""
        if not start:
            if marker == "BEGIN:VCARD":
                start, lines, size = number, [raw], len(raw)
            elif raw.strip():
                raise FileError("not_vcard", line=number)
            continue
        if marker == "BEGIN:VCARD":
            raise FileError("no_end", line=start)
        size += len(raw)
        if size <= CARD_LIMIT:
            lines.append(raw)
        elif lines:
            lines = []  # too large: let it go, and keep reading to its END
        if marker == "END:VCARD":
            yield start, "".join(lines) if size <= CARD_LIMIT else None
            start, lines, size = 0, [], 0
    if start:
        raise FileError("no_end", line=start)


def _lines(stream) -> Iterator[tuple[int, str, bool]]:
    """(number, line, whether it is the whole line) for each line; a line longer than
    CARD_LIMIT comes in pieces of that size under one number (a 5 MB NOTE on one line is
    read past, not held whole)."""
    number, partial = 0, False
    while piece := stream.readline(CARD_LIMIT):
        starts = not partial
        if starts:
            number += 1
        partial = not piece.endswith(("\n", "\r"))
        yield number, piece, starts and not partial


def parse(path: Path, encoding: str | None = None) -> Iterator[Record | RowError]:
    """Each card as a Record (or a RowError when it cannot be understood), in file order."""
    seen_any = False
    with open_text(path, encoding) as stream:
        try:
            for line, text in cards(stream):
                seen_any = True
                if text is None:
                    yield RowError(line, "card_too_large", {"limit_mb": CARD_LIMIT >> 20})
                else:
                    yield card_record(line, text)
        except UnicodeDecodeError as exc:
            raise FileError("bad_encoding", detail=str(exc)) from exc
    if not seen_any:
        raise FileError("not_vcard", line=1)


# Escapes a text value may carry. RFC 6350 knows \\, \n, \, and \; ; Google also writes
# "\:" in addresses. Any other backslash is kept as it is: a card that got it wrong still
# keeps every character it had.
_ESCAPES = {"\\": "\\", "n": "\n", "N": "\n", ",": ",", ";": ";", ":": ":"}


def unescape(raw: str) -> str:
    """A text value without its escapes."""
    if "\\" not in raw:
        return raw
    out, i = [], 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\" and i + 1 < len(raw) and raw[i + 1] in _ESCAPES:
            out.append(_ESCAPES[raw[i + 1]])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def split_escaped(raw: str, separator: str) -> list[str]:
    """The parts of a list or structured value (separated by unescaped `separator`), each
    unescaped."""
    if separator not in raw:
        return [unescape(raw)]
    parts, current, i = [], [], 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\" and i + 1 < len(raw):
            current.append(raw[i : i + 2])
            i += 2
            continue
        if ch == separator:
            parts.append(unescape("".join(current)))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append(unescape("".join(current)))
    return parts


def _raw(prop) -> str:
    """The property's value as the card wrote it (quoted-printable already decoded by
    vobject), or '' for a binary (base64) value that is not text."""
    value = prop.value
    encoding = [e.lower() for e in prop.params.get("ENCODING", [])]
    if "b" in encoding or "base64" in encoding or "BASE64" in prop.singletonparams:
        try:
            value = base64.b64decode(value, validate=False).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return ""
    return value if isinstance(value, str) else ""


def _props(card, name: str) -> list:
    """The card's properties of one name, preferred ones (TYPE=pref, PREF=1) first."""
    props = card.contents.get(name.lower(), [])

    def preferred(prop) -> bool:
        types = [t.lower() for t in prop.params.get("TYPE", [])]
        return "pref" in types or "PREF" in prop.params or "pref" in prop.singletonparams

    return sorted(props, key=lambda p: not preferred(p))


def _texts(card, name: str) -> list[str]:
    """The text values of one property, preferred first. vobject is asked for the raw
    text and the escapes are undone here: its own decoding keeps only what comes before
    the first unescaped comma, and phones and mail programs leave commas unescaped
    ("NOTE:Met at PyCon, ask about dbt" would lose "ask about dbt")."""
    return [unescape(_raw(p)) for p in _props(card, name)]


def _first(card, *names: str) -> str:
    for name in names:
        for value in _texts(card, name):
            if value.strip():
                return value
    return ""


class Card:
    """A card's properties by lower-case name, values as written (see _texts)."""

    def __init__(self):
        self.contents: dict[str, list] = {}


def read_card(text: str) -> Card:
    """The card's content lines, unfolded and with quoted-printable decoded, by vobject's
    line parser; its value decoding is left out (see _texts)."""
    card = Card()
    for logical, number in vobject.base.getLogicalLines(io.StringIO(text), allowQP=True):
        prop = vobject.base.textLineToContentLine(logical, number)
        name = prop.name.lower()
        if name not in ("begin", "end"):
            card.contents.setdefault(name, []).append(prop)
    return card


def card_record(line: int, text: str) -> Record | RowError:
    try:
        card = read_card(text)
    except Exception as exc:  # vobject raises many kinds on bad input; all mean "unreadable"
        return RowError(line, "bad_vcard", {"detail": str(exc)[:120]})
    try:
        return _from_card(line, card)
    except Exception as exc:  # a value vobject accepted but cannot decode (unknown CHARSET)
        return RowError(line, "bad_vcard", {"detail": str(exc)[:120]})


def _from_card(line: int, card) -> Record | RowError:
    name = one_line(_first(card, "fn"))
    company = ""
    for prop in _props(card, "org"):
        # ORG is structured: the organisation, then its units.
        company = split_escaped(_raw(prop), ";")[0]
        break
    if not name and (names := _props(card, "n")):
        # N is family;given;additional;prefix;suffix.
        parts = [*split_escaped(_raw(names[0]), ";"), "", "", "", "", ""][:5]
        family, given, additional, prefix, suffix = parts
        name = " ".join(p for p in (prefix, given, additional, family, suffix) if p.strip())
    emails = [one_line(e) for e in _texts(card, "email")]
    emails = [e for e in emails if e]
    phones = [one_line(t) for t in _texts(card, "tel")]
    phones = [p.removeprefix("tel:") for p in phones if p]
    linkedin, other_urls = "", []
    for value in _texts(card, "url") + _texts(card, "x-socialprofile"):
        url = value.strip()
        if not url.lower().startswith(("http://", "https://")):
            continue
        if not linkedin and linkedin_profile(url):
            linkedin = url
        elif not linkedin_profile(url) and url not in other_urls:
            other_urls.append(url)
    notes = "\n".join(n for n in _texts(card, "note") if n)
    # What has no field of its own (second addresses, web sites) goes to the notes, so
    # nothing the card said is lost.
    extra = emails[1:] + phones[1:] + other_urls
    if extra:
        notes = "\n\n".join(filter(None, [notes, "\n".join(extra)]))
    # Google marks cards with its own group "myContacts"; on Mingel's own cards (PRODID)
    # every category is a tag the user gave, even one called "myContacts".
    own_card = _first(card, "prodid").startswith("-//Mingel//")
    tags = []
    for prop in _props(card, "categories"):
        for tag in split_escaped(_raw(prop), ","):
            if own_card or tag.strip().casefold() not in SYSTEM_CATEGORIES:
                tags.append(tag)
    return build_record(
        line,
        name=name or company or (emails[0] if emails else ""),
        company=company,
        role=_first(card, "title", "role"),
        email=emails[0] if emails else "",
        phone=phones[0] if phones else "",
        linkedin_url=linkedin,
        notes=notes,
        tags=tags,
        # Mingel's own cards (see mingel/exports/vcard.py); other cards have none of these.
        met_on=_first(card, "x-mingel-met-on"),
        where_met=_first(card, "x-mingel-where-met"),
        talked_about=_first(card, "x-mingel-talked-about"),
        keep_in_touch_days=_first(card, "x-mingel-keep-in-touch-days"),
        event_name=_first(card, "x-mingel-event"),
        event_date=_first(card, "x-mingel-event-date"),
        event_kind=_first(card, "x-mingel-event-kind"),
    )
