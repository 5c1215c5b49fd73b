"""Figures other apps read about feedback handling, without importing its internals: the
Decision 766 index counts the feedback about administrative procedures a department answered
in a period and how much of it was answered on time (its satisfaction group is about how
citizens' feedback on procedures is handled, issue 15; feedback about roads or lighting is
not part of it)."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from quantri.feedback.models import Feedback


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(day, datetime.time.min), timezone.get_default_timezone()
    )


def answered_counts(
    *, department_ids: set[int], first: datetime.date, last: datetime.date
) -> dict[str, int]:
    """Feedback about procedures of these departments answered from `first` to `last` (local
    days, both included): {"answered": n, "on_time": m}."""
    answered = Feedback.objects.filter(
        department_id__in=department_ids,
        procedure__isnull=False,
        answered_at__gte=_start_of(first),
        answered_at__lt=_start_of(last + datetime.timedelta(days=1)),
    )
    counts = answered.aggregate(
        answered=Count("pk"), on_time=Count("pk", filter=Q(answered_on_time=True))
    )
    return {name: value or 0 for name, value in counts.items()}
