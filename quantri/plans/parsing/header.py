"""The header block and opening of a plan: issuer, number, place and date, summary (trích
yếu), the decision it is attached to, the issuer named in the body, the year.

In PDF text the header's two columns interleave on one line ('UBND TỈNH HƯNG YÊN CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM'), so the motto is cut out of each line rather than skipped as a line.
"""

import datetime
import re
from dataclasses import dataclass

from .blocks import Block
from .fields import Reference, find_references, number_span, parse_number
from .lines import is_separator
from .markers import split_marker
from .prose import starts_unit
from .text import capitalize_first, fold, fold_key, is_caps, letters, squash

_MOTTO = re.compile(
    r"cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–—]*\s*tu do\s*[-–—]*\s*hanh phuc"
)
_PLACE_DATE = re.compile(
    r"(?P<place>[a-z][a-z .'-]{1,40}?)\s*,\s*ngay\b[\s.…]*(?P<day>\d{1,2})?[\s.…]*"
    r"thang\b[\s.…]*(?P<month>\d{1,2})?[\s.…]*nam\s+(?P<year>\d{4})"
)
_NOT_ISSUER = ("du thao", "khan", "mat", "hoa toc")
_PARENT_BODIES = ("ubnd", "uy ban nhan dan", "bo ", "tinh uy", "hdnd", "dang uy", "tong cuc")
_DOC_TYPES = {"ke hoach": "plan", "quyet dinh": "decision"}
_ATTACHED = re.compile(r"\(?\s*ban hanh kem theo\s+(quyet dinh|cong van|ke hoach)")
_ISSUES_PLAN = re.compile(r"\s(?:xay dung(?: va ban hanh)?|ban hanh|trien khai)\s+ke hoach\b")
_PLAN_NAME = re.compile(
    r"\bban hanh ke hoach\s+(?P<name>.+?)\s*,?\s*(?:cu the\s+)?(?:nhu sau|voi cac noi dung|gom)"
)


@dataclass
class Header:
    issuer: str | None = None
    parent: str | None = None
    number: str | None = None
    place: str | None = None
    issued_on: datetime.date | None = None


def doc_type(block: Block) -> str | None:
    """'plan' for a 'KẾ HOẠCH' title line, 'decision' for 'QUYẾT ĐỊNH', else None."""
    if block.is_row or not is_caps(block.text, 6):
        return None
    return _DOC_TYPES.get(fold_key(block.text))


def parse_header(lines: list[str]) -> Header:
    header = Header()
    bodies: list[str] = []
    for line in _rejoined(lines):
        if _is_motto_piece(line):
            continue
        text = _cut(line, _MOTTO)
        span = number_span(text)
        if span and header.number is None:
            header.number = parse_number(text)
            text = text[: span[0]] + " " + text[span[1] :]
        text = _read_place_date(text, header)
        text = squash(text).strip(" -–_")
        if text and is_caps(text, 3) and not fold_key(text).startswith(_NOT_ISSUER):
            bodies.append(text)
        elif letters(text) and header.number is None and header.issued_on is None:
            bodies = []  # a web page's own text above the document ('Số hiệu:', 'Tình trạng:')
    _read_bodies(bodies, header)
    return header


_MOTTO_WORDS = "cong hoa xa hoi chu nghia viet nam"
_DATE_OPEN = re.compile(r"(?:^|,\s*)ngay\b")
_DATE_CLOSED = re.compile(r"\bnam\s+\d{4}")
_PLACE_THEN_DATE = re.compile(r"^[a-z][a-z .'-]{0,40},\s*ngay\b")


def _is_motto_piece(line: str) -> bool:
    """'CỘNG HÒA XÃ HỘI' over 'CHỦ NGHĨA VIỆT NAM': the motto copied one column at a time."""
    key = fold_key(line)
    return len(key) >= 8 and key in _MOTTO_WORDS


