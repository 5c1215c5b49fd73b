"""django-axes under a Vietnamese name: its own AppConfig leaves the admin section "Axes"."""

from axes.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AxesConfig(AppConfig):
    verbose_name = _("Login attempts")
