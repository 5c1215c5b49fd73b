"""What one-stop systems write in their choice columns → our codes.

An export says "Đã trả kết quả", "Trực tuyến" or "Rất hài lòng", not "returned", "online" or
"very_satisfied". Each choice column accepts, whatever the case, spacing and diacritics: our
code, its English and Vietnamese labels, the usual wordings of the one-stop systems below, and
a source's own words saved with its column mapping (ColumnMapping.values).
"""

from django.utils import translation

from quantri.core.text import fold
from quantri.dossiers.models import Channel, Rating, State

# Wordings seen in one-stop software and province reports (Decree 61/2018, Circular 01/2018
# forms), besides our labels.
SYNONYMS = {
    State.NEW: ("mới", "chờ tiếp nhận", "hồ sơ mới"),
    State.RECEIVED: ("đã tiếp nhận", "tiếp nhận", "mới tiếp nhận"),
    State.NOT_ACCEPTED: ("không tiếp nhận", "từ chối tiếp nhận", "không đủ điều kiện tiếp nhận"),
    State.PROCESSING: ("đang xử lý", "đang giải quyết", "đang thụ lý", "chuyển xử lý"),
    State.ADDITIONAL_REQUESTED: (
        "yêu cầu bổ sung",
        "chờ bổ sung",
        "bổ sung hồ sơ",
        "yêu cầu bổ sung hồ sơ",
    ),
    State.AWAITING_FEE: ("chờ nộp phí", "chờ thanh toán", "chờ thực hiện nghĩa vụ tài chính"),
    State.WITHDRAWN: ("rút hồ sơ", "đã rút", "công dân rút hồ sơ"),
    State.STOPPED: ("dừng xử lý", "dừng giải quyết", "tạm dừng"),
    State.PROCESSED: ("đã xử lý", "đã giải quyết", "hoàn thành", "chờ trả kết quả"),
    State.RETURNED: ("đã trả kết quả", "trả kết quả", "đã trả"),
    Channel.DESK: ("trực tiếp", "tại quầy", "tại bộ phận một cửa", "nộp trực tiếp"),
    Channel.ONLINE: ("trực tuyến", "qua mạng", "dịch vụ công trực tuyến", "nộp trực tuyến"),
    Channel.POST: ("bưu chính", "bưu điện", "bưu chính công ích", "BCCI", "qua bưu chính"),
    Rating.VERY_SATISFIED: ("rất hài lòng",),
    Rating.SATISFIED: ("hài lòng",),
    Rating.NOT_SATISFIED: ("không hài lòng", "chưa hài lòng"),
}


# The choice columns of an export, by our field name.
COLUMNS = {"channel": Channel, "state": State, "rating": Rating}


class ChoiceReader:
    """Reads one choice column. Built once per import; each distinct text is folded once
    (a million rows repeat a handful of values)."""

    def __init__(self, choices, extra: dict | None = None, *, where: str = ""):
        self.choices = choices
        self.table: dict[str, str] = {}
        for value, label in choices.choices:
            with translation.override("vi"):
                vietnamese = str(label)
            for text in (value, str(label), vietnamese, *SYNONYMS.get(value, ())):
                self.table[fold(text)] = value
        if extra is not None and not isinstance(extra, dict):
            raise ValueError(f"{where}expected {{their word: our code}}, got {extra!r}")
        for text, value in (extra or {}).items():
            if value not in choices.values:
                raise ValueError(
                    f"{where}“{text}” is mapped to “{value}”, which is not one of "
                    f"{', '.join(choices.values)}"
                )
            self.table[fold(str(text))] = value
        self.seen: dict[str, str] = {value: value for value in choices.values}

    def __call__(self, text) -> str:
        text = str(text).strip()
        value = self.seen.get(text)
        if value is None:
            value = self.table.get(fold(text))
            if value is None:
                raise ValueError(f"“{text}” is not one of {', '.join(self.choices.values)}")
            self.seen[text] = value
        return value
