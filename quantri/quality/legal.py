"""The texts the quality system cites. Plain Python, kept in one place so a new text changes
one line.

- Decision 19/2014/QĐ-TTg (5/3/2014) on applying the quality management system of the national
  standard TCVN ISO 9001 in state administrative agencies: the head of the agency declares the
  system's conformity (công bố Hệ thống quản lý chất lượng phù hợp) and posts the declaration;
  the system is kept up to date, and a change in the legal documents a process rests on is
  brought into the system within 3 months of that document taking effect.
- Decision 101/QĐ-TTg (22/01/2021) approving the scheme for applying and managing the quality
  management system in state administrative agencies, which moved them to TCVN ISO 9001:2015.

Checked on 04/12/2026 with the search tool (session 7): Decision 19/2014/QĐ-TTg of 05/3/2014
exists under this title (Circular 26/2014/TT-BKHCN "detailing the execution of Decision No.
19/2014/QD-TTg dated March 5, 2014", global-regulation.com), and it followed Decision
144/2006/QĐ-TTg (TCVN ISO 9001:2000, luatminhkhue.vn). Not found: the text of 101/QĐ-TTg, the
article that sets the 3-month limit, and the text said to have replaced Decision 19/2014 (the
session brief says it was replaced; no copy of the new text, its number or its date was in
the sources). Until it is confirmed the declaration and the 3-month rule still cite 19/2014:
replace DECISION (and UPDATE_MONTHS if the new text changed it) here once it is."""

STANDARD = "TCVN ISO 9001:2015"
DECISION = (
    "Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng "
    "Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001 vào hoạt động của "
    "các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước"
)
SCHEME = (
    "Quyết định số 101/QĐ-TTg ngày 22/01/2021 của Thủ tướng Chính phủ phê duyệt Đề án "
    "triển khai, áp dụng và quản lý hệ thống quản lý chất lượng tại các cơ quan, tổ chức "
    "thuộc hệ thống hành chính nhà nước"
)
# A process must follow a change of its legal basis within this many months of the change.
UPDATE_MONTHS = 3
UPDATE_RULE = (
    f"Cập nhật thay đổi của văn bản quy phạm pháp luật vào Hệ thống quản lý chất lượng "
    f"trong thời hạn không quá {UPDATE_MONTHS} tháng ({DECISION})"
)
