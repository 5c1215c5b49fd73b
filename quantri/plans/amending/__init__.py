"""A plan's life after import, beyond editing: amendments (revisions, and an amending document
imported onto its plan), archiving and deleting, and deadline extensions. Like the editing
services, each checks who may (PermissionDenied) and what is valid (ValidationError naming
the field); views, the API and commands only call these. `user=None` is the command line."""

from quantri.plans.amending.extensions import (
    extension_decide,
    extension_request,
    may_request_extension,
)
from quantri.plans.amending.from_import import draft_amend, plan_amend_from_import
from quantri.plans.amending.lifecycle import deletion_blockers, plan_archive, plan_delete
from quantri.plans.amending.revisions import (
    matching_plans,
    missing_tasks,
    plan_revise,
    revision_changes,
)

__all__ = [
    "deletion_blockers",
    "draft_amend",
    "extension_decide",
    "extension_request",
    "matching_plans",
    "may_request_extension",
    "missing_tasks",
    "plan_amend_from_import",
    "plan_archive",
    "plan_delete",
    "plan_revise",
    "revision_changes",
]
