"""Factories for the catalogue: fields, procedures (folded name kept in sync), fees, reviews."""

import datetime

import factory

from quantri.procedures.models import (
    Fee,
    Level,
    Procedure,
    ProcedureField,
    ProcedureReview,
    Proposal,
    ReviewItem,
)
from quantri.testing.factories import AgencyFactory


class ProcedureFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcedureField
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"F{n:02d}")
    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")


class ProcedureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Procedure

    code = factory.Sequence(lambda n: f"1.{n + 100:06d}")
    name = factory.Sequence(lambda n: f"Thủ tục số {n}")
    folded_name = factory.LazyAttribute(lambda p: _fold(p.name))
    field = factory.SubFactory(ProcedureFieldFactory)
    level = Level.PROVINCE
    agency = factory.SubFactory(AgencyFactory)
    processing_days = 10
    is_published = True


def _fold(text: str) -> str:
    from quantri.core.text import fold

    return fold(text)


class FeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fee

    procedure = factory.SubFactory(ProcedureFactory)
    name = "Lệ phí"
    amount = 50000


class ProcedureReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProcedureReview

    agency = factory.SubFactory(AgencyFactory)
    year = 2026
    title = factory.Sequence(lambda n: f"Rà soát thủ tục hành chính đợt {n}")
    started_on = datetime.date(2026, 3, 1)


class ReviewItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewItem

    review = factory.SubFactory(ProcedureReviewFactory)
    procedure = factory.SubFactory(ProcedureFactory)
    proposal = Proposal.AMEND
    reasons = "Rút ngắn thời hạn giải quyết từ 10 xuống 7 ngày làm việc."
