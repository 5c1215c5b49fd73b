"""What the 766 dashboard and its export call each figure, and the sub-criteria's labels (data
in IndexVersion.criteria, translated in the page: named here so that the catalogue has them).
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from quantri.dossiers.index_766_2026_12 import INPUTS
from quantri.dossiers.models import IndexInputFigure

FIGURE_NAMES = {
    "received": _("Dossiers received"),
    "processed": _("Dossiers processed"),
    "handled": _("Dossiers handled (processed, within time or overdue)"),
    "progress_ok": _("Finished early or on time, or still within time"),
    "online_received": _("Dossiers received online"),
    "digitised": _("Dossiers digitised"),
    "paid_online": _("Dossiers paid online"),
    "processed_fee": _("Dossiers of fee-bearing procedures processed"),
    "rated": _("Dossiers rated by the citizen"),
    "satisfied": _("Satisfied ratings"),
    "procedures": _("Procedures of the agency"),
    "procedures_published": _("Procedures published on the portal"),
    "procedures_online": _("Procedures offering online service"),
    "fee_procedures": _("Fee-bearing procedures"),
    "feedback_answered": _("Feedback about procedures answered"),
    "feedback_on_time": _("Feedback about procedures answered on time"),
    "online_procedures_with_dossiers": _("Online services that received a dossier online"),
    "fee_procedures_paid_online": _("Fee-bearing procedures with a dossier paid online"),
    "handled_without_complaint": _("Dossiers handled neither late nor complained about"),
    **{figure: IndexInputFigure(figure).label for figure in INPUTS},
}

SUBCRITERIA_LABELS = (
    gettext_noop("Procedures announced on time"),
    gettext_noop("Procedures published and updated on the portal on time"),
    gettext_noop("Procedures published with complete content"),
    gettext_noop("Dossiers synchronised to the national portal"),
    gettext_noop("Finished early or on time, or still within time"),
    gettext_noop("Procedures offering online service"),
    gettext_noop("Dossiers submitted online"),
    gettext_noop("Fee-bearing procedures integrated for online payment"),
    gettext_noop("Dossiers paid online ÷ dossiers of fee-bearing procedures"),
    gettext_noop("Results issued electronically"),
    gettext_noop("Dossiers digitised"),
    gettext_noop("Digitised data reused"),
    gettext_noop("Citizens satisfied with the handling of their dossier"),
    gettext_noop("Feedback on procedures answered on time"),
    gettext_noop("Citizens satisfied with how their feedback was handled"),
    # 766-2026-12 (index_766_2026_12)
    gettext_noop("Fee-bearing procedures with a dossier paid online"),
    gettext_noop("Online services that received a dossier online"),
    gettext_noop("Certified copies issued electronically from the original"),
    gettext_noop("Digitised dossiers linked to the citizen's store on the national portal"),
    gettext_noop("Dossiers using the national population database"),
    gettext_noop("Procedures for citizens connected to the population database"),
    gettext_noop("Dossiers handled neither late nor complained about"),
)


def name_of(figure: str) -> str:
    return str(FIGURE_NAMES.get(figure, figure))


def is_input(figure: str) -> bool:
    return figure in INPUTS
