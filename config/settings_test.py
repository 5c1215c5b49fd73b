"""Test settings: the base settings with a fast hasher and in-memory mail.

The database is whatever DATABASE_URL says, so the same suite runs on SQLite and PostgreSQL.
"""

import tempfile
from pathlib import Path

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="quantri-test-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The suite and its browser tests (live_server) talk plain http, as `make run` does.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
# WhiteNoise finds static files in the apps, as with DEBUG on: no collectstatic before tests.
WHITENOISE_AUTOREFRESH = WHITENOISE_USE_FINDERS = True
# The login throttle needs a request in authenticate(), which client.login() does not pass;
# the tests of the throttle switch it on with override_settings(AXES_ENABLED=True).
AXES_ENABLED = False
# Each test changes reference data inside a transaction that is rolled back without a signal:
# read it afresh every time (quantri/core/tests/test_refdata.py tests the keeping itself).
QUANTRI_REFERENCE_SECONDS = 0
# Tests travel in time (time_machine) between signing in and the next request, which would end
# a 30-minute idle session (QUANTRI_SESSION_IDLE_MINUTES) or move its expiry into the past; the
# tests of that limit (quantri/accounts/tests/test_sessions.py) set both back.
SESSION_COOKIE_AGE = 14 * 24 * 3600
SESSION_SAVE_EVERY_REQUEST = False
