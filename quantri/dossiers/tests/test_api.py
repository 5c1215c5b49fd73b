import time_machine


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
