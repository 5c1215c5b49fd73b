"""Disclosure pages: the public list, the staff's internal list, recording and publishing
notices, and the read-only oversight page of the People's Inspection Board."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.core.worklists import due_first
from quantri.disclosures import services
from quantri.disclosures.forms import DisclosureForm, PublishForm
from quantri.disclosures.models import Disclosure, DisclosureCategory
from quantri.orgs.access import Access
from quantri.plans.forms import add_service_error
from quantri.procedures.models import ProcedureReview

PAGE_SIZE = 20


def can_read(access: Access, disclosure: Disclosure) -> bool:
    """Public notices once published; internal ones for the agency's staff once published;
    everything, unpublished and overdue included, for its managers and its oversight."""
    if disclosure.is_visible_to_public() or access.is_superuser:
        return True
    if disclosure.agency_id in access.public_side_oversight_agency_ids():
        return True
    published = disclosure.published_on and disclosure.published_on <= timezone.localdate()
    return bool(published) and access.can_read_internal_disclosures(disclosure.agency_id)


def public_list(request):
    rows = Disclosure.objects.public().for_page().order_by("-published_on", "-pk")
    category = request.GET.get("category", "")
    if category:
        rows = rows.filter(category__code=category)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "categories": DisclosureCategory.objects.filter(disclosures__audience="public").distinct(),
        "category": category,
        "query": f"category={category}" if category else "",
    }
    return render(request, "disclosures/public_list.html", context)


def _readable(request, pk: int) -> tuple[Disclosure, Access]:
    disclosure = get_object_or_404(Disclosure.objects.for_page(), pk=pk)
    access = Access.for_request(request)
    if not can_read(access, disclosure):
        raise Http404
    return disclosure, access


def detail(request, pk: int):
    disclosure, access = _readable(request, pk)
    context = {
        "disclosure": disclosure,
        "can_manage": access.can_manage_disclosures(disclosure.agency_id),
        "publish_form": PublishForm(),
    }
    return render(request, "disclosures/detail.html", context)


def attachment(request, pk: int):
    """Attachments are served through the same check as their notice, never from a public
    folder: an internal notice's file stays internal."""
    disclosure, _access = _readable(request, pk)
    if not disclosure.attachment:
        raise Http404
    name = disclosure.attachment_name or disclosure.attachment.name.rsplit("/", 1)[-1]
    return FileResponse(disclosure.attachment.open("rb"), as_attachment=True, filename=name)


def internal_rows(access: Access, today):
    """can_read as a filter, for the agencies the user belongs to or oversees; notices still
    to publish first, the nearest deadline on top, published ones after them."""
    rows = Disclosure.objects.for_page()
    if not access.is_superuser:
        rows = rows.filter(
            Q(agency_id__in=access.public_side_oversight_agency_ids())
            | Q(agency_id__in=access.visible_agency_ids, published_on__lte=today)
        )
    return due_first(
        rows, open_when=Q(published_on__isnull=True), due="due_on", then=("-published_on", "-pk")
    )


@login_required
def internal_list(request):
    access = Access.for_request(request)
    today = timezone.localdate()
    page = Paginator(internal_rows(access, today), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "can_create": access.manages_catalogue(), "today": today}
    return render(request, "disclosures/internal_list.html", context)


@login_required
def create(request):
    access = Access.for_request(request)
    if not access.manages_catalogue():
        raise PermissionDenied
    agencies = access.catalogue_agencies()
    form = DisclosureForm(request.POST or None, request.FILES or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        try:
            disclosure = services.disclosure_create(**form.cleaned_data, user=request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, _("The notice has been recorded."))
            return redirect("disclosures:detail", pk=disclosure.pk)
    return render(request, "disclosures/form.html", {"form": form})


@login_required
@require_POST
def publish(request, pk: int):
    disclosure = get_object_or_404(Disclosure, pk=pk)
    form = PublishForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.get("published_on", []))
        services.disclosure_publish(
            disclosure=disclosure, user=request.user, on=form.cleaned_data["published_on"]
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The notice is marked as published."))
    return redirect("disclosures:detail", pk=disclosure.pk)


@login_required
def oversight(request):
    """Read-only: what the People's Inspection Board checks — notices published late or not
    at all, and the reviews of administrative procedures."""
    access = Access.for_request(request)
    if not access.oversees_public_side():
        raise PermissionDenied
    today = timezone.localdate()
    disclosures = Disclosure.objects.for_page()
    reviews = ProcedureReview.objects.select_related("agency").prefetch_related(
        "items__procedure", "items__task"
    )
    if not access.is_superuser:
        ids = access.public_side_oversight_agency_ids()
        disclosures = disclosures.filter(agency_id__in=ids)
        reviews = reviews.filter(agency_id__in=ids)
    context = {
        "overdue": disclosures.overdue(today).order_by("due_on"),
        "late": disclosures.late().order_by("-published_on"),
        "recent": disclosures.order_by("-decision_date", "-pk")[:50],
        "reviews": reviews,
        "today": today,
    }
    return render(request, "disclosures/oversight.html", context)
