"""The WSGI entry point for `mingel serve` and for hosted mode (waitress, gunicorn)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mingel.settings")
application = get_wsgi_application()
