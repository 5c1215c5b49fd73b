import pytest

from quantri.feedback.services import Contact
from quantri.feedback.tests.factories import FeedbackCategoryFactory, submit
from quantri.testing.factories import papi_dimension

CONTACT = Contact(
    name="Nguyễn Thị Bình",
    phone="0912 345 678",
    email="binh.nguyen@example.vn",
    address="Số 12 phố Bạch Đằng, phường Hiến Nam",
)


@pytest.fixture
def advertising(culture_unit):
    return FeedbackCategoryFactory(
        code="quang-cao",
        name="Quảng cáo, biển hiệu",
        name_en="Advertising and signboards",
        unit=culture_unit,
        dimension=papi_dimension("2"),
        keywords="quảng cáo, biển hiệu",
    )


@pytest.fixture
def library_service(library):
    return FeedbackCategoryFactory(
        code="thu-vien", name="Thư viện", unit=library, dimension=papi_dimension("6")
    )


@pytest.fixture
def item(advertising):
    """A citizen's report about a signboard, with contact details and consent to publish."""
    return submit(advertising, contact=CONTACT, consent_to_publish=True)


@pytest.fixture
def library_item(library_service):
    return submit(library_service, text="Thư viện đóng cửa sớm hơn giờ niêm yết.")


@pytest.fixture
def plain_category(culture_unit):
    """A category that needs no migration data: transactional tests may run after another
    transactional test has emptied every table, the PAPI dimensions included."""
    return FeedbackCategoryFactory(code="quang-cao", name="Quảng cáo, biển hiệu", unit=culture_unit)
