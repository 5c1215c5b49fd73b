"""The consolidated report's page: the leadership and the office edit the narrative, see the
figures and the chart drawn from the units' reports, and download the DOCX and the XLSX."""

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.plans.forms import add_service_error
from quantri.reports import periods
from quantri.reports.consolidation import services
from quantri.reports.consolidation.chart import progress_chart
from quantri.reports.consolidation.forms import ConsolidatedReportForm
from quantri.reports.models import ReportingPeriod
from quantri.reports.views.common import page

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _period_for_leadership(request, pk: int) -> ReportingPeriod:
    """The period if this user consolidates its plan's reports. Members of the department
    who may not are refused (403); anyone else does not learn the period exists (404)."""
    period = get_object_or_404(ReportingPeriod.objects.select_related("plan__agency"), pk=pk)
    access = Access.for_request(request)
    if access.can_manage_reports(period.plan):
        return period
    if access.can_view_plan(period.plan) or access.can_oversee_reports(period.plan):
        raise PermissionDenied
    raise Http404


@login_required
def consolidation(request, pk: int):
    period = _period_for_leadership(request, pk)
    report = services.consolidated_report_for(period=period, user=request.user)
    if request.method == "POST":
        form = ConsolidatedReportForm(request.POST, instance=report)
        if form.is_valid() and _save(form, report, request.user):
            messages.success(request, _("The consolidated report is saved."))
            then = request.POST.get("then")
            if then in ("docx", "xlsx"):
                return redirect(f"reports:consolidation_{then}", pk=period.pk)
            return redirect("reports:consolidation", pk=period.pk)
        status = 400
    else:
        form, status = ConsolidatedReportForm(instance=report), 200
    result = services.consolidate_period(period)
    context = _context(period, form, result)
    parent_id = period.plan.agency.parent_id
    if parent_id and Access.for_request(request).can_manage_agency(parent_id):
        context["up_url"] = reverse("reports:consolidation_agency", args=[parent_id])
        context["up_url"] += f"?code={period.code}"
    return render(request, "reports/consolidation.html", page(request, **context), status=status)


def _save(form: ConsolidatedReportForm, report, user) -> bool:
    try:
        services.consolidated_report_update(report=report, user=user, **form.narrative())
    except ValidationError as exc:
        add_service_error(form, exc)
        return False
    return True


def _context(period, form, result) -> dict:
    return {"period": period, "plan": period.plan, "form": form, **_figures_context(result)}


def _figures_context(result) -> dict:
    figures = result.figures
    chart = ""
    if figures.dimensions:
        svg = progress_chart(figures.dimensions, fmt="svg")
        # Shown through <img>, where an SVG can run no script, whatever text it carries.
        chart = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    contributions = sorted(result.data.contributions.items())
    return {
        "figures": figures,
        "units": figures.units,
        "chart": chart,
        "contributions": contributions,
    }


@login_required
def consolidation_docx(request, pk: int):
    return _download(request, pk, "docx")


@login_required
def consolidation_xlsx(request, pk: int):
    return _download(request, pk, "xlsx")


def _download(request, pk: int, extension: str) -> HttpResponse:
    period = _period_for_leadership(request, pk)
    return _file_response(
        services.consolidation_export(period=period, user=request.user), extension
    )


def _file_response(result, extension: str) -> HttpResponse:
    data, content_type = (result.docx(), DOCX) if extension == "docx" else (result.xlsx(), XLSX)
    response = HttpResponse(data, content_type=content_type)
    # Symbols such as "SGDĐT" are not ASCII: the header helper encodes them (RFC 6266).
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=result.filename(extension)
    )
    return response


# Up the tree ---------------------------------------------------------------------------------


def _agency_for_leadership(request, pk: int) -> Agency:
    """The agency (e.g. the province) if this user manages it; 404 otherwise."""
    agency = get_object_or_404(Agency, pk=pk)
    if not Access.for_request(request).can_manage_agency(agency.pk):
        raise Http404
    return agency


def _codes(agency: Agency) -> list[str]:
    """Period codes the departments below the agency report on, the latest first."""
    below = Agency.objects.subtree_ids(agency) - {agency.pk}
    codes = set(
        ReportingPeriod.objects.filter(plan__agency_id__in=below).values_list("code", flat=True)
    )
    return sorted(codes, key=periods.parse_code, reverse=True)


def _code(request, codes: list[str]) -> str:
    wanted = request.GET.get("code") or (codes[0] if codes else "")
    try:
        return str(periods.parse_code(wanted)) if wanted else ""
    except periods.PeriodCodeError:
        raise Http404 from None


@login_required
def consolidation_agency(request, pk: int):
    """The province's view: every department's figures for a period code together."""
    agency = _agency_for_leadership(request, pk)
    codes = _codes(agency)
    code = _code(request, codes)
    context = {"agency": agency, "codes": codes, "code": code, "figures": None}
    if code:
        result = services.consolidation_agency_export(agency=agency, code=code, user=request.user)
        context.update(_figures_context(result), parts=result.data.parts)
    return render(request, "reports/consolidation_agency.html", page(request, **context))


@login_required
def consolidation_agency_docx(request, pk: int):
    return _agency_download(request, pk, "docx")


@login_required
def consolidation_agency_xlsx(request, pk: int):
    return _agency_download(request, pk, "xlsx")


def _agency_download(request, pk: int, extension: str) -> HttpResponse:
    agency = _agency_for_leadership(request, pk)
    code = _code(request, [])
    if not code:
        raise Http404
    result = services.consolidation_agency_export(agency=agency, code=code, user=request.user)
    return _file_response(result, extension)
