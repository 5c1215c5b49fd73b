"""The desk's documents for one dossier, as DOCX or (with LibreOffice) PDF. Making a request
for additional documents, a refusal or an apology records what it tells the citizen (state,
new appointment) once the document is made: if it cannot be made, nothing changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from quantri.documents.pdf import PdfConversionError
from quantri.dossiers import desk_slips, services, slips
from quantri.dossiers.forms import NewAppointmentForm, SlipTextForm
from quantri.dossiers.models import LetterKind, State
from quantri.dossiers.views.common import (
    document_response,
    managed_dossier,
    pdf_available,
    signer,
)


def _recorded(request, dossier, name: str, document, record=None):
    """Make the document (and its PDF), then run `record` (the service) and send it; or come
    back to the dossier with the reason and nothing changed. The document is made before the
    service's transaction opens: LibreOffice may take seconds, and a write transaction held
    that long would block every other writer of an SQLite database."""
    try:
        response = document_response(request, document(), name, dossier)
        if record is not None:
            record()
        return response
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PdfConversionError as error:
        messages.error(
            request,
            _("The PDF could not be made (%(reason)s); nothing was changed.") % {"reason": error},
        )
    return redirect("dossiers:detail", pk=dossier.pk)


def _slip_form(request, dossier, form, title, consequence=""):
    context = {
        "dossier": dossier,
        "form": form,
        "title": title,
        "consequence": consequence,
        "pdf": pdf_available(),
    }
    return render(request, "dossiers/slip_form.html", context)


@login_required
def receipt(request, pk):
    dossier = managed_dossier(request, pk)
    return _recorded(
        request,
        dossier,
        "giay-tiep-nhan",
        lambda: slips.receipt_docx(dossier, received_by=signer(request)),
    )


@login_required
def control_slip(request, pk):
    dossier = managed_dossier(request, pk)
    return _recorded(
        request, dossier, "phieu-kiem-soat", lambda: desk_slips.control_slip_docx(dossier)
    )


@login_required
def apology(request, pk):
    dossier = managed_dossier(request, pk)
    if not services.may_apologise(dossier):
        raise Http404
    form = NewAppointmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        new_due = form.cleaned_data["new_due"]
        return _recorded(
            request,
            dossier,
            "phieu-xin-loi",
            # The head of the agency signs the apology, not the desk officer who prints it.
            lambda: desk_slips.apology_docx(dossier, new_due=new_due),
            lambda: services.dossier_set_new_appointment(
                dossier=dossier, new_due=new_due, user=request.user
            ),
        )
    return _slip_form(
        request,
        dossier,
        form,
        _("Apology and request to extend the processing time"),
        _("The new appointment is saved with the dossier when the letter is made."),
    )


def _issued(dossier, kind: str):
    return dossier.letters.filter(kind=kind).order_by("-at", "-pk").first()


@login_required
def additional_request(request, pk):
    dossier = managed_dossier(request, pk)
    if dossier.state == State.ADDITIONAL_REQUESTED and request.method == "GET":
        # The dossier waits for the citizen: its request slip is printed again, as issued.
        issued = _issued(dossier, LetterKind.ADDITIONAL_REQUEST)
        if issued is not None:
            return redirect("dossiers:letter", pk=dossier.pk, letter_pk=issued.pk)
        messages.info(
            request,
            _("This dossier's request slip was not made here (an imported dossier)."),
        )
        return redirect("dossiers:detail", pk=dossier.pk)
    if dossier.state not in desk_slips.ADDITIONAL_STATES:
        raise Http404
    form = SlipTextForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _recorded(
            request,
            dossier,
            "phieu-yeu-cau-bo-sung",
            lambda: desk_slips.additional_request_docx(
                dossier, items=form.cleaned_data["text"], signed_by=signer(request)
            ),
            lambda: services.dossier_request_additional(
                dossier=dossier,
                user=request.user,
                items=form.cleaned_data["text"],
                signed_by=signer(request),
            ),
        )
    return _slip_form(
        request,
        dossier,
        form,
        _("Request for additional documents"),
        _("Making the request moves the dossier to “%(state)s”; it can be made only once.")
        % {"state": State.ADDITIONAL_REQUESTED.label},
    )


@login_required
def refusal(request, pk):
    dossier = managed_dossier(request, pk)
    if dossier.state not in desk_slips.REFUSAL_STATES:
        raise Http404
    form = SlipTextForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _recorded(
            request,
            dossier,
            "phieu-tu-choi",
            lambda: desk_slips.refusal_docx(
                dossier, reason=form.cleaned_data["text"], signed_by=signer(request)
            ),
            lambda: services.dossier_refuse(
                dossier=dossier,
                user=request.user,
                reason=form.cleaned_data["text"],
                signed_by=signer(request),
            ),
        )
    return _slip_form(
        request,
        dossier,
        form,
        _("Refusal to receive the dossier for processing"),
        _("Making the refusal moves the dossier to “%(state)s”.")
        % {"state": services.REFUSAL_TARGETS[dossier.state].label},
    )


@login_required
def stop_notice(request, pk):
    dossier = managed_dossier(request, pk)
    if dossier.state not in desk_slips.STOP_NOTICE_STATES:
        raise Http404
    form = SlipTextForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["text"]
        return _recorded(
            request,
            dossier,
            "thong-bao-dung-giai-quyet",
            # The head of the agency signs the notice, not the desk officer who prints it.
            lambda: desk_slips.stop_notice_docx(dossier, reason=reason),
            lambda: services.dossier_stop(dossier=dossier, user=request.user, reason=reason),
        )
    return _slip_form(
        request,
        dossier,
        form,
        _("Notice to stop processing the dossier"),
        _("Making the notice moves the dossier to “%(state)s”.") % {"state": State.STOPPED.label},
    )


LETTER_FILES = {
    "additional_request": "phieu-yeu-cau-bo-sung",
    "refusal": "phieu-tu-choi",
    "apology": "phieu-xin-loi",
    "stop_notice": "thong-bao-dung-giai-quyet",
}


@login_required
def letter(request, pk, letter_pk):
    """A letter given earlier, printed again as it was issued (nothing changes)."""
    dossier = managed_dossier(request, pk)
    kept = get_object_or_404(dossier.letters.select_related("dossier"), pk=letter_pk)
    kept.dossier = dossier  # with the relations managed_dossier loaded
    return _recorded(
        request, dossier, LETTER_FILES[kept.kind], lambda: desk_slips.letter_docx(kept)
    )
