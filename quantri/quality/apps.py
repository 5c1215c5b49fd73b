from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _uses_quality(request, access) -> bool:
    return access.uses_quality()


def _dimension5(*, agency, start, end) -> list:
    from quantri.quality.report_lines import dimension5_lines
    from quantri.reports.contributions import Line

    lines = dimension5_lines(agency=agency, start=start, end=end)
    return [Line(str(label), str(value), str(note)) for label, value, note in lines]


class QualityConfig(AppConfig):
    name = "quantri.quality"
    verbose_name = _("Quality management (ISO 9001)")

    def ready(self) -> None:
        from quantri.core.nav import NavItem, register
        from quantri.procedures.hooks import on_legal_basis_change
        from quantri.quality.services import flag_for_legal_change
        from quantri.reports import contributions

        on_legal_basis_change(flag_for_legal_change)
        # PAPI dimension 5 (administrative procedures): the quality system's figures in the
        # consolidated report (quantri.reports.contributions).
        contributions.register(5, _dimension5)
        register(
            NavItem(
                _("ISO system"), "quality:home", order=66, audience=_uses_quality, group="public"
            )
        )
