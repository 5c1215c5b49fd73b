"""Who may do what, on which unit's objects.

Roles are held in a unit; a role held in an agency reaches down its subtree. Leaders and office
coordinators manage their agency's plans; unit heads and staff act on the tasks their unit
leads; People's Inspection Board members read only; administrators do everything.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Q

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


def _department_of(agency: Agency) -> Agency:
    """The department (or province) a unit belongs to: the agency whose plan it works from."""
    while agency.parent_id and agency.kind not in ("department", "province"):
        agency = agency.parent
    return agency
