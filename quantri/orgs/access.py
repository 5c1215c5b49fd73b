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

    def _agencies_with(self, roles: set[str]) -> set[int]:
        ids: set[int] = set()
        for membership in self.memberships:
            if membership.role in roles:
                ids |= Agency.objects.subtree_ids(membership.agency)
        return ids

    @cached_property
    def managed_agency_ids(self) -> set[int]:
        return self._agencies_with(MANAGER_ROLES)

    @cached_property
    def visible_agency_ids(self) -> set[int]:
        """Agencies whose internal plans this user may read: the whole department of any unit
        they belong to, since units work from the department's plan."""
        ids: set[int] = set()
        for membership in self.memberships:
            top = membership.agency
            while top.parent_id and top.kind not in ("department", "province"):
                top = top.parent
            ids |= Agency.objects.subtree_ids(top)
        return ids

    @cached_property
    def task_unit_ids(self) -> set[int]:
        return {m.agency_id for m in self.memberships if m.role in TASK_ROLES}

    def can_manage_agency(self, agency_id: int) -> bool:
        return self.is_superuser or agency_id in self.managed_agency_ids

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
