"""The demo catalogue, one review cycle and the task it spawned in the 2026 plan. Run again,
it adds nothing and never overwrites a procedure someone has edited since."""

import datetime
from decimal import Decimal

from quantri.plans.models import TaskGroup
from quantri.procedures import demo_data, services
from quantri.procedures.models import Procedure, ProcedureField, ProcedureReview, ReviewItem

REVIEW_STARTED = datetime.date(2026, 3, 2)
TASK_DUE = datetime.date(2026, 9, 30)


def load(context) -> None:
    for order, (code, name) in enumerate(demo_data.FIELDS, start=1):
        if not ProcedureField.objects.filter(code=code).exists():
            services.field_save(code=code, name=name, order=order)
    fields = {f.code: f for f in ProcedureField.objects.all()}
    existing = set(Procedure.objects.values_list("code", flat=True))
    for row in demo_data.PROCEDURES:
        if row[0] not in existing:
            services.procedure_save(data=_data(row, fields, context.department), user=None)
    _review(context)


def _data(row, fields, agency) -> services.ProcedureData:
    code, name, field, days, days_text, online, old_level = row[:7]
    documents, steps, laws, fees, published = row[7:]
    return services.ProcedureData(
        code=code,
        name=name,
        field=fields[field],
        level="province",
        agency=agency,
        processing_days=days,
        processing_time_text=days_text,
        documents=[
            {"name": n, "copies": c, "form": f} for n, c, f in demo_data.DOCUMENTS[documents]
        ],
        steps=list(demo_data.STEPS[steps]),
        legal_bases=list(demo_data.LAWS[laws]),
        online_service=online,
        old_online_level=old_level,
        is_published=published,
        fees=[services.FeeData(n, Decimal(a) if a is not None else None, t) for n, a, t in fees],
    )


def _review(context) -> None:
    office = context.user("vanphong")
    review = ProcedureReview.objects.filter(
        agency=context.department, year=2026, title=demo_data.REVIEW_TITLE
    ).first() or services.review_create(
        agency=context.department,
        year=2026,
        title=demo_data.REVIEW_TITLE,
        user=office,
        started_on=REVIEW_STARTED,
    )
    for code, proposal, reasons in demo_data.REVIEW_ITEMS:
        procedure = Procedure.objects.get(code=code)
        if review.is_open and not review.items.filter(procedure=procedure).exists():
            services.review_item_save(
                review=review, procedure=procedure, proposal=proposal, reasons=reasons, user=office
            )
    _spawn_task(context, review, office)


def _spawn_task(context, review, office) -> None:
    """The amend proposal becomes a task of the plan's group on PAPI dimension 5."""
    item = ReviewItem.objects.filter(review=review, proposal="amend", task__isnull=True).first()
    group = TaskGroup.objects.filter(plan=context.plan, dimension__code="5").first()
    if item is None or group is None:
        return
    services.review_item_create_task(
        item=item,
        group=group,
        user=office,
        title=demo_data.REVIEW_TASK_TITLE,
        lead_unit=context.units["QLDL"],
        due_on=TASK_DUE,
    )
