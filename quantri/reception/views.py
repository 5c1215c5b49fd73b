"""The public reception schedule, and the office's pages: sessions, records, dialogues."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.core.worklists import due_first
from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.reception import services
from quantri.reception.forms import (
    CommitmentTaskForm,
    DialogueForm,
    MatterFeedbackForm,
    RecordForm,
    SessionForm,
    session_agencies,
)
from quantri.reception.models import (
    Dialogue,
    DialogueCommitment,
    ReceptionMatter,
    ReceptionRecord,
    ReceptionSession,
)

PAST_DAYS_SHOWN = 31


def schedule(request):
    """Public: when and where the heads receive citizens (no personal data here)."""
    today = timezone.localdate()
    sessions = (
        ReceptionSession.objects.published()
        .filter(date__gte=today - datetime.timedelta(days=PAST_DAYS_SHOWN))
        .select_related("agency")
        .order_by("date", "start_time")
    )
    return render(request, "reception/schedule.html", {"sessions": sessions, "today": today})


def _office_agencies(access: Access):
    if access.is_superuser:
        return Agency.objects.filter(kind__in=["department", "province"])
    ids = access.office_agency_ids | access.oversight_agency_ids
    return Agency.objects.filter(pk__in=ids, kind__in=["department", "province"])


def _monthly_check(agency: Agency, today: datetime.date) -> dict:
    """Months of this year without a regular session: those past were missed, the current and
    next month have none scheduled yet."""
    first = today.replace(month=1, day=1)
    next_month = (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    end = (next_month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    missing = services.months_without_regular_session(agency, first, end - datetime.timedelta(1))
    current = (today.year, today.month)
    return {
        "agency": agency,
        "missed": [m for m in missing if m < current],
        "unscheduled": [m for m in missing if m >= current],
    }


def _past_sessions(agency_ids: set[int], today: datetime.date):
    """Sessions held and not yet written up first, the longest waiting on top (their record is
    the office's work); recorded ones after them."""
    held = ReceptionSession.objects.filter(agency_id__in=agency_ids, date__lt=today)
    return due_first(
        held.select_related("record"),
        open_when=Q(record__isnull=True),
        due="date",
        then=("-date", "-start_time"),
    )


@login_required
def office(request):
    access = Access.for_request(request)
    agencies = list(_office_agencies(access))
    if not agencies:
        raise PermissionDenied
    today = timezone.localdate()
    ids = set()
    for agency in agencies:
        ids |= Agency.objects.subtree_ids(agency)
    context = {
        "checks": [_monthly_check(agency, today) for agency in agencies],
        "upcoming": ReceptionSession.objects.filter(agency_id__in=ids).upcoming(today)[:20],
        "past": _past_sessions(ids, today)[:20],
        "dialogues": Dialogue.objects.filter(agency_id__in=ids)[:20],
        "can_manage": any(access.can_manage_reception(a.pk) for a in agencies),
    }
    return render(request, "reception/office.html", context)


@login_required
def session_new(request):
    access = Access.for_request(request)
    agencies = session_agencies(access)
    if not agencies.exists():
        raise PermissionDenied
    form = SessionForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_schedule(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Session scheduled."))
            return redirect("reception:session_detail", pk=session.pk)
    return render(request, "reception/session_form.html", {"form": form})


def _session_for(request, pk: int, manage: bool = False):
    session = get_object_or_404(ReceptionSession.objects.select_related("agency"), pk=pk)
    access = Access.for_request(request)
    if not access.can_read_reception_records(session.agency_id):
        raise Http404
    if manage:
        services.require_office(user=request.user, agency_id=session.agency_id)
    return session, access


@login_required
def session_detail(request, pk: int):
    session, access = _session_for(request, pk)
    record = ReceptionRecord.objects.filter(session=session).first()
    can_manage = access.can_manage_reception(session.agency_id)
    form = None
    if can_manage:
        initial = (
            {
                "people_count": record.people_count,
                "people": record.people,
                "summary": record.summary,
            }
            if record
            else {}
        )
        form = RecordForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                services.record_save(session=session, user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc.messages)
            else:
                messages.success(request, _("Record saved."))
                return redirect("reception:session_detail", pk=session.pk)
    elif request.method == "POST":
        raise PermissionDenied
    context = {
        "session": session,
        "record": record,
        "matters": record.matters.select_related("feedback") if record else [],
        "form": form,
        "matter_form": MatterFeedbackForm() if can_manage else None,
        "can_manage": can_manage,
    }
    return render(
        request,
        "reception/session_detail.html",
        context,
        status=400 if form and form.errors else 200,
    )


@login_required
@require_POST
def session_publish(request, pk: int):
    session, _access = _session_for(request, pk, manage=True)
    services.session_publish(session=session, user=request.user, published=not session.is_published)
    return redirect("reception:session_detail", pk=session.pk)


@login_required
@require_POST
def matter_feedback(request, pk: int):
    matter = get_object_or_404(ReceptionMatter.objects.select_related("record__session"), pk=pk)
    session, _access = _session_for(request, matter.record.session_id, manage=True)
    form = MatterFeedbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a feedback category."))
    else:
        try:
            feedback = services.matter_to_feedback(
                matter=matter, category=form.cleaned_data["category"], user=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("Feedback item %(code)s created.") % {"code": feedback.code}
            )
    return redirect("reception:session_detail", pk=session.pk)


@login_required
def dialogue_new(request):
    agencies = session_agencies(Access.for_request(request))
    if not agencies.exists():
        raise PermissionDenied
    form = DialogueForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        dialogue = services.dialogue_record(user=request.user, **form.cleaned_data)
        messages.success(request, _("Dialogue recorded."))
        return redirect("reception:dialogue_detail", pk=dialogue.pk)
    return render(request, "reception/dialogue_form.html", {"form": form})


def _dialogue_for(request, pk: int, manage: bool = False):
    dialogue = get_object_or_404(Dialogue.objects.select_related("agency"), pk=pk)
    access = Access.for_request(request)
    if not access.can_read_reception_records(dialogue.agency_id):
        raise Http404
    if manage:
        services.require_office(user=request.user, agency_id=dialogue.agency_id)
    return dialogue, access


@login_required
def dialogue_detail(request, pk: int, failed: tuple | None = None):
    dialogue, access = _dialogue_for(request, pk)
    can_manage = access.can_manage_reception(dialogue.agency_id)
    commitments = [
        (
            c,
            (failed[1] if failed and failed[0] == c.pk else CommitmentTaskForm(commitment=c))
            if can_manage and not c.task_id
            else None,
        )
        for c in dialogue.commitments.select_related("unit", "task")
    ]
    context = {"dialogue": dialogue, "commitments": commitments}
    return render(request, "reception/dialogue_detail.html", context, status=400 if failed else 200)


@login_required
@require_POST
def commitment_task(request, pk: int):
    commitment = get_object_or_404(DialogueCommitment.objects.select_related("dialogue"), pk=pk)
    _dialogue_for(request, commitment.dialogue_id, manage=True)
    form = CommitmentTaskForm(request.POST, commitment=commitment)
    if form.is_valid():
        try:
            task = services.commitment_to_task(
                commitment=commitment, user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Task created: %(title)s") % {"title": task.title[:80]})
            return redirect("reception:dialogue_detail", pk=commitment.dialogue_id)
    return dialogue_detail(request, commitment.dialogue_id, failed=(commitment.pk, form))
