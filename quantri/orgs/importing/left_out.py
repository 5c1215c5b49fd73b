"""Closing what an imported workbook leaves out, for `quantri orgs close-listed` and the API.

The page closes the list the import it has just confirmed kept in the session; the command
and the API have no session, so they read the same file again and close what it leaves out,
through the same close_listed service as the page.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from quantri.orgs.importing.service import org_import
from quantri.orgs.models import Agency, Membership
from quantri.orgs.services.closing import close_listed
from quantri.orgs.services.rules import Scope


def close_left_out(
    *, scope: Scope, user, content: bytes, on: datetime.date, reason: str
) -> tuple[list[Agency], list[Membership]]:
    """Close every unit and role the workbook does not list (as the import listed them).

    The workbook must already be imported: a file that would still change something lists
    what it leaves out against an organisation it has not made yet, so it is refused.
    Raises OrgImportError for a file with errors, ValidationError for a refusal."""
    with transaction.atomic():
        report = org_import(content=content, user=user, scope=scope, dry_run=True)
        if report.changes:
            raise ValidationError(
                _("Import the workbook first: it still has %(n)s changes to save.")
                % {"n": report.changes}
            )
        return close_listed(
            scope=scope,
            user=user,
            units=report.units_to_close,
            memberships=report.roles_to_close,
            on=on,
            reason=reason,
        )
