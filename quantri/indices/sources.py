"""Reading PAPI score files, free of Django: the shared folder of wide yearly CSVs and the long
format people type or export themselves. Values are parsed and located here; which province
and sub-dimension they mean is decided by the importer (quantri.indices.services).

Wide folder: `YYYY.csv` files, a `Province` column (P01…P63) and one column per sub-dimension
(SC11…SC83); a blank cell is a score not published. Codebooks beside them
(`codebook_subdimensions.csv`, `codebook_provinces.csv`) are read for cross-checks.

Long format (CSV or XLSX, first sheet): a header row with the columns `province`, `year`,
`code`, `score` (or tỉnh, năm, mã, điểm), any order, other columns ignored. `province` is a code
(P21) or a name with or without diacritics; `code` a sub-dimension code (1.1) or source code
(SC11); `score` a number with a dot or a decimal comma. A row with an empty score is skipped.
"""

import csv
import io
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quantri.core.text import fold

YEAR_FILE = re.compile(r"^(\d{4})\.csv$")
LONG_COLUMNS = {
    "province": ("province", "tinh", "tinh/thanh pho", "ma tinh"),
    "year": ("year", "nam"),
    "code": ("code", "ma", "ma chi so", "chi so"),
    "score": ("score", "diem", "gia tri"),
}
MAX_PROBLEMS_SHOWN = 20


def gettext_noop(message: str) -> str:
    """Marks a message for translation (makemessages knows this name) without importing
    Django: the message is translated where it is shown."""
    return message


@dataclass(frozen=True)
class Location:
    file: str
    row: int | None = None
    column: str | None = None

    def describe(self, translate: Callable[[str], str] = gettext_noop) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(translate("row %(row)s") % {"row": self.row})
        if self.column is not None:
            parts.append(translate("column %(column)s") % {"column": self.column})
        return ", ".join(parts)

    def __str__(self) -> str:
        return self.describe()


@dataclass(frozen=True)
class Problem:
    where: Location
    message: str  # an English msgid with %(name)s placeholders
    params: dict = field(default_factory=dict, hash=False)

    def describe(self, translate: Callable[[str], str] = gettext_noop) -> str:
        return f"{self.where.describe(translate)}: {translate(self.message) % self.params}"


@dataclass(frozen=True)
class SourceScore:
    """A score as the source gives it, with where each of its parts was read, so a message
    about it names the right cell."""

    province: str
    year: int
    code: str
    score: float
    where: Location  # the score's cell
    province_where: Location
    code_where: Location


@dataclass
class Source:
    scores: list[SourceScore] = field(default_factory=list)
    # Years the source gives in full (a wide yearly file): scores of those years that it no
    # longer holds are removed on import. A long file only adds and corrects.
    complete_years: set[int] = field(default_factory=set)
    subdimension_parents: dict[str, str] = field(default_factory=dict)  # SC11 → C01
    province_names: dict[str, tuple[str, Location]] = field(default_factory=dict)  # P01 → name


