"""The quality system's lines for the periodic report's dimension 5 (administrative
procedures) section: `dimension5_lines(agency=…, start=…, end=…)` → [(label, value, note)].
The reports app's registry calls it (wired by the lead); this module imports nothing of
reports."""

import datetime

from quantri.quality.inputs import review_counts
from quantri.quality.models import Declaration, QualityProcess
from quantri.quality.review_figures import format_value, review_figures

# The review's figures that belong to dimension 5 (procedures); the rest are the review's own.
DIMENSION5_CODES = ("on_time_rate", "satisfaction", "nonconformities", "actions_open")


def dimension5_lines(*, agency, start: datetime.date, end: datetime.date) -> list:
    declaration = (
        Declaration.objects.filter(agency=agency, is_published=True, signed_on__lte=end)
        .order_by("-signed_on")
        .first()
    )
    processes = QualityProcess.objects.filter(agency=agency)
    lines = [
        (
            "Công bố Hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015",
            declaration.number if declaration else "Chưa công bố",
            f"ngày {declaration.signed_on:%d/%m/%Y}" if declaration else "",
        ),
        ("Số quy trình nội bộ đã xây dựng", processes.count(), ""),
        (
            "Quy trình phải cập nhật do thay đổi căn cứ pháp lý",
            processes.filter(update_due_on__isnull=False).count(),
            "thời hạn 03 tháng",
        ),
    ]
    figures = review_figures(review_counts(agency=agency, start=start, end=end))
    for figure in figures:
        if figure.code in DIMENSION5_CODES:
            lines.append((figure.label, format_value(figure), ""))
    return lines
