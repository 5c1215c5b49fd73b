"""Exports as one-stop systems write them: a title block above the header, headers in
another case or broken over two lines, Vietnamese words in the choice columns, the time
before the date, blank lines and a footer — and a source's own words saved with its mapping."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook

from quantri.core.text import fold
from quantri.dossiers.import_values import SYNONYMS, ChoiceReader
from quantri.dossiers.models import Channel, ColumnMapping, Dossier, Rating, State
from quantri.procedures.tests.factories import ProcedureFactory

COLUMNS = {
    "code": "Mã hồ sơ",
    "procedure": "Mã TTHC",
    "agency": "Cơ quan",
    "applicant_name": "Người nộp",
    "channel": "Hình thức nộp",
    "received_at": "Ngày tiếp nhận",
    "state": "Trạng thái",
    "result_at": "Ngày có kết quả",
    "returned_at": "Ngày trả kết quả",
    "rating": "Đánh giá",
}
# As the file writes them: capitals, a line break inside a cell, stray spaces.
HEADER = [
    "STT",
    "MÃ HỒ SƠ",
    "Mã TTHC",
    "Cơ quan",
    "Người nộp ",
    "Hình thức\nnộp",
    "Ngày\ntiếp nhận",
    "Trạng thái",
    "Ngày có kết quả",
    "Ngày trả kết quả",
    "Đánh giá",
]


def export(path, procedure, department, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM"])
    sheet.append(["DANH SÁCH HỒ SƠ TIẾP NHẬN VÀ GIẢI QUYẾT"])
    sheet.append(["Từ ngày 01/03/2026 đến ngày 31/03/2026"])
    sheet.append([])
    sheet.append(HEADER)  # row 5
    for n, row in enumerate(rows, start=1):
        sheet.append([n, row[0], procedure.code, department.code, *row[1:]] if row else [])
    sheet.append([])
    sheet.append(["Tổng cộng", "", "", "", "", "", "", "", "", "", f"{len(rows)} hồ sơ"])
    sheet.append(["", "", "", "", "", "", "", "", "Người lập biểu"])
    book.save(path)
    return path


def rows():
    return [
        [
            "MC-1",
            "Lê Thị Hoa",
            "Trực tiếp",
            "08:30 02/03/2026",
            "Đã trả kết quả",
            "03/03/2026 10:00",
            "04/03/2026 08:00",
            "Rất hài lòng",
        ],
        [],  # a blank line in the middle
        ["MC-2", "Trần Nam", "TRỰC TUYẾN", "02-03-2026 20:15", "Đang xử lý", "", "", ""],
        ["MC-3", "Đỗ Lan", "Bưu chính", "03/03/2026", "chờ bổ sung", "", "", ""],
    ]


@pytest.fixture
def motcua(db):
    return ColumnMapping.objects.create(source="motcua", columns=COLUMNS)


def test_an_export_with_a_title_block_and_vietnamese_words_imports(
    tmp_path, procedure, department, motcua, capsys
):
    path = export(tmp_path / "motcua.xlsx", procedure, department, rows())
    call_command("dossiers", "import", str(path), "--source", "motcua")
    assert "3 created" in capsys.readouterr().out
    got = {
        d.code: (d.channel, d.state, d.rating, f"{d.received_at:%d/%m %H:%M}")
        for d in Dossier.objects.all()
    }
    assert got["MC-1"][:3] == (Channel.DESK, State.RETURNED, Rating.VERY_SATISFIED)
    assert got["MC-2"][:2] == (Channel.ONLINE, State.PROCESSING)
    assert got["MC-3"][:2] == (Channel.POST, State.ADDITIONAL_REQUESTED)
    assert Dossier.objects.get(code="MC-1").outcome == "early"


def test_row_numbers_count_the_title_block_and_name_the_files_column(
    tmp_path, procedure, department, motcua, capsys
):
    bad = rows()
    bad[2][2] = "Fax"  # MC-2, the 8th row of the sheet (title 4, header, MC-1, blank)
    path = export(tmp_path / "motcua.xlsx", procedure, department, bad)
    with pytest.raises(CommandError, match="1 bad row"):
        call_command("dossiers", "import", str(path), "--source", "motcua")
    errors = capsys.readouterr().err.splitlines()
    assert "motcua.xlsx, row 8, column Hình thức nộp: “Fax” is not one of desk, online, post" in (
        errors
    )
    assert not Dossier.objects.exists()


def test_a_sources_own_words_are_saved_with_its_mapping(
    tmp_path, procedure, department, motcua, capsys
):
    own = rows()
    own[2][4] = "Chờ ký duyệt"
    path = export(tmp_path / "motcua.xlsx", procedure, department, own)
    with pytest.raises(CommandError):
        call_command("dossiers", "import", str(path), "--source", "motcua")
    capsys.readouterr()
    motcua.values = {"state": {"Chờ ký duyệt": "processing"}}
    motcua.save()
    call_command("dossiers", "import", str(path), "--source", "motcua")
    assert Dossier.objects.get(code="MC-2").state == State.PROCESSING

    motcua.values = {"state": {"Chờ ký duyệt": "signing"}}
    motcua.save()
    with pytest.raises(CommandError, match="mapped to “signing”, which is not one of"):
        call_command("dossiers", "import", str(path), "--source", "motcua")


def test_no_header_among_the_first_rows_is_a_clear_error(tmp_path, procedure, department, motcua):
    book = Workbook()
    for _ in range(25):
        book.active.append(["Báo cáo"])
    book.active.append(HEADER)
    book.save(tmp_path / "late.xlsx")
    with pytest.raises(CommandError, match="missing column.*among the first 20 rows"):
        call_command("dossiers", "import", str(tmp_path / "late.xlsx"), "--source", "motcua")


@pytest.mark.parametrize("choices", [Channel, State, Rating])
def test_every_known_wording_reads_as_its_own_code(choices):
    reader = ChoiceReader(choices)
    for value in choices.values:
        for text in SYNONYMS.get(value, ()):
            assert reader(text) == value, text
            assert reader(text.upper()) == value
            assert reader(fold(text)) == value  # typed without diacritics


def test_a_procedure_code_a_spreadsheet_took_for_a_number_is_found(tmp_path, department, motcua):
    procedure = ProcedureFactory(agency=department, code="1.001230", processing_days=3)
    path = export(tmp_path / "n.xlsx", procedure, department, rows()[:1])
    book = load_workbook(path)
    book.active["C6"] = 1.00123  # what Excel keeps of "1.001230" typed into a number cell
    book.save(path)
    call_command("dossiers", "import", str(path), "--source", "motcua")
    assert Dossier.objects.get(code="MC-1").procedure == procedure


def test_a_sources_words_are_checked_when_saved_and_when_read(
    tmp_path, procedure, department, motcua
):
    for values, message in (
        ({"colour": {"đỏ": "red"}}, "not a choice column"),
        ({"state": "processing"}, "expected {their word: our code}"),
        ({"rating": {"Tốt": "good"}}, "not one of very_satisfied"),
        (["state"], "Write {column"),
    ):
        motcua.values = values
        with pytest.raises(ValidationError, match=message):
            motcua.full_clean()
    motcua.save()  # a list saved past the form (the shell): the import says so
    path = export(tmp_path / "motcua.xlsx", procedure, department, rows())
    with pytest.raises(CommandError, match="source motcua: its words must be"):
        call_command("dossiers", "import", str(path), "--source", "motcua")
