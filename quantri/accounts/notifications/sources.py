"""Where notifications come from: each app that notifies people registers a source in its
AppConfig.ready() (as with the menu, quantri.core.nav), so the top bar's unread count, the
notifications page and the e-mail digest read every app without importing any of them."""

import datetime
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Item:
    source: str
    pk: int
    text: str
    url: str
    created_at: datetime.datetime
    read_at: datetime.datetime | None


class Source(Protocol):
    name: str

    def unread_count(self, user) -> int: ...

    def latest(self, user, limit: int) -> list[Item]: ...

    def unread_since(self, user, since: datetime.datetime | None) -> list[Item]: ...

    def recipient_ids(self, since: datetime.datetime | None) -> set[int]: ...

    def mark_read(self, user, pk: int | None) -> int: ...


class ModelSource:
    """A source over a model with user, text, url, created_at and read_at fields (the reports
    app's Notification is one)."""

    def __init__(self, name: str, model) -> None:
        self.name, self.model = name, model

    def _of(self, user):
        return self.model.objects.filter(user=user)

    def _item(self, row) -> Item:
        return Item(self.name, row.pk, row.text, row.url, row.created_at, row.read_at)

    def unread_count(self, user) -> int:
        return self._of(user).filter(read_at__isnull=True).count()

    def latest(self, user, limit: int) -> list[Item]:
        return [self._item(row) for row in self._of(user).order_by("-created_at", "-pk")[:limit]]

    def unread_since(self, user, since: datetime.datetime | None) -> list[Item]:
        rows = self._of(user).filter(read_at__isnull=True)
        if since is not None:
            rows = rows.filter(created_at__gt=since)
        return [self._item(row) for row in rows.order_by("created_at", "pk")]

    def recipient_ids(self, since: datetime.datetime | None) -> set[int]:
        rows = self.model.objects.filter(read_at__isnull=True)
        if since is not None:
            rows = rows.filter(created_at__gt=since)
        return set(rows.values_list("user_id", flat=True).distinct())

    def mark_read(self, user, pk: int | None) -> int:
        from django.utils import timezone

        rows = self._of(user).filter(read_at__isnull=True)
        if pk is not None:
            rows = rows.filter(pk=pk)
        return rows.update(read_at=timezone.now())


_SOURCES: dict[str, Source] = {}


def register_source(source: Source) -> None:
    _SOURCES[source.name] = source


def sources() -> list[Source]:
    return list(_SOURCES.values())


def source(name: str) -> Source | None:
    return _SOURCES.get(name)
