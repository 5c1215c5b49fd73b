"""A task as found (text and table columns) -> Task: units, deadline, output, short title."""

import re

from .fields import Deadline, deadline_of, find_deadline
from .model import Task
from .prose import find_units, is_collective, split_units
from .tables import RawTask
from .text import capitalize_first, squash
from .units import UnitMatcher

TITLE_LIMIT = 150
# "…thể thao; thực hiện." once "Trung tâm X chủ trì, phối hợp với Y" has been cut
_BARE_VERB = re.compile(
    r"([.;:,])\s*(?:tham mưu\s+)?(?:triển khai\s+)?(?:thực hiện|triển khai|tham mưu)\s*(?=[.;]|$)",
    re.IGNORECASE,
)
_LEFTOVER_VERB = re.compile(
    r"(?:^|(?<=[.;:]))\s*(?:tham mưu\s+)?(?:triển khai\s+)?"
    r"(?:thực hiện|triển khai|tham mưu)\s*[.;]?\s*$",
    re.IGNORECASE,
)


def build_task(raw: RawTask, matcher: UnitMatcher | None, warnings: list[str]) -> Task:
    description = squash(raw.text)
    prose = find_units(description, subject=True)
    lead, support, lead_how = _units(raw, prose)
    deadline = deadline_of(raw.due) if raw.due else find_deadline(description)
    cuts = list(prose.spans)
    if deadline and not raw.due:
        cuts.append(deadline.span)
    if deadline is None and raw.lead_in:  # '... các nhiệm vụ sau (hoàn thành trong Quý II):'
        deadline = find_deadline(raw.lead_in)
        if deadline:
            deadline.span = (0, 0)  # nothing to cut: the words are not in this task
            deadline.how = "group"
    if raw.title:
        title = short_title(squash(raw.title))
    else:
        title = short_title(cut_spans(description, cuts)) or short_title(description)
    task = Task(
        title=title,
        description=description,
        output=raw.output or prose.output,
        section=raw.section,
    )
    _set_deadline(task, deadline)
    _set_units(task, lead, support, matcher, warnings)
    if task.lead:
        task.found["lead"] = lead_how
    if deadline is not None:
        task.found["due"] = deadline.how
    return task


def _units(raw: RawTask, prose) -> tuple[str | None, list[str], str]:
    """(lead, support, how the lead was found): table columns first, then the task's own
    words, then the lead-in or group heading above the task."""
    if raw.lead or raw.support:
        leads = split_units(_without_remarks(raw.lead or ""))
        return (leads[0] if leads else None), leads[1:] + split_units(raw.support or ""), "table"
    if prose.lead or prose.support:
        return prose.lead, prose.support, "label" if prose.labelled else "guessed"
    if raw.lead_in:
        inherited = find_units(raw.lead_in)
        if inherited.lead or inherited.support:
            return inherited.lead, inherited.support, "group"
    return raw.group_lead, [], "group"


def _without_remarks(cell: str) -> str:
    """'Ban Công tác đại biểu (Viện Nghiên cứu lập pháp phối hợp chuẩn bị dự thảo)': the
    remark in brackets says how the unit works, it is not part of its name."""
    return re.sub(r"\s*\((?![Cc]hủ trì\)|[Pp]hối hợp\))[^()]*(?:\)|$)", "", cell)


def _set_deadline(task: Task, deadline: Deadline | None) -> None:
    if deadline is None:
        return
    task.due, task.recurrence, task.due_text = deadline.due, deadline.recurrence, deadline.text


def _set_units(
    task: Task, lead: str | None, support: list[str], matcher: UnitMatcher | None, warnings
) -> None:
    if matcher is not None:
        lead, support = _split_known(lead, support, matcher)
    if lead:
        task.lead, task.lead_code = _resolve(lead, task, matcher, warnings)
    for name in support:
        resolved, code = _resolve(name, task, matcher, warnings)
        if resolved in task.support or resolved == task.lead:
            continue
        task.support.append(resolved)
        if code:
            task.support_codes.append(code)


def _split_known(
    lead: str | None, support: list[str], matcher: UnitMatcher
) -> tuple[str | None, list[str]]:
    """Names the prose splitter left joined, split again where known units show the seams;
    the lead's extra parts become supporting units."""

    def parts(name: str) -> list[str]:
        if is_collective(name) or matcher.match(name):
            return [name]
        return matcher.split(name) or [name]

    lead_parts = parts(lead) if lead else []
    support = [part for name in support for part in parts(name)]
    return (lead_parts[0] if lead_parts else None), lead_parts[1:] + support


def _resolve(
    name: str, task: Task, matcher: UnitMatcher | None, warnings
) -> tuple[str, str | None]:
    """(name, code): the unit's own name and code when it matches; as written otherwise."""
    if matcher is None or is_collective(name):
        return name, None
    unit = matcher.match(name)
    if unit is not None:
        return unit.name, unit.code
    warnings.append(
        f"Không tìm thấy đơn vị “{name}” (nhiệm vụ “{_brief(task.title)}”) trong danh mục "
        "đơn vị; đã giữ nguyên tên như trong văn bản."
    )
    return name, None


def _brief(title: str, limit: int = 60) -> str:
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0] + "…"


def cut_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The text without the unit and deadline phrases, tidied ('Giao Văn phòng Sở chủ trì,
    tổ chức tập huấn' -> 'Tổ chức tập huấn')."""
    for start, end in sorted({s for s in spans if s[1] > s[0]}, reverse=True):
        text = text[:start] + " " + text[end:]
    text = re.sub(r"\(\s*[,;:.]?\s*\)", " ", text)
    text = _BARE_VERB.sub(r"\1", text)
    text = re.sub(r"\s+([,;:.)])", r"\1", squash(text))
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"[,;:]+\s*\.", ".", text)
    text = re.sub(r"\.(?:\s*\.)+", ".", text)
    text = _LEFTOVER_VERB.sub("", text).strip()
    return capitalize_first(text.strip(" ,;:-–"))


def short_title(text: str, limit: int = TITLE_LIMIT) -> str:
    """The text itself when short; else its first sentence or clause, cut at a word."""
    text = squash(text)
    if len(text) <= limit:
        return text
    for pattern in (r"^(.{20,%d}?)[.;](?:\s|$)", r"^(.{20,%d}?):(?:\s|$)"):
        match = re.match(pattern % limit, text)
        if match:
            return match.group(1).strip()
    return text[: limit + 1].rsplit(" ", 1)[0].rstrip(" ,;:-–") + "…"
