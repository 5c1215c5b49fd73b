"""The demo's quality system (issue 17): a process approved by someone other than its author,
the declaration on the portal, an audit with a nonconformity and its corrective action, the
year's management review — and nothing doubled by a second run."""

import pytest
from django.urls import reverse

from quantri.demo.services import demo_load
from quantri.quality.models import (
    Audit,
    CorrectiveAction,
    Declaration,
    Finding,
    ManagementReview,
    ProcessVersion,
    QualityProcess,
)

pytestmark = pytest.mark.django_db


def _counts() -> tuple:
    models = (QualityProcess, ProcessVersion, Declaration, Audit, Finding, CorrectiveAction)
    return tuple(m.objects.count() for m in (*models, ManagementReview))


def test_the_demo_shows_the_quality_system(client):
    demo_load()
    process = QualityProcess.objects.get()
    version = process.current_version()
    assert version is not None and version.approved_by != version.author
    audit = Audit.objects.get()
    nonconformity = audit.findings.get(kind="nonconformity")
    assert nonconformity.corrective_action.owner.username == "truongphong"
    assert ManagementReview.objects.get().inputs
    page = client.get(reverse("quality:declaration_public")).content.decode()
    assert Declaration.objects.get(is_published=True).number in page
    counts = _counts()
    demo_load()
    assert _counts() == counts
