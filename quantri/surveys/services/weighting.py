"""Population margins and respondent weights (the maths is in quantri.surveys.results)."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from quantri.surveys.models import (
    PROFILE_CATEGORIES,
    PopulationMargin,
    ProfileVariable,
    Response,
    Survey,
    Weighting,
)
from quantri.surveys.results.weighting import WeightingError, Weights, check_margins, weigh
from quantri.surveys.services.builder import require_survey_manager


def describe(variable: str, category: str | None = None) -> str:
    """“Area” or “Area = Rural”, in the reader's language."""
    name = str(ProfileVariable(variable).label)
    if category is None:
        return name
    choices = PROFILE_CATEGORIES[ProfileVariable(variable)]
    label = str(choices(category).label) if category in choices.values else category
    return f"{name} = {label}"


def weighting_message(exc: WeightingError) -> str:
    params = dict(exc.params)
    for key in ("total", "share"):
        if key in params:
            params[key] = f"{params[key] * 100:.1f}%"
    if "gap" in params:
        params["gap"] = f"{params['gap']:.4f}"
    messages = {
        "share_range": _("%(variable)s: every share must be above 0 and at most 1."),
        "share_sum": _("%(variable)s: the shares add up to %(total)s, not 100%%."),
        "empty_cell": _(
            "No respondent is in the cell %(cell)s: merge categories or use raking instead."
        ),
        "empty_category": _(
            "No respondent has %(category)s, which the margins give %(share)s of the "
            "population: merge it with another category or remove it."
        ),
        "no_convergence": _(
            "Raking did not reach the margins within %(iterations)s rounds (largest gap "
            "%(gap)s): check that the margins are consistent."
        ),
        "method": _("Unknown weighting method %(method)s."),
    }
    return messages[exc.code] % params


def survey_margins(survey: Survey) -> dict:
    margins: dict = {}
    for margin in survey.margins.all():
        margins.setdefault(margin.variable, {})[margin.category] = float(margin.share)
    return margins


@transaction.atomic
def margins_set(*, survey: Survey, user, method: str, margins: dict) -> Survey:
    """Replace the survey's population margins ({variable: {category: share}}) and choose
    the weighting method. Shares of a variable must add up to 100%."""
    require_survey_manager(user, survey)
    if method not in Weighting.values:
        raise ValidationError({"weighting": _("Choose a weighting method.")})
    cleaned = {}
    for variable, shares in margins.items():
        if variable not in PROFILE_CATEGORIES:
            raise ValidationError(_("%(variable)s cannot be weighted on.") % {"variable": variable})
        cleaned[variable] = {
            c: _share(variable, c, s) for c, s in shares.items() if s not in ("", None)
        }
    try:
        check_margins(cleaned, describe)
    except WeightingError as exc:
        raise ValidationError(weighting_message(exc)) from exc
    if method != Weighting.NONE and not any(cleaned.values()):
        raise ValidationError(_("Enter the population's shares to weight on."))
    survey.margins.all().delete()
    for variable, shares in cleaned.items():
        for category, share in shares.items():
            margin = PopulationMargin(
                survey=survey, variable=variable, category=category, share=share
            )
            margin._history_user = user
            margin.full_clean()
            margin.save()
    survey.weighting = method
    survey._history_user = user
    survey.save(update_fields=["weighting", "updated_at"])
    return survey


def _share(variable: str, category: str, raw) -> Decimal:
    choices = PROFILE_CATEGORIES[variable]
    if category not in choices.values:
        raise ValidationError(
            _("%(category)s is not a category of %(variable)s.")
            % {"category": category, "variable": describe(variable)}
        )
    try:
        share = Decimal(str(raw).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationError(
            _("%(category)s: enter a share such as 0.52.")
            % {"category": describe(variable, category)}
        ) from None
    return share.quantize(Decimal("0.0001"))


def compute_weights(survey: Survey, responses: list[dict]) -> Weights:
    """Weights for response rows (dicts with sex, age_group, area) under the survey's method
    and margins; ValidationError with a readable message when they cannot be computed."""
    try:
        return weigh(survey.weighting, responses, survey_margins(survey), describe)
    except WeightingError as exc:
        raise ValidationError(weighting_message(exc)) from exc


@transaction.atomic
def survey_reweight(*, survey: Survey) -> Weights:
    """Recompute and store every response's weight (1 when the survey is not weighted)."""
    rows = list(survey.responses.values("pk", "sex", "age_group", "area").order_by("pk"))
    weights = compute_weights(survey, rows)
    changed = [
        Response(pk=row["pk"], weight=weight)
        for row, weight in zip(rows, weights.values, strict=True)
    ]
    Response.objects.bulk_update(changed, ["weight"], batch_size=500)
    return weights
