"""The office's pages on desk staff, and an officer's own page. They parse input, call
quantri.deskstaff.services or read through it, and render."""

import datetime

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.core.names import display_name
from quantri.deskstaff import exports, facts, minutes, schedule, services
from quantri.deskstaff.figures import OfficerFigures
from quantri.deskstaff.forms import (
    AssignmentForm,
    CheckForm,
    PeriodForm,
    RotationDoneForm,
    RotationForm,
)
from quantri.deskstaff.models import DeskAssignment, DeskCheck, Rotation
from quantri.orgs.access import Access
from quantri.orgs.models import Agency

DEPARTMENT_KINDS = ["department", "province"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _agencies(access: Access):
    found = Agency.objects.filter(kind__in=DEPARTMENT_KINDS).order_by("order", "name")
    return found if access.is_superuser else found.filter(pk__in=access.managed_agency_ids)


def _agency(request, access: Access) -> Agency:
    """The department whose desk the page shows: ?agency=…, or the first one managed."""
    agencies = _agencies(access)
    wanted = request.GET.get("agency", "")
    agency = agencies.filter(pk=wanted).first() if wanted.isdigit() else agencies.first()
    if agency is None:
        raise PermissionDenied
    return agency


def _period(request) -> tuple[PeriodForm, datetime.date, datetime.date]:
    start, end = PeriodForm.default()
    if "start" not in request.GET:
        form = PeriodForm(initial={"start": start, "end": end})
        return form, start, end
    form = PeriodForm(request.GET)
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    return form, start, end


def _apply_errors(form, error: ValidationError) -> None:
    """A service's error on the form field it names, or above the form."""
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _officer_rows(agency: Agency, start, end) -> list[tuple[object, OfficerFigures]]:
    """Everyone at the desk in the period, and anyone else the dossiers name; the unknown
    officer (None) last."""
    figures = facts.agency_figures(agency, start=start, end=end)
    at_desk = DeskAssignment.objects.filter(
        receiving_body__agency=agency, valid_from__lte=end
    ).exclude(valid_to__lt=start)
    ids = set(at_desk.values_list("person_id", flat=True)) | {k for k in figures if k}
    people = sorted(get_user_model().objects.filter(pk__in=ids), key=display_name)
    rows = [(person, figures.get(person.pk, OfficerFigures())) for person in people]
    if None in figures:
        rows.append((None, figures[None]))
    return rows


def _rotations(agency: Agency) -> list[dict]:
    today = timezone.localdate()
    return [
        {
            "rotation": rotation,
            "due_on": schedule.due_on(rotation.in_post_since, rotation.period_years),
            "overdue": schedule.is_overdue(
                in_post_since=rotation.in_post_since,
                period_years=rotation.period_years,
                planned_on=rotation.planned_on,
                done_on=rotation.done_on,
                today=today,
            ),
        }
        for rotation in Rotation.objects.filter(agency=agency).select_related("person")
    ]


@login_required
def index(request):
    access = Access.for_request(request)
    agency = _agency(request, access)
    period_form, start, end = _period(request)
    rotations = _rotations(agency)
    context = {
        "agency": agency,
        "agencies": _agencies(access),
        "period_form": period_form,
        "start": start,
        "end": end,
        "rows": _officer_rows(agency, start, end),
        "assignments": DeskAssignment.objects.filter(receiving_body__agency=agency)
        .select_related("person", "receiving_body")
        .order_by("-valid_from"),
        "rotations": rotations,
        "overdue": [item for item in rotations if item["overdue"]],
        "checks": DeskCheck.objects.filter(agency=agency).select_related("person", "assessed_by")[
            :20
        ],
        "today": timezone.localdate(),
    }
    return render(request, "deskstaff/index.html", context)


@login_required
def figures_xlsx(request):
    access = Access.for_request(request)
    agency = _agency(request, access)
    _form, start, end = _period(request)
    rows = [
        (display_name(person) if person else None, figures)
        for person, figures in _officer_rows(agency, start, end)
    ]
    content = exports.figures_xlsx(agency_name=agency.name, start=start, end=end, rows=rows)
    response = HttpResponse(content, content_type=XLSX)
    name = f"can-bo-mot-cua-{start:%Y%m%d}-{end:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _officer_or_deny(request, pk: int):
    person = get_object_or_404(get_user_model(), pk=pk)
    agency_ids = services.officer_agency_ids(person)
    access = Access.for_request(request)
    if not access.can_view_desk_officer(person_id=person.pk, agency_ids=agency_ids):
        raise PermissionDenied
    return person, agency_ids, access


@login_required
def officer(request, pk: int):
    """One officer's figures, assignments, rotations and checks: their managers and themself."""
    person, agency_ids, access = _officer_or_deny(request, pk)
    period_form, start, end = _period(request)
    agencies = Agency.objects.filter(pk__in=agency_ids).order_by("name")
    figures = [
        (agency, facts.agency_figures(agency, start=start, end=end).get(person.pk))
        for agency in agencies
    ]
    context = {
        "person": person,
        "period_form": period_form,
        "start": start,
        "end": end,
        "figures": [(agency, found or OfficerFigures()) for agency, found in figures],
        "assignments": person.desk_assignments.select_related("receiving_body"),
        "rotations": person.rotations.all(),
        "checks": person.desk_checks.select_related("assessed_by"),
        "can_check": any(access.can_manage_desk_staff(pk) for pk in agency_ids),
        "works_desk": person.pk == request.user.pk and bool(access.desk_agency_ids),
    }
    return render(request, "deskstaff/officer.html", context)


@login_required
def mine(request):
    """The signed-in officer's own page; nobody else's can be reached from here."""
    if not request.user.desk_assignments.exists():
        raise PermissionDenied
    return redirect("deskstaff:officer", pk=request.user.pk)


@login_required
def check_minutes(request, pk: int):
    """The check's minutes: for those who may read the officer's figures (the person too)."""
    check = get_object_or_404(
        DeskCheck.objects.select_related("person", "assessed_by", "agency__parent"), pk=pk
    )
    _officer_or_deny(request, check.person_id)
    response = HttpResponse(minutes.check_minutes_docx(check), content_type=DOCX)
    name = f"bien-ban-kiem-tra-{check.period_end:%Y%m%d}-{check.pk}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _managed_form_page(request, make_form, template: str, save):
    """A form of the office's: GET shows it, POST saves through `save(data, agency, user)`.
    `make_form(agency_ids)` builds the form for the agency's people and bodies."""
    access = Access.for_request(request)
    agency = _agency(request, access)
    form = make_form(Agency.objects.subtree_ids(agency))
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data, agency, request.user)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(f"{_index_url()}?agency={agency.pk}")
    status = 400 if request.method == "POST" else 200
    return render(request, template, {"form": form, "agency": agency}, status=status)


