"""The rows of a plan's task tables, written in Python: a plan page may hold 300 tasks, and at
that size the template language's per-variable lookups were most of the page's time. The markup
is the one `plans/_groups.html` documents; keep the two in step."""

from django import template
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from quantri.core.templatetags.quantri import deadline, progress_bar, supporting
from quantri.plans.models import TaskStatus

register = template.Library()


def _labels() -> dict:
    """The column labels, translated and escaped once for the whole table."""
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
    labels = {key: escape(text) for key, text in labels.items()}
    labels["statuses"] = {value: str(label) for value, label in TaskStatus.choices}
    rows = [_row(task, labels, today, link_tasks, selectable, selected) for task in tasks]
    return mark_safe("".join(rows))  # noqa: S308 — every value escaped in _row


def _deadline(task) -> str:
    """The `deadline` filter, with the date written directly (dd/mm/yyyy in every language)."""
    if task.due_on and not task.is_extended and not task.recurrence:
        return task.due_on.strftime("%d/%m/%Y")
    return deadline(task)


def _row(task, labels, today, link_tasks, selectable, selected) -> str:
    # f-strings with escape() on each value: format_html's per-argument checks cost more than
    # the rest of the row at 300 rows. Labels come escaped from task_rows.
    overdue = task.is_overdue(today)
    title = escape(task.title)
    check = ""
    if selectable:
        checked = " checked" if task.pk in selected else ""
        check = (
            f'<td class="select"><input type="checkbox" name="tasks" value="{task.pk}" '
            f'form="bulk-form" id="select-{task.pk}"{checked} '
            f'aria-label="{labels["select"]}: {title}"></td>'
        )
    name = f'<a href="{escape(task.page_url)}">{title}</a>' if link_tasks else title
    # Safe HTML that apps built on plans add through quantri.plans.extensions.
    notes = getattr(task, "lead_notes", "")
    badge = f' <span class="badge badge-overdue">{labels["overdue"]}</span>' if overdue else ""
    status = escape(task.status)
    return (
        f'<tr class="status-{status}{" is-overdue" if overdue else ""}">{check}'
        f'<td data-label="{labels["task"]}">{name}</td>'
        f'<td data-label="{labels["lead"]}">{escape(task.lead_display or "—")}{notes}</td>'
        f'<td data-label="{labels["support"]}">{escape(supporting(task))}</td>'
        f'<td data-label="{labels["deadline"]}">{escape(_deadline(task))}{badge}</td>'
        f'<td data-label="{labels["status"]}"><span class="status status-{status}">'
        f"{escape(labels['statuses'].get(task.status, task.status))}</span></td>"
        f'<td data-label="{labels["progress"]}">{progress_bar(task.progress, task.title)}</td>'
        "</tr>\n"
    )
