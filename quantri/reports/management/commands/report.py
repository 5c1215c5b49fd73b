"""`quantri report <job>`: periodic-report jobs as sub-commands. Today: `consolidate`.

    quantri report consolidate --plan 7 --period 2021-H1 --out bao-cao.docx [--xlsx phu-luc.xlsx]
    quantri report consolidate --agency HY --period 2021-H1 --out tinh.docx [--plan 3]

With --plan alone, the plan's agency consolidates its units' reports for the period. With
--agency, the agency consolidates one level up: every department below it that runs a period
of that code on a plan in force or closed; --plan then names the agency's own plan and keeps
only the plans made to carry it out (their parent plan).
"""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from tqdm import tqdm

from quantri.orgs.models import Agency
from quantri.plans.models import Plan
from quantri.reports import periods
from quantri.reports.consolidation import services
from quantri.reports.models import ReportingPeriod


class Command(BaseCommand):
    help = _("Periodic-report jobs. Run 'quantri report consolidate --help' for the options.")

    def add_arguments(self, parser):
        jobs = parser.add_subparsers(
            dest="job", required=True, metavar="JOB", parser_class=CommandParser
        )
        consolidate = jobs.add_parser(
            "consolidate",
            help=_("write the consolidated report (DOCX) and its annex (XLSX) for a period"),
            description=_(
                "With --plan, the plan's agency consolidates its units' reports for the period. "
                "With --agency, that agency consolidates one level up: every department below "
                "it running a period of that code on a plan in force or closed; --plan then "
                "names the agency's own plan and keeps only the plans made under it."
            ),
            called_from_command_line=getattr(parser, "called_from_command_line", None),
        )
        consolidate.add_argument("--plan", type=int, help=_("plan id"))
        consolidate.add_argument(
            "--period", required=True, help=_("period code: 2021-H1, 2021-H2, 2021-Y, 2021-Q3…")
        )
        consolidate.add_argument("--out", required=True, help=_("the report to write (.docx)"))
        consolidate.add_argument("--xlsx", help=_("also write the annex (.xlsx) here"))
        consolidate.add_argument(
            "--agency",
            help=_("consolidate the departments below this agency (code, e.g. HY)"),
        )
        consolidate.add_argument(
            "--issuer",
            help=_("with --agency: the agency that issues the report (code; default --agency)"),
        )

    def handle(self, *args, job, **options):
        if job == "consolidate":
            self.consolidate(**options)

    def consolidate(self, *, plan, period, out, xlsx, agency, issuer, **options):
        code = self._code(period)
        targets = [Path(out)] + ([Path(xlsx)] if xlsx else [])
        for target in targets:
            _check_writable(target)
        steps = tqdm(total=2 + len(targets), desc=_("Consolidating"), disable=None, leave=False)
        if agency:
            root = self._agency(agency)
            result = services.consolidate_agency(
                root,
                code,
                parent_plan=self._own_plan(plan, root) if plan else None,
                issuer=self._agency(issuer) if issuer else None,
            )
            if not result.data.parts:
                raise CommandError(
                    _("No department below %(agency)s has a period %(code)s.")
                    % {"agency": root.code, "code": code}
                )
        else:
            if not plan:
                raise CommandError(_("Give --plan ID (or --agency CODE to consolidate up)."))
            result = services.consolidate_period(self._period(self._plan(plan), code))
        steps.update(2)
        _write(Path(out), result.docx())
        steps.update()
        if xlsx:
            _write(Path(xlsx), result.xlsx())
            steps.update()
        steps.close()
        self._report(result, targets)

    def _code(self, text: str) -> str:
        try:
            return str(periods.parse_code(text))
        except periods.PeriodCodeError as exc:
            raise CommandError(_(exc.template) % exc.params) from None

    def _plan(self, pk: int) -> Plan:
        plan = Plan.objects.filter(pk=pk).first()
        if plan is None:
            raise CommandError(_("No plan has the id %(id)s.") % {"id": pk})
        return plan

    def _own_plan(self, pk: int, agency: Agency) -> Plan:
        plan = self._plan(pk)
        if plan.agency_id != agency.pk:
            raise CommandError(
                _(
                    "Plan %(id)s belongs to %(owner)s, not %(agency)s: with --agency, --plan names "
                    "the agency's own plan."
                )
                % {"id": pk, "owner": plan.agency.code, "agency": agency.code}
            )
        return plan

    def _period(self, plan: Plan, code: str) -> ReportingPeriod:
        period = ReportingPeriod.objects.filter(plan=plan, code=code).first()
        if period is None:
            existing = ", ".join(plan.reporting_periods.values_list("code", flat=True))
            raise CommandError(
                _("Plan %(id)s has no period %(code)s (its periods: %(existing)s).")
                % {"id": plan.pk, "code": code, "existing": existing or _("none")}
            )
        return period

    def _agency(self, code: str) -> Agency:
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            raise CommandError(_("No agency has the code %(code)s.") % {"code": code})
        return agency

    def _report(self, result, targets: list[Path]) -> None:
        figures = result.figures
        total = figures.completeness
        self.stdout.write(
            _(
                "%(tasks)s tasks, progress %(progress)s%%; reports %(submitted)s of "
                "%(expected)s (%(rate)s%%), on time %(on_time)s."
            )
            % {
                "tasks": figures.overall.tasks,
                "progress": figures.progress,
                "submitted": total.submitted,
                "expected": total.expected,
                "rate": total.reporting_rate,
                "on_time": total.on_time,
            }
        )
        for target in targets:
            self.stdout.write(_("Wrote %(path)s") % {"path": target})


def _check_writable(path: Path) -> None:
    """Refuse before the work starts: a missing folder or a folder we cannot write to."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise CommandError(_("%(path)s is a folder; give a file name.") % {"path": path})
    if not folder.is_dir():
        raise CommandError(_("Folder not found: %(path)s") % {"path": folder})

    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise CommandError(_("Cannot write to %(path)s.") % {"path": path})


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise CommandError(
            _("Cannot write %(path)s: %(error)s") % {"path": path, "error": exc.strerror}
        ) from None
