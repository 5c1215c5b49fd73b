"""A person's notifications from every source: the top bar's count and the page."""

from quantri.accounts.notifications.sources import Item, source, sources

SHOWN = 100


def unread_count(*, user) -> int:
    return sum(s.unread_count(user) for s in sources())


def latest(*, user, limit: int = SHOWN) -> list[Item]:
    items = [item for s in sources() for item in s.latest(user, limit)]
    return sorted(items, key=lambda item: item.created_at, reverse=True)[:limit]


def notifications_mark_read(*, user, source_name: str = "", pk: int | None = None) -> int:
    """One item (its source and id), or everything the user has, marked as read."""
    if source_name:
        chosen = source(source_name)
        return chosen.mark_read(user, pk) if chosen is not None else 0
    return sum(s.mark_read(user, None) for s in sources())
