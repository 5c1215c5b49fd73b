"""What the PAPI pages show, built from the scores: the national ranking of a year and a
province's profile with its charts. Views stay short: they parse the request and render this."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from quantri.indices import charts, reading
from quantri.indices.analytics import TOTAL, YearScores
from quantri.indices.models import Province


@dataclass
class RankRow:
    province: Province
    rank: int | None
    quartile: int | None
    scores: list[float | None]  # aligned with RankingTable.columns


@dataclass
class RankingTable:
    year: int
    sort: str
    columns: list[tuple[str, str]]  # (code, label): the total, then each measured dimension
    rows: list[RankRow] = field(default_factory=list)
    unranked: list[RankRow] = field(default_factory=list)  # no score for the sorted column

    @property
    def of(self) -> int:
        return len(self.rows)


def ranking_table(year: int, sort: str = TOTAL) -> RankingTable:
    fw = reading.framework()
    scores = reading.year_scores([year], fw)[year]
    codes = [TOTAL, *scores.measured]
    sort = sort if sort in codes else TOTAL
    table = RankingTable(year, sort, [(code, _label(code, fw)) for code in codes])
    provinces = Province.objects.select_related("successor").in_bulk(field_name="code")
    for code, rank in scores.ranking(sort):
        row = RankRow(provinces[code], rank, scores.quartile(sort, code), [])
        row.scores = [scores.value(c, code) for c in codes]
        table.rows.append(row)
    ranked = {row.province.code for row in table.rows}
    for code in sorted(set(scores.table) - ranked):
        row = RankRow(provinces[code], None, None, [scores.value(c, code) for c in codes])
        table.unranked.append(row)
    return table


def _label(code: str, fw: reading.Framework) -> str:
    return _("Total") if code == TOTAL else f"{code}. {fw.name(code)}"


def province_page(province: Province, year: int, peers: list[Province]) -> dict:
    """The profile's data (the shape `quantri papi show` prints) and its three charts."""
    fw = reading.framework()
    wanted = {y for y in reading.available_years() if y >= reading.TREND_FROM} | {year - 1, year}
    years = reading.year_scores(wanted, fw)
    profile = reading.province_profile(province, year, peers, years=years, fw=fw)
    trend_years = [y for y in sorted(years) if y >= reading.TREND_FROM]
    return {
        "profile": profile,
        "radar": _radar(province, profile) if profile["dimensions"] else "",
        "subdimension_ranges": _subdimension_ranges(province, profile),
        "trend_total": _trend_total(province, years, trend_years),
        "trend_dimensions": _trend_dimensions(province, years, trend_years, fw),
        "quartile_label": reading.QUARTILE_LABELS.get(profile["quartile"], ""),
    }


def _radar(province: Province, profile: dict) -> str:
    dimensions = profile["dimensions"]
    return charts.radar_svg(
        [f"{d['code']}. {d['name']}" for d in dimensions],
        [d["score"] for d in dimensions],
        [d["national_median"] for d in dimensions],
        names=(province.name, _("National median")),
        title=_("%(province)s, PAPI %(year)s: dimensions against the national median")
        % {"province": province.name, "year": profile["year"]},
    )


def subdimension_bars(profile: dict) -> list[charts.RangeBar]:
    """Each sub-dimension against its own range in the profile's year (issue 15: from 2021
    5.1, 5.3 and 5.4 span 0.33–3.33, not 0.25–2.5), never against the latest range."""
    return [
        charts.RangeBar(
            f"{sub['code']}. {sub['name']}",
            sub["min_score"],
            sub["max_score"],
            sub["score"],
            sub["national_median"],
        )
        for dimension in profile["dimensions"]
        for sub in dimension["subdimensions"]
        if sub.get("max_score") is not None
    ]


def _subdimension_ranges(province: Province, profile: dict) -> str:
    bars = subdimension_bars(profile)
    if not bars:
        return ""
    title = _("%(province)s, PAPI %(year)s: sub-dimensions within the year's ranges") % {
        "province": province.name,
        "year": profile["year"],
    }
    return charts.range_svg(bars, title=title, xlabel=_("Share of the year's range (%)"))


def _trend_total(province: Province, years: dict[int, YearScores], trend_years) -> str:
    if not trend_years:
        return ""
    stats = [years[y].stats(TOTAL) for y in trend_years]
    lines = [
        charts.Line(province.name, [years[y].value(TOTAL, province.code) for y in trend_years],
                    colour=charts.PROVINCE_COLOUR),
        charts.Line(_("National median"), [s.median if s else None for s in stats], "--",
                    charts.MEDIAN_COLOUR),
        charts.Line(_("National best"), [s.maximum if s else None for s in stats], ":",
                    charts.BEST_COLOUR),
    ]  # fmt: skip
    title = _("%(province)s: PAPI total since %(year)s") % {
        "province": province.name,
        "year": trend_years[0],
    }
    return charts.trend_svg(trend_years, lines, title=title, ylabel=_("Total (out of 80)"))


def _trend_dimensions(province, years, trend_years, fw: reading.Framework) -> str:
    if not trend_years:
        return ""
    lines = [
        charts.Line(f"{d.code}. {d.display_name}", [years[y].value(d.code, province.code)
                                                     for y in trend_years])
        for d in fw.top_level
    ]  # fmt: skip
    title = _("%(province)s: dimension scores since %(year)s") % {
        "province": province.name,
        "year": trend_years[0],
    }
    return charts.trend_svg(trend_years, lines, title=title, ylabel=_("Score (1–10)"))
