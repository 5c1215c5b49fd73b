import time_machine
from django.core.management import call_command

from quantri.dossiers import stats
from quantri.dossiers.models import DailyAggregate, Dossier, IndexInput, MonthlyAggregate
from quantri.orgs.models import Agency


@time_machine.travel("2026-06-15 09:00 +0700", tick=False)
def test_demo_loads_a_year_of_dossiers_once(db, tmp_path):
    call_command("demo", stdout=open(tmp_path / "out", "w"))
    count, aggregates = Dossier.objects.count(), DailyAggregate.objects.count()
    assert 2500 <= count <= 3500
    call_command("demo", stdout=open(tmp_path / "out", "w"))
    assert (Dossier.objects.count(), DailyAggregate.objects.count()) == (count, aggregates)
    department = Agency.objects.get(code="SVHTTDL-HY")
    result = stats.index_for(department, stats.Month(2026, 3))
    assert result["figures"]["received"] > 100 and 30 < result["total"] <= 100
    # a demo database from before the monthly roll-up gets its month rows back
    MonthlyAggregate.objects.all().delete()
    call_command("demo", stdout=open(tmp_path / "out", "w"))
    assert stats.index_for(department, stats.Month(2026, 3)) == result


@time_machine.travel("2026-09-15 09:00 +0700", tick=False)
def test_the_demo_shows_every_766_sub_criterion_with_its_hand_entered_figures(db, tmp_path):
    call_command("demo", stdout=open(tmp_path / "out", "w"))
    department = Agency.objects.get(code="SVHTTDL-HY")
    august = stats.index_for(department, stats.Month(2026, 8))
    assert august["version"] == "766-2026"
    subs = [s for g in august["groups"] for s in g["subcriteria"]]
    assert len(subs) == 15 and all(s["numerator_value"] is not None for s in subs)
    synced = next(s for s in subs if s["key"] == "synchronised")
    assert synced["numerator_value"] == synced["denominator_value"] * 95 // 100
    september = stats.index_for(department, stats.Month(2026, 9))
    missing = [
        s["key"]
        for g in september["groups"]
        for s in g["subcriteria"]
        if s["numerator_value"] is None
    ]
    assert missing == ["data_reused"]
    entered = IndexInput.objects.count()
    call_command("demo", stdout=open(tmp_path / "out", "w"))
    assert IndexInput.objects.count() == entered


@time_machine.travel("2027-01-10 09:00 +0700", tick=False)
def test_the_demo_scores_december_2026_on_the_portals_sub_criteria_with_every_figure(db, tmp_path):
    call_command("demo", stdout=open(tmp_path / "out", "w"))
    department = Agency.objects.get(code="SVHTTDL-HY")
    december = stats.index_for(department, stats.Month(2026, 12))
    assert december["version"] == "766-2026-12"
    subs = [s for g in december["groups"] for s in g["subcriteria"]]
    assert len(subs) == 21
    assert [s["key"] for s in subs if s["denominator_value"] in (None, 0)] == []
    assert all(s["numerator_value"] is not None for s in subs)
