"""The public side: published plans and how far each PAPI dimension has got. No login."""

from django.shortcuts import get_object_or_404, render

from quantri.plans.models import Plan
from quantri.plans.outline import plan_outline, plan_summaries


def home(request):
    plans = list(Plan.objects.published().select_related("agency"))
    summaries = plan_summaries(plans, by_dimension=True)
    return render(request, "portal/home.html", {"summaries": summaries})


def plan_detail(request, pk: int):
    plan = get_object_or_404(Plan.objects.published().select_related("agency"), pk=pk)
    return render(request, "portal/plan.html", {"outline": plan_outline(plan)})
