import os

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.reports.reminders import plan_reminders, send_reminders


class Command(BaseCommand):
    help = _(
        "Remind units whose periodic reports are due within --days days or late, by e-mail "
        "and in the app; after the deadline the unit head and the office coordinators hear "
        "of it. Each reminder goes out once a day, so it is safe to run often."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=3, help=_("remind this many days before the deadline")
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("print what would be sent; send nothing")
        )
        parser.add_argument(
            "--base-url",
            default=os.environ.get("QUANTRI_BASE_URL", ""),
            help=_("site address put before links in e-mails (default: $QUANTRI_BASE_URL)"),
        )

    def handle(self, *args, days, dry_run, base_url, **options):
        if days < 0:
            raise CommandError(_("--days must be 0 or more."))
        reminders = plan_reminders(timezone.localdate(), days)
        if dry_run:
            for reminder in reminders:
                address = reminder.user.email or _("no e-mail")
                self.stdout.write(f"[{reminder.kind}] {reminder.user} <{address}>: {reminder.text}")
            self.stdout.write(
                _("Dry run: %(count)s reminders would be sent; nothing was sent.")
                % {"count": len(reminders)}
            )
            return
        sent = send_reminders(reminders, base_url=base_url)
        self.stdout.write(
            _(
                "%(notified)s notifications, %(emailed)s e-mails sent; "
                "%(skipped)s already sent today."
            )
            % {"notified": sent.notified, "emailed": sent.emailed, "skipped": sent.skipped}
        )
