"""Small field parsers: dates, deadlines, recurrences, document numbers and references.

Patterns run on the folded text (lower-case ASCII, same length as the original), so one
pattern covers 'hằng năm', 'hàng năm' and 'hang nam', and match positions slice the original.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from .text import fold, squash

# Not after 'tháng ': 'tháng 11 - 12/2025' is two months, not the 11th of December.
_NUM_DATE = r"(?<!\d)(?<!thang )(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})"
_WORD_DATE = r"(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})"
_ROMAN_QUARTER = r"iv|iii|ii|i|[1-4]"
_QUARTER = rf"(?:quy|qui)\s+({_ROMAN_QUARTER})\s*(?:/|-|\s+nam\s+)\s*(\d{{4}})"
# 'tháng 6/2025', 'tháng 6 năm 2025', and a span of months 'tháng 11 - 12/2025' (its last)
_MONTH = r"thang\s+(?:\d{1,2}\s*[-–,]\s*)?(\d{1,2})\s*(?:/|-|\s+nam\s+)\s*(\d{4})"
_HALF = r"0?6\s+thang\s+(dau|cuoi)\s+nam\s+(\d{4})"
_YEAR = r"nam\s+(\d{4})"

_DATEISH = "|".join(
    re.sub(r"\((?!\?)", "(?:", p) for p in (_NUM_DATE, _WORD_DATE, _QUARTER, _MONTH, _HALF, _YEAR)
)

_RECURRENCES = [
    # 'năm 2025 và các năm tiếp theo': work that starts and then goes on, with no end date
    ("continuous", r"\bthuong xuyen\b|\blien tuc\b|\bcac nam tiep theo\b"),
    ("monthly", r"\b(?:hang|moi|tung) thang\b|\bdinh ky thang\b"),
    ("quarterly", r"\b(?:hang|moi|tung) quy\b|\bdinh ky (?:theo )?quy\b"),
    ("semiannual", r"\b0?6 thang\b(?! (?:dau|cuoi))|\bsau thang\b|\bnua nam\b"),
    ("annual", r"\b(?:hang|moi|tung) nam\b|\bdinh ky (?:theo )?nam\b"),
]
_RECURRENCE_ANY = "|".join(f"(?:{p})" for _, p in _RECURRENCES)


def parse_date(text: str) -> datetime.date | None:
    """First full date in the text: 05/3/2021, 5-3-2021, 'ngày 5 tháng 3 năm 2021'."""
    folded = fold(text)
    found = []
    for pattern in (_NUM_DATE, _WORD_DATE):
        for match in re.finditer(pattern, folded):
            day, month, year = (int(g) for g in match.groups())
            value = _safe_date(year, month, day)
            if value:
                found.append((match.start(), value))
    return min(found)[1] if found else None


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> datetime.date | None:
    if not 1 <= month <= 12:
        return None
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def quarter_end(quarter: str, year: int) -> datetime.date | None:
    """'III', 2024 -> 2024-09-30."""
    number = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(quarter.lower()) or int(quarter)
    return _month_end(year, 3 * number) if 1 <= number <= 4 else None


def due_date(text: str, *, allow_year: bool = True) -> datetime.date | None:
    """The deadline a phrase names: the latest full date, else the end of the quarter, month,
    half-year or (when ``allow_year``) year it names."""
    folded = fold(text)
    dates = [parse_date(m.group(0)) for m in _finditer(_NUM_DATE, _WORD_DATE, folded)]
    if any(dates):
        return max(d for d in dates if d)
    for pattern, build in (
        (_QUARTER, lambda q, y: quarter_end(q, int(y))),
        (_MONTH, lambda m, y: _month_end(int(y), int(m))),
        (_HALF, lambda half, y: _month_end(int(y), 6 if half == "dau" else 12)),
    ):
        values = [build(*m.groups()) for m in re.finditer(pattern, folded)]
        if any(values):
            return max(v for v in values if v)
    years = [int(m.group(1)) for m in re.finditer(_YEAR, folded)] if allow_year else []
    return datetime.date(max(years), 12, 31) if years else None


def _finditer(first: str, second: str, folded: str):
    yield from re.finditer(first, folded)
    yield from re.finditer(second, folded)


def recurrence_of(text: str) -> str | None:
    """'Thường xuyên' -> continuous, 'hằng quý' -> quarterly, ... (the first one named)."""
    folded = fold(text)
    found = [
        (match.start(), name)
        for name, pattern in _RECURRENCES
        for match in [re.search(pattern, folded)]
        if match
    ]
    return min(found)[1] if found else None


@dataclass
class Deadline:
    text: str
    due: datetime.date | None
    recurrence: str | None
    span: tuple[int, int]  # what to cut from the task title
    how: str = "guessed"  # "label" ('Thời gian thực hiện: ...'), "table", or read from prose


# 'Thời gian thực hiện:', 'Thời hạn ban hành:', 'Thời gian hoàn thành dự kiến:'
_LABEL = re.compile(r"\b(?:thoi gian|thoi han|tien do)(?:\s+[a-z]+){0,3}\s*:\s*")
_TRIGGER = re.compile(
    r"(?:(?:hoan thanh|xong|thuc hien|trien khai|ban hanh)\s+"
    r"(?:truoc|trong|vao|cham nhat|den het)\s+|(?<![a-z])truoc\s+|cham nhat\s+(?:la\s+|vao\s+)?"
    r"|den het\s+)"
    rf"(?:ngay\s+)?(?:{_DATEISH})"
)
_PERIODIC = re.compile(
    rf"\bdinh ky\s+(?:{_RECURRENCE_ANY})|(?:^|(?<=[,;.:(]\s))(?:{_RECURRENCE_ANY})"
)
_WHOLE = re.compile(
    rf"^(?:(?:thuc hien|hoan thanh|trien khai|dinh ky)\s+)*(?:{_DATEISH}|{_RECURRENCE_ANY})"
    r"(?:\s*(?:,|va)\s*(?:" + _DATEISH + "|" + _RECURRENCE_ANY + r"))*$"
)
_OTHER_LABEL = re.compile(
    r"\s*(?:(?:co quan|don vi|bo phan)\s+)?"
    r"(?:chu tri|phoi hop|san pham|ket qua|thoi gian|thoi han|tien do|kinh phi)[^:;.]{0,20}:"
)
# 'Đơn vị chủ trì: ...', 'Thời gian thực hiện: ...' written as the sub-items of a task
FIELD_LABEL = re.compile(
    r"^(?:(?:co quan|don vi|bo phan)\s+)?(?:chu tri|phoi hop|thuc hien|san pham|ket qua"
    r"|thoi gian|thoi han|tien do|kinh phi|nguon kinh phi|trach nhiem)[^:;.]{0,25}:"
)


# 'Nội dung thực hiện: Tổ chức ...', 'Nhiệm vụ: ...': the task's own words, as one of its fields
CONTENT_LABEL = re.compile(r"^(?:noi dung|nhiem vu|cong viec)(?:\s+(?:thuc hien|cu the))?\s*:\s*")


def is_field_line(text: str) -> bool:
    folded = fold(text.strip())
    content = CONTENT_LABEL.match(folded)
    return bool(FIELD_LABEL.match(folded)) or bool(content and folded[content.end() :].strip())


def content_field(text: str) -> str | None:
    """The words after 'Nội dung:' / 'Nhiệm vụ:', when the line is that field."""
    match = CONTENT_LABEL.match(fold(text.strip()))
    return text.strip()[match.end() :].strip() or None if match else None


# 'P. HCTP', 'TT. Văn hóa': a dot that does not end the clause
ABBREVIATIONS = frozenset({"p", "tp", "tt", "vp", "q", "bql", "ths", "ts", "pgs", "gs"})


def clause_end(folded: str, start: int) -> int:
    """Where the clause opened at ``start`` ends: ';', '. ', ')', a new line or a new label."""
    end = len(folded)
    for pattern in (r";", r"\)", r"\n"):
        match = re.compile(pattern).search(folded, start)
        if match:
            end = min(end, match.start())
    for match in re.finditer(r"\.(?:\s|$)", folded[start:end]):
        word = folded[start : start + match.start()].split()[-1:] or [""]
        if word[0] not in ABBREVIATIONS:
            end = start + match.start()
            break
    label = _OTHER_LABEL.search(folded, start, end)
    if label and label.start() > start:
        end = min(end, label.start())
    return end


def find_deadline(text: str) -> Deadline | None:
    """A deadline or recurrence written in a task's prose, if there is a clear one."""
    folded = fold(text)
    for finder in (
        _labelled,
        _time_span,
        _triggered,
        _within_month,
        _day_of_period,
        _bracketed,
        _trailing,
        _periodic,
    ):
        found = finder(text, folded)
        if found:
            return found
    return None


