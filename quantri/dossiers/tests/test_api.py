import time_machine

from quantri.dossiers.models import Dossier, DossierImport, MonthlyAggregate


@time_machine.travel("2026-05-01 08:00 +0700", tick=False)
def test_index_endpoint_for_managers_only(client, alice, erin, march, department):
    url = f"/api/dossiers/index?agency={department.code}&month=2026-03"
    assert client.get(url).status_code in (401, 403)
    client.force_login(erin)
    assert client.get(url).status_code == 403
    client.force_login(alice)
    data = client.get(url).json()
    assert data["figures"]["received"] == 3 and len(data["groups"]) == 6
    assert "applicant" not in str(data)
    assert client.get(url.replace("2026-03", "March")).status_code in (400, 422)


def _record(procedure, agency, code="API-1", **extra):
    return {
        "code": code,
        "procedure": procedure.code,
        "agency": agency.code,
        "applicant_name": "Lê Văn Bình",
        "channel": "online",
        "received_at": "02/03/2026 09:15",
        "state": "processing",
    } | extra


def test_import_endpoint_creates_then_updates_by_code(client, alice, procedure, department):
    client.force_login(alice)
    body = {"dossiers": [_record(procedure, department)]}
    response = client.post("/api/dossiers/import", body, content_type="application/json")
    assert response.status_code == 200 and response.json()["created"] == 1
    body["dossiers"][0] |= {"state": "processed", "result_at": "03/03/2026 10:00"}
    response = client.post("/api/dossiers/import", body, content_type="application/json")
    assert response.json() == {"created": 0, "updated": 1, "rejected": 0, "errors": []}
    dossier = Dossier.objects.get(code="API-1")
    assert dossier.outcome == "early" and dossier.due_at.date().isoformat() == "2026-03-05"
    assert DossierImport.objects.filter(user=alice, source="api").count() == 2
    assert MonthlyAggregate.objects.get().processed_early == 1


def test_import_endpoint_refuses_bad_items_whole_and_names_them(
    client, alice, procedure, department
):
    client.force_login(alice)
    body = {
        "dossiers": [
            _record(procedure, department),
            _record(procedure, department, code="API-2", channel="fax", received_at="hôm qua"),
        ]
    }
    response = client.post("/api/dossiers/import", body, content_type="application/json")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors[0] == "item 2, field channel: “fax” is not one of desk, online, post"
    assert errors[1].startswith("item 2, field received_at:")
    assert not Dossier.objects.exists() and not DossierImport.objects.exists()
    body["partial"] = True
    response = client.post("/api/dossiers/import", body, content_type="application/json")
    assert response.status_code == 200 and response.json()["created"] == 1


def test_import_endpoint_keeps_to_the_agencies_the_user_manages(
    client, alice, bob, erin, procedure, department, province
):
    url = "/api/dossiers/import"
    body = {"dossiers": [_record(procedure, department)]}
    assert client.post(url, body, content_type="application/json").status_code in (401, 403)
    client.force_login(bob)  # heads a unit: manages no agency's dossiers
    assert client.post(url, body, content_type="application/json").status_code == 403
    client.force_login(alice)
    body = {"dossiers": [_record(procedure, province)]}  # the province is above her department
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"] == ["item 1, field agency: not an agency you manage"]
    assert not Dossier.objects.exists()
    response = client.post(url, {"dossiers": "x"}, content_type="application/json")
    assert response.status_code in (400, 422)


@time_machine.travel("2026-05-01 08:00 +0700", tick=False)
def test_index_endpoint_narrows_to_a_unit_or_a_procedure(
    client, alice, march, department, culture_unit
):
    client.force_login(alice)
    base = f"/api/dossiers/index?agency={department.code}&month=2026-03"
    unit = client.get(f"{base}&unit={culture_unit.code}").json()
    assert unit["unit"] == culture_unit.code and unit["figures"]["received"] == 2
    procedure = client.get(f"{base}&procedure={march.code}").json()
    assert procedure["figures"]["received"] == 3
    assert client.get(f"{base}&unit=NOPE").status_code == 404
