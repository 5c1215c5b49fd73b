"""Issue 13's "every task that the document gives a lead or deadline for has it", checked
task by task on five labelled corpus documents (task_labels.py): every labelled task is
found, at least 95% of the leads and deadlines the documents give come out, and none comes
out wrong. `bench/task_recall.py` prints the same figures per file."""

import pytest

from quantri.plans.parsing import parse_plan

from .task_labels import TASK_LABELS
from .task_recall import measure, parse_labelled, report, total
from .test_corpus_facts import CORPUS

REQUIRED_RECALL = 0.95

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the shared plan corpus is not checked out at {CORPUS}"
)


@pytest.fixture(scope="module")
def figures():
    return measure(parse_labelled(CORPUS, lambda data, name: parse_plan(data, name, dimensions=[])))


def test_every_labelled_task_is_found(figures):
    counts = total(figures)
    assert counts["found"] == sum(len(labels) for labels in TASK_LABELS.values()), report(figures)


def test_the_leads_the_documents_give_come_out(figures):
    counts = total(figures)
    assert counts["lead_hit"] >= REQUIRED_RECALL * counts["lead"], report(figures)
    assert counts["lead_wrong"] == 0, report(figures)


def test_the_deadlines_the_documents_give_come_out(figures):
    counts = total(figures)
    assert counts["due_hit"] >= REQUIRED_RECALL * counts["due"], report(figures)
    assert counts["due_wrong"] == 0, report(figures)
