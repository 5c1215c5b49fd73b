"""Offline units: download the report as an XLSX template, upload it filled in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.reports import services
from quantri.reports.forms import TemplateUploadForm
from quantri.reports.spreadsheet import build_template
from quantri.reports.views.common import report_of, visible_request

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def template_filename(report_request) -> str:
    return f"bao-cao-{report_request.period.code}-{report_request.unit.code}.xlsx"


@login_required
def report_template(request, pk: int):
    report_request, access = visible_request(request, pk)
    if not access.can_edit_unit_report(report_request):
        raise PermissionDenied
    tasks = list(services.unit_tasks(report_request))
    content = build_template(report_request, tasks, report_of(report_request))
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{template_filename(report_request)}"'
    return response


@login_required
@require_POST
def report_upload(request, pk: int):
    report_request, access = visible_request(request, pk)
    if not access.can_edit_unit_report(report_request):
        raise PermissionDenied
    form = TemplateUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("file", []):
            messages.error(request, error)
        return redirect("reports:unit_report", pk=report_request.pk)
    upload = form.cleaned_data["file"]
    try:
        services.report_import_xlsx(
            request=report_request, user=request.user, content=upload.content
        )
    except ValidationError as exc:
        messages.error(
            request, _("Nothing was saved: %(name)s has problems.") % {"name": upload.name}
        )
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The template was read and saved as the draft."))
    return redirect("reports:unit_report", pk=report_request.pk)
