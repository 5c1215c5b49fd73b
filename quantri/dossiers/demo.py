"""A year of generated dossiers for the demo department's procedures (2026 up to today), so
the dashboard shows the 766 groups for any month. Loaded once: a second run finds the
generated codes and leaves them (and whatever the desk did to them) alone. From July 2026
(index version 766-2026) the office's hand-entered figures of each month, so the dashboard
shows every sub-criterion with its inputs; this month lacks one, as it would mid-month."""

import datetime

from django.utils import timezone

from quantri.dossiers import aggregates, generate, index_766_2026, index_inputs, stats
from quantri.dossiers.models import Dossier, IndexInput, MonthlyAggregate, ReceivingBody
from quantri.dossiers.periods import Period
from quantri.dossiers.slips import place
from quantri.procedures.models import Procedure

YEAR = 2026
COUNT = 3000
# The unit of the demo department that handles each field of the catalogue
# (quantri.procedures.demo_data.FIELDS): a travel licence is never the library's work.
HANDLING_UNITS = {
    "VH": "QLVH",
    "GD": "XDNSVH",
    "TDTT": "QLTDTT",
    "DL": "QLDL",
    "DSVH": "QLVH",
    "MTNATL": "QLVH",
    "NTBD": "QLVH",
    "TV": "QLVH",
    "QC": "QLVH",
}


def load(context) -> None:
    department = context.department
    _receiving_body(department)
    prefix = f"G{YEAR}-{department.code}-"
    if Dossier.objects.filter(code__startswith=prefix).exists():
        # A demo database made before the monthly roll-up (migration 0003) has dossiers but
        # no month rows: restore them from the dossiers, as `rebuild-aggregates` would.
        if not MonthlyAggregate.objects.exists():
            aggregates.rebuild()
        return
    today = timezone.localdate()
    if today < datetime.date(YEAR, 1, 1):
        return
    generate.generate(
        count=COUNT, year=YEAR, agency=department, until=today, handlers=_handlers(context)
    )
    _load_inputs(context, today)


def _handlers(context) -> dict[int, int]:
    fields = Procedure.objects.values_list("pk", "field__code")
    return {
        pk: context.units[HANDLING_UNITS[code]].pk for pk, code in fields if code in HANDLING_UNITS
    }


NOT_YET_ENTERED = "dossiers_data_reused"  # this month's: the office has not sent it yet


def _load_inputs(context, today: datetime.date) -> None:
    department = context.department
    if IndexInput.objects.filter(agency=department).exists():
        return
    office = context.user("vanphong")
    month = index_766_2026.VALID_FROM
    while month <= today:
        figures = stats.figures(department, Period.around("month", month))
        for figure, value in _plausible(figures).items():
            if month.replace(day=1) == today.replace(day=1) and figure == NOT_YET_ENTERED:
                continue
            index_inputs.index_input_record(
                user=office, agency=department, month=month, figure=figure, value=value
            )
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def _plausible(f) -> dict[str, int]:
    """Figures an office of a fairly good department would report, from the month's own."""
    return {
        "procedures_announced_on_time": f.procedures,
        "procedures_published_on_time": max(f.procedures - 1, 0),
        "procedures_complete": f.procedures * 9 // 10,
        "dossiers_synced": f.received * 95 // 100,
        "fee_procedures_integrated": max(f.fee_procedures - 1, 0),
        "results_electronic": f.processed * 4 // 5,
        "dossiers_data_reused": f.received * 3 // 10,
        "feedback_satisfied": f.feedback_answered * 4 // 5,
        # Asked from 766-2026-12 on (index_766_2026_12), so December's dashboard has them.
        "dossiers_personal_store": f.received * 2 // 5,
        "dossiers_population_data": f.received // 2,
        "procedures_population_data": f.procedures * 3 // 5,
        "procedures_for_citizens": f.procedures * 4 // 5,
        "certified_copies": max(f.received // 10, 1),
        "certified_copies_electronic": max(f.received // 10, 1) * 2 // 3,
    }


def _receiving_body(department) -> None:
    """Since 1/7/2025 the department's dossiers are received at the province's Public
    Administration Service Centre (Decree 118/2025/NĐ-CP): the desk's forms name it."""
    province = place(department)
    if not province:
        return
    ReceivingBody.objects.get_or_create(
        agency=department,
        defaults={
            "name": f"Trung tâm Phục vụ hành chính công tỉnh {province}",
            "parent_name": f"Ủy ban nhân dân tỉnh {province}",
        },
    )
