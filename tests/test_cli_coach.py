"""`mingel coach` as scripts use it: JSON out, JSON lines in batch, exit codes 0/1/2."""

import json

import pytest
from typer.testing import CliRunner

from mingel.cli import app

runner = CliRunner()


def coach(*args, stdin=""):
    return runner.invoke(app, ["coach", *args], input=stdin)


def test_it_prints_one_json_object():
    res = coach(
        "--kind",
        "thanks",
        "--recipient",
        "Anna Berg",
        "--json",
        stdin="Hej! Här är länken till repot.\n",
    )
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["lang"] == "sv" and data["kind"] == "thanks"
    assert {f["rule"] for f in data["findings"]} == {"no-name", "no-thanks"}


def test_it_reads_a_file_and_honours_lang_and_limit(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Hi Anna, " + "great chat about Rust. " * 10, encoding="utf-8")
    args = ["--kind", "connect", "--lang", "en", "--json", str(path)]
    assert "too-long" in coach(*args).stdout
    assert "too-long" not in coach(*args, "--limit", "300").stdout


def test_it_prints_readable_findings_without_json():
    res = coach("--kind", "connect", stdin="Hi! I'm a cloud guru.")
    assert res.exit_code == 0
    assert "overclaim" in res.stdout and "tip:" in res.stdout


def test_it_gives_the_count_the_limit_and_a_rewrite():
    # 10 + 12 * 20 characters, less the trailing space.
    res = coach("--kind", "connect", "--json", stdin="Hej Anna, " + "kul att prata Rust. " * 12)
    data = json.loads(res.stdout)
    too_long = next(f for f in data["findings"] if f["rule"] == "too-long")
    assert "249 av 200 tecken" in too_long["message"]
    assert too_long["suggestion"].startswith("Stryk ungefär 49 tecken")
    # The catalog's keys stay as they were; the suggestion is one more.
    assert set(too_long) == {"rule", "severity", "message", "tip", "start", "end", "suggestion"}


def test_it_prints_the_suggestion_in_readable_output():
    res = coach("--kind", "thanks", stdin="Hi Anna, thanks for the tips on [topic]!")
    assert "placeholder" in res.stdout
    assert "try: Replace “[topic]” with the real words, or cut it." in res.stdout


def test_it_checks_a_batch_of_json_lines_keeping_ids():
    lines = [
        {"id": 1, "text": "Hi Sam, thanks for the chat!", "kind": "thanks"},
        {"id": "b", "text": "Hej Sam, skicka mig ditt CV.", "kind": "connect", "lang": "sv"},
        {"text": "Hi", "kind": "reconnect", "subject": "Hello", "limit": 50},
    ]
    res = coach("--jsonl", stdin="\n".join(json.dumps(x) for x in lines) + "\n")
    assert res.exit_code == 0
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, "b", None]
    assert out[0]["findings"] == []
    assert [f["rule"] for f in out[1]["findings"]] == ["demand"]
    assert "silence-not-in-subject" in [f["rule"] for f in out[2]["findings"]]


def test_it_rejects_a_bad_batch_line_with_its_number_and_prints_nothing():
    stdin = '{"text": "Hi", "kind": "thanks"}\n{"text": "Hi", "kind": "invite"}\n'
    res = coach("--jsonl", stdin=stdin)
    assert res.exit_code == 1
    assert res.stdout == ""
    assert res.stderr.startswith("mingel: line 2:")


def test_it_rejects_an_empty_message():
    res = coach("--kind", "thanks", stdin="  \n")
    assert res.exit_code == 1
    assert res.stderr == "mingel: the message is empty\n"


def test_it_treats_a_missing_kind_or_file_as_usage_errors():
    assert coach(stdin="Hi").exit_code == 2
    assert coach("--kind", "invite", stdin="Hi").exit_code == 2
    assert coach("--kind", "thanks", "/no/such/file").exit_code == 2


def test_it_runs_without_importing_django():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from mingel.cli import app\n"
        "res = CliRunner().invoke(app, ['coach', '--kind', 'thanks', '--json'], input='Hi!')\n"
        "assert res.exit_code == 0, res.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'ninja')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


SCENARIO = {
    "me": {"name": "Lina Ek", "update": "I started as a developer at Klarna"},
    "contact": {"name": "Anna Berg", "company": "Spotify"},
    "context": "testing in production",
    "since": "2021",
}


def draft(*args, stdin=""):
    return runner.invoke(app, ["draft", *args], input=stdin)


def test_it_drafts_and_coaches_a_scenario_file(tmp_path):
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(SCENARIO), encoding="utf-8")
    res = draft("--kind", "reconnect", "--lang", "en", "--json", str(path))
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert set(data) == {"lang", "kind", "subject", "body", "coach"}
    assert data["lang"] == "en" and data["subject"]
    assert "testing in production" in data["body"]
    assert data["coach"]["findings"] == [] and data["coach"]["score"] == 100


