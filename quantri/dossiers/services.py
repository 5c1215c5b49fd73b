"""Every change to a dossier: registered at the desk, moved through its states, handed over,
rated. Each runs in one transaction that also updates the daily aggregates."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.core.calendar import working_calendar
from quantri.core.workdays import WorkingCalendar
from quantri.dossiers import aggregates, codes, timing
from quantri.dossiers.models import (
    OPEN_STATES,
    Channel,
    DeskLetter,
    Dossier,
    DossierStep,
    LetterKind,
    Outcome,
    ProcedureCutoff,
    State,
)
from quantri.orgs.access import Access
from quantri.orgs.models import Agency

# The desk's state machine (brief §4). Processed → returned is the only way out of processed.
TRANSITIONS: dict[str, set[str]] = {
    State.NEW: {State.RECEIVED, State.NOT_ACCEPTED},
    # The desk may find a received dossier incomplete (request for additional documents) or
    # outside what can be processed (refusal: processing stops) before handing it on.
    State.RECEIVED: {
        State.PROCESSING,
        State.ADDITIONAL_REQUESTED,
        State.STOPPED,
        State.WITHDRAWN,
    },
    State.PROCESSING: {
        State.ADDITIONAL_REQUESTED,
        State.AWAITING_FEE,
        State.PROCESSED,
        State.STOPPED,
        State.WITHDRAWN,
    },
    State.ADDITIONAL_REQUESTED: {State.PROCESSING, State.WITHDRAWN, State.STOPPED},
    State.AWAITING_FEE: {State.PROCESSING, State.WITHDRAWN},
    State.PROCESSED: {State.RETURNED},
    State.NOT_ACCEPTED: set(),
    State.WITHDRAWN: set(),
    State.STOPPED: set(),
    State.RETURNED: set(),
}


def outcome_of(due_at: datetime.datetime, result_at: datetime.datetime) -> str:
    verdict = timing.classify(_naive(due_at), result_at=_naive(result_at), now=_naive(result_at))
    return Outcome(verdict.value)


def _naive(moment: datetime.datetime) -> datetime.datetime:
    return timezone.make_naive(moment) if timezone.is_aware(moment) else moment


def cutoff_of(procedure) -> datetime.time | None:
    """The procedure's own afternoon cut-off, when its rule sets one (models.ProcedureCutoff)."""
    found = ProcedureCutoff.objects.filter(procedure=procedure).values_list("cutoff", flat=True)
    return found.first()


class DeskDueDates:
    """The due-date rule of a batch job (import, generator), remembered across its dossiers,
    with every procedure's cut-off read once."""

    def __init__(self, calendar: WorkingCalendar | None = None):
        self._due = timing.DueDates(
            calendar or working_calendar(), closing=settings.QUANTRI_DESK_CLOSING
        )
        self._cutoffs = dict(ProcedureCutoff.objects.values_list("procedure_id", "cutoff"))

    def __call__(self, received_local: datetime.datetime, procedure) -> datetime.datetime:
        cutoff = self._cutoffs.get(procedure.pk)
        return self._due(received_local, procedure.processing_days or 0, cutoff=cutoff)


def due_dates(calendar: WorkingCalendar | None = None) -> DeskDueDates:
    return DeskDueDates(calendar)


def compute_due_at(
    *, procedure, received_at: datetime.datetime, calendar: WorkingCalendar
) -> datetime.datetime:
    due = timing.due_at(
        _naive(received_at),
        procedure.processing_days or 0,
        calendar,
        cutoff=cutoff_of(procedure),
        closing=settings.QUANTRI_DESK_CLOSING,
    )
    return timezone.make_aware(due)


def new_code(agency, received_at: datetime.datetime) -> str:
    """The day's next code of the agency (quantri.dossiers.codes); the unique index still
    guards two desks registering at the same moment."""
    day = timezone.localtime(received_at).date()
    pattern = codes.sequence_pattern(agency.code, day)
    last = (
        Dossier.objects.filter(code__regex=pattern)
        .order_by("-code")
        .values_list("code", flat=True)
        .first()
    )
    return codes.desk_code(agency.code, day, codes.sequence_of(last) if last else 0)


def require_desk(*, user, agency_id: int) -> None:
    """The desk's work on an agency's dossiers is its managers' (leaders, office, administrators)
    and the officers placed at its desk; `user=None` is the system itself (the demo, the
    generator, a command)."""
    if user is not None and not Access.for_user(user).can_work_desk(agency_id):
        raise PermissionDenied(_("Only the agency's one-stop desk handles its dossiers."))


