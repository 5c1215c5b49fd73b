"""Issue 15.6: PAPI's sub-dimension sets and ranges by year, and a province renamed by date."""

import datetime

import pytest

from quantri.indices import reading
from quantri.indices.models import Dimension, Province

pytestmark = pytest.mark.django_db


def papi(code: str) -> Dimension:
    return Dimension.objects.get(framework__code="PAPI", code=code)


def test_from_2021_the_three_procedure_sub_dimensions_span_a_third_of_dimension_5():
    for code in ("5.1", "5.3", "5.4"):
        assert papi(code).range_in(2020) == (0.25, 2.5)
        assert papi(code).range_in(2021) == (0.33, 3.33)
        assert papi(code).range_in(2024) == (0.33, 3.33)
    # Dimension 5 is 1–10 in both: four quarters up to 2020, three thirds from 2021.
    assert 4 * 2.5 == 10 and round(3 * 3.33, 1) == 10.0


def test_the_sub_dimension_sets_of_2018_2020_and_2021():
    def measured(year, parent):
        return sorted(
            Dimension.objects.applicable(year)
            .filter(parent__code=parent, framework__code="PAPI")
            .values_list("code", flat=True)
        )

    assert measured(2018, "8") == ["8.1", "8.2"]
    assert measured(2019, "8") == ["8.1", "8.2", "8.3"]
    assert measured(2020, "5") == ["5.1", "5.2", "5.3", "5.4"]
    assert measured(2021, "5") == ["5.1", "5.3", "5.4"]


def test_thua_thien_hue_is_hue_from_the_first_of_january_2025():
    province = Province.objects.get(code="P31")
    assert province.name_on(datetime.date(2024, 12, 31)) == "Thừa Thiên Huế"
    assert province.name_on(datetime.date(2025, 1, 1)) == province.name == "Huế"
    assert province.name_in_year(2024) == "Thừa Thiên Huế"
    assert Province.objects.resolve("Thừa Thiên Huế") == province
    assert Province.objects.resolve("thua thien hue") == province


def test_the_real_2021_scores_exceed_the_old_ceiling_and_fit_the_new_range(real_scores):
    """P01's 5.1 in the 2021 file is 2.5486: out of 0.25–2.5, inside 0.33–3.33."""
    years = reading.year_scores([2020, 2021])
    score = years[2021].value("5.1", "P01")
    assert 2.5 < score <= 3.33
    low, high = papi("5.1").range_in(2021)
    values = [
        years[2021].value(code, p) for code in ("5.1", "5.3", "5.4") for p in years[2021].table
    ]
    assert all(low <= v <= high for v in values if v is not None)


def test_a_province_profile_carries_the_year_s_ranges_and_name(real_scores):
    hue = Province.objects.get(code="P31")
    profile = reading.province_profile(hue, 2021)
    assert profile["province_name"] == "Thừa Thiên Huế"
    five = next(d for d in profile["dimensions"] if d["code"] == "5")
    first = next(s for s in five["subdimensions"] if s["code"] == "5.1")
    assert (first["min_score"], first["max_score"]) == (0.33, 3.33)
    assert first["change_comparable"] is False  # 2020 was scored on 0.25–2.5
    later = reading.province_profile(hue, 2022)
    five = next(d for d in later["dimensions"] if d["code"] == "5")
    assert next(s for s in five["subdimensions"] if s["code"] == "5.1")["change_comparable"]


def test_the_dimensions_api_gives_the_range_and_the_set_of_the_year_asked(client):
    """Before, /api/frameworks/PAPI/dimensions gave the latest range whatever the year."""

    def by_code(year: int) -> dict:
        response = client.get("/api/frameworks/PAPI/dimensions", {"year": year})
        assert response.status_code == 200
        return {row["code"]: row for row in response.json()}

    old, new = by_code(2020), by_code(2021)
    assert (old["5.1"]["min_score"], old["5.1"]["max_score"]) == (0.25, 2.5)
    assert (new["5.1"]["min_score"], new["5.1"]["max_score"]) == (0.33, 3.33)
    assert "5.2" in old and "5.2" not in new  # construction permits left the survey in 2021
    assert new["5.1"]["score_ranges"][0]["source"]
    assert client.get("/api/frameworks/PAPI/dimensions", {"year": 0}).status_code == 422


def test_the_profile_chart_draws_each_sub_dimension_on_its_year_s_range(client, real_scores):
    """Before, the page had no sub-dimension chart and nothing used the year's range."""
    from django.urls import reverse

    from quantri.indices.pages import subdimension_bars

    def bar(year: int, code: str):
        response = client.get(reverse("indices:province", args=["P01"]), {"year": year})
        assert response.status_code == 200
        assert response.context["subdimension_ranges"].startswith("<svg")
        bars = subdimension_bars(response.context["profile"])
        return next(b for b in bars if b.label.startswith(f"{code}. "))

    assert (bar(2020, "5.1").low, bar(2020, "5.1").high) == (0.25, 2.5)
    assert (bar(2021, "5.1").low, bar(2021, "5.1").high) == (0.33, 3.33)
    assert 0 <= bar(2021, "5.1").share(bar(2021, "5.1").score) <= 100


def test_a_score_is_placed_within_its_year_s_range():
    from quantri.indices.charts import RangeBar

    # P01's 5.1 in 2021 (2.5486): past the top of 2020's range, about 74% of 2021's.
    assert RangeBar("5.1", 0.33, 3.33, 2.5486, None).share(2.5486) == pytest.approx(73.95, 0.01)
    assert RangeBar("5.1", 0.25, 2.5, 2.5, None).share(2.5) == 100
