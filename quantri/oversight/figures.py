"""Oversight figures: for the consolidated report's dimension 4 (control of corruption) and
the office's page."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from quantri.orgs.models import Agency
from quantri.oversight.models import Inspection, InspectionKind, Remedy, Violation
from quantri.plans.models import Task, TaskStatus
from quantri.reports.contributions import Line


@dataclass(frozen=True)
class OversightFigures:
    inspections: int
    checks: int
    violations: int
    remedies: int
    remedies_done: int
    remedies_overdue: int


def oversight_figures(
    *, agency: Agency, start: datetime.date, end: datetime.date, today: datetime.date | None = None
) -> OversightFigures:
    """Inspections and checks concluded in the window, the violations they found, and the
    remedies due by its end: done, and overdue as of its end (or today, if sooner)."""
    agency_ids = Agency.objects.subtree_ids(agency)
    concluded = Inspection.objects.filter(
        agency_id__in=agency_ids, conclusion_date__gte=start, conclusion_date__lte=end
    )
    kinds = list(concluded.values_list("kind", flat=True))
    remedies = Remedy.objects.filter(inspection__agency_id__in=agency_ids, due_on__lte=end)
    task_ids = remedies.exclude(task=None).values("task_id")
    judged_on = min(end + datetime.timedelta(days=1), today or timezone.localdate())
    return OversightFigures(
        inspections=kinds.count(InspectionKind.INSPECTION),
        checks=kinds.count(InspectionKind.CHECK),
        violations=Violation.objects.filter(finding__inspection__in=concluded).count(),
        remedies=remedies.count(),
        remedies_done=remedies.filter(task__status=TaskStatus.DONE).count(),
        remedies_overdue=Task.objects.filter(pk__in=task_ids).overdue_at(judged_on).count(),
    )


def report_lines(*, agency: Agency, start: datetime.date, end: datetime.date) -> list[Line]:
    """The lines of PAPI dimension 4 (quantri.reports.contributions)."""
    f = oversight_figures(agency=agency, start=start, end=end)
    if not (f.inspections or f.checks or f.remedies):
        return []
    return [
        Line(
            _("Inspections and checks concluded"),
            str(f.inspections + f.checks),
            _("%(inspections)d inspections, %(checks)d checks")
            % {"inspections": f.inspections, "checks": f.checks},
        ),
        Line(_("Violations found"), str(f.violations)),
        Line(
            _("Remedies done"),
            f"{f.remedies_done}/{f.remedies}",
            _("%(overdue)d overdue") % {"overdue": f.remedies_overdue},
        ),
    ]
