import datetime

import pytest
from django.db import IntegrityError, transaction

from quantri.orgs.models import Agency, AgencyKind
from quantri.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_subtree_reaches_every_level_below(department, office):
    team = AgencyFactory(code="T-VP-1", parent=office)
    assert Agency.objects.subtree_ids(department) == {department.pk, office.pk, team.pk}


def test_units_of_leaves_out_the_root_and_closed_units(department, office, library):
    library.valid_to = datetime.date(2025, 7, 1)
    library.save()
    on = datetime.date(2026, 1, 1)
    assert set(Agency.objects.units_of(department, on)) == {office}
    assert set(Agency.objects.units_of(department, datetime.date(2025, 6, 30))) == {
        office,
        library,
    }


def test_a_merged_province_keeps_its_record_with_a_successor(province):
    thai_binh = AgencyFactory(
        code="TB",
        kind=AgencyKind.PROVINCE,
        name="UBND tỉnh Thái Bình",
        valid_to=datetime.date(2025, 7, 1),
        successor=province,
    )
    assert not thai_binh.is_active(datetime.date(2025, 7, 1))
    assert thai_binh.is_active(datetime.date(2025, 6, 30))
    assert list(province.predecessors.all()) == [thai_binh]


def test_database_refuses_validity_that_ends_before_it_starts(province):
    with pytest.raises(IntegrityError), transaction.atomic():
        AgencyFactory(
            code="BAD", valid_from=datetime.date(2025, 1, 1), valid_to=datetime.date(2024, 1, 1)
        )


def test_agency_changes_are_kept_in_history(office):
    office.name = "Văn phòng Sở Văn hóa"
    office.save()
    assert [h.name for h in office.history.all()] == ["Văn phòng Sở Văn hóa", "Văn phòng Sở"]
