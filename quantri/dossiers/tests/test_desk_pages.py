"""The dossier page's forms (hand-over, rating and flags), its history, and the slips that
record what they tell the citizen. Only managers of the dossier's agency act: the others get
403 and nothing changes."""

import io
import re

import docx
import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from docx import Document

from quantri.documents.pdf import PdfConversionError
from quantri.dossiers import services
from quantri.dossiers.models import DailyAggregate, Dossier, DossierStep, State
from quantri.dossiers.tests.conftest import local, register
from quantri.orgs.models import AgencyKind
from quantri.testing.factories import AgencyFactory


@pytest.fixture(autouse=True)
def monday_16_march():
    with time_machine.travel("2026-03-16 08:00 +0700", tick=False):
        yield


@pytest.fixture
def dossier(procedure, department):
    return register(procedure, department)


def url(name, dossier):
    return reverse(f"dossiers:{name}", args=[dossier.pk])


def snapshot(dossier):
    fields = ("state", "rating", "complaint", "paid_online", "digitised", "new_due_at")
    return Dossier.objects.values(*fields).get(pk=dossier.pk), DossierStep.objects.count()


def test_hand_over_from_the_page_lists_the_step(client, alice, dossier, culture_unit):
    client.force_login(alice)
    response = client.post(
        url("hand_over", dossier), {"to_unit": culture_unit.pk, "result_note": "Chuyển thẩm định"}
    )
    assert response.status_code == 302
    step = DossierStep.objects.get()
    assert (step.from_unit, step.to_unit, step.user) == (dossier.agency, culture_unit, alice)
    html = client.get(url("detail", dossier)).content.decode()
    assert "Chuyển thẩm định" in html and "16/03/2026 08:00" in html
    assert html.count("data-step") == 1


def test_hand_over_to_a_unit_of_another_agency_is_refused(client_en, alice, dossier, province):
    other = AgencyFactory(code="T-YT", kind=AgencyKind.DEPARTMENT, name="Sở Y tế", parent=province)
    client_en.force_login(alice)
    response = client_en.post(url("hand_over", dossier), {"to_unit": other.pk}, follow=True)
    assert "To unit: Select a valid choice" in response.content.decode()
    assert not DossierStep.objects.exists()


def test_hand_over_offers_only_the_agencys_units(client, alice, dossier, culture_unit, erin):
    client.force_login(alice)
    html = client.get(url("detail", dossier)).content.decode()
    assert culture_unit.name in html and "Sở Y tế" not in html


def test_rating_complaint_payment_and_digitisation_are_saved(client, alice, dossier):
    services.dossier_transition(dossier=dossier, to_state="processing", user=None)
    services.dossier_transition(
        dossier=dossier, to_state="processed", user=None, at=local("2026-03-13 10:00")
    )
    client.force_login(alice)
    data = {"rating": "not_satisfied", "complaint": "on", "paid_online": "on", "digitised": "on"}
    assert client.post(url("flags", dossier), data).status_code == 302
    dossier.refresh_from_db()
    assert (dossier.rating, dossier.complaint, dossier.paid_online, dossier.digitised) == (
        "not_satisfied",
        True,
        True,
        True,
    )
    done = DailyAggregate.objects.get(day="2026-03-13")
    assert (done.rated, done.satisfied, done.complaints, done.paid_online) == (1, 0, 1, 1)
    # Unticking is a "no", and the rating can be taken back.
    client.post(url("flags", dossier), {"rating": ""})
    dossier.refresh_from_db()
    assert (dossier.rating, dossier.complaint, dossier.digitised) == ("", False, False)
    assert DailyAggregate.objects.get(day="2026-03-13").rated == 0


def test_an_unknown_rating_is_refused(client, alice, dossier):
    client.force_login(alice)
    client.post(url("flags", dossier), {"rating": "delighted", "complaint": "on"})
    assert snapshot(dossier)[0]["complaint"] is False


def test_history_says_who_changed_what_and_when(client_en, alice, dossier):
    client_en.force_login(alice)
    client_en.post(url("transition", dossier), {"state": "processing"})
    client_en.post(url("flags", dossier), {"rating": "satisfied"})
    html = client_en.get(url("detail", dossier)).content.decode()
    assert html.count("data-history") == 3  # registered, moved, rated
    assert "State: Received → <strong>Processing</strong>" in html
    assert "Citizen rating: — → <strong>Satisfied</strong>" in html
    assert "16/03/2026 08:00</time> · alice" in html


@pytest.mark.parametrize("user_fixture", ["bob", "carol", "dave", "erin"])
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("hand_over", {"to_unit": "culture"}),
        ("flags", {"rating": "satisfied", "complaint": "on", "paid_online": "on"}),
        ("transition", {"state": "processing"}),
        ("additional_request", {"text": "Bản sao CCCD"}),
        ("refusal", {"text": "Không thuộc thẩm quyền"}),
        ("apology", {"new_due": "18/03/2026"}),
    ],
)
def test_only_the_agencys_managers_may_act(
    client, request, dossier, culture_unit, user_fixture, name, data
):
    data = {k: culture_unit.pk if v == "culture" else v for k, v in data.items()}
    before = snapshot(dossier)
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.post(url(name, dossier), data).status_code == 403
    assert snapshot(dossier) == before


