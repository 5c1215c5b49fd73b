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
