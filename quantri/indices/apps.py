from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicesConfig(AppConfig):
    name = "quantri.indices"
    verbose_name = _("Indices")

    def ready(self) -> None:
        from quantri.core.nav import NavItem, register
        from quantri.indices.plan_pages import gap_link
        from quantri.plans.extensions import register_plan_link

        # PAPI scores are published data: the ranking and profiles are public pages.
        register(
            NavItem(_("PAPI"), "indices:ranking", order=50, audience="public", group="indices")
        )
        register_plan_link(gap_link)
