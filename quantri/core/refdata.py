"""Reference data kept in memory for a short while: tables the office edits a few times a year
(the working calendar's exceptions, deadline rules, feedback categories) but every public
submission reads.

Reading them on every request costs a query each, and most of that cost is Django building
the SQL, not the database answering it. A snapshot is read once and kept for
QUANTRI_REFERENCE_SECONDS (60 by default) in each server process. A change made in this
process drops the snapshot at once (post_save / post_delete); another process sees it when its
snapshot expires, so an edit takes effect everywhere within that time. Nothing that decides
access is kept here: API keys and sign-ins are always read fresh.
"""

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from django.conf import settings
from django.db.models.signals import post_delete, post_save

T = TypeVar("T")
# Seconds from any fixed point; a module attribute so that tests can move it.
clock = time.monotonic


class Snapshot(Generic[T]):
    def __init__(self, load: Callable[[], T], *, models: list) -> None:
        self._load, self._lock = load, threading.Lock()
        self._value: T | None = None
        self._read_at: float | None = None
        for model in models:
            post_save.connect(self._forget_on_signal, sender=model, weak=False)
            post_delete.connect(self._forget_on_signal, sender=model, weak=False)

    def get(self) -> T:
        seconds = settings.QUANTRI_REFERENCE_SECONDS
        with self._lock:
            fresh = self._read_at is not None and 0 <= clock() - self._read_at < seconds
            if not fresh:
                self._value, self._read_at = self._load(), clock()
            return self._value

    def forget(self) -> None:
        with self._lock:
            self._value, self._read_at = None, None

    def _forget_on_signal(self, **kwargs) -> None:
        self.forget()
