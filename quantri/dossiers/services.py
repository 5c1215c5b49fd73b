"""Every change to a dossier: registered at the desk, moved through its states, handed over,
rated. Each runs in one transaction that also updates the daily aggregates."""

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.core.calendar import working_calendar
from quantri.core.workdays import WorkingCalendar
from quantri.dossiers import aggregates, timing
from quantri.dossiers.models import Channel, Dossier, DossierStep, Outcome, State

# The desk's state machine (brief §4). Processed → returned is the only way out of processed.
TRANSITIONS: dict[str, set[str]] = {
    State.NEW: {State.RECEIVED, State.NOT_ACCEPTED},
    State.RECEIVED: {State.PROCESSING, State.WITHDRAWN},
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


def compute_due_at(
    *, procedure, channel: str, received_at: datetime.datetime, calendar: WorkingCalendar
) -> datetime.datetime:
    due = timing.due_at(
        _naive(received_at),
        procedure.processing_days or 0,
        calendar,
        paper=channel != Channel.ONLINE,
    )
    return timezone.make_aware(due)


def new_code(agency, received_at: datetime.datetime) -> str:
    """<agency code>-<yymmdd>-<random>: unique enough for the desk, checked by the database."""
    return f"{agency.code}-{timezone.localtime(received_at):%y%m%d}-{secrets.token_hex(3).upper()}"


@transaction.atomic
def dossier_register(
    *,
    procedure,
    agency,
    unit=None,
    applicant_name: str,
    applicant_id: str = "",
    channel: str,
    user,
    received_at: datetime.datetime | None = None,
    code: str = "",
    calendar: WorkingCalendar | None = None,
) -> Dossier:
    received_at = received_at or timezone.now()
    dossier = Dossier(
        code=code or new_code(agency, received_at),
        procedure=procedure,
        agency=agency,
        unit=unit or agency,
        applicant_name=applicant_name.strip(),
        applicant_id=applicant_id.strip(),
        channel=channel,
        received_at=received_at,
        due_at=compute_due_at(
            procedure=procedure,
            channel=channel,
            received_at=received_at,
            calendar=calendar or working_calendar(),
        ),
        state=State.RECEIVED,
        online_type=procedure.online_service if channel == Channel.ONLINE else "none",
    )
    dossier.full_clean()
    dossier._history_user = user
    dossier.save()
    aggregates.apply_change(None, aggregates.snapshot(dossier))
    return dossier


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
    return _save(dossier, before, user)


@transaction.atomic
def dossier_hand_over(
    *, dossier: Dossier, to_unit, user, result_note: str = "", at=None
) -> DossierStep:
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
