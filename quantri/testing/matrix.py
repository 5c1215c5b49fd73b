"""The permission matrix of docs/permissions.md, read as data, and the rule that turns an HTTP
answer into "allowed" or "denied"."""

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.urls import reverse

DOCUMENT = Path(settings.BASE_DIR) / "docs" / "permissions.md"
START, END = "<!-- matrix:start -->", "<!-- matrix:end -->"
COLUMNS = [
    ("anonymous", "Anonymous"),
    ("leader", "Leader"),
    ("office_coordinator", "Office coordinator"),
    ("unit_head", "Unit head"),
    ("staff", "Staff"),
    ("inspection_board", "Inspection Board"),
    ("admin", "Administrator"),
    ("inspector", "Inspector"),
]


@dataclass(frozen=True)
class Row:
    route: str  # URL name, API operation id, or a prefix ending in "*"
    method: str
    allowed: frozenset[str]  # identity labels: "anonymous", "A:leader", "B:staff"…

    @property
    def is_pattern(self) -> bool:
        return self.route.endswith("*")

    def matches(self, route: str) -> bool:
        if self.route.endswith("*"):
            return route.startswith(self.route[:-1])
        return route == self.route


def row_for(rows: list[Row], route: str, method: str) -> Row | None:
    """The row naming the route itself, else the first pattern ("admin:*") covering it."""
    candidates = [r for r in rows if r.method == method and r.matches(route)]
    return min(candidates, key=lambda r: r.is_pattern, default=None)


def read_matrix(text: str | None = None) -> list[Row]:
    text = DOCUMENT.read_text(encoding="utf-8") if text is None else text
    table = text.split(START, 1)[1].split(END, 1)[0]
    rows = []
    for line in table.strip().splitlines()[2:]:
        cells = [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]
        route, methods, marks = cells[0], cells[1], cells[2:]
        if len(marks) != len(COLUMNS):
            raise ValueError(f"docs/permissions.md: row {route!r} has {len(marks)} columns")
        allowed = frozenset(_identities(marks))
        for method in methods.replace(",", " ").split():
            rows.append(Row(route, method, allowed))
    return rows


def _identities(marks: list[str]):
    if marks[0] == "yes":
        yield "anonymous"
    elif marks[0] != "-":
        raise ValueError(f"docs/permissions.md: anonymous is 'yes' or '-', not {marks[0]!r}")
    for (role, _), mark in zip(COLUMNS[1:], marks[1:], strict=True):
        if not re.fullmatch(r"-|A|B|AB", mark):
            raise ValueError(f"docs/permissions.md: a role cell is A, B, AB or -, not {mark!r}")
        for side in "AB":
            if side in mark:
                yield f"{side}:{role}"


def write_rows(observed: dict[tuple[str, str], frozenset[str]]) -> str:
    """The table for what was observed, GET and POST on one line where they agree; the admin's
    pages as one `admin:*` row, with a row of their own for those that answer otherwise."""
    admin = {k: v for k, v in observed.items() if k[0].startswith("admin:")}
    observed = {k: v for k, v in observed.items() if k not in admin}
    usual = max(set(admin.values()), key=list(admin.values()).count) if admin else None
    observed |= {k: v for k, v in admin.items() if v != usual}
    lines = [
        "| Route | Method | " + " | ".join(title for _, title in COLUMNS) + " |",
        "|" + "---|" * (len(COLUMNS) + 2),
    ]
    names = sorted({route for route, _ in observed}, key=_order)
    for name in names:
        by_method = {m: a for (r, m), a in observed.items() if r == name}
        groups: dict[frozenset[str], list[str]] = {}
        for method in sorted(by_method, key=["GET", "POST", "PUT", "PATCH", "DELETE"].index):
            groups.setdefault(by_method[method], []).append(method)
        for allowed, methods in groups.items():
            lines.append(f"| `{name}` | {', '.join(methods)} | {_marks(allowed)} |")
    if usual is not None:
        lines.append(f"| `admin:*` | GET | {_marks(usual)} |")
    return "\n".join(lines)


def _order(name: str):
    return (name.startswith("quantri_"), name)


def _marks(allowed: frozenset[str]) -> str:
    cells = ["yes" if "anonymous" in allowed else "-"]
    for role, _ in COLUMNS[1:]:
        sides = "".join(side for side in "AB" if f"{side}:{role}" in allowed)
        cells.append(sides or "-")
    return " | ".join(cells)


def replace_table(text: str, table: str) -> str:
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    return f"{before}{START}\n{table}\n{END}{after}"


def verdict(response) -> str:
    """ "allowed" when the gate let the request through (a page, a file, a redirect elsewhere
    than the sign-in page, a form's or a body's errors), "denied" when it did not, "error"
    for anything else (a crash, a throttle), which the suite reports."""
    status = response.status_code
    if 300 <= status < 400:
        location = response.get("Location", "")
        return "denied" if location.split("?")[0].endswith(reverse("login")) else "allowed"
    if 200 <= status < 300 or status in (400, 422):
        return "allowed"
    if status in (401, 403, 404, 405):
        return "denied"
    return "error"
