"""The public answer page of a service point: no login, works on a phone, works without
JavaScript (conditional questions are shown with a hint and sorted out on the server)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from quantri.core.addresses import client_address
from quantri.core.errors import error_response
from quantri.core.ratelimit import rate_allow
from quantri.surveys.forms import add_service_error
from quantri.surveys.logic import as_text
from quantri.surveys.models import Response, ServicePoint
from quantri.surveys.public_forms import TOO_MANY, ResponseForm, new_token, read_token
from quantri.surveys.services import response_submit
from quantri.surveys.services.responses import survey_questions


def _point(code: str) -> ServicePoint:
    return get_object_or_404(ServicePoint.objects.select_related("survey", "unit"), code=code)


def respond(request, code: str):
    point = _point(code)
    survey = point.survey
    if not (point.is_active and survey.accepts_responses()):
        return render(request, "surveys/public/closed.html", {"point": point})
    questions = survey_questions(survey)
    kwargs = {
        "questions": questions,
        "asks_profile": survey.asks_profile,
        "anonymous": survey.is_anonymous,
    }
    if request.method != "POST":
        form = ResponseForm(initial={"token": new_token(code)}, **kwargs)
        return _page(request, point, form)
    if not rate_allow(
        scope="survey", client=client_address(request), limit=settings.QUANTRI_SURVEY_RATE_LIMIT
    ):
        return error_response(request, 429, str(TOO_MANY))
    form = ResponseForm(request.POST, **kwargs)
    if not form.is_valid():
        return _page(request, point, _with_fresh_token(form, code))
    if form.is_robot():
        return redirect("surveys:thanks", code=code)  # robots get thanked and nothing is kept
    nonce = read_token(form.cleaned_data["token"], code)
    if nonce is None:
        form.add_error(None, _("This page was open too long. Check your answers and send again."))
        return _page(request, point, _with_fresh_token(form, code))
    if Response.objects.filter(token=nonce).exists():
        return redirect("surveys:thanks", code=code)  # a second tap on "Send"
    try:
        response_submit(
            service_point=point, answers=form.answers(), profile=form.profile(), token=nonce
        )
    except ValidationError as exc:
        add_service_error(form, exc)
        return _page(request, point, form)
    return redirect("surveys:thanks", code=code)


def _with_fresh_token(form: ResponseForm, code: str) -> ResponseForm:
    form.data = form.data.copy()
    form.data["token"] = new_token(code)
    return form


def _page(request, point: ServicePoint, form: ResponseForm):
    rows = [
        (question, field, condition, _condition_answers(question, condition))
        for question, field, condition in form.rows()
    ]
    numbers = {q.pk: n for n, q in enumerate(form.questions, start=1)}
    context = {
        "point": point,
        "survey": point.survey,
        "form": form,
        "rows": [
            (numbers[q.pk], q, f, c, numbers.get(c.pk) if c else None, a) for q, f, c, a in rows
        ],
        "profile_fields": [form[n] for n in ("sex", "age_group", "area") if n in form.fields],
        "identity_fields": [form[n] for n in ("name", "contact") if n in form.fields],
    }
    return render(request, "surveys/public/respond.html", context)


def _condition_answers(question, condition) -> str:
    """The answers that show a question, as the respondent saw them: “Có”, or “4, 5”."""
    if condition is None:
        return ""
    labels = {c.value: c.label for c in condition.choices.all()}
    return ", ".join(f"“{labels.get(v, as_text(v))}”" for v in question.condition_values)


def thanks(request, code: str):
    return render(request, "surveys/public/thanks.html", {"point": _point(code)})
