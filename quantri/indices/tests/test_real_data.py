"""The real 2011–2024 data, imported once for this module: the figures must be PAPI's."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from quantri.indices import reading
from quantri.indices.analytics import TOTAL
from quantri.indices.models import Province, ScoreRecord

pytestmark = pytest.mark.django_db

MISSING = {
    2014: {"P15", "P56"},
    2021: {"P14", "P15", "P18"},
    2023: {"P14", "P47"},
    2024: {"P17", "P52"},
}


def show(*args) -> dict:
    out = StringIO()
    call_command("papi", "show", *args, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def test_the_import_reproduces_the_published_totals(real_scores):
    years = reading.year_scores([2020, 2021, 2022])
    assert round(years[2020].value(TOTAL, "P21"), 3) == 42.170
    assert round(years[2021].value(TOTAL, "P21"), 3) == 45.366
    assert round(years[2022].value(TOTAL, "P21"), 3) == 44.183
    assert years[2021].rank(TOTAL, "P21") == 5
    assert round(years[2020].value(TOTAL, "P14"), 3) == 48.811
    assert years[2020].best(TOTAL) == ["P14"]


def test_missing_provinces_stay_missing(real_scores):
    years = reading.year_scores(MISSING)
    for year, codes in MISSING.items():
        assert not ScoreRecord.objects.filter(year=year, province__code__in=codes).exists()
        assert all(years[year].rank(TOTAL, code) is None for code in codes)
        assert years[year].count(TOTAL) == 63 - len(codes)


def test_sub_dimensions_not_measured_have_no_rows_never_zeros(real_scores):
    assert not ScoreRecord.objects.filter(dimension__code="5.2", year__gte=2021).exists()
    assert not ScoreRecord.objects.filter(dimension__code="8.3", year=2018).exists()
    assert not ScoreRecord.objects.filter(score=0).exists()


def test_reimporting_the_folder_changes_nothing(real_scores):
    before = ScoreRecord.objects.count()
    out = StringIO()
    call_command("papi", "import", str(real_scores), stdout=out, verbosity=0)
    assert ScoreRecord.objects.count() == before
    assert f"{before} " in out.getvalue()  # … 0 added, 0 updated, 21891 unchanged


def test_show_prints_the_reading_as_json(real_scores):
    data = show("--province", "hung yen", "--year", "2021")
    assert {"province", "year", "total", "rank", "of", "quartile", "dimensions"} <= set(data)
    assert (data["province"], data["year"], data["total"], data["rank"]) == ("P21", 2021, 45.366, 5)
    assert (data["of"], data["quartile"]) == (60, 1)
    first = data["dimensions"][0]
    assert {
        "code",
        "score",
        "rank",
        "national_min",
        "national_median",
        "national_max",
        "change",
    } <= set(first)
    assert [d["code"] for d in data["dimensions"]] == [str(n) for n in range(1, 9)]
    assert [s["code"] for s in data["dimensions"][4]["subdimensions"]] == ["5.1", "5.3", "5.4"]
    assert data["change"] == round(45.366 - 42.170, 3)


def test_show_finds_a_province_by_code_or_by_name_with_diacritics(real_scores):
    assert show("--province", "P21", "--year", "2020")["total"] == 42.170
    assert show("--province", "Hưng Yên", "--year", "2022")["total"] == 44.183


def test_a_change_after_a_missing_year_is_none(real_scores):
    data = show("--province", "P14", "--year", "2022")  # Quảng Ninh missing in 2021
    assert data["change"] is None
    assert all(d["change"] is None for d in data["dimensions"])


def test_a_merged_province_keeps_its_series_and_points_to_its_successor(real_scores):
    thai_binh = Province.objects.get(code="P22")
    assert thai_binh.successor.name == "Hưng Yên"
    data = show("--province", "Thái Bình")
    assert (data["year"], data["province_name"]) == (2024, "Thái Bình")
    assert data["successor"] == {"code": "P21", "name": "Hưng Yên"}
    trend = reading.year_scores(range(2018, 2025))
    assert all(trend[y].value(TOTAL, "P22") for y in range(2018, 2025))


def test_peers_are_compared_in_the_same_year(real_scores):
    data = show("--province", "P21", "--year", "2021", "--peers", "Thái Bình,P14")
    assert [p["province"] for p in data["peers"]] == ["P22", "P14"]
    assert data["peers"][1]["total"] is None  # Quảng Ninh is missing in 2021


def test_an_unknown_province_is_one_clear_message(real_scores):
    with pytest.raises(CommandError, match="Atlantis"):
        show("--province", "Atlantis")
