"""Use cases that change plans and tasks. Views, the API and commands all call these."""

import datetime
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from quantri.orgs.access import Access
from quantri.orgs.models import Agency
from quantri.plans.models import (
    Evidence,
    Plan,
    PlanImport,
    ProgressUpdate,
    ReportingRule,
    Task,
    TaskGroup,
    TaskStatus,
    dimension_model,
    framework_model,
)
from quantri.plans.parsing import (
    ACCEPTED_EXTENSIONS,
    DimensionRef,
    PlanDocumentError,
    UnitRef,
    parse_plan,
    reads_extension,
)
from quantri.plans.parsing.corpus_report import Report as CorpusReport
from quantri.plans.parsing.corpus_report import build_report

DEFAULT_FRAMEWORK = "PAPI"


# `user=None` is the command line and the demo loader: an operator on the server.


def _require_agency_manager(user, agency: Agency) -> None:
    if user is not None and not Access.for_user(user).can_manage_agency(agency.pk):
        raise PermissionDenied(_("You may not import plans for this agency."))


class PlanImportError(Exception):
    """A plan that cannot be imported, with one message for the user."""


def max_upload_bytes() -> int:
    return settings.QUANTRI_MAX_UPLOAD_MB * 1024 * 1024


def unaccepted_plan_document(*, filename: str) -> str | None:
    """The message refusing a file whose type the importer does not read, else None.

    Checked by name before anything is read, so the page, the API and the CLI refuse a
    .csv or .xlsx with the same list of accepted types instead of the parser's own words."""
    if reads_extension(filename):
        return None
    return _("%(name)s is not an accepted file: a plan document must be one of %(types)s.") % {
        "name": Path(filename).name,
        "types": ", ".join(ACCEPTED_EXTENSIONS),
    }


def dimension_refs(framework) -> list[DimensionRef]:
    return [
        DimensionRef(code=d.code, names=[d.name, d.name_en, *d.aliases])
        for d in dimension_model().objects.filter(framework=framework).top_level()
    ]


def framework_names(framework) -> list[str]:
    """What a plan about this index calls it; without one, groups get no dimension by wording."""
    names = [framework.code, framework.name, framework.name_en, *(framework.aliases or [])]
    return [name for name in names if name]


def unit_refs(agency: Agency, on: datetime.date | None = None) -> list[UnitRef]:
    return [
        UnitRef(code=u.code, name=u.name, short_name=u.short_name, aliases=list(u.aliases))
        for u in Agency.objects.units_of(agency, on)
    ]


def plan_corpus_report(*, folder: Path, framework_code: str = "") -> CorpusReport:
    """Parse every plan document in a folder and count what came out; saves nothing."""
    framework = framework_model().objects.filter(code=framework_code or DEFAULT_FRAMEWORK).first()
    if framework is None:
        raise PlanImportError(_("Unknown index framework: %(code)s") % {"code": framework_code})
    return build_report(
        folder, dimensions=dimension_refs(framework), framework_names=framework_names(framework)
    )


def plan_parse(
    *, data: bytes, filename: str, agency: Agency | None = None, framework_code: str = ""
) -> dict:
    """Read a plan document into the import shape (see quantri.plans.parsing)."""
    if refusal := unaccepted_plan_document(filename=filename):
        raise PlanImportError(refusal)
    framework = framework_model().objects.get(code=framework_code or DEFAULT_FRAMEWORK)
    units = unit_refs(agency) if agency else None
    try:
        parsed = parse_plan(
            data,
            filename,
            dimensions=dimension_refs(framework),
            units=units,
            max_bytes=max_upload_bytes(),
            framework_names=framework_names(framework),
        )
    except PlanDocumentError as exc:
        raise PlanImportError(str(exc)) from exc
    return parsed.to_dict()


