"""The consolidated report as a DOCX in the Decree 30/2020 layout (quantri.documents):
I. results by dimension, II. shortcomings and causes, III. tasks for the next period,
IV. proposals. The narrative is the leadership's; every number comes from the figures."""

from collections import Counter

from quantri.documents import (
    Header,
    Image,
    Item,
    OfficialDocument,
    Paragraph,
    Part,
    Point,
    Run,
    Signature,
    Table,
)
from quantri.reports import periods
from quantri.reports.consolidation import wording
from quantri.reports.consolidation.chart import progress_chart
from quantri.reports.consolidation.data import (
    ConsolidatedFigures,
    ConsolidationInput,
    DimensionFigures,
    Narrative,
    ServiceRow,
    TaskRow,
    UnitRow,
    is_service_dimension,
    rate,
)


def write_docx(
    data: ConsolidationInput, figures: ConsolidatedFigures, narrative: Narrative
) -> bytes:
    return build_document(data, figures, narrative).render()


def build_document(
    data: ConsolidationInput, figures: ConsolidatedFigures, narrative: Narrative
) -> OfficialDocument:
    meta = data.meta
    code = meta.period_code
    up_the_tree = bool(data.parts)
    return OfficialDocument(
        header=Header(
            issuer=meta.agency_name,
            parent_body=meta.parent_body,
            number=narrative.number,
            type_code=wording.REPORT_TYPE_CODE,
            issuer_code=wording.issuer_code(meta.plan_number, meta.agency_code),
            place=narrative.place or meta.place or meta.province_name,
            issued_on=narrative.issued_on,
            year=periods.parse_code(code).year,
        ),
        doc_type=wording.REPORT_TYPE,
        summary=narrative.summary or default_summary(data),
        body=[
            *_paragraphs(narrative.results_intro),
            _results(data, figures, up_the_tree),
            _shortcomings(narrative),
            Part(
                f"{wording.PART_NEXT} ({wording.next_period_phrase(code)})",
                _paragraphs(narrative.next_tasks),
            ),
            Part(wording.PART_PROPOSALS, _paragraphs(narrative.proposals)),
        ],
        signature=Signature(
            position=narrative.signer_position or meta.signer_position,
            name=narrative.signer_name or meta.signer_name,
            authority=narrative.signer_authority or meta.signer_authority,
        ),
        recipients=narrative.recipients,
        archive=narrative.archive,
        title=narrative.summary or default_summary(data),
    )


def default_summary(data: ConsolidationInput) -> str:
    if data.parts:
        return wording.summary_line_up(data.meta.period_code)
    return wording.summary_line(data.meta.plan_title, data.meta.period_code)


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# I. Results -----------------------------------------------------------------------------------


def _results(data: ConsolidationInput, figures: ConsolidatedFigures, up_the_tree: bool) -> Part:
    general = Item(wording.GENERAL, _general(figures, up_the_tree))
    by_task = _tasks_by_key(data.tasks)
    items = [general]
    services = _services_point(data)
    for dimension in figures.dimensions:
        if up_the_tree:
            blocks = _dimension_by_department(dimension, data)
        else:
            blocks = _dimension_by_task(dimension, by_task.get(dimension.key, []))
        if services and is_service_dimension(dimension.code):
            blocks.append(services)
            services = None  # once, under the first of PAPI 5 and 6
        items.append(Item(_dimension_title(dimension), blocks))
    if services:  # a plan with no task on procedures or service delivery
        items.append(Item(services.title, services.blocks))
    _add_contributions(items, figures.dimensions, data.contributions)
    return Part(wording.PART_RESULTS, items)


def _add_contributions(items: list, dimensions: list, contributions: dict) -> None:
    """Other apps' lines (quantri.reports.contributions) under the first line of their PAPI
    dimension, or as an item of their own when the plan has no task on that dimension."""
    placed = set()
    for item, dimension in zip(items[1:], dimensions, strict=False):
        number = dimension.code.split(".")[0]
        if number.isdigit() and int(number) in contributions and int(number) not in placed:
            item.blocks.extend(_contribution_lines(contributions[int(number)]))
            placed.add(int(number))
    for number, lines in sorted(contributions.items()):
        if number not in placed:
            items.append(Item(wording.contribution_title(number), _contribution_lines(lines)))


def _contribution_lines(lines: list) -> list:
    return [Paragraph([Run(f"- {line.label}: ", italic=True), Run(_value(line))]) for line in lines]


def _value(line) -> str:
    return f"{line.value} ({line.note})." if line.note else f"{line.value}."


