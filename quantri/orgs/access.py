"""Who may do what, on which unit's objects.

Roles are held in a unit; a role held in an agency reaches down its subtree. Leaders and office
coordinators manage their agency's plans; unit heads and staff act on the tasks their unit
leads; People's Inspection Board members read only; administrators do everything.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Q
from django.utils import timezone

from quantri.orgs.models import Agency, Membership, Role

MANAGER_ROLES = {Role.LEADER, Role.OFFICE_COORDINATOR, Role.ADMIN}
TASK_ROLES = {Role.UNIT_HEAD, Role.STAFF}


@dataclass
class Access:
    user: object
    memberships: list[Membership] = field(default_factory=list)

    @classmethod
    def for_user(cls, user) -> "Access":
        if not getattr(user, "is_authenticated", False):
            return cls(user=user)
        memberships = list(Membership.objects.active().filter(user=user).select_related("agency"))
        return cls(user=user, memberships=memberships)

    @property
    def is_superuser(self) -> bool:
        return bool(getattr(self.user, "is_superuser", False))

    @cached_property
    def managed_agency_ids(self) -> set[int]:
        """Agencies whose plans, reports and public side this user manages: the subtree of each
        unit where they hold a managing role — and, where that unit is an Office, the whole
        agency above it, since the Department Office coordinates for the department."""
        ids: set[int] = set()
        for membership in self.memberships:
            if membership.role in MANAGER_ROLES:
                unit = membership.agency
                root = unit.parent if unit.kind == "office" and unit.parent_id else unit
                ids |= Agency.objects.subtree_ids(root)
        return ids

    @cached_property
    def visible_agency_ids(self) -> set[int]:
        """Agencies whose internal plans this user may read: the whole department of any unit
        they belong to, since units work from the department's plan."""
        ids: set[int] = set()
        for membership in self.memberships:
            ids |= Agency.objects.subtree_ids(_department_of(membership.agency))
        return ids

    @cached_property
    def task_unit_ids(self) -> set[int]:
        return {m.agency_id for m in self.memberships if m.role in TASK_ROLES}

    def can_manage_agency(self, agency_id: int) -> bool:
        return self.is_superuser or agency_id in self.managed_agency_ids

    # The Decision 766 index's hand-supplied inputs (quantri.dossiers.index_inputs): the office
    # compiles the agency's figures, so office coordinators and administrators supply them;
    # leaders read the dashboard and sign off, they do not type the figures.
    def can_supply_index_inputs(self, agency_id: int) -> bool:
        if self.is_superuser:
            return True
        roles = {Role.OFFICE_COORDINATOR, Role.ADMIN}
        reach: set[int] = set()
        for membership in self.memberships:
            if membership.role in roles:
                unit = membership.agency
                root = unit.parent if unit.kind == "office" and unit.parent_id else unit
                reach |= Agency.objects.subtree_ids(root)
        return agency_id in reach

    def can_view_plan(self, plan) -> bool:
        if self.is_superuser or plan.agency_id in self.visible_agency_ids:
            return True
        return plan.is_published and plan.status != "draft"

    def can_manage_plan(self, plan) -> bool:
        return self.can_manage_agency(plan.agency_id)

    def can_update_task(self, task) -> bool:
        if self.can_manage_plan(task.group.plan):
            return True
        return task.lead_unit_id is not None and task.lead_unit_id in self.task_unit_ids

    def manageable_agencies(self):
        if self.is_superuser:
            return Agency.objects.all()
        return Agency.objects.filter(pk__in=self.managed_agency_ids)

    @classmethod
    def for_request(cls, request) -> "Access":
        """One Access per request, shared by the view and the page's navigation."""
        if getattr(request, "_quantri_access", None) is None:
            request._quantri_access = cls.for_user(request.user)
        return request._quantri_access

    def manages_any_agency(self) -> bool:
        """Leaders, office coordinators and administrators: they follow up and import plans."""
        return self.is_superuser or bool(self.managed_agency_ids)

    def viewable_plans(self, plans):
        """can_view_plan as a filter on a Plan QuerySet, for lists."""
        if self.is_superuser:
            return plans
        return plans.filter(
            Q(agency_id__in=self.visible_agency_ids) | (Q(is_published=True) & ~Q(status="draft"))
        )

    def can_read_plan_internals(self, plan) -> bool:
        """Progress notes and evidence stay inside the plan's department (and its oversight):
        a published plan shows the public only its tasks' status and progress."""
        return self.is_superuser or plan.agency_id in self.visible_agency_ids

    # Periodic reports (quantri.reports). A unit's report is the unit's own until it is
    # submitted: the office sees it from then on, the People's Inspection Board once it is
    # submitted or accepted, and no other unit ever.

    def can_manage_reports(self, plan) -> bool:
        """Open and close periods, accept and return reports, edit the consolidated report."""
        return self.is_superuser or plan.agency_id in self.managed_agency_ids

    @cached_property
    def inspection_agency_ids(self) -> set[int]:
        """The People's Inspection Board oversees its whole department, wherever it sits."""
        ids: set[int] = set()
        for membership in self.memberships:
            if membership.role == Role.INSPECTION_BOARD:
                ids |= Agency.objects.subtree_ids(_department_of(membership.agency))
        return ids

    def can_oversee_reports(self, plan) -> bool:
        """Read the period's completeness and its submitted reports (oversight, never writes)."""
        return self.can_manage_reports(plan) or plan.agency_id in self.inspection_agency_ids

    def is_report_unit_member(self, unit_id: int) -> bool:
        return unit_id in self.task_unit_ids

    def is_unit_head(self, unit_id: int) -> bool:
        return any(m.agency_id == unit_id and m.role == Role.UNIT_HEAD for m in self.memberships)

    def can_view_unit_report(self, request, status: str | None) -> bool:
        """`status` is the report's, None when the unit has not started one."""
        if self.is_superuser or self.is_report_unit_member(request.unit_id):
            return True
        plan = request.period.plan
        if status in (None, "draft"):
            return False
        if self.can_manage_reports(plan):
            return True
        return status in ("submitted", "accepted") and self.can_oversee_reports(plan)

    def can_edit_unit_report(self, request) -> bool:
        """Staff and the head of the unit draft its report."""
        return self.is_superuser or self.is_report_unit_member(request.unit_id)

    def can_submit_unit_report(self, request) -> bool:
        """Only the head of the unit answers for it (staff draft, the head submits)."""
        return self.is_superuser or self.is_unit_head(request.unit_id)

    def can_review_unit_report(self, request) -> bool:
        return self.can_manage_reports(request.period.plan)

    def report_unit_ids(self) -> set[int]:
        """Units whose reports this user drafts ("my unit's reports")."""
        return set(self.task_unit_ids)

    # The public side: procedure catalogue, disclosures and their oversight (issue 4).

    def can_manage_procedures(self, agency_id: int) -> bool:
        return self.is_superuser or agency_id in self.managed_agency_ids

    def manages_catalogue(self) -> bool:
        return self.is_superuser or bool(self.managed_agency_ids)

    def catalogue_agencies(self):
        """Agencies this user may name as a procedure's implementing agency."""
        if self.is_superuser:
            return Agency.objects.all()
        return Agency.objects.filter(pk__in=self.managed_agency_ids)

    def can_view_procedure(self, procedure) -> bool:
        return procedure.is_published or self.can_manage_procedures(procedure.agency_id)

    def viewable_procedures(self, procedures):
        """can_view_procedure as a filter: published ones, and all of the agencies managed."""
        if self.is_superuser:
            return procedures
        return procedures.filter(Q(is_published=True) | Q(agency_id__in=self.managed_agency_ids))

    def can_manage_disclosures(self, agency_id: int) -> bool:
        return self.can_manage_procedures(agency_id)

    def can_read_internal_disclosures(self, agency_id: int) -> bool:
        """Internal notices (Law 10/2022) are for the agency's own staff, and its oversight."""
        return (
            agency_id in self.visible_agency_ids
            or self.can_manage_disclosures(agency_id)
            or agency_id in self.inspection_agency_ids
        )

    def public_side_oversight_agency_ids(self) -> set[int]:
        """Agencies whose disclosures and procedure reviews this user may read in full,
        overdue items included: the People's Inspection Board's, and the managers'."""
        return set(self.inspection_agency_ids) | self.managed_agency_ids

    def oversees_public_side(self) -> bool:
        return self.is_superuser or bool(self.public_side_oversight_agency_ids())

    # Citizen feedback and reception (quantri.feedback, quantri.reception). The office — leaders,
    # office coordinators and administrators, wherever in the department they sit — follows up
    # all of its department's items; a unit handles the items assigned to it; the People's
    # Inspection Board reads everything of its department and changes nothing.

    @property
    def office_agency_ids(self) -> set[int]:
        """The office's reach for feedback, reception and surveys: the managed agencies."""
        return self.managed_agency_ids

    @property
    def oversight_agency_ids(self) -> set[int]:
        return self.inspection_agency_ids

    def can_coordinate_feedback(self, feedback) -> bool:
        """Assign, publish, close — and every other action: the receiving department's office."""
        return self.is_superuser or feedback.department_id in self.office_agency_ids

    def can_handle_feedback(self, feedback) -> bool:
        """Accept, refuse, transfer, answer: the office, or the unit the item is assigned to."""
        if self.can_coordinate_feedback(feedback):
            return True
        return feedback.assigned_unit_id is not None and (
            feedback.assigned_unit_id in self.task_unit_ids
        )

    def can_view_feedback(self, feedback) -> bool:
        """Contact details and internal notes included: handlers and the oversight board."""
        return self.can_handle_feedback(feedback) or (
            feedback.department_id in self.oversight_agency_ids
        )

    def viewable_feedback(self, items):
        """can_view_feedback as a filter on a Feedback QuerySet, for the inbox."""
        if self.is_superuser:
            return items
        return items.filter(
            Q(department_id__in=self.office_agency_ids | self.oversight_agency_ids)
            | Q(assigned_unit_id__in=self.task_unit_ids)
        )

    def uses_feedback_inbox(self) -> bool:
        return (
            self.is_superuser
            or bool(self.office_agency_ids or self.oversight_agency_ids)
            or bool(self.task_unit_ids)
        )

    def reads_feedback_statistics(self) -> bool:
        return self.is_superuser or bool(self.office_agency_ids or self.oversight_agency_ids)

    def can_manage_reception(self, agency_id: int) -> bool:
        """Schedule sessions and record them, dialogues and their commitments: the office."""
        return self.is_superuser or agency_id in self.office_agency_ids

    def can_read_reception_records(self, agency_id: int) -> bool:
        """Who was received and what they raised: the office and the oversight board."""
        return self.can_manage_reception(agency_id) or agency_id in self.oversight_agency_ids

    def can_manage_survey(self, survey) -> bool:
        """Build, publish and close a survey, set its service points and weighting: the
        office — leaders, office coordinators and administrators wherever in the survey's
        department they sit (the Department Office runs the one-stop desk's survey)."""
        return self.is_superuser or survey.agency_id in self.office_agency_ids

    def can_view_survey_results(self, survey) -> bool:
        """Results stay inside the survey's department and its oversight; the public answers
        the survey but reads no results."""
        return self.is_superuser or survey.agency_id in self.visible_agency_ids

    def viewable_surveys(self, surveys):
        """can_view_survey_results as a filter on a Survey QuerySet, for lists."""
        if self.is_superuser:
            return surveys
        return surveys.filter(agency_id__in=self.visible_agency_ids | self.office_agency_ids)

    def survey_agencies(self):
        """Agencies this user may create surveys for."""
        if self.is_superuser:
            return Agency.objects.all()
        return Agency.objects.filter(pk__in=self.office_agency_ids)

    def creates_surveys(self) -> bool:
        return self.is_superuser or bool(self.office_agency_ids)

    # Inspections and checks (issue 17, quantri.oversight). The inspector writes inspections,
    # findings, violations and remedies for the department they sit in; leaders, the office
    # and the People's Inspection Board read all of it; a unit reads only the findings about
    # itself. The names of violators follow the complaint rule (can_view_feedback): those who
    # handle the matter (the office, the inspector, the unit concerned) and the oversight board.

    @cached_property
    def inspector_agency_ids(self) -> set[int]:
        ids: set[int] = set()
        for membership in self.memberships:
            if membership.role == Role.INSPECTOR:
                ids |= Agency.objects.subtree_ids(_department_of(membership.agency))
        return ids

    def inspection_reader_agency_ids(self) -> set[int]:
        """Agencies whose inspections this user reads in full."""
        return self.inspector_agency_ids | self.managed_agency_ids | self.inspection_agency_ids

    def can_write_inspections(self, agency_id: int) -> bool:
        return self.is_superuser or agency_id in self.inspector_agency_ids

    def can_read_all_inspections(self, agency_id: int) -> bool:
        return self.is_superuser or agency_id in self.inspection_reader_agency_ids()

    def can_make_remedy_tasks(self, agency_id: int) -> bool:
        """The inspector who concluded, or the office that follows the remedies up."""
        return self.can_write_inspections(agency_id) or self.can_manage_agency(agency_id)

    def can_view_finding(self, finding) -> bool:
        return (
            self.can_read_all_inspections(finding.inspection.agency_id)
            or finding.subject_unit_id in self.task_unit_ids
        )

    def viewable_findings(self, findings):
        """can_view_finding as a filter on a Finding QuerySet."""
        if self.is_superuser:
            return findings
        return findings.filter(
            Q(inspection__agency_id__in=self.inspection_reader_agency_ids())
            | Q(subject_unit_id__in=self.task_unit_ids)
        )

    def viewable_inspections(self, inspections):
        """Inspections read in full, and those with a finding about one of the user's units."""
        if self.is_superuser:
            return inspections
        return inspections.filter(
            Q(agency_id__in=self.inspection_reader_agency_ids())
            | Q(findings__subject_unit_id__in=self.task_unit_ids)
        ).distinct()

    def can_view_violation_names(self, violation) -> bool:
        return (
            self.can_read_all_inspections(violation.finding.inspection.agency_id)
            or violation.unit_id in self.task_unit_ids
        )

    def uses_oversight(self) -> bool:
        return (
            self.is_superuser
            or bool(self.inspection_reader_agency_ids())
            or bool(self.task_unit_ids)
        )

    # Issue 17, one-stop desk staff (quantri.deskstaff). Leaders, the office and administrators
    # — the managers of the agency — place staff at the desk, plan rotations and check them.
    # A desk officer's personal figures and checks are theirs and their managers' only (issue
    # 17 item 2 says "only leadership, the office and the person"): not a unit head, not the
    # People's Inspection Board and not the inspectorate. Item 5 gives the board "all of it"
    # for inspections and findings; personal performance figures are named apart in item 2
    # and, like a complaint's personal details, stay with those who manage the person.

    def manages_desk_staff(self) -> bool:
        return self.is_superuser or bool(self.managed_agency_ids)

    def can_manage_desk_staff(self, agency_id: int) -> bool:
        return self.can_manage_agency(agency_id)

    def can_view_desk_officer(self, *, person_id: int, agency_ids: set[int]) -> bool:
        """`agency_ids`: the agencies whose desk the person works or worked at."""
        if getattr(self.user, "pk", None) == person_id and person_id is not None:
            return True
        return self.is_superuser or bool(agency_ids & self.managed_agency_ids)

    # A person placed at the desk (a current DeskAssignment) works it whatever their role:
    # an officer who holds only "staff" in a unit receives, hands over and returns the
    # agency's dossiers and prints the desk's forms, as the managers do. The office's pages
    # (dashboard, lists, imports, index inputs, other officers' figures) stay the managers'.
    # The assignments are read through the user's reverse relation (quantri.deskstaff), so
    # that orgs imports nothing from the apps above it.

    @cached_property
    def desk_agency_ids(self) -> set[int]:
        """The agencies (with their subtrees) whose desk this user is placed at today."""
        if not getattr(self.user, "is_authenticated", False):
            return set()
        today = timezone.localdate()
        bodies = (
            self.user.desk_assignments.filter(valid_from__lte=today)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
            .select_related("receiving_body__agency")
        )
        ids: set[int] = set()
        for assignment in bodies:
            ids |= Agency.objects.subtree_ids(assignment.receiving_body.agency)
        return ids

    def can_work_desk(self, agency_id: int) -> bool:
        """Receive, hand over, return an agency's dossiers and print its desk forms."""
        return self.can_manage_agency(agency_id) or agency_id in self.desk_agency_ids

    def works_any_desk(self) -> bool:
        return self.manages_any_agency() or bool(self.desk_agency_ids)

    def desk_agencies(self):
        """Agencies whose dossiers this user may register."""
        if self.is_superuser:
            return Agency.objects.all()
        return Agency.objects.filter(pk__in=self.managed_agency_ids | self.desk_agency_ids)

    # The ISO 9001:2015 quality system (issue 17, quantri.quality). The office coordinator
    # (the ISO secretary), leaders and administrators write — processes, declarations,
    # audits, reviews — and leaders alone approve a process version; auditors record what
    # they find on the audits that name them; a unit reads its own processes and the findings
    # about it; the People's Inspection Board and the inspectorate (whose checks cover how
    # procedures are handled) read everything of their department and change nothing.

    @cached_property
    def quality_agency_ids(self) -> set[int]:
        """Where this user writes the quality system: as leader, office coordinator or
        administrator."""
        return self._reach({Role.LEADER, Role.OFFICE_COORDINATOR, Role.ADMIN})

    @cached_property
    def quality_approval_agency_ids(self) -> set[int]:
        return self._reach({Role.LEADER})

    def _reach(self, roles: set[str]) -> set[int]:
        ids: set[int] = set()
        for membership in self.memberships:
            if membership.role in roles:
                unit = membership.agency
                root = unit.parent if unit.kind == "office" and unit.parent_id else unit
                ids |= Agency.objects.subtree_ids(root)
        return ids

    def can_write_quality(self, agency_id: int) -> bool:
        return self.is_superuser or agency_id in self.quality_agency_ids

    def can_approve_process(self, agency_id: int) -> bool:
        return self.is_superuser or agency_id in self.quality_approval_agency_ids

    def quality_reader_agency_ids(self) -> set[int]:
        """Agencies whose whole quality system this user reads: writers, board, inspector."""
        return self.quality_agency_ids | self.inspection_agency_ids | self.inspector_agency_ids

    def reads_all_quality(self, agency_id: int) -> bool:
        """Every process, audit and review of the agency: its writers, the board and the
        inspectorate."""
        return self.is_superuser or agency_id in self.quality_reader_agency_ids()

    def is_auditor(self, audit) -> bool:
        return self.user.is_authenticated and audit.auditors.filter(pk=self.user.pk).exists()

    def can_record_findings(self, audit) -> bool:
        return self.can_write_quality(audit.agency_id) or self.is_auditor(audit)

    def can_read_audit(self, audit) -> bool:
        """Writers, the board and the auditors; a unit reads the audits that audited it."""
        if self.reads_all_quality(audit.agency_id) or self.is_auditor(audit):
            return True
        return audit.units.filter(pk__in=self.task_unit_ids).exists()

    def can_read_audit_report(self, audit) -> bool:
        """The whole report names every unit's findings, so an audited unit, which reads only
        its own findings on the page, does not get it."""
        return self.reads_all_quality(audit.agency_id) or self.is_auditor(audit)

    def can_read_process(self, process) -> bool:
        return self.reads_all_quality(process.agency_id) or process.unit_id in self.task_unit_ids

    def uses_quality(self) -> bool:
        """Whether the quality system's pages are for this user at all."""
        return (
            self.is_superuser
            or bool(self.quality_reader_agency_ids() or self.task_unit_ids)
            or self.user.is_authenticated
            and self.user.quality_audits.exists()
        )


def _department_of(agency: Agency) -> Agency:
    """The department (or province) a unit belongs to: the agency whose plan it works from."""
    while agency.parent_id and agency.kind not in ("department", "province"):
        agency = agency.parent
    return agency
