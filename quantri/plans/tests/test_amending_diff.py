"""What a revision changed, read from two snapshots: plain Python."""

from quantri.plans.amending.diff import ChangeKind, compare


def snapshot(*tasks) -> dict:
    return {"groups": [{"id": 1, "title": "Nhóm 1", "tasks": list(tasks)}]}


def task(pk, title="Nhiệm vụ", lead="Văn phòng", due="2026-06-30", **extra) -> dict:
    return {
        "id": pk,
        "title": title,
        "lead": lead,
        "support": [],
        "officers": [],
        "due_on": due,
        "recurrence": "",
        "due_period": "",
        "status": "not_started",
        **extra,
    }


def kinds(changes) -> list[tuple[str, int]]:
    return [(c.kind, c.task_id) for c in changes]


def test_an_unchanged_plan_has_no_changes():
    assert compare(snapshot(task(1)), snapshot(task(1))) == []


def test_it_lists_added_removed_reassigned_and_moved_tasks():
    before = snapshot(task(1), task(2), task(3))
    after = snapshot(task(1, lead="Thư viện"), task(3, due="2026-09-30"), task(4))
    changes = compare(before, after)
    assert kinds(changes) == [
        (ChangeKind.ADDED, 4),
        (ChangeKind.REMOVED, 2),
        (ChangeKind.REASSIGNED, 1),
        (ChangeKind.DEADLINE_MOVED, 3),
    ]
    moved = changes[-1]
    assert (moved.before, moved.after) == ("30/06/2026", "30/09/2026")
    assert (changes[2].before, changes[2].after) == ("Văn phòng", "Thư viện")


def test_a_cancelled_task_is_listed_as_cancelled_with_its_reason():
    after = snapshot(task(1, status="cancelled", cancel_reason="Không còn phù hợp"))
    [change] = compare(snapshot(task(1)), after)
    assert change.kind == ChangeKind.CANCELLED and change.after == "Không còn phù hợp"
