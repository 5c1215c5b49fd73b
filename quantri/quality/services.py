"""Use cases of the quality system. Views call these; each checks who may act, validates,
and saves in one transaction, so bad input changes nothing. A `ValidationError` names the
field at fault (a dict keyed by field name), for the form to show beside it."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.procedures.models import Procedure
from quantri.quality import legal
from quantri.quality.models import (
    Audit,
    AuditStatus,
    ChecklistItem,
    CorrectiveAction,
    Declaration,
    Finding,
    FindingKind,
    ManagementReview,
    ProcessStep,
    ProcessVersion,
    QualityProcess,
)
from quantri.quality.timing import add_months


def _access(user) -> Access:
    return Access.for_user(user)


def require_writer(*, user, agency_id: int) -> None:
    """`user=None` is the system itself (the demo, a hook)."""
    if user is not None and not _access(user).can_write_quality(agency_id):
        raise PermissionDenied(_("You may not manage this agency's quality system."))


@dataclass
class StepData:
    description: str
    responsible: str
    duration: Decimal
    duration_unit: str = "hours"
    form_used: str = ""


# Processes and their versions


@transaction.atomic
def process_create(
    *, user, agency: Agency, unit: Agency, procedure: Procedure, code: str, title: str
) -> QualityProcess:
    require_writer(user=user, agency_id=agency.pk)
    process = QualityProcess(agency=agency, unit=unit, procedure=procedure, code=code, title=title)
    process.full_clean()
    process.save()
    return process


@transaction.atomic
def version_create(
    *, user, process: QualityProcess, steps: list[StepData], change_note: str = ""
) -> ProcessVersion:
    require_writer(user=user, agency_id=process.agency_id)
    if not steps:
        raise ValidationError({"steps": _("A process needs at least one step.")})
    errors = [
        _("Step %(n)d has no responsible role or unit.") % {"n": n}
        for n, step in enumerate(steps, start=1)
        if not step.responsible.strip()
    ]
    if errors:
        raise ValidationError({"steps": errors})
    last = process.versions.aggregate(n=Max("number"))["n"] or 0
    version = ProcessVersion.objects.create(
        process=process, number=last + 1, author=user, change_note=change_note
    )
    for order, step in enumerate(steps, start=1):
        row = ProcessStep(version=version, order=order, **step.__dict__)
        row.full_clean(exclude=["version"])
        row.save()
    return version


@transaction.atomic
def version_approve(
    *, user, version: ProcessVersion, effective_on: datetime.date
) -> ProcessVersion:
    """A leader approves; never the version's own author (ISO 9001:2015, 7.5.2)."""
    if not _access(user).can_approve_process(version.process.agency_id):
        raise PermissionDenied(_("Only a leader approves a process."))
    if version.is_approved:
        raise ValidationError({"effective_on": _("This version is already approved.")})
    if version.author_id == user.pk:
        raise ValidationError(
            {"approved_by": _("The author of a version may not approve it: ask another leader.")}
        )
    version.approved_by = user
    version.approved_on = timezone.localdate()
    version.effective_on = effective_on
    version.full_clean()
    version.save(update_fields=["approved_by", "approved_on", "effective_on"])
    # By query, not through version.process: that instance may predate the flag.
    QualityProcess.objects.filter(pk=version.process_id).update(
        update_due_on=None, update_reason=""
    )
    return version


def flag_for_legal_change(*, procedure, before: list[str], after: list[str]) -> None:
    """The procedures hook: the procedure's legal basis changed, so its process is to be
    updated within 3 months (legal.UPDATE_RULE). An earlier deadline already set stands."""
    process = QualityProcess.objects.filter(procedure=procedure).first()
    if process is None:
        return
    due = add_months(timezone.localdate(), legal.UPDATE_MONTHS)
    if process.update_due_on is None or process.update_due_on > due:
        process.update_due_on = due
    process.update_reason = legal.UPDATE_RULE[:500]
    process.save(update_fields=["update_due_on", "update_reason"])


# The declaration of conformity


@transaction.atomic
def declaration_save(
    *,
    user,
    agency: Agency,
    number: str,
    signed_on: datetime.date,
    signer_name: str,
    signer_position: str,
    scope: str,
    processes: list[QualityProcess],
) -> Declaration:
    require_writer(user=user, agency_id=agency.pk)
    declaration = Declaration.objects.filter(agency=agency, number=number).first() or (
        Declaration(agency=agency, number=number)
    )
    declaration.signed_on, declaration.signer_name = signed_on, signer_name
    declaration.signer_position, declaration.scope = signer_position, scope
    declaration.full_clean()
    declaration.save()
    declaration.processes.set(processes)
    return declaration


@transaction.atomic
def declaration_publish(*, user, declaration: Declaration) -> Declaration:
    require_writer(user=user, agency_id=declaration.agency_id)
    if not declaration.processes.exists():
        raise ValidationError({"processes": _("Name the processes the declaration covers.")})
    declaration.is_published = True
    declaration.published_at = declaration.published_at or timezone.now()
    declaration.save(update_fields=["is_published", "published_at"])
    return declaration


# Internal audits


