"""The fixed wordings of an administrative document (Decree 30/2020/NĐ-CP, Appendix I):
its number, place and date, part and point numbering, and the recipients list."""

import datetime
import re

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
RECIPIENTS_LABEL = "Nơi nhận:"
ARCHIVE_PREFIX = "Lưu:"

# A blank left where the clerk writes the number or the day by hand when the document is issued.
_BLANK = "\u00a0" * 6
_LEADING_NUMBER = re.compile(r"^\s*(\d+)")
_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]
# Points are lettered in the Vietnamese alphabet order: a), b), c), d), đ), e)…
_POINT_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()


def document_number(number: str | int | None, type_code: str, issuer_code: str) -> str:
    """'Số: 05/BC-SVHTTDL'. A number below 10 gets a leading 0; a number already written in
    full ('5/BC-SVHTTDL') is padded the same way; no number leaves a blank to fill in."""
    text = str(number).strip() if number not in (None, "") else ""
    if "/" in text:
        return f"Số: {_pad_leading_number(text)}"
    suffix = "-".join(part for part in (type_code, issuer_code) if part)
    if not text:
        return f"Số:{_BLANK}/{suffix}" if suffix else f"Số:{_BLANK}"
    number_text = _pad_leading_number(text)
    return f"Số: {number_text}/{suffix}" if suffix else f"Số: {number_text}"


def _pad_leading_number(text: str) -> str:
    return _LEADING_NUMBER.sub(lambda m: f"{int(m.group(1)):02d}", text, count=1)


_PROVINCE_PREFIX = re.compile(
    r"^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)?\s*(tỉnh|thành phố|tp\.?)\s+", re.IGNORECASE
)


def province_place(name: str) -> str:
    """'Ủy ban nhân dân tỉnh Hưng Yên' → 'Hưng Yên', the place a document is dated at."""
    return _PROVINCE_PREFIX.sub("", (name or "").strip()).strip()


def place_and_date(place: str, on: datetime.date | None, *, year: int | None = None) -> str:
    """'Hưng Yên, ngày 05 tháng 01 năm 2021': days below 10 and the months 1 and 2 get a
    leading 0 (the decree's rule, so 'tháng 3' stays as it is). Without a date the day and
    month are left blank for the clerk, and the year is the one given."""
    if on is None:
        year_text = str(year) if year else _BLANK
        return f"{place}, ngày{_BLANK}tháng{_BLANK}năm {year_text}"
    month = f"{on.month:02d}" if on.month < 3 else str(on.month)
    return f"{place}, ngày {on.day:02d} tháng {month} năm {on.year}"


def roman(number: int) -> str:
    if number < 1:
        raise ValueError("Roman numerals start at 1")
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def point_letter(index: int) -> str:
    """The label of the index-th point (1-based): a), b)… past 'y' the letters double."""
    if index < 1:
        raise ValueError("points are counted from 1")
    letters = _POINT_LETTERS
    letter = letters[(index - 1) % len(letters)] * (1 + (index - 1) // len(letters))
    return f"{letter})"


def recipient_lines(recipients: list[str], archive: str = "VT") -> list[str]:
    """Each recipient as '- …;' and the archive line last as '- Lưu: VT, ….'.

    Recipients typed or imported as '- UBND tỉnh;' are taken as they come; a 'Lưu: …' entry in
    the list is used as the archive line instead of `archive`."""
    names = [_clean(name) for name in recipients]
    names = [name for name in names if name]
    archive_line = next((n for n in names if n.lower().startswith("lưu")), None)
    names = [n for n in names if n is not archive_line]
    if archive_line is None:
        archive_line = f"{ARCHIVE_PREFIX} {archive}" if archive else ARCHIVE_PREFIX + " VT"
    return [f"- {name};" for name in names] + [f"- {archive_line}."]


def _clean(text: str) -> str:
    return str(text).strip().lstrip("-+•–").strip().rstrip(";.,").strip()
