"""The office's overview: the 766 dashboard, the dossiers behind each figure, the desk's
register form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from quantri.core.worklists import due_first
from quantri.dossiers import index_report, services, stats
from quantri.dossiers.breakdown import breakdown
from quantri.dossiers.forms import RegisterForm
from quantri.dossiers.models import OPEN_STATES, Dossier
from quantri.dossiers.periods import KINDS, from_query
from quantri.dossiers.views.common import desk_access, office_access
from quantri.orgs.models import Agency
from quantri.procedures.models import Procedure

PAGE_SIZE = 50
BREAKDOWN_ROWS = 20  # procedures listed by most received; the rest are counted
FIGURE_LABELS = {
    "received": gettext_lazy("Received"),
    "processed_early": gettext_lazy("Processed early"),
    "processed_on_time": gettext_lazy("Processed on time"),
    "processed_late": gettext_lazy("Processed late"),
    "within_time": gettext_lazy("Still within time"),
    "overdue": gettext_lazy("Overdue"),
    "online_full": gettext_lazy("Received fully online"),
    "online_partial": gettext_lazy("Received partly online"),
    "paid_online": gettext_lazy("Paid online"),
    "digitised": gettext_lazy("Digitised"),
    "satisfied": gettext_lazy("Satisfied ratings"),
    "complaints": gettext_lazy("Dossiers with a complaint"),
}
# The 766 groups' labels are data (IndexVersion.criteria), translated in the page: named here
# so that the catalogue has them.
GROUP_LABELS = (
    gettext_noop("Transparency"),
    gettext_noop("Processing progress"),
    gettext_noop("Online services"),
    gettext_noop("Digitisation"),
    gettext_noop("Online payment"),
    gettext_noop("Satisfaction"),
)


def _pick(agencies, text: str):
    """The agency with this pk among those the user manages; 404 for any other text."""
    found = agencies.filter(pk=text).first() if text.isdigit() else None
    if found is None:
        raise Http404
    return found


def _receiving_agency(unit, agencies):
    """The department above a handling unit (the agency that receives its dossiers), when the
    user manages it; else the unit itself."""
    managed = set(agencies.values_list("pk", flat=True))
    node = unit
    while node is not None:
        if node.kind == "department" and node.pk in managed:
            return node
        node = node.parent
    return unit


def _procedure(request, agency):
    """?procedure= : one of the agency's procedures, or 404."""
    wanted = request.GET.get("procedure", "")
    if not wanted:
        return None
    scope = Procedure.objects.filter(agency_id__in=Agency.objects.subtree_ids(agency))
    found = scope.filter(pk=wanted).first() if wanted.isdigit() else None
    if found is None:
        raise Http404
    return found


def _period(request):
    """?period=month|quarter|half|year|range with ?month=YYYY-MM (and ?until= for a range);
    default: this month. A value that cannot be read is a 400 that quotes the address's
    period and says how to write one (an address typed or cut short by hand)."""
    get = request.GET.get
    try:
        return from_query(
            get("period", ""), get("month", ""), get("until", ""), default=timezone.localdate()
        )
    except ValueError:
        asked = "&".join(f"{key}={get(key)}" for key in ("period", "month", "until") if get(key))
        raise BadRequest(
            _(
                "The period in the address (%(asked)s) could not be read. Write it as "
                "period=month, quarter, half, year or range, with month=YYYY-MM (and "
                "until=YYYY-MM for a range), e.g. period=quarter&month=2026-10."
            )
            % {"asked": asked[:120]}
        ) from None


def period_params(period) -> str:
    """The query string that asks for this period again (links keep the period)."""
    text = f"month={period.first:%Y-%m}"
    if period.kind != "month":  # the default kind: month links stay as they were
        text = f"period={period.kind}&{text}"
    if period.kind == "range":
        text += f"&until={period.last_month:%Y-%m}"
    return text


