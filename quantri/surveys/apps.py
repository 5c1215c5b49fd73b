from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _reads_surveys(request, access) -> bool:
    """Members of an agency (its staff, leaders, oversight) see their department's surveys;
    citizens answer through a service point's link and need no menu entry."""
    return access.is_superuser or bool(access.memberships)


class SurveysConfig(AppConfig):
    name = "quantri.surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        from quantri.core.nav import NavItem, register

        register(
            NavItem(
                _("Surveys"),
                "surveys:survey_list",
                order=65,
                audience=_reads_surveys,
                group="indices",
            )
        )
