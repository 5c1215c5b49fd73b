import time_machine
from django.core.management import call_command

from quantri.dossiers import stats
from quantri.dossiers.models import DailyAggregate, Dossier, MonthlyAggregate
from quantri.orgs.models import Agency


@time_machine.travel("2026-06-15 09:00 +0700", tick=False)
def test_demo_loads_a_year_of_dossiers_once(db, tmp_path):
    call_command("demo", stdout=open(tmp_path / "out", "w"))
    count, aggregates = Dossier.objects.count(), DailyAggregate.objects.count()
    assert 2500 <= count <= 3500
    call_command("demo", stdout=open(tmp_path / "out", "w"))
    assert (Dossier.objects.count(), DailyAggregate.objects.count()) == (count, aggregates)
    department = Agency.objects.get(kind="department")
    result = stats.index_for(department, stats.Month(2026, 3))
    assert result["figures"]["received"] > 100 and 30 < result["total"] <= 100
    # a demo database from before the monthly roll-up gets its month rows back
    MonthlyAggregate.objects.all().delete()
    call_command("demo", stdout=open(tmp_path / "out", "w"))
    assert stats.index_for(department, stats.Month(2026, 3)) == result
