"""Finding a survey for a request, with the access checks every staff page repeats."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from quantri.orgs.access import Access
from quantri.surveys import services
from quantri.surveys.models import Survey


def viewable_survey(request, pk: int) -> tuple[Survey, Access]:
    """The survey if this user may read it (its department and oversight); a 404 otherwise,
    so a survey's existence does not leak to other agencies."""
    survey = get_object_or_404(Survey.objects.select_related("agency"), pk=pk)
    access = Access.for_request(request)
    if not (access.can_view_survey_results(survey) or access.can_manage_survey(survey)):
        raise Http404
    return survey, access


def managed_survey(request, pk: int) -> tuple[Survey, Access]:
    """The survey if this user may change it; 403 for readers who may only look."""
    survey, access = viewable_survey(request, pk)
    services.require_survey_manager(request.user, survey)  # the rule lives with the services
    return survey, access
