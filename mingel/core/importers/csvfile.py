"""Any CSV with a header row: which column is which comes from a mapping the user confirms,
with guesses for the headers Swedish and English spreadsheets and address books use
(Excel, Outlook, Google Contacts' CSV)."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from mingel.core.importers.clean import build_record, date_order, linkedin_profile
from mingel.core.importers.model import FileError, Record, RowError
from mingel.core.importers.text import csv_rows, detect_encoding, open_text

# The fields a column can fill, in the order the mapping form shows them.
FIELDS = (
    "name",
    "first_name",
    "last_name",
    "company",
    "role",
    "email",
    "phone",
    "linkedin_url",
    "notes",
    "tags",
    "met_on",
    "where_met",
    "talked_about",
    "keep_in_touch_days",
    "event",
)
DELIMITERS = (",", ";", "\t")
SYNONYMS = {
    "name": [
        "namn", "name", "full name", "fullständigt namn", "display name", "visningsnamn",
        "kontakt", "contact", "contact name", "kontaktperson", "person",
    ],
    "first_name": [
        "förnamn", "first name", "firstname", "given name", "tilltalsnamn", "fornamn",
    ],
    "last_name": [
        "efternamn", "last name", "lastname", "surname", "family name", "efternamn",
    ],
    "company": [
        "företag", "company", "organisation", "organization", "org", "arbetsgivare",
        "employer", "bolag", "firma", "organization 1 - name", "organisation 1 - namn",
        "foretag", "organization name", "organisation name",
    ],
    "role": [
        "titel", "title", "job title", "roll", "role", "position", "befattning",
        "yrkestitel", "yrke", "tjänst", "organization 1 - title", "jobbtitel",
        "organization title", "organisation title",
    ],
    "email": [
        "e-post", "epost", "e-mail", "email", "mail", "e-postadress", "email address",
        "e-mail address", "mejl", "mejladress", "e-mail 1 - value", "primary email",
    ],
    "phone": [
        "telefon", "phone", "mobil", "mobile", "mobiltelefon", "telefonnummer",
        "phone number", "tel", "mobile phone", "mobilnummer", "phone 1 - value", "cell",
        "business phone", "home phone", "other phone", "primary phone",
    ],
    "linkedin_url": [
        "linkedin", "linkedin url", "linkedin profile", "linkedin-profil", "linkedinprofil",
        "linkedin-länk", "profile url", "linkedin-url",
    ],
    "notes": [
        "anteckningar", "anteckning", "notes", "note", "kommentar", "kommentarer",
        "comment", "comments", "övrigt", "beskrivning", "description",
    ],
    "tags": [
        "taggar", "tags", "tag", "etiketter", "labels", "grupper", "groups", "kategori",
        "kategorier", "categories", "group membership",
    ],
    # Mingel's own CSV export (mingel/exports/csvfile.py), in English and Swedish, so a
    # CSV from Mingel comes back whole too.
    "met_on": ["met on", "träffades", "träffades den", "date met"],
    "where_met": ["where we met", "var vi träffades", "where met", "träffpunkt"],
    "talked_about": [
        "what we talked about", "vad vi pratade om", "talked about", "pratade om", "topics",
    ],
    "keep_in_touch_days": [
        "keep in touch every (days)", "håll kontakt var (dagar)", "keep in touch",
        "hör av dig igen efter (dagar)",
    ],
    "event": ["event", "evenemang", "händelse"],
}  # fmt: skip
# The columns of Mingel's own CSV export, in its order (mingel/exports/csvfile.py writes
# them with headers in the user's language, each one a synonym above).
EXPORT_FIELDS = (
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
    "tags",
    "keep_in_touch_days",
    "last_interaction_on",
    "event",
)
# What the export puts before a cell a spreadsheet would run as a formula (OWASP's advice):
# "'=) glad", "'+46 70 123 45 67". The tab and carriage return start one after a line break.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Between the tags of one cell in the export. A tag may hold a comma (the form splits at
# commas, an API client need not), so the export's own file is split at this alone.
TAG_SEPARATOR = "; "
_KEY = re.compile(r"[^\w]+")
_TAG_SPLIT = re.compile(r"\s*(?:,|;|:::)\s*")
# Google Contacts' CSV joins the values of one field in one cell: "a@x.se ::: b@y.se".
MULTI_SEPARATOR = ":::"
# Headers that fill a field only when nothing better does: Outlook's first column "Title"
# is Mr./Ms./Dr., and its "Job Title" further on is the role.
WEAK_HEADERS = {"title", "titel"}
# The other columns of a field address books write several of (Outlook's Business, Home,
# Mobile and Other Phone; Google's "E-mail 2 - Value"): the first non-empty one fills the
# field, the others go to the notes. Keys as _key makes them.
SECONDARY = {
    "email": re.compile(
        r"^(e?mail\d*(value|address)|emailaddress\d*|primaryemail|e?post\d*adress\d*)$"
    ),
    "phone": re.compile(
        r"^(phone\d+value|(business|home|mobile|other|car|primary|companymain)phone\d*"
        r"|telefon(arbete|bostad|hem|jobb)?\d*|(mobil|annan|hem|arbets|huvud)telefon\d*)$"
    ),
}
# Web sites and whole addresses (Google's "Website 1 - Value", "Address 1 - Formatted",
# Outlook's "Web Page"): a LinkedIn profile among them fills that field, the rest the notes.
OTHER_VALUES = re.compile(r"^(website\d*value|webpage|personalwebpage|address\d*formatted)$")
# Outlook's "Middle Name", Google's older "Additional Name": between first and last.
MIDDLE_NAMES = {"middlename", "additionalname", "mellannamn"}
# Google's system groups ("* myContacts", older "* My Contacts"); "* starred" is the
# user's own choice and stays, as on Google's vCards (see vcard.SYSTEM_CATEGORIES).
SYSTEM_LABELS = {"mycontacts"}


def _key(header: str) -> str:
    return _KEY.sub("", header.strip().lstrip("\ufeff").casefold())


_BY_KEY = {_key(s): field for field, words in SYNONYMS.items() for s in words}


@dataclass(frozen=True)
class Layout:
    """How to read one CSV file: its encoding, delimiter and header cells."""

    encoding: str
    delimiter: str
    headers: tuple[str, ...]
    # The first few non-empty values of each column, for the mapping step to show.
    samples: tuple[tuple[str, ...], ...] = ()


SAMPLES = 3  # values shown per column
SAMPLE_ROWS = 500  # rows read for them at most, so a sparse column costs no more
SAMPLE_CHARS = 60


def sniff_delimiter(first_line: str) -> str:
    """The delimiter the header line uses most (a comma when it has none of them)."""
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def layout(path: Path) -> Layout:
    """Encoding, delimiter and header of the file; FileError when it has no header."""
    encoding = detect_encoding(path)
    with open_text(path, encoding) as stream:
        first = ""
        while raw := stream.readline(1 << 16):
            if raw.strip():
                first = raw
                break
        delimiter = sniff_delimiter(first)
        stream.seek(0)
        rows = csv_rows(stream, delimiter)
        for _line, row in rows:
            headers = tuple(cell.strip().lstrip("\ufeff") for cell in row)
            if any(headers):
                return Layout(encoding, delimiter, headers, column_samples(rows, len(headers)))
    raise FileError("no_header", expected="a header row")


def column_samples(rows, width: int) -> tuple[tuple[str, ...], ...]:
    """The first SAMPLES non-empty values of each of `width` columns, each on one line
    and cut to SAMPLE_CHARS, from at most SAMPLE_ROWS rows. A row that cannot be read
    ends the sampling; the preview reports it with its line."""
    found: list[list[str]] = [[] for _ in range(width)]
    try:
        for count, (_line, row) in enumerate(rows, 1):
            for index, cell in enumerate(row[:width]):
                value = " ".join(cell.split())
                if value and len(found[index]) < SAMPLES:
                    cut = len(value) > SAMPLE_CHARS
                    found[index].append(value[: SAMPLE_CHARS - 1] + "…" if cut else value)
            if count >= SAMPLE_ROWS or all(len(f) == SAMPLES for f in found):
                break
    except FileError:
        pass
    return tuple(tuple(f) for f in found)


def guess_mapping(headers) -> dict[str, int]:
    """field -> column index for the headers recognised; the first column wins a field."""
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        field = _BY_KEY.get(_key(header))
        if field and (field not in mapping or _key(headers[mapping[field]]) in WEAK_HEADERS):
            mapping[field] = index
    return mapping


@dataclass(frozen=True)
class Extras:
    """What a file has beyond the mapping: the other columns of a multi-column field
    (SECONDARY) and a middle-name column."""

    secondary: dict[str, tuple[int, ...]]
    middle: int | None = None
    other: tuple[int, ...] = ()


def extras(headers, mapping: dict[str, int]) -> Extras:
    used = set(mapping.values())
    keys = [_key(h) for h in headers]
    secondary = {
        field: tuple(i for i, k in enumerate(keys) if i not in used and pattern.match(k))
        for field, pattern in SECONDARY.items()
    }
    middle = next((i for i, k in enumerate(keys) if k in MIDDLE_NAMES and i not in used), None)
    other = tuple(i for i, k in enumerate(keys) if i not in used and OTHER_VALUES.match(k))
    return Extras(secondary, middle, other)


def mapping_problem(mapping: dict[str, int]) -> str:
    """'' when records can be built with `mapping`, else a reason code."""
    if not {"name", "first_name", "last_name"} & mapping.keys():
        return "no_name_column"
    return ""


def parse(path: Path, lay: Layout, mapping: dict[str, int]) -> Iterator[Record | RowError]:
    """Each row after the header as a Record (or a RowError), in file order."""
    if problem := mapping_problem(mapping):
        raise ValueError(problem)
    own = is_mingel_export(lay.headers)
    more = Extras({}) if own else extras(lay.headers, mapping)
    order = _met_on_order(path, lay, mapping["met_on"]) if "met_on" in mapping else None
    with open_text(path, lay.encoding) as stream:
        rows = csv_rows(stream, lay.delimiter)
        for _line, row in rows:
            if any(cell.strip() for cell in row):
                break
        for line, row in rows:
            if not any(cell.strip() for cell in row):
                continue
            yield _record(line, row, mapping, own=own, order=order, more=more)


def _met_on_order(path: Path, lay: Layout, index: int) -> str | None:
    """Whether the file's dates with the year last are day-first or month-first, from
    all of its rows (see clean.date_order): a spreadsheet writes every date one way, so
    14/03/2026 on one row says how 03/04/2026 on another is meant."""

    def values():
        with open_text(path, lay.encoding) as stream:
            try:
                for _line, row in csv_rows(stream, lay.delimiter):
                    if index < len(row):
                        yield row[index]
            except FileError:
                return  # the reading proper reports it, with its line

    return date_order(values(), semicolons=lay.delimiter == ";")


def is_mingel_export(headers) -> bool:
    """Whether the header row is the one Mingel's CSV export writes (in any language it
    speaks): then a cell's leading apostrophe is the export's, not the user's."""
    if len(headers) != len(EXPORT_FIELDS):
        return False
    return all(
        field == "last_interaction_on" or _BY_KEY.get(_key(header)) == field
        for header, field in zip(headers, EXPORT_FIELDS, strict=True)
    )


