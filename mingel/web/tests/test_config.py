import os
import stat

import pytest

from mingel import config


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("1", True, id="one"),
        pytest.param("Yes", True, id="yes"),
        pytest.param("off", False, id="off"),
        pytest.param("", False, id="empty"),
    ],
)
def test_it_reads_booleans(raw, expected):
    assert config.env_bool({"X": raw}, "X") is expected


def test_it_rejects_a_word_that_is_not_a_boolean():
    with pytest.raises(ValueError, match="X must be one of"):
        config.env_bool({"X": "maybe"}, "X")


def test_it_uses_sqlite_in_the_data_dir_with_wal(tmp_path):
    db = config.database({}, tmp_path)
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert db["NAME"] == str(tmp_path / "mingel.sqlite3")
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_it_switches_to_postgresql_with_database_url(tmp_path):
    db = config.database({"DATABASE_URL": "postgres://u:p@db.internal:5433/mingel"}, tmp_path)
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["PORT"], db["NAME"], db["USER"]) == ("db.internal", 5433, "mingel", "u")


def test_it_generates_a_private_secret_key_once(tmp_path):
    first = config.secret_key({}, tmp_path)
    assert len(first) > 40
    assert stat.S_IMODE(os.stat(tmp_path / "secret_key").st_mode) == 0o600
    assert config.secret_key({}, tmp_path) == first


def test_it_prefers_the_secret_key_from_the_environment(tmp_path):
    assert config.secret_key({"MINGEL_SECRET_KEY": "shared"}, tmp_path) == "shared"
    assert not (tmp_path / "secret_key").exists()


def test_it_uses_the_data_dir_from_the_environment(tmp_path):
    assert config.data_dir({"MINGEL_DATA_DIR": str(tmp_path)}) == tmp_path


def test_it_lists_allowed_hosts():
    assert config.env_list({"H": "a.example, b.example,"}, "H", []) == ["a.example", "b.example"]


def test_it_prints_mail_to_the_console_without_smtp_settings():
    assert config.mailer({})["BACKEND"].endswith("console.EmailBackend")


def test_it_sends_mail_by_smtp_when_a_host_is_set():
    mailer = config.mailer({"MINGEL_EMAIL_HOST": "smtp.example", "MINGEL_EMAIL_USER": "u"})
    assert mailer["BACKEND"].endswith("smtp.EmailBackend")
    assert mailer["OPTIONS"]["host"] == "smtp.example"
    assert mailer["OPTIONS"]["port"] == 587
    assert mailer["OPTIONS"]["use_tls"] is True


LOOPBACK = ["127.0.0.1", "localhost", "[::1]"]
ADDRESSES = ["laptop", "laptop.local", "127.0.0.1", "192.168.1.23", "fe80::1"]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        pytest.param({}, ["127.0.0.1", "localhost", "[::1]"], id="loopback-by-default"),
        pytest.param(
            {"MINGEL_SERVE_HOST": "127.0.0.1"},
            ["127.0.0.1", "localhost", "[::1]"],
            id="serving-loopback",
        ),
        pytest.param(
            {"MINGEL_SERVE_HOST": "0.0.0.0"},
            [*LOOPBACK, "laptop", "laptop.local", "192.168.1.23", "[fe80::1]"],
            id="serving-every-interface",
        ),
        pytest.param(
            {"MINGEL_SERVE_HOST": "::"},
            [*LOOPBACK, "laptop", "laptop.local", "192.168.1.23", "[fe80::1]"],
            id="serving-every-ipv6-interface",
        ),
        pytest.param(
            {"MINGEL_SERVE_HOST": "192.168.1.23"},
            ["127.0.0.1", "localhost", "[::1]", "192.168.1.23"],
            id="serving-one-address",
        ),
        pytest.param(
            {"MINGEL_SERVE_HOST": "0.0.0.0", "DATABASE_URL": "postgres://db/m"},
            ["127.0.0.1", "localhost", "[::1]"],
            id="hosted-mode-needs-the-setting",
        ),
        pytest.param(
            {"MINGEL_SERVE_HOST": "0.0.0.0", "MINGEL_ALLOWED_HOSTS": "mingel.example"},
            ["mingel.example"],
            id="the-setting-wins",
        ),
    ],
)
def test_it_allows_the_hosts_the_server_answers_to(env, expected):
    assert config.allowed_hosts(env, ADDRESSES) == expected


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        pytest.param("192.168.1.23", "192.168.1.23", id="ipv4"),
        pytest.param("fe80::1", "[fe80::1]", id="ipv6-bracketed"),
        pytest.param("[::1]", "[::1]", id="already-bracketed"),
        pytest.param("Laptop.Local", "laptop.local", id="name-lower-case"),
    ],
)
def test_it_writes_addresses_as_host_headers_do(address, expected):
    assert config.host_header_form(address) == expected


