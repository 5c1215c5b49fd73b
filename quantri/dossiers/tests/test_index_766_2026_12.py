"""The 766-2026-12 version (index_766_2026_12: the points and thresholds the national portal
gives each sub-criterion), on a hand-computed month: each figure is worked out in the comment
beside it from the source's rule "full points from the threshold, else rate × points ÷
threshold", with the thresholds the portal's own scores show ([M0] in the module)."""

import datetime

import pytest
import time_machine

from quantri.dossiers import index, index_766_2026, index_766_2026_12, services, stats
from quantri.dossiers.models import IndexVersion
from quantri.dossiers.tests.conftest import local, register
from quantri.procedures.tests.factories import FeeFactory, ProcedureFactory

INPUTS = {
    "procedures_announced_on_time": 10,
    "procedures_published_on_time": 8,
    "procedures_complete": 6,
    "dossiers_synced": 20,
    "fee_procedures_integrated": 2,
    "results_electronic": 15,
    "dossiers_data_reused": 4,
    "feedback_satisfied": 4,
    "dossiers_personal_store": 10,
    "dossiers_population_data": 5,
    "procedures_population_data": 3,
    "procedures_for_citizens": 6,
    "certified_copies_electronic": 2,
    "certified_copies": 4,
}


def month(**changes) -> index.Figures:
    values = dict(
        received=20, online_full=6, online_partial=2, digitised=15,
        processed_early=5, processed_on_time=8, processed_late=2, within_time=3, overdue=2,
        paid_online=3, rated=10, satisfied=8, complaints=1,
        procedures=10, procedures_published=8, procedures_online=6, fee_procedures=4,
        processed_fee=8, fee_procedures_paid_online=2, online_procedures_with_dossiers=3,
        feedback_answered=5, feedback_on_time=4, inputs=dict(INPUTS),
    )  # fmt: skip
    return index.Figures(**values | changes)


def groups(criteria, figures) -> dict:
    scores, _total = index.compute(criteria, figures)
    return {g.group: g.points for g in scores}


def test_every_sub_criterion_on_a_hand_computed_month():
    scores, total = index.compute(index_766_2026_12.CRITERIA, month())
    assert {g.group: g.points for g in scores} == {
        "transparency": 16.7,  # 10/10 × 6 + 8/10 × 4 + 6/8 published × 2 + 20/20 × 6
        "progress": 16.0,  # (5 + 8 + 3 within time) ÷ (15 processed + 3 + 2 overdue) × 20
        "online": 8.3,  # 6/10 ÷ 0.8 × 2 = 1.5; 3/6 × 4 = 2; 8/20 ÷ 0.5 × 6 = 4.8
        # 15/15×6 + 15/20×4 + 2/4×2 + 0.2÷0.8×2 + 10/20×4 + 5/20×2 + 3/6×2
        "digitisation": 14.0,
        "payment": 4.75,  # 2/4 ÷ 0.8 × 2 = 1.25; 2/4 ÷ 0.8 × 2 = 1.25; 3/8 × 6 = 2.25
        "satisfaction": 14.6,  # 4/5 × 6; 4/5 × 6; (20 − 4 late − 1 complained)/20 ÷ 0.9 × 6
    }
    assert total == 74.35


def test_the_points_are_the_portals_and_add_up_to_the_groups():
    index.check_criteria(index_766_2026_12.CRITERIA, inputs=index_766_2026_12.INPUTS)
    points = {
        c["group"]: [s["points"] for s in c["subcriteria"]] for c in index_766_2026_12.CRITERIA
    }
    assert points == {
        "transparency": [6, 4, 2, 6],
        "progress": [20],
        "online": [2, 4, 6],
        "digitisation": [6, 4, 2, 2, 4, 2, 2],
        "payment": [2, 2, 6],
        "satisfaction": [6, 6, 6],
    }


def test_the_sources_weights_change_a_months_transparency_score():
    """Every procedure announced on time but only half published on time: 766-2026 weighed
    both 4.5, the portal 6 and 4."""
    figures = month(inputs=INPUTS | {"procedures_published_on_time": 5})
    assert groups(index_766_2026.CRITERIA, figures)["transparency"] == 13.95  # 4.5+2.25+2.7+4.5
    assert groups(index_766_2026_12.CRITERIA, figures)["transparency"] == 15.5  # 6+2+1.5+6


def test_the_citizens_satisfaction_is_the_portals_100_percent_less_late_and_complained():
    """5.4: every rating satisfied no longer earns the points when dossiers are late."""
    late = month(processed_late=6, processed_on_time=4, satisfied=10)
    old_rating = next(
        s
        for g in index.compute(index_766_2026.CRITERIA, late)[0]
        for s in g.subscores
        if s.key == "citizens_rating"
    )
    new = next(
        s
        for g in index.compute(index_766_2026_12.CRITERIA, late)[0]
        for s in g.subscores
        if s.key == "dossiers_satisfied"
    )
    assert old_rating.points == 6
    # handled 20, late 6 + 2 overdue, 1 complained: 11/20 = 0.55 ÷ 0.9 × 6
    assert (new.numerator_value, new.denominator_value, new.points) == (11, 20, 3.67)


def sub(figures: index.Figures, key: str) -> index.SubScore:
    scores, _total = index.compute(index_766_2026_12.CRITERIA, figures)
    return next(s for g in scores for s in g.subscores if s.key == key)


def test_digitised_dossiers_reach_full_points_only_when_all_are_digitised():
    """[CONG-THUC] 4.2 says full points from 80%; the portal's scores [M0] do not."""
    assert sub(month(digitised=16), "digitised").points == 3.2  # 16/20 × 4
    assert sub(month(digitised=20), "digitised").points == 4
    assert sub(month(inputs=INPUTS | {"dossiers_data_reused": 16}), "data_reused").points == 2


