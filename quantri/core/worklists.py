"""The order of every work list: open items by deadline (the nearest, or most overdue, first;
no deadline after those with one), closed items after all of them. A new item must not sit at
row 20 of 24 below last month's answered ones."""

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When


def due_first(
    items: QuerySet, *, open_when: Q, due: str, then: tuple[str, ...] = ("-pk",)
) -> QuerySet:
    closed_last = Case(
        When(open_when, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return items.annotate(closed_last=closed_last).order_by(
        "closed_last", F(due).asc(nulls_last=True), *then
    )
