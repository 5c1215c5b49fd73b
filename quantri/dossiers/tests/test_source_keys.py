"""A one-stop system pushes dossiers with its key (Authorization: Bearer …), no person's
session: made and shown once by the command, limited to its agency's subtree, named in the
import audit, dead once revoked."""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation

from quantri.dossiers.models import Dossier, DossierImport, SourceKey
from quantri.dossiers.tests.test_api import _record

URL = "/api/dossiers/import"


@pytest.fixture
def raw_key(department, capsys):
    call_command("dossiers", "key", "create", "--agency", department.code, "--name", "iGate Thử")
    out = capsys.readouterr()
    assert "shown only now" in out.err
    return out.out.strip()


def _post(raw, body, **extra):
    browser = Client(enforce_csrf_checks=True)  # a program sends no CSRF token
    headers = {"Authorization": f"Bearer {raw}"} if raw else {}
    return browser.post(URL, body, content_type="application/json", headers=headers, **extra)


def test_a_key_imports_its_agencys_dossiers_and_the_audit_names_it(
    raw_key, procedure, department, culture_unit
):
    body = {
        "dossiers": [
            _record(procedure, department),
            _record(procedure, department, code="API-2", unit=culture_unit.code),
        ]
    }
    response = _post(raw_key, body)
    assert response.status_code == 200, response.content
    assert response.json()["created"] == 2
    audit = DossierImport.objects.get()
    assert audit.key == SourceKey.objects.get() and audit.user is None
    assert audit.source == "iGate Thử"
    assert set(Dossier.objects.values_list("last_import", flat=True)) == {audit.pk}


def test_a_key_cannot_write_another_agencys_dossiers(raw_key, procedure, department, province):
    body = {"dossiers": [_record(procedure, department), _record(procedure, province, code="P")]}
    response = _post(raw_key, body)
    assert response.status_code == 400
    assert response.json()["errors"] == ["item 2, field agency: not an agency you manage"]
    assert not Dossier.objects.exists()


def test_a_wrong_or_revoked_key_is_refused_and_a_key_opens_nothing_else(
    raw_key, procedure, department, capsys
):
    body = {"dossiers": [_record(procedure, department)]}
    assert _post(raw_key + "x", body).status_code == 401
    assert _post("", body).status_code in (401, 403)
    index = f"/api/dossiers/index?agency={department.code}&month=2026-03"
    headers = {"Authorization": f"Bearer {raw_key}"}
    assert Client().get(index, headers=headers).status_code == 401

    with translation.override("vi"):  # the CLI's language (LANGUAGE_CODE)
        call_command("dossiers", "key", "list")
        listed = capsys.readouterr().out
        assert raw_key[:9] in listed and raw_key not in listed and department.code in listed
        call_command("dossiers", "key", "revoke", raw_key[:9])
        assert "Đã thu hồi khóa" in capsys.readouterr().out
    assert _post(raw_key, body).status_code == 401
    assert not Dossier.objects.exists()


def test_a_signed_in_session_still_needs_its_csrf_token(alice, procedure, department):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(alice)
    body = {"dossiers": [_record(procedure, department)]}
    response = browser.post(URL, body, content_type="application/json")
    assert response.status_code == 403 and not Dossier.objects.exists()


def test_the_key_command_names_bad_arguments(department):
    with pytest.raises(CommandError, match="no agency with code “NOPE”"):
        call_command("dossiers", "key", "create", "--agency", "NOPE", "--name", "x")
    with pytest.raises(CommandError, match="--name must not be empty"):
        call_command("dossiers", "key", "create", "--agency", department.code, "--name", " ")
    with pytest.raises(CommandError, match="No key starts with qt_nothing"):
        call_command("dossiers", "key", "revoke", "qt_nothing")


def test_a_keys_imports_are_listed_for_its_agencys_managers_only(
    client, raw_key, alice, erin, procedure, department
):
    assert _post(raw_key, {"dossiers": [_record(procedure, department)]}).status_code == 200
    client.force_login(alice)
    html = client.get("/dossiers/import/").content.decode()
    assert "iGate Thử" in html and "data-import" in html
    client.force_login(erin)
    assert "iGate Thử" not in client.get("/dossiers/import/").content.decode()
