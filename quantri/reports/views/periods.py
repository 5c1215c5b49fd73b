"""The office's pages: plans and their periods, opening a period, its completeness."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext, pgettext_lazy
from django.views.decorators.http import require_POST

from quantri.core.list_export import xlsx_response
from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.plans.forms import add_service_error
from quantri.plans.models import Plan
from quantri.reports import periods, queries, reminders, services
from quantri.reports.forms import PeriodOpenForm, RegimeForm
from quantri.reports.models import ReportingPeriod, ReportRequest
from quantri.reports.views.common import page


@login_required
def overview(request):
    """Plans whose reporting the user follows, with their periods."""
    access = Access.for_request(request)
    plans = Plan.objects.select_related("agency").prefetch_related("reporting_periods")
    if not access.is_superuser:
        agency_ids = access.managed_agency_ids | access.inspection_agency_ids
        plans = plans.filter(agency_id__in=agency_ids)
    return render(request, "reports/overview.html", page(request, plans=plans))


def _plan_for_office(request, pk: int) -> tuple[Plan, Access]:
    plan = get_object_or_404(Plan.objects.select_related("agency"), pk=pk)
    access = Access.for_request(request)
    if not access.can_oversee_reports(plan):
        raise Http404
    return plan, access


@login_required
def plan_periods(request, pk: int):
    plan, access = _plan_for_office(request, pk)
    can_manage = access.can_manage_reports(plan)
    # The first visit turns the plan's own reporting duties into regimes: derived data,
    # created once, so the office never has to retype what the plan already says.
    regimes = services.regimes_for_plan(plan=plan, user=request.user) if can_manage else []
    open_form = regime_form = None
    if can_manage:
        open_form = PeriodOpenForm(
            regimes=plan.reporting_regimes.all(), initial=_suggestion(regimes)
        )
        regime_form = RegimeForm(units=Agency.objects.units_of(plan.agency))
    context = {
        "plan": plan,
        "periods": plan.reporting_periods.select_related("regime"),
        "regimes": regimes,
        "open_form": open_form,
        "regime_form": regime_form,
    }
    return render(request, "reports/plan_periods.html", page(request, **context))


def _suggestion(regimes) -> dict:
    """The period that ended most recently for the first regime: what the office opens next."""
    if not regimes:
        return {}
    regime = regimes[0]
    current = periods.period_containing(timezone.localdate(), regime.frequency)
    return {"regime": regime, "code": str(current)}


@login_required
@require_POST
def period_open(request, pk: int):
    plan, access = _plan_for_office(request, pk)
    if not access.can_manage_reports(plan):
        raise PermissionDenied
    form = PeriodOpenForm(request.POST, regimes=plan.reporting_regimes.all())
    if form.is_valid():
        try:
            period = services.period_open(
                regime=form.cleaned_data["regime"],
                code=form.cleaned_data["code"],
                user=request.user,
                deadline=form.cleaned_data["deadline"],
            )
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Period %(code)s is open.") % {"code": period.code})
            return redirect("reports:period_detail", pk=period.pk)
    context = {
        "plan": plan,
        "periods": plan.reporting_periods.all(),
        "regimes": list(plan.reporting_regimes.all()),
        "open_form": form,
        "regime_form": RegimeForm(units=Agency.objects.units_of(plan.agency)),
    }
    return render(request, "reports/plan_periods.html", page(request, **context), status=400)


@login_required
@require_POST
def regime_save(request, pk: int):
    plan, access = _plan_for_office(request, pk)
    if not access.can_manage_reports(plan):
        raise PermissionDenied
    form = RegimeForm(request.POST, units=Agency.objects.units_of(plan.agency))
    if form.is_valid():
        try:
            services.regime_save(plan=plan, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Reporting regime saved."))
            return redirect("reports:plan_periods", pk=plan.pk)
    context = {
        "plan": plan,
        "periods": plan.reporting_periods.all(),
        "regimes": list(plan.reporting_regimes.all()),
        "open_form": PeriodOpenForm(regimes=plan.reporting_regimes.all()),
        "regime_form": form,
    }
    return render(request, "reports/plan_periods.html", page(request, **context), status=400)


def _period_for_office(request, pk: int) -> tuple[ReportingPeriod, Access]:
    period = get_object_or_404(
        ReportingPeriod.objects.select_related("plan__agency", "regime__via_unit"), pk=pk
    )
    access = Access.for_request(request)
    if not access.can_oversee_reports(period.plan):
        raise Http404
    return period, access


@login_required
def period_detail(request, pk: int):
    period, access = _period_for_office(request, pk)
    if request.GET.get("format") == "xlsx":
        return _completeness_workbook(period)
    today = timezone.localdate()
    context = {
        "period": period,
        "plan": period.plan,
        "completeness": queries.completeness(period, today),
        "can_manage": access.can_manage_reports(period.plan),
        # Only those who consolidate see the button (the board met a 403 behind it).
        "consolidation_url": (
            _consolidation_url(period) if access.can_manage_reports(period.plan) else None
        ),
        "today": today,
        "overdue_as_of": queries.overdue_as_of(period, today),
    }
    return render(request, "reports/period_detail.html", page(request, **context))


STATE_WORDS = {
    queries.MISSING: _lazy("Not submitted"),
    queries.RETURNED: _lazy("Returned"),
    queries.SUBMITTED: _lazy("Submitted"),
    queries.ACCEPTED: pgettext_lazy("report state", "Accepted"),
}


def _completeness_workbook(period):
    """The units table of the period's page, one row per unit, for the office's meeting."""
    result = queries.completeness(period)
    headers = [
        _("Unit"),
        _("Report"),
        _("On time or late"),
        _("Submitted at"),
        _("Overdue tasks"),
    ]
    rows = [
        [
            row.unit.name_on(period.ends_on),
            str(STATE_WORDS[row.state]),
            _timeliness(row, period),
            row.report.submitted_at if row.report and row.report.submitted_at else None,
            len(row.overdue_tasks),
        ]
        for row in result.units
    ]
    return xlsx_response(
        filename=f"tinh-hinh-bao-cao-{period.code}.xlsx",
        title=_("Reporting completeness, period %(code)s") % {"code": period.code},
        headers=headers,
        rows=rows,
    )


def _timeliness(row, period) -> str:
    if row.has_submitted:
        return _("Late") if row.is_late else _("On time")
    return _("Overdue") if row.is_late else ""


def _consolidation_url(period) -> str | None:
    """The consolidated report's page, once that feature is installed."""
    try:
        return reverse("reports:consolidation", args=[period.pk])
    except NoReverseMatch:
        return None


