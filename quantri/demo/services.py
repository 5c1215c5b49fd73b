"""Load the demo into whatever database is configured. Safe to run again: nothing doubles."""

from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction

from quantri.demo import data
from quantri.orgs.models import Agency, Membership
from quantri.plans import services as plan_services
from quantri.plans.models import Plan, Task

DOCUMENTS = Path(__file__).resolve().parent / "documents"

# Progress the demo units have already reported, so the pages show a plan in motion:
# (group order, task order) → (progress %, note).
DEMO_PROGRESS = {
    (1, 1): (100, "Đã tổ chức hội nghị triển khai ngày 12/03/2026."),
    (3, 1): (80, "Đã niêm yết 112/135 thủ tục; đang cập nhật phí, lệ phí mới."),
    (4, 1): (50, "Lịch tiếp công dân quý I, II đã công khai trên Cổng thông tin."),
    (6, 1): (40, "Đã rà soát 30 thủ tục lĩnh vực văn hóa, gia đình."),
}


@dataclass
class DemoSummary:
    plan: Plan
    plan_created: bool
    logins: list[tuple[str, str, str]] = field(default_factory=list)


@transaction.atomic
def demo_load() -> DemoSummary:
    province = _agency(data.PROVINCE, parent=None, order=0)
    department = _agency(data.DEPARTMENT, parent=province, order=0)
    units = {}
    for order, (code, kind, name, name_en, short, aliases) in enumerate(data.UNITS, start=1):
        spec = {
            "code": f"{department.code}-{code}",
            "kind": kind,
            "name": name,
            "name_en": name_en,
            "short_name": short,
            "aliases": aliases,
        }
        units[code] = _agency(spec, parent=department, order=order)
    logins = [_user(spec, department, units) for spec in data.USERS]
    plan, created = _plan(department, data.PLAN_DOCUMENT)
    past_plan, _ = _plan(department, data.PAST_PLAN_DOCUMENT)
    if created:
        _progress(plan, get_user_model().objects.get(username="vanphong"))
    context = DemoContext(
        province=province, department=department, units=units, plan=plan, past_plan=past_plan
    )
    for step in _app_demo_steps():
        step(context)
    return DemoSummary(plan=plan, plan_created=created, logins=logins)


@dataclass
class DemoContext:
    """What each app's demo step builds on. Units are keyed by their short code (VP, QLVH…)."""

    province: Agency
    department: Agency
    units: dict[str, Agency]
    plan: Plan  # the 2026 plan in force
    past_plan: Plan  # the 2021 plan, for report periods such as 2021-H1

    def user(self, username: str):
        return get_user_model().objects.get(username=username)


def _app_demo_steps():
    """Each app may ship `demo.py` with `load(context)`, run in INSTALLED_APPS order; every
    step must be idempotent like the rest of the demo."""
    for config in apps.get_app_configs():
        if config.name.startswith("quantri.") and config.name != "quantri.demo":
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.demo":
                    raise
                continue
            yield module.load


def _agency(spec: dict, parent, order: int) -> Agency:
    agency, _ = Agency.objects.update_or_create(
        code=spec["code"], defaults={**spec, "parent": parent, "order": order}
    )
    return agency


def _user(spec, department, units) -> tuple[str, str, str]:
    username, full_name, unit_code, role, position = spec
    first, _, last = full_name.rpartition(" ")
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"first_name": last, "last_name": first}
    )
    if created:
        user.set_password(data.DEMO_PASSWORD)
    user.is_staff = user.is_superuser = role == "admin"
    user.save()
    agency = units[unit_code] if unit_code else department
    Membership.objects.update_or_create(
        user=user, agency=agency, role=role, defaults={"position": position}
    )
    return username, str(Membership(role=role).get_role_display()), agency.name


def _plan(department, document: str) -> tuple[Plan, bool]:
    source = DOCUMENTS / document
    content = source.read_bytes()
    parsed = plan_services.plan_parse(data=content, filename=source.name, agency=department)
    existing = Plan.objects.filter(
        agency=department, number=parsed["plan"]["number"], year=parsed["plan"]["year"]
    ).first()
    if existing:
        return existing, False
    plan = plan_services.plan_import(
        parsed=parsed, agency=department, source=content, filename=source.name
    )
    plan_services.plan_set_published(plan=plan, user=None, published=True)
    return plan, True


def _progress(plan: Plan, user) -> None:
    for (group_order, task_order), (progress, note) in DEMO_PROGRESS.items():
        task = Task.objects.filter(
            group__plan=plan, group__order=group_order, order=task_order
        ).first()
        if task is not None:
            plan_services.task_record_progress(task=task, user=user, progress=progress, note=note)
