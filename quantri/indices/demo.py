"""Demo step: the 63 PAPI provinces, the real 2011–2024 scores from the shared data folder, and
Hưng Yên (P21) linked to the demo province so the department's plan reads against its scores.
Idempotent: a second run finds everything in place and writes nothing."""

import sys
from pathlib import Path

from django.conf import settings

from quantri.indices.loading import load_provinces, read_provinces
from quantri.indices.models import Province
from quantri.indices.services import province_link_agency, scores_import
from quantri.indices.sources import SourceError, read_source

DEMO_PROVINCE = "P21"  # Hưng Yên, the demo's province


def scores_folder() -> Path:
    return Path(settings.BASE_DIR).parent / "shared" / "data" / "papi-scores"


def load(context) -> None:
    load_provinces(read_provinces(), Province)
    _import_scores(scores_folder())
    province = Province.objects.get(code=DEMO_PROVINCE)
    if province.agency_id != context.province.pk:
        province_link_agency(province=province, agency=context.province, user=None)


def _import_scores(folder: Path) -> None:
    # The demo must start even without the shared data: it then shows empty PAPI pages.
    if not folder.is_dir():
        sys.stderr.write(f"Warning: no PAPI scores loaded, {folder} is missing.\n")
        return
    try:
        scores_import(source=read_source(folder))
    except SourceError as exc:
        sys.stderr.write(f"Warning: no PAPI scores loaded from {folder}:\n{exc}\n")
