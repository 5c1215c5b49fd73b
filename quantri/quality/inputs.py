"""What the management review counts from the data the system holds: dossiers and their
ratings (quantri.dossiers), feedback (quantri.feedback), and the quality system's own audits
and corrective actions. Counting only; the maths is in review_figures."""

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from quantri.orgs.models import Agency
from quantri.quality.models import Audit, CorrectiveAction, Finding, FindingKind
from quantri.quality.review_figures import Counts


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _window(start: datetime.date, end: datetime.date) -> dict:
    return {"gte": _day_start(start), "lt": _day_start(end + datetime.timedelta(days=1))}


def _dossier_counts(ids: set[int], start, end) -> dict:
    from quantri.dossiers.models import DONE_STATES, Dossier, Outcome, Rating

    window = _window(start, end)
    done = Dossier.objects.filter(
        agency_id__in=ids,
        state__in=DONE_STATES,
        result_at__gte=window["gte"],
        result_at__lt=window["lt"],
    )
    counts = done.aggregate(
        done=Count("pk"),
        on_time=Count("pk", filter=Q(outcome__in=[Outcome.EARLY, Outcome.ON_TIME])),
        ratings=Count("pk", filter=~Q(rating="")),
        satisfied=Count("pk", filter=Q(rating__in=[Rating.VERY_SATISFIED, Rating.SATISFIED])),
    )
    return {name: value or 0 for name, value in counts.items()}


def _feedback_counts(department_id: int, start, end) -> dict:
    from quantri.feedback.figures import answered_counts
    from quantri.feedback.models import Feedback

    window = _window(start, end)
    received = Feedback.objects.filter(
        department_id=department_id,
        received_at__gte=window["gte"],
        received_at__lt=window["lt"],
    ).count()
    answered = answered_counts(department_ids={department_id}, first=start, last=end)
    return {"received": received, **answered}


def _audit_counts(agency: Agency, start, end) -> dict:
    findings = Finding.objects.filter(
        audit__agency=agency, audit__starts_on__gte=start, audit__starts_on__lte=end
    )
    open_actions = CorrectiveAction.objects.filter(
        finding__audit__agency=agency, verified_on__isnull=True
    )
    return {
        "audits": Audit.objects.filter(
            agency=agency, starts_on__gte=start, starts_on__lte=end
        ).count(),
        "nonconformities": findings.filter(kind=FindingKind.NONCONFORMITY).count(),
        "observations": findings.filter(kind=FindingKind.OBSERVATION).count(),
        "actions_open": open_actions.count(),
        "actions_overdue": open_actions.filter(deadline__lt=min(end, timezone.localdate())).count(),
    }


def review_counts(*, agency: Agency, start: datetime.date, end: datetime.date) -> Counts:
    """The counts for the agency (its whole subtree for dossiers) from `start` to `end`."""
    dossiers = _dossier_counts(Agency.objects.subtree_ids(agency), start, end)
    feedback = _feedback_counts(agency.pk, start, end)
    audits = _audit_counts(agency, start, end)
    return Counts(
        dossiers_done=dossiers["done"],
        dossiers_on_time=dossiers["on_time"],
        ratings=dossiers["ratings"],
        ratings_satisfied=dossiers["satisfied"],
        feedback_received=feedback["received"],
        feedback_answered=feedback["answered"],
        feedback_answered_on_time=feedback["on_time"],
        **audits,
    )
