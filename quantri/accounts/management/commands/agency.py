"""`quantri agency create --code … --name … --parent … --admin-email …`: day one."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from quantri.accounts.errors import error_text
from quantri.accounts.onboarding import agency_create
from quantri.orgs.models import AgencyKind


class Command(BaseCommand):
    help = _("Create an agency and invite its first administrator by e-mail.")

    def add_arguments(self, parser):
        jobs = parser.add_subparsers(dest="job", required=True, metavar="create")
        create = jobs.add_parser("create", help=_("the agency, its administrator, the invitation"))
        create.add_argument("--code", required=True, help=_("the agency's code, e.g. SYT-HY"))
        create.add_argument("--name", required=True, help=_("its full name"))
        create.add_argument("--parent", default="", help=_("the parent agency's code"))
        create.add_argument("--admin-email", required=True, help=_("its administrator's e-mail"))
        create.add_argument("--admin-name", default="", help=_("full name, family name first"))
        create.add_argument("--kind", default=AgencyKind.DEPARTMENT, choices=AgencyKind.values)

    def handle(self, *args, job, **options):
        try:
            created = agency_create(
                code=options["code"],
                name=options["name"],
                parent_code=options["parent"],
                admin_email=options["admin_email"],
                admin_name=options["admin_name"],
                kind=options["kind"],
            )
        except ValidationError as error:
            raise CommandError(error_text(error)) from None
        self.stdout.write(
            _("Agency %(code)s created; invitation sent to %(email)s.")
            % {"code": created.agency.code, "email": created.invitation.user.email}
        )
