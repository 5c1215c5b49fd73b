"""Two agencies side by side, for tests that ask "who may do this, on whose objects?".

Agency A is the demo department (Hưng Yên → its Department of Culture, Sports and Tourism),
loaded through the same code `make run` uses, so it holds an object of every kind a URL takes
an id or code of: plans, groups, tasks, evidence, report periods, unit reports, consolidated
reports, procedures and reviews, feedback and attachments, reception sessions and dialogues,
disclosures, dossiers and their slips, surveys with points and responses. Agency B is a
department of another province with its office, two units and objects of its own. Each holds
one user per role (`Role`), none of them a superuser: the administrator is a role held in a
unit, as the access rules read it.
"""

import datetime
from dataclasses import dataclass, field

from quantri.demo.services import DOCUMENTS as DEMO_DOCUMENTS
from quantri.demo.services import demo_load
from quantri.orgs.models import Agency, AgencyKind, Role
from quantri.testing.factories import (
    AgencyFactory,
    MembershipFactory,
    PlanFactory,
    TaskFactory,
    TaskGroupFactory,
    UserFactory,
    papi_dimension,
)

ROLES = [
    Role.LEADER,
    Role.OFFICE_COORDINATOR,
    Role.UNIT_HEAD,
    Role.STAFF,
    Role.INSPECTION_BOARD,
    Role.ADMIN,
    Role.INSPECTOR,
]


@dataclass
class Side:
    """One agency: its department, office and units, and a user per role."""

    name: str
    department: Agency
    office: Agency
    unit: Agency  # where the unit head and the staff member sit
    users: dict[str, object] = field(default_factory=dict)
    objects: dict[str, object] = field(default_factory=dict)

    def place_of(self, role: str) -> Agency:
        """Leaders, the board and administrators hold their role in the department, the
        coordinator in the Office (Văn phòng), unit heads and staff in a unit."""
        if role == Role.OFFICE_COORDINATOR:
            return self.office
        if role in (Role.UNIT_HEAD, Role.STAFF):
            return self.unit
        return self.department


@dataclass
class World:
    a: Side
    b: Side

    def identities(self) -> list[tuple[str, object | None]]:
        """(label, user): anonymous, then each role of A, then each role of B."""
        people = [("anonymous", None)]
        for side in (self.a, self.b):
            people += [(f"{side.name}:{role}", side.users[role]) for role in ROLES]
        return people


def build_world() -> World:
    demo_load()
    _few_scores()
    department = Agency.objects.get(code="SVHTTDL-HY")
    a = Side(
        name="A",
        department=department,
        office=Agency.objects.get(code="SVHTTDL-HY-VP"),
        unit=Agency.objects.get(code="SVHTTDL-HY-QLVH"),
    )
    b = _agency_b()
    for side in (a, b):
        for role in ROLES:
            user = UserFactory(username=f"{side.name.lower()}-{role}")
            MembershipFactory(user=user, agency=side.place_of(role), role=role)
            side.users[role] = user
    _objects_of_b(b)
    a.objects = _objects_of_a(a)
    return World(a=a, b=b)


def _few_scores() -> None:
    """Two provinces' 2024 scores instead of the real 2011–2024 table the demo reads when the
    shared data is there: the same pages whatever the machine, and fast ones."""
    from quantri.indices.models import ScoreRecord
    from quantri.indices.tests.factories import add_scores, even_scores

    ScoreRecord.objects.all().delete()
    add_scores(2024, {"P21": even_scores(1.2), "P01": even_scores(1.5)})


def _agency_b() -> Side:
    province = AgencyFactory(code="B-PROV", kind=AgencyKind.PROVINCE, name="UBND tỉnh Thái Bình")
    department = AgencyFactory(
        code="B-DEPT", kind=AgencyKind.DEPARTMENT, name="Sở Y tế", parent=province
    )
    office = AgencyFactory(
        code="B-VP", kind=AgencyKind.OFFICE, name="Văn phòng Sở Y tế", parent=department
    )
    unit = AgencyFactory(
        code="B-NVY", kind=AgencyKind.SPECIALISED, name="Phòng Nghiệp vụ Y", parent=department
    )
    AgencyFactory(
        code="B-TTYT", kind=AgencyKind.PUBLIC_SERVICE, name="Trung tâm Y tế", parent=department
    )
    return Side(name="B", department=department, office=office, unit=unit)


