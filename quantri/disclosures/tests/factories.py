import datetime

import factory

from quantri.disclosures.models import Disclosure, DisclosureCategory
from quantri.testing.factories import AgencyFactory


class DisclosureCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DisclosureCategory
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"cat{n}")
    name = factory.Sequence(lambda n: f"Nhóm công khai {n}")
    limit_working_days = 5


class DisclosureFactory(factory.django.DjangoModelFactory):
    """Built directly, so tests say the due date they mean; the service computes it."""

    class Meta:
        model = Disclosure

    agency = factory.SubFactory(AgencyFactory)
    category = factory.SubFactory(DisclosureCategoryFactory)
    title = factory.Sequence(lambda n: f"Thông báo số {n}")
    audience = "public"
    decision_date = datetime.date(2026, 3, 2)
    due_on = datetime.date(2026, 3, 9)
    published_on = datetime.date(2026, 3, 4)
