"""Benchmark: consolidate a generated province to DOCX + XLSX, and aggregate a whole country.

    .venv/bin/python bench/consolidate.py [--agencies 10 40] [--tasks 60] [--units 10]
                                          [--provinces 63] [--repeat 3] [--save DIR]

1. A province of N agencies (departments), each with a plan of --tasks tasks led by --units
   units, a 2021-H1 period and reports in every state: the time and peak memory (tracemalloc)
   to consolidate it up the tree to DOCX + XLSX (goal: under 2 s at 40 agencies), and the SQL
   query count, which must be the same for every N. One department's own report is timed too.
   Times are the median of --repeat runs.
2. The national run: --provinces provinces × the largest N agencies × --tasks tasks, built in
   memory, aggregated department by department, then province by province, then the country
   (goal: under 3 s and under 1 GB).

Runs against a throw-away test database of whatever DATABASE_URL names (SQLite by default).
"""

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--agencies", type=int, nargs="+", default=[10, 40])
    args.add_argument("--tasks", type=int, default=60)
    args.add_argument("--units", type=int, default=10)
    args.add_argument("--provinces", type=int, default=63)
    args.add_argument("--repeat", type=int, default=3, help="timed runs per size (median)")
    args.add_argument("--save", type=Path, help="write the largest province's files here")
    options = args.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, serialize=False)
    try:
        print(f"database: {connection.vendor}")
        province_runs(options)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    national_run(options)


