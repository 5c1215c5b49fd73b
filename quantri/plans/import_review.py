"""What the office should check first in an import preview: the fields the importer did not
find or only guessed, so that a 100-task plan is checked where it matters rather than line by
line. Reads the parser's output (see quantri.plans.parsing.model) and changes nothing."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# A title longer than this is a paragraph copied whole, rarely the name of a task.
LONG_TITLE = 200


@dataclass
class ReviewPoint:
    message: str
    tasks: list[tuple[str, str]] = field(default_factory=list)  # (anchor, "1.2")


def task_flags(task: dict) -> list[tuple[str, str]]:
    """(css modifier, label) for each thing to check on one task."""
    found = task.get("found") or {}
    flags = []
    if not task.get("lead"):
        flags.append(("missing", _("no lead unit found")))
    elif found.get("lead") == "guessed":
        flags.append(("guessed", _("lead unit read from the sentence")))
    if not (task.get("due") or task.get("recurrence") or task.get("due_text")):
        flags.append(("missing", _("no deadline found")))
    elif found.get("due") == "guessed":
        flags.append(("guessed", _("deadline read from the sentence")))
    if len(task.get("title") or "") > LONG_TITLE:
        flags.append(("guessed", _("very long title")))
    return flags


def found_labels(task: dict) -> list[str]:
    """How the lead and the deadline were found, for the line under each task."""
    names = {
        "label": _("a label"),
        "table": _("a table cell"),
        "group": _("the group heading"),
        "guessed": _("the task's sentence (guessed)"),
    }
    found = task.get("found") or {}
    labels = []
    if found.get("lead"):
        labels.append(_("Lead unit from %(source)s") % {"source": names[found["lead"]]})
    if found.get("due"):
        labels.append(_("Deadline from %(source)s") % {"source": names[found["due"]]})
    return labels


def task_anchor(group: int, number: int) -> str:
    return f"import-task-{group}-{number}"


def review_points(parsed: dict) -> list[ReviewPoint]:
    points = _plan_points(parsed.get("plan") or {})
    for title in parsed.get("empty_groups") or []:
        points.append(
            ReviewPoint(
                _("The heading “%(title)s” has no task under it: are its tasks elsewhere?")
                % {"title": title}
            )
        )
    points.extend(_task_points(parsed.get("groups") or []))
    return points


def _plan_points(plan: dict) -> list[ReviewPoint]:
    missing = [
        label
        for value, label in (
            (plan.get("number"), _("number")),
            (plan.get("issued_on"), _("issue date")),
            ((plan.get("signer") or {}).get("name"), _("signer")),
        )
        if not value
    ]
    if not missing:
        return []
    return [
        ReviewPoint(_("Not found in the document: %(fields)s.") % {"fields": ", ".join(missing)})
    ]


def _task_points(groups: list[dict]) -> list[ReviewPoint]:
    kinds = {
        "no_lead": ReviewPoint(_("Tasks with no lead unit:")),
        "no_due": ReviewPoint(_("Tasks with no deadline:")),
        "guessed": ReviewPoint(_("Tasks whose lead unit or deadline was guessed:")),
        "long": ReviewPoint(_("Tasks with a very long title:")),
    }
    for g, group in enumerate(groups, start=1):
        for n, task in enumerate(group.get("tasks") or [], start=1):
            ref = (task_anchor(g, n), f"{g}.{n}")
            found = task.get("found") or {}
            if not task.get("lead"):
                kinds["no_lead"].tasks.append(ref)
            if not (task.get("due") or task.get("recurrence") or task.get("due_text")):
                kinds["no_due"].tasks.append(ref)
            if "guessed" in found.values():
                kinds["guessed"].tasks.append(ref)
            if len(task.get("title") or "") > LONG_TITLE:
                kinds["long"].tasks.append(ref)
    return [point for point in kinds.values() if point.tasks]
