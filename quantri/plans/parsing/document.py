"""parse_plan: read the file, cut it into zones and parts, and assemble the ParsedPlan."""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import errors
from .blocks import Block, Document
from .closing import parse_closing
from .dimensions import is_numbered_dimension, match_dimension, names_framework
from .errors import PlanDocumentError
from .fields import find_references, parse_date
from .flat_tables import flat_table_groups
from .footnotes import remove_footnotes
from .groups import groups_from_part
from .header import (
    Header,
    attachment_reference,
    issuer_in_body,
    parse_header,
    plan_name,
    strip_decision_summary,
    take_attachment,
    take_summary,
    year_of,
)
from .layout import Zone, split_layout
from .lines import is_separator, join_lines, remove_page_debris
from .model import AttachedTo, DimensionRef, ParsedPlan, PlanInfo, Signer, TaskGroup, UnitRef
from .outline import Node, Table, build_outline, list_items, paragraph_kind
from .page_trailer import cut_page_trailer
from .prose import unit_heading
from .readers import read_document
from .repeats import without_repeated_in_annex
from .reporting import find_reporting
from .structure import (
    Part,
    duties_by_unit,
    purposes_and_requirements,
    responsibilities,
    split_parts,
    task_groups,
)
from .tables import RawGroup, flatten_other_tables, table_groups
from .tasks import build_task
from .text import fold, fold_key
from .units import UnitMatcher

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_REF_KINDS = {"quyet dinh": "decision", "ke hoach": "plan", "cong van": "letter"}


@dataclass
class ZoneText:
    """What one zone says about itself."""

    header: Header
    summary: str | None = None
    attachment: str | None = None
    preamble: list[str] = field(default_factory=list)
    preamble_blocks: list[Block] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    paragraphs: list[Block] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer: Signer = field(default_factory=Signer)


def parse_plan(
    data: bytes,
    filename: str,
    *,
    dimensions: list[DimensionRef],
    units: list[UnitRef] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    framework_names: Sequence[str] | None = None,
) -> ParsedPlan:
    """Read a plan document (.txt, .md, .docx, .pdf) into plan details, task groups and tasks.

    With ``framework_names`` (the index's code and names), groups are matched to dimensions by
    their wording only when the document names the framework; otherwise only headings
    numbered as its parts ('Chỉ số nội dung 3') are. Most plans are about no index at all.

    Raises PlanDocumentError with one message for the user when the file cannot be read or
    holds no tasks.
    """
    document = read_document(data, filename, max_bytes)
    by_wording = framework_names is None or names_framework(_all_text(document), framework_names)
    try:
        parsed = _parse(document, dimensions, units, by_wording)
    except Exception as exc:  # a heuristic tripped on an unusual layout: still one message
        raise PlanDocumentError(errors.UNREADABLE_LAYOUT, filename=filename) from exc
    if not parsed.tasks:
        raise PlanDocumentError(errors.NO_TASKS, filename=filename)
    return parsed


def _all_text(document: Document) -> str:
    return " ".join(b.text or " ".join(b.cells or []) for b in document.blocks)


def _parse(
    document: Document,
    dimensions: list[DimensionRef],
    units: list[UnitRef] | None,
    by_wording: bool = True,
) -> ParsedPlan:
    cleaned = remove_footnotes(cut_page_trailer(document.blocks))
    blocks = flatten_other_tables(remove_page_debris(cleaned))
    layout = split_layout(blocks)
    plan = _read_zone(layout.plan)
    decision = _read_zone(layout.decision) if layout.decision else None
    warnings: list[str] = []
    info = _plan_info(plan, decision)
    info.source_format = document.format
    empty: list[str] = []
    groups = _groups(plan, layout.plan, dimensions, units, warnings, by_wording, empty)
    info.purposes, info.requirements = purposes_and_requirements(plan.parts)
    info.responsibilities = responsibilities(plan.parts)
    reporting_texts = info.responsibilities + _reporting_part_texts(plan.parts)
    return ParsedPlan(info, groups, find_reporting(reporting_texts), warnings, empty)


