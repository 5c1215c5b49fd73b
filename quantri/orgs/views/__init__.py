"""The agency administrator's pages under /org/ (not Django's admin site). The services in
quantri.orgs.services decide who may change what; these views parse, call them and render."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.orgs.services.rules import Scope


def admin_scope(request) -> Scope:
    """What this user administers; 403 for everyone who administers nothing."""
    scope = Scope.of(Access.for_request(request))
    if scope.is_empty:
        raise PermissionDenied
    return scope


def unit_in(scope: Scope, pk: int) -> Agency:
    unit = scope.agencies().filter(pk=pk).select_related("parent", "successor").first()
    if unit is None:
        raise Http404
    return unit


def attempt(form, call):
    """Run a service; its ValidationError goes onto the form. The result, or None if refused."""
    try:
        return call()
    except PermissionDenied as exc:
        # e.g. an e-mail already on another agency's staff: the form says so, the page stays.
        form.add_error(None, str(exc) or _("You may not do this."))
        return None
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):
            form.add_error(None, exc.messages)
        else:
            for name, errors in exc.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        return None
