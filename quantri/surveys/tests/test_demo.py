"""The demo's survey: loads fast, twice without doubling, and has results worth showing."""

import pytest

from quantri.surveys import demo
from quantri.surveys.models import Response, Survey, SurveyStatus
from quantri.surveys.reporting import survey_results
from quantri.surveys.results import OVERALL

pytestmark = pytest.mark.django_db


class Context:
    def __init__(self, department, units, plan):
        self.department, self.units, self.plan = department, units, plan

    def user(self, username):
        """The demo's office coordinator, who runs the survey (the services check it)."""
        from quantri.orgs.models import Role
        from quantri.testing.factories import MembershipFactory, UserFactory

        user = UserFactory(username=username)
        MembershipFactory(user=user, agency=self.units["VP"], role=Role.OFFICE_COORDINATOR)
        return user


@pytest.fixture
def context(department, office, library, plan):
    from quantri.testing.factories import AgencyFactory

    museum = AgencyFactory(code="T-BT", name="Bảo tàng tỉnh", parent=department)
    return Context(department, {"VP": office, "TV": library, "BT": museum}, plan)


def test_the_demo_survey_is_open_with_responses_and_weights(context):
    demo.load(context)
    demo.load(context)  # idempotent
    survey = Survey.objects.get()
    assert survey.status == SurveyStatus.OPEN and survey.service_points.count() == 3
    assert Response.objects.count() == demo.RESPONDENTS
    weighted = survey_results(survey)
    plain = survey_results(survey, weighted=False)
    assert weighted.weighted and not weighted.weighting_error

    def overall(results):
        return next(x for x in results.lines_for() if x.element == OVERALL)

    assert 60 < overall(plain).share < 95  # mostly satisfied
    assert overall(weighted).share != overall(plain).share  # weighting moves it a little
    assert abs(overall(weighted).share - overall(plain).share) < 10
    shares = {line.element_label: line.share for line in plain.lines_for()}
    assert shares["Thủ tục hành chính"] < shares["Công chức giải quyết công việc"]


def test_demo_answers_fall_on_working_days_of_the_plans_year():
    import datetime

    import time_machine

    with time_machine.travel(datetime.datetime(2026, 1, 2, 9, tzinfo=datetime.UTC)):
        days = demo._days(2026)  # run at the very start of the year: the whole year is used
    assert days[0] == datetime.date(2026, 1, 5) and days[-1].year == 2026
    assert datetime.date(2026, 2, 17) not in days  # Tết
    # Weekdays, and the Saturdays the government announced as make-up working days.
    from quantri.core.models import CalendarDay, CalendarDayKind

    worked = CalendarDay.objects.filter(kind=CalendarDayKind.WORKING_DAY)
    made_up = set(worked.values_list("date", flat=True))
    assert all(day.weekday() < 5 or day in made_up for day in days)
