"""`quantri accounts invite EMAIL… | deactivate EMAIL… | reactivate EMAIL…`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from quantri.accounts.errors import error_text
from quantri.accounts.services import (
    account_deactivate,
    account_invite,
    account_reactivate,
    user_by_email,
)
from quantri.orgs.models import Agency, Role


class Command(BaseCommand):
    help = _("Invite people by e-mail, deactivate and reactivate their accounts.")

    def add_arguments(self, parser):
        jobs = parser.add_subparsers(
            dest="job", required=True, metavar="invite|deactivate|reactivate"
        )
        invite = jobs.add_parser("invite", help=_("send each person a link to set a password"))
        invite.add_argument("emails", nargs="+", metavar="EMAIL")
        invite.add_argument("--agency", help=_("unit code, for e-mails without an account yet"))
        invite.add_argument("--role", default=Role.STAFF, choices=Role.values)
        invite.add_argument("--name", default="", help=_("full name, family name first"))
        deactivate = jobs.add_parser("deactivate", help=_("close these accounts; sessions end"))
        reactivate = jobs.add_parser("reactivate", help=_("open these accounts again"))
        for job in (deactivate, reactivate):
            job.add_argument("emails", nargs="+", metavar="EMAIL")

    def handle(self, *args, job, emails, **options):
        agency = _agency(options.pop("agency", None))
        failures = 0
        for email in emails:
            try:
                self.stdout.write(getattr(self, f"_{job}")(email, agency=agency, **options))
            except (ValidationError, PermissionDenied) as error:
                failures += 1
                self.stderr.write(f"{email}: {error_text(error)}")
        if failures:
            raise CommandError(
                _("%(count)d of %(total)d failed.") % {"count": failures, "total": len(emails)}
            )

    def _invite(self, email, *, agency, role, name, **options) -> str:
        account_invite(by=None, email=email, full_name=name, agency=agency, role=role)
        return _("Invitation sent to %(email)s.") % {"email": email}

    def _deactivate(self, email, **options) -> str:
        account_deactivate(by=None, user=_user(email))
        return _("%(email)s deactivated; their sessions have ended.") % {"email": email}

    def _reactivate(self, email, **options) -> str:
        account_reactivate(by=None, user=_user(email))
        return _("%(email)s reactivated.") % {"email": email}


def _agency(code: str | None) -> Agency | None:
    if not code:
        return None
    agency = Agency.objects.filter(code__iexact=code.strip()).first()
    if agency is None:
        raise CommandError(_("No agency has the code %(code)s.") % {"code": code})
    return agency


def _user(email: str):
    user = user_by_email(email)
    if user is None:
        raise ValidationError(_("No account has this e-mail address."))
    return user
