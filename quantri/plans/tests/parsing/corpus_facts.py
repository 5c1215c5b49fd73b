"""Facts a correct import must give for real plans in ../shared/corpus/plans, labelled by hand
from reading each document (not from the parser's output).

Each document maps fact names to the expected value; `check_facts` in test_corpus_facts.py
turns every entry (and every field of every named task) into one checked fact. Titles are
matched by their start, folded (accents and case ignored); lists of parents and groups are
"includes" checks, so a document citing more than is listed still passes.
"""

import datetime

D = datetime.date

CORPUS_FACTS: dict[str, dict] = {
    # Tasks as numbered items, each with "- Nội dung / Cơ quan thực hiện / Thời gian" lines.
    "2f6f80b9918e52de.txt": {
        "number": "172/KH-UBND",
        "issued_on": D(2025, 11, 18),
        "signer": "Trần Thị Diệu Thúy",
        "position": "PHÓ CHỦ TỊCH",
        "parents": ["1850/QĐ-TTg"],
        "year": 2025,
        "task_count": 4,
        "tasks": [
            {
                "title": "Phổ biến, giáo dục Luật Việc làm",
                "lead": "Sở Nội vụ",
                "due_text": "Năm 2025 và các năm tiếp theo",
            },
            {
                "title": "Tổ chức tập huấn, bồi dưỡng",
                "lead": "Sở Nội vụ",
                "support": ["Sở Giáo dục và Đào tạo", "Sở Tài chính"],
                "due": D(2025, 12, 31),
            },
            {"title": "Tổ chức kiểm tra việc thi hành Luật Việc làm", "lead": "Sở Nội vụ"},
        ],
    },
    # Lone markers ("1." alone on its line), numbered sub-parts 3.1/3.2 over lettered tasks.
    "6a406c1f9dfed9c3.txt": {
        "number": "7360/KH-UBND",
        "issued_on": D(2025, 11, 19),
        "signer": "Tống Thanh Hải",
        "position": "PHÓ CHỦ TỊCH",
        "parents": ["2138/QĐ-TTg"],
        "tasks": [
            {
                "title": "Trên cơ sở tài liệu do Trung ương biên soạn",
                "lead": "Sở Khoa học và Công nghệ",
                "support": ["Sở Tư pháp"],
                "due": D(2025, 12, 31),
            },
            {"title": "Rà soát văn bản quy phạm pháp luật", "lead": "Sở Khoa học và Công nghệ"},
            {
                "title": "Nghị định quy định về điều kiện kinh doanh dịch vụ",
                "lead": "Sở Khoa học và Công nghệ",
                "due_text": "Theo tiến độ xây dựng dự thảo văn bản của cơ quan chủ trì soạn thảo",
            },
        ],
    },
    # A Prime Minister's decision issuing the plan; tasks with field lines, "+" sub-items.
    "86367f2ddb2225cd.txt": {
        "number": "2623/QĐ-TTg",
        "issued_on": D(2025, 11, 29),
        "tasks": [
            {
                "title": "Tổ chức tuyên truyền, phổ biến, giáo dục pháp luật về bảo vệ dữ liệu",
                "lead": "Bộ Công an",
                "support": ["Bộ Tư pháp"],
                "due": D(2025, 12, 31),
            },
            {
                "title": "Tổ chức tập huấn chuyên sâu",
                "lead": "Bộ Công an",
                "due_text": "năm 2025 và các năm tiếp theo",
            },
            {"title": "Biên soạn tài liệu phục vụ công tác phổ biến Luật", "lead": "Bộ Công an"},
        ],
    },
    # Duties listed per unit under "III. PHÂN CÔNG NHIỆM VỤ": the units are the groups.
    "0a97eb9c3c536047.txt": {
        "number": "1026/KH-UBND",
        "issued_on": D(2025, 11, 26),
        "signer": "Bùi Thanh An",
        "position": "PHÓ CHỦ TỊCH",
        "parents": ["32/CT-TTg"],
        "year": 2025,
        "groups_include": ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Sở Nội vụ"],
        "group_leads": {"Công an tỉnh": "Công an tỉnh", "Sở Nội vụ": "Sở Nội vụ"},
    },
    # Tasks only in an annex table after the signature, flattened one cell per line;
    # the web page's own chrome around it.
    "c5d930a5fc8373cd.txt": {
        "number": "980/KH-UBND",
        "issued_on": D(2025, 11, 18),
        "signer": "Nguyễn Văn Đệ",
        "position": "PHÓ CHỦ TỊCH",
        "parents": ["1899/QĐ-TTg"],
        "groups_include": ["Kiện toàn và hoàn thiện cơ chế chỉ đạo, điều hành phòng thủ dân sự"],
        "tasks": [
            {
                "title": "Tổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh",
                "lead": "Bộ CHQS tỉnh",
                "due": D(2025, 11, 30),
            },
            {
                "title": "Triển khai thực hiện một số nội dung chi, mức chi đặc thù",
                "lead": "Sở Tài chính",
                "recurrence": "continuous",
            },
        ],
    },
    # A ministry's decision (KT. BỘ TRƯỞNG / THỨ TRƯỞNG) citing a decision and a resolution.
    "1796a553dfee88ef.txt": {
        "number": "5042/QĐ-BNNMT",
        "issued_on": D(2025, 11, 26),
        "signer": "Hoàng Trung",
        "position": "THỨ TRƯỞNG",
        "parents": ["1085/QĐ-TTg", "66/NQ-CP"],
    },
    # TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH; horizon "đến năm 2030" is not the plan's year.
    "24c7124ec6b2bf61.txt": {
        "number": "153/KH-UBND",
        "issued_on": D(2025, 11, 17),
        "signer": "Trương Cảnh Tuyên",
        "position": "CHỦ TỊCH",
        "parents": ["7619/QĐ-BCA"],
        "year": 2025,
    },
    # A party resolution ("57-NQ/TW") as the parent; horizon 2030.
    "31786b0833a4130d.txt": {
        "number": "310/KH-UBND",
        "issued_on": D(2025, 11, 24),
        "signer": "Trương Việt Dũng",
        "position": "PHÓ CHỦ TỊCH",
        "parents": ["57-NQ/TW"],
        "year": 2025,
    },
    "689f49d25e51cbaa.txt": {
        "number": "597/KH-UBND",
        "issued_on": D(2025, 11, 27),
        "signer": "Nguyễn Thành Diệu",
        "position": "PHÓ CHỦ TỊCH",
        "parents": ["57-NQ/TW", "71/NQ-CP", "1644/QĐ-BXD"],
    },
    # The largest document (about 130 KB).
    "f004d93b21e7fc5f.txt": {
        "number": "179/KH-UBND",
        "issued_on": D(2025, 11, 18),
        "signer": "Võ Tấn Đức",
        "position": "CHỦ TỊCH",
        "parents": ["57-NQ/TW", "71/NQ-CP"],
    },
    # A plan issued by a provincial decision (QĐ-UBND), party directive "46-CT/TW" elsewhere.
    "4e39af96b6891368.txt": {
        "number": "1627/QĐ-UBND",
        "issued_on": D(2025, 11, 21),
        "signer": "Nguyễn Ngọc Sâm",
        "position": "PHÓ CHỦ TỊCH",
    },
    "2957e4f4f0e41373.txt": {
        "number": "0125/KH-UBND",
        "issued_on": D(2025, 11, 18),
        "signer": "Đào Mỹ",
        "position": "PHÓ CHỦ TỊCH",
        "parents": ["46-CT/TW"],
        "year": 2025,
    },
    # Decrees cited in a "Căn cứ" paragraph as parents.
    "62f25a030c183151.txt": {
        "number": "0129/KH-UBND",
        "issued_on": D(2025, 11, 21),
        "signer": "Hồ Thị Nguyên Thảo",
        "position": "PHÓ CHỦ TỊCH",
        "parents": ["200/2023/NĐ-CP", "98/2021/NĐ-CP"],
    },
    # A resolution issuing a law-making plan as a Markdown table whose rows the crawl wrapped
    # over several lines, dropped empty number cells, and filled "(1) … (5)" file lists.
    "ae8d299abf846604.txt": {
        "task_count": 11,
        "group_count": 2,
        "groups_include": [
            "Văn bản thuộc thẩm quyền ban hành của Quốc hội",
            "Văn bản thuộc thẩm quyền ban hành của Ủy ban Thường vụ Quốc hội",
        ],
        "tasks": [
            {
                "title": "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Quốc hội",
                "lead": "Ban soạn thảo do UBTVQH thành lập",
                "due": D(2025, 2, 28),
            },
            {
                "title": "Nghị quyết về việc giải thể Viện Nghiên cứu lập pháp",
                "lead": "Ban Công tác đại biểu",
                "due": D(2025, 1, 10),
            },
            {
                "title": "Nghị quyết sửa đổi, bổ sung một số điều của Nghị quyết số 1156/2016",
                "lead": "Ban Dân nguyện",
                "due": D(2025, 1, 10),
            },
            {
                "title": "Nghị quyết ban hành Quy chế hoạt động đối ngoại của Quốc hội",
                "lead": "Ủy ban Đối ngoại",
                "due_text": "Theo kết quả rà soát",
            },
        ],
    },
    # A decision issuing a plan whose organisation part lists duties per unit under headings
    # written as sentences ('Sở Giáo dục và Đào tạo chủ trì, phối hợp với …:').
    "437c3beb60ae2874.txt": {
        "number": "2853/QĐ-UBND",
        "issued_on": D(2025, 11, 21),
        "tasks": [
            {
                "title": "Điều phối chung, đôn đốc, hướng dẫn việc triển khai Kế hoạch",
                "lead": "Sở Nông nghiệp và Môi trường",
            },
            {
                "title": "Xây dựng chương trình đào tạo và tổ chức tập huấn cho đội ngũ giảng viên",
                "lead": "Sở Giáo dục và Đào tạo",
            },
            {
                "title": "Nâng cao chất lượng công tác truyền thông, tuyên truyền",
                "lead": "Sở Khoa học và Công nghệ",
            },
            {
                "title": "Nâng cao năng lực ứng phó thiên tai cho đối tượng là người khuyết tật",
                "lead": "Sở Y tế",
            },
        ],
    },
}
