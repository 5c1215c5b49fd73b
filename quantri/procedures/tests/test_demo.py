import pytest
from django.core.management import call_command

from quantri.demo.services import DemoContext
from quantri.disclosures import demo as disclosures_demo
from quantri.disclosures.models import Disclosure
from quantri.orgs.models import Agency
from quantri.plans.models import Plan, Task
from quantri.procedures import demo as procedures_demo
from quantri.procedures.models import Procedure, ProcedureField, ReviewItem

pytestmark = pytest.mark.django_db


def counts() -> tuple:
    return (
        ProcedureField.objects.count(),
        Procedure.objects.count(),
        Procedure.history.count(),
        ReviewItem.objects.count(),
        Task.objects.count(),
        Disclosure.objects.count(),
    )


def test_the_demo_catalogue_review_and_notices_load_once(tmp_path):
    call_command("demo", stdout=open(tmp_path / "out", "w"))
    first = counts()
    assert 30 <= first[1] <= 60 and first[0] >= 9
    assert Procedure.objects.published().search("giay phep le hoi").exists()
    [spawned] = ReviewItem.objects.exclude(task=None)
    assert spawned.proposal == "amend" and spawned.task.group.dimension.code == "5"
    assert spawned.task.group.plan.year == 2026
    assert [d.status() for d in Disclosure.objects.late()] == ["late"]
    assert Disclosure.objects.overdue().exists()
    context = demo_context()
    procedures_demo.load(context)
    disclosures_demo.load(context)
    assert counts() == first


def demo_context() -> DemoContext:
    """The context the demo gave the apps, rebuilt from the database, to run our steps again
    without reloading the whole demo."""
    department = Agency.objects.get(code="SVHTTDL-HY")
    prefix = f"{department.code}-"
    # The department also holds the plan of remedies the demo's inspection made; the demo's
    # own plans are the imported ones.
    imported = Plan.objects.filter(agency=department).exclude(source_filename="")
    return DemoContext(
        province=department.parent,
        department=department,
        units={a.code.removeprefix(prefix): a for a in Agency.objects.filter(parent=department)},
        plan=imported.get(year=2026),
        past_plan=imported.get(year=2021),
    )