def test_it_drafts_in_swedish_and_prints_text_without_json():
    # A Swedish topic: an English one would leave a placeholder in a Swedish message.
    scenario = {**SCENARIO, "context": "testning i produktion"}
    res = draft("--kind", "thanks", "--lang", "sv", "--variant", "2", stdin=json.dumps(scenario))
    assert res.exit_code == 0
    assert res.stdout.startswith("Subject: Tack, Anna!")
    assert "score 100/100" in res.stdout


def test_it_rejects_a_scenario_without_a_contact_name():
    res = draft("--kind", "connect", "--json", stdin='{"contact": {"company": "Spotify"}}')
    assert res.exit_code == 1
    assert res.stderr == "mingel: the scenario needs contact.name\n"
    assert draft("--kind", "connect", stdin="{").exit_code == 1


def test_it_needs_a_kind_to_draft():
    assert draft("--json", stdin=json.dumps(SCENARIO)).exit_code == 2


# The console script hands `coach` and `draft` to mingel.textcli (argparse, no typer) for
# a fast start; these tests run the installed script itself, as scripts call it.


def script(*args, stdin=""):
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).parent / "mingel"
    return subprocess.run([str(exe), *args], input=stdin, capture_output=True, text=True)


def test_the_console_script_checks_a_batch_like_check_does():
    from mingel.core.coach import check

    lines = [
        {"id": 7, "text": "Hej Sam! Tack för snacket om Rust.", "kind": "thanks"},
        {"id": 8, "text": "Hi, let me add you to my network.", "kind": "connect", "limit": 20},
    ]
    res = script("coach", "--jsonl", "-", stdin="".join(json.dumps(x) + "\n" for x in lines))
    assert res.returncode == 0, res.stderr
    out = [json.loads(line) for line in res.stdout.splitlines()]
    for line, got in zip(lines, out, strict=True):
        want = check(line["text"], kind=line["kind"], limit=line.get("limit")).to_dict()
        assert got == {**want, "id": line["id"]}


def test_the_console_script_and_the_typer_command_say_the_same():
    args = ["--kind", "connect", "--recipient", "Anna Berg", "--context", "Rust"]
    text = "Hi! I'm a Rust ninja, send me your CV.\n"
    fast = script("coach", *args, stdin=text)
    slow = coach(*args, stdin=text)
    assert fast.returncode == slow.exit_code == 0
    assert fast.stdout == slow.stdout and "overclaim" in fast.stdout
    fast = script("coach", *args, "--json", stdin=text)
    assert json.loads(fast.stdout) == json.loads(coach(*args, "--json", stdin=text).stdout)


@pytest.mark.parametrize(
    ("args", "stdin", "code", "error"),
    [
        (["coach"], "Hi", 2, "--kind is required"),
        (["coach", "--kind", "invite"], "Hi", 2, "invalid choice: 'invite'"),
        (["coach", "--kind", "connect", "--limit", "0"], "Hi", 2, "0 is below 1"),
        (["coach", "--kind", "connect", "--limit", "many"], "Hi", 2, "not a whole number"),
        (["coach", "--kind", "connect", "/no/such/file"], "", 2, "no such file"),
        (["coach", "--kind", "connect", "--bogus"], "Hi", 2, "unrecognized arguments"),
        (["coach", "--kind", "thanks"], "  \n", 1, "the message is empty"),
        (["coach", "--jsonl"], '{"text": 1, "kind": "thanks"}\n', 1, "line 1:"),
        (["draft", "--json"], "{}", 2, "--kind"),
        (["draft", "--kind", "connect"], "{", 1, "not valid JSON"),
        (["draft", "--kind", "connect", "--variant", "-1"], "{}", 2, "-1 is below 0"),
    ],
)
def test_the_console_script_fails_with_one_line_and_the_contract_exit_code(
    args, stdin, code, error
):
    res = script(*args, stdin=stdin)
    assert res.returncode == code
    assert res.stdout == ""
    assert res.stderr.startswith("mingel: ") and res.stderr.count("\n") == 1
    assert error in res.stderr


def test_the_console_script_drafts_and_still_runs_the_other_commands():
    res = script("draft", "--kind", "thanks", "--lang", "en", "--json", stdin=json.dumps(SCENARIO))
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["coach"]["findings"] == []
    assert script("--version").stdout == "mingel 0.1.0\n"
    assert script("coach", "--help").returncode == 0


def test_the_console_script_imports_neither_typer_nor_django():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from mingel.textcli import console\n"
        "sys.argv = ['mingel', 'coach', '--kind', 'thanks', '--json']\n"
        "try:\n    console()\nexcept SystemExit as exc:\n    assert exc.code == 0\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'django', 'ninja', 'typer'}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], input="Hi!", capture_output=True, text=True, check=True
    )
    assert out.stdout.strip().splitlines()[-1] == "[]"
