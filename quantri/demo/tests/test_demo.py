from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from quantri.orgs.models import Agency, Membership, Role
from quantri.plans.models import DeadlineExtension, Plan, PlanRevision, Task

pytestmark = pytest.mark.django_db


def load() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_demo_builds_the_tree_the_users_and_the_plan():
    out = load()
    department = Agency.objects.get(code="SVHTTDL-HY")
    assert department.parent.code == "HY"
    names = set(Agency.objects.units_of(department).values_list("name", flat=True))
    assert {
        "Văn phòng Sở",
        "Thanh tra Sở",
        "Bảo tàng tỉnh",
        "Thư viện tỉnh",
        "Nhà hát Chèo Hưng Yên",
        "Ban Quản lý Di tích tỉnh",
    } <= names
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
    # The third is the inspector's remedies plan (quantri.oversight), which has no number.
    assert set(Plan.objects.values_list("number", "year")) == {
        ("18/KH-SVHTTDL", 2026),
        ("09/KH-SVHTTDL", 2021),
        ("", 2026),
    }
    plan = Plan.objects.get(agency=department, year=2026, number="18/KH-SVHTTDL")
    assert plan.is_published and plan.number == "18/KH-SVHTTDL"
    assert [g.dimension.code if g.dimension else None for g in plan.groups.all()] == [
        None,
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
    ]
    tasks = Task.objects.filter(group__plan=plan)
    # 17 from the document; other demo steps may add tasks (a procedure review's follow-up).
    assert tasks.count() >= 17 and all(g.tasks.exists() for g in plan.groups.all())
    assert not tasks.filter(lead_unit__isnull=True).exists(), "every demo task has a unit"
    assert "vanphong" in out and "demo@2026" in out
    # The plan in force was amended once, and the culture unit was granted an extension.
    assert plan.revisions.count() == 1
    assert tasks.filter(original_due_on__isnull=False, lead_unit__code="SVHTTDL-HY-QLVH").exists()


def test_demo_runs_twice_without_doubling_anything():
    load()
    counts = (
        Agency.objects.count(),
        get_user_model().objects.count(),
        Plan.objects.count(),
        Task.objects.count(),
        Membership.objects.count(),
        PlanRevision.objects.count(),
        DeadlineExtension.objects.count(),
    )
    out = load()
    assert counts == (
        Agency.objects.count(),
        get_user_model().objects.count(),
        Plan.objects.count(),
        Task.objects.count(),
        Membership.objects.count(),
        PlanRevision.objects.count(),
        DeadlineExtension.objects.count(),
    )
    assert "#" in out


def test_demo_users_can_sign_in(client):
    load()
    assert client.login(username="truongphong", password="demo@2026")


def test_the_demo_administrator_sees_an_invited_newcomer_and_a_person_who_left(client):
    """Issue 14 in the demo: the newcomer sets a password from the e-mail link; the person
    who left cannot sign in."""
    import re

    from django.core import mail

    load()
    client.login(username="quantri", password="demo@2026")
    people = {p.email: p for p in client.get("/accounts/").context["people"]}
    newcomer = people["dang.thi.mai@svhttdl.example.gov.vn"]
    assert not newcomer.has_usable_password()
    assert not people["bui.van.long@svhttdl.example.gov.vn"].is_active
    client.logout()
    invitation = next(m for m in mail.outbox if m.to == [newcomer.email])
    link = re.search(r"https?://[^/\s]+(/accounts/invitation/\S+)", invitation.body)[1]
    form = client.get(link, follow=True)
    password = "Mùa thu Hà Nội 2026"
    client.post(form.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})
    assert client.login(username=newcomer.username, password=password)


def test_demo_holds_a_department_imported_from_the_example_workbook():
    load()

    units = Agency.objects.filter(parent__code="STP-HY")
    people = Membership.objects.filter(agency__code__startswith="STP-HY")
    assert units.count() == 11 and Agency.objects.filter(parent__code="STP-HY-VP").count() == 1
    assert people.values("user").distinct().count() == 40
