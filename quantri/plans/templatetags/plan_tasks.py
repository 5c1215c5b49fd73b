"""The rows of a plan's task tables, written in Python: a plan page may hold 300 tasks, and at
that size the template language's per-variable lookups were most of the page's time. The markup
is the one `plans/_groups.html` documents; keep the two in step."""

from django import template
from django.template.loader import get_template
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from quantri.core.templatetags.quantri import deadline, progress_bar, supporting
from quantri.plans.models import TaskStatus

register = template.Library()


def _labels() -> dict[str, str]:
    return {
        "select": gettext("Select"),
        "task": gettext("Task"),
        "lead": gettext("Lead unit"),
        "support": gettext("Supporting units"),
        "deadline": gettext("Deadline"),
        "status": gettext("Status"),
        "progress": gettext("Progress"),
        "overdue": gettext("Overdue"),
    }


@register.simple_tag
def task_rows(tasks, link_tasks=False, selectable=False, selected=()):
    """`<tr>` for each task: a checkbox for the bulk form when `selectable`, the title linked
    to `task.page_url` when `link_tasks`."""
    labels, today, selected = _labels(), timezone.localdate(), selected or ()
    labels["statuses"] = {value: str(label) for value, label in TaskStatus.choices}
    figures = _FiguresCache(get_template("dossiers/_service_figures.html"))
    rows = [_row(task, labels, today, figures, link_tasks, selectable, selected) for task in tasks]
    return mark_safe("".join(rows))  # noqa: S308 — every part escaped by format_html


class _FiguresCache:
    """A lead unit's one-stop figures are the same beside each of its tasks: render them once
    per unit (a unit may lead dozens of PAPI 5 and 6 tasks)."""

    def __init__(self, template_):
        self.template, self.done = template_, {}

    def html(self, service) -> str:
        key = (service.unit_id, service.start, service.end, service.url)
        if key not in self.done:
            self.done[key] = mark_safe(self.template.render({"service": service}))  # noqa: S308
        return self.done[key]


def _deadline(task) -> str:
    """The `deadline` filter, with the date written directly (dd/mm/yyyy in every language)."""
    return task.due_on.strftime("%d/%m/%Y") if task.due_on else deadline(task)


def _row(task, labels, today, figures, link_tasks, selectable, selected) -> str:
    overdue = task.is_overdue(today)
    title = conditional_escape(task.title)
    check = ""
    if selectable:
        check = format_html(
            '<td class="select"><input type="checkbox" name="tasks" value="{0}" '
            'form="bulk-form" id="select-{0}"{1} aria-label="{2}: {3}"></td>',
            task.pk,
            mark_safe(" checked") if task.pk in selected else "",
            labels["select"],
            title,
        )
    name = format_html('<a href="{}">{}</a>', task.page_url, title) if link_tasks else title
    service = getattr(task, "service_figures", None)
    service_html = figures.html(service) if service else ""
    badge = (
        format_html(' <span class="badge badge-overdue">{}</span>', labels["overdue"])
        if overdue
        else ""
    )
    return format_html(
        '<tr class="status-{status}{overdue_class}">{check}'
        '<td data-label="{l_task}">{name}</td>'
        '<td data-label="{l_lead}">{lead}{service}</td>'
        '<td data-label="{l_support}">{support}</td>'
        '<td data-label="{l_deadline}">{deadline}{badge}</td>'
        '<td data-label="{l_status}">'
        '<span class="status status-{status}">{status_label}</span></td>'
        '<td data-label="{l_progress}">{progress}</td></tr>\n',
        status=task.status,
        overdue_class=" is-overdue" if overdue else "",
        check=check,
        l_task=labels["task"],
        name=name,
        l_lead=labels["lead"],
        lead=task.lead_display or "—",
        service=service_html,
        l_support=labels["support"],
        support=supporting(task),
        l_deadline=labels["deadline"],
        deadline=_deadline(task),
        badge=badge,
        l_status=labels["status"],
        status_label=labels["statuses"].get(task.status, task.status),
        l_progress=labels["progress"],
        progress=progress_bar(task.progress, task.title),
    )
