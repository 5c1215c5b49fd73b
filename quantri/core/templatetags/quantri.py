"""Small pieces every page uses: progress bars, deadlines, people, the navigation's access."""

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext

from quantri.core.names import display_name
from quantri.orgs.access import Access

register = template.Library()


@register.simple_tag
def progress_bar(value, label=""):
    """A bar with its number beside it: the number is the information, the bar the glance."""
    value = int(value or 0)
    return format_html(
        '<span class="progress"><progress max="100" value="{0}" aria-label="{1}">{0}%</progress>'
        '<span class="progress-value" aria-hidden="true">{0}%</span></span>',
        value,
        label,
    )


@register.filter
def deadline(task) -> str:
    """A date (a recurring task's rolls forward to the running cycle's end, with the
    recurrence beside it), else the recurrence ("every 6 months"), else the words the plan used.
    An extended deadline says so, with the deadline it replaced."""
    if getattr(task, "is_extended", False):
        return extended_deadline(task)
    due = task.current_due() if hasattr(task, "current_due") else task.due_on
    if due and task.recurrence:
        return f"{date_format(due, 'd/m/Y')} ({task.get_recurrence_display()})"
    if due:
        return date_format(due, "d/m/Y")
    if task.recurrence:
        return task.get_recurrence_display()
    return task.due_text or "—"


def extended_deadline(task) -> str:
    return gettext("extended to %(date)s (originally %(original)s)") % {
        "date": task.due_on.strftime("%d/%m/%Y"),
        "original": task.original_due_on.strftime("%d/%m/%Y"),
    }


@register.filter
def person(user) -> str:
    """The person's display name, family name first (quantri.core.names)."""
    return display_name(user)


@register.simple_tag(takes_context=True)
def page_access(context) -> Access:
    return Access.for_request(context["request"])


@register.filter
def supporting(task) -> str:
    """Supporting units: the matched units, then the names no unit matched, as written."""
    # support_names: set by plans.outline for a past plan, the names in the plan's year;
    # support_list: a plan page's tasks come with their units loaded (plans.outline).
    shown = getattr(task, "support_names", None)
    if shown is None:
        units = getattr(task, "support_list", None)
        units = task.support_units.all() if units is None else units
        shown = [str(unit) for unit in units]
    names = list(shown) + list(task.support_text or [])
    return "; ".join(names) or "—"


@register.filter
def name_on(unit, day) -> str:
    """A unit's name as it was on a day: past periods and plans show the name valid then."""
    if unit is None:
        return ""
    return unit.name_on(day) if hasattr(unit, "name_on") else str(unit)


@register.simple_tag(takes_context=True)
def nav_items(context) -> list[tuple[str, str]]:
    """The menu entries the apps registered, filtered for this user (see quantri.core.nav)."""
    from quantri.core.nav import items_for

    request = context["request"]
    return items_for(request, Access.for_request(request))


@register.simple_tag(takes_context=True)
def nav_groups(context):
    """(top-bar links, menu groups) for this user (see quantri.core.nav)."""
    from quantri.core.nav import groups_for

    request = context["request"]
    return groups_for(request, Access.for_request(request))


@register.simple_tag(takes_context=True)
def site_name(context) -> str:
    """The agency whose site this is (quantri.core.site), for the header and page titles."""
    from quantri.core.site import site_name as name_of_site

    return name_of_site(context["request"])
