"""`quantri orgs import FILE.xlsx [--agency CODE] [--dry-run]`, `quantri orgs close-listed
FILE.xlsx --on DATE --reason TEXT [--agency CODE]` and `quantri orgs template FILE`."""

import datetime
from argparse import ArgumentTypeError
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from quantri.orgs.example_data import write_example
from quantri.orgs.importing.left_out import close_left_out
from quantri.orgs.importing.service import OrgImportError, org_import
from quantri.orgs.importing.workbook import write_workbook
from quantri.orgs.models import Agency
from quantri.orgs.services.rules import Scope


class Command(BaseCommand):
    help = _("Import the organisation (units) and its staff from an .xlsx workbook.")

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        importing = commands.add_parser(
            "import", help=_("import a workbook: all or nothing, units by code, people by e-mail")
        )
        importing.add_argument("file", help=_("the .xlsx workbook"))
        importing.add_argument(
            "--agency",
            help=_("import as this agency's administrator: units outside it are refused"),
        )
        importing.add_argument(
            "--dry-run", action="store_true", help=_("check the workbook and save nothing")
        )
        closing = commands.add_parser(
            "close-listed",
            help=_("close the units and roles an imported workbook leaves out"),
        )
        closing.add_argument("file", help=_("the .xlsx workbook, already imported"))
        closing.add_argument(
            "--on", required=True, type=_day, help=_("the day they close (YYYY-MM-DD)")
        )
        closing.add_argument("--reason", required=True, help=_("why, kept in the history"))
        closing.add_argument(
            "--agency",
            help=_("close as this agency's administrator: units outside it are left alone"),
        )
        template = commands.add_parser("template", help=_("write the empty workbook"))
        template.add_argument("file", help=_("the .xlsx file to write"))
        example = commands.add_parser(
            "example", help=_("write the example workbook (a department of 12 units, 40 people)")
        )
        example.add_argument("file", help=_("the .xlsx file to write"))

    def handle(self, *args, action, **options):
        if action in ("template", "example"):
            _write(
                Path(options["file"]), write_workbook() if action == "template" else write_example()
            )
            self.stdout.write(_("Wrote %(path)s.") % {"path": options["file"]})
            return
        if action == "close-listed":
            self._close_listed(options["file"], options["agency"], options["on"], options["reason"])
            return
        self._import(options["file"], options["agency"], options["dry_run"])

    def _import(self, file: str, agency_code: str | None, dry_run: bool) -> None:
        content = _read(Path(file))
        scope = _scope(agency_code)
        try:
            report = org_import(
                content=content,
                user=None,
                scope=scope,
                dry_run=dry_run,
                track=lambda rows: tqdm(rows, desc=_("People"), disable=None),
            )
        except OrgImportError as exc:
            raise CommandError(
                _("%(file)s was not imported:\n%(errors)s") % {"file": file, "errors": exc}
            ) from None
        for line in summary_lines(report):
            self.stdout.write(line)
        if dry_run:
            self.stdout.write(_("Dry run: nothing was saved."))

    def _close_listed(
        self, file: str, agency_code: str | None, on: datetime.date, reason: str
    ) -> None:
        content = _read(Path(file))
        try:
            units, roles = close_left_out(
                scope=_scope(agency_code), user=None, content=content, on=on, reason=reason
            )
        except OrgImportError as exc:
            raise CommandError(
                _("%(file)s cannot be read:\n%(errors)s") % {"file": file, "errors": exc}
            ) from None
        except ValidationError as exc:
            raise CommandError(
                _("Nothing was closed:\n%(errors)s") % {"errors": "\n".join(exc.messages)}
            ) from None
        for unit in units:
            self.stdout.write(_("Closed: unit %(code)s %(name)s") % unit.__dict__)
        for m in roles:
            self.stdout.write(
                _("Ended: %(user)s, %(role)s in %(unit)s")
                % {"user": m.user.username, "role": m.get_role_display(), "unit": m.agency.code}
            )
        self.stdout.write(
            _("Closed: %(units)s units and %(roles)s roles.")
            % {"units": len(units), "roles": len(roles)}
        )


def summary_lines(report) -> list[str]:
    counts = _("%(created)s new, %(updated)s updated, %(unchanged)s unchanged")
    lines = [
        _("Units: %(counts)s.") % {"counts": counts % {k: len(v) for k, v in report.units.items()}},
        _("People: %(counts)s.")
        % {"counts": counts % {k: len(v) for k, v in report.people.items()}},
        _("Roles: %(counts)s.") % {"counts": counts % {k: len(v) for k, v in report.roles.items()}},
    ]
    for unit in report.units_to_close:
        lines.append(_("Not in the file, to close: unit %(code)s %(name)s") % unit.__dict__)
    for m in report.roles_to_close:
        lines.append(
            _("Not in the file, to close: %(user)s, %(role)s in %(unit)s")
            % {"user": m.user.username, "role": m.get_role_display(), "unit": m.agency.code}
        )
    return lines


def _write(path: Path, content: bytes) -> None:
    try:
        path.write_bytes(content)
    except OSError as exc:
        raise CommandError(
            _("Cannot write %(path)s: %(error)s") % {"path": path, "error": exc.strerror}
        ) from None


def _read(path: Path) -> bytes:
    if not path.is_file():
        raise CommandError(_("File not found: %(path)s") % {"path": path})
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CommandError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc.strerror}
        ) from None


def _scope(agency_code: str | None) -> Scope:
    # The operator on the server keeps the whole tree, as a superuser does; with --agency
    # the run has the limits of that agency's administrator.
    return Scope.below(_agency(agency_code)) if agency_code else Scope.everything()


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        # argparse names the option: "argument --on: …".
        raise ArgumentTypeError(
            _("“%(text)s” is not a date written as YYYY-MM-DD.") % {"text": text}
        ) from None


def _agency(code: str) -> Agency:
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise CommandError(_("No agency has the code %(code)s.") % {"code": code})
    return agency
