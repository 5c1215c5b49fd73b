from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _reads_reception(request, access) -> bool:
    return access.is_superuser or bool(access.office_agency_ids or access.oversight_agency_ids)


class ReceptionConfig(AppConfig):
    name = "quantri.reception"
    verbose_name = _("Citizen reception and dialogues")

    def ready(self) -> None:
        from quantri.core.nav import NavItem, register

        register(
            NavItem(
                _("Reception schedule"),
                "reception:schedule",
                order=63,
                audience="public",
                group="public",
            ),
            NavItem(
                _("Reception and dialogues"),
                "reception:office",
                order=64,
                audience=_reads_reception,
                group="public",
            ),
        )
