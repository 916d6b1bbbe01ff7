"""vCard 4.0 and CSV downloads: they re-parse, carry every field, neutralise formulas,
stream, and take a fixed number of queries however many contacts there are."""

import csv
import io

import pytest
import vobject

from mingel.contacts.services import contact_create
from mingel.exports.csvfile import neutralise
from mingel.testing import ContactFactory, TagFactory

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content)


def test_it_exports_vcard_4_that_vobject_reads_back(rich_alice, alice_client):
    response = alice_client.get("/data/export/contacts.vcf")
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    cards = list(vobject.readComponents(body(response).decode("utf-8")))
    by_name = {c.fn.value: c for c in cards}
    assert sorted(by_name) == ["Bo", "Åsa Öberg-Lind"]
    asa = by_name["Åsa Öberg-Lind"]
    assert asa.version.value == "4.0"
    assert asa.n.value.given == "Åsa" and asa.n.value.family == "Öberg-Lind"
    assert asa.org.value == ["Spotify AB"]
    assert asa.title.value == "Backend developer"
    assert asa.email.value == "asa@example.com"
    assert asa.tel.value == "+46 70 123 45 67"
    assert asa.url.value == "https://www.linkedin.com/in/asa-oberg"
    assert asa.url.params["TYPE"] == ["linkedin"]
    assert asa.note.value == '=HYPERLINK("http://evil")\nLine two, with comma; and semicolon'
    assert asa.categories.value == ["kth, stockholm", "mentor"]
    assert asa.contents["x-mingel-talked-about"][0].value == (
        "Kafka, data pipelines; and migrations"
    )
    assert asa.uid.value.startswith("urn:uuid:")


def test_it_writes_a_vcard_without_the_optional_properties(alice, alice_client):
    contact_create(owner=alice, name="Cher")
    (card,) = vobject.readComponents(body(alice_client.get("/data/export/contacts.vcf")).decode())
    assert card.fn.value == "Cher"
    assert "email" not in card.contents and "org" not in card.contents


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_it_exports_csv_with_bom_header_and_every_contact(rich_alice, alice_client):
    response = alice_client.get("/data/export/contacts.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header, *rows = read_csv(body(response))
    bo, asa = sorted(rows, key=lambda row: row[0] != "Bo")
    assert header[:4] == ["Name", "Company", "Role", "Email"]
    row = dict(zip(header, asa, strict=True))
    assert row["Name"] == "Åsa Öberg-Lind"
    assert row["Tags"] == "kth, stockholm; mentor"
    assert row["Event"] == "Python Stockholm"
    assert row["Last interaction"] == "2026-04-01"
    assert row["Notes"].startswith("'=HYPERLINK")
    assert "\n" in row["Notes"]
    assert dict(zip(header, bo, strict=True))["Name"] == "Bo"


def test_it_translates_the_csv_header(alice, alice_client):
    alice.language = "sv"
    alice.save()
    header = read_csv(body(alice_client.get("/data/export/contacts.csv")))[0]
    assert header[0] == "Namn"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("=1+1", "'=1+1", id="equals"),
        pytest.param("+46 70", "'+46 70", id="plus"),
        pytest.param("-2+3", "'-2+3", id="minus"),
        pytest.param("@SUM(A1)", "'@SUM(A1)", id="at"),
        pytest.param("\t=1", "'\t=1", id="tab"),
        pytest.param("\r=1", "'\r=1", id="carriage-return"),
        pytest.param("Anna", "Anna", id="plain"),
        pytest.param("a=b", "a=b", id="equals-inside"),
        pytest.param("", "", id="empty"),
    ],
)
def test_it_neutralises_formula_cells(value, expected):
    assert neutralise(value) == expected


def test_it_neutralises_every_column_including_tags_and_names(alice, alice_client):
    contact_create(
        owner=alice,
        name="=cmd|' /C calc'!A0",
        company="+Evil",
        role="-role",
        where_met="@home",
        talked_about="\tstuff",
        tags=["=tag"],
    )
    header, row = read_csv(body(alice_client.get("/data/export/contacts.csv")))
    cells = dict(zip(header, row, strict=True))
    for column in ("Name", "Company", "Role", "Where we met", "What we talked about", "Tags"):
        assert cells[column].startswith("'"), column


def test_exports_take_the_same_few_queries_for_3_and_30_contacts(
    alice, alice_client, django_assert_max_num_queries
):
    def make(n):
        tags = [TagFactory(owner=alice) for _ in range(3)]
        for contact in ContactFactory.create_batch(n, owner=alice):
            contact.tags.set(tags)

    make(3)
    counts = {}
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url in (
        "/data/export/contacts.vcf",
        "/data/export/contacts.csv",
        "/data/export/contacts-excel.csv",
        "/data/export/archive.json",
    ):
        with CaptureQueriesContext(connection) as ctx:
            body(alice_client.get(url))
        counts[url] = len(ctx)
    make(27)
    for url, count in counts.items():
        with django_assert_max_num_queries(count):
            body(alice_client.get(url))
    assert max(counts.values()) <= 12


def test_exports_hold_only_the_owners_contacts(alice, bob, alice_client):
    ContactFactory(owner=alice, name="Alice's friend")
    ContactFactory(owner=bob, name="Bob's secret")
    for url in (
        "/data/export/contacts.vcf",
        "/data/export/contacts.csv",
        "/data/export/contacts-excel.csv",
        "/data/export/archive.json",
    ):
        data = body(alice_client.get(url)).decode("utf-8")
        assert "Alice's friend" in data or "Alice\\u0027s" in data
        assert "Bob's secret" not in data


def test_downloads_need_a_login(client):
    response = client.get("/data/export/contacts.csv")
    assert response.status_code == 302 and "/login" in response["Location"]
