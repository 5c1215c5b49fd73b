"""The rules on rotating staff in sensitive posts (chuyển đổi vị trí công tác), as data: the
schedule and the overdue list cite them, and a new text changes this module, not the code.

Law on Anti-corruption No. 36/2018/QH14: art. 24 sets the principles (rotation of staff who do
not hold a leading post, objective, planned and made public in the agency); art. 25(1) names
the posts — personnel, public finance and assets, public investment, and those that "directly
deal with and settle the business of agencies, organisations, units and individuals", the
one-stop desk; art. 25(2) sets the period in post "from a full 02 years to 05 years" by sector;
art. 25(4) leaves the list of posts and the periods to the Government. Decree 59/2019/NĐ-CP
(01/7/2019), art. 36, gives that list (in its appendix) and the periods; the decree was amended
by Decree 134/2021/NĐ-CP (30/12/2021).

Checked on 04/12/2026 with the search tool (session 7): art. 24 and 25 of the Law
(lawnet.vn, "Principles of job rotation", "Accountants must transfer … after 2-5 years"), the
decree's scope naming art. 25(4) of the Law (hethongphapluat.com, Decree 59/2019), art. 36 of
the decree (lawnet.vn; baonghean.vn: 18 sectors), and Decree 134/2021 amending it
(english.luatvietnam.vn). Not found: the text of art. 26 of the Law (the yearly rotation
plan is cited from memory) and whether Decree 134/2021 changed art. 36 or its appendix.
"""

from django.utils.translation import gettext_lazy as _

LAW = "Luật Phòng, chống tham nhũng số 36/2018/QH14, Điều 24, 25"
DECREE = "Nghị định số 59/2019/NĐ-CP (sửa đổi, bổ sung bởi Nghị định số 134/2021/NĐ-CP), Điều 36"
BASIS = f"{LAW}; {DECREE}"

# Art. 25(2): "from a full 02 years to 05 years, according to the sector".
MIN_YEARS, MAX_YEARS = 2, 5
DEFAULT_YEARS = 3

SENSITIVE_AREAS = [
    (
        "direct_contact",
        _("Directly receiving and settling the business of citizens and organisations"),
    ),
    ("personnel", _("Personnel work")),
    ("public_finance", _("Public finance, public assets and public investment")),
    ("other", _("Another post in the agency's rotation list")),
]