@transaction.atomic
def plan_import(
    *,
    parsed: dict,
    agency: Agency,
    user=None,
    source: bytes | None = None,
    filename: str = "",
    framework_code: str = "",
) -> Plan:
    """Save a parsed plan (possibly corrected in the preview) with its groups and tasks.

    All or nothing: any invalid part rolls the whole plan back.
    """
    _require_agency_manager(user, agency)
    framework = framework_model().objects.get(code=framework_code or DEFAULT_FRAMEWORK)
    plan = _build_plan(parsed.get("plan") or {}, agency, framework, user, filename)
    if source is not None:
        plan.source_document.save(filename or "plan", ContentFile(source), save=False)
    _clean(plan, _("Plan"))
    plan.save()
    units = {u.code: u for u in Agency.objects.units_of(agency)}
    dimensions = {
        d.code: d for d in dimension_model().objects.filter(framework=framework).top_level()
    }
    for order, group in enumerate(parsed.get("groups") or [], start=1):
        _import_group(plan, order, group, dimensions, units)
    for rule in parsed.get("reporting") or []:
        _import_reporting_rule(plan, rule, units)
    return plan


def _build_plan(data: dict, agency, framework, user, filename: str) -> Plan:
    issued_on = _parse_iso_date(data.get("issued_on"), "issued_on")
    year = data.get("year") or (issued_on.year if issued_on else None)
    if not year:
        raise PlanImportError(_("The plan's year could not be found; enter it before saving."))
    signer = data.get("signer") or {}
    return Plan(
        agency=agency,
        framework=framework,
        issuer=(data.get("issuer") or agency.name)[:255],
        number=(data.get("number") or "")[:60],
        issued_on=issued_on,
        place=(data.get("place") or "")[:100],
        title=data.get("title") or _("Untitled plan"),
        year=year,
        parent_refs=list(data.get("parent_refs") or []),
        purposes=list(data.get("purposes") or []),
        requirements=list(data.get("requirements") or []),
        responsibilities=list(data.get("responsibilities") or []),
        signer_name=(signer.get("name") or "")[:150],
        signer_position=(signer.get("position") or "")[:150],
        signer_authority=(signer.get("authority") or "")[:150],
        recipients=list(data.get("recipients") or []),
        source_filename=filename[:255],
        created_by=user,
    )


def _import_group(plan, order: int, data: dict, dimensions: dict, units: dict) -> None:
    code = data.get("dimension")
    if code and code not in dimensions:
        raise PlanImportError(
            _("Group %(order)s: dimension %(code)s does not exist in %(framework)s.")
            % {"order": order, "code": code, "framework": plan.framework.code}
        )
    group = TaskGroup(
        plan=plan,
        order=order,
        title=(data.get("title") or "")[:500],
        dimension=dimensions.get(code),
    )
    _clean(group, _("Group %(order)s") % {"order": order}, exclude=["plan"])
    group.save()
    for task_order, task in enumerate(data.get("tasks") or [], start=1):
        _import_task(group, task_order, task, units)


def _import_task(group, order: int, data: dict, units: dict) -> None:
    where = f"{group.order}.{order}"
    lead = units.get(data.get("lead_code") or "")
    support = [units[c] for c in data.get("support_codes") or [] if c in units]
    matched_names = {u.name for u in support}
    task = Task(
        group=group,
        order=order,
        title=(data.get("title") or data.get("description") or "")[:500],
        description=data.get("description") or data.get("title") or "",
        lead_unit=lead,
        lead_text="" if lead else (data.get("lead") or "")[:255],
        support_text=[s for s in data.get("support") or [] if s not in matched_names],
        due_on=_parse_iso_date(data.get("due"), f"task {where} due"),
        recurrence=data.get("recurrence") or "",
        due_text=(data.get("due_text") or "")[:255],
        expected_output=data.get("output") or "",
    )
    if not task.title:
        raise PlanImportError(_("Task %(where)s has no text.") % {"where": where})
    _clean(task, _("Task %(where)s") % {"where": where}, exclude=["group"])
    task.save()
    task.support_units.set(support)


def _import_reporting_rule(plan, data: dict, units: dict) -> None:
    via_text = data.get("via") or ""
    via_unit = _match_unit_by_name(via_text, units.values())
    ReportingRule.objects.update_or_create(
        plan=plan,
        frequency=data["frequency"],
        defaults={
            "due_text": (data.get("due") or "")[:255],
            "to_text": (data.get("to") or "")[:255],
            "via_text": via_text[:255],
            "via_unit": via_unit,
        },
    )


