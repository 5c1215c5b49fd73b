"""Reads the facts the per-officer figures need (quantri.deskstaff.figures) from the dossiers
of an agency's subtree: only those with something in the period, in one query plus one for
their letters."""

import datetime
from collections import defaultdict

from django.db.models import Q
from django.utils import timezone

from quantri.deskstaff.figures import DossierFacts, officer_figures
from quantri.dossiers.models import DeskLetter, Dossier, LetterKind, Outcome
from quantri.orgs.models import Agency

COUNTED_LETTERS = {LetterKind.ADDITIONAL_REQUEST, LetterKind.APOLOGY}


def _bounds(start: datetime.date, end: datetime.date) -> tuple:
    zone = timezone.get_current_timezone()
    first = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    after = datetime.datetime.combine(
        end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    return first, after


def _day(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localdate(moment) if moment else None


def facts_for(agency: Agency, *, start: datetime.date, end: datetime.date) -> list[DossierFacts]:
    first, after = _bounds(start, end)
    agency_ids = Agency.objects.subtree_ids(agency)
    in_period = {"__gte": first, "__lt": after}
    touched = Q()
    for name in ("received_at", "result_at", "returned_at", "letters__at"):
        touched |= Q(**{f"{name}{op}": value for op, value in in_period.items()})
    dossiers = list(
        Dossier.objects.filter(agency_id__in=agency_ids)
        .filter(touched)
        .distinct()
        .values(
            "pk",
            "received_by_id",
            "returned_by_id",
            "received_at",
            "result_at",
            "returned_at",
            "outcome",
            "rating",
            "complaint",
        )
    )
    letters = _letters({row["pk"] for row in dossiers}, first, after)
    return [_facts(row, letters) for row in dossiers]


def _letters(dossier_ids: set[int], first, after) -> dict:
    found: dict = defaultdict(lambda: defaultdict(list))
    rows = DeskLetter.objects.filter(
        dossier_id__in=dossier_ids, kind__in=COUNTED_LETTERS, at__gte=first, at__lt=after
    ).values_list("dossier_id", "kind", "at")
    for dossier_id, kind, at in rows:
        found[dossier_id][kind].append(_day(at))
    return found


def _facts(row: dict, letters: dict) -> DossierFacts:
    own = letters.get(row["pk"], {})
    return DossierFacts(
        received_by=row["received_by_id"],
        returned_by=row["returned_by_id"],
        received_on=_day(row["received_at"]),
        result_on=_day(row["result_at"]),
        returned_on=_day(row["returned_at"]),
        late=row["outcome"] == Outcome.LATE,
        rating=row["rating"],
        complaint=row["complaint"],
        additional_requests=tuple(own.get(LetterKind.ADDITIONAL_REQUEST, ())),
        apologies=tuple(own.get(LetterKind.APOLOGY, ())),
    )


def agency_figures(agency: Agency, *, start: datetime.date, end: datetime.date) -> dict:
    return officer_figures(facts_for(agency, start=start, end=end), start=start, end=end)