def _read_zone(zone: Zone) -> ZoneText:
    header = parse_header([b.text for b in zone.header if not b.is_row])
    summary, used = take_summary(zone.body)
    attachment, more = take_attachment(zone.body[used:])
    body = zone.body[used + more :]
    paragraphs = [p for p in join_lines(body) if p.is_row or not is_separator(p.text)]
    preamble, parts = split_parts(paragraphs)
    recipients, signer = parse_closing([b.text for b in zone.closing if not b.is_row])
    return ZoneText(
        header=header,
        summary=summary,
        attachment=attachment,
        preamble=[p.text for p in _until_articles(preamble) if not p.is_row],
        preamble_blocks=preamble,
        parts=parts,
        paragraphs=paragraphs,
        recipients=recipients,
        signer=signer,
    )


def _until_articles(paragraphs: list[Block]) -> list[Block]:
    """A decision's preamble stops at 'Điều 1.': its articles are not references."""
    for index, block in enumerate(paragraphs):
        if not block.is_row and paragraph_kind(block)[0] == "article":
            return paragraphs[:index]
    return paragraphs


def _plan_info(plan: ZoneText, decision: ZoneText | None) -> PlanInfo:
    own = decision or plan  # the decision signs and sends an attached plan
    attached = _attached_to(plan, decision)
    header = plan.header
    info = PlanInfo(
        number=header.number or (attached.number if attached else None),
        issued_on=header.issued_on or (attached.issued_on if attached else None),
        issuer=_issuer(plan, decision),
        issuer_parent=header.parent or (decision.header.parent if decision else None),
        place=header.place or (decision.header.place if decision else None),
        signer=own.signer if own.signer.name else plan.signer,
        recipients=own.recipients or plan.recipients,
        attached_to=attached,
    )
    info.title = _title(plan, decision)
    info.year = year_of(info.title, plan.summary) or (
        info.issued_on.year if info.issued_on else None
    )
    info.parent_refs = _parent_refs(plan, decision, info)
    return info


def _attached_to(plan: ZoneText, decision: ZoneText | None) -> AttachedTo | None:
    if plan.attachment:
        ref = attachment_reference(plan.attachment)
        kind = _REF_KINDS.get(ref.kind, "decision") if ref else "decision"
        number = ref.number if ref else (decision.header.number if decision else None)
        issued = (ref.issued_on if ref else None) or parse_date(plan.attachment)
        return AttachedTo(kind, number, issued or (decision.header.issued_on if decision else None))
    if decision:
        return AttachedTo("decision", decision.header.number, decision.header.issued_on)
    return None


def _issuer(plan: ZoneText, decision: ZoneText | None) -> str | None:
    from_header = plan.header.issuer or (decision.header.issuer if decision else None)
    in_body = issuer_in_body(plan.preamble + [p.text for p in plan.paragraphs[:3]])
    if from_header and in_body and fold_key(from_header) == fold_key(in_body):
        return in_body  # same body, written with its proper capitals
    return from_header or in_body


def _title(plan: ZoneText, decision: ZoneText | None) -> str | None:
    summary = plan.summary
    if (
        summary
        and fold(summary).startswith(("thuc hien", "can cu"))
        and summary.endswith((";", ","))
    ):
        summary = plan_name(plan.preamble) or summary  # a preamble clause, not a trích yếu
    if not summary and decision:
        summary = strip_decision_summary(decision.summary)
    summary = summary or plan_name(plan.preamble)
    return summary.strip().rstrip(";,.").strip() if summary else None


def _parent_refs(plan: ZoneText, decision: ZoneText | None, info: PlanInfo) -> list[str]:
    texts = [plan.summary or "", *plan.preamble]
    if decision:
        texts += [decision.summary or "", *decision.preamble]
    own = {info.number, info.attached_to.number if info.attached_to else None}
    own_keys = {number.upper() for number in own if number}
    refs: dict[str, str] = {}
    for text in texts:
        for ref in find_references(text):
            key = ref.number.upper()
            # a title in capitals writes '1899/QĐ-TTG' for the preamble's '1899/QĐ-TTg'
            if key not in own_keys and (key not in refs or refs[key] == key):
                refs[key] = ref.number
    return list(refs.values())


