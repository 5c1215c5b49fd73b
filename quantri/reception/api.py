"""/api/reception: the published reception schedule (public)."""

import datetime

from django.utils import timezone
from ninja import Router, Schema

from quantri.reception.models import ReceptionSession

router = Router(tags=["reception"])


class SessionOut(Schema):
    agency: str
    kind: str
    date: datetime.date
    start_time: datetime.time
    end_time: datetime.time
    mode: str  # in_person | online
    place: str
    online_link: str
    receiver_name: str
    receiver_position: str


@router.get("/schedule", response=list[SessionOut], summary="Published reception sessions")
def schedule(request):
    sessions = (
        ReceptionSession.objects.published()
        .filter(date__gte=timezone.localdate())
        .select_related("agency")
        .order_by("date", "start_time")
    )
    return [
        {
            "agency": s.agency.code,
            "kind": s.kind,
            "date": s.date,
            "start_time": s.start_time,
            "end_time": s.end_time,
            "mode": s.mode,
            "place": s.place,
            "online_link": s.online_link,
            "receiver_name": s.receiver_name,
            "receiver_position": s.receiver_position,
        }
        for s in sessions
    ]
