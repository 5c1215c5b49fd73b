"""quantri dossiers import|generate|rebuild-aggregates|index|key."""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from quantri.core.keys import key_by_prefix, key_create, key_line, key_revoke
from quantri.dossiers import aggregates, generate, importer, stats
from quantri.dossiers.models import SourceKey
from quantri.orgs.models import Agency


class Command(BaseCommand):
    help = "One-stop dossiers: import, generate test data, rebuild aggregates, the 766 index."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="job", required=True)
        imp = sub.add_parser("import", help="Import a CSV/XLSX export of a one-stop system.")
        imp.add_argument("file")
        imp.add_argument("--source", required=True, help="The saved column mapping to use.")
        imp.add_argument("--partial", action="store_true", help="Keep the good rows.")
        imp.add_argument(
            "--agency",
            help="Only this agency's and its units' dossiers: a row of another agency, or a "
            "code already held by another agency's dossier, is a bad row.",
        )
        gen = sub.add_parser("generate", help="Generate realistic test dossiers (seeded).")
        gen.add_argument("--count", type=int, required=True)
        gen.add_argument("--year", type=int, required=True)
        gen.add_argument("--agency", help="Agency code (default: the first department).")
        gen.add_argument("--seed", type=int, default=766)
        sub.add_parser("rebuild-aggregates", help="Recompute the daily aggregates.")
        idx = sub.add_parser("index", help="The Decision 766 index of an agency for a month.")
        idx.add_argument("--agency", required=True)
        idx.add_argument("--month", required=True, help="YYYY-MM")
        idx.add_argument("--format", choices=("json", "text"), default="text")
        key = sub.add_parser("key", help="Keys for a one-stop system: POST /api/dossiers/import.")
        keys = key.add_subparsers(dest="key_job", required=True, metavar="create|list|revoke")
        create = keys.add_parser("create", help="Make a key for one agency and print it once.")
        create.add_argument("--agency", required=True, help="Its dossiers (and its units') only.")
        create.add_argument("--name", required=True, help="The system: the imports' source.")
        keys.add_parser("list", help="The keys (never the keys themselves).")
        revoke = keys.add_parser("revoke", help="Stop a key from working.")
        revoke.add_argument("prefix", help="The key's prefix, as `list` shows it.")

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

    def _import(self, *, file, source, partial, agency, **_):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
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
                f"{result.rejected} bad row(s): nothing imported (--partial keeps the good rows)"
            )
        self.stdout.write(f"{result.created} created, {result.updated} updated")

    def _generate(self, *, count, year, agency, seed, **_):
        if count < 1:
            raise CommandError("--count must be at least 1")
        root = _agency(agency) if agency else Agency.objects.filter(kind="department").first()
        if root is None:
            raise CommandError("no department to generate dossiers for: give --agency")
        created, updated = generate.generate(
            count=count, year=year, agency=root, seed=seed, progress=True
        )
        self.stdout.write(f"{created} created, {updated} updated")

    def _rebuild(self, **_):
        self.stdout.write(f"{aggregates.rebuild(progress=True)} daily aggregate rows")

    def _index(self, *, agency, month, format, **_):
        result = stats.index_for(_agency(agency), stats.Month.parse(month))
        if format == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        for group in result["groups"]:
            rate = "—" if group["rate"] is None else f"{group['rate']:.1%}"
            self.stdout.write(
                f"{group['label']:<22} {rate:>7}  {group['points']:>6.2f} / {group['max_points']:g}"
            )
        self.stdout.write(f"{'Total':<22} {'':>7}  {result['total']:>6.2f} / 100")

    def _key(self, *, key_job, **options):
        if key_job == "create":
            if not options["name"].strip():
                raise CommandError("--name must not be empty")
            agency = _agency(options["agency"])
            try:
                key, raw = key_create(SourceKey, name=options["name"], agency=agency)
            except ValidationError as error:
                raise CommandError("; ".join(error.messages)) from None
            self.stderr.write(
                f"Key {key.prefix}… made for {key.name} ({agency.code}). "
                "It is shown only now; keep it safe:"
            )
            self.stdout.write(raw)
        elif key_job == "list":
            keys = SourceKey.objects.select_related("agency")
            if not keys:
                self.stdout.write("No one-stop system keys.")
            for key in keys:
                self.stdout.write(f"{key_line(key)}  [{key.agency.code}]")
        else:
            key = key_revoke(key=key_by_prefix(SourceKey.objects.all(), options["prefix"]))
            self.stdout.write(f"Key {key.prefix}… revoked.")


def _agency(code: str) -> Agency:
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise CommandError(f"--agency: no agency with code “{code}”")
    return agency
