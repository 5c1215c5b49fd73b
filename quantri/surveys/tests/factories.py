"""Factories for surveys; questions come with the choices or scale their type needs."""

import factory

from quantri.surveys.models import (
    Choice,
    Question,
    QuestionType,
    Section,
    ServicePoint,
    Survey,
    SurveyStatus,
)
from quantri.testing.factories import AgencyFactory


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    agency = factory.SubFactory(AgencyFactory)
    title = factory.Sequence(lambda n: f"Khảo sát số {n}")
    status = SurveyStatus.DRAFT


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    survey = factory.SubFactory(SurveyFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Yếu tố {n}")


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question
        skip_postgeneration_save = True

    survey = factory.SubFactory(SurveyFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Câu hỏi {n}")
    type = QuestionType.LIKERT
    likert_points = factory.LazyAttribute(lambda q: 5 if q.type == QuestionType.LIKERT else None)

    @factory.post_generation
    def choices(self, create, extracted, **kwargs):
        """choices=["co", "khong"] adds those codes (labelled the same)."""
        for order, value in enumerate(extracted or [], start=1):
            Choice.objects.create(question=self, order=order, value=value, label=value.title())


class ServicePointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServicePoint

    survey = factory.SubFactory(SurveyFactory)
    name = factory.Sequence(lambda n: f"Quầy số {n}")
    unit = factory.LazyAttribute(lambda p: p.survey.agency)
    code = factory.Sequence(lambda n: f"quay-{n}")
