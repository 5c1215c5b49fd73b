"""Demo: the plan in force amended once (a task added for the culture unit, a deadline moved),
that unit's extension on its new task approved by the leadership, and the Office's own
request waiting for a decision. Idempotent: a plan with a revision or an extension request is
left as it is."""

import datetime

from django.db import transaction

from quantri.plans import amending, editing
from quantri.plans.editing import Deadline, TaskFields
from quantri.plans.models import DeadlineExtension, Task, TaskStatus

WHY = "Điều chỉnh lần 1"


@transaction.atomic
def load(context) -> None:
    plan = context.plan
    office = context.user("vanphong")
    if not plan.revisions.exists():
        _amendment(plan, office, context.units["QLVH"])
    if DeadlineExtension.objects.filter(task__group__plan=plan).exists():
        return
    added = _added_task(plan, context.units["QLVH"])
    if added is not None:
        asked = amending.extension_request(
            task=added,
            user=context.user("truongphong"),
            new_due_on=added.due_on + datetime.timedelta(days=31),
            reason="Chờ kết quả khảo sát của Trung tâm Phục vụ hành chính công tỉnh",
        )
        amending.extension_decide(
            extension=asked, user=context.user("lanhdao"), approve=True, note="Đồng ý"
        )
    _office_request(plan, office, context.units["VP"])


def _amendment(plan, office, unit) -> None:
    issued = (plan.issued_on or datetime.date(plan.year, 1, 1)) + datetime.timedelta(days=60)
    amending.plan_revise(
        plan=plan,
        user=office,
        issued_on=issued,
        document_number=f"35/KH-SVHTTDL ({plan.year})",
        reason="Bổ sung nhiệm vụ khảo sát sự hài lòng và điều chỉnh thời hạn theo chỉ đạo "
        "của UBND tỉnh",
    )
    dated = Task.objects.filter(group__plan=plan, due_on__isnull=False).open().order_by("due_on")
    moved = dated.first()
    if moved is not None:
        later = Deadline(kind="date", due_on=moved.due_on + datetime.timedelta(days=30))
        editing.task_set_deadline(task=moved, user=office, deadline=later, reason=WHY)
    group = plan.groups.order_by("order").first()
    added = editing.task_add(
        group=group,
        user=office,
        fields=TaskFields(title="Khảo sát sự hài lòng của người dân về dịch vụ văn hóa công"),
        reason=WHY,
    )
    editing.task_assign(task=added, user=office, lead_unit=unit, support_units=[], reason=WHY)
    deadline = Deadline(kind="period", period=f"{plan.year}-Q4")
    editing.task_set_deadline(task=added, user=office, deadline=deadline, reason=WHY)


def _added_task(plan, unit) -> Task | None:
    return (
        Task.objects.filter(group__plan=plan, lead_unit=unit, due_period__endswith="-Q4")
        .exclude(status__in=[TaskStatus.DONE, TaskStatus.CANCELLED])
        .first()
    )


def _office_request(plan, office, unit) -> None:
    task = (
        Task.objects.filter(group__plan=plan, lead_unit=unit, due_on__isnull=False)
        .open()
        .order_by("-due_on")
        .first()
    )
    if task is not None:
        amending.extension_request(
            task=task,
            user=office,
            new_due_on=task.due_on + datetime.timedelta(days=15),
            reason="Chờ số liệu tổng hợp của các đơn vị",
        )
