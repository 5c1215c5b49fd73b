import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from quantri.orgs.models import Agency
from quantri.plans import amending, services
from quantri.plans.models import Plan, framework_model
from quantri.plans.parsing import format_text
from quantri.plans.parsing.corpus_report import format_report
from quantri.plans.services import PlanImportError


class Command(BaseCommand):
    help = _(
        "Import a plan document (.txt, .docx, .pdf): split it into task groups by dimension and "
        "tasks, match units to the agency's units, and save it (or only print it with --dry-run)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help=_("plan document: .txt, .md, .docx or .pdf"))
        parser.add_argument(
            "--report",
            metavar="DIR",
            help=_("read every document in DIR and print a corpus report; save nothing"),
        )
        parser.add_argument("--agency", help=_("code of the agency that owns the plan"))
        parser.add_argument("--dry-run", action="store_true", help=_("read only; save nothing"))
        parser.add_argument("--format", choices=["json", "text"], default="text")
        parser.add_argument("--framework", default="PAPI", help=_("index framework code"))
        # The same duplicate check as the import page: a document whose number (same year) or
        # title matches a plan of the agency is refused unless the caller says what it is.
        choice = parser.add_mutually_exclusive_group()
        choice.add_argument(
            "--new",
            action="store_true",
            help=_("save as a new plan even if it matches a plan already saved"),
        )
        choice.add_argument(
            "--amend",
            type=int,
            metavar="PLAN_ID",
            help=_("apply the document to that plan as an amendment (a new revision)"),
        )
        parser.add_argument(
            "--cancel-missing",
            action="store_true",
            help=_("with --amend: cancel the plan's tasks the document no longer has"),
        )
        parser.add_argument("--reason", default="", help=_("with --amend: why it is amended"))

    def handle(self, *args, file, report, agency, dry_run, format, framework, **options):
        amend_id = options.get("amend")
        if report:
            self._report(Path(report), framework)
            return
        if not file:
            raise CommandError(_("Give a plan document to import, or --report DIR."))
        path = Path(file)
        data = self._read(path)
        owner = self._agency(agency)
        if not framework_model().objects.filter(code=framework).exists():
            raise CommandError(_("Unknown index framework: %(code)s") % {"code": framework})
        if owner is None and not dry_run:
            raise CommandError(
                _("--agency is required to save a plan (or use --dry-run to only read it).")
            )
        try:
            parsed = services.plan_parse(
                data=data, filename=path.name, agency=owner, framework_code=framework
            )
            plan = None
            if not dry_run and amend_id is not None:
                self._amend(parsed, owner, amend_id, path.name, options)
                return
            if not dry_run:
                if not options.get("new"):
                    self._refuse_duplicate(parsed, owner)
                plan = services.plan_import(
                    parsed=parsed,
                    agency=owner,
                    source=data,
                    filename=path.name,
                    framework_code=framework,
                )
        except PlanImportError as exc:
            raise CommandError(str(exc)) from None
        self._print(parsed, format, plan)

    def _matches(self, parsed: dict, owner: Agency) -> list:
        header = parsed.get("plan") or {}
        return amending.matching_plans(
            agency=owner,
            number=header.get("number") or "",
            title=header.get("title") or "",
            year=header.get("year"),
        )

    def _refuse_duplicate(self, parsed: dict, owner: Agency) -> None:
        matches = self._matches(parsed, owner)
        if not matches:
            return
        listed = "\n".join(
            f"  #{p.pk}  {p.number or '—'}  ({p.year or '—'})  {p.title}" for p in matches
        )
        raise CommandError(
            _(
                "This document matches a plan already saved:\n%(plans)s\nNothing was saved. "
                "Use --new to save it as a new plan, or --amend PLAN_ID to apply it to one of "
                "these plans as an amendment."
            )
            % {"plans": listed}
        )

    def _amend(self, parsed: dict, owner: Agency, plan_id: int, filename: str, options) -> None:
        """Through the amending service, as the page's "amendment of plan X" does; the plan
        must be one of the agency's (any of its plans, not only the matching ones)."""
        plan = Plan.objects.filter(pk=plan_id, agency=owner).first()
        if plan is None:
            raise CommandError(
                _("Agency %(code)s has no plan #%(id)s.") % {"code": owner.code, "id": plan_id}
            )
        try:
            revision = amending.plan_amend_from_import(
                plan=plan,
                parsed=parsed,
                user=None,
                reason=options.get("reason") or "",
                cancel_missing=options.get("cancel_missing") or False,
                filename=filename,
            )
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        changes = amending.revision_changes(revision)
        self.stderr.write(
            _("Plan #%(id)s amended: revision %(number)s, %(count)s changes.")
            % {"id": plan.pk, "number": revision.number, "count": len(changes)}
        )

    def _report(self, folder: Path, framework_code: str) -> None:
        if not folder.is_dir():
            raise CommandError(_("Not a folder: %(path)s") % {"path": folder})
        try:
            report = services.plan_corpus_report(folder=folder, framework_code=framework_code)
        except PlanImportError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(format_report(report), ending="")

    def _read(self, path: Path) -> bytes:
        if not path.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": path})
        try:
            return path.read_bytes()
        except OSError as exc:
            raise CommandError(
                _("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc.strerror}
            ) from None

    def _agency(self, code: str | None) -> Agency | None:
        if not code:
            return None
        try:
            return Agency.objects.get(code=code)
        except Agency.DoesNotExist:
            raise CommandError(_("No agency has the code %(code)s.") % {"code": code}) from None

    def _print(self, parsed: dict, format: str, plan) -> None:
        if format == "json":
            if plan is not None:
                parsed = {**parsed, "saved": {"id": plan.pk}}
            self.stdout.write(json.dumps(parsed, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(format_text(parsed))
        for warning in parsed.get("warnings") or []:
            self.stderr.write(_("Warning: %(warning)s") % {"warning": warning})
        if plan is not None:
            self.stderr.write(
                _("Saved plan #%(id)s with %(groups)s groups and %(tasks)s tasks.")
                % {
                    "id": plan.pk,
                    "groups": plan.groups.count(),
                    "tasks": sum(g.tasks.count() for g in plan.groups.all()),
                }
            )
