"""The web page's own text after a crawled document: a line naming the document by kind and
number without 'số' ('Kế hoạch 980/KH-UBND năm 2025 thực hiện …', the site's title for it),
then related documents, dates, and notes on the site. The document itself always writes
'Kế hoạch số 980/KH-UBND'; without the cut, the trailer reads as the last annex row's cell."""

import re

from .blocks import Block
from .text import fold

_SITE_TITLE = re.compile(
    r"^(?:ke hoach|quyet dinh|nghi quyet|chi thi|cong van|chuong trinh|thong tu|nghi dinh)"
    r"\s+\d{1,5}[/\w.-]*/[a-z]"
)
_RECIPIENTS = re.compile(r"^noi nhan\b")
_FIRST_LETTERS = frozenset("NKQCTnkqct")


def cut_page_trailer(blocks: list[Block]) -> list[Block]:
    """The blocks up to the site's title line, when one follows the recipients list."""
    closing_seen = False
    for index, block in enumerate(blocks):
        # only 'Nơi nhận' and a site title ('Kế hoạch …', 'Quyết định …') need a closer look
        if block.is_row or block.text.lstrip()[:1] not in _FIRST_LETTERS:
            continue
        key = fold(block.text).strip()
        if _RECIPIENTS.match(key):
            closing_seen = True
        elif closing_seen and _SITE_TITLE.match(key):
            return blocks[:index]
    return blocks