def _deadline(text: str, start: int, end: int, cut: tuple[int, int]) -> Deadline | None:
    phrase = squash(text[start:end]).strip(" ,;.:")
    if not phrase:
        return None
    return Deadline(phrase, reading_of(phrase), recurrence_of(phrase), cut)


_STARTS_ONLY = re.compile(r"^(?:bat dau\s+)?tu\s+(?:ngay\s+|thang\s+|quy\s+|nam\s+)?\d")
_UNTIL_EVENT = re.compile(r"\bden\s+khi\b")
# 'giai đoạn 2026-2030', 'năm 2026 - 2027': a span of years, due at the end of its last year
_PERIOD = re.compile(r"(?<![\d/.])(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)\b")


def reading_of(phrase: str) -> datetime.date | None:
    """The date a deadline as written comes to: 'Quý IV/2025' -> 2025-12-31, 'năm 2026' and
    'giai đoạn 2026-2030' -> the end of the (last) year. 'Từ 01/7/2025' only says when the
    work starts, so it gives no deadline (the words are kept)."""
    folded = fold(phrase).strip()
    if _STARTS_ONLY.match(folded) and not re.search(r"\bden\b", folded):
        return None
    if _STARTS_ONLY.match(folded) and _UNTIL_EVENT.search(folded):
        return None  # 'Từ tháng 11/2025 đến khi kết thúc kiểm kê': until an event, no date
    if re.search(r"\bcac nam tiep theo\b|\btro (?:di|ve sau)\b", folded):
        return None  # 'năm 2025 và các năm tiếp theo', '2026 trở đi': a start, open-ended
    period = _PERIOD.search(folded)
    if period:
        return datetime.date(int(period.group(1)), 12, 31)
    return due_date(phrase) or _bare_years(phrase)


