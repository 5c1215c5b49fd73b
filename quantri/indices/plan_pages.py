"""The link to the PAPI gap analysis on a plan's page, registered with
quantri.plans.extensions (plans does not import indices)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from quantri.indices import reading
from quantri.plans.extensions import PlanLink


def gap_link(plan, access) -> PlanLink | None:
    if plan.framework is None or plan.framework.code != reading.FRAMEWORK:
        return None
    return PlanLink(
        _("PAPI gaps and the plan's tasks"), reverse("indices:plan_gaps", args=[plan.pk])
    )
