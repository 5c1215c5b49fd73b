"""quantri dossiers import|generate|rebuild-aggregates|index|key."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from quantri.core.keys import key_by_prefix, key_create, key_line, key_revoke
from quantri.dossiers import aggregates, generate, importer, stats
from quantri.dossiers.models import SourceKey
from quantri.orgs.models import Agency


class Command(BaseCommand):
    help = _("One-stop dossiers: import, generate test data, rebuild aggregates, the 766 index.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="job", required=True)
        imp = sub.add_parser("import", help=_("Import a CSV/XLSX export of a one-stop system."))
        imp.add_argument("file")
        imp.add_argument("--source", required=True, help=_("The saved column mapping to use."))
        imp.add_argument("--partial", action="store_true", help=_("Keep the good rows."))
        imp.add_argument(
            "--agency",
            help=_(
                "Only this agency's and its units' dossiers: a row of another agency, or a "
                "code already held by another agency's dossier, is a bad row."
            ),
        )
        gen = sub.add_parser("generate", help=_("Generate realistic test dossiers (seeded)."))
        gen.add_argument("--count", type=int, required=True)
        gen.add_argument("--year", type=int, required=True)
        gen.add_argument("--agency", help=_("Agency code (default: the first department)."))
        gen.add_argument("--seed", type=int, default=766)
        sub.add_parser("rebuild-aggregates", help=_("Recompute the daily aggregates."))
        idx = sub.add_parser("index", help=_("The Decision 766 index of an agency for a month."))
        idx.add_argument("--agency", required=True)
        idx.add_argument("--month", required=True, help="YYYY-MM")
        idx.add_argument("--format", choices=("json", "text"), default="text")
        key = sub.add_parser(
            "key", help=_("Keys for a one-stop system: POST /api/dossiers/import.")
        )
        keys = key.add_subparsers(dest="key_job", required=True, metavar="create|list|revoke")
        create = keys.add_parser("create", help=_("Make a key for one agency and print it once."))
        create.add_argument(
            "--agency", required=True, help=_("Its dossiers (and its units') only.")
        )
        create.add_argument("--name", required=True, help=_("The system: the imports' source."))
        keys.add_parser("list", help=_("The keys (never the keys themselves)."))
        revoke = keys.add_parser("revoke", help=_("Stop a key from working."))
        revoke.add_argument("prefix", help=_("The key's prefix, as `list` shows it."))

    def handle(self, *args, job, **options):
        handler = {
            "import": self._import,
            "generate": self._generate,
            "rebuild-aggregates": self._rebuild,
            "index": self._index,
            "key": self._key,
        }[job]
        try:
            handler(**options)
        except ValueError as error:
            raise CommandError(str(error)) from None

    def _import(self, *, file, source, partial, agency, **_rest):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("%(file)s: no such file") % {"file": file})
        # The operator on the server may write any agency's dossiers; --agency scopes a run to
        # one agency's subtree exactly as that agency's key is scoped on the API.
        allowed = Agency.objects.subtree_ids(_agency(agency)) if agency else None
        result = importer.import_file(
            path, source=source, partial=partial, allowed=allowed, progress=True
        )
        for line in result.errors:
            self.stderr.write(line)
        if result.errors and not partial:
            raise CommandError(
                _("%(count)d bad row(s): nothing imported (--partial keeps the good rows)")
                % {"count": result.rejected}
            )
        self.stdout.write(_created_updated(result.created, result.updated))

    def _generate(self, *, count, year, agency, seed, **_rest):
        if count < 1:
            raise CommandError(_("--count must be at least 1"))
        root = _agency(agency) if agency else Agency.objects.filter(kind="department").first()
        if root is None:
            raise CommandError(_("no department to generate dossiers for: give --agency"))
        created, updated = generate.generate(
            count=count, year=year, agency=root, seed=seed, progress=True
        )
        self.stdout.write(_created_updated(created, updated))

    def _rebuild(self, **_rest):
        rows = aggregates.rebuild(progress=True)
        self.stdout.write(_("%(rows)d daily aggregate rows") % {"rows": rows})

    def _index(self, *, agency, month, format, **_rest):
        result = stats.index_for(_agency(agency), stats.Month.parse(month))
        if format == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        for group in result["groups"]:
            rate = (
                "—"
                if group["rate"] is None
                else f"{number_format(round(group['rate'] * 100, 1), 1)}%"
            )
            points = number_format(round(group["points"], 2), 2)
            label = _(group["label"])
            self.stdout.write(f"{label:<22} {rate:>7}  {points:>6} / {group['max_points']:g}")
        total = number_format(round(result["total"], 2), 2)
        self.stdout.write(f"{_('Total'):<22} {'':>7}  {total:>6} / 100")

    def _key(self, *, key_job, **options):
        if key_job == "create":
            if not options["name"].strip():
                raise CommandError(_("--name must not be empty"))
            agency = _agency(options["agency"])
            try:
                key, raw = key_create(SourceKey, name=options["name"], agency=agency)
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from None
            self.stderr.write(
                _(
                    "Key %(prefix)s… made for %(name)s (%(agency)s). "
                    "It is shown only now; keep it safe:"
                )
                % {"prefix": key.prefix, "name": key.name, "agency": agency.code}
            )
            self.stdout.write(raw)
        elif key_job == "list":
            keys = SourceKey.objects.select_related("agency")
            if not keys:
                self.stdout.write(_("No one-stop system keys."))
            for key in keys:
                self.stdout.write(f"{key_line(key)}  [{key.agency.code}]")
        else:
            key = key_revoke(key=key_by_prefix(SourceKey.objects.all(), options["prefix"]))
            self.stdout.write(_("Key %(prefix)s… revoked.") % {"prefix": key.prefix})


def _agency(code: str) -> Agency:
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise CommandError(_("--agency: no agency with code “%(code)s”") % {"code": code})
    return agency


def _created_updated(created: int, updated: int) -> str:
    return _("%(created)d created, %(updated)d updated") % {"created": created, "updated": updated}