def _objects_of_b(b: Side) -> None:
    """B's own plan, feedback, procedure and survey: what B's people see instead of A's."""
    from quantri.feedback.tests.factories import FeedbackCategoryFactory, submit
    from quantri.procedures.tests.factories import ProcedureFactory
    from quantri.surveys.tests.factories import ServicePointFactory, SurveyFactory

    plan = PlanFactory(agency=b.department, number="12/KH-SYT", year=2026, is_published=True)
    group = TaskGroupFactory(plan=plan, order=1, dimension=papi_dimension("2"))
    TaskFactory(group=group, order=1, lead_unit=b.unit, due_on=datetime.date(2026, 9, 30))
    category = FeedbackCategoryFactory(code="b-kham-benh", name="Khám chữa bệnh", unit=b.unit)
    submit(category, text="Phòng khám đông, chờ quá lâu.")
    ProcedureFactory(code="1.900001", agency=b.department, name="Cấp chứng chỉ hành nghề")
    survey = SurveyFactory(agency=b.department, title="Khảo sát bệnh viện")
    ServicePointFactory(survey=survey, unit=b.office, code="b-mot-cua")


def _objects_of_a(a: Side) -> dict[str, object]:
    """One object of each kind a URL names, in A: the demo's, plus the files and letters the
    demo does not make. Where there is a choice, the one the unit (QLVH) handles."""
    from django.core.files.base import ContentFile
    from django.db.models import Q
    from django.utils import timezone

    from quantri.disclosures.models import Disclosure
    from quantri.dossiers import services as dossier_services
    from quantri.dossiers.models import Dossier
    from quantri.feedback.models import Feedback, FeedbackAttachment
    from quantri.indices.models import Province
    from quantri.oversight.models import Inspection, InspectionPlan
    from quantri.plans import services as plan_services
    from quantri.plans.models import Evidence, Plan, Task
    from quantri.procedures.models import Procedure, ProcedureReview
    from quantri.reception.models import Dialogue, ReceptionMatter, ReceptionSession
    from quantri.reports.models import ReportEvidence, ReportingPeriod, TaskReport
    from quantri.surveys.models import Survey

    department, unit = a.department, a.unit
    plan = Plan.objects.filter(agency=department).order_by("-year", "pk").first()
    task = Task.objects.filter(group__plan=plan, lead_unit=unit).first()
    evidence = Evidence(task=task, title="Biên bản hội nghị")
    evidence.file.save("bien-ban.txt", ContentFile(b"Bien ban"), save=True)
    document = (DEMO_DOCUMENTS / "ke-hoach-papi-2026-demo.txt").read_bytes()
    plan_import = plan_services.plan_import_draft(
        agency=department,
        user=a.users[Role.OFFICE_COORDINATOR],
        data=document,
        filename="ke-hoach.txt",
    )
    period = ReportingPeriod.objects.filter(plan__agency=department).order_by("pk").first()
    request = period.requests.get(unit=unit)
    task_report = TaskReport.objects.filter(report__request=request).first()
    report_evidence = ReportEvidence(task_report=task_report, title="Ảnh")
    report_evidence.file.save("anh.txt", ContentFile(b"Anh"), save=True)
    feedback = Feedback.objects.filter(department=department, assigned_unit=unit).first()
    attachment = FeedbackAttachment(
        feedback=feedback, original_name="anh.jpg", kind="image", size=3
    )
    attachment.file.save("anh.jpg", ContentFile(b"JPG"), save=True)
    review = ProcedureReview.objects.filter(agency=department).first()
    dialogue = Dialogue.objects.filter(agency=department).first()
    received = Dossier.objects.filter(agency=department, state="received").order_by("pk")
    dossier, waiting = received[0], received[1]
    dossier_services.dossier_request_additional(
        dossier=waiting, user=None, items="Bản sao giấy tờ tùy thân"
    )
    late = Dossier.objects.filter(
        Q(state="processed", outcome="late")
        | Q(state__in=["received", "processing"], due_at__lt=timezone.now()),
        agency=department,
    ).first()
    disclosure = Disclosure.objects.filter(agency=department, audience="internal").first()
    disclosure.attachment.save("quyet-dinh.pdf", ContentFile(b"%PDF-1.4"), save=False)
    disclosure.attachment_name = "quyet-dinh.pdf"
    disclosure.save(update_fields=["attachment", "attachment_name"])
    survey = Survey.objects.filter(agency=department).order_by("pk").first()
    revision, extension = _plan_life_of(plan, task)
    desk_officer, rotation, desk_check = _desk_staff_of(a)
    objects = {
        "plan": plan,
        "task": task,
        "group": task.group,
        "evidence": evidence,
        "plan_import": plan_import,
        "revision": revision,
        "extension": extension,
        "report_plan": period.plan,
        "period": period,
        "report_request": request,
        "report_evidence": report_evidence,
        "procedure": Procedure.objects.filter(agency=department, is_published=True).first(),
        "review": review,
        "review_item": review.items.first(),
        "feedback": feedback,
        "feedback_attachment": attachment,
        "session": ReceptionSession.objects.filter(agency=department).first(),
        "matter": ReceptionMatter.objects.filter(record__session__agency=department).first(),
        "dialogue": dialogue,
        "commitment": dialogue.commitments.first(),
        "disclosure": disclosure,
        "dossier": dossier,
        "late_dossier": late,
        "letter": waiting.letters.first(),
        "survey": survey,
        "inspection": Inspection.objects.filter(agency=department).first(),
        "inspection_plan": InspectionPlan.objects.filter(agency=department).first(),
        "section": survey.sections.first(),
        "question": survey.questions.first(),
        "point": survey.service_points.first(),
        "province": Province.objects.get(code="P21"),
        "unit": unit,
        "person": a.users[Role.STAFF],
        "membership": a.users[Role.STAFF].memberships.first(),
        "desk_officer": desk_officer,
        "rotation": rotation,
        "desk_check": desk_check,
        **_quality_of(department),
    }
    missing = sorted(kind for kind, found in objects.items() if found is None)
    if missing:
        raise LookupError(f"the demo no longer holds these for the test world: {missing}")
    return objects


