from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "quantri.procedures"
    verbose_name = _("Administrative procedures")

    def ready(self) -> None:
        from quantri.core.nav import NavItem, register

        register(
            NavItem(
                _("Procedures"), "procedures:search", order=60, audience="public", group="public"
            ),
            NavItem(
                _("Procedure catalogue"),
                "procedures:manage",
                order=62,
                audience=lambda request, access: access.manages_catalogue(),
                group="public",
            ),
        )
