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


# Where each sub-criterion's rule comes from, as the versions' data words it (tags explained
# under the dashboard's table); named here so that the catalogue has them.
SOURCE_NOTES = (
    gettext_noop("QD766 Phụ lục, nhóm 1; DVC (4.5 points: verify)"),
    gettext_noop("QD766 Phụ lục, nhóm 2: (sớm + đúng hạn + đang trong hạn) ÷ hồ sơ xử lý"),
    gettext_noop("DVC: full points at 80% (6 points: verify)"),
    gettext_noop("DVC: full points at 50% (6 points: verify)"),
    gettext_noop("QD766 Phụ lục, nhóm 5; DVC (8 points: verify)"),
    gettext_noop("QD766 Phụ lục, nhóm 5; DVC (6 points: verify)"),
    gettext_noop("QD766 Phụ lục, nhóm 4; DVC (5 points: verify)"),
    gettext_noop(
        "DVC: denominator = dossiers of fee-bearing procedures (target 50%, 5 points: verify)"
    ),
    gettext_noop("DVC: about 6 points, full at 90%"),
    gettext_noop("QD766 Phụ lục, nhóm 6; DVC (6 points: verify)"),
    gettext_noop("QD766 Phụ lục, nhóm 6; DVC (6 points, target 90%: verify)"),
    gettext_noop("CONG-THUC 1.1; DIEM: 6 points"),
    gettext_noop("CONG-THUC 1.2; DIEM and TOM-TAT: 4 points (confirmed)"),
    gettext_noop("CONG-THUC 1.3 (÷ procedures published); DIEM: 2 points"),
    gettext_noop("CONG-THUC 1.4; DIEM: 6 points"),
    gettext_noop("CONG-THUC 2.1; TOM-TAT and DIEM: 20 points (confirmed)"),
    gettext_noop("CONG-THUC 3.1 and M0: full points at 80%; M0: 2 points"),
    gettext_noop("CONG-THUC 3.2; M0: 4 points × rate, no threshold"),
    gettext_noop("CONG-THUC 3.3 and M0: full points at 50%; M0: 6 points"),
    gettext_noop("CONG-THUC 4.1; DIEM: 6 points"),
    gettext_noop(
        "DIEM: 4 points; M0: 4 points × rate, full only at 100% (CONG-THUC 4.2 says 80%, the "
        "portal's scores do not)"
    ),
    gettext_noop(
        "DIEM: 2 points (ELECTRONIC_CERTIFIED_COPY); M0: 2 points × rate, exact on 984 scores"
    ),
    gettext_noop("CONG-THUC 4.3 and M0: full points at 80% (confirmed); DIEM: 2 points"),
    gettext_noop("CONG-THUC 4.4; DIEM: 4 points"),
    gettext_noop("CONG-THUC 4.5 (dossiers); DIEM: 2 points"),
    gettext_noop("CONG-THUC 4.5 (procedures whose applicants are citizens); DIEM: 2 points"),
    gettext_noop(
        "CONG-THUC 3.5 and M0 (2.5 × rate, capped at 2): full points at 80%; DIEM: 2 points"
    ),
    gettext_noop(
        "DIEM 3.5b: 2 points; M0: procedures with a dossier paid online ÷ fee-bearing "
        "procedures, min(2, 2.5 × rate), so full points at 80%"
    ),
    gettext_noop(
        "CONG-THUC 3.6 (÷ dossiers of fee-bearing procedures); DIEM and M0: 6 points × rate, no "
        "threshold (confirmed)"
    ),
    gettext_noop(
        "CONG-THUC 5.2; DIEM and M0: 6 points × rate, full when no feedback; TOM-TAT: one of the "
        "group's three rates"
    ),
    gettext_noop(
        "CONG-THUC 5.3; DIEM and M0: 6 points × rate, full when no feedback; TOM-TAT: one of the "
        "group's three rates"
    ),
    gettext_noop(
        "CONG-THUC 5.4 and M0: full points at 90%, 0 when no dossier; DIEM and TOM-TAT: 6 points "
        "(confirmed)"
    ),
)


def name_of(figure: str) -> str:
    return str(FIGURE_NAMES.get(figure, figure))


def is_input(figure: str) -> bool:
    return figure in INPUTS
