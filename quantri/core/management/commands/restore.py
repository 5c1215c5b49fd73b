from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from quantri.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = _(
        "Restores an archive written by `quantri backup` into the configured database and "
        "MEDIA_ROOT, which must be empty unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help=_("the archive written by quantri backup"))
        parser.add_argument(
            "--force",
            action="store_true",
            help=_("replace the contents of a database and MEDIA_ROOT that are not empty"),
        )

    def handle(self, *args, file: Path, force: bool, **options):
        try:
            summary = backup_restore(path=file, force=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            _("Restored %(file)s (%(vendor)s, %(files)d files).")
            % {"file": summary.path, "vendor": summary.vendor, "files": summary.files}
        )
        if summary.unapplied:
            self.stdout.write(
                _("This code has migrations the backup had not run: now run `quantri migrate`.")
            )
