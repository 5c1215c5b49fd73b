"""Building a survey: the survey itself, its sections, questions, choices and conditions, the
service points that collect answers, and questions read as index indicators.

Questions change only while the survey is a draft: once people have answered, a changed
question would make earlier answers mean something else.
"""

import datetime
import secrets
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from quantri.core.text import fold
from quantri.indices.models import Dimension
from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.surveys.models import (
    Choice,
    Direction,
    IndicatorMapping,
    Question,
    Section,
    ServicePoint,
    Survey,
    SurveyKind,
    SurveyStatus,
)

CODE_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # no l/1/o/0: codes get typed from paper
SURVEY_FIELDS = ("title", "description", "kind", "opens_on", "closes_on", "is_anonymous")


@dataclass
class ChoiceInput:
    label: str
    value: str = ""  # a short code; made from the label when empty
    score: Decimal | None = None


@dataclass
class QuestionInput:
    text: str
    type: str
    section: Section | None = None
    help_text: str = ""
    required: bool = False
    likert_points: int | None = None
    likert_labels: list[str] = field(default_factory=list)
    number_min: Decimal | None = None
    number_max: Decimal | None = None
    condition_question: Question | None = None
    condition_values: list[str] = field(default_factory=list)
    is_overall: bool = False
    choices: list[ChoiceInput] | None = None  # None: leave the choices as they are


def require_survey_manager(user, survey: Survey) -> None:
    """Build, publish and close a survey, its points and weighting: the survey's office
    (Access.can_manage_survey). `user=None` is the system (demo, commands)."""
    if user is not None and not Access.for_user(user).can_manage_survey(survey):
        raise PermissionDenied(_("Only the survey's office may change it."))


def require_survey_creator(user, agency: Agency | None = None) -> None:
    """Create surveys: the office of the agency (any agency the user's office runs when
    none is named yet, as the new-survey page asks before the form is filled)."""
    if user is None:
        return
    access = Access.for_user(user)
    allowed = (
        access.creates_surveys()
        if agency is None
        else (access.is_superuser or agency.pk in access.office_agency_ids)
    )
    if not allowed:
        raise PermissionDenied(_("Only an agency's office may create its surveys."))


def _save(obj, user, **save_kwargs) -> None:
    obj._history_user = user
    obj.full_clean()
    obj.save(**save_kwargs)


def _require_draft(survey: Survey) -> None:
    if survey.status != SurveyStatus.DRAFT:
        raise ValidationError(
            _("The survey is no longer a draft: its questions cannot change once people answer.")
        )


@transaction.atomic
def survey_create(
    *,
    agency: Agency,
    user,
    title: str,
    kind: str = SurveyKind.SATISFACTION,
    description: str = "",
    opens_on: datetime.date | None = None,
    closes_on: datetime.date | None = None,
    is_anonymous: bool = True,
    asks_profile: bool = True,
    template: str = "",
) -> Survey:
    require_survey_creator(user, agency)
    survey = Survey(
        agency=agency,
        title=title,
        kind=kind,
        description=description,
        opens_on=opens_on,
        closes_on=closes_on,
        is_anonymous=is_anonymous,
        asks_profile=asks_profile,
        template=template,
        created_by=user,
    )
    _save(survey, user)
    return survey