@transaction.atomic
def audit_plan(
    *,
    user,
    agency: Agency,
    title: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    auditors: list,
    units: list[Agency],
    processes: list[QualityProcess] = (),
    checklist: list[tuple[str, str]] = (),
) -> Audit:
    """`checklist`: (ISO clause, what to check) pairs."""
    require_writer(user=user, agency_id=agency.pk)
    if not auditors:
        raise ValidationError({"auditors": _("Name at least one auditor.")})
    if not units:
        raise ValidationError({"units": _("Name the units to audit.")})
    audit = Audit(agency=agency, title=title, starts_on=starts_on, ends_on=ends_on)
    if starts_on and ends_on and starts_on > ends_on:
        raise ValidationError({"ends_on": _("The audit ends before it starts.")})
    audit.full_clean()
    audit.save()
    audit.auditors.set(auditors)
    audit.units.set(units)
    audit.processes.set(processes)
    for order, (clause, question) in enumerate(checklist, start=1):
        ChecklistItem.objects.create(audit=audit, order=order, clause=clause, question=question)
    return audit


def _require_recorder(user, audit: Audit) -> None:
    if user is not None and not _access(user).can_record_findings(audit):
        raise PermissionDenied(_("Only the audit's auditors and the office record findings."))
    if audit.is_closed:
        raise ValidationError(_("This audit is closed."))


@transaction.atomic
def finding_add(
    *, user, audit: Audit, kind: str, unit: Agency, description: str, clause: str = ""
) -> Finding:
    _require_recorder(user, audit)
    if not audit.units.filter(pk=unit.pk).exists():
        raise ValidationError({"unit": _("This unit is not among the units audited.")})
    finding = Finding(audit=audit, kind=kind, unit=unit, clause=clause, description=description)
    finding.full_clean()
    finding.save()
    return finding


@transaction.atomic
def corrective_action_save(
    *,
    user,
    finding: Finding,
    cause: str,
    action: str,
    owner,
    deadline: datetime.date,
    done_on: datetime.date | None = None,
) -> CorrectiveAction:
    _require_recorder(user, finding.audit)
    if finding.kind != FindingKind.NONCONFORMITY:
        raise ValidationError(_("Only a nonconformity takes a corrective action."))
    current = getattr(finding, "corrective_action", None)
    if current is not None and current.is_verified:
        raise ValidationError(_("This corrective action is verified and can no longer change."))
    record = current or CorrectiveAction(finding=finding)
    record.cause, record.action, record.owner = cause, action, owner
    record.deadline, record.done_on = deadline, done_on
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def corrective_action_verify(
    *, user, record: CorrectiveAction, verified_on: datetime.date, note: str = ""
) -> CorrectiveAction:
    """Someone other than the owner checks that the action removed the cause (10.2.1 d)."""
    _require_recorder(user, record.finding.audit)
    if record.is_verified:
        raise ValidationError({"verified_on": _("This corrective action is already verified.")})
    if record.owner_id == user.pk:
        raise ValidationError(
            {"verified_by": _("The owner of a corrective action may not verify it.")}
        )
    if record.done_on is None:
        raise ValidationError({"verified_on": _("Record when the action was done first.")})
    record.verified_by, record.verified_on, record.verification_note = user, verified_on, note
    record.full_clean()
    record.save(update_fields=["verified_by", "verified_on", "verification_note"])
    return record


@transaction.atomic
def audit_close(
    *, user, audit: Audit, conclusion: str, closed_on: datetime.date | None = None
) -> Audit:
    require_writer(user=user, agency_id=audit.agency_id)
    if audit.is_closed:
        raise ValidationError({"conclusion": _("This audit is already closed.")})
    open_count = audit.findings.open_nonconformities().count()
    if open_count:
        raise ValidationError(
            {
                "conclusion": _(
                    "The audit cannot be closed: %(n)d nonconformity(ies) still have no "
                    "verified corrective action."
                )
                % {"n": open_count}
            }
        )
    if not conclusion.strip():
        raise ValidationError({"conclusion": _("Write the audit's conclusion.")})
    audit.status, audit.conclusion = AuditStatus.CLOSED, conclusion
    audit.closed_on = closed_on or timezone.localdate()
    audit.save(update_fields=["status", "conclusion", "closed_on"])
    return audit


# The management review


@transaction.atomic
def review_record(
    *,
    user,
    agency: Agency,
    year: int,
    held_on: datetime.date,
    chaired_by: str,
    period_start: datetime.date,
    period_end: datetime.date,
    decisions: str,
) -> ManagementReview:
    """Record the year's review with its inputs as they stand now (quantri.quality.inputs)."""
    from quantri.quality.inputs import review_counts
    from quantri.quality.review_figures import review_figures

    require_writer(user=user, agency_id=agency.pk)
    review = ManagementReview.objects.filter(agency=agency, year=year).first() or (
        ManagementReview(agency=agency, year=year)
    )
    review.held_on, review.chaired_by, review.decisions = held_on, chaired_by, decisions
    review.period_start, review.period_end = period_start, period_end
    review.full_clean(exclude=["inputs"])
    counts = review_counts(agency=agency, start=period_start, end=period_end)
    review.inputs = [figure.__dict__ for figure in review_figures(counts)]
    review.save()
    return review
