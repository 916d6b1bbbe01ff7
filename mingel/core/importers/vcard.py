"""vCard 2.1, 3.0 and 4.0 files, as Google, Apple, Android, Outlook and Monica write them.

The file is cut into cards here, line by line, and each card is parsed by vobject on its
own: memory stays bounded by the largest card, and each card keeps its own line number.
2.1 quirks (quoted-printable values with CHARSET, bare TYPE parameters) are vobject's;
Apple's `item1.` groups need nothing special since only the property name matters.

A file that is not all cards (text outside BEGIN/END, a card without its END) cannot be
read as a whole: FileError, and nothing of it is imported.
"""

from collections.abc import Iterator
from pathlib import Path

import vobject

from mingel.core.importers.clean import build_record, linkedin_profile, one_line
from mingel.core.importers.model import FileError, Record, RowError
from mingel.core.importers.text import limited_lines, open_text

# A card with a large photo runs to a few hundred kB; beyond this it is not a contact.
CARD_LIMIT = 4 * 1024 * 1024
# Google puts every contact in its "myContacts" group; that is not a tag anyone chose.
SYSTEM_CATEGORIES = {"mycontacts", "starred"}


def cards(stream) -> Iterator[tuple[int, str]]:
    """(line of BEGIN:VCARD, the card's text) for each card in the stream."""
    start, lines, size = 0, [], 0
    for number, raw in enumerate(limited_lines(stream, CARD_LIMIT), 1):
        marker = raw.strip().upper()
        if not start:
            if marker == "BEGIN:VCARD":
                start, lines, size = number, [raw], len(raw)
            elif marker:
                raise FileError("not_vcard", line=number)
            continue
        if marker == "BEGIN:VCARD":
            raise FileError("no_end", line=start)
        lines.append(raw)
        size += len(raw)
        if size > CARD_LIMIT:
            raise FileError("card_too_large", line=start)
        if marker == "END:VCARD":
            yield start, "".join(lines)
            start, lines, size = 0, [], 0
    if start:
        raise FileError("no_end", line=start)


def parse(path: Path, encoding: str | None = None) -> Iterator[Record | RowError]:
    """Each card as a Record (or a RowError when it cannot be understood), in file order."""
    seen_any = False
    with open_text(path, encoding) as stream:
        try:
            for line, text in cards(stream):
                seen_any = True
                yield card_record(line, text)
        except UnicodeDecodeError as exc:
            raise FileError("bad_encoding", detail=str(exc)) from exc
        except FileError as exc:
            if exc.code == "huge_field":  # one line longer than a card may be
                raise FileError("card_too_large", line=exc.line) from exc
            raise
    if not seen_any:
        raise FileError("not_vcard", line=1)


def _text(value) -> str:
    """A property value as one string: vobject gives lists for structured values."""
    if isinstance(value, (list, tuple)):
        return " ".join(_text(v) for v in value if v)
    if isinstance(value, bytes):
        return ""
    return str(value or "")


def _values(card, name: str) -> list:
    """The card's values of one property, preferred ones (TYPE=pref, PREF=1) first."""
    props = card.contents.get(name.lower(), [])

    def preferred(prop) -> bool:
        types = [t.lower() for t in prop.params.get("TYPE", [])]
        return "pref" in types or "PREF" in prop.params or "pref" in prop.params

    return [p.value for p in sorted(props, key=lambda p: not preferred(p))]


def _url(value: str) -> str:
    # Google escapes the colon ("https\://"), as 3.0 allowed for text values.
    return _text(value).replace("\\:", ":").strip()


def card_record(line: int, text: str) -> Record | RowError:
    try:
        card = vobject.readOne(text, allowQP=True)
    except Exception as exc:  # vobject raises many kinds on bad input; all mean "unreadable"
        return RowError(line, "bad_vcard", {"detail": str(exc)[:120]})
    try:
        return _from_card(line, card)
    except Exception as exc:  # a value vobject accepted but cannot decode (unknown CHARSET)
        return RowError(line, "bad_vcard", {"detail": str(exc)[:120]})


def _from_card(line: int, card) -> Record | RowError:
    name = one_line(_text(next(iter(_values(card, "fn")), "")))
    orgs = _values(card, "org")
    company = ""
    if orgs:
        org = orgs[0]
        company = _text(org[0] if isinstance(org, list) and org else org)
    if not name and (names := _values(card, "n")):
        n = names[0]
        parts = (getattr(n, "prefix", ""), n.given, n.additional, n.family, n.suffix)
        name = " ".join(_text(p) for p in parts if _text(p))
    emails = [one_line(_text(e)) for e in _values(card, "email")]
    emails = [e for e in emails if e]
    phones = [one_line(_text(t)) for t in _values(card, "tel")]
    phones = [p.removeprefix("tel:") for p in phones if p]
    linkedin, other_urls = "", []
    for value in _values(card, "url") + _values(card, "x-socialprofile"):
        url = _url(value)
        if not url.lower().startswith(("http://", "https://")):
            continue
        if not linkedin and linkedin_profile(url):
            linkedin = url
        elif not linkedin_profile(url) and url not in other_urls:
            other_urls.append(url)
    notes = "\n".join(_text(n) for n in _values(card, "note") if _text(n))
    # What has no field of its own (second addresses, web sites) goes to the notes, so
    # nothing the card said is lost.
    extra = emails[1:] + phones[1:] + other_urls
    if extra:
        notes = "\n\n".join(filter(None, [notes, "\n".join(extra)]))
    tags = []
    for value in _values(card, "categories"):
        for tag in value if isinstance(value, list) else _text(value).split(","):
            if _text(tag).strip().casefold() not in SYSTEM_CATEGORIES:
                tags.append(_text(tag))
    return build_record(
        line,
        name=name or company or (emails[0] if emails else ""),
        company=company,
        role=_text(next(iter(_values(card, "title") + _values(card, "role")), "")),
        email=emails[0] if emails else "",
        phone=phones[0] if phones else "",
        linkedin_url=linkedin,
        notes=notes,
        tags=tags,
    )
