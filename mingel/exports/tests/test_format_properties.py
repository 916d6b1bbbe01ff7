"""Property tests: whatever text a contact holds, the vCard reads back to the same values
with vobject, and the CSV reads back to the same cells (formulas neutralised); and any
contact the contact form takes comes back whole through Mingel's own importer, from the
vCard and from both CSV dialects, in English and Swedish."""

import csv
import datetime as dt
import io
import tempfile
from pathlib import Path

import pytest
import vobject
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mingel.contacts.forms import ContactForm
from mingel.core.contact_fields import LIMITS, TAG_LIMIT, TEXT_FIELDS, clean_tag_names
from mingel.core.importers import csvfile
from mingel.core.importers.clean import multi_line, one_line
from mingel.core.importers.model import (
    DATE_RANGE,
    INTERVAL_RANGE,
    EventRef,
    Record,
)
from mingel.core.importers.vcard import card_record
from mingel.exports.csvfile import COLUMNS, FORMULA_STARTS, contacts_csv, neutralise
from mingel.exports.vcard import contact_card

# What a form can store: any text without NUL or other C0 controls except tab and line
# breaks (a browser sends \r\n, the model keeps it); the characters formats treat
# specially come often.
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(
            blacklist_categories=("Cs",),
            blacklist_characters="".join(chr(c) for c in range(32) if chr(c) not in "\t\n"),
        ),
        st.sampled_from("=+-@';,:*\\\"\t\n\u2028\x85"),
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
        "met_on": draw(st.none() | st.dates(*DATE_RANGE)),
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


# A contact as the contact form accepts it: any text (the form keeps what was typed, in
# the form the importer stores it: one line for the short fields, NFC), any date in the
# range Mingel stores, tags as the form splits them (at commas).
FORM_LINE = TEXT.map(one_line)
FORM_TEXT = TEXT.map(multi_line)
# A tag holding "; " would come back from a CSV as two: the one separator the export has.
TAG = (
    FORM_LINE.map(lambda t: t.replace(",", " ").replace("; ", ";")[:TAG_LIMIT].strip())
    .map(one_line)
    .filter(bool)
)
DAY = st.dates(*DATE_RANGE)


@st.composite
def form_contacts(draw):
    """(the contact dict an export reads, its event or None), for a contact the form took."""
    data = {
        "name": draw(FORM_LINE.map(lambda t: t[: LIMITS["name"]].strip()).filter(bool)),
        "company": draw(FORM_LINE.map(lambda t: t[:200].strip())),
        "role": draw(FORM_LINE.map(lambda t: t[:200].strip())),
        "email": draw(st.sampled_from(["", "anna@example.com", "x.y+z@example.se"])),
        "phone": draw(FORM_LINE.map(lambda t: t[:50].strip())),
        "linkedin_url": draw(st.sampled_from(["", "https://www.linkedin.com/in/åsa-ö"])),
        "met_on": draw(st.none() | DAY),
        "where_met": draw(FORM_LINE.map(lambda t: t[:200].strip())),
        "talked_about": draw(FORM_TEXT),
        "notes": draw(FORM_TEXT),
        "keep_in_touch_days": draw(st.none() | st.integers(*INTERVAL_RANGE)),
        "tags": ", ".join(draw(st.lists(TAG, max_size=4, unique_by=str.casefold))),
    }
    form = ContactForm(data={k: "" if v is None else str(v) for k, v in data.items()})
    assert form.is_valid(), form.errors
    contact = form.service_fields()
    contact["tags"] = clean_tag_names(contact["tags"])[0]  # as the services store them
    event = None
    if draw(st.booleans()):
        name = draw(FORM_LINE.map(lambda t: t[:200].strip()).filter(bool))
        event = {"name": name, "date": draw(DAY), "kind": "meetup"}
    contact.update(
        id=draw(st.integers(1, 10**9)),
        event_id=7 if event else None,
        last_interaction_on=None,
        updated_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    return contact, event


def assert_same_person(got, contact, event, *, csv=False):
    """The record holds exactly what the contact held: not a row error, nothing lost."""
    assert isinstance(got, Record), got
    expected = {field: contact[field] for field in TEXT_FIELDS}
    if csv and event and not contact["met_on"]:
        # A CSV names the event only: it is the one of that name on the day you met. With
        # no such day, the name says where you met (or joins the notes), so it stays.
        if expected["where_met"]:
            expected["notes"] = "\n\n".join(filter(None, [expected["notes"], event["name"]]))
        else:
            expected["where_met"] = event["name"]
    assert {field: getattr(got, field) for field in TEXT_FIELDS} == expected
    assert got.met_on == contact["met_on"]
    assert got.keep_in_touch_days == contact["keep_in_touch_days"]
    assert list(got.tags) == contact["tags"]
    if event is None or (csv and not contact["met_on"]):
        assert got.event is None
    elif csv:
        assert (got.event.name, got.event.date) == (event["name"], contact["met_on"])
    else:
        assert got.event == EventRef(event["name"], event["date"], event["kind"])


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(form_contacts())
def test_any_contact_the_form_takes_comes_back_whole_from_its_vcard(drawn):
    contact, event = drawn
    got = card_record(1, contact_card(contact, {7: event} if event else {}))
    assert_same_person(got, contact, event)


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    drawn=form_contacts(),
    dialect=st.sampled_from(["plain", "excel"]),
    language=st.sampled_from(["en", "sv"]),
)
def test_any_contact_the_form_takes_comes_back_whole_from_its_csv(drawn, dialect, language):
    contact, event = drawn
    events = {7: event["name"]} if event else {}
    with translation.override(language):
        text = "".join(contacts_csv([dict(contact)], events, dialect))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "contacts.csv"
        path.write_bytes(text.encode("utf-8"))
        lay = csvfile.layout(path)
        assert csvfile.is_mingel_export(lay.headers)
        (got,) = csvfile.parse(path, lay, csvfile.guess_mapping(lay.headers))
    assert_same_person(got, contact, event, csv=True)
