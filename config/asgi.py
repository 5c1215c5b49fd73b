import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup(set_prefix=False)

# Imported after setup: it reads the settings. Django's own handler, except that a request
# body is read no further than one byte past the upload limit.
from quantri.core.asgi import BodyLimitASGIHandler  # noqa: E402

application = BodyLimitASGIHandler()
