"""`mingel import`: JSON summary out, exit 1 and nothing imported for an unreadable file,
2 for usage errors."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mingel.cli import app
from mingel.contacts.models import Contact

FIXTURES = Path(__file__).resolve().parent.parent / "mingel/core/importers/tests/fixtures"
pytestmark = pytest.mark.django_db
runner = CliRunner()


def mingel_import(*args):
    return runner.invoke(app, ["import", *map(str, args)])


def test_it_imports_and_prints_a_json_summary(alice):
    res = mingel_import("linkedin", FIXTURES / "Connections.csv", "--user", alice.email, "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert set(data) == {"created", "updated", "skipped", "errors", "warnings"}
    assert (data["created"], data["updated"], data["skipped"]) == (7, 0, 0)
    assert [e["line"] for e in data["errors"]] == [9]
    assert data["errors"][0]["reason"] == "the row has no name"
    # Lisa Holm's "31 Feb 2024" is no date: she is imported, the text is in her notes.
    assert data["warnings"] == [
        {
            "line": 12,
            "reason": "the date you connected on LinkedIn “31 Feb 2024” is not a date "
            "Mingel can read; it was put in the notes",
        }
    ]
    assert Contact.objects.filter(owner=alice).count() == 7

    again = json.loads(
        mingel_import(
            "linkedin", FIXTURES / "Connections.csv", "--user", alice.email, "--json"
        ).stdout
    )
    assert (again["created"], again["skipped"]) == (0, 7)


def test_a_dry_run_imports_nothing(alice):
    res = mingel_import("vcard", FIXTURES / "google.vcf", "--user", alice.email, "--dry-run")
    assert res.exit_code == 0
    assert res.stdout.startswith("would create 2, updated 0, skipped 0, errors 0")
    assert not Contact.objects.exists()


def test_a_truncated_vcard_exits_1_and_imports_nothing(alice, tmp_path):
    path = tmp_path / "cut.vcf"
    path.write_text((FIXTURES / "google.vcf").read_text() + "BEGIN:VCARD\nVERSION:3.0\nFN:X\n")
    res = mingel_import("vcard", path, "--user", alice.email, "--json")
    assert res.exit_code == 1
    assert res.stdout == ""
    assert "has no END:VCARD" in res.stderr and "nothing imported" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert not Contact.objects.exists()


def test_csv_uses_the_guessed_mapping_and_map_options(alice):
    path = FIXTURES / "kontakter_excel_sv.csv"
    res = mingel_import("csv", path, "--user", alice.email, "--map", "role=Anteckningar", "--json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["created"] == 3  # "Ingen AB" alone is named after it
    karin = Contact.objects.get(name="Karin Månsson")
    assert karin.role == "Träffades på Fikameetup"


@pytest.mark.parametrize(
    "args, code, message",
    [
        pytest.param(["--map", "nickname=Namn"], 2, "--map wants FIELD=HEADER", id="bad-field"),
        pytest.param(["--map", "name=Nope"], 2, "no column 'Nope'", id="bad-header"),
    ],
)
def test_bad_map_options_are_usage_errors(alice, args, code, message):
    res = mingel_import("csv", FIXTURES / "kontakter_excel_sv.csv", "--user", alice.email, *args)
    assert res.exit_code == code and message in res.stderr


def test_a_csv_without_a_name_column_exits_1(alice, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Colour,Size\nred,4\n")
    res = mingel_import("csv", path, "--user", alice.email)
    assert res.exit_code == 1 and "choose a column for the name" in res.stderr


def test_unknown_user_and_missing_file(alice, tmp_path):
    res = mingel_import("vcard", FIXTURES / "google.vcf", "--user", "nobody@example.com")
    assert res.exit_code == 1 and "no user with email" in res.stderr
    res = mingel_import("vcard", tmp_path / "missing.vcf", "--user", alice.email)
    assert res.exit_code == 2 and "no such file" in res.stderr


def test_warnings_go_to_stderr_one_line_each_and_the_exit_code_stays_0(alice):
    path = FIXTURES / "Connections_2018_us_dates.csv"
    res = mingel_import("linkedin", path, "--user", alice.email)
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("created 4, updated 0, skipped 0, errors 0")
    assert res.stderr.splitlines() == [
        "line 4: warning: “urn:li:member:48213377” is a LinkedIn member id, not an email "
        "address; it was left out",
        "line 5: warning: the date you connected on LinkedIn “yesterday” is not a date "
        "Mingel can read; it was put in the notes",
    ]
    olle = Contact.objects.get(owner=alice, name="Olle Strand")
    assert olle.notes == "yesterday"
