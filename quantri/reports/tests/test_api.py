import pytest

from quantri.reports.models import ReportStatus, UnitReport
from quantri.reports.tests.conftest import BEFORE_DEADLINE

pytestmark = pytest.mark.django_db

JSON = "application/json"


def put(client, url, data):
    return client.put(url, data, content_type=JSON)


def post(client, url, data=None):
    return client.post(url, data or {}, content_type=JSON)


def body(culture_task, progress=60):
    return {
        "general_remarks": "Nhận xét.",
        "tasks": [{"task": culture_task.pk, "progress": progress, "figures": {"Số buổi": 6}}],
    }


def test_the_office_lists_and_opens_periods(client, alice, plan, regime, culture_task):
    client.force_login(alice)
    response = post(client, f"/api/reports/plans/{plan.pk}/periods", {"code": "2021-H1"})
    assert response.status_code == 201, response.content
    assert response.json()["deadline"] == "2021-06-21"
    listed = client.get(f"/api/reports/plans/{plan.pk}/periods").json()
    assert [p["code"] for p in listed] == ["2021-H1"]


def test_a_bad_code_is_a_400_naming_the_field(client, alice, plan, regime):
    client.force_login(alice)
    response = post(client, f"/api/reports/plans/{plan.pk}/periods", {"code": "2021-X"})
    assert response.status_code == 400
    assert "code" in response.json()["detail"]


def test_a_unit_head_cannot_open_periods(client, bob, plan, regime):
    client.force_login(bob)
    response = post(client, f"/api/reports/plans/{plan.pk}/periods", {"code": "2021-H1"})
    assert response.status_code == 404  # the plan's reporting is not his to see


def test_the_whole_workflow(client, bob, alice, culture_request, culture_task, travel):
    travel(BEFORE_DEADLINE)
    url = f"/api/reports/requests/{culture_request.pk}"
    client.force_login(bob)
    saved = put(client, url, body(culture_task))
    assert saved.status_code == 200, saved.content
    assert saved.json()["tasks"][0]["figures"] == {"Số buổi": 6}
    submitted = post(client, f"{url}/submit")
    assert (submitted.json()["status"], submitted.json()["is_late"]) == ("submitted", False)
    client.force_login(alice)
    returned = post(client, f"{url}/return", {"comments": "Bổ sung."})
    assert returned.json()["status"] == "returned"
    client.force_login(bob)
    post(client, f"{url}/submit")
    client.force_login(alice)
    assert post(client, f"{url}/accept").json()["status"] == "accepted"
    completeness = client.get(f"/api/reports/periods/{culture_request.period_id}/completeness")
    data = completeness.json()
    assert (data["expected"], data["submitted"], data["on_time"], data["reporting_rate"]) == (
        2,
        1,
        1,
        50,
    )


def test_another_unit_gets_404_for_a_draft(client, bob, carol, culture_request, culture_task):
    client.force_login(bob)
    put(client, f"/api/reports/requests/{culture_request.pk}", body(culture_task))
    client.force_login(carol)
    assert client.get(f"/api/reports/requests/{culture_request.pk}").status_code == 404


def test_staff_get_403_on_submit(client, frank, culture_request, culture_task):
    client.force_login(frank)
    put(client, f"/api/reports/requests/{culture_request.pk}", body(culture_task))
    response = post(client, f"/api/reports/requests/{culture_request.pk}/submit")
    assert response.status_code == 403
    assert UnitReport.objects.get().status == ReportStatus.DRAFT


def test_the_unit_cannot_accept_its_own_report(client, bob, culture_request, culture_task):
    client.force_login(bob)
    put(client, f"/api/reports/requests/{culture_request.pk}", body(culture_task))
    post(client, f"/api/reports/requests/{culture_request.pk}/submit")
    response = post(client, f"/api/reports/requests/{culture_request.pk}/accept")
    assert response.status_code == 403


def test_bad_progress_is_a_400_and_saves_nothing(client, bob, culture_request, culture_task):
    client.force_login(bob)
    response = put(client, f"/api/reports/requests/{culture_request.pk}", body(culture_task, 150))
    assert response.status_code == 400
    assert "progress" in str(response.json()["detail"])
    assert not UnitReport.objects.exists()


def test_the_inspection_board_reads_submitted_reports_only(
    client, bob, dave, culture_request, culture_task
):
    client.force_login(bob)
    put(client, f"/api/reports/requests/{culture_request.pk}", body(culture_task))
    client.force_login(dave)
    assert client.get(f"/api/reports/requests/{culture_request.pk}").status_code == 404
    client.force_login(bob)
    post(client, f"/api/reports/requests/{culture_request.pk}/submit")
    client.force_login(dave)
    assert client.get(f"/api/reports/requests/{culture_request.pk}").status_code == 200
    assert post(client, f"/api/reports/requests/{culture_request.pk}/accept").status_code == 403


def test_anonymous_callers_are_refused(client, culture_request):
    assert client.get(f"/api/reports/requests/{culture_request.pk}").status_code == 401


def test_a_template_uploads_through_the_api(client, frank, culture_request, culture_task):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from quantri.reports import services
    from quantri.reports.spreadsheet import build_template

    content = build_template(culture_request, list(services.unit_tasks(culture_request)))
    client.force_login(frank)
    upload = SimpleUploadedFile("bao-cao.xlsx", content)
    response = client.post(f"/api/reports/requests/{culture_request.pk}/xlsx", {"file": upload})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "draft"


# Issue 11 item 6: JSON lets NaN and Infinity through; they are not figures.
def test_a_report_figure_that_is_not_a_number_is_refused(
    client, bob, culture_request, culture_task
):
    client.force_login(bob)
    for value in ["NaN", "Infinity", "-Infinity", "1e999"]:
        body = f'{{"tasks": [{{"task": {culture_task.pk}, "figures": {{"Số buổi": {value}}}}}]}}'
        response = client.put(
            f"/api/reports/requests/{culture_request.pk}", body, content_type="application/json"
        )
        assert response.status_code == 422, value
        assert "figures" in str(response.json()["detail"])
