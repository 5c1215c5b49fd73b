"""The laws an inspection or a check rests on, cited in the data it records.

Checked on 04/12/2026 against public copies found with the search tool (session 7):
- Law 84/2025/QH15 on Inspection: passed 25/6/2025, in force 1/7/2025, replacing Law
  11/2022/QH15; inspection bodies are the Government Inspectorate and the provincial
  inspectorates (plus the army, police and State Bank ones); the inspectorates of ministries,
  departments and districts are abolished
  (english.luatvietnam.vn/law-no-84-2025-qh15-on-inspection-…-404441-doc1.html; vnnow.net).
- Decree 130/2020/NĐ-CP of 30/10/2020 on controlling the assets and incomes of persons holding
  positions and powers (english.luatvietnam.vn/decree-no-130-2020-nd-cp-…-193205-doc1.html).
- Decree 59/2019/NĐ-CP of 01/7/2019 detailing the Law on Anti-corruption (gifts, art. 22 of
  the Law; rotation, art. 25(4)), amended by Decree 134/2021/NĐ-CP of 30/12/2021
  (hethongphapluat.com; english.luatvietnam.vn/decree-no-134-2021-nd-cp-…-215077-doc1.html).
- Decree 118/2025/NĐ-CP replaced Decree 61/2018/NĐ-CP on the one-stop mechanism from 1/7/2025
  (the domain brief; quantri.dossiers.slips). Its article numbers were not found, so the demo
  cites the decree without an article.
Not confirmed: which article of the Law on Anti-corruption or of Decree 59/2019 sets the
head's accountability when corruption happens in their unit (models.HeadAccountability), and
whether the 2025 Inspection Law's amendments to related laws touched Law 36/2018.
"""

# Law on Inspection 2025: a department no longer has an inspectorate of its own. A
# department's oversight is therefore an inspection (thanh tra) by the provincial
# inspectorate, or a check (kiểm tra) by the department's own team under its director's
# decision.
INSPECTION_LAW = "Luật Thanh tra số 84/2025/QH15 (có hiệu lực từ 01/7/2025)"
ANTI_CORRUPTION_LAW = "Luật Phòng, chống tham nhũng số 36/2018/QH14"
# Asset and income declarations (kê khai tài sản, thu nhập).
ASSET_DECREE = (
    "Nghị định số 130/2020/NĐ-CP ngày 30/10/2020 của Chính phủ về kiểm soát tài sản, thu nhập "
    "của người có chức vụ, quyền hạn trong cơ quan, tổ chức, đơn vị"
)
# Gift rules, conflicts of interest, rotation and the handling of violations.
ANTI_CORRUPTION_DECREE = (
    "Nghị định số 59/2019/NĐ-CP ngày 01/7/2019 của Chính phủ quy định chi tiết một số điều và "
    "biện pháp thi hành Luật Phòng, chống tham nhũng (sửa đổi, bổ sung bởi Nghị định số "
    "134/2021/NĐ-CP)"
)
# The one-stop mechanism (from 1/7/2025), which a check of the desk applies.
ONE_STOP_DECREE = (
    "Nghị định số 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa "
    "liên thông"
)

BASIS_BY_KIND = {
    "inspection": INSPECTION_LAW,
    "check": f"{ANTI_CORRUPTION_LAW}; {INSPECTION_LAW}",
}
