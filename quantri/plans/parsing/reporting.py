"""Reporting regimes named in the organisation part: 'Định kỳ 6 tháng, cả năm báo cáo kết
quả thực hiện với Lãnh đạo Sở (qua Văn phòng Sở tổng hợp)' -> semiannual and annual, to
'Lãnh đạo Sở', via 'Văn phòng Sở'."""

import re

from .model import ReportingRule
from .text import fold, sentences, squash

_FREQUENCIES = [
    ("monthly", r"\b(?:hang|moi|tung) thang\b|\bbao cao thang\b|\bdinh ky thang\b"),
    (
        "quarterly",
        # Folded 'quý' (quarter) and 'quy' (rule: quy định, quy chế…) are the same word.
        r"\b(?:hang|moi|tung) quy\b|\bbao cao quy\b|\bdinh ky quy\b"
        r"|\btheo quy\b(?!\s+(?:dinh|che|trinh|hoach|mo|pham|tac))",
    ),
    ("semiannual", r"\b0?6 thang\b|\bsau thang\b|\bnua nam\b|\bso ket\b"),
    (
        "annual",
        r"\b(?:hang|moi|tung|ca|cuoi) nam\b|\bbao cao nam\b|\btong ket\b|\bdinh ky nam\b"
        r"|(?<=thang)\s*(?:,|va|/)\s*nam\b|\b(?:va|,)\s*nam\b(?!\s*\d)",
    ),
]
_RECIPIENT = re.compile(r"\b(?:gui ve|gui|ve|voi|len|cho|toi|den)\s+")
_STOP = re.compile(
    r"\s*(?:\(|\bqua\b|,|;|\.(?:\s|$)|\btruoc\b|\bde\b|\btheo\b|\bvao\b|\btrong\b"
    r"|\bdinh ky\b|\b(?:hang|moi) (?:thang|quy|nam)\b|\d|$)"
)
_VIA = re.compile(r"\bqua\s+")
_VIA_TAIL = re.compile(r"\s+(?:de\s+)?(?:tong hop|theo doi|bao cao)\b.*$")
_DUE = re.compile(
    r"\b(?:truoc|cham nhat(?:\s+(?:la|vao))?|trong)\s+(?:ngay\s+)?\d{1,2}\s*/\s*\d{1,2}"
    r"(?:\s*/\s*\d{4})?(?:\s*(?:,|va)\s*(?:ngay\s+)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?)*"
    r"|\b(?:truoc|cham nhat)\s+ngay\s+\d{1,2}\s+(?:cua\s+)?(?:thang|quy)[^,;.()]*"
)
_DAY_MONTH = re.compile(r"\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?")


def find_reporting(texts: list[str]) -> list[ReportingRule]:
    rules: dict[str, ReportingRule] = {}
    for text in texts:
        for sentence in sentences(text):
            for rule in _rules_in(sentence):
                rules.setdefault(rule.frequency, rule)
    return list(rules.values())


def _rules_in(sentence: str) -> list[ReportingRule]:
    folded = fold(sentence)
    if "bao cao" not in folded:
        return []
    found = sorted(
        (match.start(), name)
        for name, pattern in _FREQUENCIES
        for match in [re.search(pattern, folded)]
        if match
    )
    if not found:
        return []
    to, via = _recipient(sentence, folded), _via(sentence, folded)
    dues = _dues(sentence, folded, len(found))
    return [
        ReportingRule(frequency=name, due=due, to=to, via=via)
        for (_, name), due in zip(found, dues, strict=True)
    ]


def _recipient(sentence: str, folded: str) -> str | None:
    start = folded.find("bao cao")
    direct = re.compile(r"bao cao\s+").match(folded, start)
    matches = [direct] if direct else []
    for match in matches + list(_RECIPIENT.finditer(folded, start)):
        if not sentence[match.end() : match.end() + 1].isupper():
            continue
        stop = _STOP.search(folded, match.end() + 1)
        name = squash(sentence[match.end() : stop.start() if stop else len(sentence)])
        if name:
            return name
    return None


def _via(sentence: str, folded: str) -> str | None:
    for match in _VIA.finditer(folded):
        if not sentence[match.end() : match.end() + 1].isupper():
            continue
        end = min(
            (i for i in (folded.find(c, match.end()) for c in ")(;,") if i >= 0),
            default=len(folded),
        )
        name = _VIA_TAIL.sub("", folded[match.end() : end])
        return squash(sentence[match.end() : match.end() + len(name)]).rstrip(" .") or None
    return None


def _dues(sentence: str, folded: str, count: int) -> list[str | None]:
    """The deadline as written; 'trước ngày 15/6 và 15/12' for two regimes is split in two."""
    matches = list(_DUE.finditer(folded))
    if not matches:
        return [None] * count
    if len(matches) == count:  # '6 tháng (trước ngày 10/6) và năm (trước ngày 10/12)'
        return [squash(sentence[m.start() : m.end()]) for m in matches]
    phrase = squash(sentence[matches[0].start() : matches[0].end()])
    days = _DAY_MONTH.findall(phrase)
    if count > 1 and len(days) == count:
        lead = phrase[: phrase.find(days[0])]
        return [squash(lead + day) for day in days]
    return [phrase] * count
