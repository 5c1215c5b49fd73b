"""Review cycles: proposals per procedure, closing the cycle, and tasks spawned into a plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.orgs.access import Access
from quantri.plans.forms import add_service_error
from quantri.plans.models import PlanStatus, TaskGroup
from quantri.procedures import services
from quantri.procedures.forms import ReviewForm, ReviewItemForm, ReviewTaskForm
from quantri.procedures.models import Procedure, ProcedureReview, ReviewItem
from quantri.procedures.views.office import office_access


def _review(request, pk: int) -> tuple[ProcedureReview, Access]:
    review = get_object_or_404(ProcedureReview.objects.select_related("agency"), pk=pk)
    access = Access.for_request(request)
    if not access.can_manage_procedures(review.agency_id):
        raise Http404
    return review, access


@login_required
def review_list(request):
    access = office_access(request)
    reviews = ProcedureReview.objects.select_related("agency").filter(
        agency__in=access.catalogue_agencies()
    )
    form = ReviewForm(request.POST or None, agencies=access.catalogue_agencies())
    if request.method == "POST" and form.is_valid():
        review = services.review_create(**form.cleaned_data, user=request.user)
        return redirect("procedures:review_detail", pk=review.pk)
    return render(request, "procedures/reviews.html", {"reviews": reviews, "form": form})


@login_required
def review_detail(request, pk: int):
    review, access = _review(request, pk)
    procedures = Procedure.objects.filter(agency__in=access.catalogue_agencies())
    form = ReviewItemForm(request.POST or None, procedures=procedures)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_item_save(review=review, **form.cleaned_data, user=request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The proposal has been recorded."))
            return redirect("procedures:review_detail", pk=review.pk)
    items = review.items.select_related("procedure", "task__group__plan")
    return render(
        request, "procedures/review_detail.html", {"review": review, "items": items, "form": form}
    )


@login_required
@require_POST
def review_close(request, pk: int):
    review, _access = _review(request, pk)
    try:
        services.review_close(review=review, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The review is closed."))
    return redirect("procedures:review_detail", pk=review.pk)


def _plan_groups(access: Access):
    """Groups of plans in force that this user manages, where a task may be added."""
    groups = TaskGroup.objects.select_related("plan", "dimension").exclude(
        plan__status=PlanStatus.CLOSED
    )
    if not access.is_superuser:
        groups = groups.filter(plan__agency_id__in=access.managed_agency_ids)
    return groups.order_by("-plan__year", "plan__pk", "order")


@login_required
def item_task(request, pk: int):
    item = get_object_or_404(
        ReviewItem.objects.select_related("review", "procedure", "task"), pk=pk
    )
    review, access = _review(request, item.review_id)
    if item.task_id:
        messages.info(request, _("A task has already been created for this proposal."))
        return redirect("procedures:review_detail", pk=review.pk)
    groups = _plan_groups(access)
    # Procedures are PAPI dimension 5: its group in the newest plan is the likely choice.
    initial = {
        "title": services.suggested_task_title(item),
        "group": groups.filter(dimension__framework__code="PAPI", dimension__code="5").first(),
    }
    form = ReviewTaskForm(request.POST or None, initial=initial, groups=groups)
    if request.method == "POST" and form.is_valid():
        if not access.can_manage_procedures(form.cleaned_data["group"].plan.agency_id):
            raise PermissionDenied
        try:
            task = services.review_item_create_task(
                item=item, **form.cleaned_data, user=request.user
            )
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The task has been added to the plan."))
            return redirect("plans:task_detail", pk=task.pk)
    return render(request, "procedures/item_task.html", {"item": item, "form": form})
