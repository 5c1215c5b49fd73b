import datetime

import pytest
from django.utils import timezone

from quantri.dossiers import services
from quantri.procedures.tests.factories import ProcedureFactory


def local(text: str) -> datetime.datetime:
    """An aware datetime from "2026-03-10 09:00" in the project's time zone."""
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


@pytest.fixture
def procedure(department):
    return ProcedureFactory(agency=department, processing_days=3, online_service="full")


@pytest.fixture
def paper_procedure(department):
    return ProcedureFactory(agency=department, processing_days=5, online_service="none")


def register(procedure, department, **kw):
    values = {
        "procedure": procedure,
        "agency": department,
        "applicant_name": "Nguyễn Văn An",
        "channel": "desk",
        "user": None,
        "received_at": local("2026-03-10 09:00"),
    }
    return services.dossier_register(**values | kw)


@pytest.fixture
def march(department, culture_unit):
    """Three dossiers received in March 2026: one early, one late, one still open at month end
    (due in April); the procedure catalogue: 2 procedures, 1 published."""
    procedure = ProcedureFactory(agency=department, processing_days=3, online_service="full")
    ProcedureFactory(agency=department, is_published=False)
    early = register(procedure, department, unit=culture_unit, channel="online")
    late = register(procedure, department, unit=culture_unit)
    register(procedure, department, received_at=local("2026-03-31 09:00"))
    for dossier, done in ((early, "2026-03-11 10:00"), (late, "2026-03-20 10:00")):
        services.dossier_transition(dossier=dossier, to_state="processing", user=None)
        services.dossier_transition(
            dossier=dossier, to_state="processed", user=None, at=local(done)
        )
    services.dossier_update_flags(dossier=early, user=None, paid_online=True, digitised=True)
    return procedure
