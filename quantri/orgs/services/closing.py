"""Closing at once what an import listed as missing from the file: the units and roles the
administrator saw on the import's summary, on one day and for one reason, through the same
services as closing them one by one. One refusal closes nothing."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from quantri.orgs.models import Agency, Membership
from quantri.orgs.services.people import role_withdraw
from quantri.orgs.services.rules import Scope, require_admin, require_reason
from quantri.orgs.services.units import unit_close


def close_listed(
    *,
    scope: Scope,
    user,
    units: list[Agency],
    memberships: list[Membership],
    on: datetime.date,
    reason: str,
) -> tuple[list[Agency], list[Membership]]:
    require_admin(scope)
    reason = require_reason(reason)
    if not units and not memberships:
        raise ValidationError(_("Nothing is listed for closing."))
    with transaction.atomic():
        # Roles in a unit being closed end with it (unit_close); the others end here, and
        # a role that starts after the day is refused by name rather than left open.
        closing = {u.pk for u in units}
        ended = [
            _named(
                m.agency, role_withdraw, scope=scope, user=user, membership=m, on=on, reason=reason
            )
            for m in memberships
            if m.agency_id not in closing
        ]
        # Units below first: a unit closes only once its own units are closed.
        deepest_first = sorted(units, key=lambda u: len(u.ancestors()), reverse=True)
        closed = [
            _named(u, unit_close, scope=scope, user=user, unit=u, on=on, reason=reason)
            for u in deepest_first
        ]
    return closed, ended


def _named(about: Agency, service, **kwargs):
    """The service's refusal, prefixed with the unit it is about: the list is long."""
    try:
        return service(**kwargs)
    except ValidationError as exc:
        raise ValidationError(
            [_("%(unit)s: %(error)s") % {"unit": about.name, "error": m} for m in exc.messages]
        ) from None
