"""Plan import: upload a document, correct the parsed plan in a preview, save it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from quantri.orgs.access import Access
from quantri.plans import amending, services
from quantri.plans.forms import ImportPreview, PlanUploadForm
from quantri.plans.forms_amending import ImportChoiceForm
from quantri.plans.models import PlanImport

SERVICE_ERRORS = (services.PlanImportError, ValidationError)


def _message(exc: Exception) -> str:
    return " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)


@login_required
def import_upload(request):
    access = Access.for_request(request)
    if not access.manages_any_agency():
        raise PermissionDenied
    agencies = access.manageable_agencies()
    if request.method == "POST":
        form = PlanUploadForm(request.POST, request.FILES, agencies=agencies)
        draft = _draft(form, request.user) if form.is_valid() else None
        if draft is not None:
            return redirect("plans:import_preview", pk=draft.pk)
    else:
        form = PlanUploadForm(agencies=agencies)
    return render(request, "plans/import_upload.html", {"form": form})


def _draft(form: PlanUploadForm, user) -> PlanImport | None:
    document = form.cleaned_data["document"]
    try:
        return services.plan_import_draft(
            agency=form.cleaned_data["agency"],
            user=user,
            data=document.content,
            filename=document.name,
        )
    except SERVICE_ERRORS as exc:
        form.add_error(
            "document",
            _("%(name)s could not be read as a plan: %(reason)s")
            % {"name": document.name, "reason": _message(exc)},
        )
        return None


@login_required
def import_preview(request, pk: int):
    draft = get_object_or_404(PlanImport.objects.select_related("agency"), pk=pk)
    if not Access.for_request(request).can_manage_agency(draft.agency_id):
        raise Http404
    if draft.plan_id:
        messages.info(request, _("This document has already been saved as a plan."))
        return redirect("plans:plan_detail", pk=draft.plan_id)
    preview = ImportPreview(draft, request.POST if request.method == "POST" else None)
    choice = _choice_form(request, draft)
    if request.method == "POST" and preview.is_valid() and (choice is None or choice.is_valid()):
        saved = _save(request, draft, preview, choice)
        if saved is not None:
            return saved
    context = {"draft": draft, "preview": preview, "choice": choice}
    if choice is not None:
        context["matches"] = [
            (plan, amending.missing_tasks(plan, draft.parsed)) for plan in choice.matches
        ]
    return render(request, "plans/import_preview.html", context)


# The save step: a document that matches a plan of the same agency (same number or title) is
# saved as a new plan or applied to that plan as an amendment, as the user chooses -- never
# silently duplicated.


def _choice_form(request, draft: PlanImport) -> ImportChoiceForm | None:
    header = draft.parsed.get("plan") or {}
    year = str(header.get("year") or "")
    matches = amending.matching_plans(
        agency=draft.agency,
        number=header.get("number") or "",
        title=header.get("title") or "",
        year=int(year) if year.isdigit() else None,
    )
    if not matches:
        return None
    data = request.POST if request.method == "POST" else None
    return ImportChoiceForm(data, matches=matches)


def _save(request, draft: PlanImport, preview: ImportPreview, choice):
    amended_id = choice.amended_plan_id() if choice is not None else None
    try:
        if amended_id is None:
            plan = services.plan_import_confirm(
                draft=draft, parsed=preview.corrected(), user=request.user
            )
        else:
            plan = next(p for p in choice.matches if p.pk == amended_id)
            revision = amending.draft_amend(
                draft=draft,
                parsed=preview.corrected(),
                plan=plan,
                user=request.user,
                reason=choice.cleaned_data["reason"],
                cancel_missing=choice.cleaned_data["cancel_missing"],
            )
    except SERVICE_ERRORS as exc:
        preview.add_error(_message(exc))
        return None
    if amended_id is None:
        messages.success(request, _("The plan has been saved."))
        return redirect("plans:plan_detail", pk=plan.pk)
    messages.success(
        request,
        _("The document has been applied to the plan as amendment %(number)s.")
        % {"number": revision.number},
    )
    return redirect("plans:revision_detail", pk=revision.pk)
