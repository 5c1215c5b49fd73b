"""The corpus report: parse every plan document in a folder and say, file by file, what came
out (groups, tasks, the share of tasks with a lead and with a deadline, the header fields
found, warnings, time) and the totals. A file that fails is one line naming it and why: the
report itself never stops on a file.

Used by `quantri import-plan --report DIR` and `bench/import_corpus.py`.
"""

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .document import parse_plan
from .errors import PlanDocumentError
from .model import DimensionRef, ParsedPlan

SUFFIXES = (".txt", ".md", ".docx", ".pdf")
HEADER_FIELDS = ("number", "issued_on", "signer", "parents", "recipients")


@dataclass
class FileRow:
    name: str
    size: int
    seconds: float
    cpu_seconds: float = 0.0  # the wall time counts other work on a shared machine; this not
    groups: int = 0
    tasks: int = 0
    with_lead: int = 0
    with_deadline: int = 0
    header: dict[str, bool] = field(default_factory=dict)
    warnings: int = 0
    dimensions: int = 0  # groups given a dimension of the index
    error: str | None = None


@dataclass
class Report:
    rows: list[FileRow]
    seconds: float
    cpu_seconds: float = 0.0

    @property
    def parsed(self) -> list[FileRow]:
        return [row for row in self.rows if row.error is None]

    def total(self, name: str) -> int:
        return sum(getattr(row, name) for row in self.parsed)

    def header_total(self, name: str) -> int:
        return sum(row.header.get(name, False) for row in self.parsed)

    @property
    def largest(self) -> FileRow | None:
        return max(self.rows, key=lambda row: row.size, default=None)


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)


def build_report(
    folder: Path, *, dimensions: list[DimensionRef], framework_names: Sequence[str] | None = None
) -> Report:
    started, cpu = time.perf_counter(), time.process_time()
    rows = [_row(path, dimensions, framework_names) for path in corpus_files(folder)]
    return Report(rows, time.perf_counter() - started, time.process_time() - cpu)


def _row(path: Path, dimensions: list[DimensionRef], framework_names) -> FileRow:
    cpu = time.process_time()
    row = _parsed_row(path, dimensions, framework_names)
    row.cpu_seconds = time.process_time() - cpu
    return row


def _parsed_row(path: Path, dimensions: list[DimensionRef], framework_names) -> FileRow:
    started = time.perf_counter()
    try:
        data = path.read_bytes()
        parsed = parse_plan(data, path.name, dimensions=dimensions, framework_names=framework_names)
    except PlanDocumentError as exc:
        return FileRow(path.name, _size(path), time.perf_counter() - started, error=str(exc))
    except Exception as exc:  # the report goes on: one line names the file and the failure
        error = f"{type(exc).__name__}: {exc}"
        return FileRow(path.name, _size(path), time.perf_counter() - started, error=error)
    return _counts(path.name, len(data), time.perf_counter() - started, parsed)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _counts(name: str, size: int, seconds: float, parsed: ParsedPlan) -> FileRow:
    tasks = parsed.tasks
    plan = parsed.plan
    return FileRow(
        name=name,
        size=size,
        seconds=seconds,
        groups=len(parsed.groups),
        tasks=len(tasks),
        with_lead=sum(bool(t.lead) for t in tasks),
        with_deadline=sum(bool(t.due or t.recurrence or t.due_text) for t in tasks),
        header={
            "number": bool(plan.number),
            "issued_on": plan.issued_on is not None,
            "signer": bool(plan.signer.name),
            "parents": bool(plan.parent_refs),
            "recipients": bool(plan.recipients),
        },
        warnings=len(parsed.warnings),
        dimensions=sum(bool(g.dimension) for g in parsed.groups),
    )


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def format_report(report: Report) -> str:
    lines = [
        f"{'file':<28} {'KB':>5} {'groups':>6} {'tasks':>5} {'lead':>5} {'due':>5} "
        f"{'header (number date signer parents recipients)':<48} {'warn':>4} {'ms':>6}"
    ]
    for row in report.rows:
        lines.append(_row_line(row))
    lines.extend(_totals(report))
    return "\n".join(lines) + "\n"


def _row_line(row: FileRow) -> str:
    start = f"{row.name[:28]:<28} {row.size / 1024:>5.0f}"
    if row.error:
        return f"{start} FAILED: {row.error}"
    header = " ".join(
        f"{label}:{'yes' if row.header[name] else 'no'}"
        for name, label in zip(HEADER_FIELDS, ("no", "date", "sign", "par", "rcp"), strict=True)
    )
    return (
        f"{start} {row.groups:>6} {row.tasks:>5} {_share(row.with_lead, row.tasks):>5} "
        f"{_share(row.with_deadline, row.tasks):>5} {header:<48} {row.warnings:>4} "
        f"{row.seconds * 1000:>6.0f}"
    )


def _totals(report: Report) -> list[str]:
    parsed = report.parsed
    tasks = report.total("tasks")
    header = ", ".join(
        f"{name} {report.header_total(name)}/{len(parsed)}" for name in HEADER_FIELDS
    )
    largest = report.largest
    lines = [
        "",
        f"files: {len(report.rows)}, parsed: {len(parsed)}, failed: "
        f"{len(report.rows) - len(parsed)}",
        f"groups: {report.total('groups')}, tasks: {tasks}, with lead: "
        f"{_share(report.total('with_lead'), tasks)}, with deadline: "
        f"{_share(report.total('with_deadline'), tasks)}, warnings: {report.total('warnings')}, "
        f"groups given a dimension: {report.total('dimensions')}",
        f"header fields found: {header}",
    ]
    if largest is not None:
        lines.append(
            f"largest file: {largest.name} ({largest.size / 1024:.0f} KB) parsed in "
            f"{largest.seconds:.2f} s (CPU {largest.cpu_seconds:.2f} s)"
        )
    lines.append(f"whole corpus: {report.seconds:.2f} s (CPU {report.cpu_seconds:.2f} s)")
    return lines
