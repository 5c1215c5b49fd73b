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
# The login throttle needs a request in authenticate(), which client.login() does not pass;
# the tests of the throttle switch it on with override_settings(AXES_ENABLED=True).
AXES_ENABLED = False
