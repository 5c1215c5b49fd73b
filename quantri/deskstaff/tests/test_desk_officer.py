"""An officer who holds only "staff" in a unit and is placed at the desk works the desk's pages
(registers, opens, hands back the agency's dossiers) and reads their own figures; the office's
pages and other agencies' dossiers stay closed to them, and so does the desk once their
assignment has ended or for staff never placed there."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from quantri.deskstaff import services
from quantri.dossiers import services as desk
from quantri.dossiers.models import Dossier, ReceivingBody
from quantri.orgs.models import AgencyKind, Role
from quantri.procedures.tests.factories import ProcedureFactory
from quantri.testing.factories import AgencyFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def _staff(unit, username: str):
    user = UserFactory(username=username)
    MembershipFactory(user=user, agency=unit, role=Role.STAFF)
    return user


@pytest.fixture
def minh(culture_unit, body, alice):
    """Staff of a specialised unit, seconded to the desk a month ago, still there."""
    user = _staff(culture_unit, "minh")
    services.assignment_create(
        user=alice,
        person=user,
        receiving_body=body,
        valid_from=timezone.localdate() - datetime.timedelta(days=30),
    )
    return user


@pytest.fixture
def former(culture_unit, body, alice):
    """Staff of the same unit whose time at the desk ended yesterday."""
    user = _staff(culture_unit, "former")
    today = timezone.localdate()
    services.assignment_create(
        user=alice,
        person=user,
        receiving_body=body,
        valid_from=today - datetime.timedelta(days=400),
        valid_to=today - datetime.timedelta(days=1),
    )
    return user


@pytest.fixture
def dossier(department, procedure):
    return desk.dossier_register(
        procedure=procedure,
        agency=department,
        applicant_name="Nguyễn Văn An",
        channel="desk",
        user=None,
    )


def _register(client, user, department, procedure):
    client.force_login(user)
    return client.post(
        reverse("dossiers:register"),
        {
            "agency": department.pk,
            "procedure": procedure.pk,
            "applicant_name": "Trần Thị Bình",
            "applicant_phone": "0912 345 678",
            "applicant_address": "Phố Hiến, Hưng Yên",
            "channel": "desk",
        },
    )


def test_a_staff_member_at_the_desk_registers_a_dossier_in_their_name(
    client, minh, department, procedure
):
    response = _register(client, minh, department, procedure)
    assert response.status_code == 302
    dossier = Dossier.objects.get(applicant_name="Trần Thị Bình")
    assert dossier.received_by == minh


def test_the_desk_officer_opens_finds_and_returns_a_dossier(client, minh, dossier):
    client.force_login(minh)
    assert client.get(reverse("dossiers:detail", args=[dossier.pk])).status_code == 200
    found = client.get(reverse("dossiers:find"), {"q": dossier.code})
    assert found.status_code == 302 and found.url == reverse("dossiers:detail", args=[dossier.pk])
    for state in ("processing", "processed", "returned"):
        client.post(reverse("dossiers:transition", args=[dossier.pk]), {"state": state})
    dossier.refresh_from_db()
    assert (dossier.state, dossier.returned_by) == ("returned", minh)


@pytest.mark.parametrize("persona", ["carol", "former"])
def test_staff_not_at_the_desk_today_may_not_use_it(
    client, request, persona, dossier, department, procedure
):
    user = request.getfixturevalue(persona)
    assert _register(client, user, department, procedure).status_code == 403
    assert client.get(reverse("dossiers:detail", args=[dossier.pk])).status_code == 403
    assert client.get(reverse("dossiers:find"), {"q": dossier.code}).status_code == 403
    with pytest.raises(PermissionDenied):
        desk.dossier_transition(dossier=dossier, to_state="processing", user=user)


@pytest.mark.parametrize(
    "name", ["dossiers:dashboard", "dossiers:list", "dossiers:import", "deskstaff:index"]
)
def test_the_office_pages_stay_the_offices(client, minh, name):
    client.force_login(minh)
    assert client.get(reverse(name)).status_code == 403


def test_the_desk_officer_reaches_no_other_departments_dossiers(client, minh, province):
    other = AgencyFactory(code="T-SYT", kind=AgencyKind.DEPARTMENT, name="Sở Y tế", parent=province)
    ReceivingBody.objects.create(agency=other, name="Bộ phận Một cửa Sở Y tế")

    theirs = desk.dossier_register(
        procedure=ProcedureFactory(agency=other, processing_days=3, online_service="none"),
        agency=other,
        applicant_name="Lê Văn Cường",
        channel="desk",
        user=None,
    )
    client.force_login(minh)
    assert client.get(reverse("dossiers:detail", args=[theirs.pk])).status_code == 403
    assert not client.get(reverse("dossiers:find"), {"q": theirs.code}).context["found"]
    refused = _register(client, minh, other, theirs.procedure)
    assert "agency" in refused.context["form"].errors
    assert not Dossier.objects.filter(applicant_name="Trần Thị Bình").exists()


def test_my_desk_work_opens_the_officers_own_page(client, minh):
    client.force_login(minh)
    response = client.get(reverse("deskstaff:mine"))
    assert response.url == reverse("deskstaff:officer", args=[minh.pk])
    page = client.get(response.url)
    assert page.status_code == 200
    assert reverse("dossiers:register") in page.content.decode()


def test_my_desk_work_is_refused_to_staff_never_at_the_desk(client, carol):
    client.force_login(carol)
    assert client.get(reverse("deskstaff:mine")).status_code == 403
