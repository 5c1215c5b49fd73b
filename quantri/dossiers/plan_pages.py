"""The one-stop figures the dossiers app shows beside a plan's PAPI 5 and 6 tasks, registered
with quantri.plans.extensions (plans does not import dossiers)."""

from django.template.loader import get_template
from django.utils.safestring import mark_safe

from quantri.dossiers.service_figures import attach_to_tasks


def annotate_plan_tasks(tasks: list, *, plan, access) -> None:
    """Adds the lead unit's figures to each task's `lead_notes`. A unit's figures are the same
    beside each of its tasks: rendered once per unit (a unit may lead dozens of them)."""
    attach_to_tasks(tasks, plan=plan, access=access)
    template, done = get_template("dossiers/_service_figures.html"), {}
    for task in tasks:
        service = task.service_figures
        if service is None:
            continue
        key = (service.unit_id, service.start, service.end, service.url)
        if key not in done:
            done[key] = mark_safe(template.render({"service": service}))  # noqa: S308
        task.lead_notes = mark_safe(task.lead_notes + done[key])  # noqa: S308
