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

from quantri.dossiers import desk_slips, services, slips, stats
from quantri.dossiers.forms import NewAppointmentForm, RegisterForm, SlipTextForm
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
    context = {
        "dossier": dossier,
        "actions": actions,
        "steps": steps,
        "is_late": desk_slips.is_late(dossier),
        "may_request_more": dossier.state in desk_slips.ADDITIONAL_STATES,
        "may_refuse": dossier.state in desk_slips.REFUSAL_STATES,
    }
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


def _docx(content: bytes, name: str, dossier) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}-{dossier.code}.docx"'
    return response


def _signer(request) -> str:
    return request.user.get_full_name() or request.user.get_username()


def _slip_form(request, dossier, form, title):
    context = {"dossier": dossier, "form": form, "title": title}
    return render(request, "dossiers/slip_form.html", context)


@login_required
def apology(request, pk):
    dossier = _dossier(request, pk)
    if not desk_slips.is_late(dossier):
        raise Http404
    form = NewAppointmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # The head of the agency signs the apology, not the desk officer who prints it.
        content = desk_slips.apology_docx(dossier, new_due=form.cleaned_data["new_due"])
        return _docx(content, "phieu-xin-loi", dossier)
    return _slip_form(request, dossier, form, _("Apology letter with a new appointment"))


@login_required
def control_slip(request, pk):
    dossier = _dossier(request, pk)
    return _docx(desk_slips.control_slip_docx(dossier), "phieu-kiem-soat", dossier)


@login_required
def additional_request(request, pk):
    dossier = _dossier(request, pk)
    if dossier.state not in desk_slips.ADDITIONAL_STATES:
        raise Http404
    form = SlipTextForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        content = desk_slips.additional_request_docx(
            dossier, items=form.cleaned_data["text"], signed_by=_signer(request)
        )
        return _docx(content, "phieu-yeu-cau-bo-sung", dossier)
    return _slip_form(request, dossier, form, _("Request for additional documents"))


@login_required
def refusal(request, pk):
    dossier = _dossier(request, pk)
    if dossier.state not in desk_slips.REFUSAL_STATES:
        raise Http404
    form = SlipTextForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        content = desk_slips.refusal_docx(
            dossier, reason=form.cleaned_data["text"], signed_by=_signer(request)
        )
        return _docx(content, "phieu-tu-choi", dossier)
    return _slip_form(request, dossier, form, _("Refusal to receive or process the dossier"))
