"""Tasks written twice: the body lists them as prose, and an annex table lists them again with
the unit that leads each and its time ("Phụ lục: Danh mục nhiệm vụ" without the body saying
"chi tiết tại Phụ lục"). The annex row is the task as assigned, so the body's copy is dropped
rather than kept as a second task with no lead and no deadline."""

import re

from .tables import RawGroup, RawTask
from .text import fold_key

_ENUMERATOR = re.compile(r"^(?:[a-z]|\d+(?: \d+)*|[ivx]+) ")
_COMPARED_WORDS = 15
_SAME_SHARE = 0.7


def without_repeated_in_annex(body: list[RawGroup], annex: list[RawGroup]) -> list[RawGroup]:
    """The body's groups without the tasks an annex row assigns again; a group left with no
    task by that goes too (its tasks are in the annex), one that had none stays as it was."""
    rows = [_words(task) for group in annex for task in group.tasks if task.lead or task.due]
    if not rows:
        return body
    kept: list[RawGroup] = []
    for group in body:
        tasks = [t for t in group.tasks if not any(_same(_words(t), row) for row in rows)]
        if tasks or not group.tasks:
            kept.append(RawGroup(group.title, tasks))
    return kept


def _words(task: RawTask) -> list[str]:
    return _ENUMERATOR.sub("", fold_key(task.title or task.text)).split()[:_COMPARED_WORDS]


def _same(words: list[str], row: list[str]) -> bool:
    """Same opening words, and most of the first words shared: the annex often words the task
    a little differently ('mời gọi' / 'thu hút, mời gọi')."""
    if len(words) < 4 or len(row) < 4:
        return words == row
    if words[:3] != row[:3]:
        return False
    mine, theirs = set(words), set(row)
    return len(mine & theirs) >= _SAME_SHARE * min(len(mine), len(theirs))
