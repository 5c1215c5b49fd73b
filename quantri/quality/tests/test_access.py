"""Who reaches the quality system's pages: the office and leaders write, a unit reads its own
process, the People's Inspection Board reads all and writes nothing, another department
nothing."""

import pytest
from django.urls import reverse

from quantri.quality.models import QualityProcess

pytestmark = pytest.mark.django_db


def _status(client, user, url, method="get", data=None):
    client.force_login(user)
    return getattr(client, method)(url, data or {}).status_code


def test_the_unit_in_charge_reads_its_process_and_another_unit_does_not(
    client, process, bob, carol
):
    url = reverse("quality:process_detail", args=[process.pk])
    assert _status(client, bob, url) == 200
    assert _status(client, carol, url) == 404


def test_the_board_reads_every_process_but_writes_no_version(client, process, dave):
    url = reverse("quality:process_detail", args=[process.pk])
    assert _status(client, dave, url) == 200
    assert _status(client, dave, url, "post", {"steps": "A | B | | 1 giờ"}) == 403
    assert not process.versions.exists()


def test_a_leader_of_another_department_sees_nothing(client, process, audit, erin):
    assert _status(client, erin, reverse("quality:process_detail", args=[process.pk])) == 404
    assert _status(client, erin, reverse("quality:audit_detail", args=[audit.pk])) == 404


def test_the_office_creates_a_process_and_a_unit_head_may_not(
    client, department, culture_unit, procedure, alice, bob
):
    url = reverse("quality:process_new")
    data = {"procedure": procedure.pk, "unit": culture_unit.pk, "code": "QT-9", "title": "QT"}
    assert _status(client, bob, url, "post", data) == 403
    assert _status(client, alice, url, "post", data) == 302
    assert QualityProcess.objects.get(code="QT-9").procedure == procedure


def test_the_public_page_needs_no_login(client):
    assert client.get(reverse("quality:declaration_public")).status_code == 200


# The administrator (a role held in the department, not a Django superuser) writes the
# quality system as the office does; the inspector reads all of it as the board does.


@pytest.fixture
def admin_role(department):
    from quantri.orgs.models import Role
    from quantri.quality.tests.conftest import person

    return person("quantri", department, Role.ADMIN)


@pytest.fixture
def inspector(department):
    from quantri.orgs.models import Role
    from quantri.quality.tests.conftest import person

    return person("thanhtra", department, Role.INSPECTOR)


def test_the_administrator_creates_a_process(
    client, department, culture_unit, procedure, admin_role
):
    url = reverse("quality:process_new")
    data = {"procedure": procedure.pk, "unit": culture_unit.pk, "code": "QT-7", "title": "QT"}
    assert _status(client, admin_role, url, "post", data) == 302
    assert QualityProcess.objects.get(code="QT-7").agency == department


def test_the_administrator_reads_and_closes_the_audit(client, audit, admin_role):
    assert _status(client, admin_role, reverse("quality:audit_report", args=[audit.pk])) == 200
    client.force_login(admin_role)
    page = client.get(reverse("quality:audit_detail", args=[audit.pk]))
    assert page.context["close_form"] is not None


def test_the_administrator_may_not_approve_a_version(client, process, admin_role):
    from quantri.quality import services
    from quantri.quality.tests.conftest import steps

    version = services.version_create(
        user=admin_role, process=process, steps=steps(("Tiếp nhận", "Một cửa", "1", "days"))
    )
    url = reverse("quality:version_approve", args=[version.pk])
    assert _status(client, admin_role, url, "post") == 403


def test_the_inspector_reads_every_process_audit_and_report_and_writes_nothing(
    client, process, audit, inspector, culture_unit, procedure
):
    client.force_login(inspector)
    home = client.get(reverse("quality:home"))
    assert home.status_code == 200
    assert process in home.context["processes"] and audit in home.context["audits"]
    assert _status(client, inspector, reverse("quality:process_detail", args=[process.pk])) == 200
    assert _status(client, inspector, reverse("quality:audit_detail", args=[audit.pk])) == 200
    assert _status(client, inspector, reverse("quality:audit_report", args=[audit.pk])) == 200
    data = {"procedure": procedure.pk, "unit": culture_unit.pk, "code": "QT-8", "title": "QT"}
    assert _status(client, inspector, reverse("quality:process_new"), "post", data) == 403
    assert not QualityProcess.objects.filter(code="QT-8").exists()
