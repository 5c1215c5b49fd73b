"""One display name, family name first, wherever a person is shown (issue 16, item 2)."""

import re
from pathlib import Path

import pytest

from quantri.core.names import display_name, split_full_name
from quantri.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

QUANTRI = Path(__file__).resolve().parents[2]


def test_a_vietnamese_name_reads_family_name_first():
    user = UserFactory(username="hanh", first_name="Hạnh", last_name="Trần Thị")
    assert display_name(user) == "Trần Thị Hạnh"


def test_an_account_without_a_name_shows_its_user_name():
    assert display_name(UserFactory(username="ketoan")) == "ketoan"


def test_a_name_as_written_splits_into_family_and_given_names():
    assert split_full_name("  Nguyễn  Minh Khoa ") == ("Nguyễn Minh", "Khoa")
    assert split_full_name("Khoa") == ("", "Khoa")


def test_the_top_bar_shows_the_signed_in_person_family_name_first(client, alice):
    alice.first_name, alice.last_name = "Hạnh", "Trần Thị"
    alice.save()
    client.force_login(alice)
    page = client.get("/plans/").content.decode()
    assert "Trần Thị Hạnh" in page
    assert "Hạnh Trần Thị" not in page


def test_the_plan_history_in_the_api_names_who_changed_it_family_name_first(
    client, alice, culture_task
):
    from quantri.plans.editing import Deadline, task_set_deadline

    alice.first_name, alice.last_name = "Khoa", "Nguyễn Minh"
    alice.save()
    deadline = Deadline(kind="recurrence", recurrence="monthly")
    task_set_deadline(task=culture_task, user=alice, deadline=deadline)
    client.force_login(alice)
    changes = client.get(f"/api/tasks/{culture_task.pk}/history").json()
    assert changes[0]["by_name"] == "Nguyễn Minh Khoa"


def test_no_code_shows_a_name_through_get_full_name():
    """Django's get_full_name() puts the given name first; quantri.core.names is the one way."""
    offenders = [
        f"{path.relative_to(QUANTRI)}:{number}"
        for path in QUANTRI.rglob("*")
        if path.suffix in {".py", ".html", ".txt"} and "tests" not in path.parts
        for number, line in enumerate(_lines(path), 1)
        if re.search(r"get_full_name", line) and path.name != "names.py"
    ]
    assert offenders == []


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        return []


def test_the_api_names_a_task_s_officers_family_name_first(client, alice, bob, culture_task):
    from quantri.plans.editing import task_set_officers

    bob.first_name, bob.last_name = "Dũng", "Lê Văn"
    bob.save()
    task_set_officers(task=culture_task, user=alice, officers=[bob])
    client.force_login(alice)
    task = client.get(f"/api/tasks/{culture_task.pk}").json()
    assert (task["officers"], task["officer_names"]) == (["bob"], ["Lê Văn Dũng"])
