"""The public side names the agency whose site it is, in the header and every page title, and
links the satisfaction survey open now (issue 16.10)."""

import pytest
from django.test import override_settings

from quantri.surveys.models import SurveyStatus
from quantri.surveys.tests.factories import ServicePointFactory, SurveyFactory

pytestmark = pytest.mark.django_db


def test_the_header_and_the_title_name_the_department(client, department):
    html = client.get("/").text
    assert f'class="brand" href="/">{department.name}</a>' in html
    assert f"· {department.name}</title>" in html


@override_settings(QUANTRI_SITE_AGENCY="NO-SUCH-AGENCY")
def test_without_a_known_agency_the_product_names_itself(client, department):
    assert "· Quản trị</title>" in client.get("/").text


def test_the_home_page_links_an_open_survey_but_not_a_draft(client, department, office):
    open_survey = SurveyFactory(agency=department, status=SurveyStatus.OPEN)
    ServicePointFactory(survey=open_survey, unit=office, name="Bộ phận một cửa", code="mot-cua")
    draft = SurveyFactory(agency=department, status=SurveyStatus.DRAFT)
    ServicePointFactory(survey=draft, unit=office, name="Quầy nháp", code="nhap")
    html = client.get("/").text
    assert 'href="/surveys/r/mot-cua/"' in html
    assert "Đánh giá mức độ hài lòng: Bộ phận một cửa" in html
    assert "/surveys/r/nhap/" not in html
