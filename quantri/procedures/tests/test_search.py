import pytest

from quantri.procedures.models import MAX_QUERY_WORDS, Procedure
from quantri.procedures.tests.factories import ProcedureFactory

pytestmark = pytest.mark.django_db


def codes(query: str, rows=None) -> list[str]:
    rows = Procedure.objects.all() if rows is None else rows
    return list(rows.search(query).values_list("code", flat=True))


@pytest.fixture
def catalogue(db):
    return {
        "register": ProcedureFactory(code="1.000001", name="Đăng ký tổ chức lễ hội"),
        "dossier": ProcedureFactory(code="1.000002", name="Tiếp nhận hồ sơ đăng ký quảng cáo"),
        "tour": ProcedureFactory(code="1.000003", name="Cấp giấy phép kinh doanh dịch vụ lữ hành"),
        "sport": ProcedureFactory(code="2.000004", name="Đăng ký hoạt động thể thao"),
    }


@pytest.mark.parametrize(
    "query",
    ["ho so dang ky", "hồ sơ đăng ký", "HỒ SƠ ĐĂNG KÝ", "Ho So DANG KY", "hô sơ đang ky"],
)
def test_search_ignores_diacritics_case_and_the_d_with_stroke(catalogue, query):
    assert codes(query) == ["1.000002"]


def test_d_and_d_with_stroke_are_the_same_letter(catalogue):
    assert codes("dang") == codes("đăng") == codes("ĐĂNG")
    assert set(codes("dang")) == {"1.000001", "1.000002", "2.000004"}


def test_every_word_is_required_in_any_order(catalogue):
    assert codes("le hoi dang ky") == ["1.000001"]
    assert codes("lễ hội lữ hành") == []


def test_a_code_or_part_of_it_finds_the_procedure(catalogue):
    assert codes("1.000003") == ["1.000003"]
    assert codes("000004") == ["2.000004"]


def test_the_exact_code_comes_first_then_names_starting_with_the_query():
    contains = ProcedureFactory(code="1.000010", name="Thủ tục đăng ký lễ hội cấp xã")
    starts = ProcedureFactory(code="1.000011", name="Đăng ký lễ hội truyền thống")
    scattered = ProcedureFactory(code="1.000012", name="Lễ hội: thủ tục đăng ký mới")
    assert codes("dang ky le hoi") == [starts.code, contains.code, scattered.code]


def test_an_exact_code_outranks_names_that_mention_it():
    mentions = ProcedureFactory(code="1.000020", name="Sửa đổi thủ tục 1.000021 về lễ hội")
    exact = ProcedureFactory(code="1.000021", name="Công nhận điểm du lịch")
    assert codes("1.000021") == [exact.code, mentions.code]


def test_wildcards_in_the_query_are_taken_literally(catalogue):
    assert codes("%") == [] and codes("_") == []


def test_an_empty_query_lists_everything_by_name(catalogue):
    assert codes("  ") == ["1.000003", "2.000004", "1.000001", "1.000002"]


def test_filters_combine_with_the_search(catalogue, culture_field):
    sport = catalogue["sport"]
    sport.field, sport.level, sport.online_service = culture_field, "commune", "full"
    sport.save()
    rows = Procedure.objects.filter_by(field="VH", level="commune", online="full")
    assert codes("dang ky", rows) == ["2.000004"]
    assert codes("dang ky", Procedure.objects.filter_by(online="partial")) == []


def test_a_very_long_query_is_cut_to_a_bounded_search():
    words = " ".join(a + b for a in "bcdfg" for b in "hjklmnpqrs")  # 50 distinct words
    sql = str(Procedure.objects.search(words).query)
    # One LIKE per kept word, plus the three of the ranking (code prefix, name prefix, phrase).
    assert sql.count("LIKE") == MAX_QUERY_WORDS + 3
