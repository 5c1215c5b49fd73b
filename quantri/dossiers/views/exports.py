"""What the office takes to a meeting or files: the dossier list and the dashboard's tables
as XLSX (the filters of the page applied), the month's register of dossiers (form 07) and a
dossier's history in a print layout."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from quantri.dossiers import exports, logbook, stats
from quantri.dossiers.breakdown import breakdown
from quantri.dossiers.models import Dossier
from quantri.dossiers.views.common import DOCX_TYPE, managed_dossier, office_access
from quantri.dossiers.views.history import history_entries
from quantri.dossiers.views.office import FIGURE_LABELS, _agency_and_month, _procedure

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(content: bytes, kind: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _caption(agency, month, *parts) -> str:
    shown = [agency.name, month.label(), *(str(p) for p in parts if p)]
    return " — ".join(shown)


@login_required
def dossier_list_xlsx(request):
    """The list page's dossiers (same agency, unit, procedure, month and figure), all pages."""
    access = office_access(request)
    _, agency, unit, month = _agency_and_month(request, access)
    procedure = _procedure(request, agency)
    figure = request.GET.get("figure", "received")
    try:
        rows = stats.dossiers_behind(agency, month, figure, unit=unit, procedure=procedure)
    except ValueError:
        raise Http404 from None
    rows = rows.select_related("procedure", "unit").order_by("-received_at", "code")
    caption = _caption(agency, month, unit, procedure, FIGURE_LABELS.get(figure, figure))
    content = exports.dossier_list_xlsx(rows.iterator(chunk_size=2000), caption=caption)
    return _file(content, XLSX_TYPE, f"ho-so-{agency.code}-{month}.xlsx")


@login_required
def figures_xlsx(request):
    """The dashboard's figures by handling unit and by procedure."""
    access = office_access(request)
    _, agency, unit, month = _agency_and_month(request, access)
    by_unit = [] if unit else breakdown(agency, month, by="unit")
    by_procedure = breakdown(agency, month, by="procedure", unit=unit)
    content = exports.figures_xlsx(
        caption=_caption(agency, month, unit), by_unit=by_unit, by_procedure=by_procedure
    )
    return _file(content, XLSX_TYPE, f"so-lieu-{agency.code}-{month}.xlsx")


@login_required
def logbook_docx(request):
    """The register of the dossiers the agency received in the month (form 07)."""
    access = office_access(request)
    _, agency, _unit, month = _agency_and_month(request, access)
    dossiers = (
        Dossier.objects.filter(
            agency=agency, received_at__date__gte=month.first, received_at__date__lte=month.last
        )
        .select_related("procedure", "unit")
        .order_by("received_at", "code")
    )
    content = logbook.logbook_docx(agency, list(dossiers), first=month.first, last=month.last)
    return _file(content, DOCX_TYPE, f"so-theo-doi-ho-so-{agency.code}-{month}.docx")


@login_required
def history_print(request, pk):
    dossier = managed_dossier(request, pk)
    context = {
        "dossier": dossier,
        "steps": dossier.steps.select_related("from_unit", "to_unit", "user"),
        "letters": dossier.letters.select_related("user"),
        "history": history_entries(dossier),
    }
    return render(request, "dossiers/history_print.html", context)
