"""Renumbering siblings (groups of a plan, tasks of a group) without tripping the
(parent, order) unique constraints, which PostgreSQL checks row by row inside one UPDATE."""

OFFSET = 10000  # above any real order; PositiveSmallIntegerField holds up to 32767


def renumber(model, items: list) -> None:
    """Give `items` the orders 1..n in the list's order, in two UPDATE statements."""
    changed = [item for position, item in enumerate(items, start=1) if item.order != position]
    if not changed:
        return
    for position, item in enumerate(items, start=1):
        item.order = OFFSET + position
    model.objects.bulk_update(items, ["order"])
    for item in items:
        item.order -= OFFSET
    model.objects.bulk_update(items, ["order"])


def next_order(queryset) -> int:
    last = queryset.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1
