"""The procedure services decide who may change the catalogue, whoever calls them (page, API,
import): the agency's office, never another department's — not even by naming its code."""

import pytest
from django.core.exceptions import PermissionDenied

from quantri.orgs.models import AgencyKind
from quantri.procedures import services
from quantri.procedures.tests.factories import ProcedureFactory
from quantri.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def data_for(procedure, agency):
    return services.ProcedureData(
        code=procedure.code,
        name="Cấp giấy phép tổ chức lễ hội (sửa)",
        field=procedure.field,
        level=procedure.level,
        agency=agency,
        processing_days=7,
    )


def test_an_office_cannot_take_over_another_agencys_procedure_by_its_code(
    province, department, alice
):
    health = AgencyFactory(code="T-SYT", kind=AgencyKind.DEPARTMENT, parent=province)
    theirs = ProcedureFactory(agency=health, name="Cấp chứng chỉ hành nghề")
    with pytest.raises(PermissionDenied):
        services.procedure_save(data=data_for(theirs, department), user=alice)
    theirs.refresh_from_db()
    assert theirs.agency == health and theirs.name == "Cấp chứng chỉ hành nghề"


def test_only_the_office_publishes_or_withdraws_a_procedure(festival, alice, dave, erin):
    for outsider in (dave, erin):
        with pytest.raises(PermissionDenied):
            services.procedure_set_published(procedure=festival, user=outsider, published=False)
    festival.refresh_from_db()
    assert festival.is_published
    services.procedure_set_published(procedure=festival, user=alice, published=False)
    festival.refresh_from_db()
    assert not festival.is_published
