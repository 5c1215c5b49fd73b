"""The issue's "Done when": in the demo, the office sees a desk officer's figures."""

import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from quantri.deskstaff.models import DeskAssignment, DeskCheck, Rotation
from quantri.dossiers.models import Dossier


@time_machine.travel("2026-06-15 09:00 +0700", tick=False)
def test_the_office_sees_a_desk_officers_figures_in_the_demo(db, client, tmp_path):
    call_command("demo", stdout=open(tmp_path / "out", "w"))
    counts = (DeskAssignment.objects.count(), Rotation.objects.count(), DeskCheck.objects.count())
    marked = Dossier.objects.filter(received_by__isnull=False).count()
    call_command("demo", stdout=open(tmp_path / "out", "w"))
    assert counts == (3, 2, 1)
    assert (
        DeskAssignment.objects.count(),
        Rotation.objects.count(),
        DeskCheck.objects.count(),
    ) == counts
    assert Dossier.objects.filter(received_by__isnull=False).count() == marked > 0

    users = get_user_model().objects
    client.force_login(users.get(username="vanphong"))
    response = client.get(reverse("deskstaff:index"))
    assert response.status_code == 200
    figures = {str(person): f for person, f in response.context["rows"] if person}
    assert figures["motcua.lan"].received > 0 and figures["chuyenvien"].returned > 0
    assert [i["rotation"].person.username for i in response.context["overdue"]] == ["motcua.lan"]
    assert "Cán bộ một cửa" in client.get(reverse("deskstaff:index")).content.decode()

    trang = users.get(username="chuyenvien")
    client.force_login(trang)
    assert client.get(reverse("deskstaff:officer", args=[trang.pk])).status_code == 200
    lan = users.get(username="motcua.lan")
    assert client.get(reverse("deskstaff:officer", args=[lan.pk])).status_code == 403


@time_machine.travel("2026-06-15 09:00 +0700", tick=False)
def test_a_demo_desk_officer_works_the_desk_and_reads_their_check(db, client, tmp_path):
    """Huy holds only "staff" in the Office: he opens the desk's dossiers and the minutes of
    the office's check of him; the specialist seconded to the desk may not read his."""
    call_command("demo", stdout=open(tmp_path / "out", "w"))
    users = get_user_model().objects
    huy = users.get(username="motcua.huy")
    check = DeskCheck.objects.get(person=huy)
    dossier = Dossier.objects.filter(received_by=huy).first()
    client.force_login(huy)
    assert client.get(reverse("dossiers:detail", args=[dossier.pk])).status_code == 200
    minutes = client.get(reverse("deskstaff:check_minutes", args=[check.pk]))
    assert minutes.status_code == 200 and minutes.content[:2] == b"PK"
    client.force_login(users.get(username="chuyenvien"))
    assert client.get(reverse("deskstaff:check_minutes", args=[check.pk])).status_code == 403
