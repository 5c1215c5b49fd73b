"""Use cases of inspections and checks. Each checks who may act (PermissionDenied), validates
before saving (ValidationError naming the field) and runs in one transaction; views, the API
and the demo only call these."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.oversight import legal
from quantri.oversight.models import (
    Finding,
    Inspection,
    InspectionPlan,
    InspectionStatus,
    PlanItem,
    Remedy,
    RemedyState,
    Violation,
)


def require_inspector(user, agency: Agency) -> None:
    if user is not None and not Access.for_user(user).can_write_inspections(agency.pk):
        raise PermissionDenied(_("Only the inspector of this department may record this."))


def _units_of(agency: Agency) -> set[int]:
    return Agency.objects.subtree_ids(agency)


def _check_unit(agency: Agency, unit: Agency | None, field_name: str) -> None:
    if unit is not None and unit.pk not in _units_of(agency):
        raise ValidationError(
            {
                field_name: _("%(unit)s is not a unit of %(agency)s.")
                % {"unit": unit, "agency": agency}
            }
        )


def _require_open(inspection: Inspection) -> None:
    if inspection.status == InspectionStatus.CLOSED:
        raise ValidationError(_("This inspection is closed; nothing more can be recorded."))


# The year's plan ------------------------------------------------------------------------------


@transaction.atomic
def inspection_plan_for(*, agency: Agency, year: int, user) -> InspectionPlan:
    """The agency's plan for the year, made on first need."""
    require_inspector(user, agency)
    plan = InspectionPlan.objects.filter(agency=agency, year=year).first()
    if plan is None:
        plan = InspectionPlan(
            agency=agency,
            year=year,
            title=f"Kế hoạch thanh tra, kiểm tra năm {year}",
            created_by=user,
        )
        plan.full_clean()
        plan.save()
    return plan


@dataclass
class Subject:
    kind: str
    text: str = ""
    unit: Agency | None = None


@transaction.atomic
def plan_item_add(
    *,
    plan: InspectionPlan,
    user,
    inspection_kind: str,
    subject: Subject,
    starts_on: datetime.date | None,
    ends_on: datetime.date | None,
) -> PlanItem:
    require_inspector(user, plan.agency)
    _check_unit(plan.agency, subject.unit, "subject_unit")
    item = PlanItem(
        plan=plan,
        kind=inspection_kind,
        subject_kind=subject.kind,
        subject_unit=subject.unit,
        subject_text=(subject.text or "").strip(),
        starts_on=starts_on,
        ends_on=ends_on,
    )
    # Before full_clean, whose check-constraint message would name no field.
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The planned period ends before it starts.")})
    item.full_clean()
    item.save()
    return item


# Inspections ----------------------------------------------------------------------------------


@dataclass
class InspectionFields:
    kind: str
    subject: Subject
    decision_number: str
    decision_date: datetime.date | None
    period_from: datetime.date | None
    period_to: datetime.date | None
    team: list = field(default_factory=list)
    team_lead: str = ""
    plan_item: PlanItem | None = None


@transaction.atomic
def inspection_open(*, agency: Agency, user, fields: InspectionFields) -> Inspection:
    """Record a decision to inspect or check. The legal basis names the Law on Inspection
    2025 (84/2025/QH15), and for a check also the Anti-corruption Law it applies."""
    require_inspector(user, agency)
    _check_unit(agency, fields.subject.unit, "subject_unit")
    inspection = Inspection(
        agency=agency,
        plan_item=fields.plan_item,
        kind=fields.kind,
        subject_kind=fields.subject.kind,
        subject_unit=fields.subject.unit,
        subject_text=(fields.subject.text or "").strip(),
        decision_number=(fields.decision_number or "").strip(),
        decision_date=fields.decision_date,
        period_from=fields.period_from,
        period_to=fields.period_to,
        team_lead=fields.team_lead.strip(),
        legal_basis=legal.BASIS_BY_KIND.get(fields.kind, legal.INSPECTION_LAW),
        created_by=user,
    )
    if fields.period_from and fields.period_to and fields.period_to < fields.period_from:
        raise ValidationError({"period_to": _("The period inspected ends before it starts.")})
    inspection.full_clean()
    inspection.save()
    inspection.team.set(fields.team)
    return inspection


@transaction.atomic
def finding_add(
    *,
    inspection: Inspection,
    user,
    subject_unit: Agency | None,
    rule: str,
    legal_basis: str,
    description: str,
    severity: str,
) -> Finding:
    require_inspector(user, inspection.agency)
    _require_open(inspection)
    errors = {}
    if subject_unit is None:
        errors["subject_unit"] = [_("Name the unit the finding is about.")]
    if not (rule or "").strip():
        errors["rule"] = [_("Name the rule that was breached.")]
    if not (legal_basis or "").strip():
        errors["legal_basis"] = [_("Give the legal basis of the rule (law, decree, article).")]
    if errors:
        raise ValidationError(errors)
    _check_unit(inspection.agency, subject_unit, "subject_unit")
    finding = Finding(
        inspection=inspection,
        subject_unit=subject_unit,
        rule=rule.strip(),
        legal_basis=legal_basis.strip(),
        description=(description or "").strip(),
        severity=severity,
    )
    finding.full_clean()
    finding.save()
    return finding


