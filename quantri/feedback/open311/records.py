"""Our categories and feedback items in GeoReport v2's terms. What a request shows is what the
public may see (quantri.feedback.public): never contact details, the citizen's text and place
only with their consent."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.feedback.models import (
    OPEN_STATUSES,
    EventKind,
    Feedback,
    FeedbackCategory,
    FeedbackEvent,
)
from quantri.feedback.public import public_answer, public_location, public_text

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"


def open_or_closed(status: str) -> str:
    return "open" if status in OPEN_STATUSES else "closed"


def service(category: FeedbackCategory) -> dict:
    group = category.dimension.display_name if category.dimension_id else str(category.unit)
    return {
        "service_code": category.code,
        "service_name": category.display_name,
        "description": category.description,
        "metadata": False,
        "type": "realtime",
        "keywords": category.keywords,
        "group": group,
    }


def service_definition(category: FeedbackCategory) -> dict:
    return {"service_code": category.code, "attributes": []}


def _local(moment: datetime.datetime | None) -> datetime.datetime | None:
    return timezone.localtime(moment) if moment else None


def _expected(feedback: Feedback) -> datetime.datetime | None:
    """The deadline it now waits on, as the end of that day in local time."""
    if feedback.due_on is None:
        return None
    end_of_day = datetime.datetime.combine(feedback.due_on, datetime.time(23, 59, 59))
    return timezone.make_aware(end_of_day)


def status_notes(feedback: Feedback, last_public_note: str) -> str:
    answer = public_answer(feedback)
    if answer:
        return answer
    return last_public_note or feedback.get_status_display()


def service_request(feedback: Feedback, last_public_note: str = "") -> dict:
    place = public_location(feedback)
    return {
        "service_request_id": feedback.code,
        "status": open_or_closed(feedback.status),
        "status_notes": status_notes(feedback, last_public_note),
        "service_name": feedback.category.display_name,
        "service_code": feedback.category.code,
        "description": public_text(feedback),
        "agency_responsible": str(feedback.assigned_unit) if feedback.assigned_unit_id else "",
        "service_notice": "",
        "requested_datetime": _local(feedback.received_at),
        "updated_datetime": _local(feedback.updated_at),
        "expected_datetime": _expected(feedback),
        "address": place["location"],
        "address_id": "",
        "zipcode": "",
        "lat": place["latitude"],
        "long": place["longitude"],
        "media_url": "",
    }


def last_public_notes(items) -> dict[int, str]:
    """The latest public note of each item (a refusal's reason, a duplicate's original), in one
    query for a whole list."""
    notes: dict[int, str] = {}
    events = (
        FeedbackEvent.objects.filter(
            feedback__in=items, is_public=True, kind__in=[EventKind.REJECTED, EventKind.DUPLICATE]
        )
        .exclude(note="")
        .order_by("feedback_id", "created_at", "pk")
        .values_list("feedback_id", "kind", "note")
    )
    for feedback_id, kind, note in events:
        notes[feedback_id] = (
            _("Duplicate of %(code)s") % {"code": note} if kind == EventKind.DUPLICATE else note
        )
    return notes


def created(feedback: Feedback, tracking_url: str) -> dict:
    return {
        "service_request_id": feedback.code,
        "service_notice": _("Follow this request at %(url)s") % {"url": tracking_url},
        "account_id": None,
    }
