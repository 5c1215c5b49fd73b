"""Audit of issue 13's "every task that the document gives a lead or deadline for has it",
over every document of a folder, not only the labelled ones.

For each parsed task it finds the task's own text in the document (its block, or its annex
table row flattened one cell per line) and the text of its group above the first task, and
looks there for plain signal phrases that a reader takes as a lead unit ("chủ trì", "Cơ quan
thực hiện", "giao …", a unit name opening the task or standing as a table cell) or a deadline
("Thời gian/Thời hạn", a date after "trước/trong/đến", "Quý IV/2025", "tháng 12/2025", "năm
2026" after "trong/hoàn thành", a cell that is only a time). It then says whether the parse
has the lead / deadline. The signals are deliberately not the parser's: this file shares no
code with it beyond reading the file and folding accents.

Where the text names units but none leads ("Cơ quan thực hiện: Sở A, Sở B" with no "chủ trì")
the lead cannot honestly be attached: such tasks are counted apart, not as misses.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from quantri.plans.parsing import parse_plan
from quantri.plans.parsing.errors import PlanDocumentError
from quantri.plans.parsing.readers import read_document
from quantri.plans.parsing.text import fold, nfc

MAX_BYTES = 20 * 1024 * 1024

# A unit name as it opens a task or stands as a table cell (original text, capitalised).
_UNIT = (
    r"(?:Sở |Sở, ban|Ủy ban|Uỷ ban|UBND|Công an|Bộ Chỉ huy|Bộ CHQS|Ban (?!hành)|Văn phòng|"
    r"Thanh tra|"
    r"Đài |Báo (?!cáo)|Trung tâm|Kho bạc|Thuế |Bảo hiểm xã hội|Ngân hàng|Liên đoàn|"
    r"Hội (?!nghị|thảo|thi|diễn)|Tỉnh đoàn|Thành đoàn|Cục |Chi cục|Bộ |Các sở|Các cơ quan|"
    r"Các đơn vị|Các địa phương|Mặt trận|Viện |Quỹ |Bộ Tư lệnh|Liên minh|Đảng ủy|Tòa án)"
)
_UNIT_AT_START = re.compile(rf"^\s*(?:[-+•]\s*)?{_UNIT}")
_UNIT_THEN_VERB = re.compile(
    r"^[^.;]{0,90}?(?::|\s(?:chủ trì|thực hiện|tổ chức|tham mưu|phối hợp|xây dựng|hướng dẫn|"
    r"kiểm tra|rà soát|triển khai|ban hành|theo dõi|tiếp tục|chỉ đạo|báo cáo|cập nhật|đề xuất|"
    r"đảm bảo|bảo đảm|hoàn thiện|quản lý|có trách nhiệm|nghiên cứu|trình|bố trí|đôn đốc)\b)"
)
_FOLDED_UNIT = r"(?:so|uy ban|ubnd|cong an|bo |ban |van phong|cac so|cac co quan|cac don vi)"
_LEAD_PHRASES = re.compile(
    r"chu tri|(?:co quan|don vi) thuc hien\s*:|(?:^|[^a-z])giao (?:cho )?" + _FOLDED_UNIT
)
_LEAD_LABEL = re.compile(r"(?:co quan|don vi) (?:thuc hien|chu tri)[^:\n]{0,40}:\s*")

_YEAR = r"20\d\d"
_DATE = r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*" + _YEAR
_QUARTER = r"qu[yi]\s+(?:[ivx]+|[1-4])(?:\s*(?:/|-|–|nam)\s*" + _YEAR + ")?"
_MONTH = r"thang\s+\d{1,2}\s*(?:/|nam)\s*" + _YEAR
_BEFORE = r"\b(?:truoc|trong|den|cham nhat|hoan thanh|xong|hoan tat|ket thuc)"
_DUE_PHRASES = re.compile(
    r"thoi gian (?:thuc hien|hoan thanh|trien khai)\s*:|thoi han[^:\n]{0,20}:"
    rf"|{_BEFORE}\s+(?:ngay\s+)?{_DATE}|{_BEFORE}[^.;\n]{{0,12}}{_QUARTER}"
    rf"|{_BEFORE}[^.;\n]{{0,12}}{_MONTH}|(?:^|[^a-z])(?:{_QUARTER})\b"
    rf"|\b(?:trong|hoan thanh|ca|den het|truoc)\s+nam\s+{_YEAR}"
    r"|truoc ngay \d{1,2} hang (?:thang|quy|nam)"
    rf"|\(\s*(?:xuyen suot\s+|giai doan\s+)?{_YEAR}\s*(?:[-–]\s*{_YEAR}|tro di)\s*\)"
    r"(?=\s*[.;]?\s*$)"
)
# A line that is only a time, as an annex table's Thời gian cell is (a year or a period
# ending in "." is the end of a wrapped sentence, not a cell).
_TIME_CELL = re.compile(
    rf"^\s*(?:(?:{_DATE}|{_QUARTER}|{_MONTH})\s*\.?|nam\s+{_YEAR}"
    rf"|{_YEAR}(?:\s*[-–]\s*{_YEAR})?|thuong xuyen[^\n.]{{0,12}}|hang nam|hang thang|hang quy"
    r"|thang \d{1,2} hang nam"
    rf"|dinh ky[^\n.]{{0,30}}|giai doan[^\n.]{{0,20}}|(?:trong|truoc|den)[^\n.]{{0,25}}{_YEAR})"
    r"\s*$"
)
# Deadlines written in words, as a Thời gian cell of an annex table holds them.
_WORDS_CELL = re.compile(r"^\s*(?:theo ke hoach|theo tien do|sau khi)[^\n.]{0,40}$")
# "vai trò chủ trì", "được giao chủ trì tại Phụ lục", a table's header "Cơ quan chủ trì Cơ
# quan phối hợp": "chủ trì" there names no lead of this task.
_NOT_A_LEAD = re.compile(r"(?:vai tro|duoc giao|nhiem vu)\s+(?:la\s+)?$")
_TABLE_HEADER_LEAD = re.compile(
    r"^\s*\(?(?:chu tri|(?:co quan|don vi) (?:chu tri|thuc hien))\)?\s*$"
)

# A line that starts a new item: the task's own text ends there.
_ITEM_START = re.compile(
    r"^\s*(?:[ivx]+\.?(?:\s|$)|\d+(?:\.\d+)*\.\s|\d+\.\d+|\d{1,3}\s*$|[a-zđ]\)\s|[-+•]\s)"
)
# ... unless it is one of the task's own labelled parts ('b) Cơ quan thực hiện: …',
# '- Thời gian thực hiện: …')
_PART_LABEL = re.compile(
    r"^\s*(?:[a-zđ]\)|[-+•])\s*(?:nhiem vu|noi dung|co quan|don vi|thoi gian|thoi han|san pham|"
    r"kinh phi|ket qua|chu tri|phoi hop)[^:\n]{0,40}:"
)


@dataclass
class TaskAudit:
    number: int  # the task's place in the parse, from 1
    title: str
    text_lead: str | None = None  # the phrase that gives a lead, where the text gives one
    text_due: str | None = None
    lead_ambiguous: bool = False
    parsed_lead: bool = False
    parsed_due: bool = False
    located: bool = True


@dataclass
class DocumentAudit:
    name: str
    tasks: list[TaskAudit] = field(default_factory=list)
    error: str | None = None

    def count(self, test) -> int:
        return sum(1 for task in self.tasks if test(task))


def audit_folder(files: list[Path]) -> list[DocumentAudit]:
    return [audit_file(path) for path in files]


def audit_file(path: Path) -> DocumentAudit:
    try:
        data = path.read_bytes()
        parsed = parse_plan(data, path.name, dimensions=[])
        text = _document_text(data, path.name)
    except PlanDocumentError as exc:
        return DocumentAudit(path.name, error=str(exc))
    return DocumentAudit(path.name, tasks=_audit_tasks(parsed, text))


def _document_text(data: bytes, name: str) -> str:
    document = read_document(data, name, MAX_BYTES)
    lines: list[str] = []
    for block in document.blocks:
        if block.cells:
            lines.extend(cell for cell in block.cells)
        else:
            lines.append(block.text)
    return "\n".join(nfc(line) for line in lines)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", fold(nfc(text))).strip()


def _title_key(text: str) -> str:
    return re.sub(r"^(?:[-+•]\s*)?(?:\d+(?:\.\d+)*\.?|[a-zđ]\))\s*", "", _key(text))


class _Finder:
    """Finds texts in the folded document in order, whitespace-insensitively."""

    def __init__(self, text: str):
        self.original = text
        folded = fold(text)
        # Positions of a whitespace-squashed copy, mapped back to the text.
        self.flat, self.back = _squashed(folded)
        self.cursor = 0

    def others(self, text: str, first: int) -> list[int]:
        """Where else the text stands: a body paragraph may come again as an annex row."""
        part = _title_key(text)[:50].strip()
        if len(part) < 30:
            return []
        out, at = [], self.flat.find(part)
        while at >= 0:
            if self.back[at] != first:
                out.append(self.back[at])
            at = self.flat.find(part, at + 1)
        return out

    def find(self, text: str, *, move: bool = True) -> int | None:
        key = _title_key(text)
        for size in (60, 35, 20):
            part = key[:size].strip()
            if len(part) < 8:
                continue
            at = self.flat.find(part, self.cursor)
            if at < 0:
                at = self.flat.find(part)
            if at >= 0:
                if move:
                    self.cursor = at + 1
                # from the start of its line: 'Sở Y tế chủ trì kiểm tra …' is the task's own
                return self.original.rfind("\n", 0, self.back[at]) + 1
        return None


def _squashed(folded: str) -> tuple[str, list[int]]:
    out: list[str] = []
    back: list[int] = []
    space = False
    for index, char in enumerate(folded):
        if char.isspace():
            space = True
            continue
        if space and out:
            out.append(" ")
            back.append(index)
        space = False
        out.append(char)
        back.append(index)
    return "".join(out), back


def _audit_tasks(parsed, text: str) -> list[TaskAudit]:
    finder = _Finder(text)
    flat_tasks = [(group, task) for group in parsed.groups for task in group.tasks]
    starts = []
    for _group, task in flat_tasks:
        at = finder.find(task.title) if task.title else None
        if at is None and task.description:
            at = finder.find(task.description)
        starts.append(at)
    group_texts = _group_texts(parsed, text, starts, flat_tasks)
    task_starts = {at for at in starts if at is not None}
    # A unit standing alone on a line is a lead cell only where a table has a lead column.
    table = any(_TABLE_HEADER_LEAD.match(line) for line in fold(text).split("\n"))
    audits = []
    for index, (group, task) in enumerate(flat_tasks):
        audit = TaskAudit(index + 1, task.title, parsed_lead=bool(task.lead))
        audit.parsed_due = bool(task.due or task.recurrence or task.due_text)
        start = starts[index]
        if start is None:
            audit.located = False
        else:
            owns = [_own_text(text, start, _next_start(starts, index, len(text)))]
            for other in finder.others(task.title or "", start):
                # another parsed task's own text is not a copy of this one: duties of several
                # units often open alike ("Chủ trì, phối hợp với các Sở, ban, ngành …")
                if other in task_starts:
                    continue
                owns.append(_own_text(text, other, min(len(text), other + 1500)))
            _judge(audit, owns, group_texts.get(id(group)), table)
        audits.append(audit)
    return audits


def _next_start(starts: list[int | None], index: int, default: int) -> int:
    for later in starts[index + 1 :]:
        if later is not None and later > starts[index]:
            return later
    return min(default, starts[index] + 3000)


def _own_text(text: str, start: int, end: int) -> str:
    """The task's text: from its start to the next task, cut where a new item begins."""
    lines = text[start:end].split("\n")
    kept = [lines[0]]
    for line in lines[1:]:
        folded = fold(line)
        if _ITEM_START.match(folded) and not _PART_LABEL.match(folded):
            break
        kept.append(line)
    return "\n".join(kept)


