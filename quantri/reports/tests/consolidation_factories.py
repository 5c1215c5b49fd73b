"""Generated departments with plans, a period and reports in every state, for the
consolidation tests and bench/consolidate.py. Rows go in with bulk_create: a province of 40
departments × 60 tasks is built in seconds."""

import datetime
from dataclasses import dataclass

from quantri.orgs.models import Agency, AgencyKind
from quantri.plans.models import Task, TaskGroup, TaskStatus
from quantri.reports.models import ReportRequest, ReportStatus, TaskReport, UnitReport
from quantri.reports.tests.factories import ReportingPeriodFactory, ReportingRegimeFactory
from quantri.testing.factories import PlanFactory, papi_dimension

SUBMITTED_ON_TIME = datetime.datetime(2021, 6, 18, 9, tzinfo=datetime.UTC)
SUBMITTED_LATE = datetime.datetime(2021, 6, 24, 9, tzinfo=datetime.UTC)
ACCEPTED_AT = datetime.datetime(2021, 6, 28, 9, tzinfo=datetime.UTC)
# What each unit's report is, in turn: (status, late); None = no report at all.
STATES = [
    (ReportStatus.ACCEPTED, False),
    (ReportStatus.SUBMITTED, False),
    (ReportStatus.ACCEPTED, True),
    (ReportStatus.SUBMITTED, True),
    (ReportStatus.RETURNED, False),
    (ReportStatus.DRAFT, False),
    None,
]
GROUPS = [("Công tác chỉ đạo, điều hành", None)] + [
    (f"Nhóm nhiệm vụ chỉ số {code}", str(code)) for code in range(1, 9)
]


@dataclass
class Department:
    agency: Agency
    units: list[Agency]
    plan: object
    period: object
    tasks: list[Task]


def make_department(
    *, province: Agency, index: int, units: int = 10, tasks: int = 60, code: str = "2021-H1"
) -> Department:
    department = Agency.objects.create(
        parent=province,
        kind=AgencyKind.DEPARTMENT,
        code=f"GEN-D{index}",
        name=f"Sở số {index}",
        order=index,
    )
    unit_list = Agency.objects.bulk_create(
        Agency(
            parent=department,
            kind=AgencyKind.SPECIALISED,
            code=f"GEN-D{index}-U{u}",
            name=f"Phòng {u} của Sở {index}",
            order=u,
        )
        for u in range(1, units + 1)
    )
    plan = PlanFactory(
        agency=department,
        number=f"{index % 99 + 1}/KH-SGEN{index}",
        title=f"Kế hoạch nâng cao Chỉ số PAPI của Sở số {index} năm 2021",
        recipients=["UBND tỉnh", "Lãnh đạo Sở", "Lưu: VT"],
        signer_name="Nguyễn Văn A",
        signer_position="Phó Giám đốc",
        signer_authority="KT. GIÁM ĐỐC",
    )
    task_list = _tasks(plan, unit_list, tasks)
    regime = ReportingRegimeFactory(plan=plan)
    period = ReportingPeriodFactory(regime=regime, plan=plan, code=code)
    _reports(period, unit_list, task_list)
    return Department(department, unit_list, plan, period, task_list)


def _tasks(plan, units: list[Agency], count: int) -> list[Task]:
    dimensions = {code: papi_dimension(code) for _, code in GROUPS if code}
    groups = TaskGroup.objects.bulk_create(
        TaskGroup(plan=plan, order=order, title=title, dimension=dimensions.get(code))
        for order, (title, code) in enumerate(GROUPS, start=1)
    )
    rows = []
    for n in range(count):
        status, progress = _task_state(n)
        rows.append(
            Task(
                group=groups[n % len(groups)],
                order=n // len(groups) + 1,
                title=f"Nhiệm vụ số {n + 1}",
                lead_unit=units[n % len(units)],
                weight=1 + n % 3,
                status=status,
                progress=progress,
            )
        )
    return Task.objects.bulk_create(rows)


def _task_state(n: int) -> tuple[str, int]:
    if n % 5 == 0:
        return TaskStatus.DONE, 100
    if n % 7 == 0:
        return TaskStatus.NOT_STARTED, 0
    return TaskStatus.IN_PROGRESS, (n * 13) % 95 + 1


def _reports(period, units: list[Agency], tasks: list[Task]) -> None:
    requests = ReportRequest.objects.bulk_create(
        ReportRequest(period=period, unit=unit) for unit in units
    )
    reports = []
    for i, request in enumerate(requests):
        state = STATES[i % len(STATES)]
        if state is None:
            continue
        status, late = state
        sent = status != ReportStatus.DRAFT
        reports.append(
            UnitReport(
                request=request,
                status=status,
                is_late=late,
                submitted_at=(SUBMITTED_LATE if late else SUBMITTED_ON_TIME) if sent else None,
                accepted_at=ACCEPTED_AT if status == ReportStatus.ACCEPTED else None,
                difficulties=f"Khó khăn của {request.unit.name}.",
                proposals=f"Đề xuất của {request.unit.name}.",
            )
        )
    reports = UnitReport.objects.bulk_create(reports)
    by_unit = {report.request.unit_id: report for report in reports}
    TaskReport.objects.bulk_create(
        TaskReport(
            report=by_unit[task.lead_unit_id],
            task=task,
            status=task.status,
            progress=task.progress,
            done=f"Đã thực hiện {task.title.lower()}.",
            figures={"Số văn bản ban hành": 1 + task.order % 4},
        )
        for task in tasks
        if task.lead_unit_id in by_unit
    )


