import csv

import pytest
import time_machine
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from quantri.dossiers import aggregates, stats
from quantri.dossiers.models import ColumnMapping, DailyAggregate, Dossier
from quantri.dossiers.tests.test_services import aggregate_table

HEADER = (
    "code procedure agency applicant_name channel received_at state result_at returned_at rating"
).split()


def write_csv(path, rows, header=HEADER):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def good_rows(procedure, department):
    return [
        [
            "HS-1",
            procedure.code,
            department.code,
            "Lê Thị Hoa",
            "desk",
            "10/03/2026 09:00",
            "returned",
            "11/03/2026 10:00",
            "12/03/2026 08:00",
            "satisfied",
        ],  # fmt: skip
        [
            "HS-2",
            procedure.code,
            department.code,
            "Trần Văn Nam",
            "online",
            "10/03/2026 20:00",
            "processing",
            "",
            "",
            "",
        ],  # fmt: skip
    ]


def test_import_creates_then_updates_by_code(tmp_path, procedure, department, capsys):
    path = write_csv(tmp_path / "export.csv", good_rows(procedure, department))
    call_command("dossiers", "import", str(path), "--source", "ours")
    assert "2 created, 0 updated" in capsys.readouterr().out
    rows = good_rows(procedure, department)
    rows[1][6:8] = ["processed", "16/03/2026 09:00"]
    call_command("dossiers", "import", str(write_csv(path, rows)), "--source", "ours")
    assert "0 created, 2 updated" in capsys.readouterr().out
    second = Dossier.objects.get(code="HS-2")
    assert Dossier.objects.count() == 2 and second.outcome == "late"  # due 12/03 17:00
    incremental = aggregate_table()
    aggregates.rebuild()
    assert aggregate_table() == incremental
    assert DailyAggregate.objects.get(day="2026-03-10").received == 2


def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_kept(
    tmp_path, procedure, department
):
    rows = good_rows(procedure, department)
    rows[1][1] = "9.999999"
    rows[0][5] = "hôm qua"
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(CommandError, match="2 bad row"):
        call_command("dossiers", "import", str(path), "--source", "ours")
    assert not Dossier.objects.exists()


def test_partial_keeps_the_good_rows(tmp_path, procedure, department, capsys):
    rows = good_rows(procedure, department)
    rows[1][4] = "fax"
    call_command(
        "dossiers",
        "import",
        str(write_csv(tmp_path / "x.csv", rows)),
        "--source",
        "ours",
        "--partial",
    )
    captured = capsys.readouterr()
    assert "x.csv, row 3, column channel" in captured.err
    assert list(Dossier.objects.values_list("code", flat=True)) == ["HS-1"]


def test_saved_mapping_reads_another_systems_xlsx(tmp_path, procedure, department):
    ColumnMapping.objects.create(
        source="motcua",
        columns={
            "code": "Mã hồ sơ",
            "procedure": "Mã TTHC",
            "applicant_name": "Người nộp",
            "received_at": "Ngày nhận",
        },
    )
    book = Workbook()
    sheet = book.active
    sheet.append(["Mã hồ sơ", "Mã TTHC", "agency", "Người nộp", "channel", "Ngày nhận", "state"])
    sheet.append(
        [
            "MC-1",
            procedure.code,
            department.code,
            "Phạm Thu",
            "post",
            "02/03/2026 08:30",
            "received",
        ]
    )
    book.save(tmp_path / "motcua.xlsx")
    call_command("dossiers", "import", str(tmp_path / "motcua.xlsx"), "--source", "motcua")
    assert Dossier.objects.get(code="MC-1").applicant_name == "Phạm Thu"


def test_missing_column_and_missing_file_are_clear_errors(tmp_path, procedure, department):
    path = write_csv(tmp_path / "short.csv", [["HS-1"]], header=["code"])
    with pytest.raises(CommandError, match="missing column"):
        call_command("dossiers", "import", str(path), "--source", "ours")
    with pytest.raises(CommandError, match="no such file"):
        call_command("dossiers", "import", str(tmp_path / "nope.csv"), "--source", "ours")


