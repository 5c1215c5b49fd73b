"""PAPI under /api/papi: provinces, scores and profiles are public (PAPI publishes them); a
plan's gap analysis needs a session and the right to read the plan."""

from typing import Literal

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.security import django_auth

from quantri.core.params import Year
from quantri.core.text import fold
from quantri.indices import reading
from quantri.indices.analytics import TOTAL
from quantri.indices.gaps import gap_analysis
from quantri.indices.models import Province
from quantri.orgs.access import Access
from quantri.plans.models import Plan

router = Router(tags=["papi"])


class ProvinceOut(Schema):
    code: str
    name: str
    name_en: str
    valid_from: str | None
    valid_to: str | None
    successor: str | None
    agency: str | None


def _province_out(p: Province) -> dict:
    return {
        "code": p.code,
        "name": p.name,
        "name_en": p.name_en,
        "valid_from": p.valid_from.isoformat() if p.valid_from else None,
        "valid_to": p.valid_to.isoformat() if p.valid_to else None,
        "successor": p.successor.code if p.successor_id else None,
        "agency": p.agency.code if p.agency_id else None,
    }


@router.get("/provinces", response=list[ProvinceOut], summary="PAPI provinces")
def list_provinces(request, q: str = "", active: bool = False):
    """All 63 provinces PAPI covered, merged ones included; `active=true` keeps those that
    exist today, `q` searches names without regard to diacritics."""
    provinces = Province.objects.select_related("successor", "agency")
    if active:
        provinces = provinces.active()
    if q:
        provinces = provinces.filter(name_folded__contains=fold(q))
    return [_province_out(p) for p in provinces]


@router.get("/years", response=list[int], summary="Years with scores")
def list_years(request):
    return reading.available_years()


class ScoreOut(Schema):
    province: str
    year: int
    code: str
    score: float
    derived: bool


class ScoreFilter(Schema):
    year: Year | None = None
    province: str | None = None
    level: Literal["sub", "dimension", "total", "all"] = "sub"


@router.get("/scores", response=list[ScoreOut], summary="Scores")
def list_scores(request, filters: Query[ScoreFilter]):
    """Sub-dimension scores as published; `level=dimension`, `total` or `all` adds the sums
    (`derived: true`). A score not published is absent, never zero."""
    province = _province(filters.province) if filters.province else None
    years = [filters.year] if filters.year else None
    rows = []
    for year, scores in sorted(reading.year_scores(years).items()):
        codes = _codes(scores, filters.level)
        for code in codes:
            for p, value in sorted(scores.values.get(code, {}).items()):
                if province is None or p == province.code:
                    rows.append(_score(p, year, code, value, scores))
    return rows


def _codes(scores, level: str) -> list[str]:
    subs = [s for subs in scores.measured.values() for s in subs]
    choices = {
        "sub": subs,
        "dimension": list(scores.measured),
        "total": [TOTAL],
        "all": [*subs, *scores.measured, TOTAL],
    }
    return choices[level]


def _score(province: str, year: int, code: str, value: float, scores) -> dict:
    derived = code == TOTAL or code in scores.measured
    return {"province": province, "year": year, "code": code, "score": value, "derived": derived}


def _province(text: str) -> Province:
    try:
        return Province.objects.select_related("successor").resolve(text)
    except Province.DoesNotExist:
        raise Http404 from None


@router.get("/provinces/{code}/profile", summary="A province's reading for a year")
def province_profile(request, code: str, year: Year | None = None, peers: str = ""):
    """Same shape as `quantri papi show --format json`. `peers`: comma-separated codes or
    names. Without `year`, the latest year the province has scores."""
    province = _province(code)
    year = year or reading.latest_year(province)
    if year is None:
        raise Http404
    others = [_province(p) for p in peers.split(",") if p.strip()]
    return reading.province_profile(province, year, others)


@router.get("/plans/{pk}/gaps", auth=django_auth, summary="A plan's PAPI gaps and tasks")
def plan_gaps(request, pk: int):
    plan = get_object_or_404(Plan.objects.select_related("agency", "framework"), pk=pk)
    if not Access.for_request(request).can_view_plan(plan):
        raise Http404
    return gap_analysis(plan).to_dict()