def test_the_online_group_is_two_four_and_six_points_as_the_portal_scores_it():
    """[M0]: min(2, 2A ÷ 0.8) + 4B + min(6, 6C ÷ 0.5)."""
    busy = month(procedures_online=8, online_procedures_with_dossiers=8, online_full=10)
    assert groups(index_766_2026_12.CRITERIA, busy)["online"] == 12  # 80%, 100%, 60%
    idle = month(online_procedures_with_dossiers=0)
    assert sub(idle, "online_services_used").points == 0


def test_an_agency_whose_procedures_are_all_free_gets_no_payment_points_as_on_the_portal():
    """[M0]: a rate with nothing to divide by scores 0 (766-2026 gave the points)."""
    free = month(
        fee_procedures=0, processed_fee=0, paid_online=0, fee_procedures_paid_online=0,
        inputs=INPUTS | {"fee_procedures_integrated": 0},
    )  # fmt: skip
    assert groups(index_766_2026_12.CRITERIA, free)["payment"] == 0
    assert groups(index_766_2026.CRITERIA, free)["payment"] == 10


def test_no_feedback_keeps_the_feedback_points_but_an_unentered_figure_earns_nothing():
    """[M0]: 5.2 and 5.3 score 6 when there was no feedback to answer. Satisfaction with the
    handling is typed in by the office: until it is, 5.3 earns nothing."""
    quiet = month(feedback_answered=0, feedback_on_time=0)
    assert (sub(quiet, "feedback_on_time").points, sub(quiet, "feedback_satisfied").points) == (
        6,
        6,
    )
    missing = month(inputs={k: v for k, v in INPUTS.items() if k != "feedback_satisfied"})
    assert sub(missing, "feedback_satisfied").points == 0
    nothing_handled = month(
        processed_early=0, processed_on_time=0, processed_late=0, within_time=0, overdue=0,
        complaints=0,
    )  # fmt: skip
    assert sub(nothing_handled, "dossiers_satisfied").points == 0


@pytest.mark.django_db
def test_the_new_version_takes_over_from_december_2026_and_november_keeps_the_old_one():
    version = IndexVersion.objects.get(code="766-2026-12")
    assert version.criteria == index_766_2026_12.CRITERIA
    assert version.valid_from == datetime.date(2026, 12, 1)
    assert stats.current_version(stats.Month(2026, 11)).code == "766-2026"
    assert stats.current_version(stats.Month(2026, 12)).code == "766-2026-12"


@pytest.mark.django_db
@time_machine.travel("2026-05-01 08:00 +0700", tick=False)
def test_the_portals_3_5b_counts_fee_bearing_procedures_and_those_paid_online(march, department):
    """march: two dossiers processed, one paid online. A second fee-bearing procedure with
    one dossier processed and not paid online, a third with none: 1 of 3 procedures."""
    FeeFactory(procedure=march)
    unpaid = ProcedureFactory(agency=department, processing_days=3)
    FeeFactory(procedure=unpaid)
    FeeFactory(procedure=ProcedureFactory(agency=department))
    dossier = register(unpaid, department)
    services.dossier_transition(dossier=dossier, to_state="processing", user=None)
    services.dossier_transition(
        dossier=dossier, to_state="processed", user=None, at=local("2026-03-12 10:00")
    )
    month = stats.Month(2026, 3)
    figures = stats.figures(department, month)
    assert figures.fee_procedures_paid_online == 1
    assert (figures.fee_procedures, figures.processed_fee) == (3, 3)
    assert figures == stats.figures_from_raw(department, month)


def test_every_figure_the_new_version_names_has_a_name_on_the_dashboard():
    from quantri.dossiers.index_labels import FIGURE_NAMES

    named = {
        name
        for c in index_766_2026_12.CRITERIA
        for s in c["subcriteria"]
        for name in (s["numerator"], s["denominator"])
    }
    assert named - set(FIGURE_NAMES) == set()


@pytest.mark.django_db
@time_machine.travel("2026-05-01 08:00 +0700", tick=False)
def test_the_portals_3_2_counts_online_services_that_received_a_dossier_online(march, department):
    """march: its procedure offers full online service and received one dossier online. A
    second procedure offering partial online service received one at the desk only, a third
    offers none: 1 of the 2 online services was used."""
    desk_only = ProcedureFactory(agency=department, processing_days=3, online_service="partial")
    register(desk_only, department, channel="desk")
    ProcedureFactory(agency=department, online_service="none")
    month = stats.Month(2026, 3)
    figures = stats.figures(department, month)
    assert (figures.online_procedures_with_dossiers, figures.procedures_online) == (1, 2)
    assert figures == stats.figures_from_raw(department, month)
    assert sub(figures, "online_services_used").points == 2  # 1/2 × 4


@pytest.mark.django_db
def test_every_versions_source_notes_read_in_vietnamese_on_the_dashboard():
    from django.utils import translation

    from quantri.dossiers.index_labels import SOURCE_NOTES

    def groups(criteria):  # 766-2022 keeps its groups as a bare list
        return criteria["groups"] if isinstance(criteria, dict) else criteria

    notes = {
        s["source"]
        for version in IndexVersion.objects.all()
        for group in groups(version.criteria)
        for s in group.get("subcriteria") or []
        if s.get("source")
    }
    assert notes and notes - set(SOURCE_NOTES) == set()
    with translation.override("vi"):
        untranslated = [n for n in notes if translation.gettext(n) == n and "Phụ lục" not in n]
    assert untranslated == []
