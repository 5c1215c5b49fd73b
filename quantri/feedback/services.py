"""Use cases of citizen feedback. The public form, the staff inbox, the API, Open311 and the
reception records all call these; each checks the move is allowed by the life cycle
(models.TRANSITIONS), saves in one transaction and records a timeline event."""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.core import inserts
from quantri.core.text import fold
from quantri.core.uploads import GIF, JPEG, PDF, PNG, CheckedUpload, detect_kind
from quantri.core.workdays import WorkingCalendar
from quantri.feedback.codes import new_code
from quantri.feedback.deadlines import answer_deadline, current_calendar, receipt_deadlines
from quantri.feedback.models import (
    Channel,
    EventKind,
    Feedback,
    FeedbackAttachment,
    FeedbackCategory,
    FeedbackEvent,
    FeedbackStatus,
)
from quantri.orgs.models import Agency, AgencyKind
from quantri.procedures.models import Procedure

S = FeedbackStatus
ATTACHMENT_KINDS = frozenset({PDF, PNG, JPEG, GIF})
MAX_ATTACHMENTS = 3
SUBMIT_TRUSTED = ["category", "department", "assigned_unit", "api_key"]


def max_attachment_bytes() -> int:
    return getattr(settings, "QUANTRI_FEEDBACK_MAX_ATTACHMENT_MB", 5) * 1024 * 1024


_moment: ContextVar[datetime.datetime | None] = ContextVar("feedback_moment", default=None)


@contextmanager
def happened_at(moment: datetime.datetime) -> Iterator[None]:
    """Record steps at the time they really happened: the demo replays months of handling.
    A context variable, so other requests and threads keep the real clock."""
    token = _moment.set(moment)
    try:
        yield
    finally:
        _moment.reset(token)


def _now() -> datetime.datetime:
    return _moment.get() or timezone.now()


@dataclass(frozen=True)
class Contact:
    """Who sent it, if they chose to say: personal data, for staff only."""

    name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""


def department_of(unit: Agency) -> Agency:
    """The department (or province) a unit belongs to: whose office follows its feedback up."""
    node = unit
    while node.parent_id and node.kind not in (AgencyKind.DEPARTMENT, AgencyKind.PROVINCE):
        node = node.parent
    return node


