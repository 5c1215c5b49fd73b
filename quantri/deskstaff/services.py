"""Desk assignments, rotations and checks: who may write them, and what a valid one is.
Each runs in one transaction and saves nothing when it refuses."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from quantri.core.names import display_name
from quantri.deskstaff import facts
from quantri.deskstaff.figures import OfficerFigures
from quantri.deskstaff.models import DeskAssignment, DeskCheck, Rotation
from quantri.dossiers.models import ReceivingBody
from quantri.orgs.access import Access
from quantri.orgs.models import Agency


def _require_manager(user, agency_id: int) -> None:
    if user is not None and not Access.for_user(user).can_manage_desk_staff(agency_id):
        raise PermissionDenied(_("Only the agency's leaders and office manage its desk staff."))


@transaction.atomic
def assignment_create(
    *,
    user,
    person,
    receiving_body: ReceivingBody,
    valid_from: datetime.date,
    valid_to: datetime.date | None = None,
    fields: str = "",
    procedures=(),
) -> DeskAssignment:
    _require_manager(user, receiving_body.agency_id)
    assignment = DeskAssignment(
        person=person,
        receiving_body=receiving_body,
        valid_from=valid_from,
        valid_to=valid_to,
        fields=fields.strip(),
    )
    assignment.full_clean()
    clash = DeskAssignment.objects.overlapping(
        person_id=person.pk, start=valid_from, end=valid_to
    ).first()
    if clash is not None:
        raise ValidationError(
            {
                "valid_from": _(
                    "%(person)s is already assigned to %(body)s from %(start)s to %(end)s: "
                    "one person's assignments may not overlap."
                )
                % {
                    "person": display_name(person),
                    "body": clash.receiving_body.name,
                    "start": f"{clash.valid_from:%d/%m/%Y}",
                    "end": f"{clash.valid_to:%d/%m/%Y}" if clash.valid_to else _("now"),
                }
            }
        )
    assignment._history_user = user
    assignment.save()
    assignment.procedures.set(procedures)
    return assignment


@transaction.atomic
def rotation_plan(
    *,
    user,
    person,
    agency: Agency,
    post: str,
    in_post_since: datetime.date,
    planned_on: datetime.date,
    period_years: int,
    area: str = "direct_contact",
) -> Rotation:
    _require_manager(user, agency.pk)
    rotation = Rotation(
        person=person,
        agency=agency,
        post=post.strip(),
        area=area,
        in_post_since=in_post_since,
        planned_on=planned_on,
        period_years=period_years,
    )
    rotation.full_clean()
    rotation._history_user = user
    rotation.save()
    return rotation


@transaction.atomic
def rotation_record_done(
    *, user, rotation: Rotation, done_on: datetime.date, new_post: str = ""
) -> Rotation:
    _require_manager(user, rotation.agency_id)
    rotation = Rotation.objects.select_for_update().get(pk=rotation.pk)
    rotation.done_on = done_on
    rotation.new_post = new_post.strip()
    rotation.full_clean()
    rotation._history_user = user
    rotation.save(update_fields=["done_on", "new_post"])
    return rotation


@transaction.atomic
def check_record(
    *,
    user,
    person,
    agency: Agency,
    period_start: datetime.date,
    period_end: datetime.date,
    assessment: str,
    reasons: str = "",
) -> DeskCheck:
    """The assessment, with the officer's figures for the period as they stand now: a later
    import may change the dossiers, not what the assessor saw."""
    _require_manager(user, agency.pk)
    check = DeskCheck(
        person=person,
        agency=agency,
        period_start=period_start,
        period_end=period_end,
        assessment=assessment,
        reasons=reasons.strip(),
        assessed_by=user,
    )
    check.full_clean()
    figures = facts.agency_figures(agency, start=period_start, end=period_end)
    check.figures = (figures.get(person.pk) or OfficerFigures()).as_dict()
    check.save()
    return check


def officer_agency_ids(person) -> set[int]:
    """The agencies whose desk the person works or worked at, or was checked or rotated by."""
    ids = set(
        DeskAssignment.objects.filter(person=person).values_list(
            "receiving_body__agency_id", flat=True
        )
    )
    ids |= set(DeskCheck.objects.filter(person=person).values_list("agency_id", flat=True))
    ids |= set(Rotation.objects.filter(person=person).values_list("agency_id", flat=True))
    return ids