def _group_texts(parsed, text: str, starts, flat_tasks) -> dict[int, str]:
    """Each group's own text: its heading and what stands above its first task."""
    folded = fold(text)
    out: dict[int, str] = {}
    cursor = 0
    for group in parsed.groups:
        first = next(
            (starts[i] for i, (g, _) in enumerate(flat_tasks) if g is group and starts[i]),
            None,
        )
        if first is None:
            continue
        at = _last_match(folded, _key(group.title)[:30], cursor, first)
        if at is not None:
            # from the start of the heading's line, so its numbering is kept
            out[id(group)] = text[text.rfind("\n", 0, at) + 1 : first]
        cursor = first
    return out


def _last_match(folded: str, key: str, start: int, end: int) -> int | None:
    if len(key) < 3:
        return None
    pattern = r"\s+".join(re.escape(word) for word in key.split())
    last = None
    for match in re.finditer(pattern, folded[start:end]):
        last = start + match.start()
    return last


def _judge(audit: TaskAudit, owns: list[str], group_text: str | None, table: bool) -> None:
    lead = due = None
    for own in owns:
        lead = lead or _lead_signal(own, fold(own), table)
        due = due or _due_signal(own, fold(own), table)
    own = owns[0]
    folded = fold(own)
    several = False
    if group_text is not None:
        group_lead, several = _group_lead_signal(group_text)
        lead = lead or group_lead
    if due is None and group_text is not None:
        match = _DUE_PHRASES.search(fold(group_text))
        due = "group: " + _around(group_text, match.start(), match.end()) if match else None
    audit.text_lead = lead
    audit.text_due = due
    if lead and not audit.parsed_lead:
        # 'Chủ trì …' with no unit before it is led by the heading's unit, if it names one
        audit.lead_ambiguous = several or _several_units_no_lead(folded)


