"""Importing scores: the wide yearly folder and the long format, with their errors."""

import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from openpyxl import Workbook

from quantri.indices.models import ScoreRecord
from quantri.indices.services import ScoreImportError, scores_import
from quantri.indices.sources import SourceError, read_source
from quantri.indices.tests.conftest import REAL_SCORES

WIDE_HEADER = "Province,SC11,SC12,SC13,SC14,SC21,SC22,SC23,SC24,SC52\n"


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def test_a_wide_folder_is_read_cell_by_cell_and_blanks_stay_missing(tmp_path):
    write(tmp_path / "2021.csv", WIDE_HEADER + "P21,1,1,1,1,2,2,2,2,\nP22,,,,,,,,,\n")
    write(tmp_path / "notes.csv", "not,a,year\n")
    source = read_source(tmp_path)
    assert len(source.scores) == 8
    assert {s.province for s in source.scores} == {"P21"}
    assert source.complete_years == {2021}
    assert str(source.scores[4].where) == "2021.csv, row 2, column SC21"


def test_a_bad_cell_is_named_by_file_row_and_column(tmp_path):
    write(tmp_path / "2020.csv", WIDE_HEADER + "P21,1,1,1,1,2,2,2,2,1\nP22,1,x,1,1,2,2,2,2,1\n")
    with pytest.raises(SourceError) as error:
        read_source(tmp_path)
    assert str(error.value) == "2020.csv, row 3, column SC12: 'x' is not a number"


def test_the_long_format_reads_vietnamese_headers_names_and_decimal_commas(tmp_path):
    path = write(
        tmp_path / "diem.csv",
        "Tỉnh;Năm;Mã;Điểm;Ghi chú\nHưng Yên;2023;1.1;1,25;\nhung yen;2023;SC12;;\n",
    )
    source = read_source(path)
    assert [(s.province, s.year, s.code, s.score) for s in source.scores] == [
        ("Hưng Yên", 2023, "1.1", 1.25)
    ]
    assert source.complete_years == set()


def test_a_long_file_without_a_needed_column_is_refused(tmp_path):
    path = write(tmp_path / "scores.csv", "province,year,score\nP21,2023,1\n")
    with pytest.raises(SourceError, match=r"scores.csv, row 1: no column 'code'"):
        read_source(path)