@transaction.atomic
def dossier_register(
    *,
    procedure,
    agency,
    unit=None,
    applicant_name: str,
    applicant_id: str = "",
    applicant_phone: str = "",
    applicant_address: str = "",
    channel: str,
    user,
    received_at: datetime.datetime | None = None,
    code: str = "",
    calendar: WorkingCalendar | None = None,
) -> Dossier:
    require_desk(user=user, agency_id=agency.pk)
    received_at = received_at or timezone.now()
    dossier = Dossier(
        code=codes.normalise(code) or new_code(agency, received_at),
        procedure=procedure,
        agency=agency,
        unit=unit or agency,
        applicant_name=applicant_name.strip(),
        applicant_id=applicant_id.strip(),
        applicant_phone=applicant_phone.strip(),
        applicant_address=applicant_address.strip(),
        channel=channel,
        received_at=received_at,
        due_at=compute_due_at(
            procedure=procedure,
            received_at=received_at,
            calendar=calendar or working_calendar(),
        ),
        state=State.RECEIVED,
        online_type=procedure.online_service if channel == Channel.ONLINE else "none",
        received_by=_person(user),
    )
    dossier.full_clean()
    dossier._history_user = user
    dossier.save()
    aggregates.apply_change(None, aggregates.snapshot(dossier))
    return dossier


def _person(user):
    """The signed-in officer, or None for the system (the demo, the generator, a command)."""
    return user if getattr(user, "pk", None) else None


def _save(dossier: Dossier, before: dict, user) -> Dossier:
    dossier.full_clean()
    dossier._history_user = user
    dossier.save()
    aggregates.apply_change(before, aggregates.snapshot(dossier))
    return dossier


@transaction.atomic
def dossier_transition(
    *, dossier: Dossier, to_state: str, user, at: datetime.datetime | None = None
) -> Dossier:
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    require_desk(user=user, agency_id=dossier.agency_id)
    if to_state not in TRANSITIONS.get(dossier.state, set()):
        raise ValidationError(
            _("A dossier in state “%(from)s” cannot move to “%(to)s”.")
            % {
                "from": State(dossier.state).label,
                "to": State(to_state).label if to_state in State.values else to_state,
            }
        )
    before = aggregates.snapshot(dossier)
    at = at or timezone.now()
    dossier.state = to_state
    if to_state == State.PROCESSED:
        dossier.result_at = at
        dossier.outcome = outcome_of(dossier.due_at, at)
    elif to_state == State.RETURNED:
        dossier.returned_at = at
        dossier.returned_by = _person(user) or dossier.returned_by
    return _save(dossier, before, user)


@transaction.atomic
def dossier_hand_over(
    *, dossier: Dossier, to_unit, user, result_note: str = "", at=None
) -> DossierStep:
    require_desk(user=user, agency_id=dossier.agency_id)
    if to_unit.pk not in Agency.objects.subtree_ids(dossier.agency):
        raise ValidationError(
            {
                "to_unit": _("%(unit)s is not a unit of %(agency)s.")
                % {"unit": to_unit, "agency": dossier.agency}
            }
        )
    last = dossier.steps.order_by("-at", "-pk").first()
    step = DossierStep(
        dossier=dossier,
        from_unit=last.to_unit if last else dossier.unit,
        to_unit=to_unit,
        at=at or timezone.now(),
        result_note=result_note.strip(),
        user=user if getattr(user, "pk", None) else None,
    )
    step.full_clean()
    step.save()
    return step


@transaction.atomic
def dossier_update_flags(
    *,
    dossier: Dossier,
    user,
    paid_online: bool | None = None,
    digitised: bool | None = None,
    rating: str | None = None,
    complaint: bool | None = None,
) -> Dossier:
    """Online payment, digitisation, the citizen's rating and complaint; None leaves as is."""
    require_desk(user=user, agency_id=dossier.agency_id)
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    before = aggregates.snapshot(dossier)
    for name, value in (
        ("paid_online", paid_online),
        ("digitised", digitised),
        ("rating", rating),
        ("complaint", complaint),
    ):
        if value is not None:
            setattr(dossier, name, value)
    return _save(dossier, before, user)


# The desk's letters (quantri.dossiers.desk_slips) each record what they tell the citizen.
# A request for additional documents is made once, by the desk at reception or by the
# handling unit during processing (Decree 61/2018, art. 19); a refusal before reception
# is "not accepted", after it processing "stopped".
REQUEST_STATES = {State.RECEIVED, State.PROCESSING}
REFUSAL_TARGETS = {
    State.NEW: State.NOT_ACCEPTED,
    State.RECEIVED: State.STOPPED,
    State.PROCESSING: State.STOPPED,
    State.ADDITIONAL_REQUESTED: State.STOPPED,
}
# The notice to stop processing (Circular 03/2025/TT-VPCP, form 05): a received dossier the
# agency stops handling (the citizen asked to, or did not complete it in time).
STOP_STATES = {State.RECEIVED, State.PROCESSING, State.ADDITIONAL_REQUESTED}