def _rejoined(lines: list[str]) -> list[str]:
    """Join what a copy broke across lines: 'Số:' over its number, 'Nghệ An, ngày 26' over
    'tháng 11 năm 2025', and 'Thành phố Hồ Chí' over 'Minh, ngày 18 ...'."""
    out: list[str] = []
    for line in (squash(raw) for raw in lines):
        if not line:
            continue
        if out and _continues_header_line(out[-1], line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _continues_header_line(previous: str, line: str) -> bool:
    before, folded = fold(previous), fold(line)
    if re.fullmatch(r"so\s*:?", before.strip()):
        return True
    if before.rstrip().endswith(",") and re.match(r"ngay\b", folded.strip()):
        return True  # 'Đồng Tháp,' over 'ngày 01 tháng 12 năm 2025'

    if _DATE_OPEN.search(before) and not _DATE_CLOSED.search(before):
        return bool(re.match(r"(?:\d|thang|nam|ngay)", folded.strip()))
    return (
        bool(_PLACE_THEN_DATE.match(folded))
        and not is_caps(previous)
        and not _MOTTO.search(before)
        and parse_number(previous) is None
        and not previous.endswith((".", ";", ":"))
    )


def _cut(text: str, pattern: re.Pattern) -> str:
    folded = fold(text)
    for match in reversed(list(pattern.finditer(folded))):
        text = text[: match.start()] + " " + text[match.end() :]
    return text


def _read_place_date(text: str, header: Header) -> str:
    match = _PLACE_DATE.search(fold(text))
    if not match:
        return text
    place = squash(text[match.start("place") : match.end("place")])
    if place and header.place is None:
        header.place = place
    if match.group("day") and match.group("month") and header.issued_on is None:
        header.issued_on = _date_from(match)
    return text[: match.start()] + " " + text[match.end() :]


def _date_from(match: re.Match) -> datetime.date | None:
    try:
        return datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None


def _read_bodies(bodies: list[str], header: Header) -> None:
    """'UBND TỈNH HƯNG YÊN' above 'SỞ VĂN HÓA, THỂ THAO' / 'VÀ DU LỊCH': parent, then issuer."""
    if not bodies:
        return
    if len(bodies) >= 2 and fold_key(bodies[0]).startswith(_PARENT_BODIES):
        second = fold_key(bodies[1])
        if not second.startswith(("tinh ", "thanh pho ", "huyen ")):
            header.parent = bodies[0]
            header.issuer = squash(" ".join(bodies[1:]))
            return
    header.issuer = squash(" ".join(bodies))


def take_summary(blocks: list[Block]) -> tuple[str | None, int]:
    """The trích yếu right under the document type, and how many blocks it used."""
    lines: list[str] = []
    index = 0
    for index, block in enumerate(blocks):
        if block.blank:
            continue
        text = block.text
        if block.is_row or is_separator(text):
            return _joined(lines), index + (0 if block.is_row else 1)
        if not _summary_continues(lines, block, blocks[:index]):
            return _joined(lines), index
        lines.append(text)
        if len(lines) == 4:
            return _joined(lines), index + 1
    return _joined(lines), len(blocks)


def _summary_continues(lines: list[str], block: Block, before: list[Block]) -> bool:
    text = block.text
    folded = fold(text)
    marker, _ = split_marker(text)
    if marker or folded.startswith(("can cu", "kinh gui", "(ban hanh", "ban hanh kem")):
        return False
    if not lines:
        return True
    if folded.startswith(("thuc hien ", "xet ")) or _ISSUES_PLAN.search(f" {folded}"):
        return False
    if is_caps(text) != is_caps(lines[-1]):
        return False  # 'GIÁM ĐỐC SỞ ...' under a decision's summary
    if block.logical:
        previous = next((b for b in reversed(before) if not b.blank), None)
        return bool(
            previous and (previous.bold or previous.centered) and (block.bold or block.centered)
        )
    return not lines[-1].rstrip().endswith((".", ";", ":"))


def _joined(lines: list[str]) -> str | None:
    text = squash(" ".join(lines))
    return text or None


def take_attachment(blocks: list[Block]) -> tuple[str | None, int]:
    """'(Ban hành kèm theo Quyết định số 12/QĐ-SVHTTDL ngày 05/3/2021 ...)' at the start."""
    opening = [i for i, b in enumerate(blocks) if not b.blank][:3]
    for index in opening:
        block = blocks[index]
        if block.is_row or not _ATTACHED.match(fold(block.text).strip()):
            continue
        lines = [block.text]
        end = index + 1
        while ")" not in " ".join(lines) and end < len(blocks) and end - index < 4:
            if not blocks[end].blank and not blocks[end].is_row:
                lines.append(blocks[end].text)
            end += 1
        return squash(" ".join(lines)), end
    return None, 0


def attachment_reference(text: str) -> Reference | None:
    refs = find_references(text)
    return refs[0] if refs else None


def plan_name(paragraphs: list[str]) -> str | None:
    """'... ban hành Kế hoạch nâng cao Chỉ số ... năm 2021 như sau:' -> 'Nâng cao Chỉ số ...'."""
    for text in paragraphs:
        match = _PLAN_NAME.search(fold(text))
        if match:
            return capitalize_first(squash(text[match.start("name") : match.end("name")]))
    return None


def issuer_in_body(paragraphs: list[str]) -> str | None:
    """'Sở Văn hóa, Thể thao và Du lịch ban hành Kế hoạch ...' -> the subject of the sentence."""
    for text in paragraphs:
        match = _ISSUES_PLAN.search(fold(text))
        if not match:
            continue
        subject = text[: match.start()]
        starts = [0] + [m.end() for m in re.finditer(r"[,;]\s*", subject)]
        found = [s for s in starts if subject[s : s + 1].isupper() and starts_unit(subject[s:])]
        if found:
            return squash(subject[found[-1] :]).strip(" ,;")
    return None


def year_of(*texts: str | None) -> int | None:
    """'... năm 2021', 'giai đoạn 2021-2025' -> 2021 (the first text that names one)."""
    for text in texts:
        if not text:
            continue
        match = _OWN_YEAR.search(fold(text))
        if match:
            return int(match.group(1))
    return None


# 'năm 2021' and 'giai đoạn 2026 - 2030' name the plan's year; 'đến năm 2030' is its horizon
# and 'nhiệm kỳ 2026 - 2031' someone else's term, not the year the plan is for.
_OWN_YEAR = re.compile(r"(?<!den )(?<!toi )(?<!truoc )\b(?:nam|giai doan)\s+((?:19|20)\d\d)\b")


def strip_decision_summary(summary: str | None) -> str | None:
    """'Về việc ban hành Kế hoạch nâng cao ...' -> 'Nâng cao ...'."""
    if not summary:
        return None
    match = re.match(r"^(?:v\/v|ve viec)?\s*(?:ban hanh\s+)?ke hoach\s+", fold(summary))
    return capitalize_first(summary[match.end() :]) if match else summary
