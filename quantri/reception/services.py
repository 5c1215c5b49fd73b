"""Use cases of citizen reception and dialogues."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.feedback import services as feedback_services
from quantri.feedback.models import Channel, Feedback, FeedbackCategory
from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.plans.models import Task, TaskGroup
from quantri.reception.models import (
    Dialogue,
    DialogueCommitment,
    ReceptionMatter,
    ReceptionRecord,
    ReceptionSession,
    SessionKind,
    SessionMode,
    months_between,
)


def require_office(*, user, agency_id: int) -> None:
    """Sessions, records, dialogues and what comes of them are the office's (its leaders,
    coordinators and administrators); the People's Inspection Board reads them only.
    `user=None` is the system itself (the demo, a command)."""
    if user is not None and not Access.for_user(user).can_manage_reception(agency_id):
        raise PermissionDenied(_("Only the agency's office manages its citizen reception."))


@transaction.atomic
def session_schedule(
    *,
    agency: Agency,
    user,
    date: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    place: str = "",
    receiver_name: str,
    receiver_position: str,
    kind: str = SessionKind.REGULAR,
    mode: str = SessionMode.IN_PERSON,
    online_link: str = "",
    receiver=None,
    note: str = "",
    is_published: bool = False,
) -> ReceptionSession:
    require_office(user=user, agency_id=agency.pk)
    session = ReceptionSession(
        agency=agency,
        kind=kind,
        date=date,
        start_time=start_time,
        end_time=end_time,
        mode=mode,
        place=place.strip(),
        online_link=online_link.strip(),
        receiver=receiver,
        receiver_name=receiver_name.strip(),
        receiver_position=receiver_position.strip(),
        note=note.strip(),
        is_published=is_published,
    )
    session._history_user = user
    session.full_clean()
    session.save()
    return session


@transaction.atomic
def session_publish(*, session: ReceptionSession, user, published: bool = True):
    require_office(user=user, agency_id=session.agency_id)
    session.is_published = published
    session._history_user = user
    session.save(update_fields=["is_published"])
    return session


@transaction.atomic
def record_save(
    *,
    session: ReceptionSession,
    user,
    people_count: int,
    people: str = "",
    summary: str = "",
    new_matters: list[str] = (),
) -> ReceptionRecord:
    """Record a session that took place; matters are added to those already recorded."""
    require_office(user=user, agency_id=session.agency_id)
    if session.date > timezone.localdate():
        raise ValidationError(_("A session can be recorded only once it has taken place."))
    record = ReceptionRecord.objects.filter(session=session).first() or ReceptionRecord(
        session=session
    )
    record.people_count, record.people, record.summary = people_count, people, summary
    record.recorded_by = user
    record._history_user = user
    record.full_clean()
    record.save()
    order = record.matters.aggregate(last=Max("order"))["last"] or 0
    for text in (t.strip() for t in new_matters):
        if text:
            order += 1
            ReceptionMatter.objects.create(record=record, order=order, text=text)
    return record


@transaction.atomic
def matter_to_feedback(*, matter: ReceptionMatter, category: FeedbackCategory, user) -> Feedback:
    """A matter raised at a session becomes a feedback item, with the same deadlines and
    follow-up as one filed online; the person's identity stays in the reception record."""
    matter = (
        ReceptionMatter.objects.select_for_update()
        .select_related("record__session")
        .get(pk=matter.pk)
    )
    require_office(user=user, agency_id=matter.record.session.agency_id)
    if matter.feedback_id:
        raise ValidationError(
            _("This matter is already feedback item %(code)s.") % {"code": matter.feedback.code}
        )
    feedback = feedback_services.feedback_submit(
        category=category, text=matter.text, channel=Channel.RECEPTION, user=user
    )
    matter.feedback = feedback
    matter.save(update_fields=["feedback"])
    return feedback


def months_without_regular_session(
    agency: Agency, first: datetime.date, last: datetime.date
) -> list[tuple[int, int]]:
    """Months in [first, last] with no regular session: the head's monthly day was missed."""
    held = ReceptionSession.objects.regular_months(agency.pk, first, last)
    return [month for month in months_between(first, last) if month not in held]


@transaction.atomic
def dialogue_record(
    *,
    agency: Agency,
    user,
    date: datetime.date,
    topic: str,
    place: str = "",
    participants: str = "",
    issues: str = "",
    commitments: list[str] = (),
    is_published: bool = False,
) -> Dialogue:
    require_office(user=user, agency_id=agency.pk)
    dialogue = Dialogue(
        agency=agency,
        date=date,
        topic=topic.strip(),
        place=place.strip(),
        participants=participants.strip(),
        issues=issues.strip(),
        is_published=is_published,
    )
    dialogue._history_user = user
    dialogue.full_clean()
    dialogue.save()
    for order, text in enumerate((t.strip() for t in commitments if t.strip()), start=1):
        DialogueCommitment.objects.create(dialogue=dialogue, order=order, text=text)
    return dialogue


@transaction.atomic
def commitment_to_task(
    *,
    commitment: DialogueCommitment,
    group: TaskGroup,
    user,
    lead_unit: Agency | None = None,
    due_on: datetime.date | None = None,
) -> Task:
    """A dialogue's commitment becomes a task of the agency's plan, so it is followed up and
    reported like the plan's other tasks."""
    commitment = DialogueCommitment.objects.select_for_update().get(pk=commitment.pk)
    require_office(user=user, agency_id=commitment.dialogue.agency_id)
    if commitment.task_id:
        raise ValidationError(_("This commitment is already a plan task."))
    agency_ids = Agency.objects.subtree_ids(commitment.dialogue.agency)
    if group.plan.agency_id not in agency_ids:
        raise ValidationError({"group": _("The plan belongs to another agency.")})
    order = (group.tasks.aggregate(last=Max("order"))["last"] or 0) + 1
    task = Task(
        group=group,
        order=order,
        title=commitment.text[:500],
        description=_("Commitment made at the dialogue of %(date)s: %(topic)s\n\n%(text)s")
        % {
            "date": commitment.dialogue.date.strftime("%d/%m/%Y"),
            "topic": commitment.dialogue.topic,
            "text": commitment.text,
        },
        lead_unit=lead_unit or commitment.unit,
        due_on=due_on or commitment.due_on,
    )
    task._history_user = user
    task.full_clean()
    task.save()
    commitment.task = task
    commitment.unit = task.lead_unit
    commitment.due_on = task.due_on
    commitment.save(update_fields=["task", "unit", "due_on"])
    return task
