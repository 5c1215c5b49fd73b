"""A process's steps as the office types them, one per line:

    Tiếp nhận, kiểm tra hồ sơ | Bộ phận Một cửa | Mẫu 01 | 4 giờ
    Thẩm định hồ sơ | Phòng Quản lý Văn hóa | | 3 ngày

description | responsible role or unit | form used (may be empty) | time ("4 giờ", "4h",
"3 ngày", "3d"; a bare number is hours). Plain Python; the messages name the line."""

import re
from decimal import Decimal, InvalidOperation

from quantri.quality.timing import DAYS, HOURS

_TIME = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(giờ|gio|h|ngày|ngay|d)?\s*$", re.IGNORECASE)
_DAY_WORDS = {"ngày", "ngay", "d"}


class StepsError(ValueError):
    def __init__(self, messages: list[tuple[str, dict]]):
        self.messages = messages  # (template, params), translated by the caller
        super().__init__("; ".join(t % p for t, p in messages))


def parse_time(text: str) -> tuple[Decimal, str] | None:
    match = _TIME.match(text)
    if not match:
        return None
    try:
        amount = Decimal(match.group(1).replace(",", "."))
    except InvalidOperation:
        return None
    unit = DAYS if (match.group(2) or "").lower() in _DAY_WORDS else HOURS
    return amount, unit


def parse_steps(text: str) -> list[dict]:
    """[{description, responsible, form_used, duration, duration_unit}]; StepsError listing
    every bad line."""
    steps, errors = [], []
    lines = [line for line in text.splitlines() if line.strip()]
    for n, line in enumerate(lines, start=1):
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) != 4:
            errors.append(("Line %(n)d: write four parts separated by “|”.", {"n": n}))
            continue
        description, responsible, form_used, time = cells
        if not description:
            errors.append(("Line %(n)d: say what is done.", {"n": n}))
        if not responsible:
            errors.append(("Line %(n)d: the step has no responsible role or unit.", {"n": n}))
        parsed = parse_time(time)
        if parsed is None:
            errors.append(
                (
                    "Line %(n)d: “%(time)s” is not a time such as “4 giờ” or “2 ngày”.",
                    {"n": n, "time": time},
                )
            )
        if errors:
            continue
        steps.append(
            {
                "description": description,
                "responsible": responsible,
                "form_used": form_used,
                "duration": parsed[0],
                "duration_unit": parsed[1],
            }
        )
    if errors:
        raise StepsError(errors)
    if not steps:
        raise StepsError([("Write at least one step.", {})])
    return steps


def steps_as_text(steps) -> str:
    """The reverse, to prefill the next version with the current one."""
    words = {HOURS: "giờ", DAYS: "ngày"}
    return "\n".join(
        f"{s.description} | {s.responsible} | {s.form_used} | "
        f"{s.duration.normalize():f} {words[s.duration_unit]}"
        for s in steps
    )