def make_province(*, departments: int, units: int = 10, tasks: int = 60, code: str = "2021-H1"):
    province = Agency.objects.create(
        kind=AgencyKind.PROVINCE, code="GEN-P", name="Ủy ban nhân dân tỉnh Sinh Thử"
    )
    made = [
        make_department(province=province, index=i, units=units, tasks=tasks, code=code)
        for i in range(1, departments + 1)
    ]
    return province, made


@dataclass
class World:
    """A small department computed by hand (see test_consolidation_documents.py)."""

    plan: object
    period: object
    tasks: dict
    units: dict


def make_world(*, plan, department, office, culture_unit, library) -> World:
    """Four units, five tasks, reports in four states:

    - culture: accepted on time — 2.1 at 60% (task itself still at 10%), 3.1 at 40%;
    - library: submitted late — 2.2 done, and its part of 2.1 as a supporting unit;
    - office: returned — its text on 1.1 must not show; 1.1 stays at the task's 70%;
    - inspectorate: nothing — missing; its task 3.2 is cancelled.
    """
    from quantri.testing.factories import AgencyFactory, TaskFactory, TaskGroupFactory

    inspectorate = AgencyFactory(
        code="T-TTRA", kind=AgencyKind.SPECIALISED, name="Thanh tra Sở", parent=department, order=9
    )
    for order, unit in enumerate([office, culture_unit, library], start=1):
        unit.order = order
        unit.save(update_fields=["order"])
    plan.title = "Kế hoạch nâng cao Chỉ số hiệu quả quản trị và hành chính công (PAPI) năm 2021"
    plan.issued_on = datetime.date(2021, 2, 22)
    plan.recipients = ["UBND tỉnh", "Lãnh đạo Sở", "Lưu: VT"]
    plan.signer_name, plan.signer_position = "Đào Mạnh Huân", "Phó Giám đốc"
    plan.signer_authority = "KT. GIÁM ĐỐC"
    plan.save()
    lead = TaskGroupFactory(plan=plan, order=1, title="Công tác chỉ đạo, điều hành")
    open_ = TaskGroupFactory(plan=plan, order=2, title="Công khai", dimension=papi_dimension("2"))
    tthc = TaskGroupFactory(plan=plan, order=3, title="TTHC", dimension=papi_dimension("5"))

    def task(group, order, unit, title, status, progress, weight=1):
        return TaskFactory(
            group=group,
            order=order,
            lead_unit=unit,
            title=title,
            status=status,
            progress=progress,
            weight=weight,
        )

    tasks = {
        "1.1": task(lead, 1, office, "Ban hành kế hoạch", TaskStatus.IN_PROGRESS, 70),
        "2.1": task(open_, 1, culture_unit, "Niêm yết thủ tục", TaskStatus.IN_PROGRESS, 10, 2),
        "2.2": task(open_, 2, library, "Công khai lịch tiếp dân", TaskStatus.DONE, 100),
        "3.1": task(tthc, 1, culture_unit, "Rà soát thủ tục", TaskStatus.IN_PROGRESS, 40),
        "3.2": task(tthc, 2, inspectorate, "Kiểm tra", TaskStatus.CANCELLED, 0),
    }
    tasks["2.1"].support_units.add(library)
    period = ReportingPeriodFactory(regime=ReportingRegimeFactory(plan=plan), plan=plan)
    units = {"office": office, "culture": culture_unit, "library": library, "insp": inspectorate}
    requests = {k: ReportRequest.objects.create(period=period, unit=u) for k, u in units.items()}

    def report(key, status, late, **texts):
        sent = status != ReportStatus.DRAFT
        return UnitReport.objects.create(
            request=requests[key],
            status=status,
            is_late=late,
            submitted_at=(SUBMITTED_LATE if late else SUBMITTED_ON_TIME) if sent else None,
            accepted_at=ACCEPTED_AT if status == ReportStatus.ACCEPTED else None,
            **texts,
        )

    culture = report(
        "culture",
        ReportStatus.ACCEPTED,
        False,
        difficulties="Thiếu cán bộ.",
        proposals="Bổ sung biên chế.",
    )
    library_report = report("library", ReportStatus.SUBMITTED, True)
    office_report = report("office", ReportStatus.RETURNED, False)
    TaskReport.objects.create(
        report=culture,
        task=tasks["2.1"],
        status=TaskStatus.IN_PROGRESS,
        progress=60,
        done="Đã niêm yết 112/135 thủ tục.",
        figures={"Số thủ tục niêm yết": 112, "Tỷ lệ niêm yết (%)": 83},
    )
    TaskReport.objects.create(
        report=culture,
        task=tasks["3.1"],
        status=TaskStatus.IN_PROGRESS,
        progress=40,
        done="Đã rà soát 30 thủ tục.",
    )
    TaskReport.objects.create(
        report=library_report,
        task=tasks["2.2"],
        status=TaskStatus.DONE,
        progress=100,
        done="Đã công khai lịch tiếp công dân quý I, II.",
    )
    TaskReport.objects.create(
        report=library_report,
        task=tasks["2.1"],
        status=TaskStatus.IN_PROGRESS,
        progress=50,
        done="Phối hợp niêm yết tại Thư viện.",
        figures={"Số thủ tục niêm yết": 8},
    )
    TaskReport.objects.create(
        report=office_report,
        task=tasks["1.1"],
        status=TaskStatus.DONE,
        progress=100,
        done="Văn bản bị trả lại.",
    )
    return World(plan=plan, period=period, tasks=tasks, units=units)
