"""factory_boy factories for the object graph tests need: agencies, members, plans, tasks."""

import factory
from django.contrib.auth import get_user_model

from quantri.indices.models import Dimension, Framework
from quantri.orgs.models import Agency, AgencyKind, Membership, Role
from quantri.plans.models import Plan, PlanStatus, Task, TaskGroup


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("password")


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("code",)

    kind = AgencyKind.SPECIALISED
    code = factory.Sequence(lambda n: f"UNIT{n}")
    name = factory.Sequence(lambda n: f"Phòng số {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = Role.STAFF


def papi() -> Framework:
    return Framework.objects.get(code="PAPI")


def papi_dimension(code: str) -> Dimension:
    return Dimension.objects.get(framework__code="PAPI", code=code)


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    agency = factory.SubFactory(AgencyFactory, kind=AgencyKind.DEPARTMENT)
    framework = factory.LazyFunction(papi)
    title = factory.Sequence(lambda n: f"Kế hoạch nâng cao Chỉ số PAPI số {n}")
    year = 2021
    status = PlanStatus.ACTIVE


class TaskGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskGroup

    plan = factory.SubFactory(PlanFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Nhóm nhiệm vụ {n}")


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    group = factory.SubFactory(TaskGroupFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Nhiệm vụ số {n}")
    description = factory.LazyAttribute(lambda t: t.title)
