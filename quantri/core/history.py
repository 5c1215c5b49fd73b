"""One fix to django-simple-history's `Model.history` descriptor (3.13).

Each read of `instance.history` — and the library reads it for every historical row it
writes — builds a new manager class with `Manager.from_queryset`, which walks the queryset
class with `inspect.getmembers`: about a tenth of a public feedback submission's server time.
The class built is the same every time, so it is built once per model here."""

from functools import cached_property

from django.apps import apps
from simple_history.manager import HistoryDescriptor


class ReusedManagerHistoryDescriptor(HistoryDescriptor):
    @cached_property
    def _manager(self):
        return self.manager_class.from_queryset(self.queryset_class)

    def __get__(self, instance, owner):
        return self._manager(self.model, instance)


def reuse_history_managers() -> int:
    """Swap the descriptor on every model that keeps history; how many were swapped."""
    swapped = 0
    for model in apps.get_models():
        for name, value in list(vars(model).items()):
            if type(value) is HistoryDescriptor:
                replacement = ReusedManagerHistoryDescriptor(
                    value.model, manager=value.manager_class, queryset=value.queryset_class
                )
                setattr(model, name, replacement)
                swapped += 1
    return swapped
