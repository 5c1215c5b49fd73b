from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _manages_desk_staff(request, access) -> bool:
    return access.manages_desk_staff()


def _works_desk_only(request, access) -> bool:
    """Officers at the desk who do not manage it: the managers have the office's page."""
    return bool(access.desk_agency_ids) and not access.manages_desk_staff()


class DeskStaffConfig(AppConfig):
    name = "quantri.deskstaff"
    verbose_name = _("One-stop desk staff")

    def ready(self) -> None:
        from quantri.core.nav import NavItem, register

        register(
            NavItem(
                _("One-stop desk staff"),
                "deskstaff:index",
                order=76,
                audience=_manages_desk_staff,
                group="onestop",
            ),
            NavItem(
                _("My desk work"),
                "deskstaff:mine",
                order=77,
                audience=_works_desk_only,
                group="onestop",
            ),
        )
