"""Settings for Quản trị, read from the environment (see README: Configuration)."""

import datetime
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.env import (
    env_bool,
    env_int,
    env_list,
    env_networks,
    env_str,
    env_time,
    local_secret_key,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("QUANTRI_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY") or local_secret_key(VAR_DIR / "secret_key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
CSRF_FAILURE_VIEW = "quantri.core.errors.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles: `runserver` leaves /static/ to WhiteNoise, as production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    # django-ninja's own static files: the API docs page (/api/docs) then loads Swagger UI from
    # this server instead of a public CDN, so it works on closed networks.
    "ninja",
    "quantri.accounts.axes_config.AxesConfig",  # django-axes login throttle ("Throttling" below)
    "quantri.core",
    "quantri.orgs",
    "quantri.accounts",
    "quantri.indices",
    "quantri.plans",
    "quantri.reports",
    "quantri.procedures",
    "quantri.feedback",
    "quantri.reception",
    "quantri.disclosures",
    "quantri.dossiers",
    "quantri.oversight",
    "quantri.deskstaff",
    "quantri.quality",
    "quantri.surveys",
    "quantri.portal",
    "quantri.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Deployment (issue 11): static files, Content-Security-Policy, Permissions-Policy.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "quantri.core.headers.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "quantri.core.middleware.LanguageMiddleware",
    # Early, so a body over the upload limit is refused before anything reads it.
    "quantri.core.middleware.BodySizeLimitMiddleware",
    "quantri.core.middleware.NulCharacterMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "quantri" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database() -> dict:
    url = env_str("DATABASE_URL")
    if not url:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "quantri.sqlite3",
            # Several server workers write at once: WAL lets readers go on while one writes,
            # IMMEDIATE takes the write lock up front instead of failing half-way.
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
    if config.get("ENGINE") not in (
        "django.db.backends.postgresql",
        "django.db.backends.sqlite3",
    ):
        raise ImproperlyConfigured("DATABASE_URL must point to PostgreSQL or SQLite")
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Passwords (issue 14): not like the user's name or e-mail, long enough, not on the list of
# 20,000 common passwords, not only digits. Django's own messages, translated into Vietnamese.
QUANTRI_PASSWORD_MIN_LENGTH = env_int("QUANTRI_PASSWORD_MIN_LENGTH", 10)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": QUANTRI_PASSWORD_MIN_LENGTH},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "plans:plan_list"
LOGOUT_REDIRECT_URL = "portal:home"

# Vietnamese first; English is a switch away (the language form in the page footer).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "quantri" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Dates are written dd/mm/yyyy in Vietnam; the locale formats in quantri/formats say so for
# both languages so an English reader sees the same dates as the documents.
FORMAT_MODULE_PATH = ["quantri.formats"]

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# WhiteNoise serves STATIC_ROOT (filled by collectstatic) from the app server itself: gzip and
# brotli copies and content-hashed names, so a stylesheet can be cached for a year.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))

# The agency named in the header and page titles, by code (quantri/core/site.py); empty: the
# one department the database holds, else the product's name.
QUANTRI_SITE_AGENCY = env_str("QUANTRI_SITE_AGENCY", "")

# The one-stop desk: results fall due at its closing time (quantri.dossiers.timing). An
# afternoon cut-off has no general source: procedures that have one record it with its source.
QUANTRI_DESK_CLOSING = env_time("QUANTRI_DESK_CLOSING", "17:00")

# Uploads: plan documents and evidence files. Larger bodies are refused before they reach a view.
QUANTRI_MAX_UPLOAD_MB = env_int("QUANTRI_MAX_UPLOAD_MB", 20)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Throttling and the client's address (README: Configuration) ---------------------------
# Proxies whose X-Forwarded-For is believed (nginx in front of gunicorn): empty = REMOTE_ADDR.
QUANTRI_TRUSTED_PROXIES = env_networks("QUANTRI_TRUSTED_PROXIES")
# Posts per client and 10 minutes (0 = no limit): citizen feedback and survey answers per
# address, Open311 service requests per API key.
QUANTRI_FEEDBACK_RATE_LIMIT = env_int("QUANTRI_FEEDBACK_RATE_LIMIT", 10)
QUANTRI_SURVEY_RATE_LIMIT = env_int("QUANTRI_SURVEY_RATE_LIMIT", 30)
QUANTRI_OPEN311_RATE_LIMIT = env_int("QUANTRI_OPEN311_RATE_LIMIT", 60)
# How long a server process keeps reference data it reads on every public post (working
# calendar, deadline rules, feedback categories) before reading it again: quantri.core.refdata.
QUANTRI_REFERENCE_SECONDS = env_int("QUANTRI_REFERENCE_SECONDS", 60)
# Login throttle (django-axes), for /login/ and /admin/: after this many wrong passwords for
# one user name from one address, that pair is refused until the cool-off ends or an
# administrator deletes the attempt (admin → Access attempts). By pair, not by address alone,
# so one office behind a shared address is not locked out by one person's typos.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("QUANTRI_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("QUANTRI_LOGIN_COOLOFF_MINUTES", 15))
if AXES_FAILURE_LIMIT < 1 or AXES_COOLOFF_TIME <= datetime.timedelta(0):
    raise ImproperlyConfigured(
        "QUANTRI_LOGIN_FAILURE_LIMIT and QUANTRI_LOGIN_COOLOFF_MINUTES must be positive"
    )
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Only failures are kept (admin → Access attempts): a row for every successful login would
# grow without end and record each official's comings and goings.
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_IP_CALLABLE = "quantri.core.addresses.client_address"
AXES_LOCKOUT_CALLABLE = "quantri.core.logins.lockout_response"
# ---------------------------------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# HTTPS is the default in production (DEBUG=0). QUANTRI_LOCAL_HTTP=1 is for the demo on
# http://127.0.0.1 (`make run`): without it a browser would drop the secure session cookie
# over plain http and sign-in would fail. Behind nginx, gunicorn trusts X-Forwarded-Proto from
# loopback, so request.is_secure() is right without SECURE_PROXY_SSL_HEADER.
_HTTPS = not DEBUG and not env_bool("QUANTRI_LOCAL_HTTP", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", _HTTPS)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 365 * 24 * 3600 if _HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", _HTTPS)

# Content-Security-Policy (django-csp 4): scripts only from our own static files, never inline.
# Styles allow 'unsafe-inline' because the charts are inline SVG written by matplotlib, which
# carry <style> elements and style attributes; images allow data: for the consolidated
# report's chart. The API docs page (Swagger UI, served from our static files) needs nothing more.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# No page needs the camera, microphone, location, payment or USB (quantri/core/headers.py).
QUANTRI_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "quantri@localhost")

# --- Accounts (issue 14; README: Accounts and notifications) --------------------------------
# Sessions live in the database so that deactivating an account can delete its sessions at
# once (quantri/accounts/sessions.py). A session ends after this many idle minutes: each
# request of a signed-in user moves the expiry on (SESSION_SAVE_EVERY_REQUEST).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
QUANTRI_SESSION_IDLE_MINUTES = env_int("QUANTRI_SESSION_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = QUANTRI_SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
# How long a password-reset link and an invitation link stay valid.
PASSWORD_RESET_TIMEOUT = env_int("QUANTRI_PASSWORD_RESET_HOURS", 24) * 3600
QUANTRI_INVITATION_DAYS = env_int("QUANTRI_INVITATION_DAYS", 7)
if min(QUANTRI_SESSION_IDLE_MINUTES, PASSWORD_RESET_TIMEOUT, QUANTRI_INVITATION_DAYS) < 1:
    raise ImproperlyConfigured(
        "QUANTRI_SESSION_IDLE_MINUTES, QUANTRI_PASSWORD_RESET_HOURS and QUANTRI_INVITATION_DAYS"
        " must be positive"
    )
# The site's address, put before links in e-mails sent by commands (invitations, digests).
QUANTRI_BASE_URL = env_str("QUANTRI_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# ---------------------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
