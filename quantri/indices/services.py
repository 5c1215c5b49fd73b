"""Use cases that change index data: importing published scores, linking a province to the
organisation tree. Views, the API and the `quantri papi` command call these."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from quantri.indices.models import Dimension, Province, ScoreRecord, name_key
from quantri.indices.sources import Location, Problem, Source, SourceError, gettext_noop
from quantri.orgs.models import Agency

BATCH = 2000


class ScoreImportError(SourceError):
    """The source names provinces or codes Quản trị does not know, or impossible scores."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    years: list[int] = field(default_factory=list)


@dataclass
class _Resolver:
    """Provinces and sub-dimensions by the names and codes sources use."""

    framework: str
    provinces: dict[str, Province | None] = field(default_factory=dict)
    subdimensions: dict[str, Dimension] = field(default_factory=dict)
    dimension_codes: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for province in Province.objects.all():
            self.provinces[province.code.upper()] = province
            for key in province.name_keys():
                # A name two provinces share resolves to neither: the code must be used.
                self.provinces[key] = None if key in self.provinces else province
        dimensions = Dimension.objects.filter(framework__code=self.framework).select_related(
            "parent"
        )
        for dimension in dimensions:
            if dimension.parent_id is None:
                self.dimension_codes |= {dimension.code.upper(), dimension.source_code.upper()}
            else:
                self.subdimensions[dimension.code.upper()] = dimension
                if dimension.source_code:
                    self.subdimensions[dimension.source_code.upper()] = dimension

    def province(self, text: str) -> Province | None:
        return self.provinces.get(text.strip().upper()) or self.provinces.get(name_key(text))

    def subdimension(self, code: str) -> Dimension | None:
        return self.subdimensions.get(code.strip().upper())


def scores_import(
    *, source: Source, framework_code: str = "PAPI", progress: bool = False
) -> ImportResult:
    """Save a source's sub-dimension scores: new ones created, changed ones updated, the same
    ones left alone, so importing twice changes nothing. Years the source gives in full lose
    the scores it no longer holds. Any problem → ScoreImportError listing them all, and
    nothing is saved."""
    resolver = _Resolver(framework_code)
    problems: dict[Problem, None] = {}  # ordered and without repeats (a bad column, 63 rows)
    _check_codebooks(source, resolver, problems)
    records: dict[tuple[int, int, int], tuple[float, Location]] = {}
    for item in tqdm(source.scores, desc=_("Checking"), unit=" scores", disable=not progress):
        _resolve(item, resolver, records, problems)
    if problems:
        raise ScoreImportError(list(problems))
    with transaction.atomic():
        return _write(records, source.complete_years, framework_code, progress)


def _resolve(item, resolver: _Resolver, records: dict, problems: dict) -> None:
    province = resolver.province(item.province)
    dimension = resolver.subdimension(item.code)
    if province is None:
        message = gettext_noop("unknown province %(province)r")
        problems[Problem(item.province_where, message, {"province": item.province})] = None
    if dimension is None:
        problems[_code_problem(item, resolver)] = None
    if province is None or dimension is None:
        return
    # A sub-dimension is a part of a dimension, so it never exceeds the dimension's maximum.
    ceiling = float(dimension.parent.max_score)
    if not 0 <= item.score <= ceiling:
        message = gettext_noop("%(score)s is outside 0–%(ceiling)g")
        problems[Problem(item.where, message, {"score": item.score, "ceiling": ceiling})] = None
        return
    key = (province.pk, item.year, dimension.pk)
    if key in records:
        message = gettext_noop("the same score is also given at %(other)s")
        problems[Problem(item.where, message, {"other": records[key][1]})] = None
        return
    records[key] = (item.score, item.where)


def _code_problem(item, resolver: _Resolver) -> Problem:
    if item.code.strip().upper() in resolver.dimension_codes:
        message = gettext_noop(
            "%(code)s is a dimension; dimensions and the total are computed from "
            "sub-dimension scores, give those"
        )
    else:
        message = gettext_noop("unknown sub-dimension code %(code)r")
    return Problem(item.code_where, message, {"code": item.code})


def _check_codebooks(source: Source, resolver: _Resolver, problems: dict) -> None:
    """The codebooks must say what Quản trị says about each code, so that a renumbered source
    cannot file one province's scores under another."""
    book = Location("codebook_subdimensions.csv")
    for code, parent in source.subdimension_parents.items():
        dimension = resolver.subdimension(code)
        if dimension is not None and dimension.parent.source_code.upper() != parent.upper():
            message = gettext_noop("%(code)s belongs to %(parent)s there but to %(ours)s here")
            params = {"code": code, "parent": parent, "ours": dimension.parent.source_code}
            problems[Problem(book, message, params)] = None
    for code, (name, where) in source.province_names.items():
        province = resolver.provinces.get(code.upper())
        if province is None:
            message = gettext_noop("unknown province %(province)r")
            problems[Problem(where, message, {"province": code})] = None
        elif name_key(name) not in province.name_keys():
            message = gettext_noop("%(code)s is %(name)r there but %(ours)s here")
            params = {"code": code, "name": name, "ours": province.name}
            problems[Problem(where, message, params)] = None


def _write(records: dict, complete_years: set[int], framework: str, progress: bool):
    years = complete_years | {year for _, year, _ in records}
    existing = {
        (row.province_id, row.year, row.dimension_id): row
        for row in ScoreRecord.objects.of_framework(framework)
        .filter(year__in=years)
        .only("pk", "province_id", "year", "dimension_id", "score")
    }
    result = ImportResult(years=sorted(years))
    new, changed = [], []
    for key, (score, where) in records.items():
        row = existing.get(key)
        if row is None:
            new.append(
                ScoreRecord(
                    province_id=key[0],
                    year=key[1],
                    dimension_id=key[2],
                    score=score,
                    source=str(where)[:255],
                )
            )
        elif row.score != score:
            row.score, row.source = score, str(where)[:255]
            changed.append(row)
    stale = [
        row.pk for key, row in existing.items() if key[1] in complete_years and key not in records
    ]
    # Rows were checked above (provinces, codes, ranges, duplicates) and the database enforces
    # uniqueness: calling full_clean() on ~25,000 rows would query each foreign key again.
    for start in tqdm(range(0, len(new), BATCH), desc=_("Saving"), disable=not progress):
        ScoreRecord.objects.bulk_create(new[start : start + BATCH])
    ScoreRecord.objects.bulk_update(changed, ["score", "source"], batch_size=500)
    for start in range(0, len(stale), BATCH):
        ScoreRecord.objects.filter(pk__in=stale[start : start + BATCH]).delete()
    result.created, result.updated, result.removed = len(new), len(changed), len(stale)
    result.unchanged = len(records) - len(new) - len(changed)
    return result


def province_link_agency(*, province: Province, agency: Agency | None, user=None) -> Province:
    """Say which People's Committee in the organisation tree a PAPI province is, so its
    departments' plans can be read against its scores."""
    province.agency = agency
    province.full_clean()
    province._history_user = user
    province.save(update_fields=["agency"])
    return province
