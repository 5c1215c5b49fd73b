"""What the plan page shows of a plan's life: its revisions and, for the office, the extension
requests waiting for a decision. Two queries."""

from quantri.orgs.access import Access
from quantri.plans.models import DeadlineExtension, ExtensionStatus, Plan


def amendment_context(plan: Plan, access: Access) -> dict:
    context = {"revisions": list(plan.revisions.select_related("created_by").order_by("-number"))}
    if access.can_manage_plan(plan):
        context["pending_extensions"] = list(
            DeadlineExtension.objects.filter(
                task__group__plan=plan, status=ExtensionStatus.PENDING
            ).select_related("task", "requested_by")
        )
    return context
