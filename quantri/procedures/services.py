"""Use cases that change the procedure catalogue and its reviews. Views, the API and the
`quantri procedures` command all call these (the XLSX import lives in importing.py)."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.plans.models import Task, TaskGroup
from quantri.procedures import hooks
from quantri.procedures.models import (
    Fee,
    Procedure,
    ProcedureField,
    ProcedureReview,
    Proposal,
    ReviewItem,
)


@dataclass
class FeeData:
    name: str
    amount: Decimal | None = None
    amount_text: str = ""
    legal_basis: str = ""

    def as_tuple(self) -> tuple:
        return (self.name, self.amount, self.amount_text, self.legal_basis)


@dataclass
class ProcedureData:
    """Everything a procedure says, as the office or a spreadsheet gives it."""

    code: str
    name: str
    field: ProcedureField
    level: str
    agency: Agency
    processing_days: int | None = None
    processing_time_text: str = ""
    documents: list[dict] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    legal_bases: list[str] = field(default_factory=list)
    online_service: str = "none"
    old_online_level: int | None = None
    is_published: bool = False
    last_reviewed_on: datetime.date | None = None
    fees: list[FeeData] = field(default_factory=list)


_COPIED_FIELDS = [
    "name",
    "field",
    "level",
    "agency",
    "processing_days",
    "processing_time_text",
    "documents",
    "steps",
    "legal_bases",
    "online_service",
    "old_online_level",
    "is_published",
    "last_reviewed_on",
]


_LEGAL_BASES = _COPIED_FIELDS.index("legal_bases")


class SaveResult:
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def _require_manager(user, agency_id: int) -> None:
    """A person acting must manage the agency's catalogue (its leaders, office and
    administrators); `user=None` is the system itself (the demo, a command)."""
    if user is not None and not Access.for_user(user).can_manage_procedures(agency_id):
        raise PermissionDenied(_("You may not manage the procedures of this agency."))


@transaction.atomic
def procedure_save(*, data: ProcedureData, user) -> tuple[Procedure, str]:
    """Create the procedure with this national code, or update the one that has it.

    Returns the procedure and whether it was created, updated or left unchanged, so a
    re-imported catalogue adds no history rows for procedures nobody changed.
    """
    procedure = Procedure.objects.filter(code=data.code).first()
    _require_manager(user, data.agency.pk)
    if procedure is not None:
        # A national code is unique: without this, naming another agency's code would move
        # that agency's procedure into the caller's catalogue.
        _require_manager(user, procedure.agency_id)
    created = procedure is None
    procedure = procedure or Procedure(code=data.code)
    before = None if created else _snapshot(procedure)
    for name in _COPIED_FIELDS:
        setattr(procedure, name, getattr(data, name))
    procedure.refresh_folded_name()
    fees_before = [] if created else [_fee_tuple(f) for f in procedure.fees.all()]
    fees_after = [f.as_tuple() for f in data.fees]
    if not created and before == _snapshot(procedure) and fees_before == fees_after:
        return procedure, SaveResult.UNCHANGED
    procedure._history_user = user
    procedure.full_clean()
    procedure.save()
    if fees_before != fees_after:
        _replace_fees(procedure, data.fees)
    if not created and list(before[_LEGAL_BASES]) != list(procedure.legal_bases):
        hooks.legal_basis_changed(
            procedure=procedure, before=list(before[_LEGAL_BASES]), after=procedure.legal_bases
        )
    return procedure, SaveResult.CREATED if created else SaveResult.UPDATED


def _snapshot(procedure: Procedure) -> tuple:
    return tuple(
        getattr(procedure, f"{name}_id" if name in ("field", "agency") else name)
        for name in _COPIED_FIELDS
    )


def _fee_tuple(fee: Fee) -> tuple:
    return (fee.name, fee.amount, fee.amount_text, fee.legal_basis)


def _replace_fees(procedure: Procedure, fees: list[FeeData]) -> None:
    procedure.fees.all().delete()
    for order, data in enumerate(fees, start=1):
        fee = Fee(
            procedure=procedure,
            order=order,
            name=data.name,
            amount=data.amount,
            amount_text=data.amount_text,
            legal_basis=data.legal_basis,
        )
        fee.full_clean()
        fee.save()


def procedure_set_published(*, procedure: Procedure, user, published: bool) -> Procedure:
    _require_manager(user, procedure.agency_id)
    procedure.is_published = published
    procedure._history_user = user
    procedure.save(update_fields=["is_published", "updated_at"])
    return procedure


@transaction.atomic
def field_save(*, code: str, name: str, order: int = 0) -> tuple[ProcedureField, bool]:
    existing = ProcedureField.objects.filter(code=code).first()
    if existing and (existing.name, existing.order) == (name, order):
        return existing, False
    field_ = existing or ProcedureField(code=code)
    field_.name, field_.order = name, order
    field_.full_clean()
    field_.save()
    return field_, existing is None


@transaction.atomic
def field_add(*, code: str, name: str) -> tuple[ProcedureField, bool]:
    """The field with this code, created last in the list when the catalogue lacks it; an
    existing one is returned as its owner left it (see importing.catalogue_import)."""
    existing = ProcedureField.objects.filter(code=code).first()
    if existing is not None:
        return existing, False
    last = ProcedureField.objects.aggregate(last=Max("order"))["last"] or 0
    return field_save(code=code, name=name, order=last + 1)


@transaction.atomic
def review_create(
    *, agency: Agency, year: int, title: str, user, started_on: datetime.date | None = None
) -> ProcedureReview:
    review = ProcedureReview(
        agency=agency,
        year=year,
        title=title,
        started_on=started_on or timezone.localdate(),
        created_by=user,
    )
    review._history_user = user
    review.full_clean()
    review.save()
    return review


@transaction.atomic
def review_item_save(
    *, review: ProcedureReview, procedure: Procedure, proposal: str, reasons: str, user
) -> ReviewItem:
    """Record (or change) the proposal for one procedure in an open review."""
    if not review.is_open:
        raise ValidationError(_("This review is closed; its proposals can no longer change."))
    item = ReviewItem.objects.filter(review=review, procedure=procedure).first()
    item = item or ReviewItem(review=review, procedure=procedure)
    item.proposal, item.reasons = proposal, reasons
    item._history_user = user
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def review_close(
    *, review: ProcedureReview, user, closed_on: datetime.date | None = None
) -> ProcedureReview:
    """Close the cycle; each procedure it covered counts as reviewed on that day."""
    if not review.is_open:
        raise ValidationError(_("This review is already closed."))
    review.closed_on = closed_on or timezone.localdate()
    review._history_user = user
    review.full_clean()
    review.save(update_fields=["closed_on"])
    for procedure in Procedure.objects.filter(review_items__review=review):
        procedure.last_reviewed_on = review.closed_on
        procedure._history_user = user
        procedure.save(update_fields=["last_reviewed_on", "updated_at"])
    return review


def suggested_task_title(item: ReviewItem) -> str:
    return _("%(proposal)s the procedure “%(name)s” (%(code)s)") % {
        "proposal": item.get_proposal_display(),
        "name": item.procedure.name,
        "code": item.procedure.code,
    }


@transaction.atomic
def review_item_create_task(
    *,
    item: ReviewItem,
    group: TaskGroup,
    user,
    title: str = "",
    lead_unit: Agency | None = None,
    due_on: datetime.date | None = None,
) -> Task:
    """Turn a proposal to change a procedure into a task of a plan (last in its group), led by
    the procedure's implementing agency unless another unit is named."""
    item = ReviewItem.objects.select_for_update().select_related("procedure").get(pk=item.pk)
    if item.task_id:
        raise ValidationError(_("A task has already been created for this proposal."))
    if item.proposal == Proposal.KEEP:
        raise ValidationError(_("A procedure proposed to be kept needs no task."))
    last = group.tasks.aggregate(last=Max("order"))["last"] or 0
    task = Task(
        group=group,
        order=last + 1,
        title=(title.strip() or suggested_task_title(item))[:500],
        description=item.reasons or suggested_task_title(item),
        lead_unit=lead_unit or item.procedure.agency,
        due_on=due_on,
    )
    task._history_user = user
    task.full_clean()
    task.save()
    item.task = task
    item._history_user = user
    item.save(update_fields=["task"])
    return task
