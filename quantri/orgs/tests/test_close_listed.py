"""Close all listed without the page: `quantri orgs close-listed` and POST
/api/org-imports/close-listed close what a saved workbook leaves out, through the same
service as the page, and refuse a file that is not saved yet."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone

from quantri.orgs.example_data import DEPARTMENT, EXAMPLE_FILE, example_rows
from quantri.orgs.importing.service import org_import
from quantri.orgs.importing.workbook import write_workbook
from quantri.orgs.models import Agency, Membership, Role
from quantri.orgs.services.rules import Scope
from quantri.testing.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def department(example_department):
    return example_department


@pytest.fixture
def alice(example_admin):
    return example_admin


AUCTION = "STP-HY-DGTS"


@pytest.fixture
def without_auction(department, alice) -> bytes:
    """The example imported, then a new file without the auction centre and its staff."""
    org_import(content=EXAMPLE_FILE.read_bytes(), user=alice, scope=Scope.below(department))
    rows = example_rows()
    rows["units"] = [u for u in rows["units"] if u["code"] != AUCTION]
    rows["people"] = [p for p in rows["people"] if p["unit"] != AUCTION]
    return write_workbook(rows)


def _saved(content: bytes, department, alice) -> bytes:
    org_import(content=content, user=alice, scope=Scope.below(department))
    return content


def _tomorrow() -> datetime.date:
    # The file's roles start on the day they are imported: the unit closes the day after.
    return timezone.localdate() + datetime.timedelta(days=1)


def _auction_closed_on(day) -> bool:
    auction = Agency.objects.get(code=AUCTION)
    roles = Membership.objects.filter(agency=auction)
    return auction.valid_to == day and roles.count() == 3 and all(m.valid_to == day for m in roles)


def _nothing_closed() -> bool:
    return not Agency.objects.filter(valid_to__isnull=False).exists() and not (
        Membership.objects.filter(valid_to__isnull=False).exists()
    )


def test_the_command_closes_what_the_saved_file_leaves_out(
    department, alice, without_auction, tmp_path, capsys
):
    path = tmp_path / "to-chuc.xlsx"
    path.write_bytes(_saved(without_auction, department, alice))
    day = _tomorrow()

    call_command(
        "orgs", "close-listed", str(path), "--agency", DEPARTMENT,
        "--on", day.isoformat(), "--reason", "Giải thể trung tâm",
    )  # fmt: skip

    assert _auction_closed_on(day)
    assert f"Closed: unit {AUCTION}" in capsys.readouterr().out
    auction = Agency.objects.get(code=AUCTION)
    assert auction.history.latest().history_change_reason.endswith("Giải thể trung tâm")
    assert Agency.objects.get(code="STP-HY-CC1").valid_to is None


def test_the_command_refuses_a_file_not_imported_yet_and_closes_nothing(
    department, alice, without_auction, tmp_path
):
    rows = example_rows()
    rows["units"] = [u for u in rows["units"] if u["code"] != AUCTION]
    rows["people"] = [p for p in rows["people"] if p["unit"] != AUCTION]
    rows["units"][3]["name"] = "Phòng Hành chính - Tư pháp (tên mới)"
    path = tmp_path / "to-chuc.xlsx"
    path.write_bytes(write_workbook(rows))

    with pytest.raises(CommandError, match="Import the workbook first"):
        call_command(
            "orgs", "close-listed", str(path), "--agency", DEPARTMENT,
            "--on", _tomorrow().isoformat(), "--reason", "Giải thể",
        )  # fmt: skip

    assert _nothing_closed()


def test_the_command_names_a_day_that_is_not_a_date(department, alice, without_auction, tmp_path):
    path = tmp_path / "to-chuc.xlsx"
    path.write_bytes(_saved(without_auction, department, alice))

    with pytest.raises(CommandError, match="--on.*31/12/2026"):
        call_command("orgs", "close-listed", str(path), "--on", "31/12/2026", "--reason", "x")

    assert _nothing_closed()


def _post(client, content: bytes, **fields):
    return client.post(
        "/api/org-imports/close-listed",
        {"file": SimpleUploadedFile("to-chuc.xlsx", content), **fields},
    )


def test_an_administrator_closes_the_listed_through_the_api(
    client, department, alice, without_auction
):
    content = _saved(without_auction, department, alice)
    client.force_login(alice)
    day = _tomorrow()

    response = _post(client, content, on=day.isoformat(), reason="Giải thể trung tâm")

    assert response.status_code == 200, response.content
    assert response.json()["units_closed"] == [AUCTION]
    assert _auction_closed_on(day)


def test_the_api_needs_a_reason_and_then_closes_nothing(client, department, alice, without_auction):
    content = _saved(without_auction, department, alice)
    client.force_login(alice)

    response = _post(client, content, on=_tomorrow().isoformat(), reason=" ")

    assert response.status_code == 400
    assert _nothing_closed()


def test_only_an_administrator_closes_the_listed_through_the_api(
    client, department, alice, without_auction
):
    content = _saved(without_auction, department, alice)
    bob = UserFactory(username="bob")
    MembershipFactory(user=bob, agency=department, role=Role.LEADER)
    client.force_login(bob)

    response = _post(client, content, on=_tomorrow().isoformat(), reason="Giải thể")

    assert response.status_code == 403
    assert _nothing_closed()
