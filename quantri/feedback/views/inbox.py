"""The staff inbox: a unit sees the items assigned to it, the office all of its department's,
the People's Inspection Board reads everything. Every action is a POST calling one service."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from quantri.core.list_export import xlsx_response
from quantri.feedback import services
from quantri.feedback.forms import (
    AnswerForm,
    DuplicateForm,
    InboxFilterForm,
    NoteForm,
    ProcedureLinkForm,
    PublishForm,
    RejectForm,
    UnitForm,
)
from quantri.feedback.models import OPEN_STATUSES, Feedback, FeedbackAttachment, FeedbackStatus
from quantri.orgs.access import Access
from quantri.orgs.models import Agency

S = FeedbackStatus
PAGE_SIZE = 30
HANDLE, COORDINATE = "handle", "coordinate"


@dataclass(frozen=True)
class Action:
    label: str
    form: Callable
    run: Callable
    who: str  # HANDLE: the office or the assigned unit; COORDINATE: the office only
    becomes: str | None = None  # the status it moves to, if any: offered only when allowed
    needs_open: bool = False
    needs_answer: bool = False


def _department_units(feedback):
    return Agency.objects.units_of(feedback.department)


def _other_agencies(feedback):
    return Agency.objects.active().exclude(pk=feedback.assigned_unit_id)


ACTIONS: dict[str, Action] = {
    "accept": Action(
        gettext_lazy("Accept"),
        lambda f, data=None: NoteForm(data),
        lambda f, user, d: services.feedback_accept(feedback=f, user=user, note=d["note"]),
        HANDLE,
        becomes=S.ACCEPTED,
    ),
    "reject": Action(
        gettext_lazy("Reject as not in scope"),
        lambda f, data=None: RejectForm(data),
        lambda f, user, d: services.feedback_reject(feedback=f, user=user, reason=d["reason"]),
        HANDLE,
        becomes=S.REJECTED,
    ),
    "duplicate": Action(
        gettext_lazy("Mark as a duplicate"),
        lambda f, data=None: DuplicateForm(data),
        lambda f, user, d: services.feedback_mark_duplicate(
            feedback=f, user=user, original=d["original"]
        ),
        HANDLE,
        becomes=S.DUPLICATE,
    ),
    "assign": Action(
        gettext_lazy("Assign to a unit of the department"),
        lambda f, data=None: UnitForm(data, units=_department_units(f), prefix="assign"),
        lambda f, user, d: services.feedback_assign(
            feedback=f, user=user, unit=d["unit"], note=d["note"]
        ),
        COORDINATE,
        needs_open=True,
    ),
    "procedure": Action(
        gettext_lazy("Say which procedure it is about"),
        lambda f, data=None: ProcedureLinkForm(
            data, prefix="procedure", initial={"procedure": f.procedure.code if f.procedure else ""}
        ),
        lambda f, user, d: services.feedback_link_procedure(
            feedback=f, user=user, procedure=d["procedure"], note=d["note"]
        ),
        HANDLE,
    ),
    "transfer": Action(
        gettext_lazy("Transfer to the competent agency"),
        lambda f, data=None: UnitForm(data, units=_other_agencies(f), prefix="transfer"),
        lambda f, user, d: services.feedback_transfer(
            feedback=f, user=user, unit=d["unit"], note=d["note"]
        ),
        HANDLE,
        becomes=S.TRANSFERRED,
    ),
    "start": Action(
        gettext_lazy("Mark as being handled"),
        lambda f, data=None: NoteForm(data, prefix="start"),
        lambda f, user, d: services.feedback_start(feedback=f, user=user, note=d["note"]),
        HANDLE,
        becomes=S.IN_PROGRESS,
    ),
    "answer": Action(
        gettext_lazy("Answer"),
        lambda f, data=None: AnswerForm(data, initial={"text": f.answer_text}),
        lambda f, user, d: services.feedback_answer(feedback=f, user=user, text=d["text"]),
        HANDLE,
        becomes=S.ANSWERED,
    ),
    "publish": Action(
        gettext_lazy("Publish the answer"),
        lambda f, data=None: PublishForm(data, initial={"published": not f.answer_published}),
        lambda f, user, d: services.feedback_publish_answer(
            feedback=f, user=user, published=d["published"]
        ),
        COORDINATE,
        needs_answer=True,
    ),
    "close": Action(
        gettext_lazy("Close"),
        lambda f, data=None: NoteForm(data, prefix="close"),
        lambda f, user, d: services.feedback_close(feedback=f, user=user, note=d["note"]),
        COORDINATE,
        becomes=S.CLOSED,
    ),
    "note": Action(
        gettext_lazy("Add an internal note"),
        lambda f, data=None: NoteForm(data, prefix="note"),
        lambda f, user, d: services.feedback_add_note(feedback=f, user=user, note=d["note"]),
        HANDLE,
    ),
}


def _may(access: Access, feedback: Feedback, action: Action) -> bool:
    allowed = (
        access.can_coordinate_feedback(feedback)
        if action.who == COORDINATE
        else access.can_handle_feedback(feedback)
    )
    if not allowed:
        return False
    if action.becomes and action.becomes not in feedback.allowed_next():
        return False
    if action.needs_open and not feedback.is_open:
        return False
    return not action.needs_answer or feedback.status in (S.ANSWERED, S.CLOSED)


def _inbox_workbook(items):
    """The inbox as the page shows it (same filters, same order), every page at once."""
    headers = [
        _("Code"),
        _("Category"),
        _("Status"),
        _("Unit in charge"),
        _("Received on"),
        _("Deadline"),
        _("Content"),
    ]
    rows = (
        [
            item.code,
            str(item.category),
            item.get_status_display(),
            str(item.assigned_unit) if item.assigned_unit else "",
            timezone.localtime(item.received_at).date() if item.received_at else None,
            item.due_on,
            item.text,
        ]
        for item in items
    )
    return xlsx_response(
        filename=f"hop-thu-phan-anh-{timezone.localdate():%Y%m%d}.xlsx",
        title=_("Feedback inbox"),
        headers=headers,
        rows=rows,
    )


@login_required
def inbox(request):
    access = Access.for_request(request)
    items = Feedback.objects.inbox(access)
    units = Agency.objects.filter(pk__in=items.values("assigned_unit")).order_by("name")
    form = InboxFilterForm(request.GET or None, units=units)
    overdue_count = items.overdue().count()
    if form.is_valid():
        items = Feedback.objects.inbox(access, **form.cleaned_data)
    if request.GET.get("format") == "xlsx":
        return _inbox_workbook(items)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "today": timezone.localdate(),
        "access": access,
        "overdue_count": overdue_count,
    }
    return render(request, "feedback/inbox.html", context)

    data = form.cleaned_data
    if data["status"] == "open":
        items = items.filter(status__in=OPEN_STATUSES)
    elif data["status"]:
        items = items.filter(status=data["status"])
    if data["unit"]:
        items = items.filter(assigned_unit=data["unit"])
    if data["category"]:
        items = items.filter(category=data["category"])
    if data["overdue"]:
        items = items.overdue()
    if data["q"]:
        query = data["q"].strip()
        items = items.filter(Q(code__iexact=query) | Q(text__icontains=query))
    return items


def _viewable(request, pk: int) -> tuple[Feedback, Access]:
    feedback = get_object_or_404(Feedback.objects.for_page(), pk=pk)
    access = Access.for_request(request)
    if not access.can_view_feedback(feedback):
        raise Http404
    return feedback, access


@login_required
def detail(request, pk: int):
    feedback, access = _viewable(request, pk)
    return _render_detail(request, feedback, access)


def _render_detail(request, feedback, access, failed: tuple[str, forms.Form] | None = None):
    actions = [
        (name, action, failed[1] if failed and failed[0] == name else action.form(feedback))
        for name, action in ACTIONS.items()
        if _may(access, feedback, action)
    ]
    context = {
        "feedback": feedback,
        "actions": actions,
        "events": feedback.events.select_related("unit", "created_by"),
        "attachments": feedback.attachments.all(),
        "transferred_on_time": services.transferred_on_time(feedback),
        "duplicates": feedback.duplicates.all(),
    }
    return render(request, "feedback/detail.html", context, status=400 if failed else 200)


@login_required
@require_POST
def act(request, pk: int, action: str):
    feedback, access = _viewable(request, pk)
    chosen = ACTIONS.get(action)
    if chosen is None:
        raise Http404
    if not _may(access, feedback, chosen):
        raise PermissionDenied
    form = chosen.form(feedback, request.POST)
    if form.is_valid():
        try:
            chosen.run(feedback, request.user, form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("%(action)s: done.") % {"action": chosen.label})
            return redirect("feedback:detail", pk=feedback.pk)
    feedback.refresh_from_db()  # a refusing service may have changed it in memory
    return _render_detail(request, feedback, access, failed=(action, form))


@login_required
def attachment(request, pk: int):
    """Attachments are private: served through this check, to staff who may see the item."""
    item = get_object_or_404(FeedbackAttachment.objects.select_related("feedback"), pk=pk)
    if not Access.for_request(request).can_view_feedback(item.feedback):
        raise Http404
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name)
