"""The plan's header: number, dates, title, signer and parent plans."""

import dataclasses
import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from quantri.plans.editing.rules import record, require_manager
from quantri.plans.models import Plan

HEADER_FIELDS = (
    "number",
    "issued_on",
    "title",
    "year",
    "signer_name",
    "signer_position",
    "signer_authority",
    "parent",
    "parent_refs",
)


@dataclasses.dataclass
class PlanHeader:
    number: str
    issued_on: datetime.date | None
    title: str
    year: int
    signer_name: str
    signer_position: str
    signer_authority: str
    parent: Plan | None
    parent_refs: list[str]

    @classmethod
    def of(cls, plan: Plan) -> "PlanHeader":
        return cls(**{name: getattr(plan, name) for name in HEADER_FIELDS})


@transaction.atomic
def plan_edit(*, plan: Plan, user, header: PlanHeader, reason: str = "") -> Plan:
    require_manager(user, plan)
    if header.parent is not None and (
        header.parent.pk == plan.pk or header.parent.agency_id not in parent_agency_ids(plan)
    ):
        raise ValidationError(
            {"parent": _("A parent plan must be another plan of this agency or one above it.")}
        )
    if not (header.title or "").strip():
        raise ValidationError({"title": _("The plan needs a title.")})
    for name in HEADER_FIELDS:
        setattr(plan, name, getattr(header, name))
    plan.parent_refs = [ref.strip() for ref in header.parent_refs if ref.strip()]
    plan.full_clean()
    record(plan, user, _("Plan header edited"), reason)
    plan.save()
    return plan


def parent_agency_ids(plan: Plan) -> set[int]:
    """The plan's agency and those above it: where a parent plan may come from."""
    ids, agency = set(), plan.agency
    while agency is not None:
        ids.add(agency.pk)
        agency = agency.parent
    return ids
