from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _reads_oversight(request, access) -> bool:
    """The office, leaders, the inspector and the oversight board; a unit meets its findings'
    remedies among its tasks instead."""
    return access.is_superuser or bool(access.inspection_reader_agency_ids())


class OversightConfig(AppConfig):
    name = "quantri.oversight"
    verbose_name = _("Inspections and checks")

    def ready(self) -> None:
        from quantri.core.nav import NavItem, register
        from quantri.oversight.figures import report_lines
        from quantri.reports import contributions

        register(
            NavItem(
                _("Inspections and checks"),
                "oversight:index",
                order=45,
                audience=_reads_oversight,
                group="plans",
            )
        )
        # PAPI dimension 4: control of corruption in the public sector.
        contributions.register(4, report_lines)
