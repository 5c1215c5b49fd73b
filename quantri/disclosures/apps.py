from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosuresConfig(AppConfig):
    name = "quantri.disclosures"
    verbose_name = _("Disclosures")

    def ready(self) -> None:
        from quantri.core.nav import NavItem, register

        register(
            NavItem(
                _("Public notices"),
                "disclosures:public_list",
                order=70,
                audience="public",
                group="public",
            ),
            NavItem(_("Internal notices"), "disclosures:internal_list", order=72, group="public"),
            NavItem(
                _("Oversight"),
                "disclosures:oversight",
                order=74,
                audience=lambda request, access: access.oversees_public_side(),
                group="public",
            ),
        )