def _index_url() -> str:
    return reverse("deskstaff:index")


@login_required
def assignment_new(request):
    def save(data, agency, user):
        body = data["receiving_body"]
        if body.agency_id not in Agency.objects.subtree_ids(agency):
            raise ValidationError({"receiving_body": _("Choose a receiving body of the agency.")})
        services.assignment_create(
            user=user,
            person=data["person"],
            receiving_body=body,
            valid_from=data["valid_from"],
            valid_to=data["valid_to"],
            fields=data["fields"],
        )

    def make_form(ids):
        return AssignmentForm(request.POST or None, agency_ids=ids)

    return _managed_form_page(request, make_form, "deskstaff/assignment_form.html", save)


@login_required
def rotation_new(request):
    def save(data, agency, user):
        services.rotation_plan(user=user, agency=agency, **data)

    def make_form(ids):
        return RotationForm(request.POST or None, agency_ids=ids)

    return _managed_form_page(request, make_form, "deskstaff/rotation_form.html", save)


@login_required
@require_POST
def rotation_done(request, pk: int):
    rotation = get_object_or_404(Rotation, pk=pk)
    if not Access.for_request(request).can_manage_desk_staff(rotation.agency_id):
        raise PermissionDenied
    form = RotationDoneForm(request.POST)
    if form.is_valid():
        try:
            services.rotation_record_done(user=request.user, rotation=rotation, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Rotation recorded."))
    else:
        messages.error(request, _("Write the rotation date as dd/mm/yyyy."))
    return redirect(f"{_index_url()}?agency={rotation.agency_id}")


@login_required
def check_new(request, pk: int):
    person, agency_ids, access = _officer_or_deny(request, pk)
    managed = sorted(i for i in agency_ids if access.can_manage_desk_staff(i))
    if not managed:
        raise PermissionDenied
    agency = Agency.objects.get(pk=managed[0])
    start, end = PeriodForm.default()
    form = CheckForm(request.POST or None, initial={"period_start": start, "period_end": end})
    if request.method == "POST" and form.is_valid():
        try:
            services.check_record(
                user=request.user, person=person, agency=agency, **form.cleaned_data
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Check recorded."))
            return redirect("deskstaff:officer", pk=person.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "person": person, "agency": agency}
    return render(request, "deskstaff/check_form.html", context, status=status)
