"""The results page, its exports, the weighting form and the index scores page."""

import csv
import io

import pytest
from openpyxl import load_workbook

from quantri.surveys import services
from quantri.surveys.models import Weighting
from quantri.testing.factories import papi_dimension

pytestmark = pytest.mark.django_db


def test_results_show_shares_intervals_and_a_chart(client_en, alice, answered, office):
    client_en.force_login(alice)
    content = client_en.get(f"/surveys/{answered.pk}/results/").content.decode()
    # 5 of 8 satisfied overall; Wilson interval 30.6–86.3%.
    assert '<td data-label="Share satisfied">62.5%</td>' in content
    assert "30.6–86.3%" in content
    assert "Công chức" in content and office.name in content
    assert "<svg" in content and "</svg>" in content


def test_results_by_month_for_one_unit(client_en, alice, answered, library):
    client_en.force_login(alice)
    url = f"/surveys/{answered.pk}/results/?period=month&unit={library.code}"
    content = client_en.get(url).content.decode()
    assert "2026-03" in content and ">25.0%<" in content


def test_the_exports_reopen(client, alice, answered, office):
    client.force_login(alice)
    csv_response = client.get(f"/surveys/{answered.pk}/results.csv?period=quarter")
    assert csv_response["Content-Disposition"].endswith('results.csv"')
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert any(r[0] == office.code and r[2] == "2026-Q1" and r[6] == "100.0" for r in rows)
    xlsx = client.get(f"/surveys/{answered.pk}/results.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert len(values) == len(rows) and values[1][4] == 8
    assert client.get(f"/surveys/{answered.pk}/results.pdf").status_code == 404


def test_the_weighting_form_saves_margins_and_weights(client_en, alice, answered):
    client = client_en
    client.force_login(alice)
    response = client.post(
        f"/surveys/{answered.pk}/weighting/",
        {"weighting": "raking", "sex__female": "50", "sex__male": "50",
         "area__urban": "30", "area__rural": "70"},
    )  # fmt: skip
    assert response.status_code == 302
    answered.refresh_from_db()
    assert answered.weighting == Weighting.RAKING and answered.margins.count() == 4
    weighted = client.get(f"/surveys/{answered.pk}/results/").content.decode()
    unweighted = client.get(f"/surveys/{answered.pk}/results/?unweighted=on").content.decode()
    assert ">62.5%<" in unweighted and ">62.5%<" not in weighted
    assert "weighted to the population margins" in weighted


def test_margins_that_do_not_add_up_are_named_on_the_form(client_en, alice, answered):
    client_en.force_login(alice)
    response = client_en.post(
        f"/surveys/{answered.pk}/weighting/",
        {"weighting": "raking", "area__urban": "30", "area__rural": "60"},
    )
    assert response.status_code == 200
    assert "Area: the shares add up to 90.0%, not 100%." in response.content.decode()
    assert not answered.margins.exists()


def test_the_index_page_scores_units_on_papi_scales(client_en, alice, answered):
    rating = answered.questions.get(is_overall=False)
    services.indicator_set(
        question=rating, user=alice, code="Q1", subdimension=papi_dimension("5.4")
    )
    client_en.force_login(alice)
    content = client_en.get(f"/surveys/{answered.pk}/index/").content.decode()
    # The desk answered 5, 4, 4, 5: a mean position of 0.875 → dimension 5 = 1 + 9 × 0.875.
    # and sub-dimension 5.4 = 0.33 + 3.0 × 0.875 on its 2021– range.
    assert "8.88" in content and "2.96" in content  # English decimals: client_en


def test_the_index_page_explains_what_is_missing(client_en, alice, answered):
    client_en.force_login(alice)
    content = client_en.get(f"/surveys/{answered.pk}/index/").content.decode()
    assert "map questions to index indicators" in content
