"""The admin shows dossiers with their hand-over steps and the import audit, read only where
the aggregates depend on it."""

import pytest
from django.urls import reverse

from quantri.dossiers import services
from quantri.dossiers.models import DossierImport
from quantri.dossiers.tests.conftest import register
from quantri.testing.factories import UserFactory


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def test_a_dossier_opens_with_its_steps_and_counted_fields_read_only(
    admin_client, procedure, department, culture_unit
):
    dossier = register(procedure, department)
    services.dossier_hand_over(
        dossier=dossier, to_unit=culture_unit, user=None, result_note="Chuyển thẩm định"
    )
    html = admin_client.get(reverse("admin:dossiers_dossier_change", args=[dossier.pk]))
    html = html.content.decode()
    assert "Chuyển thẩm định" in html
    assert 'name="state"' not in html and 'name="agency"' not in html
    assert 'name="applicant_name"' in html


def test_the_import_audit_is_read_only(admin_client):
    record = DossierImport.objects.create(source="motcua", file_name="thang-3.csv", created=2)
    listing = admin_client.get(reverse("admin:dossiers_dossierimport_changelist"))
    assert "thang-3.csv" in listing.content.decode()
    assert admin_client.get(reverse("admin:dossiers_dossierimport_add")).status_code == 403
    change = reverse("admin:dossiers_dossierimport_change", args=[record.pk])
    admin_client.post(change, {"source": "x", "file_name": "y"})
    record.refresh_from_db()
    assert record.file_name == "thang-3.csv"
