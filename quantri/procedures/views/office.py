"""The office's catalogue: list with publish switches, workbook import and export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.orgs.access import Access
from quantri.procedures import services
from quantri.procedures.forms import CatalogueSearchForm, CatalogueUploadForm
from quantri.procedures.importing import CatalogueImportError, catalogue_export, catalogue_import
from quantri.procedures.models import Procedure
from quantri.procedures.views.public import search_page

PAGE_SIZE = 50
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def office_access(request) -> Access:
    access = Access.for_request(request)
    if not access.manages_catalogue():
        raise PermissionDenied
    return access


def managed_procedures(access: Access):
    return Procedure.objects.for_list().filter(agency__in=access.catalogue_agencies())


@login_required
def manage(request):
    access = office_access(request)
    form = CatalogueSearchForm(request.GET or None)
    filters = form.filters() if request.GET else {"q": ""}
    rows = managed_procedures(access).filter_by(
        **{k: filters.get(k, "") for k in ("field", "level", "online")}
    )
    page = search_page(rows.search(filters["q"]), request.GET.get("page"), PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "upload": CatalogueUploadForm(agencies=access.catalogue_agencies()),
    }
    return render(request, "procedures/manage.html", context)


@login_required
def import_workbook(request):
    access = office_access(request)
    agencies = access.catalogue_agencies()
    form = CatalogueUploadForm(request.POST or None, request.FILES or None, agencies=agencies)
    context = {"upload": form, "report": None, "errors": []}
    if request.method == "POST" and form.is_valid():
        try:
            report = catalogue_import(
                content=form.cleaned_data["file"].content,
                user=request.user,
                agencies=agencies,
                default_agency=form.cleaned_data["agency"],
                owns_fields=access.is_superuser,
                dry_run=form.cleaned_data["dry_run"],
            )
        except CatalogueImportError as exc:
            context["errors"], context["filename"] = exc.errors, form.cleaned_data["file"].name
        else:
            if not report.dry_run:
                messages.success(request, _import_message(report))
                for warning in report.warnings:
                    messages.warning(request, warning)
                return redirect("procedures:manage")
            context["report"] = report
    return render(request, "procedures/import.html", context)


def _import_message(report) -> str:
    return _(
        "Imported %(total)s procedures: %(created)s new, %(updated)s updated, "
        "%(unchanged)s unchanged."
    ) % {
        "total": report.total,
        "created": len(report.created),
        "updated": len(report.updated),
        "unchanged": len(report.unchanged),
    }


@login_required
def export_workbook(request):
    access = office_access(request)
    content = catalogue_export(procedures=managed_procedures(access))
    response = HttpResponse(content, content_type=XLSX_TYPE)
    name = f"thu-tuc-hanh-chinh-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def publish(request, code: str):
    access = office_access(request)
    procedure = managed_procedures(access).filter(code=code).first()
    if procedure is None:
        raise Http404
    published = request.POST.get("published") == "1"
    services.procedure_set_published(procedure=procedure, user=request.user, published=published)
    if published:
        messages.success(request, _("%(code)s is now public.") % {"code": procedure.code})
    else:
        messages.success(request, _("%(code)s is no longer public.") % {"code": procedure.code})
    return redirect(_safe_next(request) or "procedures:manage")


def _safe_next(request) -> str:
    """Back to the list page the switch was on; only a path of this site."""
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""
