"""Settings parsed from the environment by small pure functions, so each can be tested.

Nothing here imports Django: `mingel.settings` calls these with `os.environ`.
"""

import ipaddress
import os
import secrets
import socket
from collections.abc import Iterable, Mapping
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


def https_only(env: Mapping[str, str]) -> bool:
    """The secure mode behind a proxy (MINGEL_SECURE_COOKIES and MINGEL_BEHIND_PROXY):
    plain HTTP is redirected to HTTPS and browsers are told by HSTS to use HTTPS only.
    Needs the proxy, which tells by X-Forwarded-Proto what the client used; without it
    every request would look like plain HTTP and be redirected for ever."""
    return env_bool(env, "MINGEL_SECURE_COOKIES", False) and env_bool(
        env, "MINGEL_BEHIND_PROXY", False
    )


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "[::]")


def is_embedded(env: Mapping[str, str]) -> bool:
    """The embedded mode: one person's Mingel on their own machine, on SQLite (no
    DATABASE_URL)."""
    return not env.get("DATABASE_URL", "").strip()


def serves_network(env: Mapping[str, str]) -> bool:
    """Whether the embedded app listens on every interface (`mingel serve --host 0.0.0.0`
    sets MINGEL_SERVE_HOST), so other devices on the network, a phone on the same Wi-Fi,
    may open it by this machine's name or address."""
    return is_embedded(env) and env.get("MINGEL_SERVE_HOST", "").strip() in WILDCARD_ADDRESSES


def worker_in_process(env: Mapping[str, str]) -> bool:
    """Whether `mingel serve` runs the background task worker in its own process
    (MINGEL_WORKER_IN_PROCESS). On by default in embedded mode, where one `mingel serve`
    is all there is; off by default in hosted mode, where the operator runs `mingel
    worker` processes beside the app processes. Raises ValueError on a bad value."""
    return env_bool(env, "MINGEL_WORKER_IN_PROCESS", is_embedded(env))


SIGNUP_WARNING = (
    "Anyone on this network can open Mingel and sign up; set MINGEL_SIGNUP=closed to stop that."
)
SIGNUP_LOCAL_NOTE = (
    "Sign-up works only on this machine; other devices can log in "
    "(set MINGEL_SIGNUP=open to let them sign up too)."
)


def signup(env: Mapping[str, str]) -> str:
    """Who may create an account: "open" (anyone who reaches Mingel), "closed" (nobody:
    accounts come from `mingel user create`), or "local" (only requests from this machine
    itself, see is_own_address). MINGEL_SIGNUP when set (open or closed; raises
    ValueError on anything else). Unset: "local" when the embedded app serves the network
    (serves_network), since over plain HTTP on a café's Wi-Fi anyone nearby would
    otherwise get an account on the owner's laptop; "open" otherwise."""
    if env.get("MINGEL_SIGNUP") is not None:
        return env_choice(env, "MINGEL_SIGNUP", ("open", "closed"), "open")
    return "local" if serves_network(env) else "open"


def signup_lines(env: Mapping[str, str]) -> list[str]:
    """What `mingel serve` says about sign-up when the embedded app serves the network:
    a warning when anyone there can sign up, a note when only this machine can; nothing
    otherwise (not on the network, or sign-up closed)."""
    if not serves_network(env):
        return []
    line = {"open": SIGNUP_WARNING, "local": SIGNUP_LOCAL_NOTE}.get(signup(env))
    return [line] if line else []


def is_own_address(remote_addr: str, addresses: Iterable[str]) -> bool:
    """Whether a request from `remote_addr` (REMOTE_ADDR) comes from this machine: a
    loopback address, or one of the machine's own `addresses` (machine_addresses; the
    owner may open the LAN address on the laptop itself). False for anything that is not
    an IP address."""
    try:
        ip = ipaddress.ip_address(remote_addr.strip().split("%")[0])
    except ValueError:
        return False
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped  # ::ffff:192.168.1.20 from a dual-stack socket
    if ip.is_loopback:
        return True
    own = set()
    for address in addresses:
        try:
            own.add(ipaddress.ip_address(address.split("%")[0]))
        except ValueError:
            continue  # a host name
    return ip in own


def host_header_form(address: str) -> str:
    """An address as it appears in a Host header: IPv6 in brackets, names in lower case."""
    address = address.strip().lower()
    if address.startswith("["):
        return address
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    return f"[{ip}]" if ip.version == 6 else str(ip)


def allowed_hosts(env: Mapping[str, str], addresses: Iterable[str] = ()) -> list[str]:
    """MINGEL_ALLOWED_HOSTS when set (hosted mode sets its domain there). Otherwise the
    loopback names, plus: the address `mingel serve` binds to when it is a specific one,
    and, when the embedded app serves every interface (serves_network), the machine's own
    `addresses` (host names and IPs, see machine_addresses), so the LAN address it prints
    answers instead of "Bad Request (400)"."""
    if env.get("MINGEL_ALLOWED_HOSTS") is not None:
        return env_list(env, "MINGEL_ALLOWED_HOSTS", [])
    hosts = list(LOOPBACK_HOSTS)
    extra = []
    bind = env.get("MINGEL_SERVE_HOST", "").strip()
    if bind and bind not in WILDCARD_ADDRESSES:
        extra.append(bind)
    if serves_network(env):
        extra.extend(addresses)
    for address in extra:
        form = host_header_form(address)
        if form and form not in hosts:
            hosts.append(form)
    return hosts


def network_urls(addresses: Iterable[str], port: int) -> list[str]:
    """The URLs to open Mingel from another device: one per IPv4 address of this machine
    that is not loopback (the kind a phone on the same Wi-Fi reaches), in the order given."""
    urls = []
    for address in addresses:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            continue
        url = f"http://{ip}:{port}/"
        if ip.version == 4 and not ip.is_loopback and not ip.is_unspecified and url not in urls:
            urls.append(url)
    return urls


def machine_addresses() -> list[str]:
    """This machine's host names and IP addresses, as far as it knows them without asking
    the network: its name (and name.local, which phones resolve by multicast DNS), the
    addresses that name resolves to, and the address of the interface that would carry
    traffic out (a UDP "connect" sends no packet). Never raises: an unknown piece is left
    out."""
    found: list[str] = []
    name = socket.gethostname()
    if name:
        found += [name, f"{name}.local"]
    try:
        infos = socket.getaddrinfo(name, None)
    except OSError:
        infos = []
    found += [str(info[4][0]).split("%")[0] for info in infos]
    for family, probe in ((socket.AF_INET, "192.0.2.1"), (socket.AF_INET6, "2001:db8::1")):
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as sock:
                sock.connect((probe, 9))
                found.append(str(sock.getsockname()[0]).split("%")[0])
        except OSError:
            continue
    return list(dict.fromkeys(found))


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
