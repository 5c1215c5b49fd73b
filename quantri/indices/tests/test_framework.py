import pytest

from quantri.indices.loading import load_framework
from quantri.indices.models import Dimension, Framework

pytestmark = pytest.mark.django_db


def test_papi_is_loaded_with_eight_dimensions_and_their_sub_dimensions():
    papi = Framework.objects.get(code="PAPI")
    top = Dimension.objects.filter(framework=papi).top_level()
    assert [d.code for d in top] == [str(n) for n in range(1, 9)]
    assert Dimension.objects.filter(framework=papi, parent__isnull=False).count() == 29
    assert top.get(code="8").name == "Quản trị điện tử"
    assert top.get(code="8").name_en == "E-governance"
    assert [c.code for c in top.get(code="7").children.all()] == ["7.1", "7.2", "7.3"]


def test_sub_dimensions_apply_only_in_the_years_they_were_measured():
    in_2021 = Dimension.objects.filter(framework__code="PAPI").applicable(2021)
    assert not in_2021.filter(code="5.2").exists()
    assert (
        Dimension.objects.filter(framework__code="PAPI")
        .applicable(2019)
        .filter(code="5.2")
        .exists()
    )
    assert (
        not Dimension.objects.filter(framework__code="PAPI")
        .applicable(2018)
        .filter(code="8.3")
        .exists()
    )


def test_another_framework_is_added_as_data_alone():
    spec = {
        "code": "SIPAS",
        "name_vi": "Chỉ số hài lòng về sự phục vụ hành chính",
        "dimensions": [
            {"code": str(n), "name_vi": name, "min_score": 0, "max_score": 100}
            for n, name in enumerate(
                ["Tiếp cận dịch vụ", "Thủ tục hành chính", "Công chức", "Kết quả", "Phản ánh"],
                start=1,
            )
        ],
    }
    load_framework(spec, Framework, Dimension)
    load_framework(spec, Framework, Dimension)  # loading twice changes nothing
    assert Dimension.objects.filter(framework__code="SIPAS").count() == 5
