"""The people list, creating accounts, granting and withdrawing roles.

Invitation and deactivation are the accounts app's (issue 14 item 3): the people list leaves
them a marked place ("orgs/_account_actions.html") to be wired to its URLs."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quantri.orgs import forms
from quantri.orgs.history import person_changes
from quantri.orgs.models import Membership
from quantri.orgs.queries import people_in, person_in
from quantri.orgs.services import people as services
from quantri.orgs.views import admin_scope, attempt


@login_required
def people(request):
    scope = admin_scope(request)
    units = scope.agencies().active().order_by("name")
    filters = forms.PeopleFilterForm(request.GET or None, units=units)
    found = filters.cleaned_data if filters.is_valid() else {}
    rows = people_in(
        scope,
        unit=found.get("unit"),
        role=found.get("role", ""),
        query=found.get("q", ""),
        current_only=not found.get("former"),
    )
    return render(request, "orgs/people.html", {"filters": filters, "people": rows})


@login_required
def person_new(request):
    scope = admin_scope(request)
    form = forms.PersonCreateForm(request.POST or None, units=scope.agencies().active())
    if request.method == "POST" and form.is_valid():
        person = attempt(form, partial(_create, scope, request.user, form.cleaned_data))
        if person is not None:
            messages.success(request, _("The account was created."))
            return redirect("orgs:person_detail", pk=person.pk)
    return render(request, "orgs/person_new.html", {"form": form})


def _create(scope, user, data):
    with transaction.atomic():
        details = services.PersonData(data["full_name"], data["email"], data["phone"])
        person, _result = services.person_save(
            scope=scope, user=user, data=details, reason=data["reason"]
        )
        _grant(scope, user, person, data)
    return person


def _grant(scope, user, person, data):
    return services.role_grant(
        scope=scope,
        user=user,
        person=person,
        unit=data["unit"],
        role=data["role"],
        position=data["position"],
        valid_from=data["valid_from"],
        valid_to=data["valid_to"],
        reason=data["reason"],
    )


def _person_page(request, scope, person, status=200, **bound):
    units = scope.agencies().active()
    roles = person.memberships.select_related("agency").order_by("-valid_from")
    context = {
        "person": person,
        "roles": [(m, scope.reaches(m.agency_id)) for m in roles],
        "changes": person_changes(person),
        "grant": forms.RoleGrantForm(units=units),
        "withdraw": forms.RoleWithdrawForm(),
        **bound,
    }
    return render(request, "orgs/person_detail.html", context, status=status)


def _person(scope, pk: int):
    person = person_in(scope, pk)
    if person is None:
        raise Http404
    return person


@login_required
def person_detail(request, pk: int):
    scope = admin_scope(request)
    return _person_page(request, scope, _person(scope, pk))


@login_required
@require_POST
def role_grant(request, pk: int):
    scope = admin_scope(request)
    person = _person(scope, pk)
    form = forms.RoleGrantForm(request.POST, units=scope.agencies().active())
    if form.is_valid() and attempt(
        form, partial(_grant, scope, request.user, person, form.cleaned_data)
    ):
        messages.success(request, _("The role was granted."))
        return redirect("orgs:person_detail", pk=person.pk)
    return _person_page(request, scope, person, status=400, grant=form)


@login_required
@require_POST
def role_withdraw(request, pk: int):
    scope = admin_scope(request)
    membership = Membership.objects.select_related("agency", "user").filter(pk=pk).first()
    if membership is None or not scope.reaches(membership.agency_id):
        raise Http404
    form = forms.RoleWithdrawForm(request.POST)
    if form.is_valid():
        call = partial(
            services.role_withdraw,
            scope=scope,
            user=request.user,
            membership=membership,
            on=form.cleaned_data["valid_to"],
            reason=form.cleaned_data["reason"],
        )
        if attempt(form, call):
            messages.success(request, _("The role was withdrawn."))
            return redirect("orgs:person_detail", pk=membership.user_id)
    return _person_page(request, scope, membership.user, status=400, withdraw=form)
