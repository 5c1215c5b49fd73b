"""One dossier: its facts, state actions, hand-over steps, flags and history of changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.dossiers import desk_slips, services
from quantri.dossiers.forms import FlagsForm, HandOverForm
from quantri.dossiers.models import State
from quantri.dossiers.views.common import managed_dossier, pdf_available
from quantri.dossiers.views.history import history_entries


def _flags_initial(dossier) -> dict:
    return {name: getattr(dossier, name) for name in FlagsForm.base_fields}


@login_required
def detail(request, pk):
    dossier = managed_dossier(request, pk)
    context = {
        "dossier": dossier,
        "actions": [State(s) for s in sorted(services.TRANSITIONS[dossier.state])],
        "steps": dossier.steps.select_related("from_unit", "to_unit", "user"),
        "may_apologise": services.may_apologise(dossier),
        "may_request_more": dossier.state in desk_slips.ADDITIONAL_STATES,
        "may_refuse": dossier.state in desk_slips.REFUSAL_STATES,
        "may_stop": dossier.state in desk_slips.STOP_NOTICE_STATES,
        "waiting": dossier.state == State.ADDITIONAL_REQUESTED,
        "pdf": pdf_available(),
        "hand_over_form": HandOverForm(dossier=dossier),
        "flags_form": FlagsForm(initial=_flags_initial(dossier)),
        "history": history_entries(dossier),
        "letters": dossier.letters.select_related("user"),
    }
    return render(request, "dossiers/detail.html", context)


def _report(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
@require_POST
def transition(request, pk):
    dossier = managed_dossier(request, pk)
    try:
        services.dossier_transition(
            dossier=dossier, to_state=request.POST.get("state", ""), user=request.user
        )
    except ValidationError as error:
        _report(request, error)
    return redirect("dossiers:detail", pk=dossier.pk)


def _form_errors(form) -> ValidationError:
    return ValidationError(
        [f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items()]
    )


@login_required
@require_POST
def hand_over(request, pk):
    dossier = managed_dossier(request, pk)
    form = HandOverForm(request.POST, dossier=dossier)
    try:
        if not form.is_valid():
            raise _form_errors(form)
        services.dossier_hand_over(dossier=dossier, user=request.user, **form.cleaned_data)
        messages.success(request, _("Hand-over recorded."))
    except ValidationError as error:
        _report(request, error)
    return redirect("dossiers:detail", pk=dossier.pk)


@login_required
@require_POST
def flags(request, pk):
    dossier = managed_dossier(request, pk)
    form = FlagsForm(request.POST)
    try:
        if not form.is_valid():
            raise _form_errors(form)
        services.dossier_update_flags(dossier=dossier, user=request.user, **form.cleaned_data)
        messages.success(request, _("Dossier updated."))
    except ValidationError as error:
        _report(request, error)
    return redirect("dossiers:detail", pk=dossier.pk)