class SourceError(Exception):
    """Everything wrong with a source, each problem naming its file, row and column."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(self.messages()))

    def messages(self, translate: Callable[[str], str] = gettext_noop) -> list[str]:
        shown = [p.describe(translate) for p in self.problems[:MAX_PROBLEMS_SHOWN]]
        more = len(self.problems) - len(shown)
        return shown + ([f"… (+{more})"] if more > 0 else [])


def read_source(path: Path) -> Source:
    """A folder of yearly CSVs, or one long-format .csv/.xlsx file."""
    if path.is_dir():
        return read_folder(path)
    if not path.is_file():
        raise SourceError([Problem(Location(str(path)), gettext_noop("not found"))])
    if path.suffix.lower() == ".xlsx":
        return read_long_rows(*_xlsx_rows(path))
    if path.suffix.lower() == ".csv":
        return read_long_rows(path.name, _csv_rows(path))
    message = gettext_noop("expected a folder, a .csv or an .xlsx file")
    raise SourceError([Problem(Location(path.name), message)])


def read_folder(folder: Path) -> Source:
    files = sorted(p for p in folder.iterdir() if YEAR_FILE.match(p.name))
    if not files:
        message = gettext_noop("no yearly file (2021.csv, …) in this folder")
        raise SourceError([Problem(Location(str(folder)), message)])
    source, problems = Source(), []
    source.subdimension_parents = _codebook(folder / "codebook_subdimensions.csv", "Criteria_Code")
    source.province_names = _codebook(folder / "codebook_provinces.csv", "Variable_Name", True)
    for path in files:
        year = int(YEAR_FILE.match(path.name).group(1))
        source.complete_years.add(year)
        _read_wide(path, year, source, problems)
    if problems:
        raise SourceError(problems)
    return source


def _read_wide(path: Path, year: int, source: Source, problems: list[str]) -> None:
    rows = _csv_rows(path)
    _, header = next(rows, (0, []))
    if not header or header[0].strip() != "Province":
        message = gettext_noop("the first column must be Province")
        problems.append(Problem(Location(path.name, 1), message))
        return
    codes = [c.strip() for c in header[1:]]
    for line, cells in rows:
        province = cells[0].strip() if cells else ""
        if not province:
            continue
        for column, text in zip(codes, cells[1:], strict=False):
            where = Location(path.name, line, column)
            score = _number(text, where, problems)
            if score is not None:
                source.scores.append(
                    SourceScore(
                        province,
                        year,
                        column,
                        score,
                        where,
                        Location(path.name, line, "Province"),
                        Location(path.name, 1, column),
                    )
                )


def read_long_rows(name: str, rows: Iterator) -> Source:
    header = next(rows, None)
    problems: list[str] = []
    positions = _long_header(name, header[1] if header else [], problems)
    source = Source()
    if problems:
        raise SourceError(problems)
    for line, cells in rows:
        values = {key: _cell(cells, index) for key, index in positions.items()}
        if not any(values.values()):
            continue
        _read_long_row(name, line, values, source, problems)
    if problems:
        raise SourceError(problems)
    if not source.scores:
        raise SourceError([Problem(Location(name), gettext_noop("no score in this file"))])
    return source


def _read_long_row(name: str, line: int, values: dict, source: Source, problems: list) -> None:
    if not values["score"]:
        return
    year = _year(values["year"], Location(name, line, "year"), problems)
    score = _number(values["score"], Location(name, line, "score"), problems)
    for key in ("province", "code"):
        if not values[key]:
            problems.append(Problem(Location(name, line, key), gettext_noop("empty")))
    if year is not None and score is not None and values["province"] and values["code"]:
        source.scores.append(
            SourceScore(
                values["province"],
                year,
                values["code"],
                score,
                Location(name, line, "score"),
                Location(name, line, "province"),
                Location(name, line, "code"),
            )
        )


def _long_header(name: str, header: list, problems: list[str]) -> dict[str, int]:
    folded = [fold(str(cell or "")) for cell in header]
    positions = {}
    for key, names in LONG_COLUMNS.items():
        found = [i for i, cell in enumerate(folded) if cell in names]
        if found:
            positions[key] = found[0]
        else:
            message = gettext_noop("no column %(column)r (expected: province, year, code, score)")
            problems.append(Problem(Location(name, 1), message, {"column": key}))
    return positions


def _cell(cells: list, index: int) -> str:
    value = cells[index] if index < len(cells) else None
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _number(text, where: Location, problems: list[Problem]) -> float | None:
    """A score, or None for a blank cell; a decimal comma (Vietnamese spreadsheets) is read
    as a point."""
    text = str(text).strip()
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        problems.append(Problem(where, gettext_noop("%(text)r is not a number"), {"text": text}))
        return None
    return value


def _year(text: str, where: Location, problems: list[Problem]) -> int | None:
    if not re.fullmatch(r"\d{4}", text or ""):
        problems.append(Problem(where, gettext_noop("%(text)r is not a year"), {"text": text}))
        return None
    return int(text)


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) pairs; ';' accepted as the separator, as spreadsheets in a
    decimal-comma locale write it."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problem = Problem(Location(path.name), gettext_noop("not a UTF-8 text file"))
        raise SourceError([problem]) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return ((reader.line_num, row) for row in reader)


def _xlsx_rows(path: Path) -> tuple[str, Iterator[tuple[int, list]]]:
    """The first sheet's name for messages ("scores.xlsx, sheet PAPI") and its rows."""
    from quantri.core.spreadsheets import UnreadableSpreadsheet, open_workbook, read_rows

    try:
        workbook = open_workbook(path, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows = [(line, list(row)) for line, row in enumerate(read_rows(sheet), 1)]
        finally:
            workbook.close()
    except (UnreadableSpreadsheet, IndexError):
        problem = Problem(Location(path.name), gettext_noop("not a readable .xlsx workbook"))
        raise SourceError([problem]) from None
    name = f"{path.name} [{sheet.title}]"
    if not rows:
        raise SourceError([Problem(Location(name), gettext_noop("the sheet is empty"))])
    return name, iter(rows)


def _codebook(path: Path, value_column: str, with_where: bool = False) -> dict:
    """Variable_Code → another column of a codebook; {} when the codebook is absent."""
    if not path.is_file():
        return {}
    rows = _csv_rows(path)
    header = next(rows, [0, []])[1]
    if "Variable_Code" not in header or value_column not in header:
        message = gettext_noop("expected columns Variable_Code, %(column)s")
        raise SourceError([Problem(Location(path.name, 1), message, {"column": value_column})])
    key, value = header.index("Variable_Code"), header.index(value_column)
    book = {}
    for line, cells in rows:
        if len(cells) > max(key, value) and cells[key].strip():
            where = Location(path.name, line)
            book[cells[key].strip()] = (
                (cells[value].strip(), where) if with_where else (cells[value].strip())
            )
    return book
