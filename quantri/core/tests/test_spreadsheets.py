"""The one writer of spreadsheet cells and CSV rows (plain Python), and the guard that keeps it
the only one: a new exporter writing cells or CSV rows itself fails here."""

import ast
import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from quantri.core.spreadsheets import (
    UnreadableSpreadsheet,
    append_row,
    csv_writer,
    looks_like_formula,
    open_workbook,
    read_rows,
    write_formula,
)

QUANTRI = Path(__file__).resolve().parents[2]
HELPER = QUANTRI / "core" / "spreadsheets.py"


def reopened(book: Workbook):
    out = io.BytesIO()
    book.save(out)
    return load_workbook(io.BytesIO(out.getvalue())).active


@pytest.mark.parametrize(
    "text", ["=1+1", "+1", "-A1", "@SUM(A1)", "\t=1", "\r=1", "  =1", "\n=1", "\u00a0=1"]
)
def test_text_a_spreadsheet_would_run_is_recognised(text):
    assert looks_like_formula(text)


@pytest.mark.parametrize("text", ["Nhiệm vụ =1", "a-b", "", "'=1", "1.5", "x@y.vn"])
def test_ordinary_text_is_left_alone(text):
    assert not looks_like_formula(text)


def test_an_xlsx_row_keeps_text_as_text_and_numbers_as_numbers():
    book = Workbook()
    append_row(book.active, ["=1+1", "+1", -5, 2.5, "#N/A", "bell\x07"])
    cells = list(reopened(book)[1])
    assert [c.value for c in cells] == ["=1+1", "+1", -5, 2.5, "#N/A", "bell"]
    assert [c.data_type for c in cells] == ["s", "s", "n", "n", "s", "s"]
    assert [c.quotePrefix for c in cells[:2]] == [True, True]


def test_our_own_formula_is_written_only_when_asked_for():
    book = Workbook()
    append_row(book.active, [1, 2])
    write_formula(book.active, 1, 3, "=SUM(A1:B1)")
    assert reopened(book)["C1"].data_type == "f"
    with pytest.raises(ValueError):
        write_formula(book.active, 1, 4, "SUM(A1:B1)")


def test_a_csv_row_gets_an_apostrophe_before_formula_text_but_not_before_numbers():
    out = io.StringIO()
    csv_writer(out).writerow(["=1+1", " -2+3", "\t=1", -5, 2.5, "Phòng số 1"])
    row = next(csv.reader(io.StringIO(out.getvalue())))
    assert row == ["'=1+1", "' -2+3", "'\t=1", "-5", "2.5", "Phòng số 1"]


def test_a_damaged_workbook_is_one_error_that_names_no_path(tmp_path):
    path = tmp_path / "hỏng.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UnreadableSpreadsheet) as error:
        open_workbook(path)
    assert str(tmp_path) not in str(error.value)


def test_a_damaged_sheet_fails_while_reading_rows_as_the_same_error(tmp_path):
    book = Workbook()
    append_row(book.active, ["a", "b"])
    path = tmp_path / "sheet.xlsx"
    book.save(path)
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(_truncate_member(path.read_bytes(), "xl/worksheets/sheet1.xml"))
    opened = open_workbook(damaged, read_only=True)
    with pytest.raises(UnreadableSpreadsheet):
        list(read_rows(opened.active))


def _truncate_member(content: bytes, member: str) -> bytes:
    import zipfile

    source, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, data[: len(data) // 2] if info.filename == member else data)
    return out.getvalue()


# The guard -----------------------------------------------------------------------------------


def _is_sheet(expression: str) -> bool:
    """`sheet`, `worksheet`, `self.sheet`, `book.active`, `ws`: a worksheet by its name."""
    last = expression.split("[")[0].split(".")[-1]
    return last in ("ws", "active") or last.endswith("sheet")


def _direct_writes(tree: ast.AST) -> list[str]:
    """Lines that write a cell or a row without quantri.core.spreadsheets."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            owner = ast.unparse(node.func.value).lower()
            if owner == "csv" and name in ("writer", "DictWriter"):
                found.append(f"{node.lineno}: csv.{name}(")
            elif name == "append" and _is_sheet(owner):
                found.append(f"{node.lineno}: {owner}.append(")
            elif name == "cell" and (
                len(node.args) > 2 or any(k.arg == "value" for k in node.keywords)
            ):
                found.append(f"{node.lineno}: {owner}.cell(…, value)")
        targets = node.targets if isinstance(node, ast.Assign) else []
        for target in (t for group in targets for t in getattr(group, "elts", [group])):
            text = ast.unparse(target).lower()
            if isinstance(target, ast.Attribute) and target.attr == "value":
                found.append(f"{node.lineno}: {text} =")
            elif isinstance(target, ast.Subscript) and _is_sheet(text):
                found.append(f"{node.lineno}: {text} =")
    return found


def test_no_module_writes_cells_or_csv_rows_around_the_helper():
    offenders = {}
    for path in sorted(QUANTRI.rglob("*.py")):
        if path == HELPER or "tests" in path.parts or "migrations" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        if "openpyxl" not in source and "csv" not in source:
            continue
        found = _direct_writes(ast.parse(source))
        if found:
            offenders[str(path.relative_to(QUANTRI))] = found
    assert offenders == {}, "write cells and CSV rows through quantri.core.spreadsheets"


def test_the_guard_catches_each_way_of_writing_around_the_helper():
    source = """
writer = csv.writer(out)
sheet.append(["=1"])
sheet.cell(row=1, column=1, value="=1")
cell.value = "=1"
worksheet["A1"] = "=1"
cell.value, cell.font = "=1", None
"""
    assert len(_direct_writes(ast.parse(source))) == 6