@time_machine.travel("2026-07-01 08:00 +0700", tick=False)
def test_generate_is_seeded_and_idempotent(
    procedure, paper_procedure, department, culture_unit, capsys
):
    call_command(
        "dossiers", "generate", "--count", "300", "--year", "2026", "--agency", department.code
    )
    assert "300 created" in capsys.readouterr().out
    first = aggregate_table()
    call_command(
        "dossiers", "generate", "--count", "300", "--year", "2026", "--agency", department.code
    )
    assert "0 created, 300 updated" in capsys.readouterr().out
    assert Dossier.objects.count() == 300 and aggregate_table() == first
    call_command("dossiers", "rebuild-aggregates")
    assert aggregate_table() == first
    assert set(Dossier.objects.values_list("outcome", flat=True)) >= {"early", "on_time", "late"}
    # the index's bounded "within time / overdue" counts agree with a scan of every dossier
    for month in range(1, 8):
        fast = stats.figures(department, stats.Month(2026, month))
        assert fast == stats.figures_from_raw(department, stats.Month(2026, month))
    assert fast.within_time > 0 and stats.figures(department, stats.Month(2026, 5)).overdue > 0


def test_generate_needs_a_known_agency(db):
    with pytest.raises(CommandError, match="no agency"):
        call_command("dossiers", "generate", "--count", "5", "--year", "2026", "--agency", "X")


def test_each_import_leaves_an_audit_record_and_a_refused_one_none(
    tmp_path, procedure, department, alice
):
    from quantri.dossiers import importer
    from quantri.dossiers.models import DossierImport

    path = write_csv(tmp_path / "export.csv", good_rows(procedure, department))
    result = importer.import_file(path, source="ours", user=alice)
    record = DossierImport.objects.get()
    assert (record.file_name, record.user, record.created, record.rejected) == (
        "export.csv",
        alice,
        2,
        0,
    )
    assert result.created == 2
    rows = good_rows(procedure, department)
    rows[0][4] = "fax"
    importer.import_file(write_csv(tmp_path / "bad.csv", rows), source="ours", user=alice)
    assert DossierImport.objects.count() == 1


def test_errors_are_capped_but_every_bad_row_is_counted(
    tmp_path, procedure, department, monkeypatch
):
    from quantri.dossiers import importer

    monkeypatch.setattr(importer, "MAX_ERRORS", 2)
    rows = [good_rows(procedure, department)[0][:] for _ in range(5)]
    for n, row in enumerate(rows):
        row[0], row[4] = f"HS-{n}", "fax"
    result = importer.import_file(write_csv(tmp_path / "many.csv", rows), source="ours")
    assert result.rejected == 5 and len(result.errors) == 3
    assert result.errors[-1] == "… more errors after the first 2"
    assert not Dossier.objects.exists()


def test_an_upload_over_the_size_limit_or_an_empty_file_is_refused(tmp_path, procedure):
    from quantri.dossiers import importer

    path = write_csv(tmp_path / "big.csv", [["x" * 2000]] * 600)
    with pytest.raises(ValueError, match="big.csv: the file is larger than 1 MB"):
        importer.import_file(path, source="ours", max_bytes=2**20)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ValueError, match="empty.csv: the file is empty"):
        importer.import_file(empty, source="ours")


def test_a_file_that_stops_being_utf8_halfway_saves_nothing(tmp_path, procedure, department):
    path = write_csv(tmp_path / "mixed.csv", good_rows(procedure, department))
    with path.open("ab") as handle:
        handle.write(b"HS-9,x,y,L\xea Th\xe0,desk\n")  # Latin-1 bytes, not UTF-8
    with pytest.raises(CommandError, match="mixed.csv: neither an XLSX workbook nor UTF-8 CSV"):
        call_command("dossiers", "import", str(path), "--source", "ours")
    assert not Dossier.objects.exists()


def test_a_dossier_names_the_import_that_last_changed_it(tmp_path, procedure, department, alice):
    from quantri.dossiers import importer

    path = write_csv(tmp_path / "export.csv", good_rows(procedure, department))
    importer.import_file(path, source="ours", user=alice)
    first = Dossier.objects.get(code="HS-2").last_import
    assert (first.user, first.file_name) == (alice, "export.csv")
    rows = good_rows(procedure, department)
    rows[1][6:8] = ["processed", "16/03/2026 09:00"]
    importer.import_file(write_csv(tmp_path / "next.csv", rows), source="ours")
    assert Dossier.objects.get(code="HS-2").last_import.file_name == "next.csv"
    assert Dossier.objects.get(code="HS-1").last_import == first  # unchanged: left alone