def feedback_submit(
    *,
    category: FeedbackCategory,
    text: str,
    contact: Contact | None = None,
    consent_to_publish: bool = False,
    channel: str = Channel.WEB,
    location: str = "",
    latitude=None,
    longitude=None,
    attachments: list[CheckedUpload] | tuple = (),
    api_key=None,
    user=None,
    calendar: WorkingCalendar | None = None,
    procedure: Procedure | None = None,
) -> Feedback:
    """Log a citizen's feedback with its tracking code and deadlines. When this returns, the
    item is committed (or part of the caller's transaction): only then may the code be shown.

    Everything is read and checked before the write transaction starts: on SQLite a write
    transaction locks the whole database, so it holds only the inserts."""
    if not category.active:
        raise ValidationError({"category": _("This category no longer takes feedback.")})
    if not (text or "").strip():
        raise ValidationError({"text": _("Write what your feedback is about.")})
    if procedure is not None:
        _check_procedure(procedure)
    if len(attachments) > MAX_ATTACHMENTS:
        raise ValidationError(
            {"attachments": _("At most %(n)s files may be attached.") % {"n": MAX_ATTACHMENTS}}
        )
    for upload in attachments:
        _check_attachment(upload)
    contact = contact or Contact()
    now = _now()
    deadlines = receipt_deadlines(timezone.localdate(now), calendar or current_calendar())
    feedback = Feedback(
        code=new_code(),
        category=category,
        department=department_of(category.unit),
        text=text.strip(),
        procedure=procedure,
        location=location.strip(),
        latitude=latitude,
        longitude=longitude,
        contact_name=contact.name.strip(),
        contact_phone=contact.phone.strip(),
        contact_email=contact.email.strip(),
        contact_address=contact.address.strip(),
        consent_to_publish=consent_to_publish,
        channel=channel,
        api_key=api_key,
        assigned_unit=category.unit,
        received_at=now,
        due_on=deadlines["decision_due_on"],
        **deadlines,
    )
    feedback._history_user = user
    # The hot path of the public side, so nothing is checked twice: the related rows were just
    # loaded, the code's uniqueness is the table's own constraint (below), and the table's
    # check constraints concern states a new item cannot be in (coordinates are range-checked
    # by their field validators).
    feedback.full_clean(exclude=SUBMIT_TRUSTED, validate_unique=False, validate_constraints=False)
    for attempt in range(1, CODE_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                _store_received(feedback, user, unit=category.unit, at=now)
                for upload in attachments:
                    _attach(feedback, upload)
            return feedback
        except IntegrityError:
            # The only unique value a new item brings is its code: a drawn code that is taken
            # (about one in 887 million per stored item) is drawn again. Asking first would
            # cost every submission a query for an event that almost never happens.
            # (An attachment stored by the failed attempt stays behind as an unreferenced file.)
            if attempt == CODE_ATTEMPTS or not _code_taken(feedback.code):
                raise
            feedback.pk, feedback.code = None, new_code()


# A code taken CODE_ATTEMPTS times running means something else is wrong: the error surfaces.
CODE_ATTEMPTS = 5


def _store_received(feedback: Feedback, user, *, unit: Agency, at: datetime.datetime) -> None:
    """The three rows of a new item: the item, its creation entry in the history (who and
    when, as django-simple-history writes it) and its "received" event. Every public
    submission writes them, so they go through SQL built once (quantri.core.inserts) instead
    of three ORM saves, each compiled afresh: those were 40% of a submission's server time."""
    inserts.insert(feedback)
    inserts.record_creation(feedback, user=user, at=timezone.now())
    inserts.insert(_new_event(feedback, EventKind.RECEIVED, user, unit=unit, at=at))


def _code_taken(code: str) -> bool:
    return Feedback.objects.filter(code=code).exists()


def _check_attachment(upload: CheckedUpload) -> None:
    """Checked again here, whoever calls: what is stored is an image or a PDF, within size."""
    if detect_kind(upload.content) not in ATTACHMENT_KINDS:
        raise ValidationError(
            {"attachments": _("%(name)s is not an accepted file.") % {"name": upload.name}}
        )
    if len(upload.content) > max_attachment_bytes():
        raise ValidationError({"attachments": _("%(name)s is too large.") % {"name": upload.name}})


def _attach(feedback: Feedback, upload: CheckedUpload) -> FeedbackAttachment:
    attachment = FeedbackAttachment(
        feedback=feedback,
        original_name=upload.name[:255],
        kind=upload.kind,
        size=len(upload.content),
    )
    attachment.file.save(upload.name, ContentFile(upload.content), save=False)
    attachment.save()
    return attachment


def _move(feedback: Feedback, to: str) -> None:
    if to not in feedback.allowed_next():
        raise ValidationError(
            _("Feedback %(code)s is “%(status)s” and cannot become “%(to)s”.")
            % {
                "code": feedback.code,
                "status": feedback.get_status_display(),
                "to": FeedbackStatus(to).label,
            }
        )
    feedback.status = to


def _save(feedback: Feedback, user, fields: list[str]) -> None:
    feedback._history_user = user
    feedback.full_clean(validate_unique=False)
    feedback.save(update_fields=[*fields, "updated_at"])


def _event(feedback, kind, user, **details) -> FeedbackEvent:
    event = _new_event(feedback, kind, user, **details)
    event.save(force_insert=True)
    return event


def _new_event(feedback, kind, user, *, note="", unit=None, public=True, at=None) -> FeedbackEvent:
    return FeedbackEvent(
        feedback=feedback,
        kind=kind,
        status=feedback.status,
        unit=unit,
        note=note,
        is_public=public,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        created_at=at or _now(),
    )


def _decide(feedback: Feedback, now: datetime.datetime) -> None:
    feedback.decided_at = feedback.decided_at or now


@transaction.atomic
def feedback_accept(
    *, feedback: Feedback, user, note: str = "", calendar: WorkingCalendar | None = None
) -> Feedback:
    """Within the decision deadline the citizen is told the matter is taken up; the answer
    deadline starts now."""
    _move(feedback, S.ACCEPTED)
    now = _now()
    _decide(feedback, now)
    feedback.answer_due_on = answer_deadline(
        timezone.localdate(now), calendar or current_calendar()
    )
    feedback.due_on = feedback.answer_due_on
    _save(feedback, user, ["status", "decided_at", "answer_due_on", "due_on"])
    _event(feedback, EventKind.ACCEPTED, user, note=note, unit=feedback.assigned_unit, at=now)
    return feedback


@transaction.atomic
def feedback_reject(*, feedback: Feedback, user, reason: str) -> Feedback:
    """Not in scope (not an administrative matter, no content…): the reason is public."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the feedback is not in scope.")})
    _move(feedback, S.REJECTED)
    now = _now()
    _decide(feedback, now)
    feedback.due_on = None
    _save(feedback, user, ["status", "decided_at", "due_on"])
    _event(feedback, EventKind.REJECTED, user, note=reason.strip(), at=now)
    return feedback


@transaction.atomic
def feedback_mark_duplicate(*, feedback: Feedback, user, original: Feedback) -> Feedback:
    if original.pk == feedback.pk:
        raise ValidationError({"original": _("An item cannot duplicate itself.")})
    if original.department_id != feedback.department_id:
        raise ValidationError(
            {
                "original": _("%(code)s was not received by the same agency.")
                % {"code": original.code}
            }
        )
    _move(feedback, S.DUPLICATE)
    now = _now()
    _decide(feedback, now)
    feedback.duplicate_of = original
    feedback.due_on = None
    _save(feedback, user, ["status", "decided_at", "duplicate_of", "due_on"])
    _event(feedback, EventKind.DUPLICATE, user, note=original.code, at=now)
    return feedback


@transaction.atomic
def feedback_assign(*, feedback: Feedback, user, unit: Agency, note: str = "") -> Feedback:
    """Give an open item to another unit of the same department; its status stays."""
    if not feedback.is_open:
        raise ValidationError(_("Feedback %(code)s is no longer open.") % {"code": feedback.code})
    if unit.pk not in Agency.objects.subtree_ids(feedback.department):
        raise ValidationError(
            {
                "unit": _("%(unit)s is not a unit of %(agency)s; transfer the item instead.")
                % {"unit": unit, "agency": feedback.department}
            }
        )
    feedback.assigned_unit = unit
    _save(feedback, user, ["assigned_unit"])
    _event(feedback, EventKind.ASSIGNED, user, note=note, unit=unit)
    return feedback


def agency_procedure(*, category: FeedbackCategory, code: str) -> Procedure | None:
    """The published procedure with this national code that the agency answering feedback in
    this category (its department, or province) or one of its units carries out; None for no
    code. Another agency's procedure is refused like an unknown one: Decision 766 counts the
    feedback under the department that answers it (quantri.feedback.figures), so an item
    linked to someone else's procedure would be counted against the wrong agency."""
    code = (code or "").strip()
    if not code:
        return None
    agency = department_of(category.unit)
    procedure = (
        Procedure.objects.published()
        .filter(code=code, agency_id__in=Agency.objects.subtree_ids(agency))
        .first()
    )
    if procedure is None:
        raise ValidationError(
            {
                "procedure": _("%(code)s is not a published procedure of %(agency)s.")
                % {"code": code, "agency": agency.name}
            }
        )
    return procedure


def _check_procedure(procedure: Procedure) -> None:
    if not procedure.is_published:
        raise ValidationError(
            {"procedure": _("Procedure %(code)s is not published.") % {"code": procedure.code}}
        )


@transaction.atomic
def feedback_link_procedure(
    *, feedback: Feedback, user, procedure: Procedure | None, note: str = ""
) -> Feedback:
    """Say which administrative procedure the feedback is about (None: none). Decision 766's
    satisfaction group counts only feedback about procedures (quantri.feedback.figures)."""
    if procedure is not None:
        _check_procedure(procedure)
    feedback.procedure = procedure
    _save(feedback, user, ["procedure"])
    _event(feedback, EventKind.NOTE, user, note=note or _procedure_note(procedure), public=False)
    return feedback


def _procedure_note(procedure: Procedure | None) -> str:
    if procedure is None:
        return _("Not about an administrative procedure.")
    names = {"code": procedure.code, "name": procedure.name}
    return _("About procedure %(code)s: %(name)s") % names


def feedback_hand_over(*, unit: Agency, successor: Agency, on, user, reason: str, apply: bool):
    """A unit merged away hands its open items to its successor (orgs.successions calls this),
    each through feedback_assign, so the timeline says who took it over and why. Answered
    and closed items stay with the unit that handled them."""
    from quantri.orgs.successions import Handover

    items = list(Feedback.objects.open().filter(assigned_unit=unit).order_by("received_at"))
    departments = {f.department_id: f.department for f in items}
    # feedback_assign keeps an item inside its receiving department: an item whose
    # department the successor is outside of stays, to be transferred by hand.
    inside = {pk for pk, d in departments.items() if successor.pk in Agency.objects.subtree_ids(d)}
    movable = [f for f in items if f.department_id in inside]
    if apply:
        for feedback in movable:
            feedback_assign(feedback=feedback, user=user, unit=successor, note=reason)
    return [Handover(_("Open feedback"), [f"{f.code} — {f.text[:60]}" for f in movable])]


@transaction.atomic
def feedback_start(*, feedback: Feedback, user, note: str = "") -> Feedback:
    _move(feedback, S.IN_PROGRESS)
    _save(feedback, user, ["status"])
    _event(feedback, EventKind.IN_PROGRESS, user, note=note, unit=feedback.assigned_unit)
    return feedback


@transaction.atomic
def feedback_transfer(
    *,
    feedback: Feedback,
    user,
    unit: Agency,
    note: str = "",
    calendar: WorkingCalendar | None = None,
) -> Feedback:
    """Send an item outside the unit's remit to the agency that can handle it (within the
    transfer deadline, see transfer_due_on); that agency's answer deadline starts now."""
    if unit.pk == feedback.assigned_unit_id:
        raise ValidationError({"unit": _("The item is already with %(unit)s.") % {"unit": unit}})
    _move(feedback, S.TRANSFERRED)
    now = _now()
    _decide(feedback, now)
    feedback.assigned_unit = unit
    feedback.transferred_at = now
    feedback.answer_due_on = answer_deadline(
        timezone.localdate(now), calendar or current_calendar()
    )
    feedback.due_on = feedback.answer_due_on
    fields = ["status", "decided_at", "assigned_unit", "transferred_at", "answer_due_on", "due_on"]
    _save(feedback, user, fields)
    _event(feedback, EventKind.TRANSFERRED, user, note=note, unit=unit, at=now)
    return feedback


def transferred_on_time(feedback: Feedback) -> bool | None:
    if feedback.transferred_at is None or feedback.transfer_due_on is None:
        return None
    return timezone.localdate(feedback.transferred_at) <= feedback.transfer_due_on


@transaction.atomic
def feedback_answer(*, feedback: Feedback, user, text: str) -> Feedback:
    """Record the answer (again, to correct it). On time means by the answer deadline, or by
    the decision deadline when no answer rule applies."""
    if not (text or "").strip():
        raise ValidationError({"text": _("Write the answer.")})
    _move(feedback, S.ANSWERED)
    now = _now()
    _decide(feedback, now)
    if feedback.answered_at is None:
        feedback.answered_at = now
        limit = feedback.answer_due_on or feedback.decision_due_on
        feedback.answered_on_time = None if limit is None else timezone.localdate(now) <= limit
    feedback.answer_text = text.strip()
    feedback.due_on = None
    feedback.search_text = _search_text(feedback)
    fields = ["status", "decided_at", "answered_at", "answered_on_time", "answer_text", "due_on"]
    _save(feedback, user, [*fields, "search_text"])
    _event(feedback, EventKind.ANSWERED, user, unit=feedback.assigned_unit, at=now)
    return feedback


@transaction.atomic
def feedback_publish_answer(*, feedback: Feedback, user, published: bool = True) -> Feedback:
    """Publish the answer (the question's text too when the citizen agreed); contact details
    are never published."""
    if published and feedback.status not in (S.ANSWERED, S.CLOSED):
        raise ValidationError(_("Only an answered item's answer can be published."))
    if published and not feedback.answer_text:
        raise ValidationError(_("There is no answer to publish."))
    if feedback.answer_published == published:
        return feedback
    feedback.answer_published = published
    feedback.answer_published_at = _now() if published else None
    feedback.search_text = _search_text(feedback)
    _save(feedback, user, ["answer_published", "answer_published_at", "search_text"])
    _event(feedback, EventKind.PUBLISHED if published else EventKind.UNPUBLISHED, user)
    return feedback


def _search_text(feedback: Feedback) -> str:
    if not feedback.answer_published:
        return ""
    parts = [feedback.code, feedback.category.name, feedback.answer_text]
    if feedback.consent_to_publish:
        parts.append(feedback.text)
    return fold(" ".join(parts))


@transaction.atomic
def feedback_close(*, feedback: Feedback, user, note: str = "") -> Feedback:
    _move(feedback, S.CLOSED)
    feedback.closed_at = _now()
    feedback.due_on = None
    _save(feedback, user, ["status", "closed_at", "due_on"])
    _event(feedback, EventKind.CLOSED, user, note=note)
    return feedback


@transaction.atomic
def feedback_add_note(*, feedback: Feedback, user, note: str, public: bool = False):
    if not note.strip():
        raise ValidationError({"note": _("Write the note.")})
    return _event(feedback, EventKind.NOTE, user, note=note.strip(), public=public)
