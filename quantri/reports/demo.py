"""Demo: the 2021-H1 round on the 2021 plan, finished (some units late, one returned, one
missing), and the 2026-H2 round on the plan in force, under way. Idempotent: a period that
exists is left as it is."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from quantri.orgs.models import Membership, Role
from quantri.plans.models import Frequency, ProgressUpdate
from quantri.reports import demo_data, services
from quantri.reports.models import ReportingPeriod, UnitReport
from quantri.reports.services import TaskReportInput


@transaction.atomic
def load(context) -> None:
    _unit_heads(context)
    office = context.user("vanphong")
    if not ReportingPeriod.objects.filter(plan=context.past_plan, code="2021-H1").exists():
        _past_round(context, office)
    if not ReportingPeriod.objects.filter(plan=context.plan, code="2026-H2").exists():
        _current_round(context, office)


def _unit_heads(context) -> None:
    """A head for every unit without one, so each unit's report has someone to submit it."""
    users = get_user_model().objects
    for code, (username, full_name, position) in demo_data.UNIT_HEADS.items():
        unit = context.units.get(code)
        if unit is None or Membership.objects.filter(agency=unit, role=Role.UNIT_HEAD).exists():
            continue
        last, _, first = full_name.rpartition(" ")
        user, created = users.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Membership.objects.get_or_create(
            user=user, agency=unit, role=Role.UNIT_HEAD, defaults={"position": position}
        )


def _regime(plan, office):
    regimes = services.regimes_for_plan(plan=plan, user=office)
    regime = next((r for r in regimes if r.frequency == Frequency.SEMIANNUAL), None)
    return regime or services.regime_save(plan=plan, user=office, frequency=Frequency.SEMIANNUAL)


def _past_round(context, office) -> None:
    period = services.period_open(
        regime=_regime(context.past_plan, office), code="2021-H1", user=office
    )
    # Back to June 2021: the period was opened then, not today.
    ReportingPeriod.objects.filter(pk=period.pk).update(opened_at=demo_data.OPENED_AT)
    codes = {unit.pk: code for code, unit in context.units.items()}
    for request in period.requests.select_related("unit"):
        code = codes.get(request.unit_id)
        if code in demo_data.SUBMISSIONS:
            _submitted_report(request, code, period, office)


def _submitted_report(request, code, period, office) -> None:
    submitted_at, remarks = demo_data.SUBMISSIONS[code]
    head = _head(request.unit)
    started = timezone.now()
    report = services.report_save_draft(
        request=request, user=head, general_remarks=remarks, tasks=_task_inputs(request)
    )
    services.report_submit(report=report, user=head)
    UnitReport.objects.filter(pk=report.pk).update(
        submitted_at=submitted_at, is_late=submitted_at.date() > period.deadline
    )
    ProgressUpdate.objects.filter(created_by=head, created_at__gte=started).update(
        created_at=submitted_at
    )
    report.refresh_from_db()
    if code in demo_data.RETURNED:
        services.report_return(report=report, user=office, comments=demo_data.RETURNED[code])
        UnitReport.objects.filter(pk=report.pk).update(returned_at=demo_data.ACCEPTED_AT)
    else:
        services.report_accept(report=report, user=office)
        UnitReport.objects.filter(pk=report.pk).update(accepted_at=demo_data.ACCEPTED_AT)


def _head(unit):
    membership = (
        Membership.objects.filter(agency=unit, role=Role.UNIT_HEAD).select_related("user").first()
    )
    return membership.user


def _task_inputs(request) -> list[TaskReportInput]:
    inputs = []
    for task in services.unit_tasks(request):
        progress, done, figures, difficulties = demo_data.TASKS.get(
            (task.group.order, task.order), demo_data.DEFAULT_TASK
        )
        if task.lead_unit_id != request.unit_id:
            done = demo_data.SUPPORT_NOTE.format(lead=task.lead_display, done=done)
        inputs.append(
            TaskReportInput(
                task_id=task.pk,
                status="done" if progress == 100 else "in_progress",
                progress=progress,
                done=done,
                figures=figures,
                difficulties=difficulties,
            )
        )
    return inputs


def _current_round(context, office) -> None:
    """2026-H2 is open: the culture unit's staff has a draft, the library too."""
    period = services.period_open(regime=_regime(context.plan, office), code="2026-H2", user=office)
    drafts = {"QLVH": context.user("chuyenvien"), "TV": None}
    for code, user in drafts.items():
        unit = context.units.get(code)
        request = period.requests.filter(unit=unit).first() if unit else None
        if request is None:
            continue
        services.report_save_draft(
            request=request,
            user=user or _head(unit),
            general_remarks=demo_data.DRAFT_REMARKS,
            tasks=_draft_inputs(request),
        )


def _draft_inputs(request) -> list[TaskReportInput]:
    return [
        TaskReportInput(
            task_id=task.pk,
            status=task.status if task.status in ("done", "in_progress") else "in_progress",
            progress=task.progress if task.status == "done" else max(task.progress, 40),
            done=demo_data.DRAFT_NOTE,
        )
        for task in services.unit_tasks(request)
    ]
