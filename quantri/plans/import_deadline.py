"""The deadline cell of the import preview: what the parser read, shown as the plan wrote it,
and what the office types instead, read by the parser's own reading of a deadline field (the
one it applies to a table's 'Thời gian hoàn thành' cell), so the page and the importer agree."""

import datetime
import json
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from quantri.plans.models import Recurrence
from quantri.plans.parsing.fields import deadline_of


def deadline_cell(task: dict) -> str:
    """The words the plan used ('Quý IV/2026', 'định kỳ 6 tháng'), else the date it gave."""
    if task.get("due_text"):
        return task["due_text"]
    due = task.get("due")
    return datetime.date.fromisoformat(due).strftime("%d/%m/%Y") if due else ""


def deadline_reading(task: dict) -> str:
    """What the deadline comes to once saved: '31/12/2026 · Every 6 months', or ''."""
    parts = []
    if task.get("due"):
        parts.append(datetime.date.fromisoformat(task["due"]).strftime("%d/%m/%Y"))
    if task.get("recurrence") in Recurrence.values:
        parts.append(str(Recurrence(task["recurrence"]).label))
    return " · ".join(parts)


def read_deadline(text: str, *, where: str) -> dict:
    """The parser's fields for a deadline typed in the cell of task ``where`` ('2.3'): a date,
    a period resolved to its last day, or a recurrence, with the words kept as typed. An empty
    cell means no deadline. Raises ValidationError naming the task and the cell."""
    found = deadline_of(text)
    if found is None:
        return {"due": None, "recurrence": None, "due_text": None}
    if found.due is None and found.recurrence is None:
        raise ValidationError(
            _(
                "Task %(where)s, deadline: “%(text)s” cannot be read. Write a date (31/12/2026), "
                "a period (Quý IV/2026, năm 2026) or a recurrence (định kỳ 6 tháng, "
                "trước ngày 15 hằng tháng)."
            )
            % {"where": where, "text": found.text},
            code="unreadable",
        )
    return {
        "due": found.due.isoformat() if found.due else None,
        "recurrence": found.recurrence,
        "due_text": found.text,
    }


def deadline_before_issue(task: dict, issued_on: datetime.date | None, *, where: str) -> str:
    """A message when the task falls due before the plan was issued (issue 12, item 7), else ''."""
    due = task.get("due")
    if not (due and issued_on) or datetime.date.fromisoformat(due) >= issued_on:
        return ""
    return _("Task %(where)s, deadline: %(due)s is before the plan's issue date %(issued)s.") % {
        "where": where,
        "due": datetime.date.fromisoformat(due).strftime("%d/%m/%Y"),
        "issued": issued_on.strftime("%d/%m/%Y"),
    }


def with_deadline(task: dict, reading: dict) -> dict:
    """The task with the office's deadline (read_deadline's fields) in place of the parser's:
    how the parser found its deadline no longer applies."""
    found = {k: v for k, v in (task.get("found") or {}).items() if k != "due"}
    return {**task, **reading, "found": found}


# The API import's equivalent of the preview's cells (quantri.api.plans): the deadlines a
# client gives as words, keyed by the task's place as the preview numbers it.

CELL_LENGTH = 255  # the preview cell's max_length
_PLACE = re.compile(r"(\d{1,4})\.(\d{1,4})")


def deadlines_from_json(text: str) -> dict:
    """The `deadlines` form field: a JSON object from a task's place ('2.3') to its deadline in
    words. Raises ValidationError on `deadlines` when it is not one."""
    try:
        words = json.loads(text)
    except ValueError:
        words = None
    if not isinstance(words, dict):
        raise ValidationError(
            {
                "deadlines": _(
                    "Give the deadlines as a JSON object from a task's place to its deadline in "
                    'words, e.g. {"2.3": "Quý III/2026", "3.1": "hằng tháng"}.'
                )
            }
        )
    return words


def apply_deadlines(parsed: dict, words: dict) -> dict:
    """The parsed plan with each named task's deadline read from the words as the preview's
    cell reads them ('' removes it). Raises ValidationError on `deadlines` with one message per
    bad entry, each naming its task; the parsed plan is left as it was."""
    groups = [{**g, "tasks": list(g.get("tasks") or [])} for g in parsed.get("groups") or []]
    issued = (parsed.get("plan") or {}).get("issued_on")
    issued_on = datetime.date.fromisoformat(issued) if issued else None
    errors = []
    for where, text in words.items():
        try:
            i, j = _place(str(where), groups)
            reading = read_deadline(_words(text, where=where), where=where)
        except ValidationError as exc:
            errors += exc.messages
            continue
        late = deadline_before_issue(reading, issued_on, where=where)
        if late:
            errors.append(late)
            continue
        groups[i]["tasks"][j] = with_deadline(groups[i]["tasks"][j], reading)
    if errors:
        raise ValidationError({"deadlines": errors})
    return {**parsed, "groups": groups}


def _place(where: str, groups: list[dict]) -> tuple[int, int]:
    match = _PLACE.fullmatch(where.strip())
    i, j = (int(match.group(1)) - 1, int(match.group(2)) - 1) if match else (-1, -1)
    if not (0 <= i < len(groups) and 0 <= j < len(groups[i]["tasks"])):
        raise ValidationError(
            _(
                "Task %(where)s: the plan has no such task. Name a task by its group and its "
                "place in the group, as the preview numbers them (2.3)."
            )
            % {"where": where[:20]}
        )
    return i, j


def _words(text, *, where: str) -> str:
    if not isinstance(text, str):
        raise ValidationError(
            _("Task %(where)s, deadline: give it as words, e.g. “Quý III/2026”.") % {"where": where}
        )
    if len(text) > CELL_LENGTH:
        raise ValidationError(
            _("Task %(where)s, deadline: at most %(limit)s characters.")
            % {"where": where, "limit": CELL_LENGTH}
        )
    return text
