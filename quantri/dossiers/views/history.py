"""The dossier's history of changes, read from its simple_history records: who changed which
fields from what to what, and when (bulk imports write no history rows: see DossierImport)."""

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from quantri.dossiers.models import Dossier

LIMIT = 50  # newest first; a dossier rarely changes more often than this


def history_entries(dossier: Dossier) -> list[dict]:
    records = list(
        dossier.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : LIMIT + 1
        ]
    )
    entries = []
    # Each record against the one before it (the oldest against nothing). A dossier written
    # only by bulk imports has no record at all.
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        if len(entries) == LIMIT:
            break
        changes = _changes(record, previous) if previous is not None else []
        if previous is not None and not changes:
            continue
        entries.append(
            {
                "at": record.history_date,
                "user": record.history_user,
                "created": record.history_type == "+",
                "changes": changes,
            }
        )
    return entries


def _changes(record, previous) -> list[tuple[str, str, str]]:
    delta = record.diff_against(previous)
    out = []
    for change in delta.changes:
        field = Dossier._meta.get_field(change.field)
        out.append(
            (capfirst(field.verbose_name), _shown(field, change.old), _shown(field, change.new))
        )
    return out


def _shown(field, value) -> str:
    if value in (None, ""):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if hasattr(value, "tzinfo"):
        return f"{timezone.localtime(value):%d/%m/%Y %H:%M}"
    return str(value)
