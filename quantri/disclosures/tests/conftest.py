import datetime

import pytest

from quantri.disclosures.tests.factories import DisclosureCategoryFactory, DisclosureFactory


@pytest.fixture
def work_plans(db):
    return DisclosureCategoryFactory(code="work_plan", name="Kế hoạch công tác")


@pytest.fixture
def public_notice(department, work_plans):
    return DisclosureFactory(
        agency=department, category=work_plans, title="Công khai dự toán ngân sách 2026"
    )


@pytest.fixture
def internal_notice(department, work_plans):
    return DisclosureFactory(
        agency=department,
        category=work_plans,
        audience="internal",
        title="Quyết định nâng bậc lương trước thời hạn",
    )


@pytest.fixture
def overdue_notice(department, work_plans):
    """Decided long ago, never published: past its limit."""
    return DisclosureFactory(
        agency=department,
        category=work_plans,
        audience="internal",
        title="Kết quả rà soát nhu cầu đào tạo",
        decision_date=datetime.date(2026, 1, 5),
        due_on=datetime.date(2026, 1, 12),
        published_on=None,
    )
