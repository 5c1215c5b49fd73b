"""What every dossier page shares: who may come in, and how a desk document is sent."""

import re

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404

from quantri.core.names import display_name
from quantri.documents.pdf import docx_to_pdf, soffice_path
from quantri.dossiers.models import Dossier
from quantri.orgs.access import Access

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"


def office_access(request) -> Access:
    access = Access.for_request(request)
    if not access.manages_any_agency():
        raise PermissionDenied
    return access


def desk_access(request) -> Access:
    """The desk's own pages (find, register): the office, and the officers placed at a desk."""
    access = Access.for_request(request)
    if not access.works_any_desk():
        raise PermissionDenied
    return access


def managed_dossier(request, pk) -> Dossier:
    dossier = get_object_or_404(
        Dossier.objects.select_related(
            "procedure", "agency", "agency__parent", "unit", "last_import__user"
        ),
        pk=pk,
    )
    if not Access.for_request(request).can_work_desk(dossier.agency_id):
        raise PermissionDenied
    return dossier


def signer(request) -> str:
    return display_name(request.user)


def pdf_available() -> bool:
    return soffice_path() is not None


def wants_pdf(request) -> bool:
    """?format=pdf on a link, or the form's "PDF" button; only where LibreOffice exists."""
    asked = (request.POST.get("format") or request.GET.get("format")) == "pdf"
    if asked and not pdf_available():
        raise Http404
    return asked


def document_response(request, content: bytes, name: str, dossier) -> HttpResponse:
    """The .docx, or its PDF when asked (PdfConversionError when LibreOffice fails)."""
    extension, kind = "docx", DOCX_TYPE
    if wants_pdf(request):
        content, extension, kind = docx_to_pdf(content), "pdf", PDF_TYPE
    response = HttpResponse(content, content_type=kind)
    # Imported codes are the one-stop software's: keep the header's quoting intact.
    code = re.sub(r"[^A-Za-z0-9._-]", "_", dossier.code)
    response["Content-Disposition"] = f'attachment; filename="{name}-{code}.{extension}"'
    return response
