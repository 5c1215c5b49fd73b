from pathlib import Path

import pytest

from quantri.plans.parsing import load_dimension_refs, parse_plan

REPO = Path(__file__).resolve().parents[4]
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def papi():
    return load_dimension_refs(REPO / "quantri" / "indices" / "data" / "papi.json")


@pytest.fixture
def parse(papi):
    """parse_plan with the PAPI dimensions; str documents are sent as UTF-8 bytes."""

    def run(data, filename="ke-hoach.txt", **options):
        if isinstance(data, str):
            data = data.encode("utf-8")
        options.setdefault("dimensions", papi)
        return parse_plan(data, filename, **options)

    return run


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def all_texts(parsed) -> list[str]:
    """Every text the parser produced, to check that no page debris leaked in."""
    plan = parsed.plan
    texts = [plan.title or "", *plan.purposes, *plan.requirements, *plan.responsibilities]
    for group in parsed.groups:
        texts.append(group.title)
        for task in group.tasks:
            texts += [task.title, task.description, task.lead or "", *task.support]
    return texts
