from pathlib import Path

import pytest
from django.core.management import call_command

from quantri.indices.models import ScoreRecord

REAL_SCORES = Path(__file__).resolve().parents[4] / "shared" / "data" / "papi-scores"


@pytest.fixture(scope="module")
def real_scores(django_db_setup, django_db_blocker):
    """The real 2011–2024 scores, imported once for a whole test module (a few seconds), and
    removed after it so other modules start from an empty score table."""
    if not REAL_SCORES.is_dir():
        pytest.skip(f"{REAL_SCORES} is not there")
    with django_db_blocker.unblock():
        call_command("papi", "import", str(REAL_SCORES), verbosity=0)
        yield REAL_SCORES
        ScoreRecord.objects.all().delete()