def _labelled(text: str, folded: str) -> Deadline | None:
    match = _LABEL.search(folded)
    if not match:
        return None
    end = clause_end(folded, match.end())
    if folded[match.end() :].startswith("+"):
        # '- Thời gian thực hiện: + … trước 15/12/2025. + … trước 31/12/2025': the field
        # is all its '+' steps, and the task is due when the last one is
        following = re.compile(r"\s[-–]\s").search(folded, match.end())
        end = following.start() if following else len(folded.rstrip(" ."))
    found = _deadline(text, match.end(), end, (match.start(), end))
    if found:
        found.how = "label"
    return found


# '… quan trắc với tần suất 2 lần/tháng; thời gian quan trắc từ tháng 3 đến tháng 10 năm
# 2026; …': the time the work takes, written into the sentence without a colon
_TIME_SPAN = re.compile(
    r"\bthoi gian(?:\s+[a-z]+){0,3}\s+(tu\s+(?:ngay|thang|quy)\s[^;:]*?"
    r"\bden\s+(?:ngay|thang|quy|het)\s[^;:]*?(?:19|20)\d\d)\b"
)


def _time_span(text: str, folded: str) -> Deadline | None:
    match = _TIME_SPAN.search(folded)
    if not match:
        return None
    found = _deadline(text, match.start(1), match.end(1), match.span())
    if found:
        found.how = "label"
    return found


def _triggered(text: str, folded: str) -> Deadline | None:
    match = _TRIGGER.search(folded)
    if not match:
        return None
    return _deadline(text, match.start(), match.end(), match.span())


# '… báo cáo kết quả Ủy ban nhân dân tỉnh trong tháng 11/2025': a month or quarter named with
# its year is when the work is due, wherever in the sentence ('trong năm 2026' is left: it is
# as often a target's year as a deadline).
_WITHIN_MONTH = re.compile(
    r"(?<![a-z])trong\s+(?:"
    + "|".join(re.sub(r"\((?!\?)", "(?:", p) for p in (_MONTH, _QUARTER))
    + ")"
)


def _within_month(text: str, folded: str) -> Deadline | None:
    match = _WITHIN_MONTH.search(folded)
    if not match:
        return None
    closing = not folded[match.end() :].strip(" .;")
    # at the sentence's end the words are cut from the title; mid-sentence they stay in it
    cut = match.span() if closing else (match.start(), match.start())
    return _deadline(text, match.start(), match.end(), cut)


_DAY_OF_PERIOD = re.compile(
    r"(?:truoc|cham nhat(?:\s+la)?|vao)\s+(?:ngay\s+)?\d{1,2}\s+(?:cua\s+)?(?:hang|moi|tung)\s+"
    r"(?:thang|quy|nam)\b"
)


def _day_of_period(text: str, folded: str) -> Deadline | None:
    """'trước ngày 15 hằng tháng': a recurring deadline, not a date."""
    match = _DAY_OF_PERIOD.search(folded)
    if not match:
        return None
    return _deadline(text, match.start(), match.end(), match.span())


# "(2025 - 2030)", "(xuyên suốt 2025 - 2035)", "(2026 trở đi)" closing a task of a roadmap
_YEARS_SPAN = re.compile(
    r"^(?:xuyen suot\s+|giai doan\s+|tu\s+)?(?:19|20)\d\d\s*"
    r"(?:[-–]\s*(?:19|20)\d\d|tro di|tro ve sau)$"
)


