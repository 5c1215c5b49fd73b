"""The organisation workbook on the web: the template to download, an upload that shows what
would change (nothing saved), then a confirmation that saves exactly that file."""

import base64
import hashlib
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from quantri.orgs.forms import CloseListedForm, OrgUploadForm
from quantri.orgs.importing.service import OrgImportError, org_import
from quantri.orgs.importing.workbook import write_workbook
from quantri.orgs.models import Membership
from quantri.orgs.services import closing
from quantri.orgs.views import admin_scope, attempt

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SESSION_KEY = "orgs_import"
TO_CLOSE_KEY = "orgs_import_to_close"


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
    if report.units_to_close or report.roles_to_close:
        request.session[TO_CLOSE_KEY] = {
            "units": [u.pk for u in report.units_to_close],
            "roles": [m.pk for m in report.roles_to_close],
        }
        return redirect("orgs:import_close")
    return redirect("orgs:tree")


def _listed(request, scope):
    """What the last confirmed import listed as missing, still open and still in reach."""
    listed = request.session.get(TO_CLOSE_KEY) or {}
    units = list(scope.agencies().filter(pk__in=listed.get("units", [])).active())
    roles = list(
        Membership.objects.filter(pk__in=listed.get("roles", []), agency__in=scope.agencies())
        .active()
        .select_related("user", "agency")
        .order_by("agency__code")
    )
    return units, roles


@login_required
def close_listed(request):
    """Close in one action the units and roles the import found missing from the file."""
    scope = admin_scope(request)
    units, roles = _listed(request, scope)
    form = CloseListedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        call = partial(
            closing.close_listed,
            scope=scope,
            user=request.user,
            units=units,
            memberships=roles,
            on=form.cleaned_data["valid_to"],
            reason=form.cleaned_data["reason"],
        )
        done = attempt(form, call)
        if done is not None:
            request.session.pop(TO_CLOSE_KEY, None)
            messages.success(
                request,
                _("Closed: %(units)s units and %(roles)s roles.")
                % {"units": len(done[0]), "roles": len(done[1])},
            )
            return redirect("orgs:tree")
    context = {"form": form, "units": units, "roles": roles}
    return render(request, "orgs/close_listed.html", context, status=400 if form.errors else 200)


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