_NUMBERING = re.compile(r"^\s*(?:[-+•]\s*)?(?:[IVX]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\))?\s*")


def _lead_signal(own: str, folded: str, table: bool) -> str | None:
    for match in _LEAD_PHRASES.finditer(folded):
        if not _only_supporting(folded, match):
            return _around(own, match.start(), match.end())
    lines = own.split("\n")
    opening = _NUMBERING.sub("", " ".join(lines[:3]), count=1)
    if _UNIT_AT_START.match(opening) and _UNIT_THEN_VERB.match(opening):
        return "unit opens the task: " + opening[:50]
    for line in lines[1:8] if table else ():
        cell = line.strip()
        # a short line that is only a unit: the lead cell of a flattened annex row
        if (
            len(cell) <= 70
            and _UNIT_AT_START.match(cell)
            and not re.search(r"(?:[.:]|\s(?:với|của|cho|tại|theo))$", cell)
        ):
            return "cell: " + cell
    return None


def _only_supporting(folded: str, match) -> bool:
    """'phối hợp với đơn vị chủ trì', 'vai trò chủ trì', a table header: no lead named."""
    before = folded[max(0, match.start() - 25) : match.start()]
    after = folded[match.end() : match.end() + 25]
    if re.search(r"(?:voi|cua|cac) (?:co quan|don vi) $|phoi hop voi $", before):
        return True
    if re.match(r"\)?\s+(?:co quan|don vi) phoi hop", after):
        return True
    return bool(_NOT_A_LEAD.search(before))


