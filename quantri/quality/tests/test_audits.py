"""Internal audits from plan to close, corrective actions verified by someone other than
their owner, the audit report (DOCX) and the review's figures (XLSX) reopened, the public
declaration, and the dimension-5 lines."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from quantri.quality import services
from quantri.quality.models import AuditStatus, CorrectiveAction, Finding
from quantri.quality.report_lines import dimension5_lines
from quantri.quality.tests.conftest import START

pytestmark = pytest.mark.django_db


def _nonconformity(audit, unit, user):
    return services.finding_add(
        user=user,
        audit=audit,
        kind="nonconformity",
        unit=unit,
        clause="8.5.1",
        description="Thiếu phiếu kiểm soát trong 2 hồ sơ.",
    )


def _action(finding, user, owner, done=True):
    return services.corrective_action_save(
        user=user,
        finding=finding,
        cause="Chưa phổ biến quy trình.",
        action="Phổ biến lại; bổ sung phiếu.",
        owner=owner,
        deadline=START + datetime.timedelta(days=30),
        done_on=START + datetime.timedelta(days=10) if done else None,
    )


def test_an_audit_runs_from_plan_to_close(audit, culture_unit, alice, bob, leader):
    finding = _nonconformity(audit, culture_unit, alice)
    with pytest.raises(ValidationError) as caught:
        services.audit_close(user=alice, audit=audit, conclusion="Hệ thống phù hợp.")
    assert "1 nonconformity(ies)" in caught.value.message_dict["conclusion"][0]
    action = _action(finding, alice, owner=bob)
    with pytest.raises(ValidationError):  # done, but nobody has verified it yet
        services.audit_close(user=alice, audit=audit, conclusion="Hệ thống phù hợp.")
    services.corrective_action_verify(user=alice, record=action, verified_on=START)
    services.audit_close(user=alice, audit=audit, conclusion="Hệ thống phù hợp.")
    audit.refresh_from_db()
    assert audit.status == AuditStatus.CLOSED and audit.conclusion == "Hệ thống phù hợp."


def test_closing_with_an_open_nonconformity_saves_nothing(audit, culture_unit, alice):
    _nonconformity(audit, culture_unit, alice)
    with pytest.raises(ValidationError):
        services.audit_close(user=alice, audit=audit, conclusion="Xong.")
    audit.refresh_from_db()
    assert audit.status == AuditStatus.PLANNED and audit.conclusion == ""


def test_the_close_form_says_why_the_audit_stays_open(client_en, audit, culture_unit, alice):
    _nonconformity(audit, culture_unit, alice)
    client_en.force_login(alice)
    response = client_en.post(
        reverse("quality:audit_close", args=[audit.pk]), {"conclusion": "Xong."}, follow=True
    )
    assert "The audit cannot be closed: 1 nonconformity(ies)" in response.content.decode()
    audit.refresh_from_db()
    assert audit.status == AuditStatus.PLANNED


def test_the_owner_of_a_corrective_action_may_not_verify_it(audit, culture_unit, alice):
    action = _action(_nonconformity(audit, culture_unit, alice), alice, owner=alice)
    with pytest.raises(ValidationError) as caught:
        services.corrective_action_verify(user=alice, record=action, verified_on=START)
    assert "verified_by" in caught.value.message_dict
    action.refresh_from_db()
    assert action.verified_on is None and action.verified_by is None


def test_an_auditor_records_findings_but_another_unit_cannot(audit, culture_unit, bob, carol, dave):
    # The fixture names alice (the office) as the only auditor.
    for outsider in (bob, carol, dave):
        with pytest.raises(PermissionDenied):
            _nonconformity(audit, culture_unit, outsider)
    audit.auditors.add(bob)
    assert _nonconformity(audit, culture_unit, bob).pk
    assert Finding.objects.count() == 1


def test_a_unit_reads_only_the_findings_about_itself(
    client, audit, culture_unit, library, alice, bob, carol, dave
):
    audit.units.add(library)
    _nonconformity(audit, culture_unit, alice)
    services.finding_add(
        user=alice, audit=audit, kind="observation", unit=library, description="Thư viện ghi chép"
    )
    url = reverse("quality:audit_detail", args=[audit.pk])
    client.force_login(bob)
    assert [f.unit for f in client.get(url).context["findings"]] == [culture_unit]
    client.force_login(carol)
    assert [f.unit for f in client.get(url).context["findings"]] == [library]
    client.force_login(dave)  # the People's Inspection Board reads all
    assert len(client.get(url).context["findings"]) == 2
    assert client.post(url, {"kind": "observation"}).status_code == 403


def test_the_audit_report_reopens_with_its_findings_and_actions(
    client, audit, culture_unit, alice, bob
):
    action = _action(_nonconformity(audit, culture_unit, alice), alice, owner=bob)
    services.corrective_action_verify(user=alice, record=action, verified_on=START)
    services.audit_close(user=alice, audit=audit, conclusion="Hệ thống duy trì phù hợp.")
    client.force_login(alice)
    response = client.get(reverse("quality:audit_report", args=[audit.pk]))
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "BÁO CÁO" in text
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in c for c in cells + [text])
    assert "Hệ thống duy trì phù hợp." in text
    assert "Nguyên nhân: Chưa phổ biến quy trình." in text
    assert "Không phù hợp" in cells
    assert "Đã kiểm tra xác nhận ngày 01/10/2026" in cells


def test_a_unit_may_not_download_the_audit_report(client, audit, carol):
    client.force_login(carol)
    assert client.get(reverse("quality:audit_report", args=[audit.pk])).status_code == 404


def test_the_review_records_its_inputs_and_exports_them(
    client, department, audit, culture_unit, alice, bob
):
    _action(_nonconformity(audit, culture_unit, alice), alice, owner=bob)
    review = services.review_record(
        user=alice,
        agency=department,
        year=2026,
        held_on=datetime.date(2026, 12, 1),
        chaired_by="Giám đốc Sở",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 11, 30),
        decisions="Duy trì hệ thống.",
    )
    figures = {f["code"]: f["value"] for f in review.inputs}
    assert figures["audits"] == 1 and figures["nonconformities"] == 1
    assert figures["actions_open"] == 1
    client.force_login(alice)
    response = client.get(reverse("quality:review_export", args=[review.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert rows["Số điểm không phù hợp"] == 1
    assert rows["Hành động khắc phục chưa hoàn thành"] == 1
    assert rows["Quyết định, kết quả đầu ra"] == "Duy trì hệ thống."


def test_only_the_published_declaration_reaches_the_portal(client, department, alice, process):
    kept = services.declaration_save(
        user=alice,
        agency=department,
        number="9/QĐ-NOIBO",
        signed_on=datetime.date(2026, 1, 5),
        signer_name="Ông A",
        signer_position="Giám đốc",
        scope="Phạm vi nội bộ",
        processes=[process],
    )
    published = services.declaration_save(
        user=alice,
        agency=department,
        number="12/QĐ-SVHTTDL",
        signed_on=datetime.date(2026, 1, 15),
        signer_name="Ông B",
        signer_position="Giám đốc",
        scope="Giải quyết thủ tục hành chính",
        processes=[process],
    )
    services.declaration_publish(user=alice, declaration=published)
    page = client.get(reverse("quality:declaration_public")).content.decode()
    assert "12/QĐ-SVHTTDL" in page and process.title in page
    assert kept.number not in page
    home = client.get(reverse("portal:home")).content.decode()
    assert reverse("quality:declaration_public") in home


def test_dimension5_lines_give_the_declaration_and_figures(department, alice, process):
    declaration = services.declaration_save(
        user=alice,
        agency=department,
        number="12/QĐ-SVHTTDL",
        signed_on=datetime.date(2026, 1, 15),
        signer_name="Ông B",
        signer_position="Giám đốc",
        scope="Thủ tục",
        processes=[process],
    )
    services.declaration_publish(user=alice, declaration=declaration)
    lines = dimension5_lines(
        agency=department, start=datetime.date(2026, 1, 1), end=datetime.date(2026, 6, 30)
    )
    labels = {label: value for label, value, note in lines}
    assert labels["Công bố Hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015"] == (
        "12/QĐ-SVHTTDL"
    )
    assert labels["Số quy trình nội bộ đã xây dựng"] == 1
    assert labels["Tỷ lệ hồ sơ giải quyết đúng hạn"] == "—"
    assert CorrectiveAction.objects.count() == 0
