"""The figures an agency supplies by hand to the Decision 766 index (index_766_2026_12.INPUTS,
which holds 766-2026's too):
reading them for a period, and the office recording one."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from quantri.dossiers.index_766_2026_12 import INPUTS
from quantri.dossiers.models import IndexInput
from quantri.orgs.access import Access
from quantri.orgs.models import Agency


def for_period(ids: set[int], first: datetime.date, last: datetime.date) -> dict[str, int]:
    """The inputs of these agencies from month `first` to `last`: a flow adds its months, a
    stock (a count of procedures) takes each agency's latest month in the period."""
    rows = IndexInput.objects.filter(agency_id__in=ids, month__range=(first, last)).order_by(
        "month"
    )
    flows: dict[str, int] = {}
    stocks: dict[tuple[str, int], int] = {}
    for row in rows.values_list("figure", "agency_id", "value"):
        figure, agency_id, value = row
        if INPUTS.get(figure) == "stock":
            stocks[(figure, agency_id)] = value  # ordered by month: the latest wins
        else:
            flows[figure] = flows.get(figure, 0) + value
    for (figure, _agency), value in stocks.items():
        flows[figure] = flows.get(figure, 0) + value
    return flows


def of_month(agency: Agency, month: datetime.date) -> list[IndexInput]:
    return list(
        IndexInput.objects.filter(agency=agency, month=month)
        .select_related("recorded_by")
        .order_by("figure")
    )


@transaction.atomic
def index_input_record(
    *, user, agency: Agency, month: datetime.date, figure: str, value: int
) -> IndexInput:
    """Set one figure of an agency's month (a second entry replaces the first; the history
    keeps both). Only the agency's office coordinators and administrators may."""
    if not Access.for_user(user).can_supply_index_inputs(agency.pk):
        raise PermissionDenied(_("Only the agency's office supplies its index figures."))
    record = IndexInput.objects.filter(agency=agency, month=month, figure=figure).first()
    record = record or IndexInput(agency=agency, month=month, figure=figure)
    record.value = value
    record.recorded_by = user
    record.full_clean()
    record._history_user = user
    record.save()
    return record
