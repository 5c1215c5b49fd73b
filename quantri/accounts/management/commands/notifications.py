"""`quantri notifications digest [--dry-run]`: the daily e-mail digest (run it from cron)."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from quantri.accounts.notifications.digest import digest_send, digests_due
from quantri.core.names import display_name


class Command(BaseCommand):
    help = _("Send each person the unread notifications that arrived since their last digest.")

    def add_arguments(self, parser):
        jobs = parser.add_subparsers(dest="job", required=True, metavar="digest")
        digest = jobs.add_parser("digest", help=_("send the digests (once a day)"))
        digest.add_argument("--dry-run", action="store_true", help=_("only say who would get one"))

    def handle(self, *args, job, dry_run, **options):
        due = digests_due()
        for digest in due:
            if not dry_run:
                digest_send(digest=digest)
            self.stdout.write(
                _("%(name)s: %(count)d notifications")
                % {"name": display_name(digest.user), "count": len(digest.items)}
            )
        summary = _("%(count)d digests would be sent.") if dry_run else _("%(count)d digests sent.")
        self.stdout.write(summary % {"count": len(due)})
