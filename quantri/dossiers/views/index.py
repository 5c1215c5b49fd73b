"""The 766 dashboard's export and the form where the office supplies the figures no software
of ours records (index_766_2026_12.INPUTS)."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from quantri.dossiers import index_inputs, index_report
from quantri.dossiers.forms import IndexInputForm
from quantri.dossiers.periods import parse_month
from quantri.dossiers.views.common import office_access
from quantri.dossiers.views.office import _agency_and_month, _procedure, index_pair

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def dashboard_xlsx(request):
    """The dashboard as on the page (same agency, unit, procedure and period), with the
    period before beside it; headers in Vietnamese, as the office files it."""
    access = office_access(request)
    _agencies, agency, unit, period = _agency_and_month(request, access)
    procedure = _procedure(request, agency)
    current, previous = index_pair(agency, period, unit=unit, procedure=procedure)
    with translation.override("vi"):
        title = _("Decision 766 index — %(agency)s — %(period)s (before: %(previous)s)") % {
            "agency": unit or agency,
            "period": period.label(),
            "previous": period.previous().label(),
        }
        content = index_report.xlsx(
            title=title,
            rows=index_report.lines(current, previous),
            total=current["total"],
            previous_total=previous["total"],
        )
    name = re.sub(r"[^A-Za-z0-9_-]", "_", f"chi-so-766-{agency.code}-{period.label()}")
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@login_required
def supply_inputs(request):
    """GET ?agency=&month= shows the month's figures entered so far and the form; POST sets
    one. Office coordinators and administrators of the agency only."""
    access = office_access(request)
    agencies = access.manageable_agencies().order_by("pk")
    allowed = [a for a in agencies if access.can_supply_index_inputs(a.pk)]
    if not allowed:
        raise PermissionDenied
    form = IndexInputForm(request.POST or None, agencies=allowed, initial=_initial(request))
    if request.method == "POST" and form.is_valid():
        record = index_inputs.index_input_record(user=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Figure saved: %(figure)s = %(value)s.")
            % {
                "figure": record.get_figure_display(),
                "value": record.value,
            },
        )
        return redirect(f"{request.path}?agency={record.agency_id}&month={record.month:%Y-%m}")
    agency, month = form.chosen()
    context = {
        "form": form,
        "agency": agency,
        "month": month,
        "entered": index_inputs.of_month(agency, month) if agency and month else [],
    }
    return render(request, "dossiers/index_inputs.html", context)


def _initial(request) -> dict:
    initial = {"agency": request.GET.get("agency", "")}
    try:
        initial["month"] = parse_month(request.GET.get("month", ""))
    except ValueError:
        initial["month"] = timezone.localdate().replace(day=1)
    return initial
