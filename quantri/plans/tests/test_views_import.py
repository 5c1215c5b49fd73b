import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from quantri.plans.import_deadline import deadline_cell
from quantri.plans.models import Plan, PlanImport, Task
from quantri.testing.factories import PlanFactory, UserFactory

pytestmark = pytest.mark.django_db

SMALL_PLAN = """\
SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH
Số: 18/KH-SVHTTDL
Thử Nghiệm, ngày 20 tháng 02 năm 2026

KẾ HOẠCH
Nâng cao Chỉ số hiệu quả quản trị và hành chính công năm 2026

I. MỤC ĐÍCH, YÊU CẦU:
1. Mục đích:
- Nâng cao trách nhiệm của người đứng đầu.

II. NHIỆM VỤ:
1. Công tác chỉ đạo điều hành:
- Văn phòng Sở chủ trì phổ biến Kế hoạch đến công chức, viên chức;
hoàn thành trước ngày 31/03/2026.
2. Công khai minh bạch:
- Niêm yết công khai các thủ tục hành chính (Phòng Quản lý Văn hóa chủ trì,
Thư viện tỉnh phối hợp).
- Tổ công tác đặc biệt chủ trì công khai chế độ, chính sách đối với công chức.

III. TỔ CHỨC THỰC HIỆN:
Định kỳ 6 tháng, cả năm báo cáo kết quả thực hiện với Lãnh đạo Sở (qua Văn phòng Sở tổng hợp).

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.
PHÓ GIÁM ĐỐC
Nguyễn Minh Khoa
"""

upload_url = reverse("plans:import_upload")


def upload(client, agency, name="ke-hoach.txt", content: bytes | None = None):
    content = SMALL_PLAN.encode() if content is None else content
    return client.post(
        upload_url, {"agency": agency.pk, "document": SimpleUploadedFile(name, content)}
    )


def _dmy(iso: str | None) -> str:
    return datetime.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def preview_data(draft: PlanImport, **changes) -> dict:
    """The preview form as the browser would send it untouched, with some fields changed."""
    parsed = draft.parsed
    plan = parsed["plan"]
    data = {
        "plan-title": plan["title"] or "Kế hoạch",
        "plan-number": plan["number"] or "",
        "plan-issued_on": _dmy(plan["issued_on"]),
        "plan-year": plan["year"] or 2026,
        "plan-issuer": plan["issuer"] or "",
        "plan-signer_name": (plan["signer"] or {}).get("name") or "",
        "plan-signer_position": (plan["signer"] or {}).get("position") or "",
    }
    for i, group in enumerate(parsed["groups"]):
        data[f"g{i}-title"] = group["title"]
        data[f"g{i}-dimension"] = group["dimension"] or ""
        for j, task in enumerate(group["tasks"]):
            prefix = f"g{i}-t{j}"
            data[f"{prefix}-include"] = "on"
            data[f"{prefix}-title"] = task["title"]
            data[f"{prefix}-lead"] = task["lead_code"] or ("__as_written__" if task["lead"] else "")
            data[f"{prefix}-support"] = task["support_codes"]
            data[f"{prefix}-deadline"] = deadline_cell(task)
    data.update(changes)
    return data


def test_a_unit_head_cannot_open_the_import_page(client, bob):
    client.force_login(bob)
    assert client.get(upload_url).status_code == 403


def test_the_inspection_board_cannot_import(client, dave, department):
    client.force_login(dave)
    assert upload(client, department).status_code == 403
    assert not PlanImport.objects.exists()


def test_the_agency_choice_is_limited_to_agencies_the_user_manages(client, alice, erin):
    client.force_login(alice)
    choices = client.get(upload_url).context["form"].fields["agency"].queryset
    assert "Sở Y tế" not in {a.name for a in choices}
    response = upload(client, erin.memberships.get().agency)
    assert response.context["form"].errors["agency"]
    assert not PlanImport.objects.exists()


def test_an_unknown_format_is_refused_with_a_message_and_nothing_is_saved(
    client, alice, department
):
    client.force_login(alice)
    response = upload(client, department, name="ke-hoach.exe", content=b"MZ\x90\x00" * 64)
    assert response.status_code == 200
    assert "ke-hoach.exe" in response.text and "không phải là tệp được chấp nhận" in response.text
    assert not PlanImport.objects.exists() and not Plan.objects.exists()


def test_a_csv_is_refused_by_the_upload_check_naming_the_accepted_types(client, alice, department):
    # A .csv is text, so the generic upload check used to let it through to the parser,
    # which then answered in its own words; the office should see the accepted types.
    client.force_login(alice)
    response = upload(client, department, name="ke-hoach.csv", content=SMALL_PLAN.encode())
    errors = " ".join(response.context["form"].errors["document"])
    assert "ke-hoach.csv không phải là tệp được chấp nhận" in errors
    assert ".txt, .md, .docx, .pdf" in errors
    assert "could not be read as a plan" not in errors and "không đọc được" not in errors.lower()
    assert not PlanImport.objects.exists()


def test_a_docx_name_on_text_content_is_refused(client, alice, department):
    client.force_login(alice)
    response = upload(client, department, name="ke-hoach.docx")
    assert "ke-hoach.docx" in response.text
    assert not PlanImport.objects.exists()


def test_a_file_that_is_not_a_plan_shows_the_parsers_message(client, alice, department):
    client.force_login(alice)
    response = upload(client, department, content="Chỉ một dòng chữ.".encode())
    assert response.status_code == 200
    assert response.context["form"].errors["document"]
    assert not PlanImport.objects.exists()


