"""The 766 index over periods, with the version of the period and the inputs behind it."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from quantri.dossiers import index_766_2026, index_inputs, stats
from quantri.dossiers.models import IndexInput, IndexVersion
from quantri.dossiers.periods import Period
from quantri.dossiers.tests.conftest import local
from quantri.feedback.models import Feedback
from quantri.feedback.tests.factories import FeedbackCategoryFactory, submit
from quantri.procedures.tests.factories import FeeFactory, ProcedureFactory

pytestmark = pytest.mark.django_db
MARCH = datetime.date(2026, 3, 1)
JULY = datetime.date(2026, 7, 1)


def test_the_migrated_2026_version_is_the_cited_data():
    version = IndexVersion.objects.get(code="766-2026")
    assert version.criteria == index_766_2026.CRITERIA
    assert version.valid_from == index_766_2026.VALID_FROM


def test_months_before_july_2026_keep_the_2022_version_and_later_ones_get_sub_criteria():
    assert stats.current_version(Period.around("month", datetime.date(2026, 6, 1))).code == (
        "766-2022"
    )
    assert stats.current_version(Period.around("month", JULY)).code == "766-2026"


@time_machine.travel("2026-05-01 08:00 +0700", tick=False)
def test_a_quarter_reads_its_months_from_the_aggregates_as_the_raw_rows_say(march, department):
    quarter = Period.around("quarter", MARCH)
    figures = stats.figures(department, quarter)
    assert figures == stats.figures_from_raw(department, quarter)
    assert figures.received == stats.figures(department, stats.Month(2026, 3)).received == 3
    assert stats.figures(department, quarter.previous()).received == 0


@time_machine.travel("2026-05-01 08:00 +0700", tick=False)
def test_paid_online_is_measured_against_the_dossiers_of_fee_bearing_procedures(march, department):
    FeeFactory(procedure=march)
    figures = stats.figures(department, Period.around("month", MARCH))
    assert (figures.fee_procedures, figures.processed_fee, figures.paid_online) == (1, 2, 1)


def test_the_office_supplies_a_months_figure_and_a_second_entry_replaces_it(alice, department):
    for value in (7, 9):
        index_inputs.index_input_record(
            user=alice, agency=department, month=JULY, figure="dossiers_synced", value=value
        )
    record = IndexInput.objects.get()
    assert record.value == 9 and record.recorded_by == alice
    assert [h.value for h in record.history.order_by("history_date")] == [7, 9]


def test_a_unit_head_and_the_inspection_board_may_not_supply_index_figures(bob, dave, department):
    for user in (bob, dave):
        with pytest.raises(PermissionDenied):
            index_inputs.index_input_record(
                user=user, agency=department, month=JULY, figure="dossiers_synced", value=1
            )
    assert not IndexInput.objects.exists()


def test_a_period_adds_flow_inputs_and_takes_the_latest_count_of_procedures(alice, department):
    for month, synced, announced in ((JULY, 5, 3), (datetime.date(2026, 8, 1), 6, 4)):
        for figure, value in (
            ("dossiers_synced", synced),
            ("procedures_announced_on_time", announced),
        ):
            index_inputs.index_input_record(
                user=alice, agency=department, month=month, figure=figure, value=value
            )
    figures = stats.figures(department, Period.around("quarter", JULY))
    assert figures.inputs == {"dossiers_synced": 11, "procedures_announced_on_time": 4}


def test_feedback_answered_in_the_period_and_on_time_come_from_the_feedback_app(
    department, culture_unit
):
    """Only feedback about a procedure counts (issue 15): items[3] is answered but not."""
    category = FeedbackCategoryFactory(unit=culture_unit)
    procedure = ProcedureFactory(agency=department)
    items = [submit(category, procedure=procedure) for _ in range(3)] + [submit(category)]
    answered = [
        (items[0], True, "2026-07-10 10:00"),
        (items[1], False, "2026-07-20 10:00"),
        (items[3], True, "2026-07-12 10:00"),
    ]
    for item, on_time, at in answered:
        Feedback.objects.filter(pk=item.pk).update(answered_at=local(at), answered_on_time=on_time)
    figures = stats.figures(department, Period.around("month", JULY))
    assert (figures.feedback_answered, figures.feedback_on_time) == (2, 1)
