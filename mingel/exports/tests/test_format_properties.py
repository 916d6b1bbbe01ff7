"""Property tests: whatever text a contact holds, the vCard reads back to the same values
with vobject, and the CSV reads back to the same cells (formulas neutralised)."""

import csv
import datetime as dt
import io

import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from mingel.core.importers.clean import build_record
from mingel.core.importers.vcard import card_record
from mingel.exports.csvfile import COLUMNS, FORMULA_STARTS, contacts_csv, neutralise
from mingel.exports.vcard import contact_card

# What a form can store: any text without NUL or other C0 controls except tab and line
# breaks (a browser sends \r\n, the model keeps it).
TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="".join(chr(c) for c in range(32) if chr(c) not in "\t\n"),
    ),
    max_size=300,
)
LINE = TEXT.map(lambda s: " ".join(s.split()))
NAME = LINE.filter(bool)


@st.composite
def contacts(draw):
    return {
        "id": draw(st.integers(1, 10**9)),
        "name": draw(NAME),
        "company": draw(LINE),
        "role": draw(LINE),
        "email": draw(st.sampled_from(["", "anna@example.com", "x.y+z@example.se"])),
        "phone": draw(LINE),
        "linkedin_url": draw(st.sampled_from(["", "https://www.linkedin.com/in/åsa-ö"])),
        "met_on": draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))),
        "where_met": draw(LINE),
        "talked_about": draw(TEXT),
        "notes": draw(TEXT),
        "keep_in_touch_days": draw(st.none() | st.integers(1, 3650)),
        "event_id": None,
        "last_interaction_on": None,
        "tags": draw(st.lists(NAME, max_size=4, unique_by=str.lower)),
        "updated_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    }


@settings(max_examples=100, deadline=None)
@given(contacts())
def test_any_contact_reads_back_from_its_vcard(contact):
    card = vobject.readOne(contact_card(contact))
    assert card.version.value == "4.0"
    assert card.fn.value == contact["name"]
    texts = {
        "title": "role",
        "tel": "phone",
        "note": "notes",
        "x-mingel-talked-about": "talked_about",
        "x-mingel-where-met": "where_met",
    }
    for prop, field in texts.items():
        if contact[field]:
            assert card.contents[prop][0].value == contact[field], prop
        else:
            assert prop not in card.contents
    if contact["company"]:
        assert card.org.value == [contact["company"]]
    if contact["tags"]:
        assert card.categories.value == contact["tags"]


@settings(max_examples=100, deadline=None)
@given(st.lists(contacts(), min_size=1, max_size=5))
def test_any_contact_reads_back_from_the_csv_with_no_live_formula(rows):
    text = "".join(contacts_csv([dict(r) for r in rows], {}))
    _header, *cells = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert len(cells) == len(rows)
    for contact, line in zip(rows, cells, strict=True):
        assert not any(cell.startswith(FORMULA_STARTS) for cell in line)
        got = dict(zip([field for field, _label in COLUMNS], line, strict=True))
        for field in ("name", "company", "role", "phone", "notes", "talked_about"):
            assert got[field] == neutralise(contact[field]), field
            assert got[field].removeprefix("'") == contact[field].removeprefix("'")


SHORT_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="".join(chr(c) for c in range(32) if chr(c) not in "\t\n"),
    ),
    max_size=120,
)


@settings(max_examples=150, deadline=None)
@given(
    contact=contacts(),
    company=SHORT_TEXT,
    where_met=SHORT_TEXT,
    talked_about=SHORT_TEXT,
    event_name=SHORT_TEXT,
)
def test_any_contact_reads_back_from_its_vcard_through_mingels_importer(
    contact, company, where_met, talked_about, event_name
):
    """Whatever a contact holds, Mingel's own importer reads its card back to the same
    values, once they are cleaned as any import cleans them (one line, no trailing
    spaces, NFC): commas, semicolons, backslashes and colons included."""
    contact.update(company=company, where_met=where_met, talked_about=talked_about)
    contact["name"] = contact["name"][:120]
    contact["phone"] = contact["phone"][:40]
    contact["role"] = contact["role"][:120]
    contact["event_id"] = 7
    events = {7: {"name": event_name, "date": dt.date(2026, 3, 12), "kind": "meetup"}}
    expected = build_record(
        1,
        name=contact["name"],
        company=company,
        role=contact["role"],
        email=contact["email"],
        phone=contact["phone"],
        linkedin_url=contact["linkedin_url"],
        notes=contact["notes"],
        tags=contact["tags"],
        met_on=contact["met_on"].isoformat() if contact["met_on"] else "",
        where_met=where_met,
        talked_about=talked_about,
        keep_in_touch_days=str(contact["keep_in_touch_days"] or ""),
        event_name=event_name,
        event_date="2026-03-12",
        event_kind="meetup",
    )
    got = card_record(1, contact_card(contact, events))
    assert got == expected