@login_required
@require_POST
def request_remind(request, pk: int):
    """The remind button beside a late unit: the same reminder `quantri remind` sends."""
    report_request = get_object_or_404(
        ReportRequest.objects.select_related("period__plan__agency", "unit"), pk=pk
    )
    if not Access.for_request(request).can_manage_reports(report_request.period.plan):
        raise Http404
    sent = reminders.request_remind(
        report_request=report_request, user=request.user, base_url=request.build_absolute_uri("/")
    )
    if sent.notified:
        messages.success(
            request,
            ngettext(
                "%(unit)s reminded: %(count)d person notified.",
                "%(unit)s reminded: %(count)d people notified.",
                sent.notified,
            )
            % {"unit": report_request.unit, "count": sent.notified},
        )
    else:
        messages.info(
            request, _("%(unit)s was already reminded today.") % {"unit": report_request.unit}
        )
    return redirect("reports:period_detail", pk=report_request.period_id)


@login_required
@require_POST
def period_status(request, pk: int):
    period, access = _period_for_office(request, pk)
    if not access.can_manage_reports(period.plan):
        raise PermissionDenied
    if request.POST.get("action") == "close":
        services.period_close(period=period, user=request.user)
        messages.success(request, _("Period %(code)s is closed.") % {"code": period.code})
    else:
        services.period_reopen(period=period, user=request.user)
        messages.success(request, _("Period %(code)s is open.") % {"code": period.code})
    return redirect("reports:period_detail", pk=period.pk)