def _agency_and_month(request, access):
    """?agency= (default: the user's department), ?unit= (a handling unit inside it: the
    figures of the dossiers it handles) and the period (_period; default: this month)."""
    agencies = access.manageable_agencies().order_by("pk")
    wanted, wanted_unit = request.GET.get("agency", ""), request.GET.get("unit", "")
    unit = _pick(agencies, wanted_unit) if wanted_unit else None
    if wanted:
        agency = _pick(agencies, wanted)
    elif unit is not None:
        agency = _receiving_agency(unit, agencies)
    else:
        agency = agencies.filter(kind="department").first() or agencies.first()
    if unit is not None and unit.pk not in Agency.objects.subtree_ids(agency):
        raise Http404
    return agencies, agency, unit, _period(request)


def index_pair(agency, period, *, unit=None, procedure=None) -> tuple[dict, dict]:
    """The period's index and the one before it: the dashboard's and the export's."""
    narrow = {"unit": unit, "procedure": procedure}
    current = stats.index_for(agency, period, **narrow)
    return current, stats.index_for(agency, period.previous(), **narrow)


@login_required
def dashboard(request):
    access = office_access(request)
    agencies, agency, unit, month = _agency_and_month(request, access)
    procedure = _procedure(request, agency)
    result, previous = index_pair(agency, month, unit=unit, procedure=procedure)
    by_procedure = [] if procedure else breakdown(agency, month, by="procedure", unit=unit)
    context = {
        "previous": previous,
        "previous_label": month.previous().label(),
        "lines": index_report.lines(result, previous),
        "kinds": KINDS,
        "period_params": period_params(month),
        "may_supply": access.can_supply_index_inputs(agency.pk),
        "agencies": agencies,
        "agency": agency,
        "unit": unit,
        "procedure": procedure,
        "by_unit": [] if unit or procedure else breakdown(agency, month, by="unit"),
        "by_procedure": by_procedure[:BREAKDOWN_ROWS],
        "more_procedures": max(len(by_procedure) - BREAKDOWN_ROWS, 0),
        "month": month,
        "result": result,
        "figures": result["figures"],
        "figure_rows": [
            (key, label, result["figures"][key]) for key, label in FIGURE_LABELS.items()
        ],
    }
    return render(request, "dossiers/dashboard.html", context)


@login_required
def dossier_list(request):
    access = office_access(request)
    _, agency, unit, month = _agency_and_month(request, access)
    procedure = _procedure(request, agency)
    figure = request.GET.get("figure", "received")
    try:
        rows = stats.dossiers_behind(agency, month, figure, unit=unit, procedure=procedure)
    except ValueError:
        raise Http404 from None
    # Dossiers still in hand by appointment, the nearest first; finished ones after them.
    rows = due_first(
        rows.select_related("procedure"),
        open_when=Q(state__in=OPEN_STATES),
        due="due_at",
        then=("-received_at", "code"),
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "agency": agency,
        "unit": unit,
        "procedure": procedure,
        "month": month,
        "period_params": period_params(month),
        "figure": figure,
        "figure_label": FIGURE_LABELS.get(figure, figure),
        "page": page,
    }
    return render(request, "dossiers/list.html", context)


FOUND_LIMIT = 50


@login_required
def find(request):
    """The desk's search box: a dossier code (or its beginning) or the applicant's ID number,
    among the agencies whose desk the user works; one match opens the dossier."""
    access = desk_access(request)
    query = request.GET.get("q", "").strip()[:60]
    found = []
    if query:
        scope = Dossier.objects.select_related("procedure")
        if not access.is_superuser:
            scope = scope.filter(agency_id__in=access.managed_agency_ids | access.desk_agency_ids)
        matches = scope.filter(
            Q(code=query) | Q(code__startswith=query.upper()) | Q(applicant_id=query)
        ).order_by("-received_at", "code")
        found = list(matches[: FOUND_LIMIT + 1])
        if len(found) == 1:
            return redirect("dossiers:detail", pk=found[0].pk)
    context = {"query": query, "found": found[:FOUND_LIMIT], "more": len(found) > FOUND_LIMIT}
    return render(request, "dossiers/find.html", context)


@login_required
def register(request):
    access = desk_access(request)
    form = RegisterForm(request.POST or None, agencies=access.desk_agencies())
    if request.method == "POST" and form.is_valid():
        dossier = services.dossier_register(**form.cleaned_data, user=request.user)
        messages.success(request, _("Dossier %(code)s registered.") % {"code": dossier.code})
        return redirect("dossiers:detail", pk=dossier.pk)
    return render(request, "dossiers/register.html", {"form": form})
