"""The organisation workbook on the web: the template to download, an upload that shows what
would change (nothing saved), then a confirmation that saves exactly that file."""

import base64
import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from quantri.orgs.forms import OrgUploadForm
from quantri.orgs.importing.service import OrgImportError, org_import
from quantri.orgs.importing.workbook import write_workbook
from quantri.orgs.views import admin_scope

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SESSION_KEY = "orgs_import"


@login_required
def template(request):
    admin_scope(request)
    response = HttpResponse(write_workbook(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="to-chuc-nhan-su.xlsx"'
    return response


@login_required
def upload(request):
    scope = admin_scope(request)
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request, scope)
    form = OrgUploadForm(request.POST or None, request.FILES or None)
    context = {"upload": form, "report": None, "errors": []}
    if request.method == "POST" and form.is_valid():
        checked = form.cleaned_data["file"]
        try:
            context["report"] = org_import(
                content=checked.content, user=request.user, scope=scope, dry_run=True
            )
        except OrgImportError as exc:
            context["errors"], context["filename"] = exc.errors, checked.name
        else:
            # The checked file waits in the session for the confirmation: it is the very file
            # previewed that is saved, and the user does not upload it twice.
            request.session[SESSION_KEY] = {
                "name": checked.name,
                "content": base64.b64encode(checked.content).decode(),
            }
            context["token"] = _token(checked.content)
            context["filename"] = checked.name
    return render(request, "orgs/import.html", context)


def _token(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:16]


def _confirm(request, scope):
    waiting = request.session.get(SESSION_KEY) or {}
    content = base64.b64decode(waiting.get("content", ""))
    if not content or _token(content) != request.POST.get("token"):
        messages.error(request, _("Upload the workbook again: the preview has expired."))
        return redirect("orgs:import")
    try:
        report = org_import(content=content, user=request.user, scope=scope)
    except OrgImportError as exc:
        # The organisation changed between preview and confirmation (someone else's edit).
        context = {"upload": OrgUploadForm(), "errors": exc.errors, "filename": waiting["name"]}
        return render(request, "orgs/import.html", context, status=400)
    del request.session[SESSION_KEY]
    messages.success(request, _import_message(report))
    return redirect("orgs:tree")


def _import_message(report) -> str:
    return _(
        "Imported: %(units)s units and %(people)s people new, %(updated)s changes; "
        "%(to_close)s units and roles not in the file are listed for closing."
    ) % {
        "units": len(report.units["created"]),
        "people": len(report.people["created"]),
        "updated": len(report.units["updated"])
        + len(report.people["updated"])
        + len(report.roles["updated"]),
        "to_close": len(report.units_to_close) + len(report.roles_to_close),
    }
