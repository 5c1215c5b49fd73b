"""Benchmark: one-stop dossiers at a province's volume.

    .venv/bin/python bench/dossier_scale.py [--count 100000] [--year 2025] [--repeat 3]
    scripts/with_postgres.sh .venv/bin/python bench/dossier_scale.py --count 1000000

1. Generate --count dossiers for one department (its 12 units, 40 procedures) as an export
   CSV, then import it with the code `quantri dossiers import` runs (read, check every cell,
   write dossiers and aggregates in one transaction): dossiers/s (goal ≥ 5,000/s).
2. The index of one agency for the 12 months of the year (the dashboard's query): latency read
   from the aggregates vs recomputed from the raw dossiers, and the ratio (goal: under 200 ms
   and flat as volume grows); the dashboard page itself for the 12 months. Times are the
   median of --repeat runs.
3. The index of a month in progress (15/12 10:00): its "within time / overdue" from the
   running totals plus the day's events, and the same two counts from the raw dossiers.
The fast answers are checked against the raw ones before the script ends.

Runs against a throw-away database of whatever DATABASE_URL names (a SQLite file in WAL mode
by default). Run it from a copy of the tree (git worktree) if you edit code meanwhile: the
dashboard's modules are imported late, after the import, and must match the ones loaded.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings_test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reimport", action="store_true", help="Also time a second import.")
    parser.add_argument("--progress", action="store_true", help="Show the import's progress.")
    parser.add_argument(
        "--scoped",
        action="store_true",
        help="Import as the department's key or office would: codes checked against its reach.",
    )
    parser.add_argument("--rebuild", action="store_true", help="Also time rebuild-aggregates.")
    parser.add_argument("--folder", help="Where the export and the SQLite file go (default /tmp).")
    args = parser.parse_args()
    setup_test_environment()
    with tempfile.TemporaryDirectory(prefix="quantri-bench-", dir=args.folder) as folder:
        if connection.vendor == "sqlite":
            # A database file with the project's options (WAL), as deployed — Django would
            # otherwise make the test database in memory, which is not what anyone runs.
            connection.settings_dict["TEST"]["NAME"] = str(Path(folder) / "bench.sqlite3")
        old_name = connection.creation.create_test_db(verbosity=0, serialize=False)
        try:
            run(args, Path(folder))
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)


def build():
    from quantri.orgs.models import Agency
    from quantri.procedures.models import Procedure, ProcedureField

    province = Agency.objects.create(code="B-PROV", kind="province", name="Tỉnh thử")
    department = Agency.objects.create(
        code="B-DEPT", kind="department", name="Sở thử", parent=province
    )
    for n in range(12):
        Agency.objects.create(
            code=f"B-U{n}", kind="specialised", name=f"Phòng {n}", parent=department
        )
    field = ProcedureField.objects.create(code="BF", name="Lĩnh vực")
    Procedure.objects.bulk_create(
        Procedure(
            code=f"1.{900000 + n:06d}",
            name=f"Thủ tục {n}",
            folded_name=f"thu tuc {n}",
            field=field,
            level="province",
            agency=department,
            processing_days=(1, 3, 5, 7, 10, 15, 20)[n % 7],
            online_service=("full", "partial", "none")[n % 3],
            is_published=n % 5 != 0,
        )
        for n in range(40)
    )
    return department


def dashboard_client():
    from django.contrib.auth import get_user_model
    from django.test import Client

    user = get_user_model().objects.create_superuser("bench", password="x")
    client = Client()
    client.force_login(user)
    return client


def median_ms(job, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        job()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run(args, folder: Path) -> None:
    from quantri.dossiers import generate, importer, stats
    from quantri.dossiers.index import compute
    from quantri.dossiers.models import DailyAggregate, MonthlyAggregate
    from quantri.orgs.models import Agency

    department = build()
    now = datetime.date(args.year, 12, 31)
    print(f"database: {connection.vendor}; dossiers: {args.count:,}; year {args.year}")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        print(f"SQLite file: {connection.settings_dict['NAME']} (journal {mode})")
    export = folder / "export.csv"
    start = time.perf_counter()
    generate.write_export(export, count=args.count, year=args.year, agency=department, until=now)
    seconds = time.perf_counter() - start
    size = export.stat().st_size / 2**20
    print(f"generate the export file: {seconds:.1f} s ({size:,.0f} MB CSV)")
    allowed = Agency.objects.subtree_ids(department) if args.scoped else None
    start = time.perf_counter()
    result = importer.import_file(export, source="bench", progress=args.progress, allowed=allowed)
    seconds = time.perf_counter() - start
    assert result.created == args.count and not result.errors, result.errors[:5]
    print(
        f"import (read, check, write dossiers and aggregates): {seconds:.1f} s, "
        f"{args.count / seconds:,.0f} dossiers/s"
    )
    if args.reimport:
        start = time.perf_counter()
        result = importer.import_file(export, source="bench", allowed=allowed)
        seconds = time.perf_counter() - start
        assert result.updated == args.count
        print(
            f"re-import of the same file (every code known, nothing changed): "
            f"{args.count / seconds:,.0f} dossiers/s"
        )
    print(
        f"aggregate rows: {DailyAggregate.objects.count():,} daily, "
        f"{MonthlyAggregate.objects.count():,} monthly"
    )
    months = [stats.Month(args.year, m) for m in range(1, 13)]
    version = stats.current_version(months[0])

    def with_aggregates():
        for month in months:
            stats.index_for(department, month)

    def from_raw():
        for month in months:
            compute(version.criteria, stats.figures_from_raw(department, month))

    client = dashboard_client()
    # The month in progress: "within time / overdue" at a moment inside a day, here as if it
    # were 10:00 on the 15th of December (every dossier with a later result is open): the
    # running totals to the 14th plus the dossiers received, done or due since midnight.
    moment = timezone.make_aware(datetime.datetime(args.year, 12, 15, 10, 0))
    december = months[-1]

    def in_progress():
        stats.index_for(department, december, now=moment)

    def dashboards():
        for month in months:
            response = client.get(f"/dossiers/?agency={department.pk}&month={month}")
            assert response.status_code == 200, response.status_code

    fast = median_ms(with_aggregates, args.repeat)
    slow = median_ms(from_raw, 1 if args.count > 2_000_000 else max(1, min(args.repeat, 2)))
    client.get(f"/dossiers/?agency={department.pk}")  # templates and URLs loaded once
    pages = median_ms(dashboards, args.repeat)
    live = median_ms(in_progress, args.repeat)
    start = time.perf_counter()
    naive = stats._open_figures_naive(Agency.objects.subtree_ids(department), december, moment)
    live_raw = (time.perf_counter() - start) * 1000
    print(f"index, 12 months of one agency, from aggregates: {fast:,.1f} ms")
    print(f"index, 12 months of one agency, from raw rows:   {slow:,.0f} ms")
    print(f"ratio raw / aggregates: {slow / fast:,.0f}×")
    print(f"dashboard page, 12 months (signed-in GET, rendered): {pages:,.0f} ms")
    print(f"index of the month in progress, 15/12 10:00: {live:,.1f} ms")
    print(f"  its within time / overdue counted from raw rows: {live_raw:,.0f} ms")
    if args.rebuild:
        from quantri.dossiers import aggregates

        start = time.perf_counter()
        rows = aggregates.rebuild()
        seconds = time.perf_counter() - start
        print(f"rebuild-aggregates from raw rows: {seconds:.1f} s ({rows:,} day rows)")
    with_aggregates()  # the answers agree
    now = stats.figures(department, december, now=moment)
    assert (now.within_time, now.overdue) == (naive["within_time"], naive["overdue"]), naive
    for month in months[:: 4 if args.count > 200_000 else 1]:
        assert stats.figures(department, month) == stats.figures_from_raw(department, month)


if __name__ == "__main__":
    main()
