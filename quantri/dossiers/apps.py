from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossiersConfig(AppConfig):
    name = "quantri.dossiers"
    verbose_name = _("One-stop dossiers")

    def ready(self) -> None:
        from quantri.core.nav import NavItem, register
        from quantri.dossiers.plan_pages import annotate_plan_tasks
        from quantri.plans.extensions import register_task_annotator

        register(
            NavItem(
                _("One-stop dossiers"),
                "dossiers:dashboard",
                order=65,
                audience=lambda request, access: access.manages_any_agency(),
                group="onestop",
            ),
        )
        register_task_annotator(annotate_plan_tasks)