def _group_lead_signal(group_text: str) -> tuple[str | None, bool]:
    """The lead a group's heading or its lines above the first task give, and whether the
    heading names several units of which none leads ('Đề nghị Viện kiểm sát …, Tòa án …')."""
    heading = _NUMBERING.sub("", group_text, count=1).split("\n\n", 1)[0]
    heading = re.sub(r"\s+", " ", heading).strip()
    request = re.match(r"Đề nghị\s*:?\s*", heading)
    if request:
        named = heading[request.end() :]
        return "group heading: " + heading[:70], _several_named(named)
    if _UNIT_AT_START.match(heading) and len(heading) < 90:
        return "group heading: " + heading[:60], _several_named(heading)
    match = _LEAD_PHRASES.search(fold(group_text))
    if match:
        return "group: " + _around(group_text, match.start(), match.end()), False
    return None, False


_ANOTHER_UNIT = re.compile(rf"^\s*(?:{_UNIT}|các |Tòa án|Hiệp hội|Hội |Liên minh)")


def _several_named(named: str) -> bool:
    if named.startswith("các "):  # 'các tổ chức cung cấp dịch vụ': a kind of body, not one
        return True
    return any(_ANOTHER_UNIT.match(piece) for piece in re.split(r",|\bvà\b|;", named)[1:])


