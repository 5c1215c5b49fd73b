"""/api/feedback: categories, published answers and tracking are public; the inbox list and the
statistics need a signed-in user who may read them. Public output goes through
quantri.feedback.public: contact details never leave the staff pages."""

import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.security import django_auth

from quantri.core.params import DateTimeYear
from quantri.feedback.codes import normalise
from quantri.feedback.models import Feedback, FeedbackCategory
from quantri.feedback.public import public_answer, public_events, public_text
from quantri.feedback.stats import feedback_statistics
from quantri.orgs.access import Access

router = Router(tags=["feedback"])
MAX_ROWS = 200


class CategoryOut(Schema):
    code: str
    name: str
    unit: str
    dimension: str | None


class EventOut(Schema):
    at: datetime.datetime
    event: str
    unit: str | None
    note: str


class PublicFeedbackOut(Schema):
    code: str
    category: str
    status: str
    received_at: datetime.datetime
    due_on: datetime.date | None
    answered_at: datetime.datetime | None
    unit: str | None
    procedure: str | None  # the national code of the procedure it is about
    text: str
    answer: str


class TrackedFeedbackOut(PublicFeedbackOut):
    events: list[EventOut]


class InboxRowOut(Schema):
    id: int
    code: str
    category: str
    status: str
    unit: str | None
    procedure: str | None
    received_at: datetime.datetime
    due_on: datetime.date | None
    overdue: bool


def public_out(item: Feedback) -> dict:
    return {
        "code": item.code,
        "category": item.category.code,
        "status": item.status,
        "received_at": item.received_at,
        "due_on": item.due_on,
        "answered_at": item.answered_at,
        "unit": str(item.assigned_unit) if item.assigned_unit_id else None,
        "procedure": item.procedure.code if item.procedure_id else None,
        "text": public_text(item),
        "answer": public_answer(item),
    }


@router.get("/categories", response=list[CategoryOut], summary="Feedback categories")
def categories(request):
    rows = FeedbackCategory.objects.filter(active=True).select_related("unit", "dimension")
    return [
        {
            "code": c.code,
            "name": c.display_name,
            "unit": str(c.unit),
            "dimension": c.dimension.code if c.dimension_id else None,
        }
        for c in rows
    ]


@router.get("/published", response=list[PublicFeedbackOut], summary="Published answers")
def published(request, q: str = ""):
    items = Feedback.objects.published().for_page().order_by("-answer_published_at", "-pk")
    if q:
        items = items.search(q)
    return [public_out(item) for item in items[:MAX_ROWS]]


@router.get("/track/{code}", response=TrackedFeedbackOut, summary="Follow an item by its code")
def track(request, code: str):
    item = Feedback.objects.for_page().filter(code=normalise(code) or "").first()
    if item is None:
        raise Http404
    events = [
        {
            "at": e.created_at,
            "event": e.kind,
            "unit": str(e.unit) if e.unit_id else None,
            "note": e.note,
        }
        for e in public_events(item)
    ]
    return {**public_out(item), "events": events}


@router.get("", auth=django_auth, response=list[InboxRowOut], summary="The caller's inbox")
def inbox(
    request,
    status: str = "",
    unit: int | None = None,
    category: str = "",
    overdue: bool = False,
    q: str = "",
    about_procedures: bool = False,
):
    """The inbox page's list and filters; `status` is a status or "open", `category` a code;
    `about_procedures` keeps the feedback linked to an administrative procedure."""
    items = Feedback.objects.inbox(
        Access.for_user(request.user),
        status=status,
        unit=unit,
        category=FeedbackCategory.objects.filter(code=category).first() if category else None,
        overdue=overdue,
        q=q,
        about_procedures=about_procedures,
    )
    return [
        {
            "id": item.pk,
            "code": item.code,
            "category": item.category.code,
            "status": item.status,
            "unit": str(item.assigned_unit) if item.assigned_unit_id else None,
            "procedure": item.procedure.code if item.procedure_id else None,
            "received_at": item.received_at,
            "due_on": item.due_on,
            "overdue": item.is_overdue(),
        }
        for item in items[:MAX_ROWS]
    ]


@router.get("/stats", auth=django_auth, response=dict, summary="Feedback statistics")
def stats(request, year: DateTimeYear | None = None):
    access = Access.for_user(request.user)
    if not access.reads_feedback_statistics():
        raise PermissionDenied(_("Only the office and the People's Inspection Board see these."))
    items = access.viewable_feedback(Feedback.objects.all())
    if year:
        items = items.filter(received_at__year=year)
    return feedback_statistics(items).as_dict()
