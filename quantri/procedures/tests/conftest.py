import pytest

from quantri.procedures.tests.factories import ProcedureFactory, ProcedureFieldFactory


@pytest.fixture
def culture_field(db):
    return ProcedureFieldFactory(code="VH", name="Văn hóa")


@pytest.fixture
def tourism_field(db):
    return ProcedureFieldFactory(code="DL", name="Du lịch")


@pytest.fixture
def festival(department, culture_field):
    """A published provincial procedure with fees, documents and steps."""
    return ProcedureFactory(
        code="1.001234",
        name="Cấp giấy phép tổ chức lễ hội",
        field=culture_field,
        agency=department,
        processing_days=10,
        online_service="partial",
        documents=[{"name": "Văn bản đề nghị", "copies": "01 bản chính", "form": "Mẫu số 01"}],
        steps=["Nộp hồ sơ tại Bộ phận một cửa", "Thẩm định hồ sơ", "Trả kết quả"],
        legal_bases=["Nghị định số 110/2018/NĐ-CP"],
    )


@pytest.fixture
def draft_procedure(department, tourism_field):
    """Not published: the public must not see it."""
    return ProcedureFactory(
        code="1.009999",
        name="Công nhận điểm du lịch",
        field=tourism_field,
        agency=department,
        is_published=False,
    )
