"""/api/disclosures: the notices made public, with their dates and whether each was late."""

import datetime

from django.urls import reverse
from ninja import Router, Schema

from quantri.disclosures.models import Disclosure

router = Router(tags=["disclosures"])


class DisclosureOut(Schema):
    id: int
    title: str
    category: str
    agency: str
    decision_number: str
    decision_date: datetime.date
    due_on: datetime.date
    published_on: datetime.date | None
    late: bool
    url: str


@router.get("", response=list[DisclosureOut], summary="Public notices, newest first")
def public_notices(request, limit: int = 50):
    rows = Disclosure.objects.public().for_page().order_by("-published_on", "-pk")
    return [
        {
            "id": d.pk,
            "title": d.title,
            "category": d.category.code,
            "agency": d.agency.code,
            "decision_number": d.decision_number,
            "decision_date": d.decision_date,
            "due_on": d.due_on,
            "published_on": d.published_on,
            "late": d.is_late,
            "url": reverse("disclosures:detail", args=[d.pk]),
        }
        for d in rows[: max(1, min(limit, 200))]
    ]
