"""Django settings, read from the environment through `mingel.config`.

MINGEL_DATA_DIR     folder for the SQLite file and the generated secret key
DATABASE_URL        PostgreSQL in hosted mode (postgres://user:pass@host:5432/name)
MINGEL_SECRET_KEY   shared key for several app processes (else generated into the data dir)
MINGEL_SIGNUP       open (default) or closed; unset while `mingel serve --host 0.0.0.0`
                    serves the network in embedded mode, only this machine may sign up
MINGEL_ALLOWED_HOSTS, MINGEL_CSRF_TRUSTED_ORIGINS   comma-separated
MINGEL_SERVE_HOST   set by `mingel serve --host`: on 0.0.0.0 in embedded mode, the
                    machine's own names and addresses are allowed hosts too
MINGEL_WORKER_IN_PROCESS   whether `mingel serve` runs the task worker itself (default:
                    on in embedded mode, off with DATABASE_URL)
MINGEL_BEHIND_PROXY trust X-Forwarded-Proto/-Host/-For from the proxy in front
MINGEL_SECURE_COOKIES   cookies only over HTTPS; with MINGEL_BEHIND_PROXY also the
                    redirect to HTTPS and HSTS (config.https_only)
MINGEL_DEBUG        off unless asked for
MINGEL_EMAIL_*      SMTP (HOST, PORT, USER, PASSWORD, TLS, SSL, FROM); without HOST mail is printed
"""

import os
from pathlib import Path

from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from mingel import config

ENV = os.environ
BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = config.data_dir(ENV)
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = config.secret_key(ENV, DATA_DIR)
DEBUG = config.env_bool(ENV, "MINGEL_DEBUG", False)
# This machine's names and addresses, when the embedded app serves the network: the
# LAN address it prints is an allowed host, and a request from it is the owner's own.
MACHINE_ADDRESSES = config.machine_addresses() if config.serves_network(ENV) else []
ALLOWED_HOSTS = config.allowed_hosts(ENV, MACHINE_ADDRESSES)
CSRF_TRUSTED_ORIGINS = config.env_list(ENV, "MINGEL_CSRF_TRUSTED_ORIGINS", [])
# "open", "closed", or "local": only from this machine (config.signup).
SIGNUP = config.signup(ENV)
SITE_URL = ENV.get("MINGEL_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks_db",
    "mingel.web",
    "mingel.accounts",
    "mingel.contacts",
    "mingel.events",
    "mingel.compose",
    "mingel.followups",
    "mingel.progress",
    "mingel.search",
    "mingel.exports",
    "mingel.imports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "mingel.accounts.middleware.UserPreferencesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "mingel.urls"
WSGI_APPLICATION = "mingel.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mingel.web.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": config.database(ENV, DATA_DIR)}

# Background work (large imports, the email digest) is queued in the database and run by
# django-tasks-db's worker: inside `mingel serve` in embedded mode, as `mingel worker`
# processes in hosted mode (see mingel/worker.py and docs/operator.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# "1 Dec 2026" and "1 december 2026" instead of "Dec. 1, 2026" and ISO dates in Swedish.
FORMAT_MODULE_PATH = ["mingel.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Stockholm"
LANGUAGE_COOKIE_NAME = "mingel_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# Serve straight from the apps' static folders, so the embedded mode needs no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# WhiteNoise does not know the web manifest's type; browsers want it to install the app.
WHITENOISE_MIMETYPES = {".webmanifest": "application/manifest+json"}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = config.env_bool(ENV, "MINGEL_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
BEHIND_PROXY = config.env_bool(ENV, "MINGEL_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
if config.https_only(ENV):
    SECURE_SSL_REDIRECT = True
    # The load balancer's health check asks over plain HTTP, past the proxy.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = 365 * 24 * 3600

# Only Mingel's own files: no inline script or style, no plugins, no framing, forms post
# only to Mingel. Every script and style is a static file (htmx's inline indicator
# style is switched off in base.html). The nonce is unused: nothing inline needs one.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Failed logins and password-reset mails allowed per account (or email address) and per
# client address within the window; more get 429 before any password is hashed. Counted
# in the database (accounts.Attempt), so several app processes share the count.
THROTTLE = {
    "login": {"per_account": 5, "per_address": 20, "minutes": 15},
    "reset": {"per_account": 3, "per_address": 10, "minutes": 60},
}

DEFAULT_FROM_EMAIL = ENV.get("MINGEL_EMAIL_FROM", "Mingel <mingel@localhost>")
MAILERS = {"default": config.mailer(ENV)}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": ENV.get("MINGEL_LOG_LEVEL", "WARNING")},
    # Django logs every task started and finished at INFO: a line pair every 15 minutes
    # (the digest check) in `mingel serve`'s terminal. A failed task is still an ERROR;
    # `mingel worker` logs each task itself (db_worker sets this logger to INFO).
    "loggers": {"django.tasks": {"level": ENV.get("MINGEL_LOG_LEVEL", "WARNING")}},
}
