"""Gap → tasks: the analysis, its flags, its page and who may see it."""

import pytest
from django.urls import reverse

from quantri.indices.gaps import gap_analysis, gap_chart_png
from quantri.indices.models import Province
from quantri.indices.tests.factories import PAPI_2021_SUBS, add_scores, even_scores
from quantri.plans.models import TaskStatus
from quantri.testing.factories import TaskFactory, TaskGroupFactory, papi_dimension

pytestmark = pytest.mark.django_db

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def national(province):
    """Hưng Yên (linked to the test province) ahead everywhere but in dimensions 2 and 7."""
    Province.objects.filter(code="P21").update(agency=province)
    hung_yen = even_scores(1.5)
    hung_yen.update({code: 1.0 for code in ("2.1", "2.2", "2.3", "2.4")})
    hung_yen.update({code: 0.5 for code in ("7.1", "7.2", "7.3")})
    others = {code: even_scores(1.2) for code in ("P01", "P02", "P03")}
    add_scores(2021, {"P21": hung_yen, **others})
    add_scores(2023, {code: even_scores(2.0) for code in ("P01", "P02")})  # after the plan year


def aim(plan, dimension: str, tasks: int, order: int, **task_fields):
    group = TaskGroupFactory(plan=plan, order=order, dimension=papi_dimension(dimension))
    return [TaskFactory(group=group, order=n, **task_fields) for n in range(1, tasks + 1)]


@pytest.fixture
def planned(plan, national):
    """2 tasks on dimension 1, 3 on dimension 2, one on 7 (through sub-dimension 7.2)."""
    aim(plan, "1", 2, order=1)
    aim(plan, "2", 3, order=2, progress=40, status=TaskStatus.IN_PROGRESS)
    aim(plan, "7.2", 1, order=3)
    aim(plan, "7", 1, order=4, status=TaskStatus.CANCELLED)
    TaskFactory(group=TaskGroupFactory(plan=plan, order=5, dimension=None), order=1)
    return plan


def row(analysis, code: str):
    return next(d for d in analysis.dimensions if d.code == code)


def test_each_dimension_has_its_gap_beside_the_tasks_aimed_at_it(planned):
    analysis = gap_analysis(planned)
    assert (analysis.province_code, analysis.year) == ("P21", 2021)  # latest year ≤ plan year
    assert [d.code for d in analysis.dimensions] == [str(n) for n in range(1, 9)]
    two = row(analysis, "2")
    assert (two.score, two.national_median, two.national_best) == (4.0, 4.8, 4.8)
    assert two.gap_to_median == pytest.approx(-0.8)
    assert (two.task_count, two.progress, two.weight_share) == (3, 40, 0.5)
    assert row(analysis, "7").task_count == 1  # the group aimed at 7.2; the cancelled one not
    assert analysis.untargeted_tasks == 1


def test_weak_and_thin_dimensions_are_flagged_and_only_those(planned):
    analysis = gap_analysis(planned)
    seven, two, one, three = (row(analysis, c) for c in "7213")
    assert (seven.weak, seven.thin, seven.flagged) == (True, True, True)
    assert (two.weak, two.thin, two.flagged) == (True, False, False)  # weak but well planned
    assert (one.weak, one.flagged) == (False, False)
    assert (three.weak, three.thin, three.flagged) == (False, True, False)  # no task, not weak
    assert [d.code for d in analysis.flagged] == ["7"]


def test_a_tie_at_the_median_is_not_weak_and_the_lowest_group_is(plan, province):
    Province.objects.filter(code="P21").update(agency=province)
    add_scores(2021, {"P21": even_scores(1.0), "P01": even_scores(1.0), "P02": even_scores(2.0)})
    # Ranks 2, 2, 1 of 3: Hưng Yên ties at the median, in group 2 — not weak.
    assert row(gap_analysis(plan), "1").weak is False
    add_scores(2021, {code: even_scores(3.0) for code in ("P03", "P04", "P05", "P06", "P07")})
    analysis = gap_analysis(plan)  # now rank 7 of 8, lowest group
    assert (row(analysis, "1").quartile, row(analysis, "1").weak) == (4, True)


def test_the_analysis_is_plain_data_for_the_periodic_report(planned):
    data = gap_analysis(planned).to_dict()
    seven = next(d for d in data["dimensions"] if d["code"] == "7")
    assert seven["flagged"] is True
    assert seven["tasks"][0]["title"]


def test_the_chart_for_a_document_is_a_png(planned):
    assert gap_chart_png(gap_analysis(planned)).startswith(PNG_SIGNATURE)


def test_a_plan_without_a_linked_province_explains_why(plan):
    analysis = gap_analysis(plan)
    assert not analysis.available
    assert analysis.notes


def test_a_plan_older_than_every_score_explains_why(plan, national):
    plan.year = 2019
    plan.save(update_fields=["year"])
    analysis = gap_analysis(plan)
    assert (analysis.year, analysis.available) == (None, False)


class TestPage:
    def url(self, plan):
        return reverse("indices:plan_gaps", args=[plan.pk])

    def test_a_visitor_is_sent_to_sign_in(self, client, planned):
        response = client.get(self.url(planned))
        assert response.status_code == 302 and "/login/" in response["Location"]

    def test_the_department_sees_the_gaps_the_tasks_and_the_chart(self, client, alice, planned):
        client.force_login(alice)
        response = client.get(self.url(planned))
        assert response.status_code == 200
        html = response.content.decode()
        assert "<svg" in html and "Quản trị môi trường" in html
        task = planned.groups.get(order=3).tasks.get()
        assert reverse("plans:task_detail", args=[task.pk]) in html
        assert reverse("plans:plan_detail", args=[planned.pk]) in html

    def test_the_inspection_board_may_read_it_too(self, client, dave, planned):
        client.force_login(dave)
        assert client.get(self.url(planned)).status_code == 200

    def test_another_department_gets_a_404_for_an_unpublished_plan(self, client, erin, planned):
        client.force_login(erin)
        assert client.get(self.url(planned)).status_code == 404
        png = reverse("indices:plan_gaps_png", args=[planned.pk])
        assert client.get(png).status_code == 404

    def test_the_png_is_offered_for_reports(self, client, alice, planned):
        client.force_login(alice)
        response = client.get(reverse("indices:plan_gaps_png", args=[planned.pk]))
        assert response["Content-Type"] == "image/png"
        assert response.content.startswith(PNG_SIGNATURE)

    def test_the_api_follows_the_same_rule(self, client, alice, erin, planned):
        url = f"/api/papi/plans/{planned.pk}/gaps"
        assert client.get(url).status_code == 401
        client.force_login(erin)
        assert client.get(url).status_code == 404
        client.force_login(alice)
        assert [d["code"] for d in client.get(url).json()["dimensions"] if d["flagged"]] == ["7"]


def test_sub_dimensions_not_measured_do_not_count(plan, province):
    Province.objects.filter(code="P21").update(agency=province)
    add_scores(2021, {"P21": even_scores(1.0, PAPI_2021_SUBS), "P01": even_scores(1.0)})
    five = row(gap_analysis(plan), "5")
    assert five.score == 3.0  # 5.1 + 5.3 + 5.4; 5.2 was not measured in 2021
