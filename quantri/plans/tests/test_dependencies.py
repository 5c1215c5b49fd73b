"""Plans sit below the apps that use them: those apps add to plan pages through
quantri.plans.extensions, so no plan module may import them (issue 12, item 9)."""

import ast
from pathlib import Path

import pytest

PLANS = Path(__file__).resolve().parents[1]
ABOVE = ("quantri.dossiers", "quantri.indices", "quantri.procedures")


def imported_modules(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def is_above(module: str) -> bool:
    return any(module == app or module.startswith(app + ".") for app in ABOVE)


@pytest.mark.parametrize(
    "source",
    [
        "from quantri.dossiers.service_figures import x",
        "import quantri.indices.gaps",
        "from quantri import procedures",
    ],
)
def test_the_guard_sees_every_form_of_import(source):
    assert any(is_above(name) for name in imported_modules(ast.parse(source)))


def test_no_plans_module_imports_an_app_built_on_plans():
    found = []
    for path in sorted(PLANS.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found += [
            f"{path.relative_to(PLANS)}: {name}"
            for name in imported_modules(tree)
            if is_above(name)
        ]
    assert found == []