def province_runs(options) -> None:
    from django.db import transaction

    from quantri.reports.consolidation import services
    from quantri.reports.tests.consolidation_factories import make_province

    print(
        f"{'agencies':>8} {'tasks':>7} {'build s':>8} {'queries':>8} {'load+agg s':>11}"
        f" {'docx s':>7} {'xlsx s':>7} {'total s':>8} {'peak MB':>8} {'docx KB':>8}"
    )
    department_line = None
    for count in options.agencies:
        with transaction.atomic():
            start = time.perf_counter()
            province, departments = make_province(
                departments=count, units=options.units, tasks=options.tasks
            )
            built = time.perf_counter() - start
            runs = [_timed_run(services, province) for _ in range(options.repeat)]
            # The median run's steps: other work on the machine shows up as outliers.
            result, docx, xlsx, queries, (t0, t1, t2, t3) = sorted(
                runs, key=lambda r: r[4][3] - r[4][0]
            )[len(runs) // 2]
            # Memory in a separate run: tracing slows Python down several times over.
            peak = _peak_mb(lambda p=province: _files(services.consolidate_agency(p, "2021-H1")))
            assert result.figures.overall.tasks == count * options.tasks
            print(
                f"{count:>8} {count * options.tasks:>7} {built:>8.1f} {queries:>8}"
                f" {t1 - t0:>11.3f} {t2 - t1:>7.3f} {t3 - t2:>7.3f} {t3 - t0:>8.3f}"
                f" {peak:>8.1f} {len(docx) / 1024:>8.0f}"
            )
            department_line = _department(departments[0])
            if options.save and count == max(options.agencies):
                options.save.mkdir(parents=True, exist_ok=True)
                (options.save / "tinh.docx").write_bytes(docx)
                (options.save / "tinh.xlsx").write_bytes(xlsx)
                department = services.consolidate_period(departments[0].period)
                (options.save / "so.docx").write_bytes(department.docx())
                (options.save / "so.xlsx").write_bytes(department.xlsx())
            transaction.set_rollback(True)
    print(department_line)


def _timed_run(services, province):
    with CaptureQueriesContext(connection) as queries:
        t0 = time.perf_counter()
        result = services.consolidate_agency(province, "2021-H1")
        t1 = time.perf_counter()
    docx = result.docx()
    t2 = time.perf_counter()
    xlsx = result.xlsx()
    t3 = time.perf_counter()
    return result, docx, xlsx, len(queries), (t0, t1, t2, t3)


def _files(result) -> None:
    result.docx()
    result.xlsx()


def _peak_mb(work) -> float:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _department(department) -> str:
    from quantri.reports.consolidation import services

    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = services.consolidate_period(department.period)
        result.docx()
        result.xlsx()
        elapsed = time.perf_counter() - start
    return (
        f"one department ({len(department.units)} units, {len(department.tasks)} tasks) to "
        f"DOCX + XLSX: {elapsed:.3f} s, {len(queries)} queries"
    )


def national_run(options) -> None:
    """Inputs are built first (not timed), then everything the aggregation does is timed."""
    from quantri.reports.consolidation.aggregate import aggregate

    agencies, tasks = max(options.agencies), options.tasks
    start = time.perf_counter()
    provinces = [
        _province_inputs(p, agencies, tasks, options.units) for p in range(options.provinces)
    ]
    built = time.perf_counter() - start
    start = time.perf_counter()
    national = _aggregate_country(provinces, aggregate)
    times = [time.perf_counter() - start]
    for _ in range(options.repeat - 1):
        start = time.perf_counter()
        _aggregate_country(provinces, aggregate)
        times.append(time.perf_counter() - start)
    elapsed = sorted(times)[len(times) // 2]
    peak = _peak_mb(lambda: _aggregate_country(provinces, aggregate))
    held = _size_mb(provinces)
    total = options.provinces * agencies * tasks
    assert national.overall.tasks == total, national.overall.tasks
    print(
        f"national: {options.provinces} provinces × {agencies} agencies × {tasks} tasks = "
        f"{total:,} tasks; inputs built in {built:.2f} s ({held:.0f} MB); aggregation "
        f"{elapsed:.3f} s, its peak memory {peak:.1f} MB; national progress {national.progress}%, "
        f"reports {national.completeness.submitted:,}/{national.completeness.expected:,}"
    )


def _size_mb(provinces) -> float:
    """What the inputs hold, measured as the process's resident memory grew to build them
    would be noisy; tracemalloc on a rebuild of one province, times the provinces, is not."""
    tracemalloc.start()
    try:
        one = _province_inputs(0, len(provinces[0]), len(provinces[0][0].tasks), 10)
        size = tracemalloc.get_traced_memory()[0] / 2**20
    finally:
        tracemalloc.stop()
    del one
    return size * len(provinces)


def _aggregate_country(provinces, aggregate):
    from quantri.reports.consolidation.data import PartRow

    province_parts = []
    for number, departments in enumerate(provinces):
        parts = []
        for data in departments:
            parts.append(PartRow(data.meta.agency_name, aggregate(data)))
        figures = aggregate(_up(f"Tỉnh {number}", parts, departments[0].dimensions))
        province_parts.append(PartRow(f"Tỉnh {number}", figures))
    return aggregate(_up("Toàn quốc", province_parts, provinces[0][0].dimensions))


def _up(name, parts, dimensions):
    from quantri.reports.consolidation.aggregate import sum_units
    from quantri.reports.consolidation.data import ConsolidationInput, Meta

    return ConsolidationInput(
        meta=Meta(agency_name=name, period_code="2021-H1"),
        dimensions=dimensions,
        parts=parts,
        units=[sum_units(p.figures.units, p.name) for p in parts],
    )


def _province_inputs(number: int, agencies: int, tasks: int, units: int):
    from quantri.reports.consolidation.data import (
        ACCEPTED,
        MISSING,
        SUBMITTED,
        ConsolidationInput,
        DimensionInfo,
        Meta,
        TaskRow,
        UnitResult,
        UnitRow,
    )

    dimensions = [DimensionInfo("g:chi dao", "Công tác chỉ đạo, điều hành", "", 0)] + [
        DimensionInfo(f"d:{c}", f"Chỉ số nội dung {c}", str(c), c) for c in range(1, 9)
    ]
    keys = [d.key for d in dimensions]
    states = [ACCEPTED, SUBMITTED, SUBMITTED, MISSING]
    inputs = []
    for a in range(agencies):
        unit_names = [f"P{number}-S{a}-U{u}" for u in range(units)]
        rows = []
        for t in range(tasks):
            status = "done" if t % 5 == 0 else "in_progress"
            progress = 100 if status == "done" else (t * 13) % 95 + 1
            lead = unit_names[t % units]
            result = UnitResult(lead, "Đã thực hiện.", {"Số văn bản": 1 + t % 4}, is_lead=True)
            rows.append(
                TaskRow(
                    keys[t % len(keys)],
                    f"{t}",
                    f"Nhiệm vụ {t}",
                    lead,
                    status,
                    progress,
                    1 + t % 3,
                    results=[result],
                )
            )
        completeness = [
            UnitRow.for_request(name, states[u % len(states)], u % 3 == 0)
            for u, name in enumerate(unit_names)
        ]
        inputs.append(
            ConsolidationInput(
                meta=Meta(agency_name=f"Sở {a} tỉnh {number}", period_code="2021-H1"),
                dimensions=dimensions,
                tasks=rows,
                units=completeness,
            )
        )
    return inputs


if __name__ == "__main__":
    main()