def _letter(dossier: Dossier, kind: str, user, **values) -> DeskLetter:
    letter = DeskLetter(
        dossier=dossier, kind=kind, user=user if getattr(user, "pk", None) else None, **values
    )
    letter.full_clean()
    letter.save()
    return letter


@transaction.atomic
def dossier_request_additional(
    *,
    dossier: Dossier,
    user,
    items: str = "",
    signed_by: str = "",
    at: datetime.datetime | None = None,
) -> Dossier:
    """The citizen is asked to complete the dossier: it waits in "additional requested", and
    the letter (the documents asked for) is kept to be printed again."""
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if dossier.state not in REQUEST_STATES:
        raise ValidationError(
            _(
                "Additional documents can be requested only once, from a received or processing "
                "dossier; this one is “%(state)s”."
            )
            % {"state": State(dossier.state).label}
        )
    dossier = dossier_transition(
        dossier=dossier, to_state=State.ADDITIONAL_REQUESTED, user=user, at=at
    )
    _letter(dossier, LetterKind.ADDITIONAL_REQUEST, user, text=items, signed_by=signed_by)
    return dossier


@transaction.atomic
def dossier_refuse(
    *,
    dossier: Dossier,
    user,
    reason: str = "",
    signed_by: str = "",
    at: datetime.datetime | None = None,
) -> Dossier:
    """The refusal letter: not accepted (a new dossier) or processing stopped (after it);
    the letter (its reason) is kept."""
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    target = REFUSAL_TARGETS.get(dossier.state)
    if target is None:
        raise ValidationError(
            _("A dossier in state “%(state)s” can no longer be refused.")
            % {"state": State(dossier.state).label}
        )
    dossier = dossier_transition(dossier=dossier, to_state=target, user=user, at=at)
    _letter(dossier, LetterKind.REFUSAL, user, text=reason, signed_by=signed_by)
    return dossier


@transaction.atomic
def dossier_stop(
    *,
    dossier: Dossier,
    user,
    reason: str,
    signed_by: str = "",
    at: datetime.datetime | None = None,
) -> Dossier:
    """The notice to stop processing: the dossier is stopped and the notice (its reason) is
    kept to be printed again."""
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if dossier.state not in STOP_STATES:
        raise ValidationError(
            _("A dossier in state “%(state)s” cannot be stopped.")
            % {"state": State(dossier.state).label}
        )
    if not reason.strip():
        raise ValidationError({"text": _("Write why processing stops.")})
    dossier = dossier_transition(dossier=dossier, to_state=State.STOPPED, user=user, at=at)
    _letter(dossier, LetterKind.STOP_NOTICE, user, text=reason.strip(), signed_by=signed_by)
    return dossier


def may_apologise(dossier: Dossier, now: datetime.datetime | None = None) -> bool:
    """Processed late but not yet returned, or still open after its appointment."""
    now = now or timezone.now()
    if dossier.state == State.PROCESSED:
        return dossier.outcome == Outcome.LATE
    return dossier.state in OPEN_STATES and now > dossier.due_at


@transaction.atomic
def dossier_set_new_appointment(
    *,
    dossier: Dossier,
    new_due: datetime.date,
    user,
    calendar: WorkingCalendar | None = None,
) -> Dossier:
    """The apology letter's new appointment, at the office's closing time on a working day
    after today. due_at stays: the 766 index judges the dossier by its first appointment."""
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    require_desk(user=user, agency_id=dossier.agency_id)
    if not may_apologise(dossier):
        raise ValidationError(_("Only a late dossier not yet returned gets a new appointment."))
    calendar = calendar or working_calendar()
    if new_due <= timezone.localdate():
        raise ValidationError({"new_due": _("The new appointment must be after today.")})
    if not calendar.is_working_day(new_due):
        raise ValidationError(
            {"new_due": _("%(day)s is not a working day.") % {"day": f"{new_due:%d/%m/%Y}"}}
        )
    before = aggregates.snapshot(dossier)
    dossier.new_due_at = timezone.make_aware(
        datetime.datetime.combine(new_due, settings.QUANTRI_DESK_CLOSING)
    )
    dossier = _save(dossier, before, user)
    _letter(dossier, LetterKind.APOLOGY, user, new_due=new_due)
    return dossier