def test_it_lists_the_urls_a_phone_can_open():
    urls = config.network_urls([*ADDRESSES, "10.0.0.5", "192.168.1.23", "0.0.0.0"], 8000)
    assert urls == ["http://192.168.1.23:8000/", "http://10.0.0.5:8000/"]


def test_it_finds_this_machines_addresses():
    found = config.machine_addresses()
    assert found  # at least the host name
    assert len(found) == len(set(found))


SERVING_NETWORK = {"MINGEL_SERVE_HOST": "0.0.0.0"}


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        pytest.param({}, "open", id="on-this-machine-open"),
        pytest.param(SERVING_NETWORK, "local", id="on-the-network-only-this-machine"),
        pytest.param({**SERVING_NETWORK, "MINGEL_SIGNUP": "open"}, "open", id="open-when-asked"),
        pytest.param({**SERVING_NETWORK, "MINGEL_SIGNUP": "Closed"}, "closed", id="closed"),
        pytest.param({"MINGEL_SIGNUP": "closed"}, "closed", id="closed-on-this-machine"),
        pytest.param(
            {**SERVING_NETWORK, "DATABASE_URL": "postgres://db/m"}, "open", id="hosted-mode"
        ),
    ],
)
def test_it_reads_who_may_sign_up(env, expected):
    assert config.signup(env) == expected


def test_it_rejects_an_unknown_sign_up_word():
    with pytest.raises(ValueError, match="MINGEL_SIGNUP must be one of open, closed"):
        config.signup({**SERVING_NETWORK, "MINGEL_SIGNUP": "lan"})


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        pytest.param({}, [], id="on-this-machine"),
        pytest.param(SERVING_NETWORK, [config.SIGNUP_LOCAL_NOTE], id="network-default"),
        pytest.param(
            {**SERVING_NETWORK, "MINGEL_SIGNUP": "open"},
            [
                "Anyone on this network can open Mingel and sign up; "
                "set MINGEL_SIGNUP=closed to stop that."
            ],
            id="network-open-warns",
        ),
        pytest.param({**SERVING_NETWORK, "MINGEL_SIGNUP": "closed"}, [], id="network-closed"),
        pytest.param(
            {**SERVING_NETWORK, "MINGEL_SIGNUP": "open", "DATABASE_URL": "postgres://db/m"},
            [],
            id="hosted-mode",
        ),
    ],
)
def test_it_says_who_can_sign_up_when_serving_the_network(env, expected):
    assert config.signup_lines(env) == expected


@pytest.mark.parametrize(
    ("remote", "expected"),
    [
        pytest.param("127.0.0.1", True, id="loopback"),
        pytest.param("::1", True, id="loopback-ipv6"),
        pytest.param("::ffff:127.0.0.1", True, id="loopback-mapped"),
        pytest.param("192.168.1.23", True, id="own-lan-address"),
        pytest.param("::ffff:192.168.1.23", True, id="own-lan-address-mapped"),
        pytest.param("192.168.1.40", False, id="a-phone-on-the-wifi"),
        pytest.param("fe80::2", False, id="another-ipv6"),
        pytest.param("", False, id="missing"),
        pytest.param("laptop", False, id="not-an-address"),
    ],
)
def test_it_tells_requests_from_this_machine(remote, expected):
    assert config.is_own_address(remote, ["laptop", "laptop.local", "192.168.1.23"]) is expected
