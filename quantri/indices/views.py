"""PAPI pages: the national ranking and the province profiles are public (PAPI data are
published); the gap analysis of a plan is for the people who may read the plan."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from quantri.indices import pages, reading
from quantri.indices.forms import ProfileForm, RankingForm
from quantri.indices.gaps import gap_analysis, gap_chart_png, gap_chart_svg
from quantri.indices.models import Province
from quantri.orgs.access import Access
from quantri.plans.models import Plan


def ranking(request):
    years = reading.available_years()
    form = RankingForm(request.GET, years=years)
    if not years:
        return render(request, "indices/ranking.html", {"form": form, "table": None})
    valid = form.is_valid()
    year = (valid and form.cleaned_data["year"]) or years[-1]
    sort = (valid and form.cleaned_data["sort"]) or "total"
    table = pages.ranking_table(year, sort)
    return render(request, "indices/ranking.html", {"form": form, "table": table})


def province_detail(request, code: str):
    province = get_object_or_404(Province.objects.select_related("successor"), code=code.upper())
    years = sorted(set(province.scores.values_list("year", flat=True)))
    others = Province.objects.exclude(pk=province.pk).order_by("name_folded")
    form = ProfileForm(request.GET, years=years, provinces=others)
    context = {
        "province": province,
        "form": form,
        "predecessors": province.predecessors.all(),
        "years": years,
    }
    if years:
        valid = form.is_valid()
        year = (valid and form.cleaned_data["year"]) or years[-1]
        peers = list(others.filter(code__in=form.cleaned_data["peers"])) if valid else []
        context.update(pages.province_page(province, year, peers))
    return render(request, "indices/province.html", context)


def _viewable_plan(request, pk: int) -> Plan:
    """The plan if this user may read it; a 404 otherwise, so its existence does not leak."""
    plan = get_object_or_404(Plan.objects.select_related("agency", "framework"), pk=pk)
    if not Access.for_request(request).can_view_plan(plan):
        raise Http404
    return plan


@login_required
def plan_gaps(request, pk: int):
    plan = _viewable_plan(request, pk)
    analysis = gap_analysis(plan)
    chart = gap_chart_svg(analysis) if analysis.available else ""
    return render(
        request, "indices/plan_gaps.html", {"plan": plan, "analysis": analysis, "chart": chart}
    )


@login_required
def plan_gaps_png(request, pk: int):
    analysis = gap_analysis(_viewable_plan(request, pk))
    if not analysis.available:
        raise Http404
    response = HttpResponse(gap_chart_png(analysis), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="papi-gaps-plan-{pk}.png"'
    return response