def _general(figures: ConsolidatedFigures, up_the_tree: bool) -> list:
    blocks: list = []
    if up_the_tree:
        blocks.append(f"Tổng hợp từ báo cáo của {len(figures.units)} sở, ngành.")
    blocks.append(_tasks_sentence(figures.overall))
    blocks.append(completeness_sentence(figures.completeness, up_the_tree))
    if figures.dimensions:
        chart = progress_chart(figures.dimensions, fmt="png")
        blocks.append(Image(chart, 15.5, wording.CHART_CAPTION))
    if figures.units:
        blocks.append(_completeness_table(figures.units, up_the_tree))
    return blocks


def _tasks_sentence(figures: DimensionFigures) -> str:
    return wording.tasks_sentence(
        figures.tasks, figures.done, figures.in_progress, figures.not_started, figures.progress
    )


def completeness_sentence(total: UnitRow, up_the_tree: bool) -> str:
    if up_the_tree:
        opening = (
            f"Các sở, ngành đã nhận {total.submitted}/{total.expected} báo cáo của các phòng, "
            "đơn vị trực thuộc"
        )
    else:
        opening = f"Có {total.submitted}/{total.expected} báo cáo của các phòng, đơn vị đã gửi"
    text = (
        f"{opening} (đạt {total.reporting_rate}%), trong đó đúng hạn {total.on_time} "
        f"({total.on_time_rate}%), chậm {total.late}; chưa gửi {total.missing}"
    )
    if total.returned:
        text += f"; trả lại để hoàn thiện {total.returned}"
    return text + "."


def unit_state(row: UnitRow) -> tuple[str, str]:
    """A single unit's request in the document's words: its state and its timeliness."""
    return wording.REPORT_STATES[row.state], wording.TIMINGS[row.timing]


def _completeness_table(rows: list[UnitRow], up_the_tree: bool) -> Table:
    if up_the_tree:
        return Table(
            ["TT", "Cơ quan", "Phải gửi", "Đã gửi", "Đúng hạn", "Chậm", "Chưa gửi", "Tỷ lệ (%)"],
            [
                [
                    str(i),
                    row.name,
                    str(row.expected),
                    str(row.submitted),
                    str(row.on_time),
                    str(row.late),
                    str(row.missing),
                    str(row.reporting_rate),
                ]
                for i, row in enumerate(rows, start=1)
            ],
            widths_cm=[1.0, 5.0, 1.8, 1.7, 1.8, 1.6, 1.8, 1.8],
            align=["center", "left"] + ["right"] * 6,
            caption=wording.COMPLETENESS_CAPTION_UP,
        )
    return Table(
        ["TT", "Phòng, đơn vị", "Tình trạng báo cáo", "Thời hạn"],
        [[str(i), row.name, *unit_state(row)] for i, row in enumerate(rows, start=1)],
        widths_cm=[1.0, 7.5, 5.0, 3.0],
        align=["center", "left", "left", "center"],
        caption=wording.COMPLETENESS_CAPTION,
    )


def _dimension_title(dimension: DimensionFigures) -> str:
    if dimension.code:
        return f"{dimension.name} (chỉ số nội dung {dimension.code})"
    return dimension.name


def _dimension_summary(dimension: DimensionFigures, totals: dict | None = None) -> list:
    blocks: list = [_tasks_sentence(dimension)]
    totals = dimension.figures if totals is None else totals
    if totals:
        blocks.append(f"Số liệu chủ yếu: {wording.figures_text(totals)}.")
    return blocks


def _totals_of_several(dimension: DimensionFigures, tasks: list[TaskRow]) -> dict:
    """The dimension's figures that add up two or more lead units' reports. A total made of
    one unit's figure is that unit's own "Số liệu" line under its task: printed above it as
    well, the reader sees the same count twice and takes it for two."""
    reporters = Counter(
        name
        for task in tasks
        for result in task.results
        if result.is_lead
        for name in result.figures
    )
    return {name: value for name, value in dimension.figures.items() if reporters[name] > 1}


def _tasks_by_key(tasks: list[TaskRow]) -> dict[str, list[TaskRow]]:
    by_key: dict[str, list[TaskRow]] = {}
    for task in tasks:
        by_key.setdefault(task.key, []).append(task)
    return by_key


def _dimension_by_task(dimension: DimensionFigures, tasks: list[TaskRow]) -> list:
    blocks = _dimension_summary(dimension, _totals_of_several(dimension, tasks))
    for task in tasks:
        blocks.append(Point(_task_title(task), _task_results(task)))
    return blocks


