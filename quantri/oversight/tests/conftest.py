"""The oversight personas, on top of quantri/conftest.py's department:

- ivan: the inspector of the department (Role.INSPECTOR) — writes inspections;
- alice (office), dave (People's Inspection Board): read everything;
- bob: head of the culture unit — sees only the findings about his unit;
- carol: staff of the library — no finding is about her unit, she sees nothing;
- erin: a leader of another department — sees nothing.

`checked` is a concluded check of the one-stop desk: a finding about the office and one about
the culture unit (with a violation by an office clerk and one by a culture officer), and a
remedy for each, not yet tasks.
"""

import datetime

import pytest

from quantri.orgs.models import Role
from quantri.oversight import services
from quantri.oversight.models import InspectionKind, Severity, SubjectKind
from quantri.testing.factories import MembershipFactory, UserFactory

DECIDED = datetime.date(2021, 2, 1)
CONCLUDED = datetime.date(2021, 3, 15)


@pytest.fixture
def ivan(department):
    user = UserFactory(username="ivan", first_name="Kiên", last_name="Đỗ Văn")
    MembershipFactory(user=user, agency=department, role=Role.INSPECTOR)
    return user


def open_check(department, ivan, office, number="15/QĐ-SVHTTDL"):
    return services.inspection_open(
        agency=department,
        user=ivan,
        fields=services.InspectionFields(
            kind=InspectionKind.CHECK,
            subject=services.Subject(SubjectKind.ONE_STOP_DESK, "Bộ phận Một cửa", office),
            decision_number=number,
            decision_date=DECIDED,
            period_from=datetime.date(2020, 1, 1),
            period_to=datetime.date(2020, 12, 31),
            team=[ivan],
            team_lead="Đỗ Văn Kiên",
        ),
    )


@pytest.fixture
def inspection(department, ivan, office):
    return open_check(department, ivan, office)


@pytest.fixture
def office_finding(inspection, ivan, office):
    return services.finding_add(
        inspection=inspection,
        user=ivan,
        subject_unit=office,
        rule="Hướng dẫn hồ sơ bằng phiếu",
        legal_basis="Nghị định số 118/2025/NĐ-CP",
        description="12 hồ sơ không có phiếu hướng dẫn.",
        severity=Severity.MINOR,
    )


@pytest.fixture
def culture_finding(inspection, ivan, culture_unit, office):
    finding = services.finding_add(
        inspection=inspection,
        user=ivan,
        subject_unit=culture_unit,
        rule="Xin lỗi khi trả hồ sơ quá hạn",
        legal_basis="Nghị định số 118/2025/NĐ-CP",
        description="5 hồ sơ quá hạn không có văn bản xin lỗi.",
        severity=Severity.SERIOUS,
    )
    for name, unit in (("Nguyễn Văn Hùng", culture_unit), ("Trần Thị Lụa", office)):
        services.violation_add(
            finding=finding,
            user=ivan,
            fields=services.ViolationFields(
                person_name=name,
                unit=unit,
                rule=finding.rule,
                severity=Severity.SERIOUS,
                head_name="Lê Văn Dũng",
                head_accountability="self_criticism",
            ),
        )
    return finding


@pytest.fixture
def checked(inspection, ivan, office, culture_unit, office_finding, culture_finding):
    services.remedy_add(
        inspection=inspection,
        user=ivan,
        finding=office_finding,
        text="Bổ sung phiếu hướng dẫn cho hồ sơ còn thiếu.",
        lead_unit=office,
        due_on=datetime.date(2021, 4, 30),
    )
    services.remedy_add(
        inspection=inspection,
        user=ivan,
        finding=culture_finding,
        text="Gửi văn bản xin lỗi người dân đối với 5 hồ sơ quá hạn.",
        lead_unit=culture_unit,
        support_units=[office],
        due_on=datetime.date(2021, 9, 30),
    )
    return services.inspection_conclude(
        inspection=inspection,
        user=ivan,
        number="02/KL-SVHTTDL",
        concluded_on=CONCLUDED,
        conclusion="Bộ phận Một cửa cơ bản thực hiện đúng quy trình.",
        signer_name="Đỗ Văn Kiên",
        signer_position="Trưởng đoàn kiểm tra",
    )
