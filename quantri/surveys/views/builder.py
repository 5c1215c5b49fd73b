"""The survey builder for staff: the list, the survey page with its questions, and the forms
that add, edit, reorder and remove sections and questions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.orgs.access import Access
from quantri.surveys import services
from quantri.surveys.forms import (
    IndicatorForm,
    QuestionForm,
    SectionForm,
    ServicePointForm,
    SurveyForm,
    add_service_error,
)
from quantri.surveys.models import IndicatorMapping, Question, Section, Survey, SurveyStatus
from quantri.surveys.views.common import managed_survey, viewable_survey


@login_required
def survey_list(request):
    access = Access.for_request(request)
    surveys = access.viewable_surveys(Survey.objects.select_related("agency"))
    context = {"surveys": surveys, "can_create": access.creates_surveys()}
    return render(request, "surveys/survey_list.html", context)


@login_required
def survey_new(request):
    access = Access.for_request(request)
    services.require_survey_creator(request.user)
    form = SurveyForm(request.POST or None, agencies=access.survey_agencies())
    if request.method == "POST" and form.is_valid():
        try:
            survey = _create(form.cleaned_data, request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Survey created. Add its questions and service points."))
            return redirect("surveys:survey_detail", pk=survey.pk)
    return render(request, "surveys/survey_form.html", {"form": form, "survey": None})


def _create(data: dict, user) -> Survey:
    fields = {k: data[k] for k in ("kind", "description", "opens_on", "closes_on", "is_anonymous")}
    if data["template"]:
        survey = services.survey_from_template(
            data["template"],
            agency=data["agency"],
            user=user,
            title=data["title"],
            asks_profile=data["asks_profile"],
        )
        fields.pop("kind")
        fields["description"] = fields["description"] or survey.description
        return services.survey_update(survey=survey, user=user, **fields)
    return services.survey_create(
        agency=data["agency"],
        user=user,
        title=data["title"],
        asks_profile=data["asks_profile"],
        **fields,
    )


def _draft_or_back(request, survey):
    """Question pages of a survey people may have answered go back with the reason."""
    if survey.status == SurveyStatus.DRAFT:
        return None
    messages.error(request, _("The survey is no longer a draft: its questions cannot change."))
    return redirect("surveys:survey_detail", pk=survey.pk)


@login_required
def survey_detail(request, pk: int):
    survey, access = viewable_survey(request, pk)
    can_manage = access.can_manage_survey(survey)
    questions = survey.questions.select_related(
        "section", "condition_question", "indicator__subdimension"
    )
    context = {
        "survey": survey,
        "questions": questions.prefetch_related("choices"),
        "sections": survey.sections.all(),
        "points": survey.service_points.select_related("unit"),
        "can_manage": can_manage,
        "can_edit_questions": can_manage and survey.status == SurveyStatus.DRAFT,
        "section_form": SectionForm(),
        "point_form": ServicePointForm(survey=survey) if can_manage else None,
        "responses": survey.responses.count(),
    }
    return render(request, "surveys/survey_detail.html", context)


@login_required
def survey_edit(request, pk: int):
    survey, _access = managed_survey(request, pk)
    fields = ("title", "kind", "description", "opens_on", "closes_on", "is_anonymous")
    initial = {f: getattr(survey, f) for f in fields} | {"asks_profile": survey.asks_profile}
    form = SurveyForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.survey_update(
                survey=survey,
                user=request.user,
                asks_profile=data["asks_profile"],
                **{f: data[f] for f in fields},
            )
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Survey saved."))
            return redirect("surveys:survey_detail", pk=survey.pk)
    return render(request, "surveys/survey_form.html", {"form": form, "survey": survey})


def _run(request, action, success: str, **kwargs) -> bool:
    """Call a service for a POST button; its refusal becomes a message on the next page."""
    try:
        action(user=request.user, **kwargs)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return False
    messages.success(request, success)
    return True


@login_required
@require_POST
def survey_publish(request, pk: int):
    survey, _access = managed_survey(request, pk)
    _run(request, services.survey_publish, _("The survey is open for answers."), survey=survey)
    return redirect("surveys:survey_detail", pk=survey.pk)


@login_required
@require_POST
def survey_close(request, pk: int):
    survey, _access = managed_survey(request, pk)
    _run(request, services.survey_close, _("The survey is closed."), survey=survey)
    return redirect("surveys:survey_detail", pk=survey.pk)


@login_required
@require_POST
def section_new(request, pk: int):
    survey, _access = managed_survey(request, pk)
    form = SectionForm(request.POST)
    if form.is_valid():
        title = form.cleaned_data["title"]
        _run(request, services.section_create, _("Section added."), survey=survey, title=title)
    else:
        messages.error(request, _("Give the section a title."))
    return redirect("surveys:survey_detail", pk=survey.pk)


def _section(request, pk: int) -> Section:
    section = get_object_or_404(Section, pk=pk)
    managed_survey(request, section.survey_id)
    return section


@login_required
def section_edit(request, pk: int):
    section = _section(request, pk)
    form = SectionForm(request.POST or None, initial={"title": section.title})
    if request.method == "POST" and form.is_valid():
        title = form.cleaned_data["title"]
        if _run(
            request, services.section_update, _("Section saved."), section=section, title=title
        ):
            return redirect("surveys:survey_detail", pk=section.survey_id)
    context = {"form": form, "survey": section.survey, "section": section}
    return render(request, "surveys/section_form.html", context)


@login_required
@require_POST
def section_delete(request, pk: int):
    section = _section(request, pk)
    _run(request, services.section_delete, _("Section removed."), section=section)
    return redirect("surveys:survey_detail", pk=section.survey_id)


@login_required
def question_new(request, pk: int):
    survey, _access = managed_survey(request, pk)
    if back := _draft_or_back(request, survey):
        return back
    form = QuestionForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_create(survey=survey, user=request.user, data=form.question_input())
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Question added."))
            return redirect("surveys:survey_detail", pk=survey.pk)
    return render(request, "surveys/question_form.html", {"form": form, "survey": survey})


def _question(request, pk: int) -> Question:
    question = get_object_or_404(Question.objects.select_related("survey"), pk=pk)
    managed_survey(request, question.survey_id)
    return question


@login_required
def question_edit(request, pk: int):
    question = _question(request, pk)
    survey = question.survey
    if back := _draft_or_back(request, survey):
        return back
    initial = QuestionForm.initial_for(question)
    form = QuestionForm(request.POST or None, initial=initial, survey=survey, question=question)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.question_input()
            services.question_update(question=question, user=request.user, data=data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Question saved."))
            return redirect("surveys:survey_detail", pk=survey.pk)
    context = {"form": form, "survey": survey, "question": question}
    return render(request, "surveys/question_form.html", context)


@login_required
@require_POST
def question_move(request, pk: int):
    question = _question(request, pk)
    offset = -1 if request.POST.get("direction") == "up" else 1
    _run(request, services.question_move, _("Question moved."), question=question, offset=offset)
    return redirect("surveys:survey_detail", pk=question.survey_id)


@login_required
@require_POST
def question_delete(request, pk: int):
    question = _question(request, pk)
    _run(request, services.question_delete, _("Question removed."), question=question)
    return redirect("surveys:survey_detail", pk=question.survey_id)


@login_required
def question_indicator(request, pk: int):
    """Read a question as an index indicator (self-assessment surveys feed the engine)."""
    question = _question(request, pk)
    mapping = IndicatorMapping.objects.filter(question=question).first()
    initial = {"code": f"Q{question.order}", "weight": 1}
    if mapping:
        initial = {f: getattr(mapping, f) for f in ("code", "subdimension", "direction", "weight")}
    form = IndicatorForm(request.POST or None, initial=initial)
    if request.method == "POST" and "clear" in request.POST:
        services.indicator_clear(question=question, user=request.user)
        messages.success(request, _("The question no longer feeds an indicator."))
        return redirect("surveys:survey_detail", pk=question.survey_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_set(question=question, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("Indicator saved."))
            return redirect("surveys:survey_detail", pk=question.survey_id)
    context = {"form": form, "survey": question.survey, "question": question, "mapping": mapping}
    return render(request, "surveys/indicator_form.html", context)
