"""Inspections over the API (/api/oversight/…): the same services and rules as the pages.
Everything needs the signed-in session (with the CSRF token for writes). Violators' names come
back as null to whoever may not read them (Access.can_view_violation_names)."""

import datetime

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.security import django_auth

from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.oversight import services
from quantri.oversight.models import Inspection

router = Router(tags=["oversight"], auth=django_auth)


class InspectionOut(Schema):
    id: int
    agency: str
    kind: str
    subject_kind: str
    subject: str
    decision_number: str
    decision_date: datetime.date
    status: str


class ViolationOut(Schema):
    id: int
    person_name: str | None
    unit: str
    rule: str
    severity: str
    head_accountability: str


class FindingOut(Schema):
    id: int
    unit: str
    rule: str
    legal_basis: str
    description: str
    severity: str
    violations: list[ViolationOut]


class RemedyOut(Schema):
    id: int
    text: str
    lead_unit: str
    due_on: datetime.date
    state: str
    overdue: bool
    task: int | None


class InspectionDetailOut(InspectionOut):
    findings: list[FindingOut]
    remedies: list[RemedyOut]


class FindingIn(Schema):
    unit: str | None = None  # the unit's code
    rule: str = ""
    legal_basis: str = ""
    description: str = ""
    severity: str = "minor"


class RemedyIn(Schema):
    text: str = ""
    lead_unit: str | None = None  # the unit's code
    support_units: list[str] = []
    due_on: datetime.date | None = None
    finding: int | None = None


def _summary(i: Inspection) -> dict:
    return {
        "id": i.pk,
        "agency": i.agency.code,
        "kind": i.kind,
        "subject_kind": i.subject_kind,
        "subject": i.subject_text,
        "decision_number": i.decision_number,
        "decision_date": i.decision_date,
        "status": i.status,
    }


def _readable(request, inspection_id: int, *, full: bool = False) -> tuple[Inspection, Access]:
    inspection = get_object_or_404(Inspection.objects.select_related("agency"), pk=inspection_id)
    access = Access.for_request(request)
    if access.can_read_all_inspections(inspection.agency_id):
        return inspection, access
    if not full and access.viewable_findings(inspection.findings.all()).exists():
        return inspection, access
    raise Http404


@router.get("/inspections", response=list[InspectionOut], summary="Inspections I may read")
def inspections(request):
    access = Access.for_request(request)
    found = access.viewable_inspections(Inspection.objects.select_related("agency"))
    return [_summary(i) for i in found]


@router.get("/inspections/{inspection_id}", response=InspectionDetailOut, summary="An inspection")
def inspection(request, inspection_id: int):
    item, access = _readable(request, inspection_id)
    findings = access.viewable_findings(item.findings.select_related("subject_unit"))
    remedies = item.remedies.select_related("lead_unit", "task")
    if not access.can_read_all_inspections(item.agency_id):
        remedies = remedies.filter(lead_unit_id__in=access.task_unit_ids)
    return {
        **_summary(item),
        "findings": [_finding(f, access) for f in findings],
        "remedies": [_remedy(r) for r in remedies],
    }


def _finding(f, access) -> dict:
    return {
        "id": f.pk,
        "unit": f.subject_unit.code,
        "rule": f.rule,
        "legal_basis": f.legal_basis,
        "description": f.description,
        "severity": f.severity,
        "violations": [
            {
                "id": v.pk,
                "person_name": v.person_name if access.can_view_violation_names(v) else None,
                "unit": v.unit.code,
                "rule": v.rule,
                "severity": v.severity,
                "head_accountability": v.head_accountability,
            }
            for v in f.violations.select_related("unit", "finding__inspection")
        ],
    }


def _remedy(r) -> dict:
    return {
        "id": r.pk,
        "text": r.text,
        "lead_unit": r.lead_unit.code,
        "due_on": r.due_on,
        "state": r.state,
        "overdue": r.is_overdue(),
        "task": r.task_id,
    }


def _unit(code: str | None, field: str) -> Agency | None:
    if not code:
        return None
    unit = Agency.objects.filter(code=code).first()
    if unit is None:
        raise ValidationError({field: _("No unit has the code %(code)s.") % {"code": code[:40]}})
    return unit


@router.post(
    "/inspections/{inspection_id}/findings",
    response={201: FindingOut},
    summary="Record a finding (the inspector)",
)
def finding_add(request, inspection_id: int, body: FindingIn):
    item, access = _readable(request, inspection_id, full=True)
    finding = services.finding_add(
        inspection=item,
        user=request.user,
        subject_unit=_unit(body.unit, "unit"),
        rule=body.rule,
        legal_basis=body.legal_basis,
        description=body.description,
        severity=body.severity,
    )
    return 201, _finding(finding, access)


@router.post(
    "/inspections/{inspection_id}/remedies",
    response={201: RemedyOut},
    summary="Require a remedy (the inspector)",
)
def remedy_add(request, inspection_id: int, body: RemedyIn):
    item, _access = _readable(request, inspection_id, full=True)
    finding = item.findings.filter(pk=body.finding).first() if body.finding else None
    if body.finding and finding is None:
        raise ValidationError({"finding": _("Choose a finding of this inspection.")})
    remedy = services.remedy_add(
        inspection=item,
        user=request.user,
        text=body.text,
        lead_unit=_unit(body.lead_unit, "lead_unit"),
        due_on=body.due_on,
        support_units=[_unit(code, "support_units") for code in body.support_units],
        finding=finding,
    )
    return 201, _remedy(remedy)


@router.post(
    "/inspections/{inspection_id}/close",
    response=InspectionOut,
    summary="Close an inspection whose remedies are done (the inspector)",
)
def close(request, inspection_id: int):
    item, _access = _readable(request, inspection_id, full=True)
    return _summary(services.inspection_close(inspection=item, user=request.user))
