"""`quantri procedures import FILE.xlsx` and `quantri procedures export FILE.xlsx`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from quantri.orgs.models import Agency
from quantri.procedures.importing import (
    CatalogueImportError,
    catalogue_export,
    catalogue_import,
)
from quantri.procedures.models import Procedure


class Command(BaseCommand):
    help = _("Import or export the administrative procedure catalogue as an .xlsx workbook.")

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        importing = commands.add_parser(
            "import",
            help=_("import a workbook: all or nothing, matched by national code"),
        )
        importing.add_argument("file", help=_("the .xlsx workbook"))
        importing.add_argument(
            "--agency",
            help=_(
                "import for this agency: rows that name none take it, rows and codes of other "
                "agencies are refused, shared fields are not renamed"
            ),
        )
        importing.add_argument(
            "--dry-run", action="store_true", help=_("check the workbook and save nothing")
        )
        exporting = commands.add_parser("export", help=_("write the catalogue to a workbook"))
        exporting.add_argument("file", help=_("the .xlsx file to write"))
        exporting.add_argument("--agency", help=_("only this implementing agency's procedures"))
        exporting.add_argument(
            "--published-only", action="store_true", help=_("only published procedures")
        )

    def handle(self, *args, action, **options):
        if action == "import":
            self._import(options["file"], options["agency"], options["dry_run"])
        else:
            self._export(options["file"], options["agency"], options["published_only"])

    def _import(self, file: str, agency_code: str | None, dry_run: bool) -> None:
        content = _read(Path(file))
        agency = _agency(agency_code) if agency_code else None
        # The operator on the server acts for the whole catalogue, as an administrator does;
        # with --agency the run is that agency's own import, with the same limits as its page.
        scope = Agency.objects.filter(pk__in=Agency.objects.subtree_ids(agency)) if agency else None
        try:
            report = catalogue_import(
                content=content,
                user=None,
                agencies=scope,
                default_agency=agency,
                owns_fields=agency is None,
                dry_run=dry_run,
                track=lambda rows: tqdm(rows, desc=_("Procedures"), disable=None),
            )
        except CatalogueImportError as exc:
            raise CommandError(
                _("%(file)s was not imported:\n%(errors)s") % {"file": file, "errors": exc}
            ) from None
        message = _(
            "%(total)s procedures: %(created)s new, %(updated)s updated, %(unchanged)s unchanged."
        ) % {
            "total": report.total,
            "created": len(report.created),
            "updated": len(report.updated),
            "unchanged": len(report.unchanged),
        }
        if dry_run:
            message += " " + _("Dry run: nothing was saved.")
        for warning in report.warnings:
            self.stderr.write(warning)
        self.stdout.write(message)

    def _export(self, file: str, agency_code: str | None, published_only: bool) -> None:
        procedures = Procedure.objects.all()
        if agency_code:
            procedures = procedures.filter(agency=_agency(agency_code))
        if published_only:
            procedures = procedures.published()
        content = catalogue_export(procedures=procedures)
        try:
            Path(file).write_bytes(content)
        except OSError as exc:
            raise CommandError(
                _("Cannot write %(path)s: %(error)s") % {"path": file, "error": exc.strerror}
            ) from None
        self.stdout.write(
            _("Wrote %(count)s procedures to %(path)s.")
            % {"count": procedures.count(), "path": file}
        )


def _read(path: Path) -> bytes:
    if not path.is_file():
        raise CommandError(_("File not found: %(path)s") % {"path": path})
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CommandError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc.strerror}
        ) from None


def _agency(code: str) -> Agency:
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise CommandError(_("No agency has the code %(code)s.") % {"code": code})
    return agency