def _bracketed(text: str, folded: str) -> Deadline | None:
    for match in re.finditer(r"\(([^()]{2,80})\)", folded):
        inner = squash(match.group(1)).strip(" .")
        # a span of years closes the task; mid-sentence it names another thing's period
        # ('Kế hoạch 5 năm (2021 - 2025) theo Nghị quyết …')
        closing = not folded[match.end() :].strip(" .;")
        if _WHOLE.match(inner) or (closing and _YEARS_SPAN.match(inner)):
            return _deadline(text, match.start(1), match.end(1), match.span())
    return None


def _trailing(text: str, folded: str) -> Deadline | None:
    body = folded.rstrip(" .;")
    cut = max(body.rfind(","), body.rfind(";"), body.rfind(". "), body.rfind(" - "))
    if cut < 0:
        return None
    start = cut + (3 if body[cut : cut + 3] == " - " else 1)
    if _WHOLE.match(body[start:].strip()):
        return _deadline(text, start, len(body), (cut, len(folded)))
    return None


_ONGOING_WORD = re.compile(r"thuong xuyen|lien tuc")


def _periodic(text: str, folded: str) -> Deadline | None:
    for match in _PERIODIC.finditer(folded):
        if _adverb(folded, match):
            continue
        # "Định kỳ hằng quý, tổ chức..." is part of the sentence: kept in the title
        return _deadline(text, match.start(), match.end(), (match.start(), match.start()))
    return None


def _adverb(folded: str, match: re.Match) -> bool:
    """'…, thường xuyên kiểm tra …': mid-sentence and followed by its verb, 'thường xuyên'
    says how the work is done, not when; it is a deadline when it opens the task
    ('Thường xuyên rà soát …') or stands as a clause of its own ('…, thường xuyên.')."""
    if match.start() == 0 or not _ONGOING_WORD.fullmatch(match.group(0)):
        return False
    return re.match(r"\s+[a-z]", folded[match.end() :]) is not None


def deadline_of(text: str) -> Deadline | None:
    """A whole deadline field, e.g. a table's 'Thời gian hoàn thành' cell."""
    phrase = squash(text).strip(" ,;.")
    if not phrase:
        return None
    return Deadline(phrase, reading_of(phrase), recurrence_of(phrase), (0, len(text)), "table")


def _bare_years(phrase: str) -> datetime.date | None:
    """A deadline cell that is only a year ('2025') or a period ('2026-2030', '2025 - 2026'):
    the end of its last year."""
    match = re.fullmatch(r"((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?", phrase)
    return datetime.date(int(match.group(2) or match.group(1)), 12, 31) if match else None


# ---- document numbers and references ------------------------------------------------------

# '45/KH-SVHTTDL', '200/2023/NĐ-CP', and the party's '57-NQ/TW', '14-KH/TU'
_SYMBOL = (
    r"\d{1,5}\s*/\s*(?:\d{4}\s*/\s*)?[a-z][a-z0-9]*(?:\s*-\s*[a-z0-9]+)*"
    r"|\d{1,5}\s*-\s*[a-z]{2,6}\s*/\s*[a-z]{2,6}\b"
)
_NUMBER_LINE = re.compile(rf"(?:^|\s)so\s*:?\s*((?:{_SYMBOL}))")
_REF_KINDS = (
    "ke hoach|quyet dinh|chi thi|nghi quyet|cong van|thong bao|nghi dinh|thong tu|luat"
    "|van ban|huong dan|ket luan|chuong trinh|de an|bao cao|cong dien"
)
_REFERENCE = re.compile(rf"\b({_REF_KINDS})\s+(?:so\s*:?\s*)?((?:{_SYMBOL}))")


def _symbol(text: str, start: int, end: int) -> str:
    return re.sub(r"\s+", "", text[start:end])


def parse_number(text: str) -> str | None:
    """'Số: 45/KH-SVHTTDL' or 'Số 45 /KH-SVHTTDL' -> '45/KH-SVHTTDL'."""
    match = _NUMBER_LINE.search(fold(text))
    return _symbol(text, *match.span(1)) if match else None


def number_span(text: str) -> tuple[int, int] | None:
    match = _NUMBER_LINE.search(fold(text))
    return match.span() if match else None


@dataclass
class Reference:
    kind: str  # folded kind word: "ke hoach", "quyet dinh", ...
    number: str
    issued_on: datetime.date | None


def find_references(text: str) -> list[Reference]:
    """Documents cited by number: 'Kế hoạch số 21/KH-UBND ngày 02/02/2021' and the like."""
    folded = fold(text)
    refs = []
    for match in _REFERENCE.finditer(folded):
        after = text[match.end() : match.end() + 40]
        date = parse_date(after) if fold(after).lstrip(" ,").startswith("ngay") else None
        refs.append(Reference(match.group(1), _symbol(text, *match.span(2)), date))
    return refs
