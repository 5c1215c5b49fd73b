"""The demo step: provinces, real scores, Hưng Yên linked to the demo province; twice = once."""

import shutil
from dataclasses import dataclass

import pytest

from quantri.indices import demo
from quantri.indices.models import Province, ScoreRecord
from quantri.indices.tests.conftest import REAL_SCORES
from quantri.orgs.models import Agency

pytestmark = pytest.mark.django_db


@dataclass
class Context:
    province: Agency


@pytest.fixture
def scores_folder(tmp_path, monkeypatch):
    """Two real years, to keep the test quick; the demo reads the whole folder."""
    for name in ("2020.csv", "2021.csv", "codebook_provinces.csv", "codebook_subdimensions.csv"):
        shutil.copy(REAL_SCORES / name, tmp_path / name)
    monkeypatch.setattr(demo, "scores_folder", lambda: tmp_path)
    return tmp_path


def test_the_demo_loads_scores_links_hung_yen_and_doubles_nothing(province, scores_folder):
    demo.load(Context(province))
    counts = (ScoreRecord.objects.count(), Province.objects.count(), Province.history.count())
    demo.load(Context(province))
    assert (ScoreRecord.objects.count(), Province.objects.count()) == counts[:2]
    assert Province.history.count() == counts[2]
    assert counts[0] == 29 * 63 + 28 * 60  # 2020 in full; 2021 without 5.2 and 3 provinces
    assert Province.objects.get(code="P21").agency == province
    assert Province.objects.for_agency(province).code == "P21"


def test_the_demo_starts_without_the_shared_data(province, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(demo, "scores_folder", lambda: tmp_path / "missing")
    demo.load(Context(province))
    assert "no PAPI scores loaded" in capsys.readouterr().err
    assert not ScoreRecord.objects.exists()
    assert Province.objects.get(code="P21").agency == province


def test_the_real_folder_is_found_beside_the_repository():
    assert demo.scores_folder().resolve() == REAL_SCORES.resolve()
