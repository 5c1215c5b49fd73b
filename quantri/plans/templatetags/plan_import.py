"""The import preview's checks: what to look at first, and each task's flags."""

from django import template

from quantri.plans.import_review import found_labels, review_points, task_anchor, task_flags

register = template.Library()


@register.inclusion_tag("plans/_import_review.html")
def import_review(parsed: dict) -> dict:
    return {"points": review_points(parsed or {})}


@register.inclusion_tag("plans/_import_task_flags.html")
def import_task_flags(task: dict, group: int, number: int) -> dict:
    return {
        "anchor": task_anchor(group, number),
        "flags": task_flags(task),
        "found": found_labels(task),
    }


@register.inclusion_tag("plans/_import_dimension_note.html")
def import_dimension_note(group: dict) -> dict:
    return {"found": (group or {}).get("dimension_found")}