def test_upload_preview_and_confirm_create_the_plan(
    client, alice, department, office, culture_unit, library
):
    client.force_login(alice)
    response = upload(client, department)
    draft = PlanImport.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("plans:import_preview", args=[draft.pk])

    preview = client.get(response.url)
    assert preview.status_code == 200
    assert 'value="18/KH-SVHTTDL"' in preview.text and 'value="20/02/2026"' in preview.text
    assert '<option value="T-QLVH" selected>' in preview.text  # the lead read from the text
    assert "Theo văn bản: Tổ công tác đặc biệt" in preview.text  # a lead no unit matched
    assert "Tổ công tác đặc biệt" in preview.context["preview"].warnings[-1]
    assert not Plan.objects.exists()

    data = preview_data(draft, **{"plan-title": "Kế hoạch PAPI 2026 (đã sửa)", "g1-t0-support": []})
    data.pop("g0-t0-include")  # the office leaves the first task out
    response = client.post(reverse("plans:import_preview", args=[draft.pk]), data)
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("plans:plan_detail", args=[plan.pk])
    assert (plan.title, plan.number, plan.agency) == (
        "Kế hoạch PAPI 2026 (đã sửa)",
        "18/KH-SVHTTDL",
        department,
    )
    matched, unmatched = Task.objects.filter(group__plan=plan).order_by("group__order", "order")
    assert matched.lead_unit == culture_unit and matched.group.dimension.code == "2"
    # The office took the library off: it does not come back as a name "as written".
    assert not matched.support_units.exists() and matched.support_text == []
    assert unmatched.lead_unit is None and unmatched.lead_text == "Tổ công tác đặc biệt"
    draft.refresh_from_db()
    assert draft.plan == plan
    assert client.get(response.url).status_code == 200
    again = client.get(reverse("plans:import_preview", args=[draft.pk]))
    assert again.status_code == 302 and again.url == response.url


def test_the_office_can_give_an_unmatched_task_to_a_unit(client, alice, department, office):
    client.force_login(alice)
    upload(client, department)
    draft = PlanImport.objects.get()
    data = preview_data(draft, **{"g1-t1-lead": office.code, "g1-dimension": "3"})
    client.post(reverse("plans:import_preview", args=[draft.pk]), data)
    task = Task.objects.get(group__order=2, order=2)
    assert (task.lead_unit, task.lead_text, task.group.dimension.code) == (office, "", "3")


def test_a_missing_year_is_asked_for_and_nothing_is_saved(client, alice, department, office):
    client.force_login(alice)
    upload(client, department)
    draft = PlanImport.objects.get()
    response = client.post(
        reverse("plans:import_preview", args=[draft.pk]), preview_data(draft, **{"plan-year": ""})
    )
    assert response.status_code == 200
    assert "Một số trường cần sửa" in response.text
    assert not Plan.objects.exists()


def test_a_number_already_used_that_year_is_refused_with_one_message(
    client, alice, department, office
):
    PlanFactory(agency=department, number="99/KH-SVHTTDL", year=2026)
    client.force_login(alice)
    upload(client, department)
    draft = PlanImport.objects.get()
    data = preview_data(draft, **{"plan-number": "99/KH-SVHTTDL", "plan-year": "2026"})
    response = client.post(reverse("plans:import_preview", args=[draft.pk]), data)
    assert response.status_code == 200
    assert len(response.context["preview"].header.non_field_errors()) == 1
    assert Plan.objects.count() == 1 and PlanImport.objects.get().plan is None


def test_an_invalid_date_is_shown_on_its_field(client, alice, department, office):
    client.force_login(alice)
    upload(client, department)
    draft = PlanImport.objects.get()
    data = preview_data(draft, **{"plan-issued_on": "31/02/2026"})
    response = client.post(reverse("plans:import_preview", args=[draft.pk]), data)
    assert response.status_code == 200
    assert response.context["preview"].header.errors["issued_on"]
    assert not Plan.objects.exists()


def test_a_draft_is_private_to_the_uploading_agencys_managers(client, alice, erin, department):
    client.force_login(alice)
    upload(client, department)
    draft = PlanImport.objects.get()
    client.force_login(erin)
    assert client.get(reverse("plans:import_preview", args=[draft.pk])).status_code == 404
    client.force_login(UserFactory(username="mallory"))
    assert client.get(reverse("plans:import_preview", args=[draft.pk])).status_code == 404


def test_the_real_plan_goes_through_the_preview_unchanged(
    client, alice, department, office, real_plan_bytes
):
    client.force_login(alice)
    upload(client, department, name="ke-hoach-papi-2021.txt", content=real_plan_bytes)
    draft = PlanImport.objects.get()
    assert client.get(reverse("plans:import_preview", args=[draft.pk])).status_code == 200
    response = client.post(reverse("plans:import_preview", args=[draft.pk]), preview_data(draft))
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert Task.objects.filter(group__plan=plan).count() == 23
    assert plan.reporting_rules.count() == 2


def test_the_upload_page_names_every_type_the_importer_reads(client, alice, department):
    client.force_login(alice)
    page = client.get(upload_url).text
    for extension in (".txt", ".md", ".docx", ".pdf"):
        assert extension in page


def test_a_plan_kept_as_markdown_is_read(client, alice, department):
    client.force_login(alice)
    marked_up = SMALL_PLAN.replace("KẾ HOẠCH\n", "**KẾ HOẠCH**\n").encode()
    response = upload(client, department, name="ke-hoach.md", content=marked_up)
    assert response.status_code == 302
    assert PlanImport.objects.get().parsed["plan"]["number"] == "18/KH-SVHTTDL"
