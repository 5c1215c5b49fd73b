"""Service points: where people answer, each with a public link and a QR code to print."""

import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.surveys import services
from quantri.surveys.forms import ServicePointForm, add_service_error
from quantri.surveys.models import ServicePoint
from quantri.surveys.views.common import managed_survey, viewable_survey


def public_link(request, point: ServicePoint) -> str:
    return request.build_absolute_uri(reverse("surveys:respond", args=[point.code]))


def qr_svg(link: str, *, scale: int = 6) -> str:
    """The link as a QR code, SVG text (medium error correction survives a worn print)."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="svg", scale=scale, border=4, xmldecl=False)
    return buffer.getvalue().decode()


@login_required
@require_POST
def point_new(request, pk: int):
    survey, _access = managed_survey(request, pk)
    form = ServicePointForm(request.POST, survey=survey)
    if form.is_valid():
        try:
            services.service_point_create(
                survey=survey,
                user=request.user,
                name=form.cleaned_data["name"],
                unit=form.cleaned_data["unit"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Service point added."))
    else:
        messages.error(request, _("Give the service point a name and a unit."))
    return redirect("surveys:survey_detail", pk=survey.pk)


@login_required
def point_edit(request, pk: int):
    point = get_object_or_404(ServicePoint.objects.select_related("survey"), pk=pk)
    survey, _access = managed_survey(request, point.survey_id)
    initial = {"name": point.name, "unit": point.unit, "is_active": point.is_active}
    form = ServicePointForm(request.POST or None, initial=initial, survey=survey)
    if request.method == "POST" and form.is_valid():
        try:
            services.service_point_update(point=point, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Service point saved."))
            return redirect("surveys:survey_detail", pk=survey.pk)
    context = {"form": form, "survey": survey, "point": point}
    return render(request, "surveys/point_form.html", context)


@login_required
def point_qr(request, pk: int):
    point = get_object_or_404(ServicePoint, pk=pk)
    viewable_survey(request, point.survey_id)
    response = HttpResponse(qr_svg(public_link(request, point)), content_type="image/svg+xml")
    response["Content-Disposition"] = f'inline; filename="qr-{point.code}.svg"'
    return response


@login_required
def points_print(request, pk: int):
    """One card per service point, link and QR code, to print and put on the desk."""
    survey, _access = viewable_survey(request, pk)
    cards = [
        (point, public_link(request, point), qr_svg(public_link(request, point)))
        for point in survey.service_points.filter(is_active=True).select_related("unit")
    ]
    return render(request, "surveys/points_print.html", {"survey": survey, "cards": cards})
