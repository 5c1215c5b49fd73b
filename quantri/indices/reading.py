"""Scores from the database into the analytics (quantri.indices.analytics), and a province's
reading as plain data: the shape `quantri papi show --format json`, the API and the pages share.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quantri.indices import analytics
from quantri.indices.analytics import TOTAL, Reading, Structure, YearScores
from quantri.indices.models import Dimension, Province, ScoreRecord

FRAMEWORK = "PAPI"
TREND_FROM = analytics.REDESIGN_YEAR  # trends start where years become comparable
DECIMALS = 3
QUARTILE_LABELS = {
    1: gettext_lazy("Best"),
    2: gettext_lazy("High average"),
    3: gettext_lazy("Low average"),
    4: gettext_lazy("Lowest"),
}


@dataclass
class Framework:
    """The framework's shape for the analytics and its dimensions for labels."""

    structure: Structure
    dimensions: dict[str, Dimension]  # code → dimension or sub-dimension

    def name(self, code: str) -> str:
        if code == TOTAL:
            return _("PAPI total")
        dimension = self.dimensions.get(code)
        return dimension.display_name if dimension else code

    @property
    def top_level(self) -> list[Dimension]:
        return [d for d in self.dimensions.values() if d.parent_id is None]


def framework(code: str = FRAMEWORK) -> Framework:
    dimensions = list(Dimension.objects.filter(framework__code=code).select_related("parent"))
    shape: dict[str, list[str]] = {d.code: [] for d in dimensions if d.parent_id is None}
    for d in dimensions:
        if d.parent_id is not None:
            shape[d.parent.code].append(d.code)
    structure = Structure({dim: tuple(subs) for dim, subs in shape.items()})
    return Framework(structure, {d.code: d for d in dimensions})


def available_years(code: str = FRAMEWORK) -> list[int]:
    years = ScoreRecord.objects.of_framework(code).values_list("year", flat=True).distinct()
    return sorted(years.order_by())


def year_scores(
    years: Iterable[int] | None = None, fw: Framework | None = None
) -> dict[int, YearScores]:
    """Every province's scores of the years asked (all years when None), by year."""
    fw = fw or framework()
    records = ScoreRecord.objects.of_framework(FRAMEWORK)
    if years is not None:
        records = records.filter(year__in=list(years))
    tables: dict[int, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    for province, year, code, score in records.order_by().rows():
        tables[year][province][code] = score
    return {year: YearScores(year, fw.structure, table) for year, table in tables.items()}


def latest_year(province: Province, up_to: int | None = None) -> int | None:
    """The last year the province has scores (not after `up_to`)."""
    records = province.scores.all()
    if up_to is not None:
        records = records.filter(year__lte=up_to)
    return records.order_by("-year").values_list("year", flat=True).first()


def province_profile(
    province: Province,
    year: int,
    peers: Iterable[Province] = (),
    years: dict[int, YearScores] | None = None,
    fw: Framework | None = None,
) -> dict:
    """A province's reading for a year as plain data: province, province_name, valid_to,
    successor, year, total, rank, of, quartile, national_min/median/max, change,
    change_comparable, gap_to_best, gap_to_median, dimensions (the same fields per dimension,
    with code, name and subdimensions), peers and notes. Scores are rounded to 3 decimals."""
    fw = fw or framework()
    years = years if years is not None else year_scores([year - 1, year], fw)
    peers = [p for p in peers if p.pk != province.pk]
    if year not in years:
        return _empty_profile(province, year, fw)
    reading = analytics.profile(years, province.code, year, [p.code for p in peers])
    total = _reading_fields(reading.total, with_code=False)
    return {
        **_province_fields(province),
        "province_name": province.name_in_year(year),
        "year": year,
        "total": total.pop("score"),
        **total,
        "dimensions": [_dimension_fields(d, fw, year) for d in reading.dimensions],
        "peers": [_peer_fields(p, reading.peers[p.code], years[year]) for p in peers],
        "notes": _notes(province, year, reading, years, fw),
    }


def _empty_profile(province: Province, year: int, fw: Framework) -> dict:
    return {
        **_province_fields(province),
        "year": year,
        "total": None,
        "rank": None,
        "of": 0,
        "quartile": None,
        "dimensions": [],
        "peers": [],
        "notes": [_("No PAPI scores for %(year)s.") % {"year": year}],
    }


def _province_fields(province: Province) -> dict:
    successor = province.successor
    return {
        "province": province.code,
        "province_name": province.name,
        "valid_to": province.valid_to.isoformat() if province.valid_to else None,
        "successor": {"code": successor.code, "name": successor.name} if successor else None,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)


def _reading_fields(reading: Reading, with_code: bool = True) -> dict:
    fields = {
        "score": _round(reading.score),
        "rank": reading.rank,
        "of": reading.of,
        "quartile": reading.quartile,
        "national_min": _round(reading.national_min),
        "national_median": _round(reading.national_median),
        "national_max": _round(reading.national_max),
        "change": _round(reading.change),
        "change_comparable": reading.change_comparable,
        "gap_to_best": _round(reading.gap_to_best),
        "gap_to_median": _round(reading.gap_to_median),
    }
    return {"code": reading.code, **fields} if with_code else fields


def _dimension_fields(reading: Reading, fw: Framework, year: int) -> dict:
    return {
        **_reading_fields(reading),
        "name": fw.name(reading.code),
        "subdimensions": [_subdimension_fields(sub, fw, year) for sub in reading.subdimensions],
    }


def _subdimension_fields(sub: Reading, fw: Framework, year: int) -> dict:
    """A sub-dimension with the range of its year; a change across a change of range (5.1
    from 0.25–2.5 in 2020 to 0.33–3.33 in 2021) is not comparable."""
    fields = {**_reading_fields(sub), "name": fw.name(sub.code)}
    dimension = fw.dimensions.get(sub.code)
    if dimension is None:
        return fields
    low, high = dimension.range_in(year)
    if dimension.range_in(year - 1) != (low, high):
        fields["change_comparable"] = False
    return fields | {"min_score": low, "max_score": high}


def _peer_fields(peer: Province, scores: dict, year: YearScores) -> dict:
    return {
        "province": peer.code,
        "province_name": peer.name,
        "total": _round(scores.get(TOTAL)),
        "rank": year.rank(TOTAL, peer.code),
        "scores": {code: _round(value) for code, value in scores.items() if code != TOTAL},
    }


def _notes(province, year: int, reading, years: dict, fw: Framework) -> list[str]:
    notes = []
    if reading.total.score is None:
        notes.append(
            _("%(province)s has no complete PAPI score for %(year)s in the source data.")
            % {"province": province.name, "year": year}
        )
    if year - 1 not in years or years[year - 1].value(TOTAL, province.code) is None:
        notes.append(_("No score for %(year)s: no change is shown.") % {"year": year - 1})
    elif not reading.total.change_comparable:
        notes.append(
            _("PAPI changed its indicators in 2018: changes against 2017 are not comparable.")
        )
    unmeasured = [
        code
        for code in fw.structure.subdimensions
        if code not in {s for subs in years[year].measured.values() for s in subs}
    ]
    if unmeasured:
        notes.append(
            _("Not measured in %(year)s: %(codes)s.")
            % {"year": year, "codes": ", ".join(unmeasured)}
        )
    if province.successor_id:
        notes.append(
            _("Merged into %(successor)s on %(date)s; scores up to then are shown under %(name)s.")
            % {
                "successor": province.successor.name,
                "date": date_format(province.valid_to, "d/m/Y"),
                "name": province.name,
            }
        )
    return notes