def _match_unit_by_name(text: str, units) -> Agency | None:
    from quantri.core.text import fold

    wanted = fold(text)
    if not wanted:
        return None
    for unit in units:
        names = {fold(unit.name), fold(unit.short_name), *(fold(a) for a in unit.aliases)}
        if wanted in names - {""}:
            return unit
    return None


def _parse_iso_date(value, field: str) -> datetime.date | None:
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise PlanImportError(
            _("%(field)s: %(value)s is not a date (YYYY-MM-DD).") % {"field": field, "value": value}
        ) from None


def _clean(obj, label: str, exclude: list[str] | None = None) -> None:
    """full_clean, with its errors turned into one message that says where the problem is."""
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as exc:
        details = "; ".join(
            " ".join(messages) if field == "__all__" else f"{field}: {' '.join(messages)}"
            for field, messages in exc.message_dict.items()
        )
        raise PlanImportError(f"{label}: {details}") from exc


@transaction.atomic
def plan_import_draft(*, agency: Agency, user, data: bytes, filename: str) -> PlanImport:
    """Parse an upload and keep it for the preview; nothing becomes a plan yet."""
    _require_agency_manager(user, agency)
    parsed = plan_parse(data=data, filename=filename, agency=agency)
    draft = PlanImport(
        agency=agency, source_filename=filename[:255], parsed=parsed, created_by=user
    )
    draft.source_document.save(filename, ContentFile(data), save=False)
    draft.save()
    return draft


@transaction.atomic
def plan_import_confirm(*, draft: PlanImport, parsed: dict, user) -> Plan:
    if draft.plan_id:
        raise PlanImportError(_("This document has already been saved as a plan."))
    draft.source_document.open("rb")
    try:
        source = draft.source_document.read()
    finally:
        draft.source_document.close()
    plan = plan_import(
        parsed=parsed, agency=draft.agency, user=user, source=source, filename=draft.source_filename
    )
    draft.parsed = parsed
    draft.plan = plan
    draft.save(update_fields=["parsed", "plan"])
    return plan


@dataclass
class EvidenceInput:
    title: str = ""
    url: str = ""
    file_name: str = ""
    file_content: bytes | None = None


def require_task_updater(user, task: Task) -> None:
    """The lead unit and the plan's managers report on a task. The page asks this before it
    reads the form, so a refused user learns nothing from the form's errors."""
    if user is not None and not Access.for_user(user).can_update_task(task):
        raise PermissionDenied(_("Only the lead unit or the plan's managers may update this task."))


@transaction.atomic
def task_record_progress(
    *,
    task: Task,
    user,
    progress: int,
    status: str | None = None,
    note: str = "",
    evidence: list[EvidenceInput] | None = None,
) -> ProgressUpdate:
    """The lead unit reports progress on a task, with a note and evidence."""
    require_task_updater(user, task)
    if not 0 <= progress <= 100:
        raise ValidationError({"progress": _("Progress must be between 0 and 100.")})
    status = status or _status_for(progress)
    if status == TaskStatus.DONE and progress != 100:
        raise ValidationError({"status": _("A task marked done must be at 100%.")})
    task.progress, task.status = progress, status
    task._history_user = user
    task.full_clean()
    task.save(update_fields=["progress", "status"])
    update = ProgressUpdate.objects.create(
        task=task, progress=progress, status=status, note=note, created_by=user
    )
    for item in evidence or []:
        _save_evidence(task, update, user, item)
    return update


def _status_for(progress: int) -> str:
    if progress == 100:
        return TaskStatus.DONE
    return TaskStatus.IN_PROGRESS if progress > 0 else TaskStatus.NOT_STARTED


def _save_evidence(task, update, user, item: EvidenceInput) -> Evidence:
    evidence = Evidence(
        task=task, update=update, title=item.title[:255], url=item.url, uploaded_by=user
    )
    if item.file_content is not None:
        evidence.file.save(item.file_name, ContentFile(item.file_content), save=False)
    evidence.full_clean(exclude=["task", "update"])
    evidence.save()
    return evidence


def plan_set_published(*, plan: Plan, user, published: bool) -> Plan:
    if user is not None and not Access.for_user(user).can_manage_plan(plan):
        raise PermissionDenied(_("Only the plan's office may publish it."))
    plan.is_published = published
    plan._history_user = user
    plan.save(update_fields=["is_published", "updated_at"])
    return plan
