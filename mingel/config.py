"""Settings parsed from the environment by small pure functions, so each can be tested.

Nothing here imports Django: `mingel.settings` calls these with `os.environ`.
"""

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(env: Mapping[str, str], name: str, default: bool = False) -> bool:
    """Reads a yes/no variable; raises ValueError on anything that is neither."""
    raw = env.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(f"{name} must be one of 1/0, true/false, yes/no, on/off, not {raw!r}")


def env_list(env: Mapping[str, str], name: str, default: list[str]) -> list[str]:
    """Reads a comma-separated list, dropping blanks."""
    raw = env.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_choice(env: Mapping[str, str], name: str, choices: tuple[str, ...], default: str) -> str:
    raw = env.get(name, default).strip().lower()
    if raw not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, not {raw!r}")
    return raw


def data_dir(env: Mapping[str, str]) -> Path:
    """The folder that holds the SQLite file and the secret key: MINGEL_DATA_DIR or the
    user's data directory."""
    raw = env.get("MINGEL_DATA_DIR")
    if raw:
        return Path(raw).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("mingel", appauthor=False))


def sqlite_database(path: Path) -> dict[str, Any]:
    """The embedded database: WAL so readers never wait for the writer, IMMEDIATE
    transactions so two writers queue on busy_timeout instead of failing with
    'database is locked' when one upgrades a read lock."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;"
                "PRAGMA cache_size=-20000;"
            ),
        },
    }


def database(env: Mapping[str, str], folder: Path) -> dict[str, Any]:
    """DATABASE_URL when set (PostgreSQL in hosted mode), else the SQLite file in `folder`."""
    url = env.get("DATABASE_URL", "").strip()
    if not url:
        return sqlite_database(folder / "mingel.sqlite3")
    import dj_database_url

    config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        return sqlite_database(Path(config["NAME"]))
    return config


def secret_key(env: Mapping[str, str], folder: Path) -> str:
    """MINGEL_SECRET_KEY, else a key generated once and kept in `folder` (mode 0600).

    Hosted mode with several app processes must share one key: set the variable there."""
    if env.get("MINGEL_SECRET_KEY"):
        return env["MINGEL_SECRET_KEY"]
    path = folder / "secret_key"
    if path.exists():
        return path.read_text().strip()
    folder.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    # O_EXCL: two processes starting at once must not both write a key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key


def mailer(env: Mapping[str, str]) -> dict[str, Any]:
    """SMTP when MINGEL_EMAIL_HOST is set, else mail is printed to the console."""
    if not env.get("MINGEL_EMAIL_HOST"):
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    use_ssl = env_bool(env, "MINGEL_EMAIL_SSL", False)
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env["MINGEL_EMAIL_HOST"],
            "port": int(env.get("MINGEL_EMAIL_PORT", "465" if use_ssl else "587")),
            "username": env.get("MINGEL_EMAIL_USER", ""),
            "password": env.get("MINGEL_EMAIL_PASSWORD", ""),
            "use_ssl": use_ssl,
            "use_tls": not use_ssl and env_bool(env, "MINGEL_EMAIL_TLS", True),
            "timeout": 20,
        },
    }
