"""Which questions a respondent sees, and what counts as an answer to each type of question.

The same rules serve the public page, the API and the demo, and run on the server whatever the
browser did: a hidden question's answer is thrown away, a visible required one must be there.
No database access: questions come in with their choices already loaded.
"""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from quantri.surveys.models import QuestionType

MAX_TEXT = 2000


class AnswerError(ValueError):
    """An answer that does not fit its question; the message says why."""


def is_empty(raw) -> bool:
    return raw is None or raw == "" or raw == [] or (isinstance(raw, str) and not raw.strip())


def as_text(value) -> str:
    """A value as conditions compare it: 4 and 4.0 both read "4"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def condition_met(value, wanted) -> bool:
    if value is None:
        return False
    wanted = {str(w) for w in wanted}
    if isinstance(value, list):
        return any(as_text(v) in wanted for v in value)
    return as_text(value) in wanted


def visible_questions(questions, values: dict) -> set[int]:
    """Ids of the questions shown, given the answers so far (values by question id).

    Questions come in survey order; a conditional question is shown when its condition's
    question is itself shown and its answer is among the condition's values."""
    visible: set[int] = set()
    for question in questions:
        condition = question.condition_question_id
        if condition is None or (
            condition in visible and condition_met(values.get(condition), question.condition_values)
        ):
            visible.add(question.pk)
    return visible


def parse_answer(question, raw):
    """(value, number) for a raw answer (form text, a list of codes, a JSON number…), None
    when unanswered; AnswerError when it does not fit the question."""
    if is_empty(raw):
        return None
    parse = {
        QuestionType.SINGLE: _single,
        QuestionType.MULTIPLE: _multiple,
        QuestionType.LIKERT: _likert,
        QuestionType.NUMBER: _number,
        QuestionType.TEXT: _text,
    }[question.type]
    return parse(question, raw)


def _choices(question) -> dict:
    return {c.value: c for c in question.choices.all()}


def _single(question, raw):
    if isinstance(raw, list):
        if len(raw) != 1:
            raise AnswerError(_("Choose one answer."))
        raw = raw[0]
    choice = _choices(question).get(str(raw).strip())
    if choice is None:
        raise AnswerError(_("Choose one of the answers offered."))
    return choice.value, _float_or_none(choice.score)


def _multiple(question, raw):
    codes = raw if isinstance(raw, list) else [raw]
    choices = _choices(question)
    picked = {str(code).strip() for code in codes if not is_empty(code)}
    unknown = picked - set(choices)
    if unknown:
        raise AnswerError(_("Choose among the answers offered."))
    ordered = [value for value in choices if value in picked]
    scores = [choices[value].score for value in ordered]
    number = float(sum(scores)) if scores and None not in scores else None
    return ordered, number


def _likert(question, raw):
    try:
        point = _decimal(raw)
    except AnswerError:
        raise AnswerError(_("Choose a point on the scale.")) from None
    if point != point.to_integral_value() or not 1 <= point <= question.likert_points:
        raise AnswerError(
            _("Choose a point from 1 to %(points)s.") % {"points": question.likert_points}
        )
    return int(point), float(point)


def _number(question, raw):
    number = _decimal(raw)
    if question.number_min is not None and number < question.number_min:
        raise AnswerError(_("Enter at least %(min)s.") % {"min": question.number_min})
    if question.number_max is not None and number > question.number_max:
        raise AnswerError(_("Enter at most %(max)s.") % {"max": question.number_max})
    value = int(number) if number == number.to_integral_value() else float(number)
    return value, float(number)


def _text(question, raw):
    text = str(raw).strip()
    if len(text) > MAX_TEXT:
        raise AnswerError(_("Write at most %(count)s characters.") % {"count": MAX_TEXT})
    return text, None


def _decimal(raw) -> Decimal:
    if isinstance(raw, bool):
        raise AnswerError(_("Enter a number."))
    # People type 3,5 as often as 3.5.
    text = str(raw).strip().replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise AnswerError(_("Enter a number.")) from None
    if not number.is_finite():
        raise AnswerError(_("Enter a number."))
    return number


def _float_or_none(value) -> float | None:
    return None if value is None else float(value)
