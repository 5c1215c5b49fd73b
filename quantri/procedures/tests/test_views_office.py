import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from quantri.plans.models import Task
from quantri.procedures.models import Procedure, ProcedureReview
from quantri.procedures.tests.factories import ProcedureReviewFactory, ReviewItemFactory
from quantri.procedures.tests.workbooks import good_rows, workbook

pytestmark = pytest.mark.django_db


def xlsx(content: bytes, name: str = "tthc.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize("name", ["procedures:manage", "procedures:review_list"])
def test_office_pages_ask_anonymous_visitors_to_log_in(client, name):
    assert client.get(reverse(name)).status_code == 302


@pytest.mark.parametrize("persona", ["bob", "carol", "dave"])
def test_only_the_office_manages_the_catalogue(client, request, persona, festival):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("procedures:manage")).status_code == 403
    assert client.get(reverse("procedures:export")).status_code == 403
    response = client.post(reverse("procedures:publish", args=[festival.code]), {"published": "0"})
    assert response.status_code == 403
    festival.refresh_from_db()
    assert festival.is_published


def test_the_office_lists_its_procedures_with_their_status(
    client, alice, festival, draft_procedure
):
    client.force_login(alice)
    response = client.get(reverse("procedures:manage"))
    assert response.status_code == 200
    assert {p.code for p in response.context["page"].object_list} == {"1.001234", "1.009999"}


def test_the_office_publishes_and_withdraws(client, alice, draft_procedure):
    client.force_login(alice)
    url = reverse("procedures:publish", args=[draft_procedure.code])
    response = client.post(url, {"published": "1", "next": "https://evil.example/"})
    assert response.url == reverse("procedures:manage")
    draft_procedure.refresh_from_db()
    assert draft_procedure.is_published


def test_an_uploaded_workbook_is_imported(client, alice, department):
    client.force_login(alice)
    response = client.post(
        reverse("procedures:import"), {"file": xlsx(workbook(good_rows(department.code)))}
    )
    assert response.status_code == 302
    assert set(Procedure.objects.values_list("code", flat=True)) == {"1.001234", "1.001235"}


def test_bad_rows_come_back_as_a_report_and_nothing_is_saved(client_en, alice, department):
    client_en.force_login(alice)
    rows = good_rows(department.code) + [("1.1", "X", "VH", "province", department.code)]
    response = client_en.post(reverse("procedures:import"), {"file": xlsx(workbook(rows))})
    assert response.status_code == 200
    assert any("row 4, column “National code”" in e for e in response.context["errors"])
    assert "Nothing was saved" in response.text
    assert not Procedure.objects.exists()


def test_a_renamed_file_is_refused_by_its_content(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("procedures:import"), {"file": xlsx(b"MZ\x90\x00binary", "tthc.xlsx")}
    )
    assert response.status_code == 200 and response.context["upload"].errors["file"]


def test_the_office_may_not_import_another_departments_agency(client, alice, erin):
    from quantri.orgs.models import Agency

    other = Agency.objects.get(code="T-DEPT2")
    client.force_login(alice)
    response = client.post(
        reverse("procedures:import"), {"file": xlsx(workbook(good_rows(other.code)))}
    )
    assert response.context["errors"] and not Procedure.objects.exists()


def test_the_export_downloads_the_catalogue(client, alice, festival):
    client.force_login(alice)
    response = client.get(reverse("procedures:export"))
    assert response["Content-Disposition"].startswith("attachment;")
    book = load_workbook(io.BytesIO(response.content))
    assert book.worksheets[1]["A2"].value == "1.001234"


def test_the_office_starts_a_review_and_records_proposals(client, alice, festival, department):
    client.force_login(alice)
    response = client.post(
        reverse("procedures:review_list"),
        {"agency": department.pk, "year": 2026, "title": "Rà soát TTHC năm 2026"},
    )
    review = ProcedureReview.objects.get()
    assert response.url == reverse("procedures:review_detail", args=[review.pk])
    response = client.post(
        response.url, {"procedure": "1.001234", "proposal": "amend", "reasons": "Rút ngắn"}
    )
    assert response.status_code == 302
    assert review.items.get().proposal == "amend"


def test_a_proposal_becomes_a_plan_task(client, alice, festival, department, culture_task):
    item = ReviewItemFactory(review=ProcedureReviewFactory(agency=department), procedure=festival)
    client.force_login(alice)
    url = reverse("procedures:item_task", args=[item.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"group": culture_task.group.pk, "title": "Sửa đổi thủ tục lễ hội"})
    task = Task.objects.get(title="Sửa đổi thủ tục lễ hội")
    assert response.url == reverse("plans:task_detail", args=[task.pk])
    item.refresh_from_db()
    assert item.task == task


def test_another_department_cannot_see_the_review(client, erin, festival, department):
    review = ProcedureReviewFactory(agency=department)
    client.force_login(erin)
    assert client.get(reverse("procedures:review_detail", args=[review.pk])).status_code == 404
