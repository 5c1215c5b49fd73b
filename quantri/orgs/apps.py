from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "quantri.orgs"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from quantri.core.nav import NavItem, register
        from quantri.orgs.services.rules import administers, reads_org_history

        register(
            NavItem(
                _("Organisation"),
                "orgs:tree",
                order=95,
                audience=lambda request, access: administers(access),
            ),
            NavItem(
                _("Organisation history"),
                "orgs:history",
                order=96,
                audience=lambda request, access: (
                    not administers(access) and reads_org_history(access)
                ),
            ),
        )
