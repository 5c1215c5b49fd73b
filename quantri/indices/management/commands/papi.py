"""`quantri papi import PATH` and `quantri papi show --province … --year …`."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from quantri.indices import reading
from quantri.indices.models import Province
from quantri.indices.services import scores_import
from quantri.indices.sources import SourceError, read_source


class Command(BaseCommand):
    help = _("PAPI scores: import published scores, show a province's reading.")

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        importing = commands.add_parser(
            "import",
            help=_("import sub-dimension scores from a folder of yearly CSVs or a long file"),
        )
        importing.add_argument(
            "path", help=_("folder of yearly CSVs (2021.csv…), or a .csv/.xlsx in long format")
        )
        show = commands.add_parser("show", help=_("a province's scores, ranks and gaps"))
        show.add_argument("--province", required=True, help=_("code (P21) or name"))
        show.add_argument("--year", type=int, help=_("default: the latest year with scores"))
        show.add_argument("--peers", default="", help=_("peer provinces, comma-separated"))
        show.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, action, **options):
        if action == "import":
            self._import(Path(options["path"]), options["verbosity"])
        else:
            self._show(options)

    def _import(self, path: Path, verbosity: int) -> None:
        try:
            result = scores_import(source=read_source(path), progress=verbosity > 0)
        except SourceError as exc:
            lines = [_("Nothing was imported:"), *exc.messages(_)]
            raise CommandError("\n".join(lines)) from None
        self.stdout.write(
            _(
                "Years %(first)s–%(last)s: %(created)s scores added, %(updated)s updated, "
                "%(unchanged)s unchanged, %(removed)s removed."
            )
            % {
                "first": result.years[0],
                "last": result.years[-1],
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "removed": result.removed,
            }
        )

    def _show(self, options) -> None:
        province = _province(options["province"])
        peers = [_province(p) for p in options["peers"].split(",") if p.strip()]
        year = options["year"] or reading.latest_year(province)
        if year is None:
            raise CommandError(_("No PAPI scores for %(name)s.") % {"name": province.name})
        data = reading.province_profile(province, year, peers)
        if options["format"] == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(format_text(data))


def _province(text: str) -> Province:
    try:
        return Province.objects.resolve(text)
    except Province.DoesNotExist:
        raise CommandError(
            _("No province matches %(text)r: give its code (P21) or its name.") % {"text": text}
        ) from None


def _number(value, sign: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value:+.3f}" if sign else f"{value:.3f}"


def _rank(row: dict) -> str:
    return f"{row['rank']}/{row['of']}" if row["rank"] else "—"


def format_text(data: dict) -> str:
    lines = [f"{data['province_name']} ({data['province']}) — PAPI {data['year']}"]
    if data["rank"]:
        lines.append(
            _("Total %(total)s, rank %(rank)s, group %(group)s (%(label)s)")
            % {
                "total": _number(data["total"]),
                "rank": _rank(data),
                "group": data["quartile"],
                "label": reading.QUARTILE_LABELS[data["quartile"]],
            }
        )
    header = [
        _("Dimension"),
        _("Score"),
        _("Rank"),
        _("Min"),
        _("Median"),
        _("Max"),
        _("Change on last year"),
    ]
    lines.append("  ".join([f"{header[0]:<48}", *(f"{h:>8}" for h in header[1:])]))
    for row in data["dimensions"]:
        lines.append(_text_row(row, ""))
        lines.extend(_text_row(sub, "  ") for sub in row["subdimensions"])
    for peer in data["peers"]:
        lines.append(
            _("Peer %(name)s (%(code)s): total %(total)s, rank %(rank)s")
            % {
                "name": peer["province_name"],
                "code": peer["province"],
                "total": _number(peer["total"]),
                "rank": peer["rank"] or "—",
            }
        )
    lines.extend(f"* {note}" for note in data["notes"])
    return "\n".join(lines)


def _text_row(row: dict, indent: str) -> str:
    label = f"{indent}{row['code']} {row['name']}"[:48]
    cells = [
        _number(row["score"]),
        _rank(row),
        _number(row["national_min"]),
        _number(row["national_median"]),
        _number(row["national_max"]),
        _number(row["change"], sign=True) + ("" if row["change_comparable"] else "†"),
    ]
    return "  ".join([f"{label:<48}", *(f"{c:>8}" for c in cells)])
