"""The organisation workbook over the API, for provinces that keep staff lists in another
system: upload for a preview (nothing saved, a token naming the file), then upload the same
file with that token to save it; once saved, upload it again to close what it leaves out. The
same services as `quantri orgs import`/`close-listed` and the /org/import/ pages, hence the
same rules and the same messages naming sheet, row and column. Administrators only (their
own agency's subtree), with the signed-in session."""

import datetime
import hashlib

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.security import django_auth

from quantri.core.uploads import XLSX, check_upload
from quantri.orgs.api import _scope
from quantri.orgs.importing.left_out import close_left_out
from quantri.orgs.importing.service import ImportReport, OrgImportError, org_import

imports_router = Router(tags=["organisations"], auth=django_auth)


class ImportOut(Schema):
    saved: bool
    token: str
    units: dict[str, list[str]]
    people: dict[str, list[str]]
    roles: dict[str, list[str]]
    units_to_close: list[str]
    roles_to_close: list[dict]


class ImportErrors(Schema):
    detail: str
    errors: list[str]


class ClosedOut(Schema):
    units_closed: list[str]
    roles_ended: list[dict]


RESPONSES = {200: ImportOut, 400: ImportErrors}


def _token(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:16]


def _read(file) -> bytes:
    max_bytes = settings.QUANTRI_MAX_UPLOAD_MB * 1024 * 1024
    return check_upload(file, kinds={XLSX}, max_bytes=max_bytes).content


def _summary(report: ImportReport, content: bytes) -> dict:
    return {
        "saved": not report.dry_run,
        "token": _token(content),
        "units": report.units,
        "people": report.people,
        "roles": report.roles,
        "units_to_close": [u.code for u in report.units_to_close],
        "roles_to_close": [_role(m) for m in report.roles_to_close],
    }


def _role(m) -> dict:
    return {
        "id": m.pk,
        "email": m.user.email or m.user.username,
        "unit": m.agency.code,
        "role": m.role,
    }


def _run(request, content: bytes, *, dry_run: bool):
    scope = _scope(request)
    try:
        report = org_import(content=content, user=request.user, scope=scope, dry_run=dry_run)
    except OrgImportError as exc:
        return Status(400, {"detail": _("Nothing was saved."), "errors": exc.errors})
    return _summary(report, content)


@imports_router.post(
    "/preview", response=RESPONSES, summary="Check an organisation workbook (nothing is saved)"
)
def preview_import(request, file: File[UploadedFile]):
    _scope(request)  # who may import comes before what the file holds
    return _run(request, _read(file), dry_run=True)


@imports_router.post(
    "/confirm", response=RESPONSES, summary="Save an organisation workbook checked by /preview"
)
def confirm_import(request, file: File[UploadedFile], token: Form[str]):
    _scope(request)
    content = _read(file)
    if token != _token(content):
        return Status(
            400,
            {
                "detail": _("This is not the file previewed: check it with /preview first."),
                "errors": [],
            },
        )
    return _run(request, content, dry_run=False)


@imports_router.post(
    "/close-listed",
    response={200: ClosedOut, 400: ImportErrors},
    summary="Close the units and roles a saved organisation workbook leaves out",
)
def close_listed(request, file: File[UploadedFile], on: Form[datetime.date], reason: Form[str]):
    scope = _scope(request)
    try:
        units, roles = close_left_out(
            scope=scope, user=request.user, content=_read(file), on=on, reason=reason
        )
    except OrgImportError as exc:
        return Status(400, {"detail": _("Nothing was closed."), "errors": exc.errors})
    return {"units_closed": [u.code for u in units], "roles_ended": [_role(m) for m in roles]}