@pytest.mark.parametrize("name", ["hand_over", "flags"])
def test_the_forms_need_post_and_the_csrf_token(alice, dossier, culture_unit, name):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    assert browser.get(url(name, dossier)).status_code == 405
    before = snapshot(dossier)
    data = {"to_unit": culture_unit.pk, "rating": "satisfied"}
    assert browser.post(url(name, dossier), data).status_code == 403
    assert snapshot(dossier) == before


def test_the_request_for_additional_documents_moves_the_dossier(client, alice, dossier):
    client.force_login(alice)
    response = client.post(url("additional_request", dossier), {"text": "Bản sao CCCD"})
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.docx"')
    dossier.refresh_from_db()
    assert dossier.state == State.ADDITIONAL_REQUESTED
    assert dossier.history.first().history_user == alice
    # Requested once: the waiting dossier links to its request slip, printed again as
    # issued (it was a 404); a second request is refused.
    page = client.get(url("detail", dossier)).content.decode()
    assert url("additional_request", dossier) in page
    again = client.get(url("additional_request", dossier), follow=True)
    assert again.status_code == 200 and again["Content-Disposition"].endswith('.docx"')
    text = "\n".join(
        cell.text
        for t in Document(io.BytesIO(again.content)).tables
        for r in t.rows
        for cell in r.cells
    )
    assert "Bản sao CCCD" in text
    assert client.post(url("additional_request", dossier), {"text": "Lần hai"}).status_code == 404


@pytest.mark.parametrize(("start", "expected"), [("received", "stopped"), ("new", "not_accepted")])
def test_the_refusal_moves_the_dossier(client, alice, dossier, start, expected):
    Dossier.objects.filter(pk=dossier.pk).update(state=start)
    client.force_login(alice)
    response = client.post(url("refusal", dossier), {"text": "Không thuộc thẩm quyền"})
    assert response.status_code == 200
    assert Dossier.objects.get().state == expected


def test_the_apology_saves_the_new_appointment_shown_on_the_page(client, alice, dossier):
    client.force_login(alice)
    response = client.post(url("apology", dossier), {"new_due": "18/03/2026"})
    assert response.status_code == 200
    html = client.get(url("detail", dossier)).content.decode()
    assert "data-new-due>18/03/2026 17:00" in html and "data-due>13/03/2026 17:00" in html


def test_a_failed_pdf_changes_nothing(client, alice, dossier, monkeypatch):
    def broken(content, timeout=60):
        raise PdfConversionError("LibreOffice could not convert the document: boom")

    monkeypatch.setattr("quantri.dossiers.views.common.docx_to_pdf", broken)
    monkeypatch.setattr("quantri.dossiers.views.common.soffice_path", lambda: "/usr/bin/soffice")
    client.force_login(alice)
    response = client.post(
        url("refusal", dossier), {"text": "Không thuộc thẩm quyền", "format": "pdf"}
    )
    assert response.status_code == 302 and response["Location"] == url("detail", dossier)
    assert Dossier.objects.get().state == State.RECEIVED


def test_the_dashboard_fits_a_phone(client, alice, dossier):
    client.force_login(alice)
    html = client.get(reverse("dossiers:dashboard")).content.decode()
    assert 'name="viewport" content="width=device-width' in html
    assert "dossiers/dossiers.css" in html
    # Every table scrolls inside its own box instead of widening the page.
    assert html.count("<table") == len(re.findall(r'<div class="table-wrap">\s*<table', html)) >= 1


def test_the_dossier_page_has_no_wide_table(client, alice, dossier, culture_unit):
    services.dossier_hand_over(dossier=dossier, to_unit=culture_unit, user=None)
    client.force_login(alice)
    html = client.get(url("detail", dossier)).content.decode()
    assert "dossiers/dossiers.css" in html and "<table" not in html
    assert html.count("data-step") == 1


@time_machine.travel("2026-03-16 09:00 +0700", tick=False)
def test_a_letter_given_is_kept_and_prints_again_as_issued(client, alice, erin, dossier):
    client.force_login(alice)
    client.post(url("additional_request", dossier), {"text": "Bản sao CCCD\nẢnh 4x6"})
    letter = dossier.letters.get()
    assert (letter.kind, letter.text, letter.user) == (
        "additional_request",
        "Bản sao CCCD\nẢnh 4x6",
        alice,
    )
    assert f'data-letter="{letter.pk}"' in client.get(url("detail", dossier)).content.decode()
    with time_machine.travel("2026-04-20 09:00 +0700", tick=False):
        client.force_login(alice)  # a month later: a new session
        again = client.get(reverse("dossiers:letter", args=[dossier.pk, letter.pk]))
    document = docx.Document(io.BytesIO(again.content))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    assert "Ảnh 4x6" in text and "16 tháng 3 năm 2026" in text  # the day it was issued
    assert Dossier.objects.get().state == State.ADDITIONAL_REQUESTED  # printing changes nothing
    client.force_login(erin)
    assert client.get(reverse("dossiers:letter", args=[dossier.pk, letter.pk])).status_code == 403


def test_the_apology_and_refusal_are_kept_too(client, alice, dossier):
    client.force_login(alice)
    client.post(url("apology", dossier), {"new_due": "18/03/2026"})
    client.post(url("refusal", dossier), {"text": "Không thuộc thẩm quyền"})
    kept = list(dossier.letters.values_list("kind", "text", "new_due"))
    assert [k[0] for k in kept] == ["apology", "refusal"]
    assert str(kept[0][2]) == "2026-03-18" and kept[1][1] == "Không thuộc thẩm quyền"
