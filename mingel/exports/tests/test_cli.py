"""`mingel export` and `mingel restore`: output on stdout, one line on stderr and exit 1 for
invalid input, exit 2 for usage errors."""

import csv
import io
import json

import pytest
import vobject
from typer.testing import CliRunner

from mingel.cli import app
from mingel.contacts.models import Contact

pytestmark = pytest.mark.django_db


def run(*args, stdin=None):
    return CliRunner().invoke(app, list(args), input=stdin)


def test_it_exports_each_format_to_stdout(rich_alice):
    vcf = run("export", "vcard", "--user", "ALICE@example.com")
    assert vcf.exit_code == 0, vcf.output
    assert len(list(vobject.readComponents(vcf.stdout))) == 2
    out = run("export", "csv", "--user", "alice@example.com")
    assert out.stdout_bytes.startswith(b"\xef\xbb\xbf")
    assert len(list(csv.reader(io.StringIO(out.stdout_bytes.decode("utf-8-sig"))))) == 3
    archive = json.loads(run("export", "json", "--user", "alice@example.com").stdout)
    assert archive["format"] == "mingel-archive" and len(archive["interactions"]) == 3


def test_it_restores_an_archive_from_a_file_and_from_stdin(rich_alice, bob, charlie, tmp_path):
    path = tmp_path / "archive.json"
    path.write_bytes(run("export", "json", "--user", "alice@example.com").stdout_bytes)
    res = run("restore", str(path), "--user", "charlie@example.com")
    assert res.exit_code == 0, res.output
    assert "restored 3 tags, 1 events, 2 contacts, 3 interactions, 2 drafts" in res.stdout
    assert Contact.objects.filter(owner=charlie).count() == 2
    res = run("restore", "-", "--user", "bob@example.com", stdin=path.read_text())
    assert res.exit_code == 0 and Contact.objects.filter(owner=bob).count() == 2


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        pytest.param(["export", "json", "--user", "nobody@x.se"], 1, "no user", id="no-user"),
        pytest.param(["export", "xml", "--user", "alice@example.com"], 2, "", id="bad-format"),
        pytest.param(["export", "json"], 2, "", id="no-user-option"),
        pytest.param(["restore", "--user", "charlie@example.com"], 2, "", id="no-file"),
        pytest.param(
            ["restore", "/nonexistent.json", "--user", "charlie@example.com"],
            2,
            "no such file",
            id="missing-file",
        ),
        pytest.param(
            ["restore", "BAD", "--user", "charlie@example.com"], 1, "not valid JSON", id="bad-json"
        ),
        pytest.param(
            ["restore", "GOOD", "--user", "alice@example.com"], 1, "empty account", id="not-empty"
        ),
    ],
)
def test_it_exits_non_zero_with_one_line(rich_alice, charlie, tmp_path, args, code, message):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "mingel-archive", "version": 1, "contacts": [')
    good = tmp_path / "good.json"
    good.write_bytes(run("export", "json", "--user", "alice@example.com").stdout_bytes)
    args = [{"BAD": str(bad), "GOOD": str(good)}.get(a, a) for a in args]
    before = Contact.objects.count()
    res = run(*args)
    assert res.exit_code == code
    if message:
        assert res.stderr.startswith("mingel: ") and message in res.stderr
        assert res.stderr.count("\n") == 1
    assert res.stdout == "" or code == 2
    assert Contact.objects.count() == before