@transaction.atomic
def survey_update(*, survey: Survey, user, asks_profile: bool | None = None, **fields) -> Survey:
    require_survey_manager(user, survey)
    unknown = set(fields) - set(SURVEY_FIELDS)
    if unknown:
        raise ValueError(f"survey_update cannot change {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(survey, name, value)
    if asks_profile is not None:
        survey.asks_profile = asks_profile
    _save(survey, user)
    return survey


@transaction.atomic
def survey_publish(*, survey: Survey, user) -> Survey:
    """Open the survey to answers (also reopens a closed one)."""
    require_survey_manager(user, survey)
    questions = list(survey.questions.prefetch_related("choices"))
    if not questions:
        raise ValidationError(_("Add at least one question before publishing."))
    for number, question in enumerate(questions, start=1):
        if question.has_choices and len(question.choices.all()) < 2:
            raise ValidationError(
                _("Question %(number)s needs at least two choices.") % {"number": number}
            )
    if not survey.service_points.filter(is_active=True).exists():
        raise ValidationError(
            _("Add at least one service point before publishing: it gives the public link.")
        )
    survey.status = SurveyStatus.OPEN
    _save(survey, user)
    return survey


@transaction.atomic
def survey_close(*, survey: Survey, user) -> Survey:
    require_survey_manager(user, survey)
    if survey.status != SurveyStatus.OPEN:
        raise ValidationError(_("Only an open survey can be closed."))
    survey.status = SurveyStatus.CLOSED
    _save(survey, user)
    return survey


@transaction.atomic
def section_create(*, survey: Survey, user, title: str) -> Section:
    require_survey_manager(user, survey)
    _require_draft(survey)
    last = survey.sections.aggregate(last=Max("order"))["last"] or 0
    section = Section(survey=survey, title=title, order=last + 1)
    _save(section, user)
    return section


@transaction.atomic
def section_update(*, section: Section, user, title: str) -> Section:
    require_survey_manager(user, section.survey)
    _require_draft(section.survey)
    section.title = title
    _save(section, user)
    return section


@transaction.atomic
def section_delete(*, section: Section, user) -> None:
    """Its questions stay, outside any section."""
    require_survey_manager(user, section.survey)
    _require_draft(section.survey)
    section._history_user = user
    section.delete()


@transaction.atomic
def question_create(*, survey: Survey, user, data: QuestionInput) -> Question:
    require_survey_manager(user, survey)
    _require_draft(survey)
    last = survey.questions.aggregate(last=Max("order"))["last"] or 0
    question = Question(survey=survey, order=last + 1)
    return _fill_question(question, user, data)


@transaction.atomic
def question_update(*, question: Question, user, data: QuestionInput) -> Question:
    require_survey_manager(user, question.survey)
    _require_draft(question.survey)
    return _fill_question(question, user, data)


def _fill_question(question: Question, user, data: QuestionInput) -> Question:
    if data.section is not None and data.section.survey_id != question.survey_id:
        raise ValidationError({"section": _("The section belongs to another survey.")})
    for name in (
        "text",
        "type",
        "section",
        "help_text",
        "required",
        "likert_points",
        "likert_labels",
        "number_min",
        "number_max",
        "condition_question",
        "condition_values",
        "is_overall",
    ):
        setattr(question, name, getattr(data, name))
    question.condition_values = [
        str(v).strip() for v in question.condition_values if str(v).strip()
    ]
    if question.condition_question is None:
        question.condition_values = []
    _save(question, user)
    if not question.has_choices:
        question.choices.all().delete()
    elif data.choices is not None:
        _set_choices(question, data.choices)
    _check_conditions(question)
    return question


def _set_choices(question: Question, choices: list[ChoiceInput]) -> None:
    question.choices.all().delete()
    used: set[str] = set()
    for order, choice in enumerate(choices, start=1):
        value = _choice_value(choice, used, order)
        used.add(value)
        row = Choice(
            question=question, order=order, value=value, label=choice.label, score=choice.score
        )
        row.full_clean()
        row.save()


def _choice_value(choice: ChoiceInput, used: set[str], order: int) -> str:
    if choice.value:
        value = slugify(choice.value)[:50]
        if not value or value in used:
            raise ValidationError(
                {"choices": _("Choice codes must be distinct: %(code)s") % {"code": choice.value}}
            )
        return value
    base = slugify(fold(choice.label))[:45] or str(order)
    value, n = base, 2
    while value in used:
        value, n = f"{base}-{n}", n + 1
    return value


def _check_conditions(question: Question) -> None:
    """A condition names values the condition's question can give; checked both ways."""
    pairs = [(question, question.condition_question)] if question.condition_question else []
    pairs += [(d, question) for d in question.dependents.all()]
    for dependent, source in pairs:
        offered = _answers_offered(source)
        if offered is None:
            continue
        missing = [v for v in dependent.condition_values if v not in offered]
        if missing:
            raise ValidationError(
                {
                    "condition_values": _(
                        "“%(question)s” is shown on answers %(codes)s, which “%(source)s” "
                        "does not offer."
                    )
                    % {"question": dependent.text, "codes": ", ".join(missing), "source": source}
                }
            )


def _answers_offered(question: Question) -> set[str] | None:
    """The answers a condition on this question can name; None when they are open-ended."""
    if question.has_choices:
        return set(question.choices.values_list("value", flat=True))
    if question.type == "likert" and question.likert_points:
        return {str(point) for point in range(1, question.likert_points + 1)}
    return None


@transaction.atomic
def question_delete(*, question: Question, user) -> None:
    require_survey_manager(user, question.survey)
    _require_draft(question.survey)
    dependents = list(question.dependents.all())
    if dependents:
        raise ValidationError(
            _("“%(question)s” cannot be removed: “%(dependent)s” is shown depending on it.")
            % {"question": question.text, "dependent": dependents[0].text}
        )
    question._history_user = user
    question.delete()


@transaction.atomic
def question_move(*, question: Question, user, offset: int) -> Question:
    """Move a question up (offset −1) or down (+1); a question never moves above the question
    its condition depends on, nor below one that depends on it."""
    require_survey_manager(user, question.survey)
    _require_draft(question.survey)
    questions = list(question.survey.questions.order_by("order", "pk"))
    index = next(k for k, q in enumerate(questions) if q.pk == question.pk)
    target = index + offset
    if not 0 <= target < len(questions):
        return question
    questions[index], questions[target] = questions[target], questions[index]
    position = {q.pk: k for k, q in enumerate(questions)}
    for q in questions:
        if q.condition_question_id and position[q.condition_question_id] > position[q.pk]:
            raise ValidationError(
                _("“%(question)s” must stay after the question its display depends on.")
                % {"question": q.text}
            )
    for order, q in enumerate(questions, start=1):
        if q.order != order:
            q.order = order
            q._history_user = user
            q.save(update_fields=["order"])
    question.refresh_from_db(fields=["order"])
    return question


@transaction.atomic
def indicator_set(
    *,
    question: Question,
    user,
    code: str,
    subdimension: Dimension,
    direction: str = Direction.HIGHER,
    weight: Decimal = Decimal(1),
) -> IndicatorMapping:
    require_survey_manager(user, question.survey)
    taken = IndicatorMapping.objects.filter(question__survey=question.survey_id, code=code)
    if taken.exclude(question=question).exists():
        raise ValidationError({"code": _("Another question of this survey has this code.")})
    mapping = IndicatorMapping.objects.filter(question=question).first() or IndicatorMapping(
        question=question
    )
    mapping.code, mapping.subdimension = code, subdimension
    mapping.direction, mapping.weight = direction, weight
    _save(mapping, user)
    return mapping


@transaction.atomic
def indicator_clear(*, question: Question, user) -> None:
    require_survey_manager(user, question.survey)
    for mapping in IndicatorMapping.objects.filter(question=question):
        mapping._history_user = user
        mapping.delete()


@transaction.atomic
def service_point_create(
    *, survey: Survey, user, name: str, unit: Agency, code: str = ""
) -> ServicePoint:
    require_survey_manager(user, survey)
    _check_unit(survey, unit)
    point = ServicePoint(survey=survey, name=name, unit=unit, code=code or _new_code())
    _save(point, user)
    return point


@transaction.atomic
def service_point_update(
    *, point: ServicePoint, user, name: str, unit: Agency, is_active: bool = True
) -> ServicePoint:
    require_survey_manager(user, point.survey)
    _check_unit(point.survey, unit)
    point.name, point.unit, point.is_active = name, unit, is_active
    _save(point, user)
    return point


def _check_unit(survey: Survey, unit: Agency) -> None:
    if unit.pk not in Agency.objects.subtree_ids(survey.agency):
        raise ValidationError(
            {"unit": _("The unit must belong to %(agency)s.") % {"agency": survey.agency}}
        )


def _new_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
        if not ServicePoint.objects.filter(code=code).exists():
            return code