def _task_title(task: TaskRow) -> str:
    status = wording.STATUS_LABELS.get(task.status, task.status)
    return f"{task.title} ({task.lead_unit or 'chưa giao'} chủ trì; {status}, {task.progress}%)"


def _task_results(task: TaskRow) -> list:
    if not task.results:
        return [wording.NOTHING_REPORTED]
    blocks = []
    for result in task.results:
        lines = _paragraphs(result.done) or ["(không nêu kết quả)"]
        figures = wording.figures_text(result.figures)  # rates too: they are this unit's
        first = [Run(f"- {result.unit}: ", italic=True), Run(lines[0])]
        blocks.append(Paragraph(first))
        blocks.extend(lines[1:])
        if figures:
            blocks.append(f"Số liệu: {figures}.")
    return blocks


def _dimension_by_department(dimension: DimensionFigures, data: ConsolidationInput) -> list:
    blocks = _dimension_summary(dimension)
    for part in data.parts:
        theirs = part.figures.dimension(dimension.key)
        if theirs is None or not theirs.tasks:
            continue
        sentence = (
            f"{theirs.tasks} nhiệm vụ, hoàn thành {theirs.done}, đang thực hiện "
            f"{theirs.in_progress}; tiến độ {theirs.progress}%."
        )
        blocks.append(Paragraph([Run(f"- {part.name}: ", italic=True), Run(sentence)]))
    return blocks


SERVICES_TITLE = "Kết quả giải quyết hồ sơ thủ tục hành chính"


def _services_point(data: ConsolidationInput) -> Point | None:
    """The units' one-stop dossiers over the period: a sentence with the totals, a table by
    unit."""
    if not data.services:
        return None
    meta = data.meta
    caption = SERVICES_TITLE
    if meta.period_starts_on and meta.period_ends_on:
        caption += f" từ {meta.period_starts_on:%d/%m/%Y} đến {meta.period_ends_on:%d/%m/%Y}"
    up_the_tree = bool(data.parts)
    table = Table(
        [
            "TT",
            "Sở, ngành" if up_the_tree else "Phòng, đơn vị",
            "Đã giải quyết",
            "Trễ hạn",
            "Tỷ lệ trễ hạn (%)",
            "Lượt đánh giá",
            "Hài lòng",
            "Tỷ lệ hài lòng (%)",
        ],
        [
            [
                str(i),
                row.unit,
                wording.format_number(row.processed),
                wording.format_number(row.late),
                percent_text(row.late_rate),
                wording.format_number(row.rated),
                wording.format_number(row.satisfied),
                percent_text(row.satisfaction_rate),
            ]
            for i, row in enumerate(data.services, start=1)
        ],
        widths_cm=[1.0, 4.5, 1.8, 1.5, 1.8, 1.8, 1.6, 1.8],
        align=["center", "left"] + ["right"] * 6,
        caption=caption,
    )
    return Point(SERVICES_TITLE, [services_sentence(data.services, up_the_tree), table])


def services_sentence(rows: list[ServiceRow], up_the_tree: bool = False) -> str:
    processed, late = sum(r.processed for r in rows), sum(r.late for r in rows)
    rated, satisfied = sum(r.rated for r in rows), sum(r.satisfied for r in rows)
    number = wording.format_number
    who = "Các sở, ngành" if up_the_tree else "Các phòng, đơn vị"
    if not processed:
        received = number(sum(r.received for r in rows))
        return f"{who} đã tiếp nhận {received} hồ sơ, chưa có hồ sơ được giải quyết."
    text = (
        f"{who} đã giải quyết {number(processed)} hồ sơ thủ tục hành chính, trong "
        f"đó trễ hạn {number(late)} hồ sơ (tỷ lệ {percent_text(rate(late, processed))}%)"
    )
    if rated:
        text += (
            f"; {number(satisfied)}/{number(rated)} lượt đánh giá hài lòng "
            f"(tỷ lệ {percent_text(rate(satisfied, rated))}%)"
        )
    return text + "."


def percent_text(value: float | None) -> str:
    """3.2 → '3,2'; None → '—' (nothing processed or rated)."""
    return "—" if value is None else f"{value:.1f}".replace(".", ",")


# II. Shortcomings and causes ------------------------------------------------------------------


def _shortcomings(narrative: Narrative) -> Part:
    return Part(
        wording.PART_SHORTCOMINGS,
        [
            Item(wording.SHORTCOMINGS, _paragraphs(narrative.shortcomings)),
            Item(wording.CAUSES, _paragraphs(narrative.causes)),
        ],
    )
