"""The public side: finding a procedure, the citizen's links (feedback, reception, published
answers, notices) and the published plans with progress by PAPI dimension. No login."""

from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from quantri.plans.models import Plan
from quantri.plans.outline import plan_outline, plan_summaries
from quantri.procedures.forms import CatalogueSearchForm

# What a citizen comes for, by URL name. Some pages belong to apps that may not be there yet
# (they ship separately), so a missing name leaves its link out instead of breaking the page.
CITIZEN_LINKS = [
    ("procedures:search", _("Administrative procedures"), _("Documents, steps, time and fees")),
    ("feedback:submit", _("Send feedback"), _("Report a problem or make a proposal")),
    ("feedback:published", _("Answers to feedback"), _("What the department has answered")),
    ("reception:schedule", _("Citizen reception"), _("When and where the leaders receive you")),
    ("disclosures:public_list", _("Public notices"), _("Plans, budgets and decisions made public")),
    (
        "quality:declaration_public",
        _("Quality management"),
        _("Our TCVN ISO 9001:2015 declaration"),
    ),
]


def citizen_links() -> list[dict]:
    links = []
    for name, label, hint in CITIZEN_LINKS:
        try:
            links.append({"url": reverse(name), "label": label, "hint": hint})
        except NoReverseMatch:
            continue
    return links


SURVEY_LINKS = 4  # one per service point; a department has a handful


def survey_links() -> list[dict]:
    """The satisfaction surveys open now, by their service points' public links: a citizen who
    came for a procedure can rate the service without the QR code on the desk."""
    from quantri.surveys.models import ServicePoint, Survey

    points = ServicePoint.objects.filter(
        is_active=True, survey__in=Survey.objects.accepting()
    ).select_related("survey")[:SURVEY_LINKS]
    return [
        {
            "url": reverse("surveys:respond", args=[point.code]),
            "label": _("Rate our service: %(point)s") % {"point": point.name},
            "hint": point.survey.title,
        }
        for point in points
    ]


def home(request):
    plans = list(Plan.objects.published().select_related("agency"))
    summaries = plan_summaries(plans, by_dimension=True)
    context = {
        "summaries": summaries,
        "search_form": CatalogueSearchForm(),
        "links": citizen_links() + survey_links(),
    }
    return render(request, "portal/home.html", context)


def plan_detail(request, pk: int):
    plan = get_object_or_404(Plan.objects.published().select_related("agency"), pk=pk)
    return render(request, "portal/plan.html", {"outline": plan_outline(plan)})
