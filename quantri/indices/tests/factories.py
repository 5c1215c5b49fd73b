"""Scores for tests: hand-made tables written the way the importer writes them."""

import factory

from quantri.indices.models import Dimension, Province, ScoreRecord


def province(code: str) -> Province:
    return Province.objects.get(code=code)


def sub_dimension(code: str) -> Dimension:
    return Dimension.objects.get(framework__code="PAPI", code=code)


class ScoreRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScoreRecord

    province = factory.LazyFunction(lambda: province("P21"))
    year = 2021
    dimension = factory.LazyFunction(lambda: sub_dimension("1.1"))
    score = 1.0


def add_scores(year: int, table: dict[str, dict[str, float]]) -> None:
    """{province code: {sub-dimension code: score}} for one year, in one query."""
    provinces = {p.code: p for p in Province.objects.filter(code__in=table)}
    dimensions = {
        d.code: d for d in Dimension.objects.filter(framework__code="PAPI", parent__isnull=False)
    }
    ScoreRecord.objects.bulk_create(
        ScoreRecord(province=provinces[p], year=year, dimension=dimensions[code], score=score)
        for p, scores in table.items()
        for code, score in scores.items()
    )


PAPI_2021_SUBS = [
    "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3",
    "4.1", "4.2", "4.3", "4.4", "5.1", "5.3", "5.4", "6.1", "6.2", "6.3", "6.4",
    "7.1", "7.2", "7.3", "8.1", "8.2", "8.3",
]  # fmt: skip


def even_scores(value: float, subs=PAPI_2021_SUBS) -> dict[str, float]:
    """Every sub-dimension at the same score: dimension d scores value × its part count."""
    return {code: value for code in subs}
