from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _writes_reports(request, access) -> bool:
    return access.is_superuser or bool(access.report_unit_ids())


def _follows_reports(request, access) -> bool:
    return (
        access.is_superuser or bool(access.managed_agency_ids) or bool(access.inspection_agency_ids)
    )


class ReportsConfig(AppConfig):
    name = "quantri.reports"
    verbose_name = _("Periodic reports")

    def ready(self) -> None:
        from quantri.core.nav import NavItem, register

        register(
            NavItem(
                _("My unit's reports"),
                "reports:my_reports",
                order=40,
                audience=_writes_reports,
                group="reports",
            ),
            NavItem(
                _("Periodic reports"),
                "reports:overview",
                order=45,
                audience=_follows_reports,
                group="reports",
            ),
        )
        # The reports' notifications reach the top bar's count (which replaces the menu entry),
        # the notifications page of every app and the digest.
        from quantri.accounts.notifications.sources import ModelSource, register_source
        from quantri.reports.models import Notification

        register_source(ModelSource("reports", Notification))

        from quantri.orgs import successions
        from quantri.reports.services.succession import requests_hand_over

        successions.register(requests_hand_over)
