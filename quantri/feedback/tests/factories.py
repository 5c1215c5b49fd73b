"""Factories for feedback tests: categories built directly, items through the real service."""

import factory

from quantri.feedback import services
from quantri.feedback.models import FeedbackCategory
from quantri.testing.factories import AgencyFactory


class FeedbackCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackCategory
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"category-{n}")
    name = factory.Sequence(lambda n: f"Lĩnh vực số {n}")
    unit = factory.SubFactory(AgencyFactory)


def submit(category, text="Biển quảng cáo che khuất tầm nhìn tại ngã tư.", **kwargs):
    return services.feedback_submit(category=category, text=text, **kwargs)
