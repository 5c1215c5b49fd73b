"""What every service shares: who the user is allowed to be."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext

from quantri.orgs.access import Access
from quantri.reports import periods


def access_of(user) -> Access:
    return Access.for_user(user)


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def period_code_error(exc: periods.PeriodCodeError) -> ValidationError:
    return ValidationError({"code": gettext(exc.template) % exc.params})
