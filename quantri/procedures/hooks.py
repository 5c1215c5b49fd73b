"""What other apps may ask to hear about the catalogue, without procedures importing them.

The quality system (quantri.quality) registers here to flag a procedure's internal process
when the procedure's legal basis changes; procedures knows nothing of it."""

from collections.abc import Callable

LegalBasisListener = Callable[..., None]
_legal_basis_listeners: list[LegalBasisListener] = []


def on_legal_basis_change(listener: LegalBasisListener) -> None:
    """`listener(procedure=…, before=[…], after=[…])`, called inside the saving transaction."""
    if listener not in _legal_basis_listeners:
        _legal_basis_listeners.append(listener)


def legal_basis_changed(*, procedure, before: list[str], after: list[str]) -> None:
    for listener in _legal_basis_listeners:
        listener(procedure=procedure, before=before, after=after)
