from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "quantri.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from quantri.core.calendar import may_edit_calendar
        from quantri.core.history import reuse_history_managers
        from quantri.core.nav import NavItem, register

        reuse_history_managers()
        # Every deadline in working days counts with it: the office checks the year's holidays
        # and enters the announced swaps there once a year.
        register(
            NavItem(
                _("Working calendar"),
                "core:calendar",
                order=97,
                audience=lambda request, access: may_edit_calendar(access),
            )
        )
