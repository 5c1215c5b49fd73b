from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "quantri.plans"
    verbose_name = _("Plans and tasks")

    def ready(self) -> None:
        from quantri.core.nav import NavItem, register
        from quantri.orgs import successions
        from quantri.plans.editing.succession import tasks_hand_over

        successions.register(tasks_hand_over)

        register(
            NavItem(_("Plans"), "plans:plan_list", order=10, group="plans"),
            NavItem(_("My unit's tasks"), "plans:my_tasks", order=20, group="plans"),
            NavItem(
                _("Due soon / overdue"),
                "plans:due_tasks",
                order=30,
                audience=lambda request, access: access.manages_any_agency(),
                group="plans",
            ),
        )
