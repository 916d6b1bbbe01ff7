"""`mingel draft` on messy notes: the same fragments as the web page, the same JSON."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

MESSY = {
    "me": {"name": "alex moreno", "doing": "Läser datateknik på KTH"},
    "contact": {"name": "Maja Lind"},
    "context": "Pratade om hur hon fick sitt första jobb…",
}


def mingel_draft(*args, scenario=MESSY):
    exe = Path(sys.executable).parent / "mingel"
    return subprocess.run(
        [str(exe), "draft", "--json", *args],
        input=json.dumps(scenario),
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
    )


@pytest.mark.parametrize(
    ("lang", "says", "never"),
    [
        pytest.param("sv", "hur du fick ditt första jobb", "Pratade", id="sv"),
        pytest.param("en", "[what you talked about]", "första", id="en"),
    ],
)
def test_it_drafts_messy_notes_into_clean_messages(lang, says, never):
    res = mingel_draft("--kind", "thanks", "--lang", lang)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert set(data) == {"lang", "kind", "subject", "body", "coach"}
    assert says in data["body"] and never not in data["body"]
    assert "Alex Moreno" in data["body"]
    warnings = {f["rule"] for f in data["coach"]["findings"] if f["severity"] == "warning"}
    assert warnings <= ({"placeholder"} if "[" in data["body"] else set())


def test_it_detects_the_language_from_the_notes_and_keeps_the_placeholder_for_the_update():
    res = mingel_draft("--kind", "reconnect", scenario={**MESSY, "me": {}})
    data = json.loads(res.stdout)
    assert data["lang"] == "sv"
    assert "[en kort uppdatering om vad du gjort sedan sist]" in data["body"]