def _desk_staff_of(a: Side) -> tuple:
    """A's staff member placed at the desk (so that the matrix shows the person reading their
    own figures and working the desk), the office's check of them, and a rotation of the
    demo's not yet done."""
    from quantri.deskstaff import services
    from quantri.deskstaff.models import Rotation
    from quantri.dossiers.models import ReceivingBody

    officer = a.users[Role.STAFF]
    services.assignment_create(
        user=None,
        person=officer,
        receiving_body=ReceivingBody.objects.get(agency=a.department),
        valid_from=datetime.date(2026, 1, 1),
    )
    rotation = Rotation.objects.filter(agency=a.department, done_on__isnull=True).first()
    check = services.check_record(
        user=a.users[Role.OFFICE_COORDINATOR],
        person=officer,
        agency=a.department,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 3, 31),
        assessment="meets",
    )
    return officer, rotation, check


def _plan_life_of(plan, task) -> tuple:
    """An amendment of A's plan and a unit's extension request on its task, waiting."""
    import datetime

    from quantri.plans import amending
    from quantri.plans.models import DeadlineExtension

    revision = plan.revisions.order_by("number").first() or amending.plan_revise(
        plan=plan,
        user=None,
        issued_on=plan.issued_on or datetime.date(plan.year, 1, 1),
        reason="Bổ sung nhiệm vụ",
        document_number="99/KH-SVHTTDL",
    )
    pending = task.extensions.filter(status="pending").first()
    due = task.due_on or datetime.date(plan.year, 6, 30)
    extension = pending or DeadlineExtension.objects.create(
        task=task,
        previous_due_on=due,
        requested_due_on=due + datetime.timedelta(days=90),
        reason="Chờ kinh phí",
    )
    return revision, extension


def _quality_of(department) -> dict[str, object]:
    """The quality system's objects of the demo (quantri.quality.demo), issue 17."""
    from quantri.quality.models import Audit, Declaration, ManagementReview, QualityProcess

    process = QualityProcess.objects.filter(agency=department).first()
    audit = Audit.objects.filter(agency=department).first()
    finding = audit.findings.filter(kind="nonconformity").first() if audit else None
    return {
        "quality_process": process,
        "process_version": process.versions.first() if process else None,
        "declaration": Declaration.objects.filter(agency=department).first(),
        "audit": audit,
        "finding": finding,
        "corrective_action": getattr(finding, "corrective_action", None),
        "management_review": ManagementReview.objects.filter(agency=department).first(),
    }
