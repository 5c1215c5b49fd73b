"""The desk's documents as PDF, made by the LibreOffice installed on the machine and
reopened with pypdf; the PDF buttons only where LibreOffice exists."""

import io

import pytest
import time_machine
from django.urls import reverse
from pypdf import PdfReader

from quantri.documents.pdf import soffice_path
from quantri.dossiers.models import Dossier, State
from quantri.dossiers.tests.conftest import register

needs_soffice = pytest.mark.skipif(soffice_path() is None, reason="LibreOffice not installed")


@pytest.fixture(autouse=True)
def monday_16_march():
    with time_machine.travel("2026-03-16 08:00 +0700", tick=False):
        yield


@pytest.fixture
def dossier(procedure, department):
    return register(procedure, department)


def pdf_text(response) -> str:
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('.pdf"')
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


@needs_soffice
def test_the_receipt_as_pdf_holds_the_code_and_appointment(client, alice, dossier):
    client.force_login(alice)
    page = client.get(reverse("dossiers:detail", args=[dossier.pk])).content.decode()
    link = reverse("dossiers:receipt", args=[dossier.pk]) + "?format=pdf"
    assert f'href="{link}"' in page
    text = pdf_text(client.get(link))
    assert dossier.code in text and "13/03/2026" in text


@needs_soffice
def test_the_refusal_as_pdf_records_the_refusal(client, alice, dossier):
    client.force_login(alice)
    url = reverse("dossiers:refusal", args=[dossier.pk])
    assert "data-pdf" in client.get(url).content.decode()
    response = client.post(url, {"text": "Không thuộc thẩm quyền", "format": "pdf"})
    assert dossier.code in pdf_text(response)
    assert Dossier.objects.get().state == State.STOPPED


def test_without_libreoffice_no_pdf_is_offered(client, alice, dossier, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    client.force_login(alice)
    page = client.get(reverse("dossiers:detail", args=[dossier.pk])).content.decode()
    assert "data-pdf" not in page and "format=pdf" not in page
    url = reverse("dossiers:control_slip", args=[dossier.pk])
    assert client.get(url, {"format": "pdf"}).status_code == 404
    response = client.post(
        reverse("dossiers:refusal", args=[dossier.pk]), {"text": "x", "format": "pdf"}
    )
    assert response.status_code == 404 and Dossier.objects.get().state == State.RECEIVED
