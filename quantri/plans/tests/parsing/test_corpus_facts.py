"""Real plans of other agencies (../shared/corpus/plans): the facts labelled by hand in
corpus_facts.py must hold for at least 95% of them, and every document must parse."""

import pytest

from quantri.plans.parsing import parse_plan
from quantri.plans.parsing.text import fold_key

from .conftest import REPO
from .corpus_facts import CORPUS_FACTS

CORPUS = REPO.parent / "shared" / "corpus" / "plans"
REQUIRED_SHARE = 0.95

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the shared plan corpus is not checked out at {CORPUS}"
)


def _starts(text: str | None, start: str) -> bool:
    return bool(text) and fold_key(text).startswith(fold_key(start))


def _find_task(parsed, title: str):
    return next(
        (t for t in parsed.tasks if _starts(t.title, title) or _starts(t.description, title)),
        None,
    )


def _task_facts(parsed, expected: dict) -> list[tuple[str, bool]]:
    task = _find_task(parsed, expected["title"])
    name = f"task “{expected['title']}”"
    facts = [(f"{name} found", task is not None)]
    for field, value in expected.items():
        if field == "title":
            continue
        if task is None:
            facts.append((f"{name} {field}", False))
        elif field == "support":
            got = {fold_key(s) for s in task.support}
            facts.append((f"{name} support {value}", all(fold_key(v) in got for v in value)))
        elif field == "due_text":
            facts.append((f"{name} due_text", _starts(task.due_text, value)))
        else:
            facts.append(
                (
                    f"{name} {field}={value!r} (got {getattr(task, field)!r})",
                    getattr(task, field) == value,
                )
            )
    return facts


def _group(parsed, title: str):
    return next((g for g in parsed.groups if _starts(g.title, title)), None)


def check_facts(parsed, facts: dict) -> list[tuple[str, bool]]:
    """(description, holds) for every labelled fact of one document."""
    plan = parsed.plan
    checks: list[tuple[str, bool]] = []
    simple = {
        "number": plan.number,
        "issued_on": plan.issued_on,
        "signer": plan.signer.name,
        "position": plan.signer.position,
        "year": plan.year,
        "task_count": len(parsed.tasks),
        "group_count": len(parsed.groups),
    }
    for field, got in simple.items():
        if field in facts:
            checks.append((f"{field}={facts[field]!r} (got {got!r})", got == facts[field]))
    for parent in facts.get("parents", []):
        checks.append((f"parent {parent}", parent in plan.parent_refs))
    for title in facts.get("groups_include", []):
        checks.append((f"group “{title}”", _group(parsed, title) is not None))
    for title, lead in facts.get("group_leads", {}).items():
        group = _group(parsed, title)
        holds = bool(group and group.tasks) and all(t.lead == lead for t in group.tasks)
        checks.append((f"every task of “{title}” led by {lead}", holds))
    for task in facts.get("tasks", []):
        checks.extend(_task_facts(parsed, task))
    return checks


@pytest.fixture(scope="module")
def parsed_corpus(papi):
    return {
        name: parse_plan((CORPUS / name).read_bytes(), name, dimensions=papi)
        for name in CORPUS_FACTS
    }


def test_the_labelled_documents_are_of_at_least_twelve_kinds():
    assert len(CORPUS_FACTS) >= 12


def test_labelled_facts_hold_for_95_percent(parsed_corpus):
    checks = [
        (f"{name}: {description}", holds)
        for name, facts in CORPUS_FACTS.items()
        for description, holds in check_facts(parsed_corpus[name], facts)
    ]
    misses = [description for description, holds in checks if not holds]
    share = 1 - len(misses) / len(checks)
    print(f"labelled facts: {len(checks) - len(misses)}/{len(checks)} = {share:.0%}")
    assert share >= REQUIRED_SHARE, "\n".join(misses)


@pytest.mark.parametrize(
    "path", sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [], ids=lambda p: p.name
)
def test_every_corpus_document_parses_with_tasks(papi, path):
    parsed = parse_plan(path.read_bytes(), path.name, dimensions=papi)
    assert parsed.tasks