def test_the_long_format_reads_the_first_sheet_of_a_workbook(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "PAPI"
    sheet.append(["province", "year", "code", "score"])
    sheet.append(["P21", 2023, "SC11", 0.8])
    sheet.append(["P21", "2023", "1.2", "abc"])
    workbook.save(tmp_path / "scores.xlsx")
    with pytest.raises(SourceError) as error:
        read_source(tmp_path / "scores.xlsx")
    assert str(error.value) == "scores.xlsx [PAPI], row 3, column score: 'abc' is not a number"


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    write(tmp_path / "scores.xlsx", "hello")
    with pytest.raises(SourceError, match="not a readable .xlsx workbook"):
        read_source(tmp_path / "scores.xlsx")


@pytest.mark.django_db
class TestImport:
    def long_file(self, tmp_path, rows: str):
        return read_source(write(tmp_path / "scores.csv", "province,year,code,score\n" + rows))

    def test_it_saves_sub_dimension_scores_and_a_second_run_changes_nothing(self, tmp_path):
        source = self.long_file(tmp_path, "P21,2023,1.1,0.8\nThái Bình,2023,SC12,1.5\n")
        first = scores_import(source=source)
        second = scores_import(source=source)
        assert (first.created, second.created, second.unchanged) == (2, 0, 2)
        thai_binh = ScoreRecord.objects.get(province__code="P22")
        assert (thai_binh.year, thai_binh.dimension.code, thai_binh.score) == (2023, "1.2", 1.5)
        assert thai_binh.source == "scores.csv, row 3, column score"

    def test_a_changed_score_is_updated_in_place(self, tmp_path):
        scores_import(source=self.long_file(tmp_path, "P21,2023,1.1,0.8\n"))
        result = scores_import(source=self.long_file(tmp_path, "P21,2023,1.1,0.9\n"))
        assert (result.created, result.updated) == (0, 1)
        assert ScoreRecord.objects.get().score == 0.9

    def test_any_bad_row_saves_nothing_and_every_problem_is_named(self, tmp_path):
        source = self.long_file(
            tmp_path,
            "P21,2023,1.1,0.8\nAtlantis,2023,1.1,1\nP21,2023,9.9,1\nP21,2023,1,6\n"
            "P21,2023,1.2,11\nP21,2023,SC11,0.7\n",
        )
        with pytest.raises(ScoreImportError) as error:
            scores_import(source=source)
        assert error.value.messages() == [
            "scores.csv, row 3, column province: unknown province 'Atlantis'",
            "scores.csv, row 4, column code: unknown sub-dimension code '9.9'",
            "scores.csv, row 5, column code: 1 is a dimension; dimensions and the total are "
            "computed from sub-dimension scores, give those",
            "scores.csv, row 6, column score: 11.0 is outside 0–10",
            "scores.csv, row 7, column score: the same score is also given at "
            "scores.csv, row 2, column score",
        ]
        assert not ScoreRecord.objects.exists()

    def test_a_yearly_file_replaces_its_year_and_leaves_other_years(self, tmp_path):
        scores_import(source=self.long_file(tmp_path, "P22,2021,1.1,0.8\nP22,2020,1.1,0.7\n"))
        folder = tmp_path / "folder"
        folder.mkdir()
        write(folder / "2021.csv", WIDE_HEADER + "P21,1,1,1,1,2,2,2,2,\nP22,,,,,,,,,\n")
        result = scores_import(source=read_source(folder))
        assert (result.created, result.removed) == (8, 1)
        assert set(ScoreRecord.objects.values_list("province__code", "year").distinct()) == {
            ("P21", 2021),
            ("P22", 2020),
        }

    def test_a_codebook_that_numbers_provinces_differently_is_refused(self, tmp_path):
        write(tmp_path / "2021.csv", WIDE_HEADER + "P21,1,1,1,1,2,2,2,2,\n")
        write(tmp_path / "codebook_provinces.csv", "Variable_Code,Variable_Name\nP21,Thai Binh\n")
        with pytest.raises(ScoreImportError) as error:
            scores_import(source=read_source(tmp_path))
        assert error.value.messages() == [
            "codebook_provinces.csv, row 2: P21 is 'Thai Binh' there but Hưng Yên here"
        ]

    def test_an_unknown_column_is_named_once_not_once_per_row(self, tmp_path):
        write(tmp_path / "2021.csv", "Province,SC11,SC99\nP21,1,1\nP22,1,1\nP99,1,\n")
        with pytest.raises(ScoreImportError) as error:
            scores_import(source=read_source(tmp_path))
        assert error.value.messages() == [
            "2021.csv, row 1, column SC99: unknown sub-dimension code 'SC99'",
            "2021.csv, row 4, column Province: unknown province 'P99'",
        ]


@pytest.mark.django_db
def test_the_command_names_the_bad_cell_and_saves_nothing(tmp_path):
    shutil.copy(REAL_SCORES / "2020.csv", tmp_path / "2020.csv")
    lines = (REAL_SCORES / "2021.csv").read_text().splitlines()
    lines[21] = lines[21].replace(lines[21].split(",")[3], "n/a", 1)  # P21, SC13
    write(tmp_path / "2021.csv", "\n".join(lines) + "\n")
    with pytest.raises(CommandError) as error, translation.override("en"):
        call_command("papi", "import", str(tmp_path), verbosity=0)
    assert "2021.csv, row 22, column SC13: 'n/a' is not a number" in str(error.value)
    assert not ScoreRecord.objects.exists()


@pytest.mark.django_db
def test_the_command_reports_what_it_did(tmp_path):
    write(tmp_path / "scores.csv", "province,year,code,score\nP21,2023,1.1,0.8\n")
    out = StringIO()
    call_command("papi", "import", str(tmp_path / "scores.csv"), stdout=out, verbosity=0)
    assert "2023–2023" in out.getvalue()
    assert ScoreRecord.objects.count() == 1


@pytest.mark.django_db
def test_a_missing_path_is_one_clear_message(tmp_path):
    with pytest.raises(CommandError, match="not found"):
        call_command("papi", "import", str(tmp_path / "nope.csv"), verbosity=0)


@pytest.mark.django_db
def test_show_for_a_province_without_scores_is_one_clear_message():
    with pytest.raises(CommandError, match="Hưng Yên"):
        call_command("papi", "show", "--province", "P21")


@pytest.mark.django_db
def test_show_prints_a_readable_table(tmp_path):
    write(tmp_path / "s.csv", "province,year,code,score\nP21,2023,1.1,0.8\nP22,2023,1.1,0.6\n")
    call_command("papi", "import", str(tmp_path / "s.csv"), verbosity=0)
    out = StringIO()
    call_command("papi", "show", "--province", "hung yen", "--peers", "P22", stdout=out)
    text = out.getvalue()
    assert text.startswith("Hưng Yên (P21) — PAPI 2023")
    assert "Civic knowledge" in text and "0.800" in text and "1/2" in text
    assert "Thái Bình (P22)" in text
