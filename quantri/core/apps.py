from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "quantri.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from quantri.core.history import reuse_history_managers

        reuse_history_managers()
