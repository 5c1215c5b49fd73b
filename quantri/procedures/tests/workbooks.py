"""Workbooks for import tests, built cell by cell like a user's spreadsheet."""

import io

from openpyxl import Workbook

PROCEDURE_HEADER = [
    "National code",
    "Procedure name",
    "Field code",
    "Level",
    "Implementing agency code",
    "Processing time (working days)",
    "Online service",
    "Steps (one per line)",
    "Published",
]


def workbook(procedures, *, fields=None, documents=None, fees=None, header=None) -> bytes:
    book = Workbook()
    book.remove(book.active)
    sheets = [
        ("Fields", ["Field code", "Field name"], fields or [("VH", "Văn hóa")]),
        ("Procedures", header or PROCEDURE_HEADER, procedures),
        ("Documents", ["National code", "Document", "Copies", "Form"], documents or []),
        (
            "Fees",
            ["National code", "Fee or charge", "Amount (VND)", "Amount as written"],
            fees or [],
        ),
    ]
    for title, columns, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(columns)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def good_rows(agency_code: str) -> list[tuple]:
    return [
        (
            "1.001234",
            "Cấp giấy phép tổ chức lễ hội",
            "VH",
            "province",
            agency_code,
            10,
            "partial",
            "Nộp hồ sơ\nThẩm định\nTrả kết quả",
            "yes",
        ),
        (
            "1.001235",
            "Thông báo tổ chức lễ hội",
            "VH",
            "province level",
            agency_code,
            5,
            "",
            "",
            "no",
        ),
    ]
