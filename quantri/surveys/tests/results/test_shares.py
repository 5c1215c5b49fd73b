"""Share satisfied per element, overall, by unit and period, on a set small enough to count."""

import datetime

import pytest

from quantri.surveys.results import (
    ALL_UNITS,
    OVERALL,
    Item,
    Respondent,
    period_of,
    question_table,
    satisfaction_table,
)
from quantri.surveys.results.export import to_csv, to_xlsx

ITEMS = [
    Item(1, "access", 5),
    Item(2, "access", 5),
    Item(3, "staff", 5),
    Item(9, None, 5, is_overall=True),
]
ELEMENTS = ["access", "staff"]
JAN, APR = datetime.date(2026, 1, 15), datetime.date(2026, 4, 2)


def person(unit, day, ratings, weight=1.0):
    return Respondent(unit=unit, submitted_on=day, ratings=ratings, weight=weight)


RESPONDENTS = [
    # access mean 4.5 → satisfied; staff 3 → not; overall 4 → satisfied
    person("VP", JAN, {1: 5, 2: 4, 3: 3, 9: 4}),
    # access mean 3.5 → not; staff 5 → satisfied; overall 5
    person("VP", APR, {1: 4, 2: 3, 3: 5, 9: 5}),
    # only one access answer (4) → satisfied; staff unanswered → not counted; overall 2
    person("TV", APR, {1: 4, 9: 2}, weight=3.0),
]


def rows_by_key(rows):
    return {(r.unit, r.period, r.element): r.estimate for r in rows}


def test_shares_per_element_and_overall_for_every_unit_together():
    rows = rows_by_key(satisfaction_table(RESPONDENTS, ITEMS, ELEMENTS, by_unit=False))
    assert rows[ALL_UNITS, "all", "access"].share == pytest.approx(2 / 3)
    assert rows[ALL_UNITS, "all", "staff"].share == pytest.approx(1 / 2)
    assert rows[ALL_UNITS, "all", "staff"].respondents == 2
    assert rows[ALL_UNITS, "all", OVERALL].share == pytest.approx(2 / 3)


def test_shares_by_unit_and_quarter():
    rows = rows_by_key(satisfaction_table(RESPONDENTS, ITEMS, ELEMENTS, period="quarter"))
    assert rows["VP", "2026-Q1", "access"].share == 1
    assert rows["VP", "2026-Q2", "access"].share == 0
    assert rows["TV", "2026-Q2", OVERALL].share == 0
    assert rows[ALL_UNITS, "2026-Q2", OVERALL].share == pytest.approx(1 / 2)
    assert ("TV", "2026-Q1", "access") not in rows


def test_weights_move_the_share():
    plain = rows_by_key(satisfaction_table(RESPONDENTS, ITEMS, ELEMENTS, by_unit=False))
    weighted = rows_by_key(
        satisfaction_table(RESPONDENTS, ITEMS, ELEMENTS, by_unit=False, weighted=True)
    )
    # The weight-3 respondent is dissatisfied overall: 2 of 5 weight units satisfied.
    assert weighted[ALL_UNITS, "all", OVERALL].share == pytest.approx(2 / 5)
    assert weighted[ALL_UNITS, "all", OVERALL].effective == pytest.approx(25 / 11)
    assert plain[ALL_UNITS, "all", OVERALL].effective == 3


def test_without_an_overall_question_overall_is_the_mean_of_every_rating():
    items = [i for i in ITEMS if not i.is_overall]
    rows = rows_by_key(satisfaction_table(RESPONDENTS, items, ELEMENTS, by_unit=False))
    # means: 4, 4, 4 → all satisfied
    assert rows[ALL_UNITS, "all", OVERALL].share == 1


def test_each_question_has_its_share():
    table = dict((item.key, estimate) for item, estimate in question_table(RESPONDENTS, ITEMS))
    assert table[1].share == 1 and table[1].respondents == 3
    assert table[2].share == pytest.approx(1 / 2)


@pytest.mark.parametrize(
    "period, key", [("month", "2026-04"), ("quarter", "2026-Q2"), ("year", "2026"), ("all", "all")]
)
def test_period_keys(period, key):
    assert period_of(APR, period) == key


def test_exports_reopen_with_their_content():
    import csv
    import io

    from openpyxl import load_workbook

    headers = ["Đơn vị", "Tỷ lệ hài lòng (%)"]
    rows = [["Bộ phận một cửa", 87.5], ["Thư viện tỉnh", None]]
    text = to_csv(headers, rows).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == [
        headers,
        ["Bộ phận một cửa", "87.5"],
        ["Thư viện tỉnh", ""],
    ]
    sheet = load_workbook(io.BytesIO(to_xlsx(headers, rows, "Kết quả"))).active
    assert sheet.title == "Kết quả"
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [headers, *rows]
