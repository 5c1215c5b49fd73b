"""The public PAPI pages and API on a small hand-made national table."""

import pytest
from django.urls import reverse

from quantri.indices.tests.factories import add_scores, even_scores

pytestmark = pytest.mark.django_db


@pytest.fixture
def scores():
    """2020 and 2021 for four provinces; Quảng Ninh (P14) missing in 2021, like the source."""
    add_scores(2020, {"P21": even_scores(1.4), "P14": even_scores(1.6), "P01": even_scores(1.0)})
    add_scores(
        2021,
        {
            "P21": even_scores(1.5),  # total 42.0
            "P01": even_scores(1.0),
            "P22": even_scores(1.2),
            "P20": even_scores(1.3),
        },
    )


def test_the_ranking_lists_provinces_best_first_with_their_quartile_group(client, scores):
    response = client.get(reverse("indices:ranking"), {"year": 2021})
    assert response.status_code == 200
    table = response.context["table"]
    assert [(r.province.code, r.rank, r.quartile) for r in table.rows] == [
        ("P21", 1, 1),
        ("P20", 2, 2),
        ("P22", 3, 3),
        ("P01", 4, 4),
    ]
    html = response.content.decode()
    assert html.index("Hưng Yên") < html.index("Hải Phòng") < html.index("Thái Bình")
    assert 'class="q1"' in html and 'class="q4"' in html


def test_the_ranking_sorts_by_a_dimension_from_the_query_string(client, scores):
    add_scores(2021, {"P14": {"7.1": 3.0, "7.2": 3.0, "7.3": 3.0}})  # only dimension 7
    table = client.get(reverse("indices:ranking"), {"year": 2021, "sort": "7"}).context["table"]
    assert table.sort == "7"
    assert [r.province.code for r in table.rows][:2] == ["P14", "P21"]
    total = client.get(reverse("indices:ranking"), {"year": 2021}).context["table"]
    assert "P14" not in [r.province.code for r in total.rows]
    assert [r.province.code for r in total.unranked] == ["P14"]


def test_the_ranking_defaults_to_the_latest_year_and_ignores_bad_choices(client, scores):
    table = client.get(reverse("indices:ranking"), {"year": "abc", "sort": "x"}).context["table"]
    assert (table.year, table.sort) == (2021, "total")


def test_the_ranking_without_scores_says_so(client_en):
    response = client_en.get(reverse("indices:ranking"))
    assert "No PAPI scores have been imported yet." in response.content.decode()


def test_the_menu_shows_papi_to_everyone(client, scores):
    html = client.get(reverse("portal:home")).content.decode()
    assert f'href="{reverse("indices:ranking")}"' in html


def test_a_province_profile_shows_its_figures_charts_and_peers(client, scores):
    url = reverse("indices:province", args=["P21"])
    response = client.get(url, {"year": 2021, "peers": ["P22", "P01"]})
    assert response.status_code == 200
    profile = response.context["profile"]
    assert (profile["total"], profile["rank"], profile["of"], profile["quartile"]) == (
        42.0,
        1,
        4,
        1,
    )
    assert profile["change"] == pytest.approx(42.0 - 28 * 1.4)
    assert [p["province"] for p in profile["peers"]] == ["P01", "P22"]
    html = response.content.decode()
    # radar, sub-dimensions within the year's ranges, total trend, dimension trends
    assert html.count("<svg") == 4
    assert "8. Quản trị điện tử" in response.context["radar"]
    assert "8. Quản trị điện tử" in response.context["trend_dimensions"]
    assert "Thái Bình" in html


def test_the_profile_is_usable_on_a_phone(client, scores):
    html = client.get(reverse("indices:province", args=["P21"])).content.decode()
    assert 'name="viewport"' in html
    assert "indices/papi.css" in html
    assert 'class="table-scroll"' in html


def test_a_province_is_found_by_lowercase_code_and_an_unknown_one_is_404(client, scores):
    assert client.get(reverse("indices:province", args=["p21"])).status_code == 200
    assert client.get(reverse("indices:province", args=["P99"])).status_code == 404


def test_a_merged_province_shows_its_own_series_and_links_to_its_successor(client, scores):
    response = client.get(reverse("indices:province", args=["P22"]))
    assert response.context["profile"]["year"] == 2021
    html = response.content.decode()
    assert reverse("indices:province", args=["P21"]) in html
    assert "01/07/2025" in html
    successor = client.get(reverse("indices:province", args=["P21"])).content.decode()
    assert reverse("indices:province", args=["P22"]) in successor


def test_a_province_without_scores_gets_a_page_not_an_error(client_en, scores):
    response = client_en.get(reverse("indices:province", args=["P63"]))
    assert response.status_code == 200
    assert "No PAPI scores for this province." in response.content.decode()


def test_a_year_the_province_was_not_surveyed_falls_back_to_its_latest(client, scores):
    profile = client.get(reverse("indices:province", args=["P14"]), {"year": 2021}).context[
        "profile"
    ]
    assert profile["year"] == 2020  # 2021 is not one of Quảng Ninh's years: its latest is used


class TestApi:
    def test_provinces_are_listed_with_their_merger(self, client):
        rows = client.get("/api/papi/provinces", {"q": "thai binh"}).json()
        assert rows == [
            {
                "code": "P22",
                "name": "Thái Bình",
                "name_en": "Thai Binh",
                "valid_from": None,
                "valid_to": "2025-07-01",
                "successor": "P21",
                "agency": None,
            }
        ]
        assert len(client.get("/api/papi/provinces", {"active": True}).json()) == 34

    def test_scores_hold_published_values_and_derived_sums_on_request(self, client, scores):
        rows = client.get("/api/papi/scores", {"year": 2021, "province": "P21"}).json()
        assert len(rows) == 28 and not any(r["derived"] for r in rows)
        totals = client.get("/api/papi/scores", {"year": 2021, "level": "total"}).json()
        assert {r["province"]: round(r["score"], 3) for r in totals} == {
            "P21": 42.0,
            "P01": 28.0,
            "P22": 33.6,
            "P20": 36.4,
        }
        assert all(r["derived"] for r in totals)

    def test_the_profile_has_the_command_shape(self, client, scores):
        data = client.get("/api/papi/provinces/hung yen/profile", {"year": 2021}).json()
        assert (data["province"], data["total"], data["rank"], data["of"]) == ("P21", 42.0, 1, 4)
        assert [d["code"] for d in data["dimensions"]] == [str(n) for n in range(1, 9)]
        assert client.get("/api/papi/years").json() == [2020, 2021]

    def test_an_unknown_province_is_404(self, client, scores):
        assert client.get("/api/papi/provinces/Atlantis/profile").status_code == 404


def test_an_unknown_score_level_is_refused(client, scores):
    assert client.get("/api/papi/scores", {"level": "everything"}).status_code == 422


def test_the_admin_lists_provinces_and_shows_scores_read_only(client, scores):
    from quantri.testing.factories import UserFactory

    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    assert client.get("/admin/indices/province/").status_code == 200
    assert client.get("/admin/indices/scorerecord/", {"year": 2021}).status_code == 200
    assert client.get("/admin/indices/scorerecord/add/").status_code == 403
