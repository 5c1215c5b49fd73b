from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from quantri.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = _("Writes the database and every uploaded file (MEDIA_ROOT) into one archive.")

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help=_("the archive to write (a new file)"))

    def handle(self, *args, file: Path, **options):
        try:
            summary = backup_create(path=file)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            _(
                "Backup written: %(file)s (%(vendor)s, %(files)d files, %(size)d bytes, "
                "sha256 %(sum)s)"
            )
            % {
                "file": summary.path,
                "vendor": summary.vendor,
                "files": summary.files,
                "size": summary.size,
                "sum": summary.checksum,
            }
        )
