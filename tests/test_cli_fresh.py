"""Every command that needs the database works on a fresh MINGEL_DATA_DIR, before
`mingel serve` ever ran: embedded mode migrates first, quietly; hosted mode says in one
line what to run and exits 1. Real processes, as a new user would type them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "mingel/core/importers/tests/fixtures"


def env_for(data_dir: Path, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MINGEL_", "DATABASE_"))}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return {**env, "MINGEL_DATA_DIR": str(data_dir), **extra}


def mingel(*args, env, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mingel", *map(str, args)],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_user_create_on_a_fresh_data_dir_just_works(tmp_path):
    env = env_for(tmp_path / "fresh")
    done = mingel(
        "user",
        "create",
        "--email",
        "new@example.com",
        "--password-stdin",
        env=env,
        stdin="a long enough passphrase\n",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "created user new@example.com"
    assert done.stderr == ""  # quietly: no migration chatter
    assert (tmp_path / "fresh" / "mingel.sqlite3").exists()
    token = mingel("token", "create", "--user", "new@example.com", env=env)
    assert token.returncode == 0, token.stderr
    imported = mingel(
        "import",
        "linkedin",
        FIXTURES / "Connections.csv",
        "--user",
        "new@example.com",
        "--json",
        env=env,
    )
    assert json.loads(imported.stdout)["created"] == 7


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        pytest.param(["digest"], 0, "sent 0 digests", id="digest"),
        pytest.param(["reindex"], 0, "indexed 0 contacts", id="reindex"),
        pytest.param(["token", "create", "--user", "a@example.com"], 1, "no user", id="token"),
        pytest.param(["export", "json", "--user", "a@example.com"], 1, "no user", id="export"),
        pytest.param(
            ["user", "delete", "--email", "a@example.com", "--yes"], 1, "no user", id="user-delete"
        ),
        pytest.param(
            ["import", "linkedin", FIXTURES / "Connections.csv", "--user", "a@example.com"],
            1,
            "no user",
            id="import",
        ),
        pytest.param(
            ["restore", FIXTURES / "Connections.csv", "--user", "a@example.com"],
            1,
            "no user",
            id="restore",
        ),
    ],
)
def test_every_database_command_works_on_a_fresh_data_dir(tmp_path, args, code, says):
    done = mingel(*args, env=env_for(tmp_path / "fresh"))
    assert "Traceback" not in done.stderr
    assert done.returncode == code, done.stderr
    assert says in done.stdout + done.stderr


def test_hosted_mode_says_what_to_run_and_exits_1(tmp_path):
    url = f"sqlite:///{tmp_path / 'hosted.sqlite3'}"
    done = mingel(
        "user",
        "create",
        "--email",
        "a@example.com",
        "--password-stdin",
        env=env_for(tmp_path / "data", DATABASE_URL=url),
        stdin="long passphrase 1\n",
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "mingel: the database is not set up yet: run `mingel serve` once, or "
        "`DJANGO_SETTINGS_MODULE=mingel.settings django-admin migrate`"
    ]