def _due_signal(own: str, folded: str, table: bool) -> str | None:
    for match in _DUE_PHRASES.finditer(folded):
        said = folded[match.end() : match.end() + 20]
        if not _is_citation(folded, match.start()) and "khong quy dinh" not in said:
            return _around(own, match.start(), match.end())
    for line in folded.split("\n")[1:10]:
        if _TIME_CELL.match(line) or (table and _WORDS_CELL.match(line)):
            return "cell: " + line.strip()
    return None


def _is_citation(own: str, at: int) -> bool:
    """'Quyết định số 12/QĐ-UBND ngày 8/9/2025' dates a document, it sets no deadline."""
    before = own[max(0, at - 40) : at]
    return bool(re.search(r"(?:so|/)[^\s]*\s+ngay\s*$|ngay\s*$", before))


def _several_units_no_lead(own: str) -> bool:
    if "chu tri" in own:
        return False
    match = _LEAD_LABEL.search(own)
    if match:
        listed = own[match.end() : match.end() + 200].split("\n")[0]
        return bool(re.search(r"[,;]", listed))
    return bool(re.search(r"(?:^|[^a-z])giao (?:cho )?(?:cac|so [^,\n]+,)", own))


def _around(text: str, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", text[max(0, start - 10) : end + 30]).strip()


# ---- the printout -------------------------------------------------------------------------


def format_audit(audits: list[DocumentAudit]) -> str:
    lines = [
        "",
        "AUDIT: tasks the text gives a lead / a deadline for, and how many of those the parse has",
        f"{'file':<22} {'tasks':>5} {'lead given':>10} {'parsed':>6} {'ambig':>5} "
        f"{'due given':>9} {'parsed':>6} {'unlocated':>9}",
    ]
    totals = dict.fromkeys(("tasks", "lead", "lead_hit", "ambig", "due", "due_hit", "lost"), 0)
    misses: list[str] = []
    for audit in audits:
        if audit.error:
            lines.append(f"{audit.name:<22} FAILED: {audit.error}")
            continue
        row = _row_counts(audit)
        for name, value in row.items():
            totals[name] += value
        lines.append(_audit_line(audit.name, row))
        misses.extend(_misses(audit))
    lines.append(_audit_line("total", totals))
    lead_of = totals["lead"] - totals["ambig"]
    lines.append(
        f"leads: {totals['lead_hit']}/{lead_of} parsed ({_share(totals['lead_hit'], lead_of)}),"
        f" {totals['ambig']} not attachable (several units, none leads); deadlines: "
        f"{totals['due_hit']}/{totals['due']} parsed ({_share(totals['due_hit'], totals['due'])})"
    )
    lines.append("")
    lines.append(f"misses ({len(misses)}):")
    lines.extend(misses)
    return "\n".join(lines) + "\n"


def _row_counts(audit: DocumentAudit) -> dict[str, int]:
    return {
        "tasks": len(audit.tasks),
        "lead": audit.count(lambda t: t.text_lead),
        "lead_hit": audit.count(lambda t: t.text_lead and t.parsed_lead),
        "ambig": audit.count(lambda t: t.text_lead and t.lead_ambiguous),
        "due": audit.count(lambda t: t.text_due),
        "due_hit": audit.count(lambda t: t.text_due and t.parsed_due),
        "lost": audit.count(lambda t: not t.located),
    }


def _audit_line(name: str, row: dict[str, int]) -> str:
    return (
        f"{name[:22]:<22} {row['tasks']:>5} {row['lead']:>10} {row['lead_hit']:>6} "
        f"{row['ambig']:>5} {row['due']:>9} {row['due_hit']:>6} {row['lost']:>9}"
    )


def _misses(audit: DocumentAudit) -> list[str]:
    out = []
    stem = audit.name.split(".")[0][:8]
    for task in audit.tasks:
        if task.text_lead and not task.parsed_lead and not task.lead_ambiguous:
            out.append(f"  {stem} #{task.number:<3} lead  «{task.text_lead}»  {task.title[:50]}")
        if task.text_due and not task.parsed_due:
            out.append(f"  {stem} #{task.number:<3} due   «{task.text_due}»  {task.title[:50]}")
        if not task.located:
            out.append(f"  {stem} #{task.number:<3} not found in the text  {task.title[:50]}")
    return out


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"
