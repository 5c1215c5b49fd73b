"""`quantri feedback remind [--dry-run]`: list the overdue feedback and e-mail the people who
must act on it. Meant for a daily cron job."""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.core.ratelimit import forget_old_windows
from quantri.feedback.reminders import line, overdue_items, recipients, send_reminders


class Command(BaseCommand):
    help = _("Citizen feedback jobs: remind the units and the office of overdue items.")

    def add_arguments(self, parser):
        jobs = parser.add_subparsers(dest="job", required=True, metavar="remind")
        remind = jobs.add_parser("remind", help=_("list overdue items and e-mail reminders"))
        remind.add_argument("--dry-run", action="store_true", help=_("only list; send no e-mail"))

    def handle(self, *args, job, **options):
        self._remind(options["dry_run"])

    def _remind(self, dry_run: bool) -> None:
        today = timezone.localdate()
        items = overdue_items(today)
        for item in items:
            self.stdout.write(line(item, today))
        by_user = recipients(items)
        if dry_run:
            self.stderr.write(
                _("%(items)s overdue; %(people)s people would be reminded (dry run).")
                % {"items": len(items), "people": len(by_user)}
            )
            return
        sent = send_reminders(by_user, today)
        # The daily job also clears the rate limit's finished windows.
        forget_old_windows()
        self.stderr.write(
            _("%(items)s overdue; %(sent)s reminders sent.") % {"items": len(items), "sent": sent}
        )
