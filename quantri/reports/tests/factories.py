"""Factories for periodic reports."""

import datetime

import factory

from quantri.plans.models import Frequency
from quantri.reports.models import (
    ReportingPeriod,
    ReportingRegime,
    ReportRequest,
    ReportStatus,
    UnitReport,
)
from quantri.testing.factories import AgencyFactory, PlanFactory


class ReportingRegimeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingRegime
        django_get_or_create = ("plan", "frequency")

    plan = factory.SubFactory(PlanFactory)
    frequency = Frequency.SEMIANNUAL


class ReportingPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingPeriod

    regime = factory.SubFactory(ReportingRegimeFactory)
    plan = factory.SelfAttribute("regime.plan")
    code = "2021-H1"
    starts_on = datetime.date(2020, 12, 15)
    ends_on = datetime.date(2021, 6, 14)
    deadline = datetime.date(2021, 6, 21)


class ReportRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportRequest

    period = factory.SubFactory(ReportingPeriodFactory)
    unit = factory.SubFactory(AgencyFactory)


class UnitReportFactory(factory.django.DjangoModelFactory):
    """A report straight in a state, for completeness counts (the workflow is tested through
    the services)."""

    class Meta:
        model = UnitReport

    request = factory.SubFactory(ReportRequestFactory)
    status = ReportStatus.DRAFT
    submitted_at = factory.Maybe(
        factory.LazyAttribute(lambda r: r.status != ReportStatus.DRAFT),
        yes_declaration=factory.LazyFunction(
            lambda: datetime.datetime(2021, 6, 18, 9, tzinfo=datetime.UTC)
        ),
        no_declaration=None,
    )
    accepted_at = factory.Maybe(
        factory.LazyAttribute(lambda r: r.status == ReportStatus.ACCEPTED),
        yes_declaration=factory.LazyFunction(
            lambda: datetime.datetime(2021, 6, 25, 9, tzinfo=datetime.UTC)
        ),
        no_declaration=None,
    )
