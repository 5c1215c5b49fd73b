"""quantri dossiers import|generate|rebuild-aggregates|index."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quantri.dossiers import aggregates, generate, importer, stats
from quantri.orgs.models import Agency


class Command(BaseCommand):
    help = "One-stop dossiers: import, generate test data, rebuild aggregates, the 766 index."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="job", required=True)
        imp = sub.add_parser("import", help="Import a CSV/XLSX export of a one-stop system.")
        imp.add_argument("file")
        imp.add_argument("--source", required=True, help="The saved column mapping to use.")
        imp.add_argument("--partial", action="store_true", help="Keep the good rows.")
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

    def handle(self, *args, job, **options):
        handler = {
            "import": self._import,
            "generate": self._generate,
            "rebuild-aggregates": self._rebuild,
            "index": self._index,
        }[job]
        try:
            handler(**options)
        except ValueError as error:
            raise CommandError(str(error)) from None

    def _import(self, *, file, source, partial, **_):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        result = importer.import_file(path, source=source, partial=partial, progress=True)
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


def _agency(code: str) -> Agency:
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise CommandError(f"--agency: no agency with code “{code}”")
    return agency
