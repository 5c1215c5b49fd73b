"""The consolidated report's page and downloads: who may, what it shows, what it saves."""

import io

import docx
import openpyxl
import pytest
from django.urls import reverse

from quantri.orgs.models import Role
from quantri.reports.models import ConsolidatedReport
from quantri.reports.tests.consolidation_factories import make_world
from quantri.testing.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(plan, department, office, culture_unit, library):
    return make_world(
        plan=plan,
        department=department,
        office=office,
        culture_unit=culture_unit,
        library=library,
    )


@pytest.fixture
def url(world):
    return reverse("reports:consolidation", args=[world.period.pk])


def urls(world) -> list[str]:
    pk = world.period.pk
    return [
        reverse(name, args=[pk])
        for name in (
            "reports:consolidation",
            "reports:consolidation_docx",
            "reports:consolidation_xlsx",
        )
    ]


def test_the_office_coordinator_sees_the_figures_and_the_chart(client, alice, url):
    client.force_login(alice)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-figure="tasks">5<' in html
    assert 'data-progress="73"' in html  # dimension 2, as in the documents
    assert 'src="data:image/svg+xml;base64,' in html
    assert 'data-state="returned"' in html


def test_the_first_visit_drafts_the_narrative_with_sensible_defaults(client, alice, url, world):
    client.force_login(alice)
    client.get(url)
    report = ConsolidatedReport.objects.get(period=world.period)
    assert report.agency == world.plan.agency
    assert report.number == ""
    assert report.place == "Thử Nghiệm"
    assert report.summary.endswith("6 tháng đầu năm 2021")
    assert report.recipients == ["UBND tỉnh", "Lãnh đạo Sở", "Lưu: VT"]
    assert report.signer_name == "Đào Mạnh Huân"
    client.get(url)
    assert ConsolidatedReport.objects.filter(period=world.period).count() == 1


def post_data(**changes) -> dict:
    data = {
        "number": "5",
        "issued_on": "05/07/2021",
        "place": "Hưng Yên",
        "summary": "Kết quả thực hiện Kế hoạch PAPI 6 tháng đầu năm 2021",
        "results_intro": "Sở báo cáo như sau:",
        "shortcomings": "Báo cáo chậm.",
        "causes": "Thiếu cán bộ.",
        "next_tasks": "Hoàn thành niêm yết.",
        "proposals": "Bổ sung kinh phí.",
        "recipients": "UBND tỉnh\nSở Nội vụ\nLưu: VT, VP",
        "signer_authority": "KT. GIÁM ĐỐC",
        "signer_position": "Phó Giám đốc",
        "signer_name": "Nguyễn Văn B",
    }
    data.update(changes)
    return data


def test_the_leadership_edits_the_narrative_and_the_docx_says_it(client, alice, url, world):
    client.force_login(alice)
    response = client.post(url, post_data())
    assert response.status_code == 302
    report = ConsolidatedReport.objects.get(period=world.period)
    assert report.recipients == ["UBND tỉnh", "Sở Nội vụ", "Lưu: VT, VP"]
    assert report.updated_by == alice
    assert report.history.first().history_user == alice
    download = client.get(reverse("reports:consolidation_docx", args=[world.period.pk]))
    document = docx.Document(io.BytesIO(download.content))
    assert document.tables[0].cell(1, 0).text == "Số: 05/BC-SVHTTDL"
    assert document.tables[0].cell(1, 1).text == "Hưng Yên, ngày 05 tháng 7 năm 2021"
    assert "Bổ sung kinh phí." in [p.text for p in document.paragraphs]
    closing = [p.text for p in document.tables[-1].cell(0, 0).paragraphs]
    assert closing[-2:] == ["- Sở Nội vụ;", "- Lưu: VT, VP."]


def test_a_bad_date_is_refused_and_nothing_is_saved(client_en, alice, url, world):
    client_en.force_login(alice)
    client_en.get(url)
    response = client_en.post(url, post_data(issued_on="31/02/2021", number="9"))
    assert response.status_code == 400
    assert "Enter a valid date." in response.content.decode()
    assert ConsolidatedReport.objects.get(period=world.period).number == ""


def test_save_and_download_goes_on_to_the_docx(client, alice, url, world):
    client.force_login(alice)
    response = client.post(url, post_data(then="docx"))
    assert response.url == reverse("reports:consolidation_docx", args=[world.period.pk])


def test_downloads_are_a_docx_and_an_xlsx_named_after_the_period(client, alice, world):
    client.force_login(alice)
    _, docx_url, xlsx_url = urls(world)
    response = client.get(docx_url)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "bao-cao-2021-H1-SVHTTDL.docx" in response["Content-Disposition"]
    docx.Document(io.BytesIO(response.content))
    response = client.get(xlsx_url)
    assert "phu-luc-2021-H1-SVHTTDL.xlsx" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Nhiệm vụ", "Đơn vị", "Chỉ số nội dung"]


def test_a_leader_of_the_department_may_consolidate(client, department, world):
    leader = UserFactory(username="leader")
    MembershipFactory(user=leader, agency=department, role=Role.LEADER)
    client.force_login(leader)
    assert all(client.get(u).status_code == 200 for u in urls(world))


def test_an_office_coordinator_of_the_department_office_may_consolidate(client, office, world):
    coordinator = UserFactory(username="office-coordinator")
    MembershipFactory(user=coordinator, agency=office, role=Role.OFFICE_COORDINATOR)
    client.force_login(coordinator)
    assert client.get(urls(world)[0]).status_code == 200


@pytest.mark.parametrize("persona", ["bob", "carol", "dave"])
def test_units_and_the_inspection_board_are_refused(client, world, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert [client.get(u).status_code for u in urls(world)] == [403, 403, 403]
    assert not ConsolidatedReport.objects.filter(period=world.period).exists()


def test_a_unit_cannot_post_the_narrative(client, bob, url, world):
    client.force_login(bob)
    assert client.post(url, post_data()).status_code == 403
    assert not ConsolidatedReport.objects.exists()


def test_another_department_does_not_learn_the_period_exists(client, erin, world):
    client.force_login(erin)
    assert [client.get(u).status_code for u in urls(world)] == [404, 404, 404]


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    for u in urls(world):
        response = client.get(u)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_the_period_page_links_to_the_consolidated_report(client, alice, url, world):
    client.force_login(alice)
    page = client.get(reverse("reports:period_detail", args=[world.period.pk]))
    assert url in page.content.decode()


def test_the_services_refuse_whoever_may_not_consolidate(world, bob, dave, province):
    from django.core.exceptions import PermissionDenied

    from quantri.reports.consolidation import services

    for user in (bob, dave):
        with pytest.raises(PermissionDenied):
            services.consolidated_report_for(period=world.period, user=user)
        with pytest.raises(PermissionDenied):
            services.consolidation_export(period=world.period, user=user)
        with pytest.raises(PermissionDenied):
            services.consolidation_agency_export(agency=province, code="2021-H1", user=user)
