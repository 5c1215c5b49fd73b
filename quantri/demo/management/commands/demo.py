from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from quantri.demo.data import DEMO_PASSWORD
from quantri.demo.services import demo_load
from quantri.plans.services import PlanImportError


class Command(BaseCommand):
    help = _("Load the demo organisation, users and plan (idempotent).")

    def handle(self, *args, **options):
        try:
            summary = demo_load()
        except PlanImportError as exc:
            raise CommandError(str(exc)) from None
        plan = summary.plan
        verb = _("imported") if summary.plan_created else _("already present")
        self.stdout.write(
            _("Demo plan %(verb)s: %(title)s (#%(id)s)")
            % {"verb": verb, "title": plan, "id": plan.pk}
        )
        self.stdout.write(_("Demo logins (password: %(pw)s):") % {"pw": DEMO_PASSWORD})
        for username, role, unit in summary.logins:
            self.stdout.write(f"  {username:<12} {role} — {unit}")
