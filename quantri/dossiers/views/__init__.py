"""The office's pages for one-stop dossiers: the 766 dashboard and the dossiers behind each
figure (office), a dossier with its state actions, hand-overs, flags and history (dossier),
the desk's slips as DOCX or PDF (slips) and the import of the one-stop software's exports
(imports). Only managers of the dossier's agency get in."""

from quantri.dossiers.views.dossier import detail, flags, hand_over, transition
from quantri.dossiers.views.exports import (
    dossier_list_xlsx,
    figures_xlsx,
    history_print,
    logbook_docx,
)
from quantri.dossiers.views.imports import import_dossiers
from quantri.dossiers.views.index import dashboard_xlsx, supply_inputs
from quantri.dossiers.views.office import dashboard, dossier_list, find, register
from quantri.dossiers.views.slips import (
    additional_request,
    apology,
    control_slip,
    letter,
    receipt,
    refusal,
    stop_notice,
)

__all__ = [
    "additional_request",
    "apology",
    "control_slip",
    "find",
    "letter",
    "dashboard",
    "dashboard_xlsx",
    "detail",
    "dossier_list",
    "dossier_list_xlsx",
    "figures_xlsx",
    "history_print",
    "logbook_docx",
    "flags",
    "hand_over",
    "import_dossiers",
    "receipt",
    "refusal",
    "register",
    "supply_inputs",
    "stop_notice",
    "transition",
]
