from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema
from ninja.security import django_auth

from quantri.core.params import Year
from quantri.indices.models import Dimension, Framework
from quantri.orgs.models import Agency

router = Router(tags=["organisations"])
frameworks_router = Router(tags=["frameworks"])


class AgencyOut(Schema):
    id: int
    code: str
    name: str
    name_en: str
    short_name: str
    kind: str
    parent_code: str | None
    valid_from: str | None
    valid_to: str | None


def _agency_out(agency: Agency) -> dict:
    return {
        "id": agency.pk,
        "code": agency.code,
        "name": agency.name,
        "name_en": agency.name_en,
        "short_name": agency.short_name,
        "kind": agency.kind,
        "parent_code": agency.parent.code if agency.parent_id else None,
        "valid_from": agency.valid_from.isoformat() if agency.valid_from else None,
        "valid_to": agency.valid_to.isoformat() if agency.valid_to else None,
    }


@router.get("", response=list[AgencyOut], auth=django_auth, summary="The organisation tree")
def list_agencies(request, active: bool = True):
    agencies = Agency.objects.select_related("parent")
    if active:
        agencies = agencies.active()
    return [_agency_out(a) for a in agencies]


class DimensionOut(Schema):
    code: str
    name: str
    name_en: str
    parent: str | None
    min_score: float
    max_score: float
    valid_from_year: int | None
    valid_to_year: int | None
    year: int
    score_ranges: list[dict]


@frameworks_router.get("/{code}/dimensions", response=list[DimensionOut], summary="Dimensions")
def list_dimensions(request, code: str, year: Year | None = None):
    """The dimensions measured in `year` (all of them when no year is given) with that year's
    score range: PAPI 5.1 spans 0.25–2.5 in 2020 and 0.33–3.33 from 2021 (issue 15)."""
    framework = get_object_or_404(Framework, code=code)
    dimensions = Dimension.objects.filter(framework=framework).select_related("parent")
    if year is not None:
        dimensions = dimensions.applicable(year)
    return [_dimension_out(d, year or timezone.localdate().year) for d in dimensions]


def _dimension_out(d: Dimension, year: int) -> dict:
    low, high = d.range_in(year)
    return {
        "code": d.code,
        "name": d.name,
        "name_en": d.name_en,
        "parent": d.parent.code if d.parent_id else None,
        "min_score": low,
        "max_score": high,
        "valid_from_year": d.valid_from_year,
        "valid_to_year": d.valid_to_year,
        "year": year,
        "score_ranges": d.score_ranges or [],
    }
