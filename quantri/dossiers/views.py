"""The office's pages: the 766 dashboard, the dossiers behind each figure, the desk's register
form and a dossier with its state actions. Only managers of the dossier's agency get in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from quantri.dossiers import services, slips, stats
from quantri.dossiers.forms import RegisterForm
from quantri.dossiers.models import Dossier, State
from quantri.orgs.access import Access

PAGE_SIZE = 50
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
    "complaints": gettext_lazy("Complaints"),
}


def _office(request) -> Access:
    access = Access.for_request(request)
    if not access.manages_any_agency():
        raise PermissionDenied
    return access


def _agency_and_month(request, access):
    agencies = access.manageable_agencies().order_by("pk")
    wanted = request.GET.get("agency", "")
    agency = agencies.filter(pk=wanted).first() if wanted.isdigit() else None
    if agency is None:
        if wanted:
            raise Http404
        agency = agencies.filter(kind="department").first() or agencies.first()
    try:
        month = stats.Month.parse(request.GET.get("month") or f"{timezone.localdate():%Y-%m}")
    except ValueError:
        raise Http404 from None
    return agencies, agency, month


@login_required
def dashboard(request):
    access = _office(request)
    agencies, agency, month = _agency_and_month(request, access)
    result = stats.index_for(agency, month)
    context = {
        "agencies": agencies,
        "agency": agency,
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
    access = _office(request)
    _, agency, month = _agency_and_month(request, access)
    figure = request.GET.get("figure", "received")
    try:
        rows = stats.dossiers_behind(agency, month, figure)
    except ValueError:
        raise Http404 from None
    rows = rows.select_related("procedure").order_by("-received_at", "code")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"agency": agency, "month": month, "figure": figure, "page": page}
    return render(request, "dossiers/list.html", context)


@login_required
def register(request):
    access = _office(request)
    form = RegisterForm(request.POST or None, agencies=access.manageable_agencies())
    if request.method == "POST" and form.is_valid():
        dossier = services.dossier_register(**form.cleaned_data, user=request.user)
        messages.success(request, _("Dossier %(code)s registered.") % {"code": dossier.code})
        return redirect("dossiers:detail", pk=dossier.pk)
    return render(request, "dossiers/register.html", {"form": form})


def _dossier(request, pk) -> Dossier:
    dossier = get_object_or_404(Dossier.objects.select_related("procedure", "agency"), pk=pk)
    if not Access.for_request(request).can_manage_agency(dossier.agency_id):
        raise PermissionDenied
    return dossier


@login_required
def detail(request, pk):
    dossier = _dossier(request, pk)
    actions = [State(s) for s in sorted(services.TRANSITIONS[dossier.state])]
    steps = dossier.steps.select_related("from_unit", "to_unit")
    context = {"dossier": dossier, "actions": actions, "steps": steps}
    return render(request, "dossiers/detail.html", context)


@login_required
@require_POST
def transition(request, pk):
    dossier = _dossier(request, pk)
    try:
        services.dossier_transition(
            dossier=dossier, to_state=request.POST.get("state", ""), user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("dossiers:detail", pk=dossier.pk)


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
def receipt(request, pk):
    dossier = _dossier(request, pk)
    name = request.user.get_full_name() or request.user.get_username()
    response = HttpResponse(slips.receipt_docx(dossier, received_by=name), content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="giay-tiep-nhan-{dossier.code}.docx"'
    return response