@dataclass
class ViolationFields:
    person_name: str
    unit: Agency | None
    rule: str
    severity: str
    person_position: str = ""
    head_name: str = ""
    head_accountability: str = ""


@transaction.atomic
def violation_add(*, finding: Finding, user, fields: ViolationFields) -> Violation:
    inspection = finding.inspection
    require_inspector(user, inspection.agency)
    _require_open(inspection)
    _check_unit(inspection.agency, fields.unit, "unit")
    violation = Violation(
        finding=finding,
        person_name=fields.person_name.strip(),
        person_position=fields.person_position.strip(),
        unit=fields.unit,
        rule=(fields.rule or finding.rule).strip(),
        severity=fields.severity,
        head_name=fields.head_name.strip(),
        head_accountability=fields.head_accountability,
    )
    violation.full_clean()
    if violation.head_accountability and not violation.head_name:
        raise ValidationError({"head_name": _("Name the head whose accountability is recorded.")})
    violation.save()
    return violation


@transaction.atomic
def remedy_add(
    *,
    inspection: Inspection,
    user,
    text: str,
    lead_unit: Agency | None,
    due_on: datetime.date | None,
    support_units: list[Agency] | None = None,
    finding: Finding | None = None,
) -> Remedy:
    require_inspector(user, inspection.agency)
    _require_open(inspection)
    support_units = support_units or []
    errors = {}
    if not (text or "").strip():
        errors["text"] = [_("Say what must be remedied.")]
    if lead_unit is None:
        errors["lead_unit"] = [_("Name the unit that leads the remedy.")]
    if due_on is None:
        errors["due_on"] = [_("Give the remedy a deadline.")]
    if errors:
        raise ValidationError(errors)
    _check_unit(inspection.agency, lead_unit, "lead_unit")
    if any(u.pk == lead_unit.pk for u in support_units):
        raise ValidationError(
            {
                "support_units": _("%(unit)s leads the remedy; it cannot also support it.")
                % {"unit": lead_unit}
            }
        )
    for unit in support_units:
        _check_unit(inspection.agency, unit, "support_units")
    if finding is not None and finding.inspection_id != inspection.pk:
        raise ValidationError({"finding": _("Choose a finding of this inspection.")})
    remedy = Remedy(
        inspection=inspection,
        finding=finding,
        text=text.strip(),
        lead_unit=lead_unit,
        due_on=due_on,
    )
    remedy.full_clean()
    remedy.save()
    remedy.support_units.set(support_units)
    return remedy


@transaction.atomic
def inspection_conclude(
    *,
    inspection: Inspection,
    user,
    number: str,
    concluded_on: datetime.date | None,
    conclusion: str,
    signer_name: str = "",
    signer_position: str = "",
) -> Inspection:
    require_inspector(user, inspection.agency)
    _require_open(inspection)
    errors = {}
    if not (number or "").strip():
        errors["conclusion_number"] = [_("Give the conclusion's number.")]
    if concluded_on is None:
        errors["conclusion_date"] = [_("Give the conclusion's date.")]
    elif concluded_on < inspection.decision_date:
        errors["conclusion_date"] = [_("The conclusion cannot be dated before the decision.")]
    if not (conclusion or "").strip():
        errors["conclusion"] = [_("Write the conclusions.")]
    if errors:
        raise ValidationError(errors)
    inspection.conclusion_number = number.strip()
    inspection.conclusion_date = concluded_on
    inspection.conclusion = conclusion.strip()
    inspection.signer_name = signer_name.strip()
    inspection.signer_position = signer_position.strip()
    inspection.status = InspectionStatus.CONCLUDED
    inspection.full_clean()
    inspection.save()
    return inspection


@transaction.atomic
def inspection_close(*, inspection: Inspection, user) -> Inspection:
    """Close once every remedy is a task and every task is done (or cancelled)."""
    require_inspector(user, inspection.agency)
    if inspection.status == InspectionStatus.CLOSED:
        return inspection
    if inspection.status != InspectionStatus.CONCLUDED:
        raise ValidationError({"status": _("Record the conclusion before closing the inspection.")})
    remedies = list(inspection.remedies.select_related("task"))
    unassigned = [r for r in remedies if r.state == RemedyState.UNASSIGNED]
    if unassigned:
        raise ValidationError(
            {
                "remedies": _(
                    "%(count)d remedies are not yet tasks of their units: make them tasks first."
                )
                % {"count": len(unassigned)}
            }
        )
    pending = [r for r in remedies if r.state == RemedyState.OPEN]
    if pending:
        raise ValidationError(
            {
                "remedies": _("%(count)d remedies are not done yet: %(items)s.")
                % {"count": len(pending), "items": "; ".join(str(r) for r in pending)}
            }
        )
    inspection.status = InspectionStatus.CLOSED
    inspection.closed_at = timezone.now()
    inspection.save(update_fields=["status", "closed_at"])
    return inspection
