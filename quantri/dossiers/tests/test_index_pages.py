"""The 766 dashboard's sub-criteria, periods, export, print layout and the office's form for
the figures entered by hand."""

import datetime
import io

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from quantri.core.spreadsheets import open_workbook
from quantri.dossiers import index_inputs
from quantri.dossiers.models import IndexInput
from quantri.dossiers.tests.conftest import local, register
from quantri.orgs.models import Agency, Role
from quantri.testing.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
JULY = datetime.date(2026, 7, 1)


@pytest.fixture(autouse=True)
def december_2026():
    with time_machine.travel("2026-12-03 08:00 +0700", tick=False):
        yield


@pytest.fixture
def july(procedure, department):
    """Two dossiers received in July 2026, one online; the office supplied one input."""
    register(procedure, department, received_at=local("2026-07-06 09:00"), channel="online")
    register(procedure, department, received_at=local("2026-07-07 09:00"))


@pytest.fixture
def leader(department):
    user = UserFactory(username="lena")
    MembershipFactory(user=user, agency=department, role=Role.LEADER)
    return user


def test_a_month_under_the_2026_version_shows_each_sub_criterion_with_its_data(
    client_en, alice, july, department
):
    client = client_en
    index_inputs.index_input_record(
        user=alice, agency=department, month=JULY, figure="dossiers_synced", value=1
    )
    client.force_login(alice)
    html = client.get("/dossiers/", {"agency": department.pk, "month": "2026-07"}).content.decode()
    assert html.count("data-subcriterion=") == 15 and html.count("data-group=") == 6
    synced = html[html.index('data-subcriterion="transparency.synchronised"') :]
    assert "Dossiers synchronised to the national portal: 1" in synced[:1500]
    assert "Dossiers received: 2" in synced[:1500]
    announced = html[html.index('data-subcriterion="transparency.announced_on_time"') :]
    assert "not supplied" in announced[:1500] and "data-by-hand" in announced[:1500]


def test_the_december_2026_sources_read_in_vietnamese_with_their_legend(client, alice, department):
    client.force_login(alice)
    html = client.get("/dossiers/", {"agency": department.pk, "month": "2026-12"}).text
    announced = html[html.index('data-subcriterion="transparency.announced_on_time"') :]
    assert "CÔNG THỨC 1.1; ĐIỂM: 6 điểm" in announced[:1500]
    assert "CONG-THUC" not in html and "points" not in html
    assert "PHÂN TÍCH NGƯỢC: phân tích ngược điểm số Cổng trả về" in html  # the legend


def test_a_month_before_july_2026_keeps_the_group_formulas(client, alice, department):
    client.force_login(alice)
    html = client.get("/dossiers/", {"agency": department.pk, "month": "2026-06"}).content.decode()
    assert "766-2022" in html and "data-subcriterion=" not in html


def test_a_quarter_is_shown_beside_the_quarter_before(client_en, alice, july, department):
    client = client_en
    client.force_login(alice)
    response = client.get(
        "/dossiers/", {"agency": department.pk, "period": "quarter", "month": "2026-08"}
    )
    assert response.context["month"].label() == "Q3/2026"
    assert response.context["figures"]["received"] == 2
    assert response.context["previous"]["month"] == "2026-04"
    html = response.content.decode()
    assert "Before (Q2/2026)" in html and "period=quarter&amp;month=2026-07" in html


def test_a_chosen_range_and_a_bad_period_parameter(client, alice, july, department):
    client.force_login(alice)
    ranged = client.get("/dossiers/", {"period": "range", "month": "2026-05", "until": "2026-07"})
    assert ranged.context["month"].label() == "05/2026–07/2026"
    fortnight = client.get("/dossiers/", {"period": "fortnight"})
    assert fortnight.status_code == 400
    assert "(period=fortnight) không đọc được" in fortnight.text
    assert "period=quarter&amp;month=2026-10" in fortnight.text  # how to write one
    for query in ({"period": "range", "until": "2026-13"}, {"month": "12/2026"}):
        response = client.get("/dossiers/list/", query)
        assert response.status_code == 400 and "không đọc được" in response.text
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/dossiers/?month=2026-12-01").text
    assert "The period in the address (month=2026-12-01) could not be read" in english


def test_the_export_reopens_with_vietnamese_headers_and_the_page_s_points(
    client, alice, july, department
):
    client.force_login(alice)
    query = {"agency": department.pk, "month": "2026-07"}
    page = client.get("/dossiers/", query)
    response = client.get(reverse("dossiers:dashboard_xlsx"), query)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = open_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "Chỉ số 766" in rows[0][0] and "07/2026" in rows[0][0]
    assert rows[2][:3] == ("Nhóm / tiêu chí thành phần", "Tử số", "Giá trị")
    online = next(r for r in rows if r[0] and r[0].strip() == "Hồ sơ nộp trực tuyến")
    assert online[2:5] == (1, "Số hồ sơ tiếp nhận", 2) and online[5] == 50.0 and online[7] == 6
    assert rows[-1][0] == "Tổng điểm" and rows[-1][7] == page.context["result"]["total"]


def test_the_dashboard_hides_its_forms_in_print(client, alice, department):
    client.force_login(alice)
    html = client.get("/dossiers/").content.decode()
    assert 'id="period-form"' in html and 'class="card no-print" id="period-form"' in html
    css = client.get("/static/dossiers/dossiers.css")
    text = b"".join(css.streaming_content if css.streaming else [css.content]).decode()
    assert "@media print" in text and ".no-print" in text


def test_the_office_supplies_a_figure_through_the_form(client, alice, department):
    client.force_login(alice)
    url = reverse("dossiers:index_inputs")
    response = client.post(
        url,
        {"agency": department.pk, "month": "2026-07", "figure": "results_electronic", "value": 4},
    )
    assert response.status_code == 302
    record = IndexInput.objects.get()
    assert (record.month, record.value, record.recorded_by) == (JULY, 4, alice)
    page = client.get(response["Location"]).content.decode()
    assert 'data-input="results_electronic"' in page


def test_a_bad_figure_names_the_field_and_saves_nothing(client, alice, department):
    client.force_login(alice)
    response = client.post(
        reverse("dossiers:index_inputs"),
        {"agency": department.pk, "month": "07/2026", "figure": "results_electronic", "value": -1},
    )
    assert response.status_code == 200 and not IndexInput.objects.exists()
    errors = response.context["form"].errors
    assert set(errors) == {"month", "value"}


def test_a_leader_reads_the_dashboard_but_the_office_supplies_the_figures(
    client, leader, department
):
    client.force_login(leader)
    assert client.get("/dossiers/").status_code == 200
    assert "data-inputs" not in client.get("/dossiers/").content.decode()
    assert client.get(reverse("dossiers:index_inputs")).status_code == 403
    posted = client.post(
        reverse("dossiers:index_inputs"),
        {"agency": department.pk, "month": "2026-07", "figure": "dossiers_synced", "value": 1},
    )
    assert posted.status_code == 403 and not IndexInput.objects.exists()


def test_the_office_may_not_supply_another_department_s_figures(client, alice, erin):
    other = Agency.objects.get(code="T-DEPT2")
    client.force_login(alice)
    response = client.post(
        reverse("dossiers:index_inputs"),
        {"agency": other.pk, "month": "2026-07", "figure": "dossiers_synced", "value": 1},
    )
    assert response.status_code == 200 and "agency" in response.context["form"].errors
    assert not IndexInput.objects.exists()
