"""/api/procedures: the public catalogue search and procedure pages, and writes for the staff
who keep the catalogue (signed-in session with the CSRF token)."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.security import django_auth

from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.procedures import services
from quantri.procedures.models import Level, OnlineService, Procedure, ProcedureField

router = Router(tags=["procedures"])
MAX_PAGE_SIZE = 100


class ProcedureSummaryOut(Schema):
    code: str
    name: str
    field: str
    field_name: str
    level: str
    online_service: str
    agency: str
    agency_name: str
    processing_days: int | None
    published: bool
    url: str


class ProcedureListOut(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    items: list[ProcedureSummaryOut]


class DocumentSchema(Schema):
    name: str
    copies: str = ""
    form: str = ""


class FeeSchema(Schema):
    name: str
    amount: int | None = None
    amount_text: str = ""
    legal_basis: str = ""


class ProcedureOut(ProcedureSummaryOut):
    processing_time_text: str
    documents: list[DocumentSchema]
    steps: list[str]
    legal_bases: list[str]
    fees: list[FeeSchema]
    old_online_level: int | None
    last_reviewed_on: datetime.date | None


class ProcedureIn(Schema):
    name: str
    field: str
    level: str
    agency: str
    processing_days: int | None = None
    processing_time_text: str = ""
    documents: list[DocumentSchema] = []
    steps: list[str] = []
    legal_bases: list[str] = []
    fees: list[FeeSchema] = []
    online_service: str = "none"
    old_online_level: int | None = None
    published: bool = False
    last_reviewed_on: datetime.date | None = None


class ProcedureCreateIn(ProcedureIn):
    code: str


class PublishIn(Schema):
    published: bool


def summary_out(p: Procedure) -> dict:
    return {
        "code": p.code,
        "name": p.name,
        "field": p.field.code,
        "field_name": p.field.name,
        "level": p.level,
        "online_service": p.online_service,
        "agency": p.agency.code,
        "agency_name": p.agency.name,
        "processing_days": p.processing_days,
        "published": p.is_published,
        "url": reverse("procedures:detail", args=[p.code]),
    }


def procedure_out(p: Procedure) -> dict:
    return {
        **summary_out(p),
        "processing_time_text": p.processing_time_text,
        "documents": p.documents,
        "steps": p.steps,
        "legal_bases": p.legal_bases,
        "fees": [
            {
                "name": f.name,
                "amount": int(f.amount) if f.amount is not None else None,
                "amount_text": f.amount_text,
                "legal_basis": f.legal_basis,
            }
            for f in p.fees.all()
        ],
        "old_online_level": p.old_online_level,
        "last_reviewed_on": p.last_reviewed_on,
    }


def _check_choice(name: str, value: str, choices) -> None:
    if value and value not in choices.values:
        raise ValidationError(
            {
                name: _("%(value)s is not one of %(choices)s")
                % {"value": value, "choices": ", ".join(choices.values)}
            }
        )


@router.get("", response=ProcedureListOut, summary="Search the procedure catalogue")
def search(
    request,
    q: str = "",
    field: str = "",
    level: str = "",
    online: str = "",
    page: int = 1,
    page_size: int = 20,
):
    """Words are matched without diacritics (đ/Đ as d), all of them required, in the name or
    the code; the exact code comes first, then names starting with the query."""
    _check_choice("level", level, Level)
    _check_choice("online", online, OnlineService)
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ValidationError({"page_size": _("page_size must be from 1 to 100.")})
    rows = Access.for_user(request.user).viewable_procedures(Procedure.objects.for_search())
    rows = rows.filter_by(field=field, level=level, online=online).search(q)
    items, count, number = rows.page_with_total(page, page_size)
    return {
        "count": count,
        "page": number,
        "pages": max((count + page_size - 1) // page_size, 1),
        "page_size": page_size,
        "items": [summary_out(p) for p in items],
    }


def _visible(request, code: str) -> Procedure:
    procedure = Procedure.objects.for_list().filter(code=code).first()
    if procedure is None or not Access.for_user(request.user).can_view_procedure(procedure):
        raise Http404
    return procedure


@router.get("/{code}", response=ProcedureOut, summary="A procedure")
def detail(request, code: str):
    return procedure_out(_visible(request, code))


def _data(code: str, payload: ProcedureIn, access: Access) -> services.ProcedureData:
    agency = Agency.objects.filter(code=payload.agency).first()
    if agency is None or not access.can_manage_procedures(agency.pk):
        raise PermissionDenied(_("You may not manage the procedures of this agency."))
    field_ = ProcedureField.objects.filter(code=payload.field).first()
    if field_ is None:
        raise ValidationError(
            {"field": _("No field has the code %(code)s.") % {"code": payload.field}}
        )
    return services.ProcedureData(
        code=code,
        name=payload.name,
        field=field_,
        level=payload.level,
        agency=agency,
        processing_days=payload.processing_days,
        processing_time_text=payload.processing_time_text,
        documents=[d.dict() for d in payload.documents],
        steps=payload.steps,
        legal_bases=payload.legal_bases,
        online_service=payload.online_service,
        old_online_level=payload.old_online_level,
        is_published=payload.published,
        last_reviewed_on=payload.last_reviewed_on,
        fees=[
            services.FeeData(
                f.name,
                Decimal(f.amount) if f.amount is not None else None,
                f.amount_text,
                f.legal_basis,
            )
            for f in payload.fees
        ],
    )


@router.post(
    "", auth=django_auth, response={201: ProcedureOut}, summary="Add a procedure (office staff)"
)
def create(request, payload: ProcedureCreateIn):
    if Procedure.objects.filter(code=payload.code).exists():
        raise ValidationError({"code": _("A procedure with this code already exists.")})
    access = Access.for_user(request.user)
    procedure, _result = services.procedure_save(
        data=_data(payload.code, payload, access), user=request.user
    )
    return Status(201, procedure_out(procedure))


def _managed(request, code: str) -> tuple[Procedure, Access]:
    procedure = _visible(request, code)
    access = Access.for_user(request.user)
    if not access.can_manage_procedures(procedure.agency_id):
        raise PermissionDenied(_("You may not manage the procedures of this agency."))
    return procedure, access


@router.put("/{code}", auth=django_auth, response=ProcedureOut, summary="Change a procedure")
def update(request, code: str, payload: ProcedureIn):
    procedure, access = _managed(request, code)
    procedure, _result = services.procedure_save(
        data=_data(procedure.code, payload, access), user=request.user
    )
    return procedure_out(procedure)


@router.post(
    "/{code}/publish", auth=django_auth, response=ProcedureOut, summary="Publish or withdraw"
)
def publish(request, code: str, payload: PublishIn):
    procedure, _access = _managed(request, code)
    services.procedure_set_published(
        procedure=procedure, user=request.user, published=payload.published
    )
    return procedure_out(procedure)
