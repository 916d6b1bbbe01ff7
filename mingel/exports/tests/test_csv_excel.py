"""The CSV for Excel in Swedish (semicolons, BOM, CRLF) beside the plain one (commas), on
the page, in the CLI and in the API; formulas are neutralised in both."""

import csv
import io

import pytest
from django.utils import translation
from typer.testing import CliRunner

from mingel.cli import app
from mingel.contacts.services import contact_create

pytestmark = pytest.mark.django_db

BOM = b"\xef\xbb\xbf"


@pytest.fixture
def tricky(alice):
    return contact_create(
        owner=alice,
        name="Åsa Öberg, PhD",
        company="Fika; Kod AB",
        notes='=HYPERLINK("http://evil.example","klicka")\nrad två; med semikolon, och komma',
        tags=["kth, stockholm", "mentor"],
    )


def streamed(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def rows(data: bytes, delimiter: str) -> list[list[str]]:
    assert data.startswith(BOM)
    text = data.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[-1] == "" and "\n" not in lines[0], "each row ends with CRLF"
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def check(table: list[list[str]]) -> None:
    header, row = table
    assert header[:2] == ["Name", "Company"]
    cells = dict(zip(header, row, strict=True))
    assert cells["Name"] == "Åsa Öberg, PhD"
    assert cells["Company"] == "Fika; Kod AB"
    assert cells["Notes"].startswith("'=HYPERLINK(")
    assert cells["Tags"] == "kth, stockholm; mentor"


def test_the_excel_file_separates_by_semicolons(tricky, alice_client):
    response = alice_client.get("/data/export/contacts-excel.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "mingel-contacts-excel-" in response["Content-Disposition"]
    data = streamed(response)
    assert data.decode("utf-8-sig").split("\r\n")[0].startswith("Name;Company;Role;")
    check(rows(data, ";"))


def test_the_plain_file_still_separates_by_commas(tricky, alice_client):
    data = streamed(alice_client.get("/data/export/contacts.csv"))
    assert data.decode("utf-8-sig").split("\r\n")[0].startswith("Name,Company,Role,")
    check(rows(data, ","))


def test_the_page_says_which_file_is_which_in_both_languages(alice, alice_client):
    html = alice_client.get("/data/").text
    assert 'href="/data/export/contacts-excel.csv"' in html
    assert "Contacts for Excel (semicolons)" in html
    assert "for Excel set to Swedish" in html
    assert "Contacts as CSV (commas)" in html
    alice.language = "sv"
    alice.save()
    html = alice_client.get("/data/").text
    assert "Kontakter för Excel (semikolon)" in html
    assert "Kontakter som CSV (kommatecken)" in html


def test_the_cli_writes_the_excel_file_with_excel(tricky):
    with translation.override("en"):  # the header is in the active language
        out = CliRunner().invoke(app, ["export", "csv", "--excel", "--user", "alice@example.com"])
    assert out.exit_code == 0, out.output
    check(rows(out.stdout_bytes, ";"))
    wrong = CliRunner().invoke(app, ["export", "vcard", "--excel", "--user", "alice@example.com"])
    assert wrong.exit_code == 1
    assert "--excel is for csv only" in wrong.output


def test_the_api_gives_the_excel_file_on_request(tricky, alice_api):
    def get(path):
        return streamed(alice_api.client.get("/api/v1" + path, headers=alice_api.headers))

    check(rows(get("/export/csv?excel=true"), ";"))
    check(rows(get("/export/csv"), ","))