_NEUTRALISED = tuple("'" + start for start in FORMULA_STARTS)


def _record(
    line: int,
    row: list[str],
    mapping: dict[str, int],
    *,
    own: bool,
    order: str | None,
    more: Extras = Extras({}),
) -> Record | RowError:
    def at(index: int | None) -> str:
        return row[index] if index is not None and index < len(row) else ""

    def cell(field: str) -> str:
        value = at(mapping.get(field))
        # Only Mingel's own export says for sure that the apostrophe is not the user's.
        return value[1:] if own and value.startswith(_NEUTRALISED) else value

    if own:
        name = cell("name")
        tags = cell("tags").split(TAG_SEPARATOR)
        single = {f: cell(f) for f in ("company", "role", "email", "phone", "linkedin_url")}
        extra = []
    else:
        parts = (cell("first_name"), at(more.middle), cell("last_name"))
        name = cell("name").strip() or " ".join(p.strip() for p in parts if p.strip())
        # Google's "* myContacts ::: Friends": the star marks its system groups.
        tags = [t.strip().lstrip("* ") for t in _TAG_SPLIT.split(cell("tags"))]
        tags = [t for t in tags if t and t.casefold().replace(" ", "") not in SYSTEM_LABELS]
        single, extra = _single_values(cell, at, more)
    return build_record(
        line,
        name=name,
        **single,
        extra_notes=extra,
        notes=cell("notes"),
        tags=tags,
        met_on=cell("met_on"),
        where_met=cell("where_met"),
        talked_about=cell("talked_about"),
        keep_in_touch_days=cell("keep_in_touch_days"),
        # A CSV names the event only: it is the one of that name on the day you met.
        event_name=cell("event"),
        date_order=order,
    )


def _single_values(cell, at, more: Extras) -> tuple[dict[str, str], list[str]]:
    """The one value of each single-value field, and the rest for the notes: a Google
    cell "a ::: b" is a and b, and a field's SECONDARY columns follow its own."""
    single, extra = {}, []
    for field in ("company", "role", "email", "phone", "linkedin_url"):
        cells = [cell(field), *(at(i) for i in more.secondary.get(field, ()))]
        values = [v.strip() for c in cells for v in c.split(MULTI_SEPARATOR) if v.strip()]
        single[field] = values[0] if values else ""
        extra.extend(values[1:])
    for value in (v.strip() for i in more.other for v in at(i).split(MULTI_SEPARATOR)):
        if value and not single["linkedin_url"] and linkedin_profile(value):
            single["linkedin_url"] = value
        elif value:
            extra.append(value)
    return single, extra
