"""Lead and supporting units, and expected outputs, written in a task's prose.

Handles 'Văn phòng Sở chủ trì, phối hợp với Thanh tra Sở và các phòng, đơn vị liên quan',
'Cơ quan chủ trì: ...; Cơ quan phối hợp: ...', 'Giao Phòng Quản lý Văn hóa thực hiện',
'(Văn phòng Sở chủ trì, Thanh tra Sở phối hợp)' and 'Sản phẩm: ...'.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from .fields import ABBREVIATIONS, clause_end, is_field_line
from .text import fold, fold_key, squash

# First words of a unit name (folded). Unit names are written with a capital; the
# collective words ('các', 'đơn vị') also start lower-case phrases such as 'các phòng'.
_UNIT_WORDS = (
    "van phong", "phong", "thanh tra", "trung tam", "so", "ban", "ubnd", "uy ban", "bao tang",
    "thu vien", "nha hat", "doan", "truong", "vien", "cuc", "chi cuc", "bo", "hoi", "dai",
    "cong an", "tong cuc", "lanh dao", "giam doc", "pho giam doc", "bql", "tt", "p", "vp",
    "to cong tac", "hoi dong", "cong doan", "chi bo", "dang uy", "tinh doan", "mat tran",
    "kho bac", "benh vien", "cong ty", "nha van hoa", "khu", "hat", "doi", "bo phan",
    "thu truong", "chanh", "truong phong", "chi nhanh", "hdnd", "nguoi dung dau", "cac",
    "don vi", "co quan", "nhung", "toan", "tat ca", "ttcntt", "thuong truc", "toa an",
    "ngan hang", "lien doan", "lien minh",
)  # fmt: skip
# Sentence openings that share a first word with a unit name ('Sở', 'Đội', 'Bộ', 'Hội').
_NOT_UNITS = (
    "so luong", "so ket", "so lieu", "ban hanh", "ban giao", "ban do", "truong hop", "vien chuc",
    "dai hoi", "dai dien", "doi thoai", "doi moi", "doi voi", "doi ngu", "bo tri", "bo sung",
    "hoi nghi", "hoi thao", "khu vuc", "toan dien", "toan bo", "cac noi dung", "cac nhiem vu",
    "cac van ban", "cac quy dinh", "cac hoat dong", "cac chi so", "nhung noi dung", "nhung van de",
    "doan ket", "cuc bo", "tat ca cac noi dung", "co quan nha nuoc", "hoi vien",
    "phong chong", "phong ngua", "phong tranh", "phong ve",
)  # fmt: skip
_COLLECTIVE_STARTS = ("cac ", "nhung ", "toan ", "tat ca ", "moi ")
# Unit names whose first word folds to a common word ('Báo' a newspaper and 'báo cáo', 'Bảo
# hiểm xã hội' and 'bảo đảm'): matched as written, capital and marks included.
_WRITTEN_UNITS = re.compile(r"(?:Báo(?!\s+(?:cáo|chí)\b)|Bảo hiểm xã hội)\s")
# Lower-case words that end a list of unit names: '... Thanh tra Sở thực hiện', '... để'.
_VERBS = (
    "thuc hien", "tham muu", "trien khai", "to chuc", "xay dung", "theo doi", "de", "trong",
    "tong hop", "bao cao", "huong dan", "kiem tra", "ra soat", "cap nhat", "dam bao", "nham",
    "tuyen truyen", "cung cap", "giai quyet", "tiep nhan", "danh gia", "khao sat", "doi thoai",
    "phoi hop", "chu tri", "thuong xuyen", "dinh ky", "ban hanh", "tiep tuc",
    "tang cuong", "day manh", "nang cao", "lam", "tai", "ve", "khi", "theo", "neu",
    "tien hanh", "chu dong", "co trach nhiem", "chiu trach nhiem", "la",
)  # fmt: skip
_VERB_STOP = re.compile(r"\s(?:" + "|".join(_VERBS) + r")\b")

# 'Đơn vị chủ trì tham mưu thực hiện:' as well as 'Chủ trì:'
_LEAD_LABEL = re.compile(
    r"(?:\b(?:co quan|don vi|bo phan)\s+(?:chu tri|thuc hien|phu trach)|\bchu tri)"
    r"(?:\s+(?:tham muu|thuc hien|trien khai))*\s*:\s*"
)
_SUPPORT_LABEL = re.compile(
    r"(?:\b(?:co quan|don vi|bo phan)\s+)?\bphoi hop(?:\s+thuc hien)?\s*:\s*"
)
_OUTPUT_LABEL = re.compile(r"\b(?:san pham|ket qua)(?:\s+dau ra)?(?:\s+du kien)?\s*:\s*")
_LEAD_WORD = re.compile(r"\bchu tri\b(?!\s*:)")
_SUPPORT_AFTER = re.compile(r"\s*,?\s*(?:va\s+)?(?:phoi hop|cung)\s+(?:voi\s+)?")
_GIVEN = re.compile(r"\bgiao\s+(?:cho\s+)?")
_DOER = re.compile(r"(?<=\S)\s+(?:thuc hien|tham muu|trien khai|chiu trach nhiem|phu trach)\b")
_PARTNER = re.compile(r"\bphoi hop\s+(?:voi|cung)\s+")


@dataclass
class ProseUnits:
    lead: str | None = None
    support: list[str] = field(default_factory=list)
    output: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)  # to cut from the title
    labelled: bool = False  # the lead was written after a label ('Cơ quan chủ trì: ...')


def find_units(text: str, *, subject: bool = False) -> ProseUnits:
    """The units a text names. With ``subject``, a task that opens with a unit and its verb
    ('Các Trung tâm y tế giám sát …') is led by that unit."""
    folded = fold(text)
    found = ProseUnits()
    _labelled(text, folded, found)
    if found.lead is None:
        _lead_word(text, folded, found)
    if found.lead is None:
        _given(text, folded, found)
    if found.lead is None:
        _partner(text, folded, found)
    if found.lead is None:
        _doer(text, folded, found)
    if found.lead is None and subject:
        _subject(text, found)
    _output(text, folded, found)
    return found


def starts_unit(text: str) -> bool:
    """Does the text open with a unit name ('Phòng ...', 'P. QLVH', 'các đơn vị ...')?"""
    stripped = unicodedata.normalize("NFC", text).strip(" ,;:()\"'“”")
    if _WRITTEN_UNITS.match(stripped):
        return True
    key = fold_key(stripped)
    if not key or not any(key == w or key.startswith(w + " ") for w in _UNIT_WORDS):
        return False
    if any(key == w or key.startswith(w + " ") for w in _NOT_UNITS):
        return False
    return stripped[0].isupper() or key.startswith(_COLLECTIVE_STARTS + ("don vi", "co quan"))


def unit_heading(title: str) -> str | None:
    """The unit a group heading assigns its tasks to: a heading that is a unit's name ('Sở Y
    tế', 'Công an tỉnh:'), that gives the group to one ('Giao Sở Tài chính chủ trì ...') or
    that opens with the unit and ends with ':' over its duties."""
    text = _without_role_note(squash(title).strip().rstrip(":").strip())
    folded = fold(text)
    request = _REQUEST.match(folded)
    if request:
        return _requested_unit(text[request.end() :])
    # 'Sở Tài chính' is a name ('Tài' capital); 'Sở Y tế thực hiện' is a sentence; after a
    # comma the word is one more name in a list ('Các đoàn thể, tổ chức xã hội')
    verbs = [
        m
        for m in _VERB_STOP.finditer(folded)
        if text[m.start() + 1 : m.start() + 2].islower() and folded[m.start() - 1] != ","
    ]
    if len(text) <= 90 and starts_unit(text) and not verbs:
        return text
    if folded.startswith("giao "):
        return find_units(text).lead
    if title.strip().endswith(":") and text[:1].isupper() and starts_unit(text):
        # 'Sở Giáo dục và Đào tạo chủ trì, phối hợp với …:' over the duties it then lists
        return find_units(text, subject=True).lead
    return None


# 'Sở Tài chính (cơ quan chủ trì)', 'Công an tỉnh (cơ quan thường trực)', 'Sở Tài chính - Cơ
# quan thường trực Ban Chỉ đạo': the unit's role in the plan, written after its name.
_ROLE_NOTE = re.compile(
    r"\s*\([^()]*\b(?:chu tri|thuong truc|dau moi)\b[^()]*\)\s*$"
    # 'Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo'
    r"|\s+[-–]\s+(?:la\s+)?(?:co quan|don vi)\s+(?:chu tri|thuong truc|dau moi)\b.*$"
)


def _without_role_note(text: str) -> str:
    note = _ROLE_NOTE.search(fold(text))
    return text[: note.start()] if note else text


# 'Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh': the plan asks a body outside the issuer's
# command (the Front, customs, a court) to do the duties listed under it.
_REQUEST = re.compile(r"de nghi\b\s*:?\s*")


def _requested_unit(named: str) -> str | None:
    """The one body a request heading names; none where it names several ('Viện kiểm sát …,
    Tòa án …', '… và các tổ chức chính trị - xã hội'), since none of them is said to lead."""
    pieces = re.split(r",|\bvà\b|;", named)
    if any(starts_unit(piece) for piece in pieces[1:]):
        return None
    return unit_heading(named)


def is_collective(name: str) -> bool:
    """'các phòng, đơn vị liên quan', 'đơn vị trực thuộc': groups of units, not a unit."""
    key = fold_key(name)
    if key.startswith(_COLLECTIVE_STARTS) or "lien quan" in key:
        return True
    return key.startswith(("don vi", "co quan")) and name.strip()[:1].islower()


def split_units(text: str) -> list[str]:
    """'Thanh tra Sở và các phòng, đơn vị liên quan' -> ['Thanh tra Sở', 'các phòng, đơn vị
    liên quan']; commas inside a name ('Sở Văn hóa, Thể thao và Du lịch') stay."""
    folded = fold(text)
    names: list[str] = []
    start, glue = 0, ""
    for match in re.finditer(r"\s*(?:;|,|\n|\bva\b|\bcung\b)\s*|$", folded):
        piece = text[start : match.start()].strip()
        if names and piece and _continues(names[-1], piece):
            names[-1] += glue + piece
        elif piece:
            names.append(piece)
        start, glue = match.end(), text[match.start() : match.end()]
        if match.start() == len(folded):
            break
    return [n for n in (clean_unit(n) for n in names) if n]


def _continues(previous: str, piece: str) -> bool:
    if not starts_unit(piece):
        return True
    if fold_key(previous).endswith(("hdnd", "hoi dong nhan dan", "dbqh")):
        return True  # 'Văn phòng HĐND và UBND huyện' is one office
    return is_collective(previous) and piece[:1].islower()


def clean_unit(name: str) -> str:
    """Strip list punctuation, '(chủ trì)' and a trailing verb from a unit name."""
    name = _drop_role(name)
    name = squash(name).strip(" ,;:.-–()\"'“”")
    folded = fold(name)
    stop = _VERB_STOP.search(folded)
    if stop and name[stop.start() + 1 : stop.start() + 2].islower():
        name = name[: stop.start()]
    name = name[: after_abbreviation(name)]
    name = re.sub(r"^(?:[Gg]iao|[Cc]ho|[Vv]ới)\s+", "", name)
    return name.strip(" ,;:.-–")


def _drop_role(name: str) -> str:
    folded = fold(name)
    for role in ("(chu tri)", "(phoi hop)"):
        index = folded.find(role)
        if index >= 0:
            name = name[:index] + name[index + len(role) :]
            folded = fold(name)
    return name


def _labelled(text: str, folded: str, found: ProseUnits) -> None:
    for pattern, is_lead in ((_LEAD_LABEL, True), (_SUPPORT_LABEL, False)):
        match = pattern.search(folded)
        if not match:
            continue
        end = _field_end(text, folded, match.end())
        names = split_units(text[match.end() : end])
        found.spans.append((match.start(), end))
        if is_lead and names:
            found.lead, extra = names[0], names[1:]
            found.support = extra + found.support
            found.labelled = True
        elif not is_lead:
            found.support += names


def _field_end(text: str, folded: str, start: int) -> int:
    """A labelled list of units goes on past ';' while the next piece names a unit
    ('Cơ quan thực hiện: Sở Khoa học và Công nghệ; Sở Tư pháp; ...')."""
    end = clause_end(folded, start)
    while end < len(folded) and folded[end] == ";":
        following = text[end + 1 : end + 80]
        if not starts_unit(following) or is_field_line(following):
            break
        end = clause_end(folded, end + 1)
    return end


def _lead_word(text: str, folded: str, found: ProseUnits) -> None:
    for match in _LEAD_WORD.finditer(folded):
        start = _clause_start(folded, match.start())
        lead_start = _unit_start(text, folded, start, match.start())
        if lead_start is None:
            continue
        names = split_units(text[lead_start : match.start()])
        if not names:
            continue
        found.lead, found.support = names[0], names[1:] + found.support
        end = _support_after(text, folded, match.end(), found)
        found.spans.append((_given_start(folded, lead_start), end))
        return


def _support_after(text: str, folded: str, position: int, found: ProseUnits) -> int:
    """Supporting units right after 'chủ trì': ', phối hợp với Y' or ', Y phối hợp'."""
    limit = clause_end(folded, position)
    match = _SUPPORT_AFTER.match(folded, position, limit)
    if match:
        end = _verb_end(text, folded, match.end(), limit)
        found.support += split_units(text[match.end() : end])
        return end
    tail = re.match(r"\s*,\s*(.+?)\s+phoi hop\b", folded[position:limit])
    if tail and starts_unit(text[position + tail.start(1) : position + tail.end(1)]):
        found.support += split_units(text[position + tail.start(1) : position + tail.end(1)])
        return position + tail.end()
    return position


def _given(text: str, folded: str, found: ProseUnits) -> None:
    for match in _GIVEN.finditer(folded):
        if not text[match.end() : match.end() + 1].isupper() or not starts_unit(
            text[match.end() :]
        ):
            continue
        limit = clause_end(folded, match.end())
        end = _verb_end(text, folded, match.end(), limit)
        names = split_units(text[match.end() : end])
        if names:
            found.lead, found.support = names[0], names[1:] + found.support
            found.spans.append((match.start(), end))
            return


def _partner(text: str, folded: str, found: ProseUnits) -> None:
    """'Phòng A phối hợp với Phòng B ...': A leads, B supports (only when A is named)."""
    for match in _PARTNER.finditer(folded):
        start = _clause_start(folded, match.start())
        lead_start = _unit_start(text, folded, start, match.start())
        if lead_start is None:
            continue
        leads = split_units(text[lead_start : match.start()])
        limit = clause_end(folded, match.end())
        end = _verb_end(text, folded, match.end(), limit)
        if leads:
            found.lead = leads[0]
            found.support = leads[1:] + split_units(text[match.end() : end]) + found.support
            found.spans.append((lead_start, end))
            return


def _doer(text: str, folded: str, found: ProseUnits) -> None:
    """'...; Văn phòng HĐND và UBND huyện thực hiện': a clause made of unit names + a verb."""
    for match in _DOER.finditer(folded):
        start = _clause_start(folded, match.start())
        while start < match.start() and text[start] == " ":
            start += 1
        subject = text[start : match.start()]
        if not subject[:1].isupper() or len(subject.split()) > 10 or not starts_unit(subject):
            continue
        names = split_units(subject)
        if names and not is_collective(names[0]):
            found.lead, found.support = names[0], names[1:] + found.support
            found.spans.append((start, match.end()))
            return


# Lower-case words that go on a unit name after an abbreviation ('UBND tỉnh', 'UBND các xã').
_PLACE_WORDS = frozenset(
    "tinh huyen xa phuong thanh pho tp thi tran quan cap cac va thuoc truc dac khu".split()
)
# Verbs a task's sentence opens with after its unit ('Sở Y tế giám sát …'), beyond _VERBS.
_SUBJECT_VERBS = _VERBS + (
    "thuc day", "giam sat", "ho tro", "huy dong", "nghien cuu", "don doc", "chi dao",
    "quan ly", "pho bien", "van dong", "bo tri", "phan bo", "long ghep", "xu ly", "kip thoi",
    "khan truong", "de xuat", "quan triet", "tap trung", "uu tien", "duy tri", "tham dinh",
    "phe duyet", "tham gia", "lap", "duoc", "phai", "dong thoi", "tich cuc",
    "trinh", "xem xet", "gui", "dieu phoi", "thanh lap", "kien toan", "phat dong", "ung dung",
    "khac phuc", "hoan thanh", "bao dam", "lua chon", "thong tin", "phat huy", "nghiem tuc",
    "dinh huong", "chuan bi", "rut kinh nghiem",
)  # fmt: skip
_SUBJECT_VERB = re.compile(r"\s(?:" + "|".join(_SUBJECT_VERBS) + r")\b")
_SUBJECT_WORDS = 14


def after_abbreviation(name: str) -> int:
    """Where a unit name ends when an abbreviation is followed by a lower-case word that is
    not a place ('Sở KH&CN thúc đẩy' -> 'Sở KH&CN'); else its length."""
    for match in re.finditer(r"\S+", name):
        word = match.group(0).strip(",;")
        if not (len(re.sub(r"[^A-ZĐ]", "", word)) >= 2 and word == word.upper()):
            continue
        following = re.match(r"\s+(\S+)", name[match.end() :])
        if following and following.group(1)[:1].islower():
            if fold(following.group(1)).strip(",;") not in _PLACE_WORDS:
                return match.end()
    return len(name)


def _subject(text: str, found: ProseUnits) -> None:
    """'Sở Tài chính định kỳ hằng quý tổng hợp …', 'Các Trung tâm y tế giám sát …': the task's
    sentence opens with the unit that does it. The name ends where its verb starts; a
    lower-case word right after a unit type ('Ban chỉ đạo') is still the name."""
    stripped = text.lstrip(" -–+•")
    if not stripped[:1].isupper() or not starts_unit(stripped) or not _names_a_unit(stripped):
        return
    folded = fold(stripped)
    limit = clause_end(folded, 0)
    end = next(
        (
            m.start()
            for m in _SUBJECT_VERB.finditer(folded, 0, limit)
            if stripped[m.start() + 1].islower() and not _after_unit_type(folded, m.start())
        ),
        None,
    )
    end = min(end, after_abbreviation(stripped[:end])) if end is not None else None
    if end is None or len(stripped[:end].split()) > _SUBJECT_WORDS:
        return
    names = split_units(stripped[:end])
    # 'Cơ quan giải quyết …' opens with a kind of unit, not a unit
    if names and fold_key(names[0]) not in _UNIT_WORDS and " - " not in stripped[:end]:
        # the subject stays in the title: without it the sentence would open with its verb
        found.lead, found.support = names[0], names[1:] + found.support


def _names_a_unit(text: str) -> bool:
    """'Các Trung tâm y tế' or 'Các sở, ngành' name units; 'Tất cả lực lượng' does not."""
    key = fold_key(text)
    for start in _COLLECTIVE_STARTS:
        if key.startswith(start):
            rest = key[len(start) :]
            return any(rest == w or rest.startswith(w + " ") for w in _UNIT_WORDS)
    return True


# Unit types whose name may go on in lower case ('Ban chỉ đạo', 'Hội đồng quản lý').
_NAME_TYPES = frozenset({"ban", "hoi dong", "to", "to cong tac", "trung tam", "phong", "doi"})


def _after_unit_type(folded: str, position: int) -> bool:
    before = folded[:position].split()
    return any(" ".join(before[-n:]) in _NAME_TYPES for n in (1, 2, 3) if len(before) >= n)


def _output(text: str, folded: str, found: ProseUnits) -> None:
    match = _OUTPUT_LABEL.search(folded)
    if match:
        end = clause_end(folded, match.end())
        value = squash(text[match.end() : end]).strip(" ,;.")
        if value:
            found.output = value
            found.spans.append((match.start(), end))


def _clause_start(folded: str, position: int) -> int:
    """Start of the clause holding ``position``: after ';', ':', '(', a new line or a '. '
    that ends a sentence (not the dot of 'P. QLVH')."""
    index = position - 1
    while index >= 0:
        char = folded[index]
        if char in ";:(\n":
            return index + 1
        if char == "." and folded[index + 1 : index + 2] == " ":
            word = folded[:index].split()[-1:] or [""]
            if word[0] not in ABBREVIATIONS:
                return index + 1
        index -= 1
    return 0


def _unit_start(text: str, folded: str, start: int, end: int) -> int | None:
    """The earliest place in text[start:end] where a unit name begins: the clause start, or
    just after 'Giao', 'do' or a comma."""
    candidates = [start] + [
        m.end()
        for m in re.finditer(r"(?:,\s*|\bgiao\s+(?:cho\s+)?|\bdo\s+)", folded[:end])
        if m.end() > start
    ]
    for candidate in candidates:
        while candidate < end and text[candidate] == " ":
            candidate += 1
        piece = text[candidate:end]
        if piece and piece[0].isupper() and starts_unit(piece):
            return candidate
    return None


def _given_start(folded: str, lead_start: int) -> int:
    """Include a 'Giao ' just before the lead in the phrase cut from the title."""
    before = folded[:lead_start].rstrip()
    for word in ("giao cho", "giao"):
        if before.endswith(word):
            return len(before) - len(word)
    return lead_start


def _verb_end(text: str, folded: str, start: int, limit: int) -> int:
    """End of a list of unit names: the first lower-case verb such as 'thực hiện'."""
    for match in _VERB_STOP.finditer(folded, start, limit):
        if text[match.start() + 1].islower():
            return match.start()
    return limit