def _groups(
    plan: ZoneText,
    zone: Zone,
    dimensions: list[DimensionRef],
    units: list[UnitRef] | None,
    warnings: list[str],
    by_wording: bool,
    empty: list[str],
) -> list[TaskGroup]:
    def dimension_of(title: str) -> str | None:
        if not by_wording and not is_numbered_dimension(title):
            return None
        return match_dimension(title, dimensions)

    raw, fallback = task_groups(plan.preamble_blocks, plan.parts, dimension_of)
    # Only the task parts count here: a unit told to do 'the tasks in the Annex' does not
    # make the annex the plan's list of tasks.
    points = _points_to_annex(raw) or _body_points_to_annex_tasks(plan.paragraphs)
    raw += duties_by_unit(plan.parts, dimension_of)
    if fallback:
        warnings.append(
            f"Không thấy phần “Nhiệm vụ, giải pháp”; đã lấy các nhiệm vụ ở phần “{fallback}”."
        )
    annex = _annex_groups(zone.annex, dimension_of, has_tasks=any(g.tasks for g in raw))
    if any(g.tasks for g in annex) and (fallback or points):
        # "Chi tiết tại Phụ lục kèm theo": the annex table holds the tasks; the body's list
        # is only their outline (or a part guessed when no part is named for tasks)
        raw = []
        if fallback:
            warnings.pop()
    raw = without_repeated_in_annex(raw, annex) + annex
    matcher = UnitMatcher(units) if units is not None else None
    for group in raw:
        lead = unit_heading(group.title)
        for task in group.tasks:
            # a sub-heading naming a unit ('1.2. Sở Tài chính' over its duties) is nearer
            # to the task than the group's heading
            section_lead = unit_heading(task.section) if task.section else None
            task.group_lead = task.group_lead or section_lead or lead
    empty.extend(group.title for group in raw if not group.tasks)
    return [
        TaskGroup(
            title=group.title,
            dimension=dimension_of(group.title),
            tasks=[build_task(task, matcher, warnings) for task in group.tasks],
            dimension_found=_dimension_found(group.title, dimension_of),
        )
        for group in raw
        if group.tasks
    ]


def _dimension_found(title: str, dimension_of) -> str | None:
    if not dimension_of(title):
        return None
    return "numbered" if is_numbered_dimension(title) else "wording"


def _points_to_annex(groups: list[RawGroup]) -> bool:
    texts = [t.text for g in groups for t in g.tasks] + [g.title for g in groups]
    return any("phu luc" in fold(text) for text in texts)


_ANNEX_OF_TASKS = re.compile(r"\bphu luc\b.{0,40}\b(?:nhiem vu|danh muc|cong viec|hoat dong)\b")


def _body_points_to_annex_tasks(paragraphs: list[Block]) -> bool:
    """'(Kèm theo Phụ lục danh mục các nhiệm vụ …)' anywhere in the body, even in its closing
    words: the annex is the plan's list of tasks and the body's parts only outline it."""
    return any(_ANNEX_OF_TASKS.search(fold(p.text)) for p in paragraphs if not p.is_row)


def _annex_groups(annex: list[Block], dimension_of, has_tasks: bool) -> list[RawGroup]:
    """Task tables of the annex ('PHỤ LỤC'); its prose only when the body had no tasks."""
    if not annex:
        return []
    paragraphs = join_lines(annex)
    title = next((p.text for p in paragraphs if not p.is_row), "Phụ lục")
    root = build_outline(paragraphs)
    groups: list[RawGroup] = []
    for table in _tables(root):
        found, loose = table_groups(table.rows)
        if loose:
            groups.append(RawGroup(title, loose))
        groups.extend(found)
    if not groups:
        found, loose = flat_table_groups(annex)
        if loose:
            groups.append(RawGroup(title, loose))
        groups.extend(found)
    if not groups and not has_tasks:
        groups = groups_from_part(root, title, dimension_of)
    return groups


def _tables(node: Node) -> list[Table]:
    found = []
    for item in node.items:
        if isinstance(item, Table):
            found.append(item)
        elif isinstance(item, Node):
            found.extend(_tables(item))
    return found


def _reporting_part_texts(parts: list[Part]) -> list[str]:
    return [item for p in parts if p.category == "reporting" for item in list_items(p.node)]
