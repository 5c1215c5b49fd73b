"""Results (shares satisfied with intervals, chart, exports), the weighting page and the
index scores of surveys whose questions feed indicators."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quantri.surveys import services
from quantri.surveys.charts import satisfaction_chart
from quantri.surveys.forms import MarginsForm, add_service_error
from quantri.surveys.index import survey_index
from quantri.surveys.reporting import results_csv, results_xlsx, survey_results
from quantri.surveys.results import ALL_UNITS
from quantri.surveys.views.common import managed_survey, viewable_survey

PERIOD_CHOICES = [
    ("all", gettext_lazy("Whole survey")),
    ("year", gettext_lazy("By year")),
    ("quarter", gettext_lazy("By quarter")),
    ("month", gettext_lazy("By month")),
]


class ResultsFilter(forms.Form):
    period = forms.ChoiceField(label=gettext_lazy("Period"), choices=PERIOD_CHOICES, required=False)
    unit = forms.ChoiceField(label=gettext_lazy("Unit"), required=False)
    unweighted = forms.BooleanField(label=gettext_lazy("Unweighted"), required=False)

    def __init__(self, *args, units: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", _("All service points"))] + sorted(
            units.items(), key=lambda item: item[1]
        )

    def options(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "period": data.get("period") or "all",
            "unit_code": data.get("unit") or "",
            "weighted": not data.get("unweighted"),
        }


def _filtered_results(request, survey):
    units = dict(survey.service_points.values_list("unit__code", "unit__name").distinct())
    form = ResultsFilter(request.GET or None, units=units)
    return form, survey_results(survey, **form.options())


@login_required
def results_page(request, pk: int):
    survey, access = viewable_survey(request, pk)
    form, results = _filtered_results(request, survey)
    unit = form.options()["unit_code"] or ALL_UNITS
    context = {
        "survey": survey,
        "form": form,
        "results": results,
        "tables": _tables(results),
        "chart": _chart(results, unit),
        "can_manage": access.can_manage_survey(survey),
        "query": request.GET.urlencode(),
    }
    return render(request, "surveys/results.html", context)


def _tables(results) -> list[tuple[str, str, list]]:
    """[(unit name, period, lines)] — every unit together first, as the table reads."""
    groups: dict = {}
    for line in results.lines:
        groups.setdefault((line.unit, line.period), (line.unit_name, line.period, []))[2].append(
            line
        )
    return list(groups.values())


def _chart(results, unit: str) -> str:
    lines = results.lines_for(unit)
    if not lines:
        return ""
    latest = max(line.period for line in lines)
    lines = [line for line in lines if line.period == latest]
    return satisfaction_chart(
        [line.element_label for line in lines],
        [line.share for line in lines],
        [line.low for line in lines],
        [line.high for line in lines],
        axis_label=_("Share satisfied (%) with its 95% confidence interval"),
    )


@login_required
def results_export(request, pk: int, fmt: str):
    survey, _access = viewable_survey(request, pk)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form, results = _filtered_results(request, survey)
    if fmt == "csv":
        content, kind = results_csv(results), "text/csv; charset=utf-8"
    else:
        content = results_xlsx(results)
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-results.{fmt}"'
    return response


@login_required
def weighting_page(request, pk: int):
    survey, _access = managed_survey(request, pk)
    form = MarginsForm(request.POST or None, initial=MarginsForm.initial_from(survey))
    if request.method == "POST" and form.is_valid():
        try:
            services.margins_set(
                survey=survey,
                user=request.user,
                method=form.cleaned_data["weighting"],
                margins=form.margins(),
            )
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            _reweight(request, survey)
            return redirect("surveys:results", pk=survey.pk)
    return render(request, "surveys/weighting.html", {"survey": survey, "form": form})


def _reweight(request, survey) -> None:
    try:
        weights = services.survey_reweight(survey=survey)
    except ValidationError as exc:
        messages.warning(
            request,
            _("Margins saved, but the responses cannot be weighted yet: %(reason)s")
            % {"reason": " ".join(exc.messages)},
        )
        return
    messages.success(request, _("Margins saved and responses weighted."))
    if weights.unplaced:
        messages.info(
            request,
            _("%(count)s respondents gave no sex, age group or area and keep weight 1.")
            % {"count": weights.unplaced},
        )


@login_required
def index_page(request, pk: int):
    survey, _access = viewable_survey(request, pk)
    context = {"survey": survey, "index": survey_index(survey)}
    return render(request, "surveys/index.html", context)
