"""The Content-Security-Policy on every page, and HTTPS only in the secure mode behind a
proxy (issue 12)."""

import json
import os
import subprocess
import sys

import pytest

from mingel import config

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    parts = [part.strip().split(" ", 1) for part in header.split(";") if part.strip()]
    return {name: value for name, value in parts}


def test_pages_carry_a_strict_content_security_policy(alice_client):
    policy = directives(alice_client.get("/contacts/"))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'self'"
    assert policy["form-action"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"


def test_the_login_page_carries_it_too(client):
    assert "'unsafe-inline'" not in client.get("/accounts/login/")["Content-Security-Policy"]
    assert directives(client.get("/accounts/login/"))["script-src"] == "'self'"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, False),
        ({"MINGEL_SECURE_COOKIES": "1"}, False),
        ({"MINGEL_BEHIND_PROXY": "1"}, False),
        ({"MINGEL_SECURE_COOKIES": "1", "MINGEL_BEHIND_PROXY": "1"}, True),
    ],
)
def test_https_only_needs_secure_cookies_and_the_proxy(env, expected):
    assert config.https_only(env) is expected


SHOW_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({name: getattr(settings, name, None) for name in (
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_REDIRECT_EXEMPT",
    "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE")}))
"""


def settings_under(env: dict[str, str], tmp_path) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MINGEL_")}
    clean.pop("DATABASE_URL", None)
    clean.update(env, DJANGO_SETTINGS_MODULE="mingel.settings", MINGEL_DATA_DIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS], env=clean, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_the_secure_mode_behind_a_proxy_redirects_to_https_and_sends_hsts(tmp_path):
    secure = settings_under({"MINGEL_SECURE_COOKIES": "1", "MINGEL_BEHIND_PROXY": "1"}, tmp_path)
    assert secure["SECURE_SSL_REDIRECT"] is True
    assert secure["SECURE_HSTS_SECONDS"] >= 180 * 24 * 3600
    assert secure["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert secure["SESSION_COOKIE_SECURE"] and secure["CSRF_COOKIE_SECURE"]
    assert secure["SECURE_REDIRECT_EXEMPT"] == ["^healthz$"]

    plain = settings_under({}, tmp_path)
    assert plain["SECURE_SSL_REDIRECT"] is False
    assert not plain["SECURE_HSTS_SECONDS"]


@pytest.fixture
def https_only(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    settings.SECURE_HSTS_SECONDS = 365 * 24 * 3600


def test_plain_http_is_redirected_but_the_health_check_is_not(client, https_only):
    response = client.get("/accounts/login/", headers={"x-forwarded-proto": "http"})
    assert response.status_code == 301
    assert response["Location"].startswith("https://")
    assert client.get("/healthz", headers={"x-forwarded-proto": "http"}).status_code == 200


def test_https_answers_with_hsts(client, https_only):
    response = client.get("/accounts/login/", headers={"x-forwarded-proto": "https"})
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
