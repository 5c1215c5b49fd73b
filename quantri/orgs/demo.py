"""Demo: a second department, Hưng Yên's Department of Justice with 12 units and 40 people,
imported from docs/examples/to-chuc-nhan-su-so-tu-phap.xlsx through the same importer the
/org/import/ page and `quantri orgs import` use. Importing it again changes nothing."""

from quantri.orgs.example_data import DEPARTMENT, EXAMPLE_FILE
from quantri.orgs.importing.service import org_import
from quantri.orgs.models import Agency
from quantri.orgs.services.rules import Scope


def load(context) -> None:
    if Agency.objects.filter(code=DEPARTMENT).exists():
        return  # already imported (and perhaps reorganised since: leave it as it is)
    org_import(content=EXAMPLE_FILE.read_bytes(), user=None, scope=Scope.everything())
