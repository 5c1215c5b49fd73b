"""A parsed plan as a readable outline, for `import_plan --format text`."""

from .model import ParsedPlan

_RECURRENCES = {
    "continuous": "thường xuyên",
    "monthly": "hằng tháng",
    "quarterly": "hằng quý",
    "semiannual": "6 tháng",
    "annual": "hằng năm",
}


def format_text(parsed: ParsedPlan | dict) -> str:
    """Accepts the ParsedPlan or its to_dict() form (what the import service passes on)."""
    data = parsed.to_dict() if isinstance(parsed, ParsedPlan) else parsed
    plan = data.get("plan") or {}
    lines = _plan_lines(plan)
    for number, group in enumerate(data.get("groups") or [], start=1):
        lines.extend(_group_lines(number, group))
    lines.extend(_list("Tổ chức thực hiện", plan.get("responsibilities")))
    reporting = data.get("reporting") or []
    if reporting:
        lines += ["", "Chế độ báo cáo:"]
        lines += [
            f"  - {_RECURRENCES.get(r.get('frequency'), r.get('frequency'))}{_report(r)}"
            for r in reporting
        ]
    lines.extend(_list("Cảnh báo", data.get("warnings")))
    return "\n".join(lines).rstrip() + "\n"


def _plan_lines(plan: dict) -> list[str]:
    signer = plan.get("signer") or {}
    attached = plan.get("attached_to")
    fields = [
        ("Kế hoạch", plan.get("title")),
        ("Số", plan.get("number")),
        ("Ngày ban hành", plan.get("issued_on")),
        ("Địa danh", plan.get("place")),
        ("Cơ quan ban hành", plan.get("issuer")),
        ("Năm", plan.get("year")),
        ("Căn cứ", ", ".join(plan.get("parent_refs") or [])),
        ("Ban hành kèm theo", attached and f"Quyết định số {attached.get('number') or '?'}"),
        ("Người ký", " – ".join(v for v in (signer.get("position"), signer.get("name")) if v)),
        ("Nơi nhận", "; ".join(plan.get("recipients") or [])),
    ]
    lines = [f"{label}: {value}" for label, value in fields if value]
    lines.extend(_list("Mục đích", plan.get("purposes")))
    lines.extend(_list("Yêu cầu", plan.get("requirements")))
    return lines


def _group_lines(number: int, group: dict) -> list[str]:
    dimension = f" [chỉ số {group['dimension']}]" if group.get("dimension") else ""
    lines = ["", f"{number}. {group.get('title') or '(không tên)'}{dimension}"]
    for index, task in enumerate(group.get("tasks") or [], start=1):
        lines.append(f"  {number}.{index}. {task.get('title')}")
        details = [
            ("Chủ trì", task.get("lead")),
            ("Phối hợp", ", ".join(task.get("support") or [])),
            ("Thời hạn", task.get("due") or task.get("due_text")),
            ("Định kỳ", _RECURRENCES.get(task.get("recurrence") or "")),
            ("Sản phẩm", task.get("output")),
        ]
        shown = " | ".join(f"{label}: {value}" for label, value in details if value)
        if shown:
            lines.append(f"        {shown}")
    return lines


def _list(label: str, items) -> list[str]:
    return ["", f"{label}:", *(f"  - {item}" for item in items)] if items else []


def _report(rule: dict) -> str:
    parts = [
        f"gửi {rule['to']}" if rule.get("to") else "",
        f"qua {rule['via']}" if rule.get("via") else "",
        rule.get("due") or "",
    ]
    shown = ", ".join(p for p in parts if p)
    return f": {shown}" if shown else ""
