"""Measure the parser against TASK_LABELS: per document and in total, how many labelled
leads and deadlines it gives (recall), how many it gives wrong, and how many it invents where
the document gives none. Used by test_task_labels.py and bench/task_recall.py."""

from collections import Counter
from pathlib import Path

from quantri.plans.parsing.text import fold_key

from .task_labels import TASK_LABELS, Every, Label, Words


def _starts(text: str | None, start: str) -> bool:
    return bool(text) and fold_key(text).startswith(fold_key(start))


def _find(tasks: list, label: Label, after: int) -> int | None:
    """The first matching task from ``after`` on (labels are in document order), else the
    first anywhere."""
    order = list(range(after, len(tasks))) + list(range(after))
    return next(
        (
            i
            for i in order
            if _starts(tasks[i].title, label.title) or _starts(tasks[i].description, label.title)
        ),
        None,
    )


def _due_hit(task, due) -> bool:
    if isinstance(due, Every):
        return task.recurrence == due.recurrence
    if isinstance(due, Words):
        return task.due is None and _starts(task.due_text, due.text)
    return task.due == due


def measure(parsed_by_file: dict[str, object]) -> dict[str, Counter]:
    """File name -> counts: tasks, found, lead (labelled), lead_hit, lead_wrong, lead_extra,
    due, due_hit, due_wrong, due_extra."""
    figures = {}
    for name, labels in TASK_LABELS.items():
        tasks = parsed_by_file[name].tasks
        count: Counter = Counter(tasks=len(labels))
        position = 0
        for label in labels:
            index = _find(tasks, label, position)
            if index is None:
                count["lead"] += label.lead is not None
                count["due"] += label.due is not None
                continue
            position = index + 1
            count["found"] += 1
            _count(count, tasks[index], label)
        figures[name] = count
    return figures


def _count(count: Counter, task, label: Label) -> None:
    gave_due = task.due is not None or task.recurrence is not None
    if label.lead is None:
        count["lead_extra"] += task.lead is not None
    else:
        count["lead"] += 1
        hit = _starts(task.lead, label.lead)
        count["lead_hit"] += hit
        count["lead_wrong"] += task.lead is not None and not hit
    if label.due is None:
        count["due_extra"] += gave_due
    else:
        count["due"] += 1
        hit = _due_hit(task, label.due)
        count["due_hit"] += hit
        count["due_wrong"] += gave_due and not hit


def total(figures: dict[str, Counter]) -> Counter:
    return sum(figures.values(), Counter())


def report(figures: dict[str, Counter]) -> str:
    lines = [f"{'file':24} tasks found  lead hit/of wrong extra   due hit/of wrong extra"]
    for name, c in [*figures.items(), ("total", total(figures))]:
        lines.append(
            f"{name:24} {c['tasks']:5} {c['found']:5}  {c['lead_hit']:8}/{c['lead']:<3}"
            f"{c['lead_wrong']:5} {c['lead_extra']:5}  {c['due_hit']:7}/{c['due']:<3}"
            f"{c['due_wrong']:5} {c['due_extra']:5}"
        )
    return "\n".join(lines)


def parse_labelled(corpus: Path, parse) -> dict[str, object]:
    return {name: parse((corpus / name).read_bytes(), name) for name in TASK_LABELS}
